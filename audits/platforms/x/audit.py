"""The X audit: settings, the profile header and timeline as the owner and as a stranger.

Pages read (each once): home (who is signed in); the settings pages for audience and
tagging, discoverability, location and direct messages; the owner's profile (header and
every post); the same profile logged out; the owner's followers and following lists.
Labels, data-testids and markers come from docs/research/platform-facts.md (section 3).
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from audits.catalog import checks_for
from audits.model import Audience, Evidence, Finding, Source
from audits.pages import Loaded, PageProblem, ProblemKind, norm
from audits.phrasing import plural
from audits.platforms.base import ARTICLES_SHOWN, STOPPED, PlatformAudit, Step, evidence
from audits.reading import Article, links, read_articles, strings, texts_by_name
from audits.watchwords import WordMatcher

# Labels, value words, page addresses and landmarks live in platform.toml beside this file.

HEADER_IDS = ["UserName", "UserDescription", "UserProfileHeader_Items", "UserLocation", "UserUrl", "UserBirthdate",
              "UserJoinDate", "emptyState", "empty_state_header_text", "icon-lock"]


def _account_button(page) -> str | None:
    """The navigation's account button: the signed-in name, then the @handle."""
    return (texts_by_name(page, "x.byTestId", ids=["SideNav_AccountSwitcher_Button"]) or {}).get(
        "SideNav_AccountSwitcher_Button")


class XAudit(PlatformAudit):
    platform = "x"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.handle = ""
        self.owner_header: dict | None = None
        self.public_header: dict | None = None
        self.public_protected_marker = False
        self.public_posts: list[Article] = []
        self.owner_posts: dict[str, Article] = {}
        self.feed_complete = False
        self.feed_problem: str | None = None
        self.people: dict[str, list[str]] = {}
        self.counts: dict[str, int] = {}
        self.words = WordMatcher(self.options.watch_words)

    def steps(self) -> list[Step]:
        c = lambda *ids: frozenset(f"x.{i}" for i in ids)  # noqa: E731
        header = c("profile.location", "profile.bio_work", "profile.birth_date")
        # Who is signed in comes first for every check, a single re-check included.
        steps = [Step("finding your X account", self.read_home, frozenset(c.id for c in checks_for("x")))]
        needs = {"settings:audience": c("protected_posts", "photo_tagging", "followers_lists", "public_post_content"),
                 "settings:contacts": c("discover_email", "discover_phone"),
                 "settings:location": c("post_location"), "settings:dm": c("dm_requests")}
        for key, page in self.spec.pages.items():
            steps.append(Step(page.step, lambda key=key: self.read_settings(key), needs[key]))
        steps += [
            Step("reading your profile and posts", self.read_owner_profile,
                 header | c("public_post_content", "protected_posts")),
            Step("opening your profile as a stranger who isn't logged in", self.read_public_profile,
                 header | c("protected_posts", "public_post_content", "followers_lists")),
            Step("reading your followers and who you follow", self.read_people, c("connections_watchlist")),
        ]
        return steps

    # -- reading ------------------------------------------------------------------------------------
    def read_home(self) -> None:
        loaded = self.load("home", self.spec.home_url, owner=True, ready=self.spec.ready["home"])
        if not loaded.ok:
            return
        profile = next((link.href for link in links(self.owner) or () if link.name == "profile"), None)
        if profile is None:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary couldn't find your X profile from the home page.")
            return
        self.handle = urlsplit(profile).path.strip("/").split("/")[0]
        self.account.profile_url = f"{self.spec.base}/{self.handle}"
        account = _account_button(self.owner) or ""
        self.account.display_name = account.split("\n")[0].strip() or f"@{self.handle}"

    @staticmethod
    def signed_in_name(page) -> str | None:
        # The account button holds the name, then the @handle.
        account = _account_button(page)
        return account.split("\n")[0].strip() if account else PlatformAudit.signed_in_name(page)

    def read_settings(self, key: str) -> None:
        if not self.signed_out():
            self.read_settings_page(key)

    def read_owner_profile(self) -> None:
        if self.signed_out() or not self.handle:
            return
        loaded = self.load("profile", f"{self.spec.base}/{self.handle}", owner=True,
                           ready=self.spec.ready["profile"])
        if not loaded.ok:
            return
        self.owner_header = texts_by_name(self.owner, "x.byTestId", ids=HEADER_IDS)
        if self.owner_header is None or "UserName" not in self.owner_header:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise your X profile page.")
            return
        self._read_timeline(loaded)

    def _read_timeline(self, loaded: Loaded) -> None:
        def batch() -> int:
            for post in read_articles(self.owner, consume=True) or ():
                self.owner_posts.setdefault(post.permalink or post.text[:200], post)
            return len(self.owner_posts)

        self.feed_complete, self.feed_problem = self.scroll_and_read(self.owner, batch, ARTICLES_SHOWN)

    def read_public_profile(self) -> None:
        if not self.handle:
            return
        loaded = self.load("public:profile", f"{self.spec.base}/{self.handle}", owner=False,
                           ready=replace(self.spec.ready["profile"], texts=self.spec.words["protected"]))
        names = [f"@{self.handle}", self.account.display_name or ""]
        if not self.prove_own(loaded, paths=[f"/{self.handle}"], names=names, what="your profile"):
            return
        self.public_header = texts_by_name(self.public, "x.byTestId", ids=HEADER_IDS)
        if self.public_header is None or "UserName" not in self.public_header:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary didn't recognise the page a stranger gets.")
            self.public_header = None
            return
        text = loaded.text
        lock = "icon-lock" in self.public_header or "protected account" in norm(self.public_header.get("UserName", ""))
        self.public_protected_marker = lock or any(p in text for p in self.spec.words["protected"])
        posts = read_articles(self.public)
        if posts is None:
            loaded.problem = PageProblem(ProblemKind.NOT_RECOGNISED, "Boundary couldn't read the posts a stranger gets.")
            return
        self.public_posts = posts

    def read_people(self) -> None:
        if self.signed_out() or not self.handle:
            return
        for kind in ("followers", "following"):
            loaded = self.load(kind, f"{self.spec.base}/{self.handle}/{kind}", owner=True, ready=self.spec.ready["people"])
            if loaded.ok:
                names = strings(self.owner, "x.cellNames")
                if names is not None:
                    self.people[kind] = names
        header = self.owner_header or {}
        for kind in ("followers", "following"):
            m = re.search(rf"([\d,.]+[km]?)\s+{kind}", norm(self.pages["profile"].info.get("text", "")) if "profile" in self.pages else "")
            if m and m.group(1).replace(",", "").isdigit():
                self.counts[kind] = int(m.group(1).replace(",", ""))
        del header

    # -- deciding -----------------------------------------------------------------------------------
    def decide(self) -> list[Finding]:
        home = self.pages.get("home")
        if home is None or (not home.ok and home.problem.kind in (ProblemKind.LOGIN_WALL, ProblemKind.CHECKPOINT)):
            return self.all_unknown((home.problem if home else STOPPED).reason)
        out = [self.decide_protected(), self.decide_content(), self.decide_lists()]
        out += [self.decide_location(), self.decide_bio(), self.decide_birth_date()]
        out += [self.decide_setting(c) for c in ("x.discover_email", "x.discover_phone", "x.photo_tagging",
                                                  "x.post_location", "x.dm_requests")]
        out.append(self.decide_people())
        return out

    def protected_state(self) -> tuple[bool | None, list[Evidence]]:
        """Protected or not, public view first: (True/False, evidence) or (None, [])."""
        ev = []
        public = self.pages.get("public:profile")
        got = self.reads.get("x.protected_posts", {})
        if "value" in got:
            ev.append(evidence(Source.SETTING, got["loaded"], f"'{got['label']}' is {'on' if got['value'] else 'off'}."))
        if public is not None and public.ok and self.public_header is not None:
            if self.public_posts:
                ev.append(evidence(Source.PUBLIC_VIEW, public, f"A stranger can see your posts ({len(self.public_posts)} shown)."))
                return False, ev
            if self.public_protected_marker:
                ev.append(evidence(Source.PUBLIC_VIEW, public, "A stranger sees 'These posts are protected'."))
                return (True if got.get("value", True) else None), ev
        if "value" in got:
            return got["value"], ev
        return None, ev

    def decide_protected(self) -> Finding:
        check = "x.protected_posts"
        protected, ev = self.protected_state()
        return self.decide_closed(
            check, protected, ev, self.reason(check, "settings:audience"),
            open_text="Your posts are public: anyone can read them, and search engines can find them.",
            closed_text="Your posts are protected: only followers you approve can see them.")

    def _flagged(self, posts: list[Article]) -> list[tuple[Article, list[str]]]:
        out = []
        for post in posts:
            why = []
            if self.words.find(post.text):
                why.append("mention work")
            if post.places:
                why.append("show a place")
            if why:
                out.append((post, why))
        return out

    def decide_content(self) -> Finding:
        check = "x.public_post_content"
        protected, ev = self.protected_state()
        if protected:
            return self.ok(check, "Your posts are protected, so strangers can't read them.", ev, Audience.FRIENDS)
        seen = list(self.public_posts) + ([] if protected is None else list(self.owner_posts.values()))
        flagged = self._flagged(seen)
        if flagged:
            unique = {p.permalink or p.text[:80]: (p, why) for p, why in flagged}
            reasons = sorted({w for _p, why in unique.values() for w in why})
            years = sorted({int(y) for p, _w in unique.values() for y in re.findall(r"\b(20\d\d)\b", p.date)})
            span = f" from {years[0]}–{years[-1]}" if len(years) > 1 else (f" from {years[0]}" if years else "")
            details = [f"{p.date[:10]}: \"{p.text[:120]}\"" for p, _w in list(unique.values())[:25]]
            page = self.pages.get("public:profile") or self.pages.get("profile")
            posts = plural(len(unique), "public post")
            ev = [evidence(Source.PUBLIC_VIEW if self.public_posts else Source.OWNER_VIEW, page,
                           f"{posts}{span}: {', '.join(reasons)}.")]
            verb = " or ".join(reasons) if len(unique) != 1 else " or ".join(r.replace("mention", "mentions").replace("show ", "shows ") for r in reasons)
            return self.at_risk(check, f"{posts}{span} {verb}.", ev, Audience.PUBLIC, details)
        if protected is False and self.feed_complete and self.owner_posts:
            return self.ok(check, f"None of your {plural(len(self.owner_posts), 'public post')} mention work or places.",
                           [evidence(Source.OWNER_VIEW, self.pages["profile"], f"Read all {len(self.owner_posts)} posts.")],
                           Audience.PUBLIC)
        if protected is False and self.feed_complete and not self.owner_posts and self.owner_header:
            return self.unknown(check, "Boundary couldn't find any posts on your profile to check.")
        return self.unknown(check, self.feed_problem or self.reason("x.protected_posts", "profile"))

    def decide_lists(self) -> Finding:
        protected, ev = self.protected_state()
        return self.decide_closed(
            "x.followers_lists", protected, ev, self.reason("x.protected_posts", "settings:audience"),
            open_text="Anyone signed in to X can see who follows you and who you follow.",
            closed_text="Only followers you approve can see who follows you and who you follow.")

    def _header_field(self, check: str, testid: str, what: str, risky_text=None) -> Finding:
        public = self.pages.get("public:profile")
        if self.public_header is None or public is None or not public.ok:
            return self.unknown(check, (self.problem("public:profile") or STOPPED).reason)
        value = self.public_header.get(testid, "").strip()
        if value and (risky_text is None or risky_text(value)):
            return self.at_risk(check, f"Anyone can see {what} on your profile.",
                                [evidence(Source.PUBLIC_VIEW, public, f"The public profile shows {what}.")],
                                Audience.PUBLIC, [value])
        if self.owner_header is None:
            return self.unknown(check, (self.problem("profile") or STOPPED).reason)
        if not value and not self._header_items_read():
            # No field where X shows it: the header may simply be laid out differently.
            return self.unknown(check, f"Boundary couldn't find the part of your profile where X shows {what}, "
                                       "so it couldn't confirm a stranger doesn't see it. Check your profile by hand.")
        if value:
            return self.ok(check, f"{what[0].upper()}{what[1:]} doesn't mention work.",
                           [evidence(Source.PUBLIC_VIEW, public, f"Read the {what} a stranger sees.")])
        return self.ok(check, f"A stranger doesn't see {what} on your profile.",
                       [evidence(Source.PUBLIC_VIEW, public, f"The public profile header shows no {what}."),
                        evidence(Source.OWNER_VIEW, self.pages["profile"], "Your own profile header was read.")])

    def _header_items_read(self) -> bool:
        """Whether the header's details row was read in both views: only then is a missing
        detail absence, not a page laid out differently (the row always holds the join date)."""
        return all("joined" in norm((h or {}).get("UserProfileHeader_Items", ""))
                   for h in (self.public_header, self.owner_header))

    def decide_location(self) -> Finding:
        return self._header_field("x.profile.location", "UserLocation", "your location")

    def decide_bio(self) -> Finding:
        check = "x.profile.bio_work"
        bio = " ".join(v for k, v in (self.public_header or {}).items() if k in ("UserDescription", "UserUrl"))
        if self.public_header is not None and bio.strip() and self.words.find(bio):
                public = self.pages["public:profile"]
                return self.at_risk(check, "Your bio or website names your work.",
                                    [evidence(Source.PUBLIC_VIEW, public, f"The bio mentions: {', '.join(self.words.find(bio))}.")],
                                    Audience.PUBLIC, [bio.strip()])
        return self._header_field(check, "UserDescription", "your bio", risky_text=lambda v: bool(self.words.find(v)))

    def decide_birth_date(self) -> Finding:
        return self._header_field("x.profile.birth_date", "UserBirthdate", "your birth date")

    def decide_people(self) -> Finding:
        lists = ("followers", "following")
        page = next((k for k in lists if self.problem(k)), "followers")
        counts = {kind: self.counts.get(kind, len(self.people.get(kind, []))) for kind in lists}
        return self.decide_watchlist("x.connections_watchlist", self.people if set(self.people) == set(lists) else None,
                                     counts, page, "account", "your followers and the people you follow")
