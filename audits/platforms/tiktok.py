"""The TikTok audit: the privacy settings, and the profile as a stranger gets it.

Adult TikTok accounts are public by default. Pages read (each once): the privacy settings
(which also say who is signed in); the profile logged out, with the page's own embedded
description of the account (`privateAccount`, `followingVisibility`, `openFavorite` in
`__UNIVERSAL_DATA_FOR_REHYDRATION__`, or the older `SIGI_STATE`) and its public videos;
each public video's own page, for place tags. Labels and markers come from
../shared/research/platform-facts.md (section 5) and the page's own wording.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

from audits.catalog import checks_for
from audits.model import Audience, Evidence, Finding, Source
from audits.pages import PageProblem, ProblemKind, WallMarkers, norm, read
from audits.platforms.base import STOPPED, PlatformAudit, Step, evidence
from audits.platforms.facebook import plural
from audits.watchwords import WordMatcher

BASE = "https://www.tiktok.com"

MARKERS = WallMarkers(
    login_paths=("/login", "/signup"),
    login_titles=("log in | tiktok", "log in or sign up", "sign up | tiktok"),
    # The logged-out profile carries a "Log in to TikTok" prompt over a readable page.
    login_phrases=(),
    checkpoint_paths=("/verify", "/captcha"),
    checkpoint_phrases=("verify to continue", "drag the slider to fit the puzzle", "select 2 objects that are the same"),
    error_phrases=("couldn't find this account",),
)
PRIVATE_PHRASES = ("this account is private",)
SUGGEST = ["Suggest your account to others", "Suggest account to others", "Suggest your account"]
EVERYONE, LIMITED = Audience.PUBLIC, Audience.FRIENDS
CHOICE_WORDS = {"everyone": EVERYONE, "friends": LIMITED, "suggested friends": LIMITED, "mutual friends": LIMITED,
                "followers that you follow back": LIMITED, "people you follow": LIMITED, "followers": LIMITED,
                "only me": Audience.ONLY_ME, "only you": Audience.ONLY_ME, "no one": Audience.ONLY_ME,
                "off": Audience.ONLY_ME}
CHOICES = {
    "direct_messages": ["Direct messages", "Who can send you direct messages"],
    "duet": ["Duet", "Who can Duet with your videos"],
    "stitch": ["Stitch", "Who can Stitch with your videos"],
    "following_list": ["Following list", "Who can see your following list"],
    "liked_videos": ["Liked videos", "Who can see your liked videos", "Who can view your liked videos"],
}
MAX_VIDEO_PAGES = 60  # beyond this, place tags aren't opened one by one (the verdict says so)


def _user_state(blobs: list[str], unique_id: str) -> dict | None:
    """The account as the page describes it: `userInfo.user` (2025-26) or SIGI_STATE's UserModule."""
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        scope = data.get("__DEFAULT_SCOPE__")
        if isinstance(scope, dict):
            info = (scope.get("webapp.user-detail") or {}).get("userInfo") or {}
            user = info.get("user")
            if isinstance(user, dict) and "privateAccount" in user:
                return {**user, "_items": info.get("itemList") or [], "_stats": info.get("stats") or {}}
        users = (data.get("UserModule") or {}).get("users")
        if isinstance(users, dict):
            for key, user in users.items():
                if norm(key) == norm(unique_id) and isinstance(user, dict) and "privateAccount" in user:
                    return {**user, "_items": [], "_stats": {}}
    return None


def _signed_in_user(blobs: list[str]) -> dict | None:
    """`webapp.app-context.user` (absent when logged out)."""
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        scope = data.get("__DEFAULT_SCOPE__") if isinstance(data, dict) else None
        user = ((scope or {}).get("webapp.app-context") or {}).get("user")
        if isinstance(user, dict) and user.get("uniqueId"):
            return user
    return None


def _only(value: Audience, raw: str) -> str:
    """ "Only you" / "Only friends": who a narrower choice leaves."""
    return "Only you" if value is Audience.ONLY_ME else f"Only {raw.lower()}"


class TikTokAudit(PlatformAudit):
    platform = "tiktok"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unique_id = ""
        self.suggest: dict[str, bool] = {}
        self.suggest_problem: str | None = None
        self.state: dict | None = None  # the public page's own description of the account
        self.private_marker = False
        self.videos: dict[str, str] = {}  # permalink -> caption text a stranger sees
        self.videos_complete = False
        self.videos_problem: str | None = None
        self.places: dict[str, list[str]] = {}  # permalink -> place tags on its page
        self.places_problem: str | None = None
        self.words = WordMatcher(self.options.watch_words)

    def steps(self) -> list[Step]:
        every = frozenset(c.id for c in checks_for("tiktok"))
        c = lambda *ids: frozenset(f"tiktok.{i}" for i in ids)  # noqa: E731
        return [
            Step("reading your TikTok privacy settings", self.read_settings, every),
            Step("reading who TikTok suggests your account to", self.read_suggest, c("suggest_account")),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile,
                 c("private_account", "following_list", "liked_videos", "duet_stitch", "public_post_content")),
            Step("opening your public videos", self.read_video_pages, c("public_post_content")),
        ]

    # -- reading ------------------------------------------------------------------------------------
    def read_settings(self) -> None:
        loaded = self.load("settings", f"{BASE}/setting/privacy", owner=True)
        if not loaded.ok:
            return
        blobs = read(self.owner, "jsonBlobs")
        user = _signed_in_user(blobs)
        if user:
            self.unique_id = user["uniqueId"]
            self.account.display_name = user.get("nickName") or user.get("nickname") or f"@{self.unique_id}"
        else:
            for link in read(self.owner, "links"):
                m = re.fullmatch(r"/@([^/?#]+)/?", urlsplit(link["href"]).path)
                if m and link["name"] in ("profile", "view profile", "your profile"):
                    self.unique_id = unquote(m.group(1))
                    self.account.display_name = f"@{self.unique_id}"
                    break
        if self.unique_id:
            self.account.profile_url = f"{BASE}/@{self.unique_id}"
        self.read_switch_setting("tiktok.private_account", loaded, ["Private account"])
        for key, labels in CHOICES.items():
            self.read_choice_setting(key, loaded, labels, CHOICE_WORDS)
        if not self.unique_id and "value" not in self.reads.get("tiktok.private_account", {}):
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise TikTok's privacy settings page.")

    def read_suggest(self) -> None:
        settings = self.pages.get("settings")
        if settings is None or not settings.ok:
            return
        got = read(self.owner, "readSwitch", labels=SUGGEST)
        if got.get("found") and got.get("state") is not None:
            self.suggest = {SUGGEST[0]: got["state"]}
            return
        # Usually a row that opens its own choices (contacts, Facebook friends, ...).
        opener = self.owner.get_by_role("button", name=re.compile(r"suggest (your )?account", re.I))
        try:
            if not opener.count():
                opener = self.owner.get_by_role("link", name=re.compile(r"suggest (your )?account", re.I))
            opener.first.click(timeout=3000)
            self.owner.wait_for_selector("[role=dialog],dialog", state="visible", timeout=5000)
        except Exception:
            self.suggest_problem = (f"Boundary couldn't open '{SUGGEST[0]}' on the settings page. "
                                    "TikTok may have changed this page; check it by hand.")
            return
        switches = read(self.owner, "dialogSwitches") or []
        if not switches or any(s["state"] is None for s in switches):
            self.suggest_problem = f"Boundary opened '{SUGGEST[0]}' but couldn't read whether each choice is on."
            return
        self.suggest = {s["name"] or f"choice {i + 1}": s["state"] for i, s in enumerate(switches)}
        self.owner.keyboard.press("Escape")

    def read_public_profile(self) -> None:
        if not self.unique_id:
            return
        loaded = self.load("public:profile", f"{BASE}/@{self.unique_id}", owner=False)
        if not loaded.ok:
            return
        self.state = _user_state(read(self.public, "jsonBlobs"), self.unique_id)
        self.private_marker = any(p in loaded.text for p in PRIVATE_PHRASES)
        if self.state is None and not self.private_marker and norm(f"@{self.unique_id}") not in loaded.text \
                and norm(self.unique_id) not in loaded.text:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise the page a stranger gets.")
            return
        if self.public_private():
            return  # a stranger gets no videos to read
        for item in (self.state or {}).get("_items", []):
            if isinstance(item, dict) and item.get("id"):
                link = f"/@{self.unique_id}/video/{item['id']}"
                self.videos[link] = item.get("desc") or ""
                if isinstance(item.get("poi"), dict) and item["poi"].get("name"):
                    self.places[link] = [item["poi"]["name"]]

        def batch() -> int:
            for tile in read(self.public, "videoTiles"):
                self.videos[tile["permalink"]] = " ".join(t for t in (tile["alt"], tile["text"]) if t)
            return len(self.videos)

        count = "document.querySelectorAll(\"a[href*='/video/']\").length"
        self.videos_complete, self.videos_problem = self.scroll_and_read(
            self.public, batch, f"(n) => {count} > n", more_arg=lambda: self.public.evaluate(count))

    def read_video_pages(self) -> None:
        if not self.videos or self.private_state()[0] is not False:
            return
        if len(self.videos) > MAX_VIDEO_PAGES:
            self.places_problem = (f"You have {len(self.videos)} public videos: Boundary read their captions but "
                                   "didn't open each one to look for place tags.")
            return
        for i, link in enumerate(self.videos):
            if link in self.places:
                continue
            loaded = self.load(f"public:video:{i}", f"{BASE}{link}", owner=False)
            if not loaded.ok:
                self.places_problem = loaded.problem.reason
                continue
            self.places[link] = read(self.public, "placeLinks")

    # -- deciding -----------------------------------------------------------------------------------
    def decide(self) -> list[Finding]:
        settings = self.pages.get("settings")
        if settings is None or (not settings.ok and settings.problem.kind in (ProblemKind.LOGIN_WALL,
                                                                               ProblemKind.CHECKPOINT)):
            return self.all_unknown((settings.problem if settings else STOPPED).reason)
        return [self.decide_private(), self.decide_suggest(), self.decide_following(), self.decide_liked(),
                self.decide_choice_dm(), self.decide_duet_stitch(), self.decide_content()]

    def _reason(self, key: str, page: str = "settings") -> str:
        got = self.reads.get(key)
        if got and "problem" in got:
            return got["problem"]
        return (self.problem(page) or STOPPED).reason

    def public_private(self) -> bool | None:
        """What a stranger gets: private (True), public (False), or not shown (None)."""
        if self.state is not None and isinstance(self.state.get("privateAccount"), bool):
            return self.state["privateAccount"]
        return True if self.private_marker else None

    def private_state(self) -> tuple[bool | None, list[Evidence]]:
        """Private or not: the settings and the public view must agree for "private"."""
        ev = []
        got = self.reads.get("tiktok.private_account", {})
        public = self.pages.get("public:profile")
        seen = self.public_private()
        if "value" in got:
            ev.append(evidence(Source.SETTING, got["loaded"], f"'Private account' is {'on' if got['value'] else 'off'}."))
        if seen is not None:
            said = "the page describes the account as private" if seen else "the page describes the account as public"
            ev.append(evidence(Source.PUBLIC_VIEW, public, f"Logged out, {said}."))
        if seen is False or got.get("value") is False:
            return False, ev
        if seen or got.get("value"):
            return True, ev
        return None, ev

    def decide_private(self) -> Finding:
        check = "tiktok.private_account"
        private, ev = self.private_state()
        if private is None:
            return self.unknown(check, self._reason(check), ev)
        if not private:
            return self.at_risk(check, "Your TikTok account is public: anyone can watch your videos and see your "
                                       "profile, without logging in.", ev, Audience.PUBLIC)
        return self.ok(check, "Your account is private: only followers you approve can watch your videos.", ev,
                       Audience.FRIENDS)

    def decide_suggest(self) -> Finding:
        check = "tiktok.suggest_account"
        if not self.suggest:
            return self.unknown(check, self.suggest_problem or self._reason(check))
        on = [name for name, state in self.suggest.items() if state]
        ev = [evidence(Source.SETTING, self.pages["settings"],
                       "; ".join(f"'{name}' {'on' if state else 'off'}" for name, state in self.suggest.items()) + ".")]
        if on:
            return self.at_risk(check, f"TikTok suggests your account to people who know you ({', '.join(on)}).", ev,
                                Audience.WIDE, on)
        return self.ok(check, "TikTok doesn't suggest your account to anyone.", ev, Audience.ONLY_ME)

    def _choice(self, key: str) -> tuple[Audience | None, str]:
        got = self.reads.get(key, {})
        return got.get("value"), got.get("raw", "")

    def decide_following(self) -> Finding:
        check = "tiktok.following_list"
        value, raw = self._choice("following_list")
        private, pev = self.private_state()
        ev = list(pev)
        if value is not None:
            ev.insert(0, evidence(Source.SETTING, self.pages["settings"], f"'Following list' is set to '{raw}'."))
        shown = (self.state or {}).get("followingVisibility")
        if shown == 1:
            ev.append(evidence(Source.PUBLIC_VIEW, self.pages.get("public:profile"),
                               "Logged out, the page says the following list is visible."))
        if private is False and (value is EVERYONE or shown == 1):
            return self.at_risk(check, "Anyone can see the accounts you follow.", ev, Audience.PUBLIC)
        if private:
            return self.ok(check, "Your account is private, so only followers you approve can see whom you follow.",
                           ev, Audience.FRIENDS)
        if value is not None and value is not EVERYONE:
            return self.ok(check, f"{_only(value, raw)} can see whom you follow.", ev[:1], value)
        if value is EVERYONE:  # public or private not known: everyone may see it
            return self.unknown(check, "Your following list is set to Everyone, but Boundary couldn't tell "
                                       "whether your account is private.", ev)
        return self.unknown(check, self._reason("following_list"), ev)

    def decide_liked(self) -> Finding:
        check = "tiktok.liked_videos"
        value, raw = self._choice("liked_videos")
        private, pev = self.private_state()
        ev = list(pev)
        if value is not None:
            ev.insert(0, evidence(Source.SETTING, self.pages["settings"], f"'Liked videos' is set to '{raw}'."))
        open_favorite = (self.state or {}).get("openFavorite")
        if open_favorite is True:
            ev.append(evidence(Source.PUBLIC_VIEW, self.pages.get("public:profile"),
                               "Logged out, the page says your liked videos are visible."))
        if private is False and (value is EVERYONE or open_favorite is True):
            return self.at_risk(check, "Anyone can see the videos you liked.", ev, Audience.PUBLIC)
        if private:
            return self.ok(check, "Your account is private, so only followers you approve can see your liked videos.",
                           ev, Audience.FRIENDS)
        if value is not None and value is not EVERYONE:
            return self.ok(check, f"{_only(value, raw)} can see the videos you liked.", ev[:1], value)
        if value is None and open_favorite is False and private is False:
            return self.ok(check, "Logged out, the page says your liked videos are hidden.",
                           [*ev, evidence(Source.PUBLIC_VIEW, self.pages.get("public:profile"),
                                          "The page says liked videos are not public.")], Audience.ONLY_ME)
        if value is EVERYONE:
            return self.unknown(check, "Your liked videos are set to Everyone, but Boundary couldn't tell whether "
                                       "your account is private.", ev)
        return self.unknown(check, self._reason("liked_videos"), ev)

    def decide_choice_dm(self) -> Finding:
        check = "tiktok.direct_messages"
        value, raw = self._choice("direct_messages")
        if value is None:
            return self.unknown(check, self._reason("direct_messages"))
        ev = [evidence(Source.SETTING, self.pages["settings"], f"'Direct messages' is set to '{raw}'.")]
        if value is EVERYONE:
            return self.at_risk(check, "Anyone on TikTok can send you direct messages.", ev, Audience.PUBLIC)
        if value is Audience.ONLY_ME:
            return self.ok(check, "No one can send you direct messages.", ev, value)
        return self.ok(check, f"{_only(value, raw)} can send you direct messages.", ev, value)

    def decide_duet_stitch(self) -> Finding:
        check = "tiktok.duet_stitch"
        private, pev = self.private_state()
        duet, duet_raw = self._choice("duet")
        stitch, stitch_raw = self._choice("stitch")
        ev = [evidence(Source.SETTING, self.pages["settings"], f"'{name}' is set to '{raw}'.")
              for name, raw, value in (("Duet", duet_raw, duet), ("Stitch", stitch_raw, stitch)) if value is not None]
        everyone = [name for name, value in (("Duet", duet), ("Stitch", stitch)) if value is EVERYONE]
        if private:
            # TikTok's own words: with a private account "no one will be able to Duet or Stitch your posts".
            return self.ok(check, "Your account is private, so strangers can't Duet or Stitch your videos.",
                           [*ev, *pev], Audience.FRIENDS)
        if everyone and private is False:
            return self.at_risk(check, f"Anyone can reuse your videos with {' and '.join(everyone)}.", [*ev, *pev],
                                Audience.PUBLIC)
        if duet is not None and stitch is not None and not everyone:
            return self.ok(check, f"Duet: {duet_raw}; Stitch: {stitch_raw}.", ev, Audience.FRIENDS)
        if everyone:
            return self.unknown(check, f"{' and '.join(everyone)} is set to Everyone, but Boundary couldn't tell "
                                       "whether your account is private.", ev)
        return self.unknown(check, self._reason("duet" if duet is None else "stitch"), ev)

    def decide_content(self) -> Finding:
        check = "tiktok.public_post_content"
        private, ev = self.private_state()
        public = self.pages.get("public:profile")
        if private:
            return self.ok(check, "Your account is private, so strangers can't watch your videos.", ev, Audience.FRIENDS)
        if self.problem("public:profile"):
            return self.unknown(check, self.problem("public:profile").reason, ev)
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
            count = (self.state or {}).get("_stats", {}).get("videoCount")
            if count == 0:
                return self.ok(check, "You have no public videos.", ev, Audience.PUBLIC)
            return self.unknown(check, "Boundary couldn't find any videos on your public profile to check.", ev)
        return self.ok(check, f"None of your {plural(len(self.videos), 'public video')} mention work or places.",
                       [evidence(Source.PUBLIC_VIEW, public, f"Read all {len(self.videos)} public videos and their pages.")],
                       Audience.PUBLIC)
