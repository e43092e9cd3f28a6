"""What every platform audit shares: pages read once, steps, and verdict helpers.

A platform audit is a list of small steps (each loads one page and reads everything the
checks need from it) followed by `decide()`, which turns what was read into exactly one
finding per check. A page that could not be read leaves a `PageProblem`, and every check
that needed it becomes `unknown` with that problem's reason.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from audits import phrasing
from audits.catalog import CHECKS, PLATFORM_NAMES, checks_for
from audits.declaration import DEFAULT_LANGUAGE, Declaration, Setting
from audits.model import Account, Audience, Evidence, Finding, Source, Status
from audits.pages import (
    SETTLED,
    Loaded,
    PageLoader,
    PageProblem,
    ProblemKind,
    Ready,
    language_problem,
    norm,
)
from audits.reading import ChoiceRead, SwitchRead, json_blobs, page_info, read_choice, read_switch
from audits.registry import declarations
from audits.watchwords import count_watch_list_matches

# Posts a person can see (hidden copies of a column are not posts waiting to be read).
ARTICLES_SHOWN = ("() => [...document.querySelectorAll('[role=article],article')].some((a) => "
                  "a.getClientRects().length > 0 && !a.closest('[hidden],[aria-hidden=true]') && "
                  "getComputedStyle(a).visibility !== 'hidden')")
# Rounds in a row where the page said it showed more but nothing new could be read.
MAX_IDLE_ROUNDS = 3
STOPPED = PageProblem(ProblemKind.STOPPED, "The check-up was stopped before this was checked.")


@dataclass
class Step:
    label: str  # plain words: "reading who can see your friends list"
    run: Callable[[], None]
    checks: frozenset[str]  # the checks that need this step


@dataclass
class AuditOptions:
    watch_words: list[str] = field(default_factory=list)
    watch_list: list[str] = field(default_factory=list)
    max_posts: int = 5000
    scroll_idle: float = 2.5  # seconds without new posts before the timeline counts as ended


class PlatformAudit:
    platform: str = ""
    # A setting's label counts only as its own row's label or its own control's name, never as
    # words in help text elsewhere (the readers' `exact` labels; TikTok's pages need it).
    exact_labels: bool = False

    def __init__(self, owner_page, public_page, loader: PageLoader, options: AuditOptions):
        self.owner = owner_page
        self.public = public_page
        self.loader = loader
        self.options = options
        self.account = Account()
        self.pages: dict[str, Loaded] = {}
        self.reads: dict[str, dict] = {}  # setting key -> {"value", "loaded", "label", ...} or {"problem"}

    @property
    def name(self) -> str:
        return PLATFORM_NAMES[self.platform]

    @property
    def spec(self) -> Declaration:
        """What the platform's folder declares: labels, value words, pages, landmarks."""
        return declarations()[self.platform]

    @staticmethod
    def signed_in_name(page) -> str | None:
        """The signed-in person's name on the page sign-in ends on (the home page)."""
        for blob in json_blobs(page) or []:
            # Facebook and Instagram say "NAME"; TikTok's app context "nickName".
            match = re.search(r'"(?:NAME|nickName)"\s*:\s*"([^"]+)"', blob)
            if match:
                return match.group(1)
        return (page_info(page).headings or (None,))[0]

    # -- to implement --------------------------------------------------------------------
    def steps(self) -> list[Step]:
        raise NotImplementedError

    def decide(self) -> list[Finding]:
        raise NotImplementedError

    # -- loading ----------------------------------------------------------------------------
    def load(self, key: str, url: str, *, owner: bool, ready: Ready = SETTLED) -> Loaded:
        """Load one page and wait until it shows one of `ready`'s landmarks (or say why not)."""
        page = self.owner if owner else self.public
        if self.loader.unusable(page):
            page = self._fresh(page, owner)
        loaded = self.loader.load(page, url, owner=owner, ready=ready)
        if loaded.problem and loaded.problem.kind in (ProblemKind.UNRESPONSIVE, ProblemKind.CRASHED):
            self._fresh(page, owner)  # never read a stuck or crashed tab again
        self.pages[key] = loaded
        return loaded

    def _fresh(self, page, owner: bool):
        """A new tab in the same context (same cookies) for one that is stuck or crashed."""
        new = page.context.new_page()
        with contextlib.suppress(Exception):
            page.close(run_before_unload=False)
        if owner:
            self.owner = new
        else:
            self.public = new
        return new

    def prove_own(self, loaded: Loaded, *, paths: list[str], names: list[str], what: str) -> bool:
        """Whether a stranger's view is provably of this account: its final address is the
        account's own (`paths`, compared without case or trailing slash; a path ending in
        "/*" also takes what lies below it) and it names the account (`names`: its name or
        handle, in a heading, the title or the page's first lines). A home, login, guest or
        challenge page, or someone else's page, proves nothing about this account: the page
        then gets a NOT_RECOGNISED problem saying so, and the checks that needed it are
        `unknown` unless other evidence decides them."""
        if not loaded.ok:
            return False
        from urllib.parse import urlsplit

        got = urlsplit(loaded.url).path.rstrip("/").lower() or "/"
        path_ok = False
        for p in paths:
            p = p.lower()
            if p.endswith("/*"):
                base = p[:-2].rstrip("/")
                path_ok |= got == base or got.startswith(base + "/")
            else:
                path_ok |= got == (p.rstrip("/") or "/")
        shown = [norm(h) for h in loaded.info.get("headings") or []] + [norm(loaded.info.get("title"))]
        head = norm(loaded.info.get("text", ""))[:4000]
        wanted = [norm(n) for n in names if n and len(norm(n)) >= 2]
        named = any(any(n in s for s in shown) or n in head for n in wanted)
        if path_ok and named:
            return True
        where = "a different page" if not path_ok else "a page that doesn't name you"
        loaded.problem = PageProblem(
            ProblemKind.NOT_RECOGNISED,
            f"{self.name} showed a stranger {where} instead of {what} "
            f"({loaded.url or loaded.requested}), so it proves nothing about what a stranger can see.",
        )
        return False

    def problem(self, key: str) -> PageProblem | None:
        """Why page `key` gives no evidence (never loaded counts as stopped)."""
        loaded = self.pages.get(key)
        if loaded is None:
            return STOPPED
        return loaded.problem

    def read_switch_setting(self, key: str, loaded: Loaded, labels: list[str], optional: bool = False,
                            others: list[str] = ()) -> SwitchRead | None:
        """Read an on/off setting into self.reads[key]; `optional`: a missing label is no problem.
        `others`: the other settings' labels on the same page (a row never reaches into theirs).
        Labels are matched exactly when the platform says so (`exact_labels`). Returns the read
        (None when the page couldn't be read at all)."""
        if not loaded.ok:
            self.reads[key] = {"problem": loaded.problem.reason}
            return None
        labels = list(labels)
        got = read_switch(self.owner, labels, others, exact=self.exact_labels)
        if got.found and got.state is not None:
            self.reads[key] = {"value": got.state, "loaded": loaded, "label": labels[0]}
        elif not (optional and not got.found):
            self.reads[key] = {"problem": (
                f"'{labels[0]}' showed more than one state, so Boundary can't tell which applies." if got.conflict
                else f"Boundary found '{labels[0]}' but couldn't read whether it is on." if got.found
                else self.unreadable(labels[0], got.problem) if got.problem
                else f"The settings page didn't show '{labels[0]}'. {self.name} may have changed this page; check it by hand.")}
        return got

    def read_choice_setting(self, key: str, loaded: Loaded, labels: list[str], words: dict, optional: bool = False,
                            others: list[str] = ()) -> ChoiceRead | None:
        """Read a one-of-several setting into self.reads[key], its value mapped through `words`."""
        if not loaded.ok:
            self.reads[key] = {"problem": loaded.problem.reason}
            return None
        labels = list(labels)
        got = read_choice(self.owner, labels, words, others, exact=self.exact_labels)
        if got.found and len(got.values) == 1:
            self.reads[key] = {"value": words[got.values[0]], "raw": shown_words(got.values[0]), "loaded": loaded,
                               "label": labels[0]}
        elif len(got.values) > 1:
            self.reads[key] = {"problem": f"'{labels[0]}' showed more than one value, so Boundary can't tell which applies."}
        elif optional and not got.found:
            pass
        else:
            self.reads[key] = {"problem": (
                f"Boundary found '{labels[0]}' but couldn't read its current value." if got.found
                else self.unreadable(labels[0], got.problem) if got.problem
                else f"The settings page didn't show '{labels[0]}'. {self.name} may have changed this page; check it by hand.")}
        return got

    def unreadable(self, label: str, problem: str) -> str:
        """Why a setting whose read the page's answer spoilt has no answer."""
        return f"Boundary couldn't read '{label}': {problem}. Check it by hand on {self.name}."

    # -- declared settings (platform.toml [settings]) --------------------------------------------
    def read_settings_page(self, page: str, what: str = "your settings") -> Loaded:
        """Load one declared settings page, waiting until every setting on it shows its
        label, and read each of them into self.reads[check]."""
        here = self.spec.settings_on(page)
        loaded = self.load(page, self.spec.url(page), owner=True,
                           ready=Ready(what, every=tuple(s.labels.get() for s in here)))
        for setting in here:
            self.read_setting(setting, loaded, [s for s in here if s is not setting])
        return loaded

    def read_setting(self, setting: Setting, loaded: Loaded, others: list[Setting] = (),
                     optional: bool = False) -> SwitchRead | ChoiceRead | None:
        """Read one declared setting, in the page's language, into self.reads[setting.check];
        returns the read (None when nothing could be asked)."""
        language = loaded.language if loaded.ok else DEFAULT_LANGUAGE
        labels = list(setting.labels.get(language))
        if loaded.ok and not labels:
            self.reads[setting.check] = {"problem": language_problem(self.name, language).reason}
            return None
        neighbours = [label for s in others for label in s.labels.get(language)]
        if setting.switch:
            return self.read_switch_setting(setting.check, loaded, labels, optional=optional, others=neighbours)
        return self.read_choice_setting(setting.check, loaded, labels, setting.values.get(language), optional=optional,
                                        others=neighbours)

    def reason(self, check: str, *pages: str) -> str:
        """Why `check` has no answer: its own read's problem, else the first of `pages` that
        had one (the home page last), else "stopped"."""
        got = self.reads.get(check)
        if got and "problem" in got:
            return got["problem"]
        for page in (*pages, "home"):
            if page in self.pages and self.pages[page].problem:
                return self.pages[page].problem.reason
        return STOPPED.reason

    def decide_setting(self, check: str, *pages: str) -> Finding:
        """The verdict of a declared setting from its value alone (wording in platform.toml)."""
        setting = self.spec.settings[check]
        if not (setting.summary or setting.summaries):
            raise LookupError(f"{check} has no 'summary' in platform.toml, so it can't be decided generically")
        got = self.reads.get(check, {})
        if "value" not in got:
            return self.unknown(check, self.reason(check, setting.page, *pages))
        value = got["value"]
        label = got.get("label") or setting.labels.current
        if setting.switch:
            ev = [evidence(Source.SETTING, got["loaded"], f"'{label}' is {'on' if value else 'off'}.")]
        else:
            ev = [evidence(Source.SETTING, got["loaded"], f"'{label}' is set to '{got['raw']}'.")]
        who = setting.who.get(value) or self.spec.who.get(value, "")
        summary = setting.summaries.get(value) or setting.summary
        summary = summary.format(who=who, shown=got.get("raw", ""))
        risky = value in setting.risky
        audience = None if setting.switch else value
        return (self.at_risk if risky else self.ok)(check, summary, ev, audience)

    def decide_closed(self, check: str, closed: bool | None, ev: list[Evidence], why_unknown: str, *,
                      open_text: str, closed_text: str) -> Finding:
        """A check that follows whether the account is closed to strangers (protected,
        private): at risk when open, ok when closed, unknown (with `why_unknown`) when
        neither the setting nor the stranger's view told."""
        if closed is None:
            return self.unknown(check, why_unknown, ev)
        if not closed:
            return self.at_risk(check, open_text, ev, Audience.PUBLIC)
        return self.ok(check, closed_text, ev, Audience.FRIENDS)

    def decide_watchlist(self, check: str, lists: dict[str, list[str]] | None, counts: dict[str, int | None],
                         page: str, people: str, among: str) -> Finding:
        """Whether anyone in the owner's lists matches the private watch list.

        `lists`: the names read from each list ({"followers": [...], ...}; None when they
        couldn't be read); `counts`: how many the platform says each list holds (None: it
        didn't say) — "nobody matches" needs every list read whole. `people`: "friend";
        `among`: "your friends"."""
        if not self.options.watch_list:
            return self.skipped(check, "You haven't given a private watch list of names to look for.")
        if lists is None:
            return self.unknown(check, self.reason(check, page))
        names = list(dict.fromkeys(n for kind in lists.values() for n in kind))
        matches = count_watch_list_matches(names, self.options.watch_list)
        ev = [evidence(Source.OWNER_VIEW, self.pages.get(page),
                       f"Compared {phrasing.plural(len(names), people)} with your watch list of "
                       f"{phrasing.plural(len(self.options.watch_list), 'name')}.")]
        if matches:
            return self.at_risk(check, f"{phrasing.plural(matches, 'person', 'people')} among {among} "
                                       f"{'matches' if matches == 1 else 'match'} a name on your private watch list.", ev)
        for kind, count in counts.items():
            if count is None:
                return self.unknown(check, f"Boundary couldn't tell how many are in your {kind} list, "
                                           "so it can't be sure it compared all of them.", ev)
            if count > len(lists.get(kind, [])):
                return self.unknown(check, f"Boundary could only read {len(lists.get(kind, []))} of your {count} {kind}.", ev)
        return self.ok(check, f"Nobody among {among} matches a name on your private watch list.", ev)

    def scroll_and_read(self, page, read_batch: Callable[[], int], more_js: str,
                        more_arg: Callable[[], object] = lambda: None,
                        nudge: Callable[[], None] | None = None) -> tuple[bool, str | None]:
        """Read a timeline to its end: read what is shown, scroll, wait for more.

        `read_batch()` reads what the page shows and returns how many items are read in all;
        `more_js(arg)` is true once the page shows more. The end counts as reached only when
        nothing more came, nothing failed to load and nothing was still loading: a timeline
        that stops part-way is never taken for a whole one. `nudge()`, if given, runs after
        each scroll (e.g. to press a "Show more" button). Returns (complete, problem).
        """
        failures: list[int] = []
        page.on("requestfailed", lambda r: failures.append(1) if r.resource_type in ("fetch", "xhr") else None)
        page.on("response", lambda r: failures.append(1)
                if r.status >= 400 and r.request.resource_type in ("fetch", "xhr") else None)
        before, idle = -1, 0
        while True:
            total = read_batch()
            if total >= self.options.max_posts:
                return False, f"Boundary read your {total} most recent posts and stopped there."
            idle = idle + 1 if total == before else 0
            before = total
            if idle >= MAX_IDLE_ROUNDS:
                # "More" that never brings anything readable: the end can't be told apart
                # from a page Boundary doesn't understand.
                return False, f"{self.name} kept showing posts Boundary couldn't read, so it couldn't read your whole profile."
            arg = more_arg()
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            if nudge is not None:
                nudge()
            try:
                page.wait_for_function(more_js, arg=arg, timeout=int(self.options.scroll_idle * 1000))
            except Exception:
                if failures:
                    return False, f"{self.name} stopped loading older posts part-way through your profile."
                info = page_info(page)
                if info.problem:
                    return False, f"Boundary couldn't tell whether {self.name} had shown all your posts ({info.problem})."
                if info.busy:
                    return False, f"{self.name} was still loading older posts when Boundary had to stop waiting."
                return True, None

    def signed_out(self) -> bool:
        return any(
            p.problem and p.problem.kind is ProblemKind.LOGIN_WALL
            for key, p in self.pages.items()
            if not key.startswith("public")
        )

    # -- findings ---------------------------------------------------------------------------
    def _finding(self, check: str, status: Status, summary: str, **kw) -> Finding:
        spec = CHECKS[check]
        return Finding(check=check, title=spec.title, status=status, severity=spec.severity, summary=summary, **kw)

    def at_risk(self, check: str, summary: str, evidence: list[Evidence], audience: Audience | None = None,
                details: list[str] | None = None) -> Finding:
        return self._finding(check, Status.AT_RISK, summary, evidence=evidence, audience=audience, details=details or [])

    def ok(self, check: str, summary: str, evidence: list[Evidence], audience: Audience | None = None) -> Finding:
        return self._finding(check, Status.OK, summary, evidence=evidence, audience=audience)

    def unknown(self, check: str, reason: str, evidence: list[Evidence] | None = None) -> Finding:
        return self._finding(
            check, Status.UNKNOWN, "Boundary couldn't check this.", evidence=evidence or [], reason=reason
        )

    def skipped(self, check: str, reason: str) -> Finding:
        return self._finding(check, Status.SKIPPED, "Not checked.", reason=reason)

    def all_unknown(self, reason: str) -> list[Finding]:
        return [self.unknown(c.id, reason) for c in checks_for(self.platform)]


def shown_words(value: str) -> str:
    """A value as read (lower case) put back the way the page shows it: "Anyone on LinkedIn"."""
    return phrasing.shown_words(value, tuple(d.name for d in declarations().values()))


def evidence(source: Source, loaded: Loaded | None, detail: str) -> Evidence:
    return Evidence(source, (loaded.url or loaded.requested) if loaded else "", detail)
