"""`python main.py audit`: the check-up, headless, with a plain-language summary."""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

from audits.browser import BrowserNotFound
from audits.catalog import PLATFORM_NAMES
from audits.engine import Progress, RunOptions, RunStats
from audits.model import AuditReport, Finding, Status
from audits.platforms.base import AuditOptions
from audits.registry import ids as platform_ids
from audits.routing import parse_origin
from audits.sessions import SessionError, load_session_file
from audits.watchwords import default_watch_words, parse_word_file
from checklists.builder import build_checklist, render_text
from checkup.service import Checkup
from cli.errors import CannotRun, UsageError, writable
from report.files import write_atomic
from store.history import History

STATUS_WORDS = {
    Status.AT_RISK: "AT RISK",
    Status.OK: "OK",
    Status.UNKNOWN: "COULDN'T CHECK",
    Status.SKIPPED: "SKIPPED",
}


def add_parser(sub) -> None:
    p = sub.add_parser("audit", help="run the check-up without the wizard")
    p.add_argument("--platform", action="append", default=[], metavar="P", help="facebook, x, instagram, linkedin or tiktok (repeatable; default: every signed-in platform)")
    p.add_argument("--demo", action="store_true", help="start the bundled replica and use its demo accounts")
    p.add_argument("--site", action="append", default=[], metavar="P=ORIGIN", help="serve platform P's hosts from ORIGIN, e.g. facebook=http://127.0.0.1:8701")
    p.add_argument("--session", action="append", default=[], metavar="P=STATE.json", help="a Playwright storage-state file for platform P")
    p.add_argument("--watch-words", metavar="FILE", help="extra watch words, one per line (employer, team, town)")
    p.add_argument("--watch-list", metavar="FILE", help="a private list of names to look for among your connections (only counts are reported)")
    p.add_argument("--regulator", default="other", metavar="ID", help="your regulator, so the checklist cites its standards: swe, hcpc, sssc, scw, niscc, nmc, gmc, nasw or other")
    p.add_argument("--json", metavar="FILE", help="write the JSON report (boundary.audit/1, with the checklist) here")
    p.add_argument("--pdf", metavar="FILE", help="write the supervision PDF here")
    p.add_argument("--pdf-details", action="store_true", help="include your own post extracts and profile entries in the PDF (own copy only)")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for one page (default 20)")
    p.add_argument("--browser", metavar="PATH_OR_CHANNEL", help="the browser to use (default: Chrome, Edge, Playwright's Chromium, system Chromium)")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.add_argument("--resume", action="store_true", help="carry on from a check-up that was stopped part-way")
    p.add_argument("--no-save", action="store_true", help="don't add this check-up to your saved history")
    p.set_defaults(run=run)


def _pairs(values: list[str], flag: str) -> dict[str, str]:
    out = {}
    for value in values:
        platform, sep, rest = value.partition("=")
        platform = platform.strip().lower()
        if not sep or not rest.strip():
            raise UsageError(f"{flag} takes PLATFORM=VALUE, got '{value}'")
        _check_platform(platform)
        out[platform] = rest.strip()
    return out


def _check_platform(platform: str) -> None:
    if platform not in PLATFORM_NAMES:
        raise UsageError(f"unknown platform '{platform}' (choose from {', '.join(PLATFORM_NAMES)})")


def _read_lines(path: str | None, flag: str) -> list[str]:
    if not path:
        return []
    try:
        if Path(path).stat().st_size > MAX_LIST_BYTES:
            raise UsageError(f"{flag}: {path} is too large for a list of words or names")
        lines = parse_word_file(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UsageError(f"{flag}: file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{flag}: can't read {path} as text ({type(exc).__name__})") from exc
    if len(lines) > MAX_LIST_LINES or any(len(line) > MAX_LINE for line in lines) or any("\x00" in x for x in lines):
        raise UsageError(f"{flag}: {path} isn't a list of words or names, one per line "
                         f"(at most {MAX_LIST_LINES} lines of {MAX_LINE} characters)")
    return lines


MAX_LIST_BYTES, MAX_LIST_LINES, MAX_LINE = 1_000_000, 10_000, 200


MAX_TIMEOUT = 600.0  # ten minutes for one page is already far past any real page


def collect_options(args) -> tuple[RunOptions, object, object, str | None]:
    """Everything is validated before anything runs, so bad input writes nothing."""
    for platform in args.platform:
        _check_platform(platform.lower())
    sites: dict[str, str] = {}
    for name, value in os.environ.items():
        if name.startswith("BOUNDARY_SITE_") and value:
            platform = name.removeprefix("BOUNDARY_SITE_").lower()
            _check_platform(platform)
            sites[platform] = value
    sites.update(_pairs(args.site, "--site"))
    try:
        sites = {p: parse_origin(o) for p, o in sites.items()}
    except ValueError as exc:
        raise UsageError(f"--site: {exc}") from exc
    session_files = _pairs(args.session, "--session")
    sessions = {}
    for platform, path in session_files.items():
        try:
            sessions[platform] = load_session_file(platform, path)
        except SessionError as exc:
            raise UsageError(str(exc)) from exc
    words = default_watch_words() + _read_lines(args.watch_words, "--watch-words")
    watch_list = _read_lines(args.watch_list, "--watch-list")
    writable(args.json, "--json")
    writable(args.pdf, "--pdf")
    from checklists.content import content

    if args.regulator not in content().regulators:
        raise UsageError(f"--regulator: unknown regulator '{args.regulator}' (choose from {', '.join(content().regulators)})")
    if not (0 < args.timeout <= MAX_TIMEOUT):  # also refuses nan and inf
        raise UsageError(f"--timeout must be more than 0 and at most {MAX_TIMEOUT:g} seconds, not {args.timeout:g}")

    store, store_problem = None, None
    if not args.no_save or not (sessions or args.demo):
        from cli.storage import open_store
        from store.db import StoreError

        try:
            store = open_store(args.demo)
        except StoreError as exc:
            store_problem = str(exc)
    if store is not None and not args.demo:
        from checkup.saved import saved_session

        for platform in platform_ids():
            saved = saved_session(store, platform)
            if saved and platform not in sessions:
                sessions[platform] = saved

    demo = None
    if args.demo:
        from replicas.demo import start_replicas

        demo = start_replicas("demo")
        for platform, origin in demo.sites.items():
            sites.setdefault(platform, origin)
        for platform, state in demo.sessions().items():
            sessions.setdefault(platform, state)
    platforms = [p.lower() for p in args.platform] or [p for p in platform_ids() if p in sessions]
    for platform in platforms:
        if platform in sites and not _reachable(sites[platform]):
            if demo:
                demo.stop()
            if store:
                store.close()
            raise CannotRun(f"can't reach {sites[platform]} (given for {PLATFORM_NAMES[platform]} with --site): is the replica running?")
    if not sessions:
        if demo:
            demo.stop()
        if store:
            store.close()
        extra = f" (your saved sessions couldn't be opened: {store_problem})" if store_problem else ""
        raise CannotRun(
            "no signed-in accounts: sign in with the wizard ('python main.py'), "
            f"or pass --session PLATFORM=STATE.json, or try --demo{extra}"
        )
    options = RunOptions(
        platforms=platforms,
        sessions=sessions,
        sites=sites,
        audit=AuditOptions(watch_words=words, watch_list=watch_list),
        page_timeout=args.timeout,
        browser=args.browser,
    )
    if args.no_save and store is not None:
        store.close()
        store = None
    return options, demo, store, store_problem


def _reachable(origin: str) -> bool:
    parts = urlsplit(origin)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname, port), timeout=3).close()
        return True
    except OSError:
        return False


def run(args) -> int:
    options, demo, store, store_problem = collect_options(args)
    stats = RunStats()
    history = run_id = None

    def progress(p: Progress) -> None:
        if not args.quiet:
            print(f"  {p}", file=sys.stderr, flush=True)

    try:
        history = History(store) if store is not None else None
        checkup = Checkup(history, options, resume=args.resume)
        run_id = checkup.run_id
        if checkup.note:
            extra = "" if checkup.carried_on else " (Use --resume to carry one on.)"
            print(checkup.note + extra, file=sys.stderr)
        try:
            report = checkup.run(progress, stats=stats)
        except BrowserNotFound as exc:
            raise CannotRun(str(exc)) from exc
        checkup.finish(report)
        if checkup.save_problem:
            store_problem = checkup.save_problem
        checklist = build_checklist(report, regulator=args.regulator)
        print(render_summary(report))
        print()
        print(render_text(checklist))
        if args.json:
            data = report.to_json()
            data["checklist"] = checklist.to_json()
            write_atomic(Path(args.json), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
            print(f"\nReport written to {args.json}")
        if args.pdf:
            from cli.export import write_for_audit

            # The PDF shows what changed since the previous check-up, so it needs the open store.
            write_for_audit(args.pdf, report, args.regulator, history, run_id, args.pdf_details)
    finally:
        if demo:
            demo.stop()
        if store is not None:
            store.close()
    if store is not None and not checkup.save_problem:
        print(f"Saved in your check-up history (#{run_id}): 'python main.py history' lists them.")
    elif not args.no_save and store_problem:
        print(f"\nNot saved in your history: {store_problem}")
    return report.exit_status()


def _line(f: Finding) -> str:
    text = f"  [{STATUS_WORDS[f.status]}] {f.title}: {f.summary}"
    if f.status in (Status.UNKNOWN, Status.SKIPPED) and f.reason:
        text = f"  [{STATUS_WORDS[f.status]}] {f.title}: {f.reason}"
    return text


def render_summary(report: AuditReport) -> str:
    out = [f"Boundary check-up, {report.started_at:%d %B %Y %H:%M} UTC", ""]
    for p in report.platforms:
        counts = {s: sum(1 for f in p.findings if f.status is s) for s in Status}
        who = f" ({p.account.display_name})" if p.account.display_name else ""
        out.append(
            f"{PLATFORM_NAMES[p.platform]}{who}: {counts[Status.AT_RISK]} at risk, {counts[Status.OK]} ok, "
            f"{counts[Status.UNKNOWN]} couldn't check, {counts[Status.SKIPPED]} skipped"
        )
        if p.status.value != "completed":
            out.append(f"  (this platform's check-up is {p.status.value.replace('_', ' ')})")
        order = (Status.AT_RISK, Status.UNKNOWN, Status.OK, Status.SKIPPED)
        for status in order:
            for f in sorted((f for f in p.findings if f.status is status), key=lambda f: ("high", "medium", "low").index(f.severity)):
                out.append(_line(f))
        out.append("")
    c = report.counts()
    out.append(
        f"In total: {c['at_risk']} at risk, {c['ok']} ok, {c['unknown']} couldn't check, {c['skipped']} skipped."
    )
    return "\n".join(out)
