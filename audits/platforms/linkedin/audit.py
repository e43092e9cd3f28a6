"""The LinkedIn audit: the public profile and the visibility settings.

LinkedIn is the professional profile, so a public work identity is expected: the checks
look for personal details leaking into it (personal sections, and an About or any other
section that says where the member lives, names their family or gives personal contact
details) and for how people can find the user by email and phone.

Pages read (each once): the feed (who is signed in); the public profile settings (the
custom URL, which proves the profile's address; the master switch; the sections shown; the
owner's preview of the public profile); the Visibility settings (the rows' values, and an
item's own page only where the rows don't say); the profile logged out; the connections
list. A stranger's view counts only when it is provably this member's own profile (its
final address is the member's `/in/<vanity>/` and it names the member); the authwall, the
guest home page, an anti-bot page or anyone else's page prove nothing. LinkedIn's
"Profile Not Found" at the member's own address, once the owner's view has proved the
profile exists, is positive evidence that the public profile is off (facts section 10).

Wording (labels, values) comes from docs/research/platform-facts.md, sections 4 and
10, as data below; where the facts give no label, the setting is read on its own page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from audits.catalog import checks_for
from audits.model import Audience, Evidence, Finding, Source
from audits.pages import Loaded, PageProblem, ProblemKind, Ready, Stopped, norm, read
from audits.phrasing import plural
from audits.platforms.base import STOPPED, PlatformAudit, Step, evidence, shown_words
from audits.watchwords import count_watch_list_matches

BASE = "https://www.linkedin.com"


SETTINGS_HUB = f"{BASE}/mypreferences/d/categories/account"
PUBLIC_SETTINGS = f"{BASE}/public-profile/settings"
CONNECTIONS = f"{BASE}/mynetwork/invite-connect/connections/"

# -- wording, as data (platform-facts.md; each tuple's current wording first) -------------------
#
# Value words that widen an audience may be generous: reading one never gives a false ok.
# Words that narrow it are taken from the facts; the few the facts don't name yet (marked
# "not in the facts") are the option wording the settings show, to be confirmed by research.

ON_OFF = {"on": True, "off": False}  # a switch's state shown as a word
NOT_SHOWN = Audience.ONLY_ME


@dataclass(frozen=True)
class Item:
    """One visibility setting: how the pages name it, its own page, its values."""

    check: str
    labels: tuple[str, ...]  # facts 4.1; empty: the facts give no label (read on its own page)
    slugs: tuple[str, ...]  # its own page, /mypreferences/d/<slug> (or .../visibility/<slug>)
    values: dict = field(default_factory=dict)  # value word -> Audience, or bool for a toggle
    toggle: bool = False
    page_others: tuple[str, ...] = ()  # the other controls' labels on its own page (facts)


ITEMS = (
    Item("linkedin.connections_visibility",
         ("Who can see your connections", "Connection visibility"),  # 4.1
         ("connections-visibility",),  # 4.1: "a toggle, visible or hidden"
         {**ON_OFF, "visible": True, "hidden": False}, toggle=True),
    Item("linkedin.email_visibility",
         ("Who can see or download your email address",),  # 4.1
         ("email-visibility",),  # not in the facts: the real site's address
         {"anyone on linkedin": Audience.PUBLIC,  # 4.1
          # CHECKS.md: "2nd degree" is at risk
          "1st and 2nd degree connections": Audience.WIDE, "1st and 2nd-degree connections": Audience.WIDE,
          "1st-degree connections": Audience.FRIENDS,  # 4.1 (contact info: "Only 1st-degree connections")
          "only visible to me": Audience.ONLY_ME},  # 4.1 (the same page family's "Only visible to me")
         page_others=("Allow connections to export emails",)),  # 4.1
    Item("linkedin.discover_email",
         ("Profile discovery using email address",),  # 4.1
         ("profile-discovery-email",),  # not in the facts: the real site's address
         {"anyone": Audience.PUBLIC, "everyone": Audience.PUBLIC,  # 4.1
          "2nd-degree connections": Audience.WIDE,
          "1st-degree connections": Audience.FRIENDS,  # 4.1
          "no one": Audience.ONLY_ME,  # 4.1
          "nobody": Audience.ONLY_ME}),  # not in the facts: the discovery pages' option
    Item("linkedin.discover_phone",
         ("Profile discovery using phone number",),  # 4.1
         ("profile-discovery-phone",),
         {"everyone": Audience.PUBLIC, "anyone": Audience.PUBLIC,  # 4.1
          "2nd-degree connections": Audience.WIDE,
          "1st-degree connections": Audience.FRIENDS,  # 4.1
          "no one": Audience.ONLY_ME,  # 4.1
          "nobody": Audience.ONLY_ME}),  # not in the facts: the discovery pages' option
    Item("linkedin.last_name",
         (),  # the facts name its page and its two values, not its label
         ("last-name-visibility", "name-visibility"),  # 4.1
         {"full last name": Audience.PUBLIC, "last initial": NOT_SHOWN}),  # 4.1
    Item("linkedin.active_status",
         ("Manage active status", "Who can see that you are currently active"),  # 4.1
         ("manage-active-status",),
         {"all linkedin members": Audience.PUBLIC, "everyone": Audience.PUBLIC,  # 4.1 / CHECKS.md
          "your connections only": Audience.FRIENDS,  # not in the facts: the page's option
          "your connections": Audience.FRIENDS,  # 4.1 (audience wording)
          "no one": Audience.ONLY_ME}),  # 4.1
)
ITEM = {item.check: item for item in ITEMS}
VISIBILITY_LINK = ("visibility",)  # 4.1: the settings' "Visibility" category

# Public profile settings (4.1): the master switch, the photo's audience, the sections.
MASTER = ("Your profile's public visibility", "Edit visibility")
PHOTO = ("Profile photo",)
PHOTO_WORDS = {"public": Audience.PUBLIC, "all linkedin members": Audience.WIDE, "your network": Audience.WIDE,
               "your connections": Audience.FRIENDS}
SUMMARY = ("Summary", "About")  # 4.1 "Summary/About"
# Public-profile sections that carry personal life rather than work (guidance C4: keep the
# professional profile free of family, home and personal contact details): the switch's
# label (4.1) -> the headings the public page shows for it (the section's own name, and
# "Activity", the public page's name for articles and activity).
PERSONAL_SECTIONS = {
    "Articles & activity": ("Articles & activity", "Activity"),
    "Websites": ("Websites",),
    "Volunteer experience": ("Volunteer experience",),
    "Causes": ("Causes",),
    "Groups": ("Groups",),
}
# The other section switches the facts name (4.1), so a row never reaches into theirs.
OTHER_SECTIONS = ("Headline", "Current and past experience", "Education", "Licenses & certifications", "Skills",
                  "Recommendations", "Projects", "Publications", "Courses", "Honors & awards", "Languages",
                  "Organizations", "Patents", "Test scores")
ABOUT_HEADINGS = ("about", "summary")

# What a logged-out visitor may get at a profile's address (facts section 10).
NOT_FOUND_TEXT = ("the linkedin profile you're looking for isn't public or doesn't exist",)
NOT_FOUND_PAGE_KEY = "public_profile_v3_desktop"

# Personal details in free text (About, or any other section). Written for a social worker's
# profile: "children's services", "family support" or "our children and young people" are
# work, so family words count only as one's own ("my partner", "our two children").
NUMBER = r"(?:one|two|three|four|five|six|seven|\d+)"
PERSONAL_DETAILS: dict[str, tuple[str, ...]] = {
    "where you live": (
        r"(?:^|[.!?;]\s*|\b(?:i|we|who|she|he|they|and|currently|now|still)\s+)lives?\s+in\b",
        r"(?:^|[.!?;]\s*|\b(?:i'm|i am|we're|we are|currently|now|still)\s+)living\s+in\b",
        r"\b(?:my|our)\s+home\s*(?:town\b|is\s+in\b|in\b)",
        r"\bhome\s*town\b",
        r"\bgrew\s+up\s+in\b",
        r"\boriginally\s+from\b",
        r"\bborn\s+and\s+(?:raised|bred)\s+in\b",
        r"\b(?:my|home)\s+address\b",
    ),
    "your family": (
        r"\bmy\s+(?:\w+\s+)?(?:partner|husband|wife|spouse|fianc[eé]e?|boyfriend|girlfriend)\b",
        r"\bmy\s+(?:\w+\s+)?(?:children|kids|sons?|daughters?|twins|baby|grandchildren|grandkids|little ones)\b(?!')",
        rf"\bour\s+(?:own\s+|{NUMBER}\s+)(?:\w+\s+)?(?:children|kids|sons|daughters|boys|girls|twins|grandchildren)\b(?!')",
        rf"\b(?:mum|mom|mother|dad|father|parent|mama|papa)\s+(?:of|to)\s+(?:{NUMBER}|twins)\b",
        r"\bmy\s+(?:mum|mom|mother|dad|father|parents|sister|brother|family)\b"
        r"(?!\s+(?:support|centre|center|court|services?|law|work|group|hub|team))",
        r"\b(?:i'm|i am|happily|recently)\s+married\b",
        r"\bmarried\s+to\b",
    ),
}
EMAIL_IN_TEXT = re.compile(r"[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}\b")
PHONE_IN_TEXT = re.compile(r"\+?\(?\d[\d\s().-]{6,}\d")
CONTACT = "an email address or phone number"

# What each page kind must show before it is read (LinkedIn builds most of it by script).
CONTROLS = ("[role=main] [role=switch]", "main [role=switch]", "main [role=radio]", "main input[type=radio]",
            "main input[type=checkbox]", "main select", "main [role=radiogroup]", "main [role=checkbox]",
            "main fieldset", "main button[aria-label]", "main a[aria-label]", "main [role=button][aria-label]")
READY_HOME = Ready("your LinkedIn home page",  # 4.4: the signed-in navigation
                   selectors=("nav a[href*='/feed']", "nav a[href*='/mynetwork']"))
READY_PUBLIC_SETTINGS = Ready("your public profile settings",
                              texts=(*MASTER, *PERSONAL_SECTIONS, *SUMMARY))
READY_HUB = Ready("your settings", texts=(*VISIBILITY_LINK, *(label for item in ITEMS for label in item.labels)))
READY_VISIBILITY = Ready("your visibility settings", texts=tuple(label for item in ITEMS for label in item.labels))
READY_PROFILE = Ready("a LinkedIn profile", texts=NOT_FOUND_TEXT,
                      selectors=("main h1", "[role=main] h1", "h1", "[role=heading][aria-level='1']"))
READY_CONNECTIONS = Ready("your connections", texts=("connections",),
                          selectors=("main li", "[role=main] li", "main [role=listitem]"))


def personal_details(lines: list[str]) -> list[str]:
    """Which kinds of personal detail the text says (where you live, your family, contact)."""
    found = []
    for line in lines:
        text = norm(line)
        for kind, rules in PERSONAL_DETAILS.items():
            if kind not in found and any(re.search(rule, text) for rule in rules):
                found.append(kind)
        if CONTACT not in found and (EMAIL_IN_TEXT.search(text) or any(
                10 <= len(re.sub(r"\D", "", m.group(0))) <= 15 for m in PHONE_IN_TEXT.finditer(text))):
            found.append(CONTACT)
    return found


# Readers this audit needs beyond audits/readers.js (candidates for the shared readers).
LINKEDIN_JS = r"""
(args) => {
  const norm = (s) => (s || "").replace(/[\u2018\u2019\u02bc\u2032]/g, "'").replace(/\u2026/g, "...")
    .replace(/\s+/g, " ").trim().toLowerCase();
  const shown = (el) => !!el && el.isConnected && !el.closest("[hidden],[aria-hidden='true']") &&
    (!el.checkVisibility || el.checkVisibility({checkVisibilityCSS: true})) && el.getClientRects().length > 0;
  const shownControl = (el) => shown(el) || [...(el.labels || [])].some(shown);
  // What a person reads in an element, without the parts hidden from a screen reader.
  const textOf = (el) => {
    let out = "";
    for (const n of el.childNodes) {
      if (n.nodeType === 3) out += n.textContent;
      else if (n.nodeType === 1 && n.getAttribute("aria-hidden") !== "true" &&
               !["SCRIPT", "STYLE", "TEMPLATE"].includes(n.tagName)) out += " " + textOf(n);
    }
    return out;
  };
  // An icon control's own accessible name: aria-labelledby, then aria-label.
  const ownName = (el) => {
    const by = el.getAttribute("aria-labelledby");
    if (by) {
      const t = by.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map(textOf).join(" ");
      if (t.trim()) return t;
    }
    return el.getAttribute("aria-label") || "";
  };
  const words = (args.words || []).map(norm);
  const exact = (t, add) => {
    t = norm(t).replace(/[\s.:;,!?]+$/, "");
    for (const w of words) if (t === w || t.startsWith(w + " (") || t.startsWith(w + " - ")) add(w);
  };
  // The value at the end of a name: "Change X, currently Off" / "X: Off" / "Off".
  const tail = (name) => {
    const rest = norm(name).replace(/[\s.]+$/, "");
    const m = rest.match(/(?:^|[,:;?\u2013\u2014]|\s-)\s*([^,:;?]+)$/);
    return m ? m[1].trim().replace(/^(?:currently|set to|selected|now)\s*:?\s*/, "") : rest;
  };
  // The main part a person sees (a hidden copy of it is not the page).
  const root = () => [...document.querySelectorAll("main,[role=main]")].find(shown) || document.body;
  const ICONS = "button[aria-label],a[aria-label],[role=button][aria-label],[role=link][aria-label]," +
                "button[aria-labelledby],a[aria-labelledby],[role=button][aria-labelledby]";

  const fns = {
    // Links to a member's profile (/in/<vanity>/) and the lines a person reads in them.
    profileLinks: () => [...document.querySelectorAll("a[href]")].filter(shown).map((a) => ({
      path: new URL(a.href, location.href).pathname,
      lines: (a.innerText || "").split("\n").map((s) => s.trim()).filter(Boolean),
    })).filter((l) => /^\/in\/[^/]+\/?$/.test(l.path)),
    // Icon buttons and links anywhere on the page whose own name holds the label, then the
    // value: "Change your profile's public visibility, currently Off".
    namedValues: () => {
      const found = new Set();
      for (const el of document.querySelectorAll(ICONS)) {
        if (!shown(el) || el.matches("[role=radio],[role=option],[role=switch],[role=checkbox]")) continue;
        const name = norm(ownName(el));
        for (const label of args.labels.map(norm)) {
          const at = name.indexOf(label);
          if (at < 0) continue;
          const rest = name.slice(at + label.length).replace(/^[\s?:.,;\u2013\u2014-]+/, "");
          if (rest) exact(tail(rest), (w) => found.add(w));
        }
      }
      return [...found];
    },
    // A page given to one setting: the chosen values its main part shows (checked radios,
    // chosen options, a select, an icon control's name), never options left unchosen.
    pageChoices: () => {
      const found = new Set();
      const add = (w) => found.add(w);
      const r = root();
      for (const input of r.querySelectorAll("input[type=radio]:checked")) {
        if (!shownControl(input)) continue;
        for (const label of input.labels || []) exact(textOf(label), add);
        if (input.getAttribute("aria-label")) exact(input.getAttribute("aria-label"), add);
      }
      for (const el of r.querySelectorAll("[role=radio][aria-checked=true],[role=option][aria-selected=true]," +
                                          "[role=menuitemradio][aria-checked=true]")) {
        if (shown(el)) exact(ownName(el) || textOf(el), add);
      }
      for (const sel of r.querySelectorAll("select")) {
        if (shownControl(sel) && sel.selectedOptions[0]) exact(sel.selectedOptions[0].textContent, add);
      }
      for (const el of r.querySelectorAll(ICONS)) {
        if (!shown(el) || el.closest("[role=radio],[role=option],option")) continue;
        exact(tail(ownName(el)), add);
      }
      return [...found];
    },
    // The on/off states of the switches the main part shows (null: no readable state).
    pageSwitches: () => [...root().querySelectorAll("[role=switch],[role=checkbox],input[type=checkbox],button[aria-pressed]")]
      .filter(shownControl).map((el) => {
        const a = el.getAttribute("aria-checked") ?? el.getAttribute("aria-pressed");
        if (a === "true" || a === "false") return a === "true";
        return el.tagName === "INPUT" ? !!el.checked : null;
      }),
    pageKey: () => { const m = document.querySelector("meta[name=pageKey]"); return m ? m.content || "" : ""; },
  };
  return fns[args.fn]();
}
"""


def li_read(page, fn: str, **kwargs):
    return page.evaluate(LINKEDIN_JS, {"fn": fn, **kwargs})


def _graph(blobs: list[str]) -> list[dict]:
    """The nodes of the page's schema.org description (JSON-LD) for search engines."""
    nodes: list[dict] = []
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        items = data.get("@graph", [data]) if isinstance(data, dict) else data if isinstance(data, list) else []
        nodes += [n for n in items if isinstance(n, dict)]
    return nodes


def _section_named(text: str) -> str | None:
    t = norm(text).strip(" :")
    for section, headings in PERSONAL_SECTIONS.items():
        if t in (norm(h) for h in headings):
            return section
    return None


def _path(url: str) -> str:
    return urlsplit(url).path.rstrip("/").lower()


class LinkedInAudit(PlatformAudit):
    platform = "linkedin"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vanity = ""
        self.vanity_confirmed = False  # the owner's own public profile settings showed the address
        self.sections: dict[str, bool] = {}  # personal section -> shown (settings page)
        self.preview_read = False  # the owner's preview of the public profile was recognised
        self.preview_details: list[str] = []  # personal details that preview shows
        self.public_state: str | None = None  # "profile" (proven the member's) or "not_found"
        self.public_sections: list[str] = []  # personal sections and details a stranger sees
        self.connections: list[str] = []
        self.connections_total: int | None = None
        self.connections_complete = False
        self.connections_problem: str | None = None
        self._hub_links: list[dict] = []
        self._feed_profiles: list[tuple[str, list[str]]] = []  # (vanity, the link's lines) on the feed
        self._loaded_urls: set[str] = set()

    def steps(self) -> list[Step]:
        every = frozenset(c.id for c in checks_for("linkedin"))
        c = lambda *ids: frozenset(f"linkedin.{i}" for i in ids)  # noqa: E731
        return [
            Step("finding your LinkedIn account", self.read_feed, every),
            Step("reading your public profile settings", self.read_public_settings, c("public_profile")),
            Step("reading your visibility settings", self.read_visibility,
                 c("connections_visibility", "email_visibility", "discover_email", "discover_phone", "last_name",
                   "active_status")),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile,
                 c("public_profile")),
            Step("reading your connections", self.read_connections, c("connections_watchlist")),
        ]

    # -- reading ------------------------------------------------------------------------------------
    def read_feed(self) -> None:
        loaded = self.load("home", f"{BASE}/feed/", owner=True, ready=READY_HOME)
        if not loaded.ok:
            return
        for link in li_read(self.owner, "profileLinks"):
            vanity = link["path"].strip("/").split("/")[-1]
            if vanity != "me":
                self._feed_profiles.append((vanity, link["lines"]))
        # The feed links to other people's profiles too: a link that says it is yours wins,
        # and the public profile settings' own address (read next) overrides this guess.
        mine = [v for v, lines in self._feed_profiles
                if any(norm(line) in ("view profile", "your profile") for line in lines)]
        guess = mine or [v for v, _lines in self._feed_profiles]
        if guess:
            self._set_vanity(guess[0])

    def _set_vanity(self, vanity: str) -> None:
        self.vanity = vanity
        self.account.profile_url = f"{BASE}/in/{vanity}/"
        # The name a person reads in the feed's link to the profile (its first line; the
        # photo's description is not part of what is read).
        names = [line for v, lines in self._feed_profiles if v.lower() == vanity.lower() for line in lines
                 if norm(line) not in ("view profile", "your profile", "me") and len(norm(line)) >= 2]
        self.account.display_name = names[0] if names else ""

    def _names(self) -> list[str]:
        """How LinkedIn names the member: the full name, and "First L." (last initial only)."""
        name = (self.account.display_name or "").strip()
        if not name:
            return []
        first, _, last = name.rpartition(" ")
        return [name] + ([f"{first} {last[0]}."] if first and last else [])

    def _signed_out(self) -> bool:
        return self.signed_out()

    def read_public_settings(self) -> None:
        if self._signed_out():
            return
        loaded = self.load("settings:public", PUBLIC_SETTINGS, owner=True, ready=READY_PUBLIC_SETTINGS)
        if not loaded.ok:
            return
        # "Edit your custom URL": the owner's own address, whatever the feed suggested.
        found = re.findall(r"linkedin\.com/in/([A-Za-z0-9\-_%]+)", loaded.info.get("text", ""))
        if found:
            feed = {v.lower() for v, _lines in self._feed_profiles}
            self._set_vanity(next((v for v in found if v.lower() in feed), found[0]))
            self.vanity_confirmed = True
        sections = [*PERSONAL_SECTIONS, *SUMMARY, *OTHER_SECTIONS]
        self.read_toggle("public", loaded, MASTER, ON_OFF, others=[*PHOTO, *sections])
        for section in PERSONAL_SECTIONS:
            self.read_toggle(f"section:{section}", loaded, (section,), ON_OFF,
                             others=[*MASTER, *PHOTO, *(s for s in sections if s != section)])
            if "value" in self.reads[f"section:{section}"]:
                self.sections[section] = self.reads[f"section:{section}"]["value"]
        self.read_toggle("summary", loaded, SUMMARY, ON_OFF, others=[*MASTER, *PHOTO, *PERSONAL_SECTIONS, *OTHER_SECTIONS],
                         optional=True)
        self.read_choice_setting("photo", loaded, list(PHOTO), PHOTO_WORDS, others=[*MASTER, *sections])
        # The owner's preview of the public profile: recognised by the member's name, then
        # read for personal details anywhere in it (its About above all).
        groups = read(self.owner, "readGroups")
        names = [norm(n) for n in self._names()]
        self.preview_read = bool(names) and any(norm(g["heading"]) in names for g in groups)
        self.preview_details = self._details_in(groups)

    def _details_in(self, groups: list[dict], person: dict | None = None) -> list[str]:
        """Personal details in a profile's sections: "About (where you live, your family)"."""
        out: dict[str, list[str]] = {}
        for group in groups:
            kinds = personal_details(group["lines"])
            if not kinds:
                continue
            heading = group["heading"].strip()
            where = "About" if norm(heading) in ABOUT_HEADINGS else (
                "your name and headline" if norm(heading) in [norm(n) for n in self._names()] else heading or "your profile")
            out.setdefault(where, [])
            out[where] += [k for k in kinds if k not in out[where]]
        if person and isinstance(person.get("description"), str):
            kinds = personal_details(person["description"].split("\n"))
            if kinds:
                out.setdefault("About", [])
                out["About"] += [k for k in kinds if k not in out["About"]]
        return [f"{where} ({', '.join(kinds)})" for where, kinds in out.items()]

    def read_toggle(self, key: str, loaded: Loaded, labels, words: dict, others=(), optional: bool = False) -> None:
        """An on/off setting into self.reads[key]: a switch's state, or its value in words
        (row text, a chosen option, an icon button's or link's accessible name)."""
        if not loaded.ok:
            self.reads[key] = {"problem": loaded.problem.reason}
            return
        label = labels[0] if labels else ""
        got = read(self.owner, "readSwitch", labels=list(labels), others=list(others))
        if got.get("found") and got.get("state") is not None:
            self.reads[key] = {"value": got["state"], "raw": "on" if got["state"] else "off", "loaded": loaded,
                               "label": label}
            return
        if got.get("conflict"):
            self.reads[key] = {"problem": f"'{label}' showed more than one state, so Boundary can't tell which applies."}
            return
        choice = read(self.owner, "readChoice", labels=list(labels), words=list(words), others=list(others))
        values = choice.get("values", [])
        if not values:  # an icon button elsewhere on the page that names the setting and its value
            values = li_read(self.owner, "namedValues", labels=list(labels), words=list(words))
        if len(values) == 1:
            self.reads[key] = {"value": words[values[0]], "raw": values[0], "loaded": loaded, "label": label}
        elif len(values) > 1:
            self.reads[key] = {"problem": f"'{label}' showed more than one value, so Boundary can't tell which applies."}
        elif not (optional and not (got.get("found") or choice.get("found"))):
            self.reads[key] = {"problem": (
                f"Boundary found '{label}' but couldn't read whether it is on." if got.get("found") or choice.get("found")
                else f"The settings page didn't show '{label}'. {self.name} may have changed this page; check it by hand.")}

    def read_choice_setting(self, key: str, loaded: Loaded, labels: list[str], words: dict,
                            others: list[str] = ()) -> None:
        super().read_choice_setting(key, loaded, labels, words, others=others)
        if loaded.ok and "value" not in self.reads[key] and "more than one" not in self.reads[key]["problem"]:
            # An icon button elsewhere on the page that names the setting and its value.
            values = li_read(self.owner, "namedValues", labels=list(labels), words=list(words))
            if len(values) == 1:
                self.reads[key] = {"value": words[values[0]], "raw": shown_words(values[0]), "loaded": loaded,
                                   "label": labels[0]}

    def read_visibility(self) -> None:
        if self._signed_out():
            return
        hub = self.load("settings:hub", SETTINGS_HUB, owner=True, ready=READY_HUB)
        self._loaded_urls.add(SETTINGS_HUB)
        if hub.ok:
            self._read_rows(hub)
            if self._unread() and not self._links_to_unread():
                visibility = next((link["href"] for link in read(self.owner, "links")
                                   if link["name"] in VISIBILITY_LINK), None)
                if visibility and visibility not in self._loaded_urls:
                    self._loaded_urls.add(visibility)
                    page = self.load("settings:visibility", visibility, owner=True, ready=READY_VISIBILITY)
                    if page.ok:
                        self._read_rows(page)
        # Items the rows didn't answer: open each item's own page once.
        for check in self._unread():
            item = ITEM[check]
            url = self._item_url(item)
            if urlsplit(url).path.rstrip("/") == "/public-profile/settings" or url in self._loaded_urls:
                self.reads.setdefault(check, {"problem": f"Boundary couldn't find the page of '{self._what(item)}'."})
                continue
            self._loaded_urls.add(url)
            ready = Ready(f"the page of '{self._what(item)}'", texts=item.labels, selectors=CONTROLS)
            page = self.load(f"settings:{item.slugs[0]}", url, owner=True, ready=ready)
            self._read_item(item, page, own_page=True)

    @staticmethod
    def _what(item: Item) -> str:
        return item.labels[0] if item.labels else item.slugs[0].replace("-", " ")

    def _item_url(self, item: Item) -> str:
        """The item's own page: the settings' link to it (by its name, or by its address,
        /mypreferences/d/<slug> or .../visibility/<slug>), else the facts' address."""
        labels = [norm(label) for label in item.labels]
        for link in self._hub_links:
            if any(label in link["name"] for label in labels):
                return urljoin(BASE, link["href"])
        for link in self._hub_links:
            path = _path(link["href"])
            if path.startswith("/mypreferences/d/") and path.rsplit("/", 1)[-1] in item.slugs:
                return urljoin(BASE, link["href"])
        return f"{BASE}/mypreferences/d/{item.slugs[0]}"

    def _unread(self) -> list[str]:
        return [item.check for item in ITEMS if "value" not in self.reads.get(item.check, {})]

    def _links_to_unread(self) -> bool:
        wanted = [norm(label) for check in self._unread() for label in ITEM[check].labels]
        return any(label in link["name"] for link in self._hub_links for label in wanted)

    def _read_rows(self, loaded: Loaded) -> None:
        """A settings list whose rows show each item's current value."""
        self._hub_links += read(self.owner, "links")
        for check in self._unread():
            if ITEM[check].labels:
                self._read_item(ITEM[check], loaded, optional=True)

    def _read_item(self, item: Item, loaded: Loaded, optional: bool = False, own_page: bool = False) -> None:
        check = item.check
        # On a list, every other item's label is a neighbour's; on an item's own page, only
        # the other controls of that page are.
        others = list(item.page_others) if own_page else [
            label for other in ITEMS if other is not item for label in other.labels]
        if item.labels:
            if item.toggle:
                self.read_toggle(check, loaded, item.labels, item.values, others=others, optional=optional)
            else:
                self.read_choice_setting(check, loaded, list(item.labels), item.values, others=others)
        elif not loaded.ok:
            self.reads[check] = {"problem": loaded.problem.reason}
        if own_page and loaded.ok and "value" not in self.reads.get(check, {}) and \
                "more than one" not in self.reads.get(check, {}).get("problem", ""):
            self._read_own_page(item, loaded)
        if optional and "value" not in self.reads.get(check, {}):
            self.reads.pop(check, None)

    def _read_own_page(self, item: Item, loaded: Loaded) -> None:
        """A page given to this one setting (its own address): its only switch, or the one
        value its controls show as chosen. Two or none: not readable; nor is any other page
        (a redirect elsewhere must never lend its controls to this setting)."""
        if _path(loaded.url).rsplit("/", 1)[-1] not in item.slugs:
            self.reads[item.check] = {"problem": f"{self.name} didn't show the page of '{self._what(item)}' "
                                                 f"({loaded.url}). {self.name} may have changed it; check it by hand."}
            return
        if item.toggle:
            states = [s for s in li_read(self.owner, "pageSwitches")]
            if len(states) == 1 and states[0] is not None:
                self.reads[item.check] = {"value": states[0], "raw": "on" if states[0] else "off", "loaded": loaded,
                                          "label": self._what(item)}
                return
            values = [w for w in li_read(self.owner, "pageChoices", words=list(item.values))]
            if not states and len(values) == 1:
                self.reads[item.check] = {"value": item.values[values[0]], "raw": values[0], "loaded": loaded,
                                          "label": self._what(item)}
                return
            why = "more than one switch" if len(states) > 1 else "no switch Boundary could read"
        else:
            values = li_read(self.owner, "pageChoices", words=list(item.values))
            if len(values) == 1:
                self.reads[item.check] = {"value": item.values[values[0]], "raw": shown_words(values[0]),
                                          "loaded": loaded, "label": self._what(item)}
                return
            why = "more than one chosen value" if values else "no chosen value Boundary could read"
        self.reads[item.check] = {"problem": f"The page of '{self._what(item)}' showed {why}. "
                                             f"{self.name} may have changed this page; check it by hand."}

    def read_public_profile(self) -> None:
        if not self.vanity:
            return
        if not self.vanity_confirmed:
            # A profile link on the feed may be anyone's: without the address the owner's
            # own settings show, no page a stranger gets could be proven to be the member's.
            self.pages["public:profile"] = Loaded(requested=f"{BASE}/in/{self.vanity}/", problem=PageProblem(
                ProblemKind.NOT_RECOGNISED, "Boundary couldn't confirm your profile's address from your public "
                                            "profile settings, so it couldn't check what a stranger sees there."))
            return
        url = f"{BASE}/in/{self.vanity}/"
        try:
            loaded = self.load("public:profile", url, owner=False, ready=READY_PROFILE)
        except Stopped:
            raise
        except Exception:  # the page navigated away while it was read (an anti-robot page reloading)
            self.pages["public:profile"] = Loaded(requested=url, problem=PageProblem(
                ProblemKind.NOT_RECOGNISED, "The page LinkedIn gave a stranger kept reloading itself while Boundary "
                                            "read it (as LinkedIn's check for robots does), so it proves nothing."))
            return
        if self._not_found(loaded):
            self.public_state = "not_found"
            return
        if not self.prove_own(loaded, paths=[f"/in/{self.vanity}"], names=self._names(), what="your public profile"):
            return
        self.public_state = "profile"
        nodes = _graph(read(self.public, "jsonBlobs"))
        person = next((n for n in nodes if n.get("@type") == "Person"), None)
        groups = read(self.public, "readGroups")
        shown = {_section_named(g["heading"]) for g in groups if g["heading"]}
        # Posts in the page's own description for search engines are public activity too.
        if any(n.get("@type") in ("Article", "SocialMediaPosting") for n in nodes):
            shown.add("Articles & activity")
        self.public_sections = [s for s in PERSONAL_SECTIONS if s in shown] + self._details_in(groups, person)

    def _not_found(self, loaded: Loaded) -> bool:
        """LinkedIn's "Profile Not Found" at the member's own address (facts section 10)."""
        if loaded.problem is not None and not (loaded.problem.kind is ProblemKind.HTTP_ERROR and loaded.status == 404):
            return False
        if _path(loaded.url) != f"/in/{self.vanity}".lower() or not any(t in loaded.text for t in NOT_FOUND_TEXT):
            return False
        key = li_read(self.public, "pageKey")
        return not key or key == NOT_FOUND_PAGE_KEY

    def read_connections(self) -> None:
        if self._signed_out() or not self.options.watch_list:
            return
        loaded = self.load("connections", CONNECTIONS, owner=True, ready=READY_CONNECTIONS)
        if not loaded.ok and loaded.problem.kind is ProblemKind.HTTP_ERROR:
            # Not at the usual address: follow My Network's own "Connections" link.
            network = self.load("network", f"{BASE}/mynetwork/", owner=True, ready=READY_HOME)
            href = next((link["href"] for link in read(self.owner, "links") if link["name"].startswith("connections")),
                        None) if network.ok else None
            if href is None:
                return
            loaded = self.load("connections", urljoin(BASE, href), owner=True, ready=READY_CONNECTIONS)
        if not loaded.ok:
            return
        m = re.search(r"([\d,]+)\s+connections?\b", norm(" ".join(loaded.info.get("headings", []))))
        if m:
            self.connections_total = int(m.group(1).replace(",", ""))

        def batch() -> int:
            self.connections = [n for n in dict.fromkeys(read(self.owner, "listNames"))]
            return len(self.connections)

        def show_more() -> None:
            button = self.owner.get_by_role("button", name=re.compile(r"show more", re.I))
            try:
                if button.count() and button.first.is_visible():
                    button.first.click(timeout=2000)
            except Exception:  # gone between the check and the click: the scroll still counts
                pass

        items = "document.querySelectorAll('li,[role=listitem]').length"
        self.connections_complete, self.connections_problem = self.scroll_and_read(
            self.owner, batch, f"(n) => {items} > n", more_arg=lambda: self.owner.evaluate(items), nudge=show_more)

    # -- deciding -----------------------------------------------------------------------------------
    def decide(self) -> list[Finding]:
        home = self.pages.get("home")
        if home is None or (not home.ok and home.problem.kind in (ProblemKind.LOGIN_WALL, ProblemKind.CHECKPOINT)):
            return self.all_unknown((home.problem if home else STOPPED).reason)
        if not self.account.display_name and self.vanity:
            self.account.display_name = self.vanity
        out = [self.decide_public_profile(), self.decide_connections_visibility()]
        out += [self.decide_choice(c) for c in ("linkedin.email_visibility", "linkedin.discover_email",
                                                "linkedin.discover_phone")]
        out += [self.decide_last_name(), self.decide_choice("linkedin.active_status"), self.decide_watchlist()]
        return out

    def _reason(self, key: str, page: str) -> str:
        got = self.reads.get(key)
        if got and "problem" in got:
            return got["problem"]
        return (self.problem(page) or self.problem("home") or STOPPED).reason

    def decide_public_profile(self) -> Finding:
        check = "linkedin.public_profile"
        public = self.pages.get("public:profile")
        master = self.reads.get("public", {})
        on = master.get("value")
        ev: list[Evidence] = []
        if "value" in master:
            ev.append(evidence(Source.SETTING, master["loaded"],
                               f"'Your profile's public visibility' is {'on' if on else 'off'}."))
        photo = self.reads.get("photo", {})
        photo_note = (" Your photo is public too: check it shows nothing of your home or family."
                      if photo.get("value") is Audience.PUBLIC else "")
        # 1. What a stranger really gets, once it is proven to be the member's own profile.
        if self.public_state == "profile" and self.public_sections:
            ev.append(evidence(Source.PUBLIC_VIEW, public,
                               f"A stranger who isn't logged in sees: {', '.join(self.public_sections)}."))
            return self.at_risk(check, f"Anyone can see personal parts of your LinkedIn profile: "
                                       f"{', '.join(self.public_sections)}.{photo_note}", ev, Audience.PUBLIC,
                                self.public_sections)
        if self.public_state == "profile":
            ev.append(evidence(Source.PUBLIC_VIEW, public, "A stranger sees your profile with work details only: "
                                                           "no personal section, and no home, family or contact "
                                                           "details in any section."))
        elif self.public_state == "not_found":
            ev.append(evidence(Source.PUBLIC_VIEW, public, "A stranger who isn't logged in gets LinkedIn's "
                                                           "\"Profile Not Found\" page at your profile's address."))
        elif public is not None and public.problem is not None:
            ev.append(evidence(Source.PUBLIC_VIEW, public, f"The public view couldn't be read: {public.problem.reason}"))
        # 2. What the settings and the owner's preview say is public.
        shown = sorted(s for s, v in self.sections.items() if v)
        if on and shown:
            ev.append(evidence(Source.SETTING, master["loaded"], f"Sections shown publicly: {', '.join(shown)}."))
            return self.at_risk(check, f"Your public profile is on and shows personal parts: {', '.join(shown)}."
                                       f"{photo_note}", ev, Audience.PUBLIC, shown)
        if self.preview_details and (on is True or (on is None and self.public_state != "not_found")):
            loaded = self.pages.get("settings:public")
            ev.append(evidence(Source.OWNER_VIEW, loaded, "Your public profile's preview shows: "
                                                          f"{', '.join(self.preview_details)}."))
            return self.at_risk(check, "Your public profile shows personal details: "
                                       f"{', '.join(self.preview_details)}.{photo_note}", ev, Audience.PUBLIC,
                                self.preview_details)
        if self.public_state == "profile":
            return self.ok(check, f"Strangers see your work details only.{photo_note}", ev, Audience.PUBLIC)
        if self.public_state == "not_found" and on is not True:
            return self.ok(check, "Your public profile is switched off: a stranger who isn't signed in to LinkedIn "
                                  "gets \"Profile Not Found\".", ev, Audience.FRIENDS)
        if on is False:
            return self.ok(check, "Your public profile is switched off: people who aren't signed in to LinkedIn, "
                                  "and search engines, don't see it.", ev, Audience.FRIENDS)
        # 3. On, and the stranger's view is no evidence: the settings alone, where they prove it.
        if on:
            why_public = ("the stranger's view couldn't be opened" if self.public_state is None
                          else "a stranger got \"Profile Not Found\", which disagrees with the setting")
            missing = [s for s in PERSONAL_SECTIONS if s not in self.sections]
            if missing:
                return self.unknown(check, f"Your public profile is on, but Boundary couldn't read whether it shows "
                                           f"{', '.join(missing)}, and {why_public}.", ev)
            summary_off = self.reads.get("summary", {}).get("value") is False
            if not (summary_off or self.preview_read):
                return self.unknown(check, "Your public profile is on, but Boundary couldn't read what your About "
                                           f"section says, and {why_public}.", ev)
            ev.append(evidence(Source.SETTING, master["loaded"],
                               f"Hidden from the public: {', '.join(sorted(self.sections))}."))
            if self.preview_read:
                ev.append(evidence(Source.OWNER_VIEW, self.pages.get("settings:public"),
                                   "Your public profile's preview shows no home, family or contact details."))
            return self.ok(check, f"Your public profile is on and shows work details only ({why_public}, so this "
                                  f"comes from your settings).{photo_note}", ev, Audience.PUBLIC)
        return self.unknown(check, self._reason("public", "settings:public"), ev)

    def decide_connections_visibility(self) -> Finding:
        check = "linkedin.connections_visibility"
        got = self.reads.get(check, {})
        if "value" not in got:
            return self.unknown(check, self._reason(check, "settings:connections-visibility"))
        ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {shown_words(got['raw'])}.")]
        if got["value"]:
            return self.at_risk(check, "Your connections can see your list of connections.", ev, Audience.FRIENDS)
        return self.ok(check, "Only you can see your connections.", ev, Audience.ONLY_ME)

    def decide_choice(self, check: str) -> Finding:
        got = self.reads.get(check, {})
        item = ITEM[check]
        if "value" not in got:
            return self.unknown(check, self._reason(check, f"settings:{item.slugs[0]}"))
        ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is set to '{got['raw']}'.")]
        value = got["value"]
        what = {
            "linkedin.email_visibility": ("can see or download your email address", {Audience.PUBLIC, Audience.WIDE}),
            "linkedin.discover_email": ("can find your profile with your email address", {Audience.PUBLIC}),
            "linkedin.discover_phone": ("can find your profile with your phone number", {Audience.PUBLIC}),
            "linkedin.active_status": ("can see when you're online", {Audience.PUBLIC}),
        }[check]
        if value in what[1]:
            who = "Anyone on LinkedIn" if value is Audience.PUBLIC else "Your connections' connections"
            return self.at_risk(check, f"{who} {what[0]}.", ev, value)
        if value is Audience.ONLY_ME:
            return self.ok(check, f"No one else {what[0]}.", ev, value)
        who = re.sub(r"\s+only$", "", got["raw"][:1].lower() + got["raw"][1:])
        return self.ok(check, f"Only {who} {what[0]}.", ev, value)

    def decide_last_name(self) -> Finding:
        check = "linkedin.last_name"
        got = self.reads.get(check, {})
        if "value" not in got:
            return self.unknown(check, self._reason(check, "settings:last-name-visibility"))
        ev = [evidence(Source.SETTING, got["loaded"], f"Last name visibility is set to '{got['raw']}'.")]
        if got["value"] is NOT_SHOWN:
            return self.ok(check, "People outside your network see only your last initial.", ev, Audience.FRIENDS)
        return self.ok(check, "Your full last name is shown, as usual for a work profile.", ev, Audience.PUBLIC)

    def decide_watchlist(self) -> Finding:
        check = "linkedin.connections_watchlist"
        if not self.options.watch_list:
            return self.skipped(check, "You haven't given a private watch list of names to look for.")
        loaded = self.pages.get("connections")
        if loaded is None or not loaded.ok:
            return self.unknown(check, (self.problem("connections") or self.problem("home") or STOPPED).reason)
        matches = count_watch_list_matches(self.connections, self.options.watch_list)
        ev = [evidence(Source.OWNER_VIEW, loaded,
                       f"Compared {plural(len(self.connections), 'connection')} with your watch list.")]
        if matches:  # a match is a match, however much of the list was read
            verb = "matches" if matches == 1 else "match"
            return self.at_risk(check, f"{matches} of your connections {verb} a name on your private watch list.", ev)
        if not self.connections_complete:
            return self.unknown(check, self.connections_problem or "Boundary couldn't read your whole connections list.")
        if self.connections_total is None:
            return self.unknown(check, "Boundary couldn't tell how many connections you have, so it can't be sure "
                                       "it read them all.")
        if self.connections_total > len(self.connections):
            return self.unknown(check, f"Boundary could only read {len(self.connections)} of your "
                                       f"{self.connections_total} connections.")
        return self.ok(check, "None of your connections match your private watch list.", ev)
