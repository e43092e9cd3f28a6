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

Wording (labels, values, section names), page addresses and landmarks come from
docs/research/platform-facts.md, sections 4 and 10, as data in platform.toml beside
this file; where the facts give no label, the setting is read on its own page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

from audits.catalog import checks_for
from audits.declaration import Declaration
from audits.model import Audience, Evidence, Finding, Source, Status
from audits.pages import Loaded, PageProblem, ProblemKind, Stopped, norm
from audits.platforms.base import STOPPED, PlatformAudit, Step, evidence, shown_words
from audits.reading import (
    ChoiceRead,
    Link,
    json_blobs,
    links,
    list_names,
    read,
    read_choice,
    read_switch,
    states,
    value_words,
)

# The visibility settings, in the order they are read. Last name visibility has no label in
# the facts, so it can't be a [settings] entry: its own page and its [values] table are named
# here. "Who can see your connections" is a switch that may show its state in words.
VISIBILITY = ("linkedin.connections_visibility", "linkedin.email_visibility", "linkedin.discover_email",
              "linkedin.discover_phone", "linkedin.last_name", "linkedin.active_status")
UNLABELLED = {"linkedin.last_name": ("settings:last-name-visibility", "last_name")}  # check: (page, values)
SWITCH_WORDS = {"linkedin.connections_visibility": "connections"}  # check: its [values] table


@dataclass(frozen=True)
class Item:
    """One visibility setting: how the pages name it, its own page, its values."""

    check: str
    labels: tuple[str, ...]  # empty: the facts give no label (read on its own page)
    page: str  # its own page (a key of [pages])
    slugs: tuple[str, ...]  # its own page's addresses (their last part), the declared one first
    values: dict  # value word -> Audience, or bool for a toggle
    toggle: bool = False
    page_others: tuple[str, ...] = ()  # the other controls' labels on its own page


def value_tables(spec: Declaration) -> dict[str, dict]:
    """Every [values.*] table of the declaration, in English: word -> audience, or True/False."""
    return {name: words.get() for name, words in spec.values.items()}


def visibility_items(spec: Declaration, values: dict[str, dict] | None = None) -> tuple[Item, ...]:
    """The visibility settings as the audit reads them, from the declaration."""
    values = value_tables(spec) if values is None else values
    items = []
    for check in VISIBILITY:
        setting = spec.settings.get(check)
        if setting is None:
            page, table = UNLABELLED[check]
            labels, words, toggle = (), values[table], False
        else:
            page, labels, toggle = setting.page, setting.labels.get(), setting.switch
            words = values[SWITCH_WORDS[check]] if toggle else setting.values.get()
        slug = spec.pages[page].path.rstrip("/").rsplit("/", 1)[-1]
        items.append(Item(check, labels, page, (slug, *spec.words.get(f"also:{page}", ())), words, toggle,
                          spec.words.get(f"others:{page}", ())))
    return tuple(items)


def personal_sections(spec: Declaration) -> dict[str, tuple[str, ...]]:
    """Public-profile sections that carry personal life: the switch's label -> the headings
    the public page shows for it ([words] "section:<label>")."""
    return {key.split(":", 1)[1]: headings for key, headings in spec.words.items() if key.startswith("section:")}


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



def _path(url: str) -> str:
    return urlsplit(url).path.rstrip("/").lower()


def _named(words: tuple[str, ...]) -> set[str]:
    """Wordings as readers compare them."""
    return {norm(w) for w in words}


class LinkedInAudit(PlatformAudit):
    platform = "linkedin"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.values = value_tables(self.spec)
        self.items = visibility_items(self.spec, self.values)
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
        self._hub_links: list[Link] = []
        self._feed_profiles: list[tuple[str, list[str]]] = []  # (vanity, the link's lines) on the feed
        self._loaded_urls: set[str] = set()

    @property
    def personal_sections(self) -> dict[str, tuple[str, ...]]:
        return personal_sections(self.spec)

    def steps(self) -> list[Step]:
        every = frozenset(c.id for c in checks_for("linkedin"))
        c = lambda *ids: frozenset(f"linkedin.{i}" for i in ids)  # noqa: E731
        pages = self.spec.pages
        return [
            Step(pages["home"].step, self.read_feed, every),
            Step(pages["settings:public"].step, self.read_public_settings, c("public_profile")),
            Step(pages["settings:hub"].step, self.read_visibility, frozenset(VISIBILITY)),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile,
                 c("public_profile")),
            Step(pages["connections"].step, self.read_connections, c("connections_watchlist")),
        ]

    # -- reading ------------------------------------------------------------------------------------
    def read_feed(self) -> None:
        loaded = self.load("home", self.spec.url("home"), owner=True, ready=self.spec.ready["home"])
        if not loaded.ok:
            return
        for link in read(self.owner, "linkedin.profileLinks"):
            vanity = link["path"].strip("/").split("/")[-1]
            if vanity != "me":
                self._feed_profiles.append((vanity, link["lines"]))
        # The feed links to other people's profiles too: a link that says it is yours wins,
        # and the public profile settings' own address (read next) overrides this guess.
        own = _named(self.spec.words["own_profile_link"])
        mine = [v for v, lines in self._feed_profiles if any(norm(line) in own for line in lines)]
        guess = mine or [v for v, _lines in self._feed_profiles]
        if guess:
            self._set_vanity(guess[0])

    def _set_vanity(self, vanity: str) -> None:
        self.vanity = vanity
        self.account.profile_url = f"{self.spec.base}/in/{vanity}/"
        # The name a person reads in the feed's link to the profile (its first line; the
        # photo's description is not part of what is read).
        not_names = _named((*self.spec.words["own_profile_link"], *self.spec.words["me"]))
        names = [line for v, lines in self._feed_profiles if v.lower() == vanity.lower() for line in lines
                 if norm(line) not in not_names and len(norm(line)) >= 2]
        self.account.display_name = names[0] if names else ""

    def _names(self) -> list[str]:
        """How LinkedIn names the member: the full name, and "First L." (last initial only)."""
        name = (self.account.display_name or "").strip()
        if not name:
            return []
        first, _, last = name.rpartition(" ")
        return [name] + ([f"{first} {last[0]}."] if first and last else [])

    def read_public_settings(self) -> None:
        if self.signed_out():
            return
        words = self.spec.words
        master, photo, about, other = words["master"], words["photo"], words["about"], words["other_sections"]
        personal = self.personal_sections
        ready = replace(self.spec.ready["public_settings"], texts=(*master, *personal, *about))
        loaded = self.load("settings:public", self.spec.url("settings:public"), owner=True, ready=ready)
        if not loaded.ok:
            return
        # "Edit your custom URL": the owner's own address, whatever the feed suggested.
        found = re.findall(r"linkedin\.com/in/([A-Za-z0-9\-_%]+)", loaded.info.get("text", ""))
        if found:
            feed = {v.lower() for v, _lines in self._feed_profiles}
            self._set_vanity(next((v for v in found if v.lower() in feed), found[0]))
            self.vanity_confirmed = True
        switch = self.values["switch"]
        sections = [*personal, *about, *other]
        self.read_toggle("public", loaded, master, switch, others=[*photo, *sections])
        for section in personal:
            self.read_toggle(f"section:{section}", loaded, (section,), switch,
                             others=[*master, *photo, *(s for s in sections if s != section)])
            if "value" in self.reads[f"section:{section}"]:
                self.sections[section] = self.reads[f"section:{section}"]["value"]
        self.read_toggle("summary", loaded, about, switch, others=[*master, *photo, *personal, *other], optional=True)
        self.read_choice_setting("photo", loaded, list(photo), self.values["photo"], others=[*master, *sections])
        # The owner's preview of the public profile: recognised by the member's name, then
        # read for personal details anywhere in it (its About above all).
        groups = read(self.owner, "readGroups")
        names = [norm(n) for n in self._names()]
        self.preview_read = bool(names) and any(norm(g["heading"]) in names for g in groups)
        self.preview_details = self._details_in(groups)

    def _details_in(self, groups: list[dict], person: dict | None = None) -> list[str]:
        """Personal details in a profile's sections: "About (where you live, your family)"."""
        out: dict[str, list[str]] = {}
        about = _named(self.spec.words["about_headings"])
        for group in groups:
            kinds = personal_details(group["lines"])
            if not kinds:
                continue
            heading = group["heading"].strip()
            where = "About" if norm(heading) in about else (
                "your name and headline" if norm(heading) in [norm(n) for n in self._names()] else heading or "your profile")
            out.setdefault(where, [])
            out[where] += [k for k in kinds if k not in out[where]]
        if person and isinstance(person.get("description"), str):
            kinds = personal_details(person["description"].split("\n"))
            if kinds:
                out.setdefault("About", [])
                out["About"] += [k for k in kinds if k not in out["About"]]
        return [f"{where} ({', '.join(kinds)})" for where, kinds in out.items()]

    def _section_named(self, text: str) -> str | None:
        t = norm(text).strip(" :")
        for section, headings in self.personal_sections.items():
            if t in _named(headings):
                return section
        return None

    def read_toggle(self, key: str, loaded: Loaded, labels, words: dict, others=(), optional: bool = False) -> None:
        """An on/off setting into self.reads[key]: a switch's state, or its value in words
        (row text, a chosen option, an icon button's or link's accessible name)."""
        if not loaded.ok:
            self.reads[key] = {"problem": loaded.problem.reason}
            return
        label = labels[0] if labels else ""
        got = read_switch(self.owner, labels, others)
        if got.found and got.state is not None:
            self.reads[key] = {"value": got.state, "raw": "on" if got.state else "off", "loaded": loaded,
                               "label": label}
            return
        if got.conflict:
            self.reads[key] = {"problem": f"'{label}' showed more than one state, so Boundary can't tell which applies."}
            return
        choice = read_choice(self.owner, labels, words, others)
        values = choice.values
        if not values:  # an icon button elsewhere on the page that names the setting and its value
            values = self._named_values(labels, words)
        problem = got.problem or choice.problem
        if len(values) == 1:
            self.reads[key] = {"value": words[values[0]], "raw": values[0], "loaded": loaded, "label": label}
        elif len(values) > 1:
            self.reads[key] = {"problem": f"'{label}' showed more than one value, so Boundary can't tell which applies."}
        elif not (optional and not (got.found or choice.found)):
            self.reads[key] = {"problem": (
                f"Boundary found '{label}' but couldn't read whether it is on." if got.found or choice.found
                else self.unreadable(label, problem) if problem
                else f"The settings page didn't show '{label}'. {self.name} may have changed this page; check it by hand.")}

    def _named_values(self, labels, words) -> tuple[str, ...]:
        """Value words named by an icon button or link anywhere on the page, after the label."""
        return value_words(self.owner, "linkedin.namedValues", words, labels=list(labels)) or ()

    def read_choice_setting(self, key: str, loaded: Loaded, labels: list[str], words: dict, optional: bool = False,
                            others: list[str] = ()) -> ChoiceRead | None:
        got = super().read_choice_setting(key, loaded, labels, words, optional=optional, others=others)
        read_now = self.reads.get(key, {})
        if loaded.ok and "value" not in read_now and "more than one" not in read_now.get("problem", ""):
            # An icon button elsewhere on the page that names the setting and its value.
            values = self._named_values(labels, words)
            if len(values) == 1:
                self.reads[key] = {"value": words[values[0]], "raw": shown_words(values[0]), "loaded": loaded,
                                   "label": labels[0]}
        return got

    def read_visibility(self) -> None:
        if self.signed_out():
            return
        labels = tuple(label for item in self.items for label in item.labels)
        link_names = _named(self.spec.words["visibility_link"])
        hub_url = self.spec.url("settings:hub")
        hub = self.load("settings:hub", hub_url, owner=True,
                        ready=replace(self.spec.ready["settings"], texts=(*self.spec.words["visibility_link"], *labels)))
        self._loaded_urls.add(hub_url)
        if hub.ok:
            self._read_rows(hub)
            if self._unread() and not self._links_to_unread():
                visibility = next((link.href for link in links(self.owner) or () if link.name in link_names), None)
                if visibility and visibility not in self._loaded_urls:
                    self._loaded_urls.add(visibility)
                    page = self.load("settings:visibility", visibility, owner=True,
                                     ready=replace(self.spec.ready["visibility"], texts=labels))
                    if page.ok:
                        self._read_rows(page)
        # Items the rows didn't answer: open each item's own page once.
        public_settings = self.spec.pages["settings:public"].path.rstrip("/")
        for item in self._unread():
            url = self._item_url(item)
            if urlsplit(url).path.rstrip("/") == public_settings or url in self._loaded_urls:
                self.reads.setdefault(item.check, {"problem": f"Boundary couldn't find the page of '{self._what(item)}'."})
                continue
            self._loaded_urls.add(url)
            ready = replace(self.spec.ready["setting_page"], what=f"the page of '{self._what(item)}'", texts=item.labels)
            page = self.load(item.page, url, owner=True, ready=ready)
            self._read_item(item, page, own_page=True)

    @staticmethod
    def _what(item: Item) -> str:
        return item.labels[0] if item.labels else item.slugs[0].replace("-", " ")

    def _item_url(self, item: Item) -> str:
        """The item's own page: the settings' link to it (by its name, or by its address,
        /mypreferences/d/<slug> or .../visibility/<slug>), else its declared address."""
        labels = [norm(label) for label in item.labels]
        for link in self._hub_links:
            if any(label in link.name for label in labels):
                return urljoin(self.spec.base, link.href)
        below = self.spec.pages[item.page].path.rstrip("/").rsplit("/", 1)[0].lower() + "/"
        for link in self._hub_links:
            path = _path(link.href)
            if path.startswith(below) and path.rsplit("/", 1)[-1] in item.slugs:
                return urljoin(self.spec.base, link.href)
        return self.spec.url(item.page)

    def _unread(self) -> list[Item]:
        return [item for item in self.items if "value" not in self.reads.get(item.check, {})]

    def _links_to_unread(self) -> bool:
        wanted = [norm(label) for item in self._unread() for label in item.labels]
        return any(label in link.name for link in self._hub_links for label in wanted)

    def _read_rows(self, loaded: Loaded) -> None:
        """A settings list whose rows show each item's current value."""
        self._hub_links += links(self.owner) or []
        for item in self._unread():
            if item.labels:
                self._read_item(item, loaded, optional=True)

    def _read_item(self, item: Item, loaded: Loaded, optional: bool = False, own_page: bool = False) -> None:
        check = item.check
        # On a list, every other item's label is a neighbour's; on an item's own page, only
        # the other controls of that page are.
        others = list(item.page_others) if own_page else [
            label for other in self.items if other is not item for label in other.labels]
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
            shown = states(self.owner, "linkedin.pageSwitches")
            if shown is not None and len(shown) == 1 and shown[0] is not None:
                self.reads[item.check] = {"value": shown[0], "raw": "on" if shown[0] else "off", "loaded": loaded,
                                          "label": self._what(item)}
                return
            values = value_words(self.owner, "linkedin.pageChoices", item.values) or ()
            if shown == () and len(values) == 1:
                self.reads[item.check] = {"value": item.values[values[0]], "raw": values[0], "loaded": loaded,
                                          "label": self._what(item)}
                return
            why = "more than one switch" if shown and len(shown) > 1 else "no switch Boundary could read"
        else:
            values = value_words(self.owner, "linkedin.pageChoices", item.values) or ()
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
        url = f"{self.spec.base}/in/{self.vanity}/"
        if not self.vanity_confirmed:
            # A profile link on the feed may be anyone's: without the address the owner's
            # own settings show, no page a stranger gets could be proven to be the member's.
            self.pages["public:profile"] = Loaded(requested=url, problem=PageProblem(
                ProblemKind.NOT_RECOGNISED, "Boundary couldn't confirm your profile's address from your public "
                                            "profile settings, so it couldn't check what a stranger sees there."))
            return
        ready = replace(self.spec.ready["profile"], texts=self.spec.words["not_found"])
        try:
            loaded = self.load("public:profile", url, owner=False, ready=ready)
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
        nodes = _graph(json_blobs(self.public) or [])
        person = next((n for n in nodes if n.get("@type") == "Person"), None)
        groups = read(self.public, "readGroups")
        shown = {self._section_named(g["heading"]) for g in groups if g["heading"]}
        # Posts in the page's own description for search engines are public activity too.
        if any(n.get("@type") in ("Article", "SocialMediaPosting") for n in nodes):
            shown.add(self._section_named(self.spec.words["posts_section"][0]))
        self.public_sections = [s for s in self.personal_sections if s in shown] + self._details_in(groups, person)

    def _not_found(self, loaded: Loaded) -> bool:
        """LinkedIn's "Profile Not Found" at the member's own address (facts section 10)."""
        if loaded.problem is not None and not (loaded.problem.kind is ProblemKind.HTTP_ERROR and loaded.status == 404):
            return False
        if _path(loaded.url) != f"/in/{self.vanity}".lower() or \
                not any(t in loaded.text for t in _named(self.spec.words["not_found"])):
            return False
        key = read(self.public, "linkedin.pageKey")
        if not isinstance(key, str):  # an answer out of shape proves nothing
            return False
        return not key or key in self.spec.words["not_found_page_key"]

    def read_connections(self) -> None:
        if self.signed_out() or not self.options.watch_list:
            return
        words, ready = self.spec.words, self.spec.ready["connections"]
        loaded = self.load("connections", self.spec.url("connections"), owner=True, ready=ready)
        if not loaded.ok and loaded.problem.kind is ProblemKind.HTTP_ERROR:
            # Not at the usual address: follow My Network's own "Connections" link.
            network = self.load("network", self.spec.url("network"), owner=True, ready=self.spec.ready["home"])
            names = _named(words["connections_link"])
            href = next((link.href for link in links(self.owner) or ()
                         if any(link.name.startswith(n) for n in names)), None) if network.ok else None
            if href is None:
                return
            loaded = self.load("connections", urljoin(self.spec.base, href), owner=True, ready=ready)
        if not loaded.ok:
            return
        m = re.search(r"([\d,]+)\s+connections?\b", norm(" ".join(loaded.info.get("headings", []))))
        if m:
            self.connections_total = int(m.group(1).replace(",", ""))

        def batch() -> int:
            self.connections = list(dict.fromkeys(list_names(self.owner) or []))
            return len(self.connections)

        more = re.compile("|".join(re.escape(w) for w in words["show_more"]), re.I)

        def show_more() -> None:
            button = self.owner.get_by_role("button", name=more)
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
        out += [self.decide_setting(c) for c in ("linkedin.email_visibility", "linkedin.discover_email",
                                                 "linkedin.discover_phone")]
        out += [self.decide_last_name(), self.decide_setting("linkedin.active_status"), self.decide_people()]
        return out

    def decide_public_profile(self) -> Finding:
        check = "linkedin.public_profile"
        public = self.pages.get("public:profile")
        master = self.reads.get("public", {})
        on = master.get("value")
        ev: list[Evidence] = []
        if "value" in master:
            ev.append(evidence(Source.SETTING, master["loaded"], f"'{master['label']}' is {'on' if on else 'off'}."))
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
            missing = [s for s in self.personal_sections if s not in self.sections]
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
        return self.unknown(check, self.reason("public", "settings:public"), ev)

    def _item(self, check: str) -> Item:
        return next(item for item in self.items if item.check == check)

    def decide_connections_visibility(self) -> Finding:
        # A switch whose verdict names an audience, and whose evidence quotes the state as shown
        # ("Visible"): not the generic decision of a switch.
        check = "linkedin.connections_visibility"
        got = self.reads.get(check, {})
        if "value" not in got:
            return self.unknown(check, self.reason(check, self._item(check).page))
        ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {shown_words(got['raw'])}.")]
        if got["value"]:
            return self.at_risk(check, "Your connections can see your list of connections.", ev, Audience.FRIENDS)
        return self.ok(check, "Only you can see your connections.", ev, Audience.ONLY_ME)

    def decide_last_name(self) -> Finding:
        # Not a [settings] entry (no label in the facts), and neither value is a risk.
        check = "linkedin.last_name"
        got = self.reads.get(check, {})
        if "value" not in got:
            return self.unknown(check, self.reason(check, self._item(check).page))
        ev = [evidence(Source.SETTING, got["loaded"], f"Last name visibility is set to '{got['raw']}'.")]
        if got["value"] is Audience.ONLY_ME:
            return self.ok(check, "People outside your network see only your last initial.", ev, Audience.FRIENDS)
        return self.ok(check, "Your full last name is shown, as usual for a work profile.", ev, Audience.PUBLIC)

    def decide_people(self) -> Finding:
        check = "linkedin.connections_watchlist"
        loaded = self.pages.get("connections")
        lists = {"connections": self.connections} if loaded is not None and loaded.ok else None
        found = self.decide_watchlist(check, lists, {"connections": self.connections_total}, "connections",
                                      "connection", "your connections")
        if lists is None or found.status in (Status.AT_RISK, Status.SKIPPED):
            return found  # a match is a match, however much of the list was read
        # "Nobody matches" needs the whole list: one read part-way, or without its count, proves nothing.
        if not self.connections_complete:
            return self.unknown(check, self.connections_problem or "Boundary couldn't read your whole connections list.",
                                found.evidence)
        if self.connections_total is None:
            return self.unknown(check, "Boundary couldn't tell how many connections you have, so it can't be sure "
                                       "it read them all.", found.evidence)
        return found
