"""The LinkedIn audit: the public profile and the visibility settings.

LinkedIn is the professional profile, so a public work identity is expected: the checks
look for personal details leaking into it and for how people can find the user by email
and phone. Pages read (each once): the feed (who is signed in); the public profile
settings (the master switch and the sections shown); the Visibility settings (the rows'
values, and an item's own page only where the rows don't say); the profile logged out
(the authwall is a wall: it proves nothing); the connections list. Labels and URLs come
from ../shared/research/platform-facts.md (section 4).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

from audits.catalog import checks_for
from audits.model import Audience, Evidence, Finding, Source
from audits.pages import Loaded, PageProblem, ProblemKind, WallMarkers, norm, read
from audits.platforms.base import STOPPED, PlatformAudit, Step, evidence
from audits.platforms.facebook import plural
from audits.watchwords import count_watch_list_matches

BASE = "https://www.linkedin.com"

MARKERS = WallMarkers(
    login_paths=("/login", "/authwall", "/uas/login", "/signup"),
    login_titles=("linkedin login", "sign in | linkedin", "sign up | linkedin", "log in or sign up"),
    # The public profile carries a sign-in prompt over a readable page, so sign-in words
    # alone never make a wall here: the paths and titles above do.
    login_phrases=(),
    checkpoint_paths=("/checkpoint/challenge", "/challenge", "/uas/consumer-email-challenge"),
    checkpoint_phrases=("let's do a quick security check", "quick security check", "security verification"),
    error_phrases=("this page doesn't exist", "page not found"),
)

SETTINGS_HUB = f"{BASE}/mypreferences/d/categories/account"
PUBLIC_SETTINGS = f"{BASE}/public-profile/settings"
CONNECTIONS = f"{BASE}/mynetwork/invite-connect/connections/"

# check -> the item's labels (the facts' wording first), its own page (facts, or the real
# site's address where the facts give none), and its value words.
NOT_SHOWN = Audience.ONLY_ME
CHOICES = {
    "linkedin.email_visibility": (
        ["Who can see or download your email address", "Who can see your email address", "Email visibility"],
        "email-visibility",
        {"only visible to me": Audience.ONLY_ME, "only me": Audience.ONLY_ME, "no one": Audience.ONLY_ME,
         "1st-degree connections": Audience.FRIENDS, "1st degree connections": Audience.FRIENDS,
         "your connections": Audience.FRIENDS,
         "1st and 2nd degree connections": Audience.WIDE, "1st and 2nd-degree connections": Audience.WIDE,
         "2nd-degree connections": Audience.WIDE, "anyone on linkedin": Audience.PUBLIC,
         "everyone": Audience.PUBLIC, "anyone": Audience.PUBLIC}),
    "linkedin.discover_email": (
        ["Profile discovery using email address", "Profile discovery and visibility off LinkedIn by email",
         "Who can discover your profile from your email address"],
        "profile-discovery-email",
        {"anyone": Audience.PUBLIC, "everyone": Audience.PUBLIC,
         "2nd-degree connections": Audience.WIDE, "2nd degree connections": Audience.WIDE,
         "1st-degree connections": Audience.FRIENDS, "1st degree connections": Audience.FRIENDS,
         "nobody": Audience.ONLY_ME, "no one": Audience.ONLY_ME}),
    "linkedin.discover_phone": (
        ["Profile discovery using phone number", "Who can discover your profile from your phone number"],
        "profile-discovery-phone",
        {"everyone": Audience.PUBLIC, "anyone": Audience.PUBLIC,
         "2nd-degree connections": Audience.WIDE, "2nd degree connections": Audience.WIDE,
         "1st-degree connections": Audience.FRIENDS, "1st degree connections": Audience.FRIENDS,
         "nobody": Audience.ONLY_ME, "no one": Audience.ONLY_ME}),
    "linkedin.last_name": (
        ["Who can see your last name", "Last name visibility", "Name visibility", "Who can see your full last name"],
        "last-name-visibility",
        {"full last name": Audience.PUBLIC, "show my full last name": Audience.PUBLIC, "full name": Audience.PUBLIC,
         "last initial": NOT_SHOWN, "last initial only": NOT_SHOWN, "show my last initial only": NOT_SHOWN}),
    "linkedin.active_status": (
        ["Manage active status", "Who can see that you are currently active", "Active status"],
        "manage-active-status",
        {"all linkedin members": Audience.PUBLIC, "everyone": Audience.PUBLIC, "all members": Audience.PUBLIC,
         "your connections only": Audience.FRIENDS, "connections only": Audience.FRIENDS,
         "your connections": Audience.FRIENDS, "no one": Audience.ONLY_ME, "nobody": Audience.ONLY_ME}),
}
CONNECTIONS_SWITCH = ["Allow your connections to see your connections list", "Who can see your connections",
                      "Connection visibility", "Connections visibility"]
CONNECTIONS_WORDS = {"on": True, "off": False, "visible": True, "hidden": False,
                     "your connections": True, "only you": False, "only visible to me": False}

MASTER = ["Your profile's public visibility", "Your profile’s public visibility", "Public visibility of your profile",
          "Edit visibility"]
# Public-profile sections that carry personal life rather than work: activity (posts,
# comments, likes), personal websites, volunteering, causes and groups (guidance C4:
# keep the professional profile free of family, home and personal contact details).
PERSONAL_SECTIONS = {
    "Articles & activity": ("articles & activity", "articles and activity", "activity", "posts"),
    "Websites": ("websites", "website"),
    "Volunteer experience": ("volunteer experience", "volunteering"),
    "Causes": ("causes",),
    "Groups": ("groups",),
}
# Without the activity switch found, "no personal section is shown" can't be told from a
# settings page that changed.
KEY_SECTION = "Articles & activity"
PHOTO_WORDS = {"public": Audience.PUBLIC, "all linkedin members": Audience.WIDE, "your network": Audience.WIDE,
               "your connections": Audience.FRIENDS}


def _person(blobs: list[str]) -> dict | None:
    """The public profile's schema.org Person (JSON-LD), if the page has one."""
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data if isinstance(data, list) else []
        for node in nodes:
            if isinstance(node, dict) and node.get("@type") == "Person":
                return node
    return None


def _section_named(text: str) -> str | None:
    t = norm(text).strip(" :")
    for section, words in PERSONAL_SECTIONS.items():
        if t in words:
            return section
    return None


class LinkedInAudit(PlatformAudit):
    platform = "linkedin"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vanity = ""
        self.sections: dict[str, bool] = {}  # personal section -> shown (settings page)
        self.photo: dict | None = None
        self.public_person: dict | None = None
        self.public_sections: list[str] = []  # personal sections a stranger sees
        self.public_readable = False
        self.connections: list[str] = []
        self.connections_total: int | None = None
        self.connections_complete = False
        self.connections_problem: str | None = None
        self._hub_links: list[dict] = []
        self._feed_profiles: list[tuple[str, str]] = []  # (vanity, link name) on the feed
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
        loaded = self.load("home", f"{BASE}/feed/", owner=True)
        if not loaded.ok:
            return
        for link in read(self.owner, "links"):
            m = re.fullmatch(r"/in/([^/]+)/?", urlsplit(link["href"]).path)
            if m and m.group(1) != "me":
                self._feed_profiles.append((m.group(1), link["name"].strip()))
        # The feed links to other people's profiles too: a link that says it is yours wins,
        # and the public profile settings' own address (read next) overrides this guess.
        mine = [v for v, name in self._feed_profiles if name in ("view profile", "your profile", "me")]
        guess = mine or [v for v, _name in self._feed_profiles]
        if guess:
            self._set_vanity(guess[0])
        nav = norm(" ".join(loaded.info.get("headings", [])) + " " + loaded.info.get("text", "")[:3000])
        if not guess and "my network" not in nav and "messaging" not in nav:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise your LinkedIn home page.")

    def _set_vanity(self, vanity: str) -> None:
        self.vanity = vanity
        self.account.profile_url = f"{BASE}/in/{vanity}/"
        names = [name for v, name in self._feed_profiles
                 if v == vanity and name and "profile" not in name and name != "me"]
        lowered = names[0] if names else ""
        shown = next((line.strip() for line in self.pages["home"].info.get("text", "").split("\n")
                      if lowered and norm(line) == lowered), None) if "home" in self.pages else None
        # The reader lower-cases names; the page's own line keeps their capitals.
        self.account.display_name = shown or lowered.title()

    def _signed_out(self) -> bool:
        return self.signed_out()

    def read_public_settings(self) -> None:
        if self._signed_out():
            return
        loaded = self.load("settings:public", PUBLIC_SETTINGS, owner=True)
        if not loaded.ok:
            return
        m = re.search(r"linkedin\.com/in/([A-Za-z0-9\-_%]+)", loaded.info.get("text", ""))
        if m:  # "Edit your custom URL": the owner's own address, whatever the feed suggested
            self._set_vanity(m.group(1))
        self.read_switch_setting("public", loaded, MASTER)
        for section, words in PERSONAL_SECTIONS.items():
            got = read(self.owner, "readSwitch", labels=[section, *words])
            if got.get("found") and got.get("state") is not None:
                self.sections[section] = got["state"]
        self.read_choice_setting("photo", loaded, ["Profile photo"], PHOTO_WORDS)

    def read_visibility(self) -> None:
        if self._signed_out():
            return
        hub = self.load("settings:hub", SETTINGS_HUB, owner=True)
        self._loaded_urls.add(SETTINGS_HUB)
        if hub.ok:
            self._read_rows(hub)
            if self._unread() and not self._links_to_unread():
                visibility = next((link["href"] for link in read(self.owner, "links")
                                   if link["name"] in ("visibility", "privacy", "visibility settings")), None)
                if visibility and visibility not in self._loaded_urls:
                    self._loaded_urls.add(visibility)
                    page = self.load("settings:visibility", visibility, owner=True)
                    if page.ok:
                        self._read_rows(page)
        # Items the rows didn't answer: open each item's own page once.
        for check in self._unread():
            labels, slug, _words = self._item(check)
            href = next((link["href"] for link in self._hub_links
                         if any(norm(label) in link["name"] for label in labels)), None)
            url = href or f"{BASE}/mypreferences/d/{slug}"
            if urlsplit(url).path.rstrip("/") == "/public-profile/settings" or url in self._loaded_urls:
                continue
            self._loaded_urls.add(url)
            page = self.load(f"settings:{slug}", url, owner=True)
            self._read_item(check, page)

    @staticmethod
    def _item(check: str):
        if check == "linkedin.connections_visibility":
            return CONNECTIONS_SWITCH, "connections-visibility", CONNECTIONS_WORDS
        return CHOICES[check]

    def _unread(self) -> list[str]:
        return [c for c in ["linkedin.connections_visibility", *CHOICES] if "value" not in self.reads.get(c, {})]

    def _links_to_unread(self) -> bool:
        wanted = [norm(label) for check in self._unread() for label in self._item(check)[0]]
        return any(label in link["name"] for link in self._hub_links for label in wanted)

    def _read_rows(self, loaded: Loaded) -> None:
        """A settings list whose rows show each item's current value."""
        self._hub_links += read(self.owner, "links")
        for check in self._unread():
            self._read_item(check, loaded, optional=True)

    def _read_item(self, check: str, loaded: Loaded, optional: bool = False) -> None:
        labels, _slug, words = self._item(check)
        if check == "linkedin.connections_visibility":
            self.read_switch_setting(check, loaded, labels)
            if loaded.ok and "value" not in self.reads[check]:
                # A row may say "On"/"Off" as text, or the page offer choices, instead of a switch.
                got = read(self.owner, "readChoice", labels=labels, words=list(words))
                if got.get("found") and len(got.get("values", [])) == 1:
                    raw = got["values"][0]
                    self.reads[check] = {"value": words[raw], "raw": raw, "loaded": loaded, "label": labels[0]}
            if optional and "value" not in self.reads[check]:
                self.reads.pop(check)
            return
        self.read_choice_setting(check, loaded, labels, words)
        if optional and "value" not in self.reads.get(check, {}):
            self.reads.pop(check, None)

    def read_public_profile(self) -> None:
        if not self.vanity:
            return
        loaded = self.load("public:profile", f"{BASE}/in/{self.vanity}/", owner=False)
        if not loaded.ok:
            return
        self.public_person = _person(read(self.public, "jsonBlobs"))
        heads = read(self.public, "headings")
        if not any(not h["inDialog"] for h in heads) and self.public_person is None:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise the page a stranger gets.")
            return
        self.public_readable = True
        if not self.account.display_name:
            self.account.display_name = next((h["text"] for h in heads if not h["inDialog"]), "")
        shown = {_section_named(h["text"]) for h in heads if not h["inDialog"]}
        # Posts in the page's own description for search engines are public activity too.
        if any(isinstance(n, dict) and n.get("@type") in ("Article", "SocialMediaPosting")
               for n in self._graph(read(self.public, "jsonBlobs"))):
            shown.add("Articles & activity")
        self.public_sections = sorted(s for s in shown if s)

    @staticmethod
    def _graph(blobs: list[str]) -> list:
        for blob in blobs:
            try:
                data = json.loads(blob)
            except ValueError:
                continue
            if isinstance(data, dict) and isinstance(data.get("@graph"), list):
                return data["@graph"]
        return []

    def read_connections(self) -> None:
        if self._signed_out() or not self.options.watch_list:
            return
        loaded = self.load("connections", CONNECTIONS, owner=True)
        if not loaded.ok and loaded.problem.kind is ProblemKind.HTTP_ERROR:
            # Not at the usual address: follow My Network's own "Connections" link.
            network = self.load("network", f"{BASE}/mynetwork/", owner=True)
            href = next((link["href"] for link in read(self.owner, "links") if link["name"].startswith("connections")),
                        None) if network.ok else None
            if href is None:
                return
            loaded = self.load("connections", urljoin(BASE, href), owner=True)
        if not loaded.ok:
            return
        m = re.search(r"([\d,]+)\s+connections?\b", norm(" ".join(loaded.info.get("headings", []))) or loaded.text)
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
        ev: list[Evidence] = []
        if "value" in master:
            ev.append(evidence(Source.SETTING, master["loaded"],
                               f"'Your profile's public visibility' is {'on' if master['value'] else 'off'}."))
        photo = self.reads.get("photo", {})
        photo_note = (" Your photo is public too: check it shows nothing of your home or family."
                      if photo.get("value") is Audience.PUBLIC else "")
        if self.public_readable and self.public_sections:
            ev.append(evidence(Source.PUBLIC_VIEW, public,
                               f"A stranger who isn't logged in sees: {', '.join(self.public_sections)}."))
            return self.at_risk(check, f"Anyone can see personal parts of your LinkedIn profile: "
                                       f"{', '.join(self.public_sections)}.{photo_note}", ev, Audience.PUBLIC,
                                self.public_sections)
        if self.public_readable:
            ev.append(evidence(Source.PUBLIC_VIEW, public, "A stranger sees your profile with work details only."))
        elif public is not None and public.problem is not None:
            ev.append(evidence(Source.PUBLIC_VIEW, public, f"The public view couldn't be read: {public.problem.reason}"))
        if master.get("value") is False and not self.public_readable:
            return self.ok(check, "Your public profile is switched off: people who aren't signed in to LinkedIn, "
                                  "and search engines, don't see it.", ev, Audience.FRIENDS)
        shown = sorted(s for s, on in self.sections.items() if on)
        if master.get("value") and shown:
            ev.append(evidence(Source.SETTING, master["loaded"], f"Sections shown publicly: {', '.join(shown)}."))
            return self.at_risk(check, f"Your public profile is on and shows personal parts: {', '.join(shown)}."
                                       f"{photo_note}", ev, Audience.PUBLIC, shown)
        if self.public_readable:
            return self.ok(check, f"Strangers see your work details only.{photo_note}", ev, Audience.PUBLIC)
        if master.get("value") and KEY_SECTION in self.sections:
            hidden = sorted(s for s, on in self.sections.items() if not on)
            ev.append(evidence(Source.SETTING, master["loaded"], f"Hidden from the public: {', '.join(hidden)}."))
            return self.ok(check, f"Your public profile is on and shows work details only.{photo_note}", ev,
                           Audience.PUBLIC)
        if master.get("value"):
            return self.unknown(check, "Your public profile is on, but Boundary couldn't read which parts of it "
                                       "are shown, and the public view couldn't be opened.", ev)
        return self.unknown(check, self._reason("public", "settings:public"), ev)

    def decide_connections_visibility(self) -> Finding:
        check = "linkedin.connections_visibility"
        got = self.reads.get(check, {})
        if "value" not in got:
            return self.unknown(check, self._reason(check, "settings:connections-visibility"))
        shown = "on" if got["value"] else "off"
        ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {got.get('raw', shown)}.")]
        if got["value"]:
            return self.at_risk(check, "Your connections can see your list of connections.", ev, Audience.FRIENDS)
        return self.ok(check, "Only you can see your connections.", ev, Audience.ONLY_ME)

    def decide_choice(self, check: str) -> Finding:
        got = self.reads.get(check, {})
        labels, slug, _words = CHOICES[check]
        if "value" not in got:
            return self.unknown(check, self._reason(check, f"settings:{slug}"))
        ev = [evidence(Source.SETTING, got["loaded"], f"'{labels[0]}' is set to '{got['raw']}'.")]
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
        if not self.connections_complete:
            return self.unknown(check, self.connections_problem or "Boundary couldn't read your whole connections list.")
        if self.connections_total is not None and self.connections_total > len(self.connections):
            return self.unknown(check, f"Boundary could only read {len(self.connections)} of your "
                                       f"{self.connections_total} connections.")
        if self.connections_total is None and not self.connections:
            return self.unknown(check, "Boundary couldn't find your connections on the page.")
        matches = count_watch_list_matches(self.connections, self.options.watch_list)
        ev = [evidence(Source.OWNER_VIEW, loaded,
                       f"Compared {plural(len(self.connections), 'connection')} with your watch list.")]
        if matches:
            verb = "matches" if matches == 1 else "match"
            return self.at_risk(check, f"{matches} of your connections {verb} a name on your private watch list.", ev)
        return self.ok(check, "None of your connections match your private watch list.", ev)
