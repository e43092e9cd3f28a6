"""The Instagram audit: privacy settings, and the profile as a stranger gets it.

Pages read (each once): home (who is signed in); the settings pages for account privacy,
tags and mentions, activity status, sharing and reuse, and the professional account; the
owner's profile (its grid of posts); the same profile logged out, including the page's
own JSON description of the account (`is_private`, contact fields); the owner's followers
and following. Labels and markers come from ../shared/research/platform-facts.md (section 2).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from audits.catalog import checks_for
from audits.model import Audience, Finding, Source
from audits.pages import PageProblem, ProblemKind, WallMarkers, read
from audits.platforms.base import STOPPED, PlatformAudit, Step, evidence
from audits.platforms.facebook import plural
from audits.watchwords import WordMatcher, count_watch_list_matches

BASE = "https://www.instagram.com"

MARKERS = WallMarkers(
    login_paths=("/accounts/login", "/accounts/emailsignup"),
    login_titles=("log in • instagram", "login • instagram", "log in · instagram"),
    login_phrases=("log in to instagram",),
    checkpoint_paths=("/challenge", "/accounts/suspended", "/auth_platform"),
    checkpoint_phrases=("confirm it's you", "help us confirm it's you"),
    error_phrases=("sorry, this page isn't available",),
)
AUDIENCE = {"everyone": Audience.PUBLIC, "people you follow": Audience.FRIENDS, "don't allow": Audience.ONLY_ME,
            "no one": Audience.ONLY_ME, "off": Audience.ONLY_ME}
SETTINGS_PAGES = {
    "settings:privacy": ("settings/v2/account_privacy/", "reading whether your account is private"),
    "settings:tags": ("settings/v2/tags_and_mentions/", "reading who can tag and mention you"),
    "settings:activity": ("activity_status/", "reading whether you show when you're online"),
    "settings:sharing": ("settings/v2/sharing_and_reuse/", "reading who can share your stories and posts"),
    "settings:pro": ("professional_account_settings/", "reading your public contact details"),
}
SHARING_LABELS = ("Allow people to share your stories", "Allow people to share your posts and reels to stories",
                  "Allow sharing to story", "Allow resharing to stories")
PRIVATE_PHRASES = ("this account is private", "this account is private.")


def _profile_json(blobs: list[str]) -> dict | None:
    """The page's own description of the account ({"data": {"user": {...}}})."""
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        user = (data.get("data") or {}).get("user") if isinstance(data, dict) else None
        if isinstance(user, dict) and "is_private" in user:
            return user
    return None


class InstagramAudit(PlatformAudit):
    platform = "instagram"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.username = ""
        self.public_user: dict | None = None
        self.public_private_marker = False
        self.public_tiles: list[dict] = []
        self.owner_tiles: dict[str, dict] = {}
        self.grid_complete = False
        self.grid_problem: str | None = None
        self.people: dict[str, list[str]] = {}
        self.words = WordMatcher(self.options.watch_words)

    def steps(self) -> list[Step]:
        c = lambda *ids: frozenset(f"instagram.{i}" for i in ids)  # noqa: E731
        needs = {"settings:privacy": c("private_account", "public_post_content", "followers_lists", "search_engines"),
                 "settings:tags": c("tags", "mentions"), "settings:activity": c("activity_status"),
                 "settings:sharing": c("story_sharing"), "settings:pro": c("contact_info")}
        # Who is signed in comes first for every check, a single re-check included.
        steps = [Step("finding your Instagram account", self.read_home, frozenset(c.id for c in checks_for("instagram")))]
        for key, (path, label) in SETTINGS_PAGES.items():
            steps.append(Step(label, lambda key=key, path=path: self.read_settings(key, path), needs[key]))
        steps += [
            Step("reading your posts", self.read_owner_profile, c("public_post_content")),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile,
                 c("private_account", "public_post_content", "followers_lists", "profile.bio_work", "contact_info",
                   "search_engines")),
            Step("reading your followers and who you follow", self.read_people, c("connections_watchlist")),
        ]
        return steps

    # -- reading ------------------------------------------------------------------------------------
    def read_home(self) -> None:
        loaded = self.load("home", f"{BASE}/", owner=True)
        if not loaded.ok:
            return
        profile = next((link["href"] for link in read(self.owner, "links") if link["name"] == "profile"), None)
        if profile is None:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary couldn't find your Instagram profile from the home page.")
            return
        self.username = urlsplit(profile).path.strip("/").split("/")[0]
        self.account.profile_url = f"{BASE}/{self.username}/"
        for blob in read(self.owner, "jsonBlobs"):
            match = re.search(r'"NAME"\s*:\s*"([^"]+)"', blob)
            if match:
                self.account.display_name = match.group(1)
        self.account.display_name = self.account.display_name or f"@{self.username}"

    def read_settings(self, key: str, path: str) -> None:
        if self.signed_out():
            return
        loaded = self.load(key, f"{BASE}/accounts/{path}", owner=True)
        if key == "settings:privacy":
            self.read_switch_setting("instagram.private_account", loaded, ["Private account"])
            self.read_switch_setting("instagram.search_engines", loaded,
                         ["Allow public photos and videos to appear in search engine results"], optional=True)
        elif key == "settings:tags":
            self.read_choice_setting("instagram.tags", loaded, ["Allow tags from"], AUDIENCE)
            self.read_switch_setting("instagram.tags:approval", loaded, ["Manually approve tags"])
            self.read_choice_setting("instagram.mentions", loaded, ["Allow mentions from"], AUDIENCE)
        elif key == "settings:activity":
            self.read_switch_setting("instagram.activity_status", loaded, ["Show activity status"])
        elif key == "settings:sharing":
            for label in SHARING_LABELS:
                self.read_switch_setting(f"instagram.story_sharing:{label}", loaded, [label], optional=True)
        elif key == "settings:pro":
            self.read_switch_setting("instagram.contact_info", loaded, ["Display contact info"], optional=True)
            if loaded.ok and "switch to professional account" in loaded.text:
                self.reads["instagram.personal_account"] = {"value": True, "loaded": loaded}

    def read_owner_profile(self) -> None:
        if self.signed_out() or not self.username:
            return
        loaded = self.load("profile", f"{BASE}/{self.username}/", owner=True)
        if not loaded.ok:
            return
        tiles_js = "document.querySelectorAll(\"a[href*='/p/'],a[href*='/reel/']\").length"

        def batch() -> int:
            for tile in read(self.owner, "postTiles"):
                self.owner_tiles.setdefault(tile["permalink"], tile)
            return len(self.owner_tiles)

        self.grid_complete, self.grid_problem = self.scroll_and_read(
            self.owner, batch, f"n => {tiles_js} > n", lambda: self.owner.evaluate(f"() => {tiles_js}"))

    def read_public_profile(self) -> None:
        if not self.username:
            return
        loaded = self.load("public:profile", f"{BASE}/{self.username}/", owner=False)
        if not loaded.ok:
            return
        self.public_user = _profile_json(read(self.public, "jsonBlobs"))
        self.public_private_marker = any(p in loaded.text for p in PRIVATE_PHRASES)
        self.public_tiles = read(self.public, "postTiles")
        if self.public_user is None and not self.public_private_marker and not self.public_tiles:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise the page a stranger gets.")

    def read_people(self) -> None:
        if self.signed_out() or not self.username:
            return
        for kind in ("followers", "following"):
            loaded = self.load(kind, f"{BASE}/{self.username}/{kind}/", owner=True)
            if loaded.ok:
                people = read(self.owner, "dialogPeople")
                if people is not None:
                    self.people[kind] = people

    # -- deciding -----------------------------------------------------------------------------------
    def decide(self) -> list[Finding]:
        home = self.pages.get("home")
        if home is None or (not home.ok and home.problem.kind in (ProblemKind.LOGIN_WALL, ProblemKind.CHECKPOINT)):
            return self.all_unknown((home.problem if home else STOPPED).reason)
        return [
            self.decide_private(), self.decide_content(), self.decide_lists(), self.decide_bio(), self.decide_contact(),
            self.decide_tags(), self.decide_choice("instagram.mentions", "settings:tags", "Anyone can mention you."),
            self.decide_switch("instagram.activity_status", "settings:activity", "People can see when you're online.",
                               "People can't see when you're online."),
            self.decide_sharing(), self.decide_search(), self.decide_watchlist(),
        ]

    def _reason(self, key: str, page: str) -> str:
        got = self.reads.get(key)
        if got and "problem" in got:
            return got["problem"]
        return (self.problem(page) or self.problem("home") or STOPPED).reason

    def private_state(self):
        ev = []
        got = self.reads.get("instagram.private_account", {})
        if "value" in got:
            ev.append(evidence(Source.SETTING, got["loaded"], f"'Private account' is {'on' if got['value'] else 'off'}."))
        public = self.pages.get("public:profile")
        if public is not None and public.ok:
            if self.public_tiles:
                ev.append(evidence(Source.PUBLIC_VIEW, public, f"A stranger can see your posts ({len(self.public_tiles)} shown)."))
                return False, ev
            if self.public_user is not None:
                ev.append(evidence(Source.PUBLIC_VIEW, public, f"The public page says the account is {'private' if self.public_user['is_private'] else 'public'}."))
                if not self.public_user["is_private"]:
                    return False, ev
            if self.public_private_marker:
                ev.append(evidence(Source.PUBLIC_VIEW, public, "A stranger sees 'This account is private'."))
                if got.get("value", True) and (self.public_user is None or self.public_user["is_private"]):
                    return True, ev
        if "value" in got:
            return got["value"], ev
        return None, ev

    def decide_private(self) -> Finding:
        check = "instagram.private_account"
        private, ev = self.private_state()
        if private is None:
            return self.unknown(check, self._reason(check, "settings:privacy"), ev)
        if not private:
            return self.at_risk(check, "Your account is public: anyone, on or off Instagram, can see your posts.", ev, Audience.PUBLIC)
        return self.ok(check, "Your account is private: only followers you approve see your posts.", ev, Audience.FRIENDS)

    @staticmethod
    def _place(alt: str) -> str | None:
        match = re.search(r"\bin (.+?) on [A-Z][a-z]+ \d{1,2}, \d{4}", alt or "")
        return match.group(1) if match else None

    def decide_content(self) -> Finding:
        check = "instagram.public_post_content"
        private, ev = self.private_state()
        if private:
            return self.ok(check, "Your account is private, so strangers can't see your posts.", ev, Audience.FRIENDS)
        tiles = {t["permalink"]: t for t in self.public_tiles}
        if private is False:
            tiles.update(self.owner_tiles)
        flagged = []
        for tile in tiles.values():
            why = (["mention work"] if self.words.find(tile["alt"]) else []) + (["show a place"] if self._place(tile["alt"]) else [])
            if why:
                flagged.append((tile, why))
        if flagged:
            reasons = sorted({w for _t, why in flagged for w in why})
            page = self.pages.get("public:profile") or self.pages.get("profile")
            return self.at_risk(check, f"{plural(len(flagged), 'public post')} {' or '.join(reasons)}.",
                                [evidence(Source.PUBLIC_VIEW, page, f"{plural(len(flagged), 'post')}: {', '.join(reasons)}.")],
                                Audience.PUBLIC, [t["alt"][:160] for t, _w in flagged[:25]])
        if private is False and self.grid_complete and self.owner_tiles:
            return self.ok(check, f"None of your {plural(len(self.owner_tiles), 'public post')} mention work or places.",
                           [evidence(Source.OWNER_VIEW, self.pages["profile"], f"Read all {len(self.owner_tiles)} posts.")],
                           Audience.PUBLIC)
        return self.unknown(check, self.grid_problem or self._reason("instagram.private_account", "profile"))

    def decide_lists(self) -> Finding:
        check = "instagram.followers_lists"
        private, ev = self.private_state()
        if private is None:
            return self.unknown(check, self._reason("instagram.private_account", "settings:privacy"), ev)
        if private:
            return self.ok(check, "Only followers you approve can see your followers and who you follow.", ev, Audience.FRIENDS)
        return self.at_risk(check, "Anyone on Instagram can see your followers and who you follow.", ev, Audience.PUBLIC)

    def decide_bio(self) -> Finding:
        check = "instagram.profile.bio_work"
        public = self.pages.get("public:profile")
        if self.public_user is None or public is None or not public.ok:
            return self.unknown(check, (self.problem("public:profile") or STOPPED).reason)
        text = " ".join(str(self.public_user.get(k) or "") for k in ("biography", "external_url", "category_name"))
        found = self.words.find(text)
        if found:
            return self.at_risk(check, "Your bio, link or category names your work.",
                                [evidence(Source.PUBLIC_VIEW, public, f"The public profile mentions: {', '.join(found)}.")],
                                Audience.PUBLIC, [text.strip()])
        return self.ok(check, "Your bio, link and category don't mention work.",
                       [evidence(Source.PUBLIC_VIEW, public, "Read the bio, link and category a stranger sees.")])

    def decide_contact(self) -> Finding:
        check = "instagram.contact_info"
        public = self.pages.get("public:profile")
        shown = None
        if self.public_user is not None and public is not None and public.ok:
            fields = [self.public_user.get(k) for k in ("business_email", "business_phone_number", "business_address_json")]
            shown = any(fields)
            if shown:
                return self.at_risk(check, "Your profile shows contact details to anyone.",
                                    [evidence(Source.PUBLIC_VIEW, public, "The public profile lists an email, phone or address.")],
                                    Audience.PUBLIC, [str(f) for f in fields if f])
        got = self.reads.get("instagram.contact_info", {})
        personal = self.reads.get("instagram.personal_account", {})
        if "value" in got:
            ev = [evidence(Source.SETTING, got["loaded"], f"'Display contact info' is {'on' if got['value'] else 'off'}.")]
            if got["value"]:
                return self.at_risk(check, "Your professional account is set to show contact details.", ev, Audience.PUBLIC)
            return self.ok(check, "Your profile doesn't show contact details.", ev)
        if personal.get("value") and shown is False:
            return self.ok(check, "Your profile doesn't show contact details (it isn't a professional account).",
                           [evidence(Source.SETTING, personal["loaded"], "This is a personal account: it has no public contact options."),
                            evidence(Source.PUBLIC_VIEW, public, "The public profile lists no email, phone or address.")])
        return self.unknown(check, self._reason("instagram.contact_info", "settings:pro"))

    def decide_tags(self) -> Finding:
        check = "instagram.tags"
        got, approval = self.reads.get("instagram.tags", {}), self.reads.get("instagram.tags:approval", {})
        if "value" not in got:
            return self.unknown(check, self._reason("instagram.tags", "settings:tags"))
        ev = [evidence(Source.SETTING, got["loaded"], f"'Allow tags from' is set to '{got['raw']}'.")]
        if got["value"] is Audience.PUBLIC:
            return self.at_risk(check, "Anyone can tag you in their posts.", ev, Audience.PUBLIC)
        if got["value"] is Audience.ONLY_ME:
            return self.ok(check, "Nobody can tag you.", ev, Audience.ONLY_ME)
        if "value" not in approval:
            return self.unknown(check, self._reason("instagram.tags:approval", "settings:tags"), ev)
        ev.append(evidence(Source.SETTING, approval["loaded"], f"'Manually approve tags' is {'on' if approval['value'] else 'off'}."))
        if not approval["value"]:
            return self.at_risk(check, "Tags appear on your profile without your approval.", ev, got["value"])
        return self.ok(check, "Only people you follow can tag you, and you approve tags first.", ev, got["value"])

    def decide_choice(self, check: str, page: str, risky_text: str) -> Finding:
        got = self.reads.get(check, {})
        if "value" not in got:
            return self.unknown(check, self._reason(check, page))
        ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is set to '{got['raw']}'.")]
        if got["value"] is Audience.PUBLIC:
            return self.at_risk(check, risky_text, ev, Audience.PUBLIC)
        return self.ok(check, f"'{got['label']}': {got['raw']}.", ev, got["value"])

    def decide_switch(self, check: str, page: str, on_text: str, off_text: str) -> Finding:
        got = self.reads.get(check, {})
        if "value" not in got:
            return self.unknown(check, self._reason(check, page))
        ev = [evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {'on' if got['value'] else 'off'}.")]
        return (self.at_risk if got["value"] else self.ok)(check, on_text if got["value"] else off_text, ev)

    def decide_sharing(self) -> Finding:
        check = "instagram.story_sharing"
        found = {k: v for k, v in self.reads.items() if k.startswith("instagram.story_sharing:")}
        problems = [v["problem"] for v in found.values() if "problem" in v]
        read_ = {k.split(":", 1)[1]: v for k, v in found.items() if "value" in v}
        on = [label for label, v in read_.items() if v["value"]]
        if on:
            first = read_[on[0]]
            return self.at_risk(check, "Other people can share your stories or posts to their own stories.",
                                [evidence(Source.SETTING, first["loaded"], f"'{label}' is on.") for label in on], Audience.PUBLIC)
        if read_ and not problems:
            first = next(iter(read_.values()))
            return self.ok(check, "Other people can't share your stories or posts.",
                           [evidence(Source.SETTING, first["loaded"], f"'{label}' is off.") for label in read_])
        return self.unknown(check, problems[0] if problems else self._reason(check, "settings:sharing"))

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
        if self.public_user is not None and not self.public_user.get("is_professional_account", True):
            return self.skipped(check, "Only public professional accounts' photos can appear in search engines, and yours is a personal account.")
        return self.unknown(check, self._reason(check, "settings:privacy"))

    def decide_watchlist(self) -> Finding:
        check = "instagram.connections_watchlist"
        if not self.options.watch_list:
            return self.skipped(check, "You haven't given a private watch list of names to look for.")
        if set(self.people) != {"followers", "following"}:
            return self.unknown(check, (self.problem("followers") or self.problem("following") or STOPPED).reason
                                if (self.problem("followers") or self.problem("following"))
                                else "Boundary couldn't read your followers list.")
        people = list(dict.fromkeys(self.people["followers"] + self.people["following"]))
        matches = count_watch_list_matches(people, self.options.watch_list)
        ev = [evidence(Source.OWNER_VIEW, self.pages["followers"], f"Compared {len(people)} accounts with your watch list.")]
        if matches:
            return self.at_risk(check, f"{plural(matches, 'account')} among your followers or people you follow "
                                f"{'matches' if matches == 1 else 'match'} a name on your private watch list.", ev)
        return self.ok(check, "None of your followers or the people you follow match your private watch list.", ev)
