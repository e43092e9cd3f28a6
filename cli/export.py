"""The supervision PDF from the command line: `audit --pdf FILE` and `export-pdf`."""

from __future__ import annotations

import sys
from pathlib import Path

from audits.model import AuditReport
from checklists.builder import Decision, build_checklist
from cli.errors import CannotRun, UsageError, writable
from report.pdf import PdfError, render_pdf, write_pdf
from report.summary import SummaryOptions, build_context
from store.db import StoreError
from store.history import History, nice_date


def add_parser(sub) -> None:
    p = sub.add_parser("export-pdf", help="the supervision PDF of a saved check-up")
    p.add_argument("file", metavar="FILE", help="where to write the PDF")
    p.add_argument("--run", dest="run_id", type=int, metavar="ID", help="which check-up (see 'history'; default: the latest)")
    p.add_argument("--details", action="store_true", help="include your own post extracts and profile entries (own copy only)")
    p.add_argument("--demo", action="store_true", help="from the demo's history")
    p.set_defaults(run=run_export)


def make_pdf(path: Path, report: AuditReport, *, regulator: str, answers=None, decisions=None,
             history: History | None = None, run_id: int | None = None, details: bool = False) -> None:
    checklist = build_checklist(report, answers or {}, decisions or {}, regulator)
    changes, previous_date = None, None
    if history is not None and run_id is not None:
        try:
            diff = history.diff(run_id)
        except StoreError:
            diff = None
        if diff:
            previous, _current, changes = diff
            previous_date = nice_date(previous.started_at)
    context = build_context(report, checklist, changes=changes, previous_date=previous_date,
                            options=SummaryOptions(include_details=details))
    try:
        write_pdf(path, render_pdf(context))
    except PdfError as exc:
        raise CannotRun(str(exc)) from exc


def run_export(args) -> int:
    from checkup.saved import Saved
    from cli.storage import open_store

    target = writable(args.file, "export-pdf")
    try:
        with open_store(args.demo) as store:
            saved = Saved(store)
            finished = [r for r in saved.history.runs() if r.finished_at]
            if not finished:
                raise CannotRun("there is no saved check-up yet: run one first")
            run = finished[-1] if args.run_id is None else next((r for r in finished if r.id == args.run_id), None)
            if run is None:
                raise UsageError(f"--run: there is no finished check-up number {args.run_id} (see 'python main.py history')")
            report = saved.history.report(run.id)
            profile = store.get("profile") or {}
            decisions = {k: Decision.from_json(v) for k, v in (store.get("decisions") or {}).items()}
            make_pdf(target, report, regulator=profile.get("regulator", "other"), answers=store.get("answers") or {},
                     decisions=decisions, history=saved.history, run_id=run.id, details=args.details)
    except StoreError as exc:
        raise CannotRun(str(exc)) from exc
    print(f"Supervision summary of check-up #{run.id} written to {target}" + (" (with your personal details: own copy only)" if args.details else ""))
    return 0


def write_for_audit(path: str, report: AuditReport, regulator: str, history, run_id, details: bool) -> None:
    make_pdf(Path(path), report, regulator=regulator, history=history, run_id=run_id, details=details)
    print(f"Supervision summary written to {path}" + (" (with personal details: own copy only)" if details else ""),
          file=sys.stdout)
