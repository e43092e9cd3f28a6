"""Loading one page and saying plainly whether it can be read.

`PageLoader.load` navigates, follows the site override's redirect pages, backs off on
HTTP 429, retries transient network errors a bounded number of times, waits until the
page is really there (see `Ready`), and classifies what it got: a login wall, a
checkpoint, an error page, a timeout, a page still loading, a page that doesn't show what
its kind must show, an empty page, a UI language the checks do not read. Each of these
becomes a `PageProblem` with a reason a person can act on; checks that needed the page
then end `unknown`, never `ok`.

Real pages are built by script after the document arrives (a shell, a "Loading"
progressbar or grey skeleton boxes, then the main column). Readers run only once the
page is ready: nothing visible is busy, the DOM has been quiet for a moment, and one of
the landmarks its kind must have (a settings label, the profile's heading, the first
post or the "no posts" state) is on screen.
"""

from __future__ import annotations

import contextlib
import email.utils
import random
import re
import time
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from audits.declaration import Ready, WallMarkers  # noqa: F401 - page kinds are declared data
from audits.reading import (  # noqa: F401 - `read` is used from here too
    RESPOND_MS,
    PageUnresponsive,
    page_info,
    prepare,
    read,
    readiness,
    responsive,
)
from audits.routing import REDIRECT_HEADER

MAX_REDIRECTS = 8
MAX_RATE_LIMIT_TRIES = 3
MAX_RATE_LIMIT_WAIT = 30.0
MAX_NETWORK_TRIES = 3


def norm(text: str | None) -> str:
    """Lower-case, straight apostrophes, single spaces: how readers compare text."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'").replace("\u2026", "...")
    return re.sub(r"\s+", " ", text).strip().lower()


class ProblemKind(StrEnum):
    LOGIN_WALL = "login_wall"
    CHECKPOINT = "checkpoint"
    RATE_LIMITED = "rate_limited"
    HTTP_ERROR = "http_error"
    TIMEOUT = "timeout"
    NETWORK = "network"
    LANGUAGE = "language"
    EMPTY = "empty"
    REDIRECT_LOOP = "redirect_loop"
    NOT_RECOGNISED = "not_recognised"
    UNRESPONSIVE = "unresponsive"  # the page's script never let it answer
    CRASHED = "crashed"  # the browser's tab for the page crashed
    STOPPED = "stopped"


@dataclass(frozen=True)
class PageProblem:
    kind: ProblemKind
    reason: str


SETTLED = Ready()
# Installed in each page before its own scripts run, so that a page that was already quiet
# when the document arrived needn't be watched for a whole quiet period after it (the
# `readiness` reader, audits/readers/page.js, installs the same watch itself if this one is
# missing). The one thing Boundary leaves in a page: hidden, not enumerable.
WATCH_CHANGES_JS = """
(() => {
  if (window.__boundaryQuiet) return;
  const watch = { last: performance.now() };
  Object.defineProperty(window, "__boundaryQuiet", { value: watch, enumerable: false, configurable: true });
  new MutationObserver(() => { watch.last = performance.now(); })
    .observe(document, { subtree: true, childList: true, characterData: true });
})();
"""
# How long the DOM must be still before a page counts as settled. Short: a page that is
# still building adds nodes every few milliseconds; busy markers cover the longer gaps.
QUIET_MS = 120
POLL_MS = 50


@dataclass
class Loaded:
    requested: str
    url: str = ""
    status: int | None = None
    info: dict = field(default_factory=dict)
    problem: PageProblem | None = None
    hops: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def language(self) -> str:
        """The page's UI language ("en" when it doesn't say): "en-GB" -> "en"."""
        return ((self.info.get("lang") or "").lower().replace("_", "-").split("-")[0]) or "en"

    @property
    def text(self) -> str:
        return norm(self.info.get("text", ""))


class Stopped(Exception):
    """The user cancelled; raised between page loads."""


@dataclass
class PageLoader:
    platform_name: str  # "Facebook", for messages
    markers: WallMarkers
    timeout: float = 20.0  # seconds per page load
    pace: tuple[float, float] = (0.0, 0.0)  # polite jittered delay before each load
    cancelled: object = None  # a threading.Event, or None
    sleep: object = time.sleep
    loads: int = 0
    urls: list = field(default_factory=list)  # (context, url) of every page asked for: each once
    # False only in the benchmark that measures what waiting for readiness costs: the old way,
    # reading as soon as the body has any text.
    readiness: bool = True
    _watched: set = field(default_factory=set)  # pages that watch their own changes from the start
    _crashed: set = field(default_factory=set)  # pages whose browser tab crashed

    def _wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.cancelled is not None and self.cancelled.is_set():
                raise Stopped()
            self.sleep(min(left, 0.25))

    def load(self, page, url: str, *, owner: bool, ready: Ready = SETTLED) -> Loaded:
        result = Loaded(requested=url)
        started = time.monotonic()
        self.urls.append(("owner" if owner else "stranger", url))
        lo, hi = self.pace
        if hi > 0:
            self._wait(random.uniform(lo, hi))
        if id(page) not in self._watched:
            self._watched.add(id(page))
            page.on("crash", lambda _page: self._crashed.add(id(page)))
            if self.readiness:
                with contextlib.suppress(Exception):
                    prepare(page, WATCH_CHANGES_JS)
        target, rate_tries, net_tries = url, 0, 0
        while True:
            if self.cancelled is not None and self.cancelled.is_set():
                raise Stopped()
            try:
                self.loads += 1
                response = page.goto(target, wait_until="domcontentloaded", timeout=self.timeout * 1000)
            except Exception as exc:  # Playwright's TimeoutError and Error
                message = str(exc)
                if self.crashed(page) or "crash" in message.split("\n")[0].lower():
                    result.problem = self._crash_problem()
                    return result
                if "Timeout" in type(exc).__name__ or "Timeout" in message.split("\n")[0]:
                    if self._stuck(page):
                        result.problem = self._unresponsive_problem()
                        return result
                    result.problem = PageProblem(
                        ProblemKind.TIMEOUT,
                        f"{self.platform_name} took too long to answer (more than {self.timeout:g} seconds).",
                    )
                    return result
                if "ERR_TIMED_OUT" in message:
                    result.problem = PageProblem(
                        ProblemKind.TIMEOUT,
                        f"{self.platform_name} took too long to answer (more than {self.timeout:g} seconds).",
                    )
                    return result
                net_tries += 1
                if net_tries < MAX_NETWORK_TRIES and "net::ERR_ABORTED" not in message:
                    self._wait(net_tries * 1.0)
                    continue
                result.problem = PageProblem(
                    ProblemKind.NETWORK,
                    f"Couldn't reach {self.platform_name} ({_net_error(message)}). Check the internet connection and try again.",
                )
                return result
            status = response.status if response else None
            redirect = response.headers.get(REDIRECT_HEADER) if response else None
            if redirect:
                result.hops.append(target)
                if redirect in result.hops or len(result.hops) > MAX_REDIRECTS:
                    result.problem = PageProblem(
                        ProblemKind.REDIRECT_LOOP,
                        f"{self.platform_name} kept redirecting this page without ever showing it.",
                    )
                    return result
                target = redirect
                continue
            if status == 429:
                rate_tries += 1
                if rate_tries < MAX_RATE_LIMIT_TRIES:
                    wait = _retry_after(response.headers.get("retry-after"), default=2.0) * rate_tries
                    self._wait(min(wait, MAX_RATE_LIMIT_WAIT))
                    continue
                result.status = status
                result.url = page.url
                result.problem = PageProblem(
                    ProblemKind.RATE_LIMITED,
                    f"{self.platform_name} is limiting how many pages can be opened just now. Try the check-up again later.",
                )
                return result
            break
        result.status = status
        result.url = page.url
        try:
            return self._read_when_ready(page, result, ready, owner, started + self.timeout)
        except PageUnresponsive:
            result.problem = self._unresponsive_problem()
        except Stopped:
            raise
        except Exception:
            if not self.crashed(page):
                raise
            result.problem = self._crash_problem()
        return result

    def _stuck(self, page) -> bool:
        """Whether a page that didn't finish loading is stuck in its own script."""
        try:
            responsive(page, 1000)
        except PageUnresponsive:
            return True  # the audit replaces the tab (PlatformAudit.load)
        except Exception:
            return False
        return False

    def _unresponsive_problem(self) -> PageProblem:
        return PageProblem(
            ProblemKind.UNRESPONSIVE,
            f"{self.platform_name}'s page stopped responding (its script never let it answer), "
            f"so Boundary gave up on it after {RESPOND_MS / 1000:g} seconds.")

    def crashed(self, page) -> bool:
        return id(page) in self._crashed

    def unusable(self, page) -> bool:
        """Whether the page can't be used again (its tab crashed, or it was closed): the audit
        opens a fresh one for the next load."""
        return self.crashed(page) or page.is_closed()

    def _crash_problem(self) -> PageProblem:
        return PageProblem(
            ProblemKind.CRASHED,
            f"The browser's tab crashed while showing this {self.platform_name} page (the page may have used up "
            "the memory it is allowed), so Boundary couldn't read it.")

    def _read_when_ready(self, page, result: Loaded, ready: Ready, owner: bool, deadline: float) -> Loaded:
        if not self.readiness:
            with contextlib.suppress(Exception):
                page.wait_for_function("() => document.body && document.body.innerText.trim().length > 0",
                                       timeout=min(self.timeout, 5.0) * 1000)
            ready = SETTLED
        state = self._settle(page, ready, deadline, landmarks=False) if self.readiness else "ready"
        self.look(page, result, owner, deadline)
        # A blank page may still be building itself (a bare skeleton shows no text at all, and
        # the script that fills it may be gone from the page): wait for it like any other.
        building = result.problem is not None and result.problem.kind is ProblemKind.EMPTY
        if (result.problem is None or building) and (state != "ready" or ready.landmarks or building):
            # A wall or an error page never shows the landmarks: those were classified above.
            # Anything else must show what its kind must show before it is read.
            state = self._settle(page, ready, deadline, landmarks=True)
            self.look(page, result, owner, deadline)
            if result.problem is None and state != "ready":
                result.problem = self._not_ready(state, ready)
        return result

    def look(self, page, result: Loaded, owner: bool, deadline: float | None = None) -> None:
        """What the page says it is, and whether it can be read. A page that moves itself on
        by script while it is asked is asked again, until the deadline."""
        while True:
            try:
                info = page_info(page)
                break
            except (PageUnresponsive, Stopped):
                raise
            except Exception:
                if self.crashed(page) or page.is_closed():
                    raise
                responsive(page, 1000)  # a page stuck in its own script isn't moving on
                if deadline is None or time.monotonic() >= deadline:
                    result.problem = PageProblem(
                        ProblemKind.REDIRECT_LOOP,
                        f"{self.platform_name} kept moving this page on by script without ever letting it be read.")
                    return
                self.sleep(POLL_MS / 1000)
        result.info = info.as_dict()
        result.url = info.url or page.url
        if info.problem:
            result.problem = PageProblem(ProblemKind.NOT_RECOGNISED, f"Boundary couldn't read this {self.platform_name} "
                                                                     f"page: {info.problem}.")
        else:
            result.problem = classify(result, self.markers, self.platform_name, owner=owner)

    def _settle(self, page, ready: Ready, deadline: float, *, landmarks: bool) -> str:
        """Wait until the page is settled (and, with `landmarks`, shows one of them).

        Returns "ready", or why not by the deadline: "busy" (still loading), "changing"
        (never quiet) or "missing" (settled, but without any landmark).
        """
        landmarks_of = {"texts": ready.texts, "selectors": ready.selectors, "every": ready.every} if landmarks else {}
        while True:
            if self.cancelled is not None and self.cancelled.is_set():
                raise Stopped()
            left = deadline - time.monotonic()
            # A page that navigated away mid-read (a script redirect) is "changing": look again.
            state = readiness(page, **landmarks_of, quiet=QUIET_MS)
            if state == "ready":
                return "ready"
            if left <= 0:
                return "ready" if state == "partial" else state
            self.sleep(min(POLL_MS / 1000, max(left, 0)))

    def _not_ready(self, state: str, ready: Ready) -> PageProblem:
        if state == "missing":
            return PageProblem(
                ProblemKind.NOT_RECOGNISED,
                f"{self.platform_name}'s page didn't show {ready.what} as Boundary expects. "
                f"{self.platform_name} may have changed this page; check it by hand.",
            )
        return PageProblem(
            ProblemKind.TIMEOUT,
            f"{self.platform_name} was still loading this page after {self.timeout:g} seconds, "
            "so Boundary couldn't read it.",
        )


def _retry_after(value: str | None, default: float) -> float:
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value)
        return max(0.0, parsed.timestamp() - time.time()) if parsed else default


def _net_error(message: str) -> str:
    match = re.search(r"net::(ERR_[A-Z_]+)", message)
    return match.group(1) if match else "network error"


def classify(loaded: Loaded, markers: WallMarkers, platform_name: str, *, owner: bool) -> PageProblem | None:
    info = loaded.info
    path = urlsplit(loaded.url).path.lower()
    title = norm(info.get("title"))
    text = norm(info.get("text"))
    head = text[:3000]
    if any(part in path for part in markers.checkpoint_paths) or any(
        p in title or p in head for p in markers.checkpoint_phrases
    ):
        return PageProblem(
            ProblemKind.CHECKPOINT,
            f"{platform_name} asked to confirm it's you. Open {platform_name} in your browser, "
            "finish its check, then run the check-up again.",
        )
    walled = (
        any(path.startswith(part) or f"/{part.strip('/')}/" in path for part in markers.login_paths)
        or any(title == t or title.startswith(t) for t in markers.login_titles)
        or (info.get("hasPassword") and any(p in head for p in markers.login_phrases))
    )
    if walled:
        if owner:
            return PageProblem(
                ProblemKind.LOGIN_WALL,
                f"You're not signed in to {platform_name} any more (the session has ended). "
                "Sign in again, then run the check-up again.",
            )
        return PageProblem(
            ProblemKind.LOGIN_WALL,
            f"{platform_name} showed a stranger a login page here, so this view could not be read.",
        )
    if loaded.status is not None and loaded.status >= 400:
        return PageProblem(
            ProblemKind.HTTP_ERROR,
            f"{platform_name} answered with an error (HTTP {loaded.status}) for this page.",
        )
    if any(p in head for p in markers.error_phrases):
        return PageProblem(ProblemKind.HTTP_ERROR, f"{platform_name} said this page isn't available.")
    if not text:
        return PageProblem(ProblemKind.EMPTY, f"{platform_name} sent back an empty page.")
    if loaded.language not in markers.languages:
        return language_problem(platform_name, (info.get("lang") or "").lower())
    return None


def language_problem(platform_name: str, lang: str) -> PageProblem:
    """A page (or a setting) in a UI language the platform's declaration holds no wording for."""
    return PageProblem(
        ProblemKind.LANGUAGE,
        f"This {platform_name} page is in a language Boundary can't read yet ({lang}). "
        f"Set {platform_name}'s language to English (US), run the check-up, then switch back.",
    )
