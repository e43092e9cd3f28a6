"""Running a check-up: one browser, two contexts per platform, steps with progress and cancel.

`run_audit` is what the CLI and the wizard's worker thread call. It owns Playwright for
its whole run (Playwright objects never leave this thread) and reports through plain
callbacks: `progress(Progress)` before each step (return False to stop), and
`on_finding(platform, Finding)` as each platform's findings are decided.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from audits.browser import new_context, started_browser
from audits.catalog import CHECKS, PLATFORM_NAMES, checks_for
from audits.model import AuditReport, Finding, PlatformReport, PlatformStatus, Status, utc_now
from audits.pages import PageLoader, Stopped
from audits.platforms.base import AuditOptions
from audits.registry import audit_class, declaration
from audits.routing import SiteRouter

log = logging.getLogger(__name__)


@dataclass
class Progress:
    platform: str
    step: int  # 1-based
    total: int
    label: str

    def __str__(self) -> str:
        return f"{PLATFORM_NAMES[self.platform]}: {self.label}… {self.step} of {self.total}"


@dataclass
class RunOptions:
    platforms: list[str]
    sessions: dict[str, dict]  # platform -> Playwright storage state
    sites: dict[str, str] = field(default_factory=dict)  # platform -> replica origin
    audit: AuditOptions = field(default_factory=AuditOptions)
    page_timeout: float = 20.0
    wait_ready: bool = True  # wait until each page is really there (False: only the readiness benchmark)
    pace: tuple[float, float] = (0.0, 0.0)
    headless: bool = True
    browser: str | None = None
    only_checks: set[str] | None = None  # re-check just these
    resume: dict[str, PlatformReport] = field(default_factory=dict)  # finished platforms of a stopped check-up
    block_types: frozenset[str] = frozenset({"image", "media", "font"})


@dataclass
class RunStats:
    page_loads: dict[str, int] = field(default_factory=dict)
    pages_asked: dict[str, list[str]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per platform
    blocked_hosts: dict[str, list[str]] = field(default_factory=dict)
    browser: str = ""


def run_audit(
    options: RunOptions,
    progress: Callable[[Progress], bool | None] | None = None,
    cancel: threading.Event | None = None,
    on_finding: Callable[[str, Finding], None] | None = None,
    stats: RunStats | None = None,
    on_platform: Callable[[PlatformReport], None] | None = None,
    report: AuditReport | None = None,
) -> AuditReport:
    """Run the check-up. `on_platform` gets each platform's findings as soon as they are
    decided (the store checkpoints them); platforms in `options.resume` are not re-read."""
    cancel = cancel or threading.Event()
    stats = stats if stats is not None else RunStats()
    report = report or AuditReport(started_at=utc_now())
    for platform in options.platforms:
        if platform in options.resume:
            report.platforms.append(options.resume[platform])
    todo = [p for p in options.platforms if p not in options.resume]
    if not todo:
        report.finished_at = utc_now()
        return report
    with started_browser(headless=options.headless, explicit=options.browser) as (browser, choice):
        stats.browser = choice.label
        for platform in todo:
            started = time.perf_counter()
            result = _audit_platform(browser, platform, options, progress, cancel, stats)
            stats.seconds[platform] = time.perf_counter() - started
            report.platforms.append(result)
            if on_platform:
                on_platform(result)
            if on_finding:
                for finding in result.findings:
                    on_finding(platform, finding)
    report.finished_at = utc_now()
    return report


def _wanted(platform: str, options: RunOptions) -> list[str]:
    ids = [c.id for c in checks_for(platform)]
    return [i for i in ids if options.only_checks is None or i in options.only_checks]


def _audit_platform(browser, platform, options: RunOptions, progress, cancel, stats: RunStats) -> PlatformReport:
    wanted = _wanted(platform, options)
    session = options.sessions.get(platform)
    if cancel.is_set():
        return _all(platform, wanted, PlatformStatus.INCOMPLETE, "The check-up was stopped before this was checked.")
    if not session:
        return _all(
            platform,
            wanted,
            PlatformStatus.NOT_SIGNED_IN,
            f"You're not signed in to {PLATFORM_NAMES[platform]} in Boundary, so it couldn't be checked.",
        )
    cls, markers = audit_class(platform), declaration(platform).walls
    origin = options.sites.get(platform)
    owner_router = SiteRouter(platform, origin, options.block_types, timeout=options.page_timeout)
    public_router = SiteRouter(platform, origin, options.block_types, timeout=options.page_timeout)
    owner_ctx = new_context(browser, owner_router, storage_state=session)
    public_ctx = new_context(browser, public_router)
    for ctx in (owner_ctx, public_ctx):
        ctx.set_default_timeout(options.page_timeout * 1000)
    loader = PageLoader(PLATFORM_NAMES[platform], markers, options.page_timeout, options.pace, cancelled=cancel,
                        readiness=options.wait_ready)
    audit = cls(owner_ctx.new_page(), public_ctx.new_page(), loader, options.audit)
    steps = [s for s in audit.steps() if options.only_checks is None or s.checks & set(wanted)]
    stopped = False
    try:
        for n, step in enumerate(steps, 1):
            if cancel.is_set() or (progress and progress(Progress(platform, n, len(steps), step.label)) is False):
                cancel.set()
                stopped = True
                break
            try:
                step.run()
            except Stopped:
                stopped = True
                break
            except Exception as exc:  # a reader that met a page it doesn't understand
                # The step's page keeps whatever was read; checks that needed more are unknown.
                # The type only: messages and tracebacks can quote page text or profile URLs.
                log.warning("%s: step '%s' failed: %s", platform, step.label, type(exc).__name__)
        findings = [f for f in audit.decide() if f.check in wanted]
    finally:
        stats.page_loads[platform] = stats.page_loads.get(platform, 0) + loader.loads
        stats.pages_asked[platform] = stats.pages_asked.get(platform, []) + loader.urls
        stats.blocked_hosts[platform] = owner_router.blocked_hosts + public_router.blocked_hosts
        owner_ctx.close()
        public_ctx.close()
    # Rule 3: every check exactly once, in catalog order.
    by_id = {f.check: f for f in findings}
    ordered = [
        by_id.get(cid)
        or _unknown(cid, "The check-up was stopped before this was checked." if stopped else "Boundary couldn't check this.")
        for cid in wanted
    ]
    status = PlatformStatus.INCOMPLETE if stopped else PlatformStatus.COMPLETED
    if audit.signed_out() and all(f.status is Status.UNKNOWN for f in ordered):
        status = PlatformStatus.NOT_SIGNED_IN
    return PlatformReport(platform, status, audit.account, ordered)


def _unknown(check: str, reason: str) -> Finding:
    spec = CHECKS[check]
    return Finding(check, spec.title, Status.UNKNOWN, spec.severity, "Boundary couldn't check this.", reason=reason)


def _all(platform: str, wanted: list[str], status: PlatformStatus, reason: str) -> PlatformReport:
    return PlatformReport(platform, status, findings=[_unknown(c, reason) for c in wanted])
