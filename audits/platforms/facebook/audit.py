"""The Facebook audit: settings, the owner's profile and About, friends, and the public view.

Pages read (each once): three settings tabs; the owner's profile (`/me/`, with its
timeline); the About page and its sections; the friends page; and the public view: the
same profile and friends page in a logged-out context, plus the owner's "View As: Public"
preview of the profile and each About section. Labels come from
docs/research/platform-facts.md and are matched by visible text and accessible names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from audits.model import Audience, Evidence, Finding, Source
from audits.pages import Loaded, PageProblem, ProblemKind, Ready, norm, read
from audits.phrasing import plural
from audits.platforms.base import ARTICLES_SHOWN, STOPPED, PlatformAudit, Step, evidence
from audits.watchwords import WordMatcher, count_watch_list_matches

BASE = "https://www.facebook.com"
PUBLIC_VIEWER_ID = "100000686899395"  # Facebook's "View As: Public" viewer


AUDIENCE_WORDS: dict[str, Audience] = {
    "public": Audience.PUBLIC,
    "everyone": Audience.PUBLIC,
    "anyone": Audience.PUBLIC,
    "friends of friends": Audience.WIDE,
    "your friends of friends": Audience.WIDE,
    "friends": Audience.FRIENDS,
    "your friends": Audience.FRIENDS,
    "friends except": Audience.FRIENDS,
    "specific friends": Audience.FRIENDS,
    "close friends": Audience.FRIENDS,
    "custom": Audience.FRIENDS,
    "only me": Audience.ONLY_ME,
    "no one": Audience.ONLY_ME,
}
SWITCH_WORDS = {"yes": True, "on": True, "no": False, "off": False}


def audience_of(word: str | None) -> Audience | None:
    word = norm(word).rstrip(".:")
    if word in AUDIENCE_WORDS:
        return AUDIENCE_WORDS[word]
    for prefix in ("friends except", "specific friends", "custom"):
        if word.startswith(prefix):
            return Audience.FRIENDS
    return None


WHO = {
    Audience.PUBLIC: "Anyone",
    Audience.WIDE: "Friends of friends",
    Audience.FRIENDS: "Only your friends",
    Audience.ONLY_ME: "Only you",
}


@dataclass(frozen=True)
class SettingSpec:
    check: str
    page: str  # key of the settings page
    labels: tuple[str, ...]  # current wording first, then older wordings
    summary: str = ""  # for a choice: "{who} can ..."
    switch: bool = False
    risky_when_on: bool = False  # for a switch
    on_text: str = ""
    off_text: str = ""
    only_me: str = "Only you"  # how "Only me" reads in this summary
    risky_audiences: frozenset = frozenset({Audience.PUBLIC, Audience.WIDE})


# What each page kind must show before it is read (its content is built by script).
MAIN_HEADING = ("[role=main] h1", "main h1", "[role=main] h2", "main h2", "[role=main] h3", "main h3",
                "[role=main] [role=heading]", "main [role=heading]")
NO_FRIENDS = ("no friends to show", "no friends", "hasn't added any friends")
READY_PROFILE = Ready("your profile", selectors=MAIN_HEADING)
READY_ABOUT = Ready("your About page", selectors=MAIN_HEADING)
READY_FRIENDS = Ready("the friends list", texts=NO_FRIENDS,
                      selectors=("[role=main] [role=list]", "main [role=list]", "[role=main] ul", "main ul"))

SETTINGS_TABS = {
    "settings:posts": ("posts", "reading who can see your future posts"),
    "settings:find": ("how_people_find_and_contact_you", "reading how people can find and contact you"),
    "settings:tagging": ("profile_and_tagging", "reading your tagging settings"),
}

SETTINGS = [
    SettingSpec(
        "facebook.future_posts", "settings:posts", ("Who can see your future posts?",),
        summary="{who} can see your new posts unless you change each one.",
    ),
    SettingSpec(
        "facebook.friends_list", "settings:find", ("Who can see your friends list?",),
        summary="{who} can see your friends list.",
    ),
    SettingSpec(
        "facebook.lookup_email", "settings:find",
        ("Who can look you up using the email address you provided?", "People with your email address"),
        summary="{who} can look you up by your email address.", only_me="No one else",
    ),
    SettingSpec(
        "facebook.lookup_phone", "settings:find",
        ("Who can look you up using the phone number you provided?", "People with your phone number"),
        summary="{who} can look you up by your phone number.", only_me="No one else",
    ),
    SettingSpec(
        "facebook.search_engines", "settings:find",
        (
            "Allow search engines outside of Facebook to link to your profile",
            "Do you want search engines outside of Facebook to link to your profile?",
        ),
        switch=True, risky_when_on=True,
        on_text="Search engines such as Google can link to your profile.",
        off_text="Search engines outside Facebook can't link to your profile.",
    ),
    SettingSpec(
        "facebook.friend_requests", "settings:find", ("Who can send you friend requests?",),
        summary="{who} can send you friend requests.", risky_audiences=frozenset({Audience.PUBLIC}),
    ),
    SettingSpec(
        "facebook.tag_review", "settings:tagging",
        ("Review tags that friends add to your posts before the tags appear",),
        switch=True,
        on_text="Tags that friends add to your posts wait for your approval.",
        off_text="Tags that friends add to your posts appear without your approval.",
    ),
    SettingSpec(
        "facebook.timeline_review", "settings:tagging",
        ("Review posts that you're tagged in before the post appears on your profile",),
        switch=True,
        on_text="Posts you're tagged in wait for your approval before they appear on your profile.",
        off_text="Posts you're tagged in appear on your profile without your approval.",
    ),
    SettingSpec(
        "facebook.tagged_posts_audience", "settings:tagging",
        ("Who can see posts that you're tagged in on your profile?",),
        summary="{who} can see posts you're tagged in on your profile.",
    ),
]


@dataclass
class SettingRead:
    spec: SettingSpec
    loaded: Loaded | None
    audience: Audience | None = None
    switch_on: bool | None = None
    raw: str = ""
    problem: str | None = None


# -- profile details ------------------------------------------------------------------------

FIELDS = ("work", "education", "current_city", "hometown", "relationship", "family", "birthday", "contact")
FIELD_WORDS = {
    "work": "where you work",
    "education": "where you studied",
    "current_city": "the town you live in",
    "hometown": "your hometown",
    "relationship": "your relationship",
    "family": "your family members",
    "birthday": "your birthday",
    "contact": "your phone, email or address",
}
RELATIONS = (
    "mother|father|mum|mom|dad|parent|sister|brother|sibling|son|daughter|child|aunt|uncle|cousin|"
    "niece|nephew|grandmother|grandfather|grandparent|grandson|granddaughter|grandchild|"
    "stepmother|stepfather|stepsister|stepbrother|half-sister|half-brother|"
    "mother-in-law|father-in-law|sister-in-law|brother-in-law|family member"
)
PHONE_RE = r"^\+?[\d\s()-]{7,}$"
EMAIL_RE = r"^[^\s@]+@[^\s@]+\.[a-z]{2,}$"
LINE_RULES: list[tuple[str, str]] = [
    ("current_city", r"^(lives in|current (city|town))\b"),
    ("hometown", r"^(from|hometown)\b"),
    ("birthday", r"^(born( on)?|birth ?(date|day|year)|date of birth)\b"),
    (
        "relationship",
        r"^(married|in a relationship|engaged|single|divorced|widowed|separated|in a civil (partnership|union)|"
        r"in a domestic partnership|in an open relationship|it's complicated|relationship( status)?$)",
    ),
    ("family", rf"^({RELATIONS})$"),
    ("contact", r"^(mobile|mobile phone|phone|email|address|home address|contact info)$"),
    ("contact", PHONE_RE),
    ("contact", EMAIL_RE),
    ("education", r"^(studied|studies|went to|attended|graduated|college|university|high school|secondary school)\b"),
    ("work", r"^(works|worked|working) at\b"),
]
HEADING_RULES: list[tuple[str, str]] = [
    ("current_city", r"current (city|town)"),
    ("hometown", r"hometown"),
    ("birthday", r"birth"),
    ("relationship", r"relationship"),
    ("family", r"family"),
    ("contact", r"contact"),
    ("education", r"college|university|high school|school|education"),
    ("work", r"^work\b|workplace|employment|jobs?\b"),
]
PROMPTS: dict[str, tuple[str, ...]] = {
    "work": ("add a workplace", "add workplace"),
    "education": ("add a college", "add a high school", "add a school", "add college", "add high school", "add university"),
    "current_city": ("add current city", "add a current city", "add current town"),
    "hometown": ("add hometown", "add a hometown"),
    "relationship": ("add a relationship status", "add relationship status", "add a relationship"),
    "family": ("add a family member", "add family member"),
    "birthday": ("add your birthday", "add birthday", "add a birthday", "add date of birth", "add your date of birth"),
    "contact:phone": ("add a phone number", "add a mobile phone", "add phone number", "add a mobile number"),
    "contact:email": ("add an email address", "add email address", "add an email"),
    "contact:address": ("add your address", "add an address", "add address"),
}
SECTION_LINK_NAMES = (
    "work and education",
    "work",
    "education",
    "places lived",
    "places",
    "personal details",
    "contact and basic info",
    "contact info",
    "basic info",
    "family and relationships",
    "family",
    "relationships",
)
# Short captions that label a detail rather than being it.
CAPTIONS = {
    "work", "college", "high school", "university", "education", "current city", "current town", "hometown",
    "birth date", "birthday", "birth year", "date of birth", "mobile", "mobile phone", "phone", "email",
    "address", "home address", "relationship", "family members", "contact info", "basic info",
} | set(RELATIONS.split("|"))
VALUE_PREFIXES = r"^(works at|worked at|studied at|studies at|went to|lives in|from|born on|born|married to|in a relationship with|engaged to)\s+"


def classify_line(line: str) -> str | None:
    text = norm(line)
    for name, rule in LINE_RULES:
        if re.search(rule, text):
            return name
    return None


@dataclass
class Item:
    field: str | None
    audience: Audience | None
    raw_audience: str
    lines: list[str]
    heading: str
    section: str  # key of the page it was read from
    subfield: str = ""

    @property
    def value(self) -> str:
        """The detail itself: the first line that isn't a caption ("Current city") or a prompt."""
        for line in self.lines:
            text = norm(line)
            if text in CAPTIONS or text.lstrip("+ ").startswith("add "):
                continue
            return line
        return ""


def classify_item(lines: list[str], heading: str) -> tuple[str | None, str]:
    field_name = None
    lines = [line for line in lines if not norm(line).lstrip("+ ").startswith("add ")]
    for line in lines:
        field_name = classify_line(line)
        if field_name:
            break
    if field_name is None:
        head = norm(heading)
        for name, rule in HEADING_RULES:
            if re.search(rule, head):
                field_name = name
                break
    sub = ""
    if field_name == "contact":
        joined = norm(" ".join(lines))
        if re.search(r"\b(mobile|phone)\b", joined) or any(re.search(PHONE_RE, norm(line)) for line in lines):
            sub = "phone"
        elif "@" in joined or "email" in joined:
            sub = "email"
        else:
            sub = "address"
    return field_name, sub


def value_candidates(item: Item) -> list[str]:
    first = norm(item.value)
    if not first:
        return []
    out = [first]
    stripped = re.sub(VALUE_PREFIXES, "", first)
    if stripped != first:
        out.append(stripped)
    if " at " in first:
        out.append(first.split(" at ", 1)[1])
    return [c for c in out if len(c) >= 3]


def shown_in(item: Item, public_lines: list[str]) -> bool:
    """Whether a public page shows this item: the same sentence, or its value in a line
    that reads as the same kind of detail (so a town in a workplace's name doesn't count)."""
    candidates = value_candidates(item)
    if not candidates:
        return False
    for line in public_lines:
        text = norm(line)
        if not text:
            continue
        if text == candidates[0]:
            return True
        kind = classify_line(text)
        for cand in candidates:
            if kind == item.field and cand in text:
                return True
            if kind is None and text == cand:
                return True
    return False


@dataclass
class Post:
    key: str
    audience: Audience | None
    raw_audience: str
    text: str
    message: str
    year: int | None
    places: list[str] = field(default_factory=list)
    url: str = ""


def with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in params] + list(params.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


class FacebookAudit(PlatformAudit):
    platform = "facebook"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.settings: dict[str, SettingRead] = {}
        self.profile_url = ""
        self.about_url = ""
        self.friends_url = ""
        self.sections: list[str] = []  # keys of owner About pages read
        self.items: list[Item] = []
        self.prompts: dict[str, set[str]] = {}  # section key -> prompts seen
        self.groups: dict[str, list[dict]] = {}  # section key -> texts under each heading
        self.unrecognised: list[Item] = []
        self.posts: dict[str, Post] = {}
        self.feed_complete = False
        self.feed_problem: str | None = None
        self.public_posts: dict[str, list[Post]] = {}  # public page key -> posts seen there
        self.friend_names: list[str] | None = None
        self.friend_count: int | None = None
        self.public_friends: dict[str, bool | None] = {}
        self.words = WordMatcher(self.options.watch_words)

    # -- steps ------------------------------------------------------------------------------
    def steps(self) -> list[Step]:
        checks = lambda *ids: frozenset(f"facebook.{i}" for i in ids)  # noqa: E731
        profile_checks = checks(*(f"profile.{f}" for f in FIELDS))
        posts_checks = checks("past_posts", "public_post_content")
        steps = [
            Step("opening your profile", self.read_profile, posts_checks | profile_checks | checks("friends_list", "connections_watchlist")),
        ]
        for key, (tab, label) in SETTINGS_TABS.items():
            needed = frozenset(s.check for s in SETTINGS if s.page == key)
            steps.append(Step(label, lambda key=key, tab=tab: self.read_settings(key, tab), needed))
        steps += [
            Step("reading the details on your About page", self.read_about, profile_checks | checks("public_post_content")),
            Step("seeing your About page as the public sees it", self.read_about_public, profile_checks),
            Step("seeing your profile as the public sees it", self.read_viewas_profile, posts_checks | profile_checks),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile, posts_checks | profile_checks),
            Step("reading your friends list", self.read_friends, checks("friends_list", "connections_watchlist")),
            Step("checking whether a stranger can see your friends list", self.read_public_friends, checks("friends_list")),
        ]
        return steps

    def _owner_gone(self) -> bool:
        # Once the session has ended every owner page would be a login page: stop asking.
        return self.signed_out()

    def read_profile(self) -> None:
        loaded = self.load("profile", f"{BASE}/me/", owner=True, ready=READY_PROFILE)
        if not loaded.ok:
            return
        if not loaded.info.get("headings"):
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise your Facebook profile page.")
            return
        parts = urlsplit(loaded.url)
        self.profile_url = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query if parts.path.endswith("profile.php") else "", ""))
        self.account.profile_url = self.profile_url
        self.account.display_name = self._display_name(loaded)
        links = read(self.owner, "links")
        self.about_url = self._find_link(links, ("about",), ("sk=about", "/about")) or self.profile_url.rstrip("/") + "/about"
        self.friends_url = self._find_link(links, ("friends",), ("sk=friends", "/friends")) or self.profile_url.rstrip("/") + "/friends"
        self._read_feed()

    def _display_name(self, loaded: Loaded) -> str | None:
        for blob in read(self.owner, "jsonBlobs"):
            match = re.search(r'"CurrentUserInitialData"\s*:\s*\{[^{}]*?"NAME"\s*:\s*"([^"]+)"', blob)
            if match:
                return match.group(1)
        headings = loaded.info.get("headings") or []
        return headings[0] if headings else None

    def _find_link(self, links: list[dict], names: tuple[str, ...], hrefs: tuple[str, ...]) -> str | None:
        own = urlsplit(self.profile_url).path.rstrip("/")
        for link in links:
            if link["name"] in names and urlsplit(link["href"]).path.startswith(own):
                return link["href"]
        for link in links:
            href = link["href"]
            if urlsplit(href).path.startswith(own) and any(h in href for h in hrefs):
                return href
        return None

    def _read_feed(self) -> None:
        """Read every post on the timeline (read posts leave the page as it scrolls)."""

        def batch() -> int:
            for raw in read(self.owner, "readArticles", consume=True):
                post = self._post(raw)
                self.posts.setdefault(post.key, post)
            return len(self.posts)

        self.feed_complete, self.feed_problem = self.scroll_and_read(self.owner, batch, ARTICLES_SHOWN)

    def _post(self, raw: dict) -> Post:
        audiences = [a for a in raw.get("audiences", []) if a]
        mapped = {audience_of(a) for a in audiences}
        audience = mapped.pop() if len(mapped) == 1 else None
        text = raw.get("text", "")
        years = re.findall(r"\b(19\d\d|20\d\d)\b", raw.get("date", "") or "")
        places = list(raw.get("places", []))
        match = re.search(r"\bis at ([^.\n]+)\.", text) or re.search(r"\u2014 at ([^.\n]+)", text)
        if match:
            places.append(match.group(1).strip())
        places = list(dict.fromkeys(places))
        # The post's own words: the longest text block that isn't the "X is at Y." header.
        messages = [m for m in raw.get("messages", []) if not re.search(r"\bis at\b|\u2014 (at|with)\b", m)]
        message = max(messages, key=len, default="")
        key = raw.get("permalink") or f"text:{hash(norm(text))}"
        return Post(
            key=urlsplit(key).path if key.startswith("http") or key.startswith("/") else key,
            audience=audience,
            raw_audience=", ".join(audiences),
            text=text,
            message=message,
            year=int(years[0]) if years else None,
            places=places,
            url=raw.get("permalink", ""),
        )

    def read_settings(self, key: str, tab: str) -> None:
        if self._owner_gone():
            return
        specs = [spec for spec in SETTINGS if spec.page == key]
        labels = [label for spec in specs for label in spec.labels]
        loaded = self.load(key, f"{BASE}/settings/?tab={tab}", owner=True,
                           ready=Ready("your privacy settings", every=tuple(spec.labels for spec in specs)))
        for spec in (s for s in SETTINGS if s.page == key):
            self.settings[spec.check] = self._read_setting(spec, loaded, [x for x in labels if x not in spec.labels])

    def _read_setting(self, spec: SettingSpec, loaded: Loaded, others: list[str]) -> SettingRead:
        out = SettingRead(spec, loaded)
        if not loaded.ok:
            out.problem = loaded.problem.reason
            return out
        label = spec.labels[0]
        if spec.switch:
            got = read(self.owner, "readSwitch", labels=list(spec.labels), others=others)
            if got.get("found") and got.get("state") is not None:
                out.switch_on, out.raw = got["state"], "on" if got["state"] else "off"
                return out
            # The same setting as a question answered Yes/No.
            choice = read(self.owner, "readChoice", labels=list(spec.labels), words=list(SWITCH_WORDS), others=others)
            if choice.get("found") and len(choice.get("values", [])) == 1:
                out.switch_on, out.raw = SWITCH_WORDS[choice["values"][0]], choice["values"][0]
                return out
            found = got.get("found") or choice.get("found")
        else:
            got = read(self.owner, "readChoice", labels=list(spec.labels), words=list(AUDIENCE_WORDS), others=others)
            values = got.get("values", [])
            if got.get("found") and len(values) == 1:
                out.audience, out.raw = audience_of(values[0]), values[0]
                return out
            if len(values) > 1:
                out.problem = f"The setting '{label}' showed more than one value ({', '.join(values)}), so Boundary can't tell which applies."
                return out
            found = got.get("found")
        if found:
            out.problem = f"Boundary found '{label}' on the settings page but couldn't read its current value."
        else:
            out.problem = (
                f"The settings page didn't show '{label}'. Facebook may have changed this page; check it by hand."
            )
        return out

    def read_about(self) -> None:
        if self._owner_gone() or not self.about_url:
            return
        about = self.load("about", self.about_url, owner=True, ready=READY_ABOUT)
        if not about.ok:
            return
        links = read(self.owner, "links")
        own = urlsplit(self.profile_url).path.rstrip("/")
        urls: list[str] = []
        for link in links:
            href = link["href"]
            own_link = own in urlsplit(href).path or "profile.php" in href
            if link["name"] in SECTION_LINK_NAMES and own_link and href not in urls and href.split("#")[0] != about.url:
                urls.append(href)
        self._read_items("about", about)
        for n, url in enumerate(urls[:8]):
            key = f"about:{n}"
            loaded = self.load(key, url, owner=True, ready=READY_ABOUT)
            if loaded.ok:
                self._read_items(key, loaded)

    def _read_items(self, key: str, loaded: Loaded) -> None:
        self.sections.append(key)
        for raw in read(self.owner, "readAudienceItems"):
            field_name, sub = classify_item(raw["lines"], raw["heading"])
            item = Item(
                field=field_name,
                audience=audience_of(raw["audience"]),
                raw_audience=raw["audience"],
                lines=raw["lines"],
                heading=raw["heading"],
                section=key,
                subfield=sub,
            )
            seen = self.items if field_name else self.unrecognised
            # The overview repeats its sections' items: keep each detail once.
            if not any((i.field, i.lines, i.raw_audience) == (item.field, item.lines, item.raw_audience) for i in seen):
                seen.append(item)
        all_prompts = [p for group in PROMPTS.values() for p in group]
        self.prompts[key] = set(read(self.owner, "hasText", phrases=all_prompts))
        self.groups[key] = read(self.owner, "readGroups")

    def read_about_public(self) -> None:
        if self._owner_gone():
            return
        # The overview repeats what its sections hold: preview it only when it is all there is.
        keys = [k for k in self.sections if k != "about"] or self.sections
        for key in keys:
            owner_page = self.pages[key]
            loaded = self.load(f"viewas:{key}", with_query(owner_page.url, viewas=PUBLIC_VIEWER_ID), owner=True,
                               ready=READY_ABOUT)
            self._check_viewas(loaded)

    def _check_viewas(self, loaded: Loaded, what: str = "your profile") -> None:
        if loaded.ok and not ("looks like to" in loaded.text or "view as" in loaded.text):
            loaded.problem = PageProblem(
                ProblemKind.NOT_RECOGNISED, "Facebook's public preview (View As) didn't open, so it couldn't be used."
            )
        self._check_own(loaded, what)

    def _own_paths(self) -> list[str]:
        parts = urlsplit(self.profile_url)
        return [parts.path] if parts.path.endswith("profile.php") else [parts.path + "/*"]

    def _check_own(self, loaded: Loaded, what: str) -> bool:
        """A stranger's view counts only when it is provably this account's own page."""
        names = [self.account.display_name or ""]
        own = self.prove_own(loaded, paths=self._own_paths(), names=names, what=what)
        if own and urlsplit(self.profile_url).path.endswith("profile.php"):
            # profile.php?id=...: the id is the address.
            own_id = dict(parse_qsl(urlsplit(self.profile_url).query)).get("id")
            if own_id and dict(parse_qsl(urlsplit(loaded.url).query)).get("id") != own_id:
                loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED,
                                             f"Facebook showed a stranger a different page instead of {what}, so it proves nothing.")
                return False
        return own

    def read_viewas_profile(self) -> None:
        if self._owner_gone() or not self.profile_url:
            return
        loaded = self.load("viewas:profile", with_query(self.profile_url, viewas=PUBLIC_VIEWER_ID), owner=True,
                           ready=READY_PROFILE)
        self._check_viewas(loaded)
        if loaded.ok:
            self.public_posts["viewas:profile"] = [self._post(a) for a in read(self.owner, "readArticles")]

    def read_public_profile(self) -> None:
        if not self.profile_url:
            return
        loaded = self.load("public:profile", self.profile_url, owner=False, ready=READY_PROFILE)
        if loaded.ok and not loaded.info.get("headings"):
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise the page a stranger gets.")
        if self._check_own(loaded, "your profile"):
            self.public_posts["public:profile"] = [self._post(a) for a in read(self.public, "readArticles")]

    def read_friends(self) -> None:
        if self._owner_gone() or not self.friends_url:
            return
        loaded = self.load("friends", self.friends_url, owner=True, ready=READY_FRIENDS)
        if not loaded.ok:
            return
        names = read(self.owner, "listNames")
        count = re.search(r"\b([\d,]+) friends?\b", loaded.text)
        self.friend_count = int(count.group(1).replace(",", "")) if count else None
        if names:
            self.friend_names = names
        elif "no friends" in loaded.text or self.friend_count == 0:
            self.friend_names = []

    def read_public_friends(self) -> None:
        if not self.friends_url:
            return
        plain = with_query(self.friends_url)
        for key, url, page, owner in (
            ("public:friends", plain, self.public, False),
            ("viewas:friends", with_query(self.friends_url, viewas=PUBLIC_VIEWER_ID), self.owner, True),
        ):
            if owner and self._owner_gone():
                continue
            loaded = self.load(key, url, owner=owner, ready=READY_FRIENDS)
            if owner:
                self._check_viewas(loaded, "your friends list")
            else:
                self._check_own(loaded, "your friends list")
            if loaded.ok:
                self.public_friends[key] = self._friends_shown(page, loaded)

    def _friends_shown(self, page, loaded: Loaded) -> bool | None:
        """True when the page lists people (whoever they are: a list of people a stranger can
        see is a public friends list, whether or not the names match the owner's view);
        False only on the page's own "no friends to show"; None when it proves nothing."""
        names = [n for n in read(page, "listNames") if norm(n) != norm(self.account.display_name)]
        if names:
            return True
        if any(marker in loaded.text for marker in NO_FRIENDS):
            return False
        return None

    # -- decisions ----------------------------------------------------------------------------
    def decide(self) -> list[Finding]:
        if self.signed_out() and not self.profile_url:
            reason = next(p.problem.reason for p in self.pages.values() if p.problem and p.problem.kind is ProblemKind.LOGIN_WALL)
            return self.all_unknown(reason)
        out = [self.decide_setting(s) for s in SETTINGS if s.check != "facebook.friends_list"]
        out.append(self.decide_friends_list())
        out += [self.decide_field(f) for f in FIELDS]
        out += self.decide_posts()
        out.append(self.decide_watchlist())
        return out

    def decide_setting(self, spec: SettingSpec) -> Finding:
        got = self.settings.get(spec.check)
        if got is None:
            problem = self.problem(spec.page) or self.problem("profile") or STOPPED
            return self.unknown(spec.check, problem.reason)
        if got.problem:
            return self.unknown(spec.check, got.problem)
        ev = [evidence(Source.SETTING, got.loaded, f"'{spec.labels[0]}' is set to '{got.raw}'.")]
        if spec.switch:
            risky = got.switch_on == spec.risky_when_on
            summary = spec.on_text if got.switch_on else spec.off_text
            return (self.at_risk if risky else self.ok)(spec.check, summary, ev)
        summary = spec.summary.format(who=self.who(got.audience, spec))
        risky = got.audience in spec.risky_audiences
        return (self.at_risk if risky else self.ok)(spec.check, summary, ev, got.audience)

    @staticmethod
    def who(audience: Audience, spec: SettingSpec | None = None) -> str:
        if audience is Audience.ONLY_ME and spec is not None:
            return spec.only_me
        return WHO[audience]

    def decide_friends_list(self) -> Finding:
        check = "facebook.friends_list"
        spec = next(s for s in SETTINGS if s.check == check)
        ev: list[Evidence] = []
        shown = [k for k, v in self.public_friends.items() if v]
        got = self.settings.get(check)
        if got and got.audience:
            ev.append(evidence(Source.SETTING, got.loaded, f"'{spec.labels[0]}' is set to '{got.raw}'."))
        count = f" ({plural(self.friend_count, 'friend')})" if self.friend_count else ""
        if shown:
            for key in shown:
                ev.append(evidence(Source.PUBLIC_VIEW, self.pages[key], "The friends page showed your friends to the public view."))
            if got and got.audience and not got.audience.beyond_friends:
                ev.append(evidence(Source.SETTING, got.loaded, "The setting says otherwise, but the public view wins."))
            return self.at_risk(check, f"Anyone can see your friends list{count}.", ev, Audience.PUBLIC)
        if got and got.audience:
            for key in ("public:friends", "viewas:friends"):
                page = self.pages.get(key)
                if self.public_friends.get(key) is False:
                    ev.append(evidence(Source.PUBLIC_VIEW, page, "The public view said there are no friends to show."))
                elif page is not None:
                    why = page.problem.reason if page.problem else "it neither listed people nor said there were none to show"
                    ev.append(evidence(Source.PUBLIC_VIEW, page, f"The public view couldn't be used: {why}"))
            if got.audience.beyond_friends:
                return self.at_risk(check, f"{WHO[got.audience]} can see your friends list{count}.", ev, got.audience)
            return self.ok(check, spec.summary.format(who=WHO[got.audience]), ev, got.audience)
        reason = (got.problem if got else None) or (self.problem("settings:find") or self.problem("profile")).reason
        return self.unknown(check, reason)

    def _public_lines(self, keys: list[str]) -> tuple[list[str], list[Loaded]]:
        lines: list[str] = []
        used: list[Loaded] = []
        for key in keys:
            loaded = self.pages.get(key)
            if loaded and loaded.ok:
                lines += loaded.info.get("text", "").split("\n")
                used.append(loaded)
        return lines, used

    def decide_field(self, name: str) -> Finding:
        check = f"facebook.profile.{name}"
        what = FIELD_WORDS[name]
        read_sections = [k for k in self.sections if self.pages[k].ok]
        if not read_sections:
            problem = self.problem("about") or self.problem("profile") or PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary couldn't read your About page.")
            return self.unknown(check, problem.reason)
        items = [i for i in self.items if i.field == name]
        public_keys = [f"viewas:{k}" for k in read_sections] + ["viewas:profile", "public:profile"]
        lines, public_pages = self._public_lines(public_keys)
        shown = [i for i in items if shown_in(i, lines)]
        ev = [
            evidence(Source.OWNER_VIEW, self.pages[i.section], f"{what[0].upper()}{what[1:]}: shared with '{i.raw_audience}'.")
            for i in items
        ]
        if shown:
            ev += [evidence(Source.PUBLIC_VIEW, p, f"The public view shows {what}.") for p in public_pages if any(shown_in(i, p.info.get("text", "").split("\n")) for i in shown)]
            return self.at_risk(check, f"Anyone can see {what}.", ev, Audience.PUBLIC, details=self._values(items))
        wide = [i for i in items if i.audience and i.audience.beyond_friends]
        if wide:
            audience = Audience.PUBLIC if any(i.audience is Audience.PUBLIC for i in wide) else Audience.WIDE
            return self.at_risk(check, f"{WHO[audience]} can see {what}.", ev, audience, details=self._values(wide))
        unread = [i for i in items if i.audience is None]
        if unread:
            return self.unknown(check, f"Boundary found {what} on your About page but couldn't read who can see it.", ev)
        confirm = (
            [evidence(Source.PUBLIC_VIEW, p, f"The public view doesn't show {what}.") for p in public_pages]
            if public_pages
            else []
        )
        if items:
            audience = Audience.FRIENDS if any(i.audience is Audience.FRIENDS for i in items) else Audience.ONLY_ME
            return self.ok(check, f"{WHO[audience]} can see {what}.", ev + confirm, audience)
        # Nothing listed: only "ok" where the page positively shows the empty group.
        prompt_groups = [k for k in PROMPTS if k == name or k.startswith(name + ":")]
        seen = set().union(*(self.prompts.get(k, set()) for k in read_sections))
        missing = [g for g in prompt_groups if not (seen & set(PROMPTS[g]))]
        # A detail Boundary couldn't place might be this one: then absence isn't proven.
        if missing or self.unrecognised or not self._groups_hold_only_prompts(prompt_groups, read_sections):
            return self.unknown(
                check,
                f"Boundary couldn't find {what} on your About page, and couldn't confirm it isn't there. Check your About page by hand.",
            )
        return self.ok(
            check,
            f"Your profile doesn't list {what}.",
            [evidence(Source.OWNER_VIEW, self.pages[read_sections[0]], f"Your About page lists no {what.replace('your ', '').replace('where you ', '')}; it only offers to add one.")],
        )

    @staticmethod
    def _values(items: list[Item]) -> list[str]:
        return [" ".join(i.lines[:2]) + f" (shared with {i.raw_audience})" for i in items]

    @staticmethod
    def _post_detail(post: Post, why: str = "") -> str:
        text = (post.message or post.text).strip().replace("\n", " ")
        text = text if len(text) <= 140 else text[:137] + "..."
        where = f" at {', '.join(post.places)}" if post.places else ""
        return f"{post.year or 'undated'}: \"{text}\"{where}{' (' + why + ')' if why else ''}"

    def _groups_hold_only_prompts(self, prompt_groups: list[str], sections: list[str]) -> bool:
        """Whether every group that offers to add this detail holds nothing else. Text there
        that isn't a prompt, a caption or a detail already understood may be this detail in
        a form Boundary doesn't recognise: that is not absence."""
        known = {norm(line) for item in self.items for line in item.lines}
        phrases = [p for g in prompt_groups for p in PROMPTS[g]]
        found_any = False
        for key in sections:
            for group in self.groups.get(key, []):
                lines = [norm(line) for line in group["lines"]]
                if not any(p in line for line in lines for p in phrases):
                    continue
                found_any = True
                for line in lines:
                    bare = line.lstrip("+ ").strip()
                    if (not bare or bare.startswith("add ") or bare in CAPTIONS or line in known
                            or re.fullmatch(r"no .+ to show\.?", bare) or bare in AUDIENCE_WORDS):
                        continue
                    return False
        return found_any

    def decide_posts(self) -> list[Finding]:
        past, content = "facebook.past_posts", "facebook.public_post_content"
        profile = self.pages.get("profile")
        if profile is None or not profile.ok:
            reason = (self.problem("profile") or PageProblem(ProblemKind.STOPPED, "")).reason
            return [self.unknown(past, reason), self.unknown(content, reason)]
        owner_wide = {k: p for k, p in self.posts.items() if p.audience and p.audience.beyond_friends}
        seen_publicly: dict[str, Post] = {}
        for posts in self.public_posts.values():
            for p in posts:
                seen_publicly.setdefault(p.key, p)
        wide = dict(owner_wide)
        disagreements = 0
        for key, p in seen_publicly.items():
            if key not in wide:
                owner_post = self.posts.get(key)
                if owner_post and owner_post.audience and not owner_post.audience.beyond_friends:
                    disagreements += 1
                wide[key] = owner_post or p
        public_pages = [self.pages[k] for k in ("viewas:profile", "public:profile") if k in self.pages and self.pages[k].ok]
        findings = [self._decide_past(past, profile, wide, owner_wide, seen_publicly, disagreements, public_pages)]
        findings.append(self._decide_content(content, profile, wide, findings[0]))
        return findings

    def _decide_past(self, check, profile, wide, owner_wide, seen_publicly, disagreements, public_pages) -> Finding:
        if wide:
            by = Counter(
                "public" if (p.key in seen_publicly or p.audience is Audience.PUBLIC) else "friends of friends"
                for p in wide.values()
            )
            years = sorted(p.year for p in wide.values() if p.year)
            span = f", from {years[0]} to {years[-1]}" if years and years[0] != years[-1] else (f", from {years[0]}" if years else "")
            parts = [f"{n} shared with {word}" for word, n in by.most_common()]
            ev = [evidence(Source.OWNER_VIEW, profile, f"{plural(len(owner_wide), 'post')} on your timeline are shared beyond friends: {', '.join(parts)}.")]
            if seen_publicly:
                ev.append(evidence(Source.PUBLIC_VIEW, public_pages[0] if public_pages else None, f"A stranger can see {plural(len(seen_publicly), 'post')}."))
            if disagreements:
                ev.append(evidence(Source.PUBLIC_VIEW, public_pages[0] if public_pages else None, f"{plural(disagreements, 'post')} marked for friends only can still be seen by the public."))
            audience = Audience.PUBLIC if by.get("public") else Audience.WIDE
            details = [self._post_detail(p) for p in list(wide.values())[:25]]
            return self.at_risk(check, f"{plural(len(wide), 'post')} can be seen beyond your friends ({', '.join(parts)}{span}).", ev, audience, details)
        if not self.posts:
            return self.unknown(check, "Boundary couldn't find any posts on your timeline, so it couldn't check who can see them.")
        unread = [p for p in self.posts.values() if p.audience is None]
        if unread:
            return self.unknown(check, f"Boundary couldn't read who can see {plural(len(unread), 'post')} on your timeline.")
        if not self.feed_complete:
            return self.unknown(check, self.feed_problem or "Boundary couldn't read your whole timeline.")
        ev = [evidence(Source.OWNER_VIEW, profile, f"All {plural(len(self.posts), 'post')} on your timeline are shared with friends or fewer.")]
        ev += [evidence(Source.PUBLIC_VIEW, p, "The public view showed none of your posts.") for p in public_pages]
        return self.ok(check, f"All {plural(len(self.posts), 'post')} on your timeline are limited to friends or fewer.", ev, Audience.FRIENDS)

    def _decide_content(self, check, profile, wide, past: Finding) -> Finding:
        family = [norm(i.value) for i in self.items if i.field == "family"]
        reasons: Counter = Counter()
        flagged, details = [], []
        for post in wide.values():
            why = set()
            if self.words.find(post.text):  # the whole post: header, text and place
                why.add("mention work")
            if post.places:
                why.add("show a place")
            text = norm(post.text)
            if any(name and (f"with {name}" in text) for name in family):
                why.add("tag a family member")
            if why:
                flagged.append(post)
                reasons.update(why)
                details.append(self._post_detail(post, ", ".join(sorted(why))))
        if flagged:
            years = sorted(p.year for p in flagged if p.year)
            span = f" from {years[0]}–{years[-1]}" if years and years[0] != years[-1] else (f" from {years[0]}" if years else "")
            detail = ", ".join(f"{n} {why}" for why, n in reasons.most_common())
            ev = [evidence(Source.OWNER_VIEW, profile, f"{plural(len(flagged), 'post')} seen beyond friends{span}: {detail}.")]
            return self.at_risk(check, f"{plural(len(flagged), 'public post')}{span} {'mentions' if len(flagged) == 1 else 'mention'} work, places or family ({detail}).", ev, past.audience, details[:25])
        if past.status == "ok":
            return self.ok(check, "None of your posts are shared beyond friends.", past.evidence, Audience.FRIENDS)
        if wide and self.feed_complete and past.status == "at_risk":
            ev = [evidence(Source.OWNER_VIEW, profile, f"Read all {plural(len(wide), 'post')} shared beyond friends: none mention work words, places or family.")]
            return self.ok(check, f"Your {plural(len(wide), 'public post')} don't mention work, places or family.", ev, past.audience)
        return self.unknown(check, past.reason or self.feed_problem or "Boundary couldn't read your whole timeline.")

    def decide_watchlist(self) -> Finding:
        check = "facebook.connections_watchlist"
        if not self.options.watch_list:
            return self.skipped(check, "You haven't given a private watch list of names to look for.")
        if self.friend_names is None:
            problem = self.problem("friends")
            reason = problem.reason if problem else "Boundary couldn't read your friends list."
            return self.unknown(check, reason)
        matches = count_watch_list_matches(self.friend_names, self.options.watch_list)
        ev = [evidence(Source.OWNER_VIEW, self.pages["friends"], f"Compared {plural(len(self.friend_names), 'friend')} with your watch list of {plural(len(self.options.watch_list), 'name')}.")]
        if matches:
            return self.at_risk(check, f"{plural(matches, 'friend')} {'matches' if matches == 1 else 'match'} a name on your private watch list.", ev)
        if self.friend_count and self.friend_count > len(self.friend_names):
            return self.unknown(check, f"Boundary could only read {len(self.friend_names)} of your {self.friend_count} friends.", ev)
        return self.ok(check, "None of your friends match a name on your private watch list.", ev)
