"""The Facebook audit: settings, the owner's profile and About, friends, and the public view.

Pages read (each once): three settings tabs; the owner's profile (`/me/`, with its
timeline); the About page and its sections; the friends page; and the public view: the
same profile and friends page in a logged-out context, plus the owner's "View As: Public"
preview of the profile and each About section. Labels, value words and the wordings looked
for on pages live in platform.toml beside this file (from docs/research/platform-facts.md)
and are matched by visible text and accessible names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from audits.model import Audience, Evidence, Finding, Source
from audits.pages import Loaded, PageProblem, ProblemKind, Ready, norm
from audits.phrasing import plural
from audits.platforms.base import ARTICLES_SHOWN, PlatformAudit, Step, evidence
from audits.reading import Article, Link, json_blobs, links, list_names, read, read_articles
from audits.watchwords import WordMatcher

PUBLIC_VIEWER_ID = "100000686899395"  # Facebook's "View As: Public" viewer


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
        for key, page in self.spec.pages.items():
            needed = frozenset(s.check for s in self.spec.settings_on(key))
            steps.append(Step(page.step, lambda key=key: self.read_settings(key), needed))
        steps += [
            Step("reading the details on your About page", self.read_about, profile_checks | checks("public_post_content")),
            Step("seeing your About page as the public sees it", self.read_about_public, profile_checks),
            Step("seeing your profile as the public sees it", self.read_viewas_profile, posts_checks | profile_checks),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile, posts_checks | profile_checks),
            Step("reading your friends list", self.read_friends, checks("friends_list", "connections_watchlist")),
            Step("checking whether a stranger can see your friends list", self.read_public_friends, checks("friends_list")),
        ]
        return steps

    # -- what platform.toml declares --------------------------------------------------------
    @property
    def audience_words(self) -> dict[str, Audience]:
        """The words Facebook's audience selectors show, as platform.toml maps them
        ([values.audience]: every audience setting, post and About detail shows them)."""
        return self.spec.values["audience"].get()

    def audience_of(self, word: str | None) -> Audience | None:
        word = norm(word).rstrip(".:")
        words = self.audience_words
        if word in words:
            return words[word]
        if any(word.startswith(norm(prefix)) for prefix in self.spec.words["friends_named"]):
            return Audience.FRIENDS  # "Friends except: Sam"
        return None

    def wording(self, key: str) -> tuple[str, ...]:
        """One of platform.toml's [words], as page text is compared (lower case, straight quotes)."""
        return tuple(norm(w) for w in self.spec.words[key])

    @property
    def ready_friends(self) -> Ready:
        """A friends page is ready once it lists people or says it has none to show."""
        ready = self.spec.ready["friends"]
        return replace(ready, texts=ready.texts + self.spec.words["no_friends"])

    def prompts_to_add(self) -> dict[str, tuple[str, ...]]:
        """What the About page offers where a detail is missing, by detail ("contact:phone")."""
        return {key.removeprefix("add:"): self.wording(key) for key in self.spec.words if key.startswith("add:")}

    # -- reading ---------------------------------------------------------------------------
    def read_profile(self) -> None:
        loaded = self.load("profile", f"{self.spec.base}/me/", owner=True, ready=self.spec.ready["profile"])
        if not loaded.ok:
            return
        if not loaded.info.get("headings"):
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise your Facebook profile page.")
            return
        parts = urlsplit(loaded.url)
        self.profile_url = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query if parts.path.endswith("profile.php") else "", ""))
        self.account.profile_url = self.profile_url
        self.account.display_name = self._display_name(loaded)
        shown = links(self.owner) or []
        self.about_url = self._find_link(shown, ("about",), ("sk=about", "/about")) or self.profile_url.rstrip("/") + "/about"
        self.friends_url = self._find_link(shown, ("friends",), ("sk=friends", "/friends")) or self.profile_url.rstrip("/") + "/friends"
        self._read_feed()

    def _display_name(self, loaded: Loaded) -> str | None:
        for blob in json_blobs(self.owner) or ():
            match = re.search(r'"CurrentUserInitialData"\s*:\s*\{[^{}]*?"NAME"\s*:\s*"([^"]+)"', blob)
            if match:
                return match.group(1)
        headings = loaded.info.get("headings") or []
        return headings[0] if headings else None

    def _find_link(self, links: list[Link], names: tuple[str, ...], hrefs: tuple[str, ...]) -> str | None:
        own = urlsplit(self.profile_url).path.rstrip("/")
        for link in links:
            if link.name in names and urlsplit(link.href).path.startswith(own):
                return link.href
        for link in links:
            href = link.href
            if urlsplit(href).path.startswith(own) and any(h in href for h in hrefs):
                return href
        return None

    def _read_feed(self) -> None:
        """Read every post on the timeline (read posts leave the page as it scrolls)."""

        def batch() -> int:
            for article in read_articles(self.owner, consume=True) or ():
                post = self._post(article)
                self.posts.setdefault(post.key, post)
            return len(self.posts)

        self.feed_complete, self.feed_problem = self.scroll_and_read(self.owner, batch, ARTICLES_SHOWN)

    def _post(self, article: Article) -> Post:
        audiences = [a for a in article.audiences if a]
        mapped = {self.audience_of(a) for a in audiences}
        audience = mapped.pop() if len(mapped) == 1 else None
        text = article.text
        years = re.findall(r"\b(19\d\d|20\d\d)\b", article.date)
        places = list(article.places)
        match = re.search(r"\bis at ([^.\n]+)\.", text) or re.search(r"\u2014 at ([^.\n]+)", text)
        if match:
            places.append(match.group(1).strip())
        places = list(dict.fromkeys(places))
        # The post's own words: the longest text block that isn't the "X is at Y." header.
        messages = [m for m in article.messages if not re.search(r"\bis at\b|\u2014 (at|with)\b", m)]
        message = max(messages, key=len, default="")
        key = article.permalink or f"text:{hash(norm(text))}"
        return Post(
            key=urlsplit(key).path if key.startswith("http") or key.startswith("/") else key,
            audience=audience,
            raw_audience=", ".join(audiences),
            text=text,
            message=message,
            year=int(years[0]) if years else None,
            places=places,
            url=article.permalink,
        )

    def read_settings(self, key: str) -> None:
        # Once the session has ended every owner page would be a login page: stop asking.
        if self.signed_out():
            return
        loaded = self.read_settings_page(key, "your privacy settings")
        if not loaded.ok:
            return
        # An on/off setting may show as a question answered Yes or No instead of a switch.
        answers = {**dict.fromkeys(self.wording("switch_on"), True), **dict.fromkeys(self.wording("switch_off"), False)}
        here = self.spec.settings_on(key)
        for setting in here:
            labels = list(setting.labels.get(loaded.language))
            if not setting.switch or not labels or "value" in self.reads.get(setting.check, {}):
                continue
            others = [label for s in here if s is not setting for label in s.labels.get(loaded.language)]
            # Optional: a question that isn't there leaves what the switch reader said.
            self.read_choice_setting(setting.check, loaded, labels, answers, optional=True, others=others)

    def read_about(self) -> None:
        if self.signed_out() or not self.about_url:
            return
        about = self.load("about", self.about_url, owner=True, ready=self.spec.ready["about"])
        if not about.ok:
            return
        own = urlsplit(self.profile_url).path.rstrip("/")
        urls: list[str] = []
        sections = self.wording("about_sections")
        for link in links(self.owner) or ():
            href = link.href
            own_link = own in urlsplit(href).path or "profile.php" in href
            if link.name in sections and own_link and href not in urls and href.split("#")[0] != about.url:
                urls.append(href)
        self._read_items("about", about)
        for n, url in enumerate(urls[:8]):
            key = f"about:{n}"
            loaded = self.load(key, url, owner=True, ready=self.spec.ready["about"])
            if loaded.ok:
                self._read_items(key, loaded)

    def _read_items(self, key: str, loaded: Loaded) -> None:
        self.sections.append(key)
        for raw in read(self.owner, "readAudienceItems"):
            field_name, sub = classify_item(raw["lines"], raw["heading"])
            item = Item(
                field=field_name,
                audience=self.audience_of(raw["audience"]),
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
        all_prompts = [p for group in self.prompts_to_add().values() for p in group]
        self.prompts[key] = set(read(self.owner, "hasText", phrases=all_prompts))
        self.groups[key] = read(self.owner, "readGroups")

    def read_about_public(self) -> None:
        if self.signed_out():
            return
        # The overview repeats what its sections hold: preview it only when it is all there is.
        keys = [k for k in self.sections if k != "about"] or self.sections
        for key in keys:
            owner_page = self.pages[key]
            loaded = self.load(f"viewas:{key}", with_query(owner_page.url, viewas=PUBLIC_VIEWER_ID), owner=True,
                               ready=self.spec.ready["about"])
            self._check_viewas(loaded)

    def _check_viewas(self, loaded: Loaded, what: str = "your profile") -> None:
        if loaded.ok and not any(banner in loaded.text for banner in self.wording("view_as")):
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
        if self.signed_out() or not self.profile_url:
            return
        loaded = self.load("viewas:profile", with_query(self.profile_url, viewas=PUBLIC_VIEWER_ID), owner=True,
                           ready=self.spec.ready["profile"])
        self._check_viewas(loaded)
        if loaded.ok:
            self._read_public_posts("viewas:profile", loaded, self.owner)

    def read_public_profile(self) -> None:
        if not self.profile_url:
            return
        loaded = self.load("public:profile", self.profile_url, owner=False, ready=self.spec.ready["profile"])
        if loaded.ok and not loaded.info.get("headings"):
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise the page a stranger gets.")
        if self._check_own(loaded, "your profile"):
            self._read_public_posts("public:profile", loaded, self.public)

    def _read_public_posts(self, key: str, loaded: Loaded, page) -> None:
        articles = read_articles(page)
        if articles is None:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary couldn't read the posts on this page.")
            return
        self.public_posts[key] = [self._post(a) for a in articles]

    def read_friends(self) -> None:
        if self.signed_out() or not self.friends_url:
            return
        loaded = self.load("friends", self.friends_url, owner=True, ready=self.ready_friends)
        if not loaded.ok:
            return
        names = list_names(self.owner)
        count = re.search(r"\b([\d,]+) friends?\b", loaded.text)
        self.friend_count = int(count.group(1).replace(",", "")) if count else None
        if names:
            self.friend_names = names
        elif names is not None and (any(marker in loaded.text for marker in self.wording("no_friends"))
                                    or self.friend_count == 0):
            self.friend_names = []
        else:
            self.reads["facebook.connections_watchlist"] = {"problem": "Boundary couldn't read your friends list."}

    def read_public_friends(self) -> None:
        if not self.friends_url:
            return
        plain = with_query(self.friends_url)
        for key, url, page, owner in (
            ("public:friends", plain, self.public, False),
            ("viewas:friends", with_query(self.friends_url, viewas=PUBLIC_VIEWER_ID), self.owner, True),
        ):
            if owner and self.signed_out():
                continue
            loaded = self.load(key, url, owner=owner, ready=self.ready_friends)
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
        shown = list_names(page)
        if shown is None:  # an answer out of shape proves nothing
            return None
        names = [n for n in shown if norm(n) != norm(self.account.display_name)]
        if names:
            return True
        if any(marker in loaded.text for marker in self.wording("no_friends")):
            return False
        return None

    # -- decisions ----------------------------------------------------------------------------
    def decide(self) -> list[Finding]:
        if self.signed_out() and not self.profile_url:
            reason = next(p.problem.reason for p in self.pages.values() if p.problem and p.problem.kind is ProblemKind.LOGIN_WALL)
            return self.all_unknown(reason)
        # Verdicts that depend on a setting's value alone (their wording is in platform.toml).
        out = [self.decide_setting(f"facebook.{c}") for c in (
            "future_posts", "lookup_email", "lookup_phone", "search_engines", "friend_requests", "tag_review",
            "timeline_review", "tagged_posts_audience")]
        out.append(self.decide_friends_list())
        out += [self.decide_field(f) for f in FIELDS]
        out += self.decide_posts()
        out.append(self.decide_people())
        return out

    def decide_friends_list(self) -> Finding:
        check = "facebook.friends_list"
        setting = self.spec.settings[check]
        ev: list[Evidence] = []
        shown = [k for k, v in self.public_friends.items() if v]
        got = self.reads.get(check, {})
        audience = got.get("value")
        if audience:
            ev.append(evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is set to '{got['raw']}'."))
        count = f" ({plural(self.friend_count, 'friend')})" if self.friend_count else ""
        if shown:
            for key in shown:
                ev.append(evidence(Source.PUBLIC_VIEW, self.pages[key], "The friends page showed your friends to the public view."))
            if audience and not audience.beyond_friends:
                ev.append(evidence(Source.SETTING, got["loaded"], "The setting says otherwise, but the public view wins."))
            return self.at_risk(check, f"Anyone can see your friends list{count}.", ev, Audience.PUBLIC)
        if audience:
            for key in ("public:friends", "viewas:friends"):
                page = self.pages.get(key)
                if self.public_friends.get(key) is False:
                    ev.append(evidence(Source.PUBLIC_VIEW, page, "The public view said there are no friends to show."))
                elif page is not None:
                    why = page.problem.reason if page.problem else "it neither listed people nor said there were none to show"
                    ev.append(evidence(Source.PUBLIC_VIEW, page, f"The public view couldn't be used: {why}"))
            who = setting.who.get(audience) or self.spec.who[audience]
            if audience.beyond_friends:
                return self.at_risk(check, f"{who} can see your friends list{count}.", ev, audience)
            return self.ok(check, setting.summary.format(who=who), ev, audience)
        return self.unknown(check, self.reason(check, setting.page))

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
            return self.at_risk(check, f"{self.spec.who[audience]} can see {what}.", ev, audience, details=self._values(wide))
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
            return self.ok(check, f"{self.spec.who[audience]} can see {what}.", ev + confirm, audience)
        # Nothing listed: only "ok" where the page positively shows the empty group.
        prompts = self.prompts_to_add()
        prompt_groups = [k for k in prompts if k == name or k.startswith(name + ":")]
        seen = set().union(*(self.prompts.get(k, set()) for k in read_sections))
        missing = [g for g in prompt_groups if not (seen & set(prompts[g]))]
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
        prompts = self.prompts_to_add()
        phrases = [p for g in prompt_groups for p in prompts[g]]
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
                            or re.fullmatch(r"no .+ to show\.?", bare) or bare in self.audience_words):
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

    def decide_people(self) -> Finding:
        names = self.friend_names
        # A list that doesn't say how many it holds counts as read whole.
        counts = {"friends": self.friend_count or len(names or [])}
        return self.decide_watchlist("facebook.connections_watchlist", None if names is None else {"friends": names},
                                     counts, "friends", "friend", "your friends")
