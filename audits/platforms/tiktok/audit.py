"""The TikTok audit: the privacy settings, and the profile as a stranger gets it.

Adult TikTok accounts are public by default. Pages read (each once): the privacy settings;
the signed-in account, from the settings page's own data or, when that page fails, from
the home page's (`webapp.app-context.user`, or the navigation's "Profile" link); the
profile logged out, with the page's own embedded description of the account
(`privateAccount`, `followingVisibility`, `openFavorite` in
`__UNIVERSAL_DATA_FOR_REHYDRATION__`, or the older `SIGI_STATE`) and its public videos;
each public video's own page, for place tags. Labels and markers come from
docs/research/platform-facts.md (sections 5 and 10), the captures' notes (the page's
own wording) and CHECKS.md, as data in platform.toml beside this file.

What a stranger's view proves is narrow: it counts only when it is provably this account's
own profile (its address and its @name); a login page, a puzzle (`/verify`, or any answer
carrying a `bdturing-verify` header) proves nothing; `statusCode` 10222 or a "private"
message alone does not prove the account private, nor `videoCount` 0 that it has no videos.
A setting's label counts only as its own row's label or its own control's name, never as a
word in help text elsewhere (TikTok's "Private account" help mentions Duet and Stitch).
"""

from __future__ import annotations

import functools
import json
import re
import time
from dataclasses import replace
from urllib.parse import quote, unquote, urlsplit

from audits.catalog import checks_for
from audits.declaration import DEFAULT_LANGUAGE, Setting, Wording
from audits.model import Audience, Evidence, Finding, Source
from audits.pages import QUIET_MS, SETTLED, Loaded, PageProblem, ProblemKind, Ready, norm
from audits.phrasing import plural
from audits.platforms.base import STOPPED, PlatformAudit, Step, evidence
from audits.reading import (
    MALFORMED,
    GroupRead,
    Link,
    Switch,
    json_blobs,
    links,
    place_links,
    read,
    read_dialog_switches,
    read_group_switches,
    read_switch,
    readiness,
)
from audits.watchwords import WordMatcher

# Labels, value words, the page's address, landmarks and markers live in platform.toml.

# A puzzle can arrive as an HTTP 200 with this response header and `data: null` (facts 10).
PUZZLE_HEADER = "bdturing-verify"
# Who "Suggest your account to others" can suggest you to ([words] "suggest:<name>"): these
# three (CHECKS.md: contacts, Facebook friends, mutuals) must each be read before "off" counts as ok.
SUGGEST_REQUIRED = ("suggest:contacts", "suggest:facebook_friends", "suggest:mutual")
# webapp.user-detail.statusCode: 0 the account; 10222 "private" (facts 10: it may come back
# even with a valid session, so alone it proves nothing).
PRIVATE_STATUS = 10222
DIALOG_WAIT = 4.0  # seconds for a settings dialog's switches to show their states
MAX_VIDEO_PAGES = 60  # beyond this, place tags aren't opened one by one (the verdict says so)
NO_ACCOUNT = ("Boundary couldn't tell which TikTok account is signed in, so it couldn't open your profile "
              "as a stranger would.")


def suggest_choices(spec) -> dict[str, tuple[str, ...]]:
    """Who "Suggest your account to others" can suggest you to: [words] key -> its wordings."""
    return {key: words for key, words in spec.words.items() if key.startswith("suggest:")}


# -- the pages' own data -------------------------------------------------------------------
def _scopes(blobs: list[str]):
    """Each `__DEFAULT_SCOPE__` (2025-26) or SIGI_STATE-like object among the page's JSON."""
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        if isinstance(data, dict):
            yield data


def _user_detail(blobs: list[str]) -> dict | None:
    for data in _scopes(blobs):
        scope = data.get("__DEFAULT_SCOPE__")
        if isinstance(scope, dict) and isinstance(scope.get("webapp.user-detail"), dict):
            return scope["webapp.user-detail"]
    return None


def _status_code(blobs: list[str]) -> int | None:
    """`webapp.user-detail.statusCode`, when the page carries one."""
    detail = _user_detail(blobs)
    code = (detail or {}).get("statusCode")
    return code if isinstance(code, int) else None


def _user_state(blobs: list[str], unique_id: str) -> dict | None:
    """This account as the page describes it: `userInfo.user` (2025-26) or SIGI_STATE's UserModule.

    Only a description of this very account (its uniqueId), answered without an error
    status, counts: anything else describes nobody in particular."""
    detail = _user_detail(blobs)
    if detail is not None:
        info = detail.get("userInfo") or {}
        user = info.get("user") if isinstance(info, dict) else None
        code = detail.get("statusCode")
        if (isinstance(user, dict) and "privateAccount" in user and code in (0, None)
                and norm(str(user.get("uniqueId") or "")) == norm(unique_id)):
            return {**user, "_items": info.get("itemList") or [], "_stats": info.get("stats") or {}}
        return None
    for data in _scopes(blobs):
        users = (data.get("UserModule") or {}).get("users")
        if isinstance(users, dict):
            for key, user in users.items():
                if norm(key) == norm(unique_id) and isinstance(user, dict) and "privateAccount" in user:
                    return {**user, "_items": [], "_stats": {}}
    return None


def _signed_in_user(blobs: list[str]) -> dict | None:
    """`webapp.app-context.user` (absent when logged out)."""
    for data in _scopes(blobs):
        scope = data.get("__DEFAULT_SCOPE__")
        user = ((scope if isinstance(scope, dict) else {}).get("webapp.app-context") or {}).get("user")
        if isinstance(user, dict) and user.get("uniqueId"):
            return user
    return None


def _video_detail(blobs: list[str]) -> tuple[int | None, dict | None]:
    """`webapp.video-detail`: its statusCode (10216 private, 10204 blocked) and the item."""
    for data in _scopes(blobs):
        scope = data.get("__DEFAULT_SCOPE__")
        detail = scope.get("webapp.video-detail") if isinstance(scope, dict) else None
        if isinstance(detail, dict):
            item = (detail.get("itemInfo") or {}).get("itemStruct")
            code = detail.get("statusCode")
            return (code if isinstance(code, int) else None), (item if isinstance(item, dict) else None)
    return None, None


def _profile_link(links: list[Link], names: tuple[str, ...]) -> str | None:
    """The signed-in navigation's own "Profile" link (by one of `names`): /@<uniqueId>."""
    names = {norm(n) for n in names}
    found = set()
    for link in links:
        m = re.fullmatch(r"/@([^/?#]+)/?", urlsplit(link.href).path)
        if m and link.name in names:
            found.add(unquote(m.group(1)))
    return found.pop() if len(found) == 1 else None


def _only(value: Audience, raw: str) -> str:
    """ "Only you" / "Only friends": who a narrower choice leaves."""
    return "Only you" if value is Audience.ONLY_ME else f"Only {raw.lower()}"


class TikTokAudit(PlatformAudit):
    platform = "tiktok"
    # A label counts only as its own row's label or its own control's name: TikTok's "Private
    # account" help text mentions Duet and Stitch.
    exact_labels = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unique_id = ""
        self.account_problem: str | None = None
        self.suggest: dict[str, bool | None] = {}
        self.suggest_missing: list[str] = []
        self.suggest_problem: str | None = None
        self.state: dict | None = None  # the public page's own description of this account
        self.status_code: int | None = None
        self.private_marker = False
        self.no_videos_marker = False
        self.videos: dict[str, str] = {}  # permalink -> caption text a stranger sees
        self.videos_complete = False
        self.videos_problem: str | None = None
        self.places: dict[str, list[str]] = {}  # permalink -> place tags on its page
        self.places_problem: str | None = None
        self.words = WordMatcher(self.options.watch_words)
        # Puzzles that came as a header on an ordinary answer (pages and the grid's API).
        self.puzzles: list[tuple[str, str]] = []  # (who, resource type)
        self.api_answers: list = []  # the stranger's page's API answers while its grid loads
        for page, who in ((self.owner, "owner"), (self.public, "stranger")):
            page.on("response", functools.partial(self._on_response, who))

    def _on_response(self, who: str, response) -> None:
        try:
            headers = response.headers
            if any(name.lower() == PUZZLE_HEADER for name in headers):
                self.puzzles.append((who, response.request.resource_type))
            if who == "stranger" and "/api/" in urlsplit(response.url).path:
                self.api_answers.append(response)
        except Exception:  # noqa: S110 - a response that went away has nothing to tell
            pass

    def steps(self) -> list[Step]:
        every = frozenset(c.id for c in checks_for("tiktok"))
        c = lambda *ids: frozenset(f"tiktok.{i}" for i in ids)  # noqa: E731
        public = c("private_account", "following_list", "liked_videos", "duet_stitch", "public_post_content")
        return [
            Step(self.spec.pages["settings"].step, self.read_settings, every),
            Step("reading who TikTok suggests your account to", self.read_suggest, c("suggest_account")),
            Step("finding which TikTok account is signed in", self.find_account, public),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile, public),
            Step("opening your public videos", self.read_video_pages, c("public_post_content")),
        ]

    # -- loading ------------------------------------------------------------------------------------
    def load(self, key: str, url: str, *, owner: bool, ready: Ready = SETTLED) -> Loaded:
        """Load a page; a puzzle that came as a header on an ordinary answer is a checkpoint."""
        before = len(self.puzzles)
        loaded = super().load(key, url, owner=owner, ready=ready)
        who = "owner" if owner else "stranger"
        if (who, "document") in self.puzzles[before:] and (
                loaded.problem is None or loaded.problem.kind is not ProblemKind.LOGIN_WALL):
            loaded.problem = PageProblem(
                ProblemKind.CHECKPOINT,
                "TikTok asked to solve a puzzle instead of showing this page"
                + ("" if owner else " to a stranger") + ", so it proves nothing. Open TikTok in your browser, "
                "finish its check if it asks, then run the check-up again.")
        return loaded

    def _account_from(self, page) -> tuple[str, str] | None:
        """(uniqueId, nickname) of the signed-in account as this page names it, if it does."""
        try:
            user = _signed_in_user(json_blobs(page) or [])
            link = _profile_link(links(page) or [], self.spec.words["profile_link"])
        except Exception:  # a page that went away names nobody
            return None
        if user and link and norm(user["uniqueId"]) != norm(link):
            self.account_problem = ("TikTok's page named two different accounts as the one signed in, so "
                                    "Boundary couldn't tell which profile is yours.")
            return None
        if user:
            return user["uniqueId"], user.get("nickName") or user.get("nickname") or ""
        if link:
            return link, ""
        return None

    def _set_account(self, found: tuple[str, str] | None) -> None:
        if not found or self.unique_id:
            return
        self.unique_id, nickname = found
        self.account.display_name = nickname or f"@{self.unique_id}"
        self.account.profile_url = f"{self.spec.base}/@{self.unique_id}"

    # -- reading ------------------------------------------------------------------------------------
    def rows(self) -> list[Setting]:
        """Every row of the privacy page that a setting's row must never reach into: the
        declared settings, then those that are no check of their own ([words]): Duet and
        Stitch (read like settings, with the page's choice words), "Suggest your account to
        others" (read_suggest) and the page's other settings."""
        spec = self.spec
        choice = spec.values["choice"]  # every choice on the page

        def row(key: str, values=None) -> Setting:
            return Setting(key, "settings", Wording({DEFAULT_LANGUAGE: spec.words[key]}), values)

        return [*spec.settings_on("settings"), row("duet", choice), row("stitch", choice), row("suggest"),
                row("neighbours")]

    def _labels_but(self, key: str) -> list[str]:
        """The labels of every row of the privacy page but `key`'s."""
        return [label for row in self.rows() if row.check != key for label in row.labels.get()]

    def read_settings(self) -> None:
        rows = self.rows()
        read_here = [row for row in rows if row.check not in ("suggest", "neighbours")]
        ready = replace(self.spec.ready["settings"],
                        texts=tuple(label for row in rows if row.check != "neighbours" for label in row.labels.get()))
        loaded = self.load("settings", self.spec.url("settings"), owner=True, ready=ready)
        if loaded.problem is None or loaded.problem.kind in (ProblemKind.LANGUAGE, ProblemKind.NOT_RECOGNISED,
                                                             ProblemKind.TIMEOUT):
            # Even a page Boundary can't read may name who is signed in.
            self._set_account(self._account_from(self.owner))
        for setting in read_here:
            self.read_setting(setting, loaded, [row for row in rows if row is not setting])

    def find_account(self) -> None:
        """When the settings page didn't say who is signed in: the home page's own data, or
        its navigation's "Profile" link."""
        if self.unique_id or self.account_problem:
            return
        loaded = self.load("home", self.spec.home_url, owner=True, ready=self.spec.ready["home"])
        if loaded.problem is None or loaded.problem.kind in (ProblemKind.LANGUAGE, ProblemKind.NOT_RECOGNISED,
                                                             ProblemKind.TIMEOUT):
            self._set_account(self._account_from(self.owner))

    def _group_switches(self) -> GroupRead:
        choices = [v for variants in suggest_choices(self.spec).values() for v in variants]
        return read_group_switches(self.owner, self.spec.words["suggest"], self._labels_but("suggest"), choices)

    def read_suggest(self) -> None:
        settings = self.pages.get("settings")
        if settings is None or not settings.ok:
            return
        # Its choices shown on the page (inline, or under its heading).
        got = self._group_switches()
        if got.switches:
            self._take_suggest(got.switches)
            return
        # One switch for all of it.
        suggest = self.spec.words["suggest"]
        master = read_switch(self.owner, suggest, self._labels_but("suggest"), exact=True)
        if master.found and master.state is not None:
            self.suggest = {suggest[0]: master.state}
            return
        # Usually a row that opens its own choices in a dialog (contacts, Facebook friends, ...).
        name = re.compile(r"^\s*(?:" + "|".join(re.escape(s) for s in suggest) + r")\b", re.I)
        try:
            opener = self.owner.get_by_role("button", name=name)
            if not opener.count():
                opener = self.owner.get_by_role("link", name=name)
            if opener.count() != 1:
                raise LookupError("no single opener")
            opener.first.click(timeout=3000)
            # The dialog a person sees (a hidden copy may come first in the page).
            self.owner.locator("[role=dialog]:visible, dialog:visible").first.wait_for(state="visible", timeout=5000)
        except Exception:
            self.suggest_problem = (f"Boundary couldn't open '{suggest[0]}' on the settings page. "
                                    "TikTok may have changed this page; check it by hand.")
            return
        # The dialog's switches may still be arriving: wait until the page is quiet and each
        # one shows a state (past the wait, an unreadable switch stays unknown).
        deadline = time.monotonic() + DIALOG_WAIT
        while time.monotonic() < deadline:
            shown = self._group_switches().switches
            if shown and all(s.state is not None for s in shown) and readiness(self.owner, quiet=QUIET_MS) == "ready":
                break
            self.owner.wait_for_timeout(100)
        got = self._group_switches()
        switches = got.switches or read_dialog_switches(self.owner) or ()
        if not switches:
            self.suggest_problem = f"Boundary opened '{suggest[0]}' but couldn't find its choices."
        else:
            self._take_suggest(switches)
        self.owner.keyboard.press("Escape")

    def _take_suggest(self, switches: tuple[Switch, ...]) -> None:
        """Each choice by its name; a name shown twice with two states can't be read."""
        out: dict[str, bool | None] = {}
        for i, s in enumerate(switches):
            name = s.name.strip() or f"choice {i + 1}"
            state = s.state
            out[name] = None if (name in out and out[name] != state) else state
        self.suggest = out
        names = [norm(n) for n in out]
        choices = suggest_choices(self.spec)
        self.suggest_missing = [choices[key][0] for key in SUGGEST_REQUIRED
                                if not any(norm(v) in n for v in choices[key] for n in names)]

    def read_public_profile(self) -> None:
        if not self.unique_id:
            return
        uid = self.unique_id
        puzzles, answers = len(self.puzzles), len(self.api_answers)
        words = self.spec.words
        ready = replace(self.spec.ready["profile"], texts=(uid, *words["private"], *words["no_videos"]))
        loaded = self.load("public:profile", f"{self.spec.base}/@{quote(uid)}", owner=False, ready=ready)
        if not self.prove_own(loaded, paths=[f"/@{uid}"], names=[uid], what="your profile"):
            return
        blobs = json_blobs(self.public) or []
        self.status_code = _status_code(blobs)
        self.state = _user_state(blobs, uid)
        self.private_marker = any(norm(p) in loaded.text for p in words["private"])
        self.no_videos_marker = any(norm(p) in loaded.text for p in words["no_videos"])
        if self.state and self.account.display_name == f"@{uid}" and self.state.get("nickname"):
            self.account.display_name = self.state["nickname"]
        own_video = re.compile(rf"/@{re.escape(uid)}/video/(\d+)/?", re.I)
        for item in (self.state or {}).get("_items", []):
            if isinstance(item, dict) and item.get("id"):
                link = f"/@{uid}/video/{item['id']}"
                self.videos[link] = item.get("desc") or ""
                if isinstance(item.get("poi"), dict) and item["poi"].get("name"):
                    self.places[link] = [item["poi"]["name"]]

        def batch() -> int:
            for tile in read(self.public, "tiktok.videoTiles"):
                m = own_video.fullmatch(tile["permalink"])
                if m:  # never another creator's video
                    self.videos[f"/@{uid}/video/{m.group(1)}"] = " ".join(t for t in (tile["alt"], tile["text"]) if t)
            return len(self.videos)

        count = "document.querySelectorAll(\"a[href*='/video/']\").length"
        self.videos_complete, self.videos_problem = self.scroll_and_read(
            self.public, batch, f"(n) => {count} > n", more_arg=lambda: self.public.evaluate(count))
        grid_puzzle = any(who == "stranger" for who, _kind in self.puzzles[puzzles:])
        if self.videos_complete and (grid_puzzle or not self._answers_ok(self.api_answers[answers:])):
            self.videos_complete = False
            self.videos_problem = "TikTok stopped showing your videos to a stranger part-way (it asked for a puzzle)."

    @staticmethod
    def _answers_ok(answers: list) -> bool:
        """Whether each API answer the grid got was a real one (not `data: null` or an error code)."""
        for response in answers:
            if "json" not in (response.headers.get("content-type") or ""):
                continue
            try:
                data = response.json()
            except Exception:
                return False
            if not isinstance(data, dict) or data.get("statusCode") not in (0, None) or \
                    ("data" in data and data["data"] is None):
                return False
        return True

    def read_video_pages(self) -> None:
        if not self.videos:
            return
        if len(self.videos) > MAX_VIDEO_PAGES:
            self.places_problem = (f"You have {len(self.videos)} public videos: Boundary read their captions but "
                                   "didn't open each one to look for place tags.")
            return
        for i, link in enumerate(self.videos):
            if link in self.places:
                continue
            loaded = self.load(f"public:video:{i}", f"{self.spec.base}{link}", owner=False,
                               ready=self.spec.ready["video"])
            if not self.prove_own(loaded, paths=[link], names=[self.unique_id], what="your video"):
                self.places_problem = loaded.problem.reason
                continue
            code, item = _video_detail(json_blobs(self.public) or [])
            if code not in (0, None):
                loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED,
                                             f"TikTok didn't show a stranger this video (status {code}).")
                self.places_problem = loaded.problem.reason
                continue
            places = place_links(self.public)
            if places is None:
                self.places_problem = f"Boundary couldn't read the place tags on one of your videos ({MALFORMED})."
                continue
            poi = (item or {}).get("poi")
            if isinstance(poi, dict) and poi.get("name") and poi["name"] not in places:
                places.append(poi["name"])
            self.places[link] = places

    # -- deciding -----------------------------------------------------------------------------------
    def decide(self) -> list[Finding]:
        settings = self.pages.get("settings")
        if settings is None:
            return self.all_unknown(STOPPED.reason)
        if not settings.ok and not self.unique_id:
            # Nothing read, and no account to open as a stranger.
            return self.all_unknown(settings.problem.reason)
        return [self.decide_private(), self.decide_suggest(), self.decide_following(), self.decide_liked(),
                self.decide_choice_dm(), self.decide_duet_stitch(), self.decide_content()]

    def _public_reason(self) -> str:
        """Why the stranger's view gave no answer."""
        if not self.unique_id:
            return self.account_problem or NO_ACCOUNT
        problem = self.problem("public:profile")
        if problem:
            return problem.reason
        if self.status_code == PRIVATE_STATUS:
            return ("TikTok answered a stranger with its 'private account' code but without the account's own "
                    "description; that alone doesn't prove the account is private.")
        return "The page a stranger gets didn't describe the account, so it proves nothing either way."

    def stranger_videos(self) -> bool:
        """Whether a stranger was shown any of this account's videos (the page proven its own)."""
        return bool(self.videos) and self.problem("public:profile") is None

    def public_private(self) -> bool | None:
        """What a stranger gets: private (True), public (False), or not shown (None).

        Public: the page's own description says so, or a stranger sees videos. Private: only
        the page's own description of this account says so ("private" wording, or status
        10222, alone proves nothing)."""
        if self.problem("public:profile") is not None:
            return None
        if self.stranger_videos():
            return False
        if self.state is not None and isinstance(self.state.get("privateAccount"), bool):
            return self.state["privateAccount"]
        return None

    def private_state(self) -> tuple[bool | None, list[Evidence]]:
        """Private or not: any sign of public wins; "private" needs the setting or the page's own data."""
        ev = []
        got = self.reads.get("tiktok.private_account", {})
        public = self.pages.get("public:profile")
        seen = self.public_private()
        if "value" in got:
            ev.append(evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {'on' if got['value'] else 'off'}."))
        if seen is not None:
            if self.stranger_videos():
                said = f"a stranger sees {plural(len(self.videos), 'video')}"
            else:
                said = "the page describes the account as private" if seen else "the page describes the account as public"
            ev.append(evidence(Source.PUBLIC_VIEW, public, f"Logged out, {said}."))
        elif self.private_marker and public is not None and public.ok:
            ev.append(evidence(Source.PUBLIC_VIEW, public, "Logged out, the page says the account is private, "
                                                           "but without the account's own description."))
        if seen is False or got.get("value") is False:
            return False, ev
        if seen or got.get("value"):
            return True, ev
        return None, ev

    def decide_private(self) -> Finding:
        check = "tiktok.private_account"
        private, ev = self.private_state()
        if private is None:
            reason = self.reason(check, "settings")
            if self.pages.get("settings") is not None and self.pages["settings"].ok:
                return self.unknown(check, reason, ev)
            return self.unknown(check, f"{reason} {self._public_reason()}", ev)
        if not private:
            return self.at_risk(check, "Your TikTok account is public: anyone can watch your videos and see your "
                                       "profile, without logging in.", ev, Audience.PUBLIC)
        return self.ok(check, "Your account is private: only followers you approve can watch your videos.", ev,
                       Audience.FRIENDS)

    def decide_suggest(self) -> Finding:
        check = "tiktok.suggest_account"
        if not self.suggest:
            return self.unknown(check, self.suggest_problem or self.reason(check, "settings"))
        on = [name for name, state in self.suggest.items() if state]
        unread = [name for name, state in self.suggest.items() if state is None]
        ev = [evidence(Source.SETTING, self.pages["settings"],
                       "; ".join(f"'{name}' {'on' if state else 'off' if state is False else 'unreadable'}"
                                 for name, state in self.suggest.items()) + ".")]
        if on:
            return self.at_risk(check, f"TikTok suggests your account to people who know you ({', '.join(on)}).", ev,
                                Audience.WIDE, on)
        suggest = self.spec.words["suggest"][0]
        if unread:
            return self.unknown(check, f"Boundary couldn't read whether '{unread[0]}' is on "
                                       f"(under '{suggest}').", ev)
        if self.suggest_missing:
            return self.unknown(check, f"'{suggest}' didn't show '{self.suggest_missing[0]}', so Boundary "
                                       "can't tell whether TikTok suggests you to those people.", ev)
        return self.ok(check, "TikTok doesn't suggest your account to anyone.", ev, Audience.ONLY_ME)

    def _choice(self, key: str) -> tuple[Audience | None, str, str]:
        """A choice as read: (its audience or None, its value as shown, its label)."""
        got = self.reads.get(key, {})
        return got.get("value"), got.get("raw", ""), got.get("label", "")

    def _state_field(self, name: str):
        """A field of the page's own description of this account (a proven public view only)."""
        if self.problem("public:profile") is not None or self.state is None:
            return None
        return self.state.get(name)

    def decide_following(self) -> Finding:
        check = "tiktok.following_list"
        value, raw, label = self._choice(check)
        private, pev = self.private_state()
        ev = list(pev)
        if value is not None:
            ev.insert(0, evidence(Source.SETTING, self.pages["settings"], f"'{label}' is set to '{raw}'."))
        shown = self._state_field("followingVisibility")
        if shown == 1:
            ev.append(evidence(Source.PUBLIC_VIEW, self.pages.get("public:profile"),
                               "Logged out, the page says the following list is visible."))
        if private is False and (value is Audience.PUBLIC or shown == 1):
            return self.at_risk(check, "Anyone can see the accounts you follow.", ev, Audience.PUBLIC)
        if private:
            return self.ok(check, "Your account is private, so only followers you approve can see whom you follow.",
                           ev, Audience.FRIENDS)
        if value is not None and value is not Audience.PUBLIC:
            return self.ok(check, f"{_only(value, raw)} can see whom you follow.", ev[:1], value)
        if value is Audience.PUBLIC:  # public or private not known: everyone may see it
            return self.unknown(check, "Your following list is set to Everyone, but Boundary couldn't tell "
                                       "whether your account is private.", ev)
        return self.unknown(check, self.reason(check, "settings"), ev)

    def decide_liked(self) -> Finding:
        check = "tiktok.liked_videos"
        value, raw, label = self._choice(check)
        private, pev = self.private_state()
        ev = list(pev)
        if value is not None:
            ev.insert(0, evidence(Source.SETTING, self.pages["settings"], f"'{label}' is set to '{raw}'."))
        open_favorite = self._state_field("openFavorite")
        if open_favorite is True:
            ev.append(evidence(Source.PUBLIC_VIEW, self.pages.get("public:profile"),
                               "Logged out, the page says your liked videos are visible."))
        if private is False and (value is Audience.PUBLIC or open_favorite is True):
            return self.at_risk(check, "Anyone can see the videos you liked.", ev, Audience.PUBLIC)
        if private:
            return self.ok(check, "Your account is private, so only followers you approve can see your liked videos.",
                           ev, Audience.FRIENDS)
        if value is not None and value is not Audience.PUBLIC:
            return self.ok(check, f"{_only(value, raw)} can see the videos you liked.", ev[:1], value)
        if value is None and open_favorite is False and private is False:
            # The page's own description of this account, read on its proven public profile.
            return self.ok(check, "Logged out, the page says your liked videos are hidden.",
                           [*ev, evidence(Source.PUBLIC_VIEW, self.pages.get("public:profile"),
                                          "The page says liked videos are not public.")], Audience.ONLY_ME)
        if value is Audience.PUBLIC:
            return self.unknown(check, "Your liked videos are set to Everyone, but Boundary couldn't tell whether "
                                       "your account is private.", ev)
        return self.unknown(check, self.reason(check, "settings"), ev)

    def decide_choice_dm(self) -> Finding:
        # Not decide_setting: "Only friends can ..." names the value as read, in lower case.
        check = "tiktok.direct_messages"
        value, raw, label = self._choice(check)
        if value is None:
            return self.unknown(check, self.reason(check, "settings"))
        ev = [evidence(Source.SETTING, self.pages["settings"], f"'{label}' is set to '{raw}'.")]
        if value is Audience.PUBLIC:
            return self.at_risk(check, "Anyone on TikTok can send you direct messages.", ev, Audience.PUBLIC)
        if value is Audience.ONLY_ME:
            return self.ok(check, "No one can send you direct messages.", ev, value)
        return self.ok(check, f"{_only(value, raw)} can send you direct messages.", ev, value)

    def decide_duet_stitch(self) -> Finding:
        check = "tiktok.duet_stitch"
        private, pev = self.private_state()
        duet, duet_raw, _label = self._choice("duet")
        stitch, stitch_raw, _label = self._choice("stitch")
        both = ((self.spec.words["duet"][0], duet_raw, duet), (self.spec.words["stitch"][0], stitch_raw, stitch))
        ev = [evidence(Source.SETTING, self.pages["settings"], f"'{name}' is set to '{raw}'.")
              for name, raw, value in both if value is not None]
        everyone = [name for name, _raw, value in both if value is Audience.PUBLIC]
        if private:
            # TikTok's own words: with a private account "no one will be able to Duet or Stitch your posts".
            return self.ok(check, "Your account is private, so strangers can't Duet or Stitch your videos.",
                           [*ev, *pev], Audience.FRIENDS)
        if everyone and private is False:
            return self.at_risk(check, f"Anyone can reuse your videos with {' and '.join(everyone)}.", [*ev, *pev],
                                Audience.PUBLIC)
        if duet is not None and stitch is not None and not everyone:
            return self.ok(check, f"{both[0][0]}: {duet_raw}; {both[1][0]}: {stitch_raw}.", ev, Audience.FRIENDS)
        if everyone:
            return self.unknown(check, f"{' and '.join(everyone)} is set to Everyone, but Boundary couldn't tell "
                                       "whether your account is private.", ev)
        return self.unknown(check, self.reason("duet" if duet is None else "stitch", "settings"), ev)

    def decide_content(self) -> Finding:
        check = "tiktok.public_post_content"
        private, ev = self.private_state()
        public = self.pages.get("public:profile")
        if private:
            return self.ok(check, "Your account is private, so strangers can't watch your videos.", ev, Audience.FRIENDS)
        if not self.unique_id or self.problem("public:profile"):
            return self.unknown(check, self._public_reason(), ev)
        flagged = []
        for link, caption in self.videos.items():
            why = []
            if self.words.find(caption):
                why.append("mention work")
            if self.places.get(link):
                why.append("show a place")
            if why:
                flagged.append((link, caption, why))
        if flagged:
            reasons = sorted({w for _l, _c, why in flagged for w in why})
            videos = plural(len(flagged), "public video")
            details = [f"\"{caption[:120]}\"" + (f" at {', '.join(self.places[link])}" if self.places.get(link) else "")
                       for link, caption, _why in flagged[:25]]
            return self.at_risk(check, f"{videos} {' or '.join(reasons) if len(flagged) != 1 else ' or '.join(r.replace('mention', 'mentions').replace('show ', 'shows ') for r in reasons)}.",
                                [evidence(Source.PUBLIC_VIEW, public, f"{videos}: {', '.join(reasons)}.")],
                                Audience.PUBLIC, details)
        if private is None:
            return self.unknown(check, "Boundary couldn't tell whether your account is private.", ev)
        if not self.videos_complete:
            return self.unknown(check, self.videos_problem or "Boundary couldn't read all your public videos.", ev)
        if self.places_problem:
            return self.unknown(check, self.places_problem, ev)
        if not self.videos:
            # Only the page's own "no videos" state says so (a guest's videoCount 0 proves nothing).
            if self.no_videos_marker:
                return self.ok(check, "A stranger sees no videos on your profile.",
                               [*ev, evidence(Source.PUBLIC_VIEW, public,
                                              "Logged out, the page says there are no videos.")], Audience.PUBLIC)
            return self.unknown(check, "Boundary couldn't find any videos on your public profile to check, and the "
                                       "page didn't say there are none.", ev)
        return self.ok(check, f"None of your {plural(len(self.videos), 'public video')} mention work or places.",
                       [evidence(Source.PUBLIC_VIEW, public, f"Read all {len(self.videos)} public videos and their pages.")],
                       Audience.PUBLIC)
