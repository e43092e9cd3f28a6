"""The Instagram audit: privacy settings, and the profile as a stranger gets it.

Pages read (each once): home (who is signed in); the settings pages for account privacy,
tags and mentions, activity status, sharing and reuse, and the professional account; the
owner's profile (its header and its whole grid of posts); the same profile logged out (what
it renders: the header with the bio, link and contact buttons, and the page's own data about
the account, wherever in the page's script data it sits); each public post's own page (its
place tag and caption), up to MAX_POST_PAGES; the owner's followers and following.

Labels and wordings (in platform.toml beside this file) and data keys come from
docs/research/platform-facts.md (sections 2 and 10) and platform-facts-2026-12.md (B.3).
Every "ok" rests on something read: a setting read as restricted, or a page that was really
loaded, proven to be the account's own, and read in full. A missing label, an element that isn't there, an empty list or a page that
didn't load is `unknown` with a reason, never "not shown".
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import replace
from urllib.parse import urlsplit

from audits.catalog import checks_for
from audits.declaration import DEFAULT_LANGUAGE, Setting, Wording
from audits.model import Audience, Finding, Source
from audits.pages import QUIET_MS, SETTLED, Loaded, PageProblem, ProblemKind, Ready, Stopped, norm
from audits.phrasing import plural
from audits.platforms.base import STOPPED, PlatformAudit, Step, evidence
from audits.reading import ChoiceRead, SwitchRead, json_blobs, links, page_info, read, readiness
from audits.watchwords import WordMatcher

# Switches read for a check together with its own setting, kept in self.reads as
# "<check>:<part>": part -> (its settings page, its labels in platform.toml [words]).
PARTS = {
    "instagram.tags:approval": ("settings:tags", "tag_approval"),
    "instagram.story_sharing:stories": ("settings:sharing", "share_stories"),
    "instagram.story_sharing:posts": ("settings:sharing", "share_posts"),
    "instagram.story_sharing:reposts": ("settings:sharing", "reposts"),
}
# Rows not on every account's page, so a missing one is no problem: search engines and contact
# details show on professional accounts only, reposts on newer pages. A page is read without
# waiting for them, except reposts (the sharing page shows its rows in parts).
OPTIONAL = {"instagram.search_engines", "instagram.contact_info", "instagram.story_sharing:reposts"}
AWAITED = {"instagram.story_sharing:reposts"}
SHARING_REQUIRED = {"instagram.story_sharing:stories": "sharing your stories",
                    "instagram.story_sharing:posts": "sharing your posts and reels to stories"}

MAX_POST_PAGES = 60  # public posts opened one by one for their place tags (the verdict says when more)
RESERVED = {"accounts", "explore", "p", "reel", "reels", "direct", "stories", "api", "challenge", "web", "legal",
            "about", "developer", "archive", "emails", "graphql", "create", "notifications", "tv"}

# -- the account in the page's own data (2.3, 10) ---------------------------------------------
ACCOUNT_KEYS = {"is_private", "biography", "follower_count", "following_count", "edge_followed_by", "edge_follow",
                "full_name", "is_professional_account", "is_business_account", "media_count",
                "edge_owner_to_timeline_media", "business_email", "public_email", "external_url", "category_name"}
CONTACT_KEYS = ("business_email", "public_email", "business_phone_number", "public_phone_number",
                "contact_phone_number", "address_street", "city_name", "zip")
BIO_KEYS = ("biography", "external_url", "category_name", "category", "business_category_name")


def _walk(node, visit, depth: int = 0, key: str = "") -> None:
    if depth > 80:
        return
    if isinstance(node, dict):
        visit(node, key)
        for k, v in node.items():
            _walk(v, visit, depth + 1, k)
    elif isinstance(node, list):
        for v in node:
            _walk(v, visit, depth + 1, key)


def _parse(blobs: list[str]) -> list:
    out = []
    for blob in blobs:
        try:
            out.append(json.loads(blob))
        except (ValueError, TypeError):
            continue
    return out


def find_account(blobs: list[str], username: str) -> dict | None:
    """The page's own description of the account, wherever it sits in the page's script data:
    `{"data": {"user": ...}}` at the top, nested under `require` / `__bbox` / `result.data`, or
    as `xig_user_by_username` (facts 10). An object counts when it names this username (or,
    under `xig_user_by_username`, names no other) and carries account fields. Several objects
    are merged; a stranger's view that says "public" anywhere wins over one that says private."""
    want = username.lower()
    found: list[dict] = []

    def visit(d: dict, key: str) -> None:
        if not ACCOUNT_KEYS & d.keys():
            return
        name = d.get("username")
        if isinstance(name, str) and name.lower() == want or name is None and key == "xig_user_by_username":
            found.append(d)

    for data in _parse(blobs):
        _walk(data, visit)
    if not found:
        return None
    merged: dict = {}
    for d in found:
        for k, v in d.items():
            if k not in merged or merged[k] in (None, "", [], {}):
                merged[k] = v
    privacy = [d["is_private"] for d in found if isinstance(d.get("is_private"), bool)]
    if privacy:
        merged["is_private"] = all(privacy)
    return merged


def account_count(user: dict | None, kind: str) -> int | None:
    """followers / following / posts from either naming (`edge_followed_by.count` in the older
    API, `follower_count` in the 2026 embed; guests may get null)."""
    if not user:
        return None
    keys = {"followers": ("follower_count", "edge_followed_by"), "following": ("following_count", "edge_follow"),
            "posts": ("media_count", "edge_owner_to_timeline_media")}[kind]
    for key in keys:
        value = user.get(key)
        if isinstance(value, dict):
            value = value.get("count")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def account_contact(user: dict | None) -> list[str]:
    """Contact details the page's data gives a stranger (non-empty values only: guests get
    none, and an empty or null field proves nothing either way)."""
    if not user:
        return []
    out = [str(user[k]).strip() for k in CONTACT_KEYS if isinstance(user.get(k), (str, int)) and str(user[k]).strip()]
    address = user.get("business_address_json")
    if isinstance(address, str):
        try:
            address = json.loads(address)
        except ValueError:
            address = {"street_address": address}
    if isinstance(address, dict):
        parts = [str(v).strip() for k, v in address.items()
                 if k in ("street_address", "city_name", "zip_code") and v and str(v).strip()]
        if parts:
            out.append(", ".join(parts))
    return out


def account_bio(user: dict | None) -> list[str]:
    """The bio, link(s) and category as the page's data gives them."""
    if not user:
        return []
    out = [str(user[k]) for k in BIO_KEYS if isinstance(user.get(k), str) and user[k].strip()]
    for link in user.get("bio_links") or []:
        if isinstance(link, dict):
            out += [str(link[k]) for k in ("title", "url") if isinstance(link.get(k), str) and link[k].strip()]
    return out


def media_places(blobs: list[str]) -> dict[str, list[str]]:
    """Place tags in the page's data: shortcode -> the place names of posts whose own data
    carries a location (a null location proves nothing: guests may get it stripped)."""
    out: dict[str, list[str]] = {}

    def visit(d: dict, _key: str) -> None:
        code = d.get("shortcode") or d.get("code")
        where = d.get("location")
        if isinstance(code, str) and isinstance(where, dict) and isinstance(where.get("name"), str) and where["name"].strip():
            out.setdefault(code, [])
            if where["name"].strip() not in out[code]:
                out[code].append(where["name"].strip())

    for data in _parse(blobs):
        _walk(data, visit)
    return out


def parse_count(text: str | None) -> int | None:
    """An exact count as a page shows it ("1,234", "86"); an abbreviation ("1.2M") is not exact."""
    text = (text or "").strip().replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+|\d+", text):
        return int(re.sub(r"\D", "", text))
    return None


def code_of(permalink: str) -> str:
    parts = [p for p in urlsplit(permalink).path.split("/") if p]
    for i, p in enumerate(parts[:-1]):
        if p in ("p", "reel", "tv"):
            return parts[i + 1]
    return ""


class InstagramAudit(PlatformAudit):
    platform = "instagram"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.username = ""
        self.public_user: dict | None = None  # the account as the stranger's page's data gives it
        self.public_header: dict = {}  # the "instagram.profile" reader on the stranger's view
        self.public_private_marker = False
        self.public_tiles: list[dict] = []
        self.public_no_posts = False
        self.owner_header: dict = {}  # the "instagram.profile" reader on the owner's profile
        self.owner_user: dict | None = None
        self.owner_tiles: dict[str, dict] = {}
        self.owner_no_posts = False
        self.grid_complete = False
        self.grid_problem: str | None = None
        self.data_places: dict[str, list[str]] = {}  # shortcode -> places, from the pages' data
        self.post_pages: dict[str, dict] = {}  # permalink -> "instagram.post" on its own page (as a stranger)
        self.post_problem: str | None = None
        self.people: dict[str, list[str]] = {}
        self.words = WordMatcher(self.options.watch_words)

    def steps(self) -> list[Step]:
        c = lambda *ids: frozenset(f"instagram.{i}" for i in ids)  # noqa: E731
        needs = {"settings:privacy": c("private_account", "public_post_content", "followers_lists", "search_engines"),
                 "settings:tags": c("tags", "mentions"), "settings:activity": c("activity_status"),
                 "settings:sharing": c("story_sharing"), "settings:pro": c("contact_info", "search_engines")}
        # Who is signed in comes first for every check, a single re-check included.
        steps = [Step("finding your Instagram account", self.read_home, frozenset(c.id for c in checks_for("instagram")))]
        for key, page in self.spec.pages.items():
            steps.append(Step(page.step, lambda key=key: self.read_settings(key), needs[key]))
        steps += [
            Step("reading your posts", self.read_owner_profile, c("public_post_content", "connections_watchlist")),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile,
                 c("private_account", "public_post_content", "followers_lists", "profile.bio_work", "contact_info",
                   "search_engines")),
            Step("opening your public posts as a stranger, for place tags", self.read_post_pages,
                 c("public_post_content")),
            Step("reading your followers and who you follow", self.read_people, c("connections_watchlist")),
        ]
        return steps

    # -- reading ------------------------------------------------------------------------------------
    def read_home(self) -> None:
        loaded = self.load("home", self.spec.home_url, owner=True, ready=self.spec.ready["home"])
        if not loaded.ok:
            return
        # The navigation's profile link: named "Profile" (after the avatar's description).
        found = set()
        for link in links(self.owner) or ():
            name = norm(link.name)
            match = re.fullmatch(r"/([\w.]+)/?", urlsplit(link.href).path)
            if match and match.group(1).lower() not in RESERVED and (name == "profile" or name.endswith(" profile")):
                found.add(match.group(1))
        if len({u.lower() for u in found}) != 1:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary couldn't find your Instagram profile from the home page.")
            return
        self.username = found.pop()
        self.account.profile_url = f"{self.spec.base}/{self.username}/"
        for blob in json_blobs(self.owner) or ():
            match = re.search(r'"NAME"\s*:\s*"([^"]+)"', blob)
            if match:
                self.account.display_name = match.group(1)
        self.account.display_name = self.account.display_name or f"@{self.username}"

    # -- what platform.toml declares ---------------------------------------------------------------
    def wording(self, key: str) -> tuple[str, ...]:
        """One of platform.toml's [words], as page text is compared (lower case, straight quotes)."""
        return tuple(norm(w) for w in self.spec.words[key])

    @staticmethod
    def row(key: str, page: str, labels: tuple[str, ...]) -> Setting:
        return Setting(key, page, Wording({DEFAULT_LANGUAGE: tuple(labels)}), None)

    def settings_on(self, page: str) -> list[Setting]:
        """The declared settings on a settings page, and the switches read there as parts of a
        check (PARTS; their labels are platform.toml [words])."""
        parts = [self.row(key, on, self.spec.words[words]) for key, (on, words) in PARTS.items() if on == page]
        return self.spec.settings_on(page) + parts

    def grid_ready(self, owner: bool) -> Ready:
        """A profile's grid is ready once it shows posts, or says it has none (or, to a
        stranger, that the account is private)."""
        texts = self.spec.words["no_posts"] + self.spec.words["no_posts_yours"]
        return replace(self.spec.ready["grid"], texts=texts + (() if owner else self.spec.words["private"]))

    # -- settings ---------------------------------------------------------------------------------
    def read_settings(self, key: str) -> None:
        if self.signed_out():
            return
        here = self.settings_on(key)
        # Every row the page must show before it is read (a page built in parts shows its first
        # rows first); the professional page of a personal account shows its offer instead.
        every = tuple(s.labels.get() for s in here if s.check not in OPTIONAL or s.check in AWAITED)
        if key == "settings:pro":
            every = (self.spec.settings["instagram.contact_info"].labels.get() + self.spec.words["personal_account"],)
        loaded = self.load(key, self.spec.url(key), owner=True, ready=Ready("your privacy settings", every=every))
        # Other rows on the page, whose labels a setting's row never reaches into.
        neighbours = [self.row("", key, self.spec.words[f"neighbours:{key}"])] if f"neighbours:{key}" in self.spec.words else []
        for s in here:
            self.read_setting(s, loaded, [o for o in here if o is not s] + neighbours, optional=s.check in OPTIONAL)
        if key == "settings:pro" and loaded.ok and any(p in loaded.text for p in self.wording("personal_account")) \
                and "value" not in self.reads.get("instagram.contact_info", {}):
            self.reads["instagram.personal_account"] = {"value": True, "loaded": loaded}

    def read_setting(self, setting: Setting, loaded: Loaded, others: list[Setting] = (),
                     optional: bool = False) -> SwitchRead | ChoiceRead | None:
        """As the base reads a setting, but what it says names the wording the page showed (the
        app asks "Who can tag you" where the web page says "Allow tags from")."""
        said = super().read_setting(setting, loaded, others, optional)
        labels = setting.labels.get(loaded.language if loaded.ok else DEFAULT_LANGUAGE)
        shown = next((x for x in labels if said is not None and said.found
                      and norm(x).rstrip(" .:;,!?()") == said.label), None)
        got = self.reads.get(setting.check, {})
        if shown and shown != labels[0]:
            if "value" in got:
                got["label"] = shown
            elif "problem" in got:
                got["problem"] = got["problem"].replace(f"'{labels[0]}'", f"'{shown}'", 1)
        return said

    def load(self, key: str, url: str, *, owner: bool, ready: Ready = SETTLED) -> Loaded:
        """As the engine loads, but a shell of blank placeholder boxes (no text yet) is not an
        empty page while its landmarks may still come: wait for them, then classify again.
        (Belongs in PageLoader: it classifies "empty" before it waits for landmarks.)"""
        loaded = super().load(key, url, owner=owner, ready=ready)
        if loaded.problem is not None and loaded.problem.kind is ProblemKind.EMPTY and ready.landmarks:
            page = self.owner if owner else self.public
            if self._await(page, ready):
                self.loader.look(page, loaded, owner)
        return loaded

    def _await(self, page, ready: Ready) -> bool:
        """Wait (at most one page timeout) until `page` shows one of `ready`'s landmarks."""
        deadline = time.monotonic() + self.loader.timeout
        while True:
            if self.loader.cancelled is not None and self.loader.cancelled.is_set():
                raise Stopped()
            if readiness(page, texts=ready.texts, selectors=ready.selectors, quiet=QUIET_MS) == "ready":
                return True
            if time.monotonic() >= deadline:
                return False
            self.loader.sleep(0.05)

    def _own_page(self, loaded: Loaded, what: str) -> bool:
        """The owner's own profile: the address must be the account's (not a redirect elsewhere)."""
        if not loaded.ok:
            return False
        if urlsplit(loaded.url).path.strip("/").lower() != self.username.lower():
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED,
                                         f"{self.name} opened a different page instead of {what} ({loaded.url}).")
            return False
        return True

    def read_owner_profile(self) -> None:
        if self.signed_out() or not self.username:
            return
        loaded = self.load("profile", f"{self.spec.base}/{self.username}/", owner=True,
                           ready=self.grid_ready(owner=True))
        if not self._own_page(loaded, "your profile"):
            return
        self.owner_header = read(self.owner, "instagram.profile", username=self.username)
        blobs = json_blobs(self.owner) or []
        self.owner_user = find_account(blobs, self.username)
        for code, places in media_places(blobs).items():
            self.data_places.setdefault(code, places)
        tiles_js = "document.querySelectorAll(\"a[href*='/p/'],a[href*='/reel/']\").length"

        def batch() -> int:
            for tile in read(self.owner, "instagram.postTiles"):
                self.owner_tiles.setdefault(tile["permalink"], tile)
            return len(self.owner_tiles)

        self.grid_complete, self.grid_problem = self.scroll_and_read(
            self.owner, batch, f"n => {tiles_js} > n", lambda: self.owner.evaluate(f"() => {tiles_js}"))
        self.owner_no_posts = not self.owner_tiles and any(t in norm(page_info(self.owner).text)
                                                           for t in self.wording("no_posts") + self.wording("no_posts_yours"))

    def read_public_profile(self) -> None:
        if not self.username:
            return
        ready = replace(self.spec.ready["profile"], texts=(self.username,))
        loaded = self.load("public:profile", f"{self.spec.base}/{self.username}/", owner=False, ready=ready)
        if not self.prove_own(loaded, paths=[f"/{self.username}"], names=[self.username, self.account.display_name],
                              what="your profile"):
            return
        self._await(self.public, self.grid_ready(owner=False))  # the grid, "no posts" or "private" (read below either way)
        blobs = json_blobs(self.public) or []
        self.public_user = find_account(blobs, self.username)
        for code, places in media_places(blobs).items():
            self.data_places.setdefault(code, places)
        self.public_header = read(self.public, "instagram.profile", username=self.username)
        text = norm(page_info(self.public).text)
        self.public_private_marker = any(p in text for p in self.wording("private"))
        self.public_tiles = read(self.public, "instagram.postTiles")
        self.public_no_posts = not self.public_tiles and any(p in text for p in self.wording("no_posts"))
        if self.public_user is None and not self.public_private_marker and not self.public_tiles \
                and not self.public_header.get("found"):
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise the page a stranger gets.")

    def public_posts(self) -> dict[str, dict]:
        """Every post a stranger can see: the public grid's, and (when the account is public)
        every post on the owner's grid."""
        posts = {t["permalink"]: dict(t) for t in self.public_tiles}
        if self.private_state()[0] is False:
            for link, tile in self.owner_tiles.items():
                posts.setdefault(link, dict(tile))
        return posts

    def read_post_pages(self) -> None:
        """Open each public post's own page as a stranger: a place tag lives on the post."""
        private, _ev = self.private_state()
        if private is not False:
            return
        posts = list(self.public_posts())
        for i, link in enumerate(posts[:MAX_POST_PAGES]):
            if self.data_places.get(code_of(link)):
                continue  # the page's own data already names its place
            loaded = self.load(f"public:post:{i}", f"{self.spec.base}{link}", owner=False, ready=self.spec.ready["post"])
            if not self.prove_own(loaded, paths=[link], names=[self.username], what="your post"):
                self.post_problem = self.post_problem or loaded.problem.reason
                continue
            got = read(self.public, "instagram.post")
            for code, places in media_places(json_blobs(self.public) or []).items():
                if code == code_of(link):
                    got["places"] = list(dict.fromkeys(got["places"] + places))
            self.post_pages[link] = got

    def read_people(self) -> None:
        if self.signed_out() or not self.username:
            return
        for kind in ("followers", "following"):
            loaded = self.load(kind, f"{self.spec.base}/{self.username}/{kind}/", owner=True, ready=self.spec.ready["people"])
            if loaded.ok:
                people = read(self.owner, "instagram.dialogPeople")
                if people is not None:
                    self.people[kind] = people
                else:
                    self.reads.setdefault("instagram.connections_watchlist",
                                          {"problem": f"Boundary couldn't read your {kind} list."})

    # -- deciding -----------------------------------------------------------------------------------
    def decide(self) -> list[Finding]:
        home = self.pages.get("home")
        if home is None or (not home.ok and home.problem.kind in (ProblemKind.LOGIN_WALL, ProblemKind.CHECKPOINT)):
            return self.all_unknown((home.problem if home else STOPPED).reason)
        return [
            self.decide_private(), self.decide_content(), self.decide_lists(), self.decide_bio(), self.decide_contact(),
            # Verdicts that depend on a setting's value alone (their wording is in platform.toml).
            self.decide_tags(), self.decide_setting("instagram.mentions"), self.decide_setting("instagram.activity_status"),
            self.decide_sharing(), self.decide_search(), self.decide_people(),
        ]

    def _public_ok(self) -> Loaded | None:
        """The stranger's view of the profile, when it was really loaded and is the account's own."""
        public = self.pages.get("public:profile")
        return public if public is not None and public.ok else None

    def private_state(self):
        ev = []
        got = self.reads.get("instagram.private_account", {})
        if "value" in got:
            ev.append(evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {'on' if got['value'] else 'off'}."))
        public = self._public_ok()
        if public is not None:
            if self.public_tiles:
                ev.append(evidence(Source.PUBLIC_VIEW, public, f"A stranger can see your posts ({len(self.public_tiles)} shown)."))
                return False, ev
            said = self.public_user.get("is_private") if self.public_user else None
            if isinstance(said, bool):
                ev.append(evidence(Source.PUBLIC_VIEW, public, f"The public page says the account is {'private' if said else 'public'}."))
                if not said:
                    return False, ev
            if self.public_private_marker:
                ev.append(evidence(Source.PUBLIC_VIEW, public, "A stranger sees 'This account is private'."))
                if got.get("value", True) and said is not False:
                    return True, ev
            elif self.public_no_posts:
                # A private account shows a stranger "This account is private", not its empty grid.
                ev.append(evidence(Source.PUBLIC_VIEW, public, "A stranger sees your profile's grid (with no posts yet)."))
                return False, ev
        if "value" in got:
            return got["value"], ev
        return None, ev

    def decide_private(self) -> Finding:
        check = "instagram.private_account"
        private, ev = self.private_state()
        return self.decide_closed(
            check, private, ev, self.reason(check, "settings:privacy"),
            open_text="Your account is public: anyone, on or off Instagram, can see your posts.",
            closed_text="Your account is private: only followers you approve see your posts.")

    @staticmethod
    def _place(alt: str) -> str | None:
        match = re.search(r"\bin (.+?) on [A-Z][a-z]+ \d{1,2}, \d{4}", alt or "")
        return match.group(1) if match else None

    def _post_facts(self, link: str, tile: dict) -> tuple[list[str], list[str] | None, str]:
        """A public post's watch words, its places (None: not known), and a line describing it."""
        page = self.post_pages.get(link)
        texts = [tile.get("alt") or ""] + ((page["captions"] + page["alts"]) if page else [])
        words = sorted({w for t in texts for w in self.words.find(t)})
        places = list(self.data_places.get(code_of(link)) or [])
        if self._place(tile.get("alt")):
            places.append(self._place(tile["alt"]))
        if page is not None:
            places += page["places"]
        places = list(dict.fromkeys(places))
        known = places if (places or page is not None) else None
        said = (page["captions"][0] if page and page["captions"] else tile.get("alt") or link)[:140]
        return words, known, said

    def decide_content(self) -> Finding:
        check = "instagram.public_post_content"
        private, ev = self.private_state()
        if private:
            return self.ok(check, "Your account is private, so strangers can't see your posts.", ev, Audience.FRIENDS)
        posts = self.public_posts()
        flagged, unread = [], []
        for link, tile in posts.items():
            words, places, said = self._post_facts(link, tile)
            if places is None:
                unread.append(link)
            why = (["mention work"] if words else []) + (["show a place"] if places else [])
            if why:
                flagged.append((said + (f" (at {', '.join(places)})" if places else ""), why))
        page = self._public_ok() or self.pages.get("profile")
        if flagged:
            reasons = sorted({w for _s, why in flagged for w in why})
            return self.at_risk(check, f"{plural(len(flagged), 'public post')} {' or '.join(reasons)}.",
                                [evidence(Source.PUBLIC_VIEW, page, f"{plural(len(flagged), 'post')}: {', '.join(reasons)}.")],
                                Audience.PUBLIC, [s for s, _w in flagged[:25]])
        if private is None:
            return self.unknown(check, self.reason("instagram.private_account", "settings:privacy"), ev)
        # "Nothing found" counts only when every public post was found and each one read.
        profile = self.pages.get("profile")
        if profile is None or not profile.ok:
            return self.unknown(check, self.reason("instagram.private_account", "profile"), ev)
        if not self.grid_complete:
            return self.unknown(check, self.grid_problem or "Boundary couldn't read your whole grid of posts.", ev)
        expected = parse_count((self.owner_header.get("counts") or {}).get("posts"))
        if expected is None:
            expected = account_count(self.owner_user, "posts")
        if expected is not None and len(self.owner_tiles) < expected:
            return self.unknown(check, f"Your profile says you have {plural(expected, 'post')}, but Boundary could only "
                                       f"read {len(self.owner_tiles)} of them.", ev)
        if not posts:
            if self.owner_no_posts and not expected:
                return self.ok(check, "You have no posts, so none can show work or places.",
                               [evidence(Source.OWNER_VIEW, profile, "Your profile shows no posts.")], Audience.PUBLIC)
            return self.unknown(check, "Boundary couldn't find your posts on your profile.", ev)
        if len(posts) > MAX_POST_PAGES:
            return self.unknown(check, f"You have {len(posts)} public posts: Boundary opened the {MAX_POST_PAGES} most "
                                       "recent to look for place tags and found none, but didn't open the rest.", ev)
        if unread:
            return self.unknown(check, (self.post_problem or "Boundary couldn't open every public post.") +
                                f" ({plural(len(unread), 'post')} of {len(posts)} not read, so Boundary can't say "
                                "whether they show a place.)", ev)
        return self.ok(check, f"None of your {plural(len(posts), 'public post')} mention work or show a place.",
                       [evidence(Source.OWNER_VIEW, profile, f"Read all {len(posts)} posts on your profile."),
                        evidence(Source.PUBLIC_VIEW, page, f"Opened each of the {len(posts)} posts as a stranger: no place tags.")],
                       Audience.PUBLIC)

    def decide_lists(self) -> Finding:
        private, ev = self.private_state()
        return self.decide_closed(
            "instagram.followers_lists", private, ev, self.reason("instagram.private_account", "settings:privacy"),
            open_text="Anyone on Instagram can see your followers and who you follow.",
            closed_text="Only followers you approve can see your followers and who you follow.")

    def decide_bio(self) -> Finding:
        check = "instagram.profile.bio_work"
        public = self._public_ok()
        if public is None:
            return self.unknown(check, (self.problem("public:profile") or STOPPED).reason)
        header = self.public_header or {}
        texts = (header.get("lines") or []) + account_bio(self.public_user) + (header.get("meta") or [])
        found = sorted({w for t in texts for w in self.words.find(t)})
        if found:
            shown = [t.strip() for t in texts if self.words.find(t)]
            return self.at_risk(check, "Your bio, link or category names your work.",
                                [evidence(Source.PUBLIC_VIEW, public, f"The public profile mentions: {', '.join(found)}.")],
                                Audience.PUBLIC, list(dict.fromkeys(shown))[:5])
        read_from = (["the profile header a stranger sees"] if header.get("found") else []) + \
                    (["the page's own data"] if self.public_user and "biography" in self.public_user else [])
        if not read_from:
            return self.unknown(check, "Boundary couldn't find your bio on the page a stranger gets, so it couldn't "
                                       "check it. Instagram may have changed this page; check it by hand.")
        return self.ok(check, "Your bio, link and category don't mention work.",
                       [evidence(Source.PUBLIC_VIEW, public, f"Read the bio, link and category in {' and '.join(read_from)}.")])

    def public_contact(self) -> list[str]:
        """Contact details a stranger gets: rendered (links, buttons, text) or in the page's data."""
        shown = [f"{c['kind']}: {c['value']}" for c in (self.public_header or {}).get("contact") or []]
        shown += [f"in the page's data: {v}" for v in account_contact(self.public_user)]
        return list(dict.fromkeys(shown))

    def decide_contact(self) -> Finding:
        check = "instagram.contact_info"
        public = self._public_ok()
        got = self.reads.get("instagram.contact_info", {})
        personal = self.reads.get("instagram.personal_account", {})
        setting_ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {'on' if got['value'] else 'off'}.")] \
            if "value" in got else []
        if public is not None:
            shown = self.public_contact()
            if shown:
                ev = [evidence(Source.PUBLIC_VIEW, public, "The public profile shows an email, phone or address.")]
                if "value" in got and not got["value"]:
                    ev.append(evidence(Source.SETTING, got["loaded"],
                                       f"'{got['label']}' is off, but a stranger sees contact details anyway."))
                return self.at_risk(check, "Your profile shows contact details to anyone.", ev, Audience.PUBLIC, shown[:10])
        if "value" in got:
            if got["value"]:
                return self.at_risk(check, "Your professional account is set to show contact details.", setting_ev, Audience.PUBLIC)
            if public is not None:
                setting_ev.append(evidence(Source.PUBLIC_VIEW, public, "The public profile shows no email, phone or address."))
            return self.ok(check, "Your profile doesn't show contact details.", setting_ev)
        if personal.get("value") and public is not None and (self.public_header or {}).get("found"):
            return self.ok(check, "Your profile doesn't show contact details (it isn't a professional account).",
                           [evidence(Source.SETTING, personal["loaded"], "This is a personal account: it has no public contact options."),
                            evidence(Source.PUBLIC_VIEW, public, "The public profile shows no email, phone or address.")])
        return self.unknown(check, self.reason("instagram.contact_info",
                                               "settings:pro" if self.problem("settings:pro") else "public:profile"))

    def decide_tags(self) -> Finding:
        check = "instagram.tags"
        got, approval = self.reads.get("instagram.tags", {}), self.reads.get("instagram.tags:approval", {})
        if "value" not in got:
            return self.unknown(check, self.reason("instagram.tags", "settings:tags"))
        ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is set to '{got['raw']}'.")]
        if got["value"] is Audience.PUBLIC:
            return self.at_risk(check, "Anyone can tag you in their posts.", ev, Audience.PUBLIC)
        if got["value"] is Audience.ONLY_ME:
            return self.ok(check, "Nobody can tag you.", ev, Audience.ONLY_ME)
        if "value" not in approval:
            return self.unknown(check, self.reason("instagram.tags:approval", "settings:tags"), ev)
        ev.append(evidence(Source.SETTING, approval["loaded"], f"'{approval['label']}' is {'on' if approval['value'] else 'off'}."))
        if not approval["value"]:
            return self.at_risk(check, "Tags appear on your profile without your approval.", ev, got["value"])
        return self.ok(check, "Only people you follow can tag you, and you approve tags first.", ev, got["value"])

    def decide_sharing(self) -> Finding:
        """Others sharing your stories and posts: any switch read as on is a risk; "ok" needs every
        switch the check is about (SHARING_REQUIRED) read as off."""
        check = "instagram.story_sharing"
        keys = [s.check for s in self.settings_on("settings:sharing")]
        read_ = {k: self.reads[k] for k in keys if "value" in self.reads.get(k, {})}
        on = [v for v in read_.values() if v["value"]]
        if on:
            return self.at_risk(check, "Other people can share your stories or posts with their own followers.",
                                [evidence(Source.SETTING, v["loaded"], f"'{v['label']}' is on.") for v in on], Audience.PUBLIC)
        missing = [k for k in SHARING_REQUIRED if k not in read_]
        if missing:
            got = self.reads.get(missing[0], {})
            reason = got.get("problem") or self.reason(check, "settings:sharing")
            what = " and ".join(SHARING_REQUIRED[k] for k in missing)
            return self.unknown(check, f"Boundary couldn't read the switch for {what}: {reason}",
                                [evidence(Source.SETTING, v["loaded"], f"'{v['label']}' is off.") for v in read_.values()])
        return self.ok(check, "Other people can't share your stories or posts.",
                       [evidence(Source.SETTING, v["loaded"], f"'{v['label']}' is off.") for v in read_.values()])

    def decide_search(self) -> Finding:
        check = "instagram.search_engines"
        got = self.reads.get(check, {})
        private, ev = self.private_state()
        if "value" in got:
            ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {'on' if got['value'] else 'off'}.")]
            if got["value"] and not private:
                return self.at_risk(check, "Search engines such as Google may show your public photos and videos.", ev, Audience.PUBLIC)
            return self.ok(check, "Search engines won't show your photos and videos.", ev)
        if private:
            return self.ok(check, "Your account is private, so search engines can't show your photos.", ev)
        if "problem" in got:
            return self.unknown(check, got["problem"])
        personal = self.reads.get("instagram.personal_account", {}).get("value") or \
            (self.public_user is not None and self.public_user.get("is_professional_account") is False)
        if personal:
            return self.skipped(check, "Only public professional accounts' photos can appear in search engines, and yours is a personal account.")
        return self.unknown(check, self.reason(check, "settings:privacy") if self.problem("settings:privacy") else
                            "Boundary couldn't find the search engine setting on your account privacy page, "
                            "so it couldn't tell whether search engines may show your photos.")

    def decide_people(self) -> Finding:
        lists = ("followers", "following")
        page = next((k for k in lists if self.problem(k)), "followers")
        # "None match" needs the whole lists: as many people as the profile says there are.
        shown = (self.owner_header or {}).get("counts") or {}
        counts = {}
        for kind in lists:
            expected = parse_count(shown.get(kind))
            counts[kind] = account_count(self.owner_user, kind) if expected is None else expected
        return self.decide_watchlist("instagram.connections_watchlist",
                                     self.people if set(self.people) == set(lists) else None, counts, page, "account",
                                     "your followers and the people you follow")
