"""Check-up history: saving runs as they go, listing them, and what changed between two."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from audits.model import AuditReport, PlatformReport, Status
from store.db import RunInfo, Store


@dataclass(frozen=True)
class Change:
    check: str
    title: str
    kind: str  # newly_at_risk | fixed | still_at_risk | newly_unknown
    summary: str
    since: str  # the earlier check-up's date, e.g. "12 August"

    def sentence(self) -> str:
        if self.kind == "newly_at_risk":
            return f"Changed since {self.since}: {self.summary}"
        if self.kind == "fixed":
            return f"Fixed since {self.since}: {self.title}."
        if self.kind == "still_at_risk":
            return f"Still at risk since {self.since}: {self.title}."
        return f"Couldn't be checked this time (it could on {self.since}): {self.title}."


def nice_date(iso: str, today: dt.date | None = None) -> str:
    when = dt.datetime.strptime(iso[:10], "%Y-%m-%d").date()
    today = today or dt.date.today()
    text = f"{when.day} {when:%B}"
    return text if when.year == today.year else f"{text} {when.year}"


def compare(previous: AuditReport, current: AuditReport) -> list[Change]:
    """Per check id: newly at risk, fixed, still at risk, newly unknown (in that order)."""
    before = {f.check: f for f in previous.findings()}
    since = nice_date(previous.started_at.strftime("%Y-%m-%d"))
    order = {"newly_at_risk": 0, "still_at_risk": 1, "newly_unknown": 2, "fixed": 3}
    changes = []
    for f in current.findings():
        old = before.get(f.check)
        if old is None:
            continue
        kind = None
        if f.status is Status.AT_RISK:
            kind = "still_at_risk" if old.status is Status.AT_RISK else "newly_at_risk"
        elif f.status is Status.OK and old.status is Status.AT_RISK:
            kind = "fixed"
        elif f.status is Status.UNKNOWN and old.status is not Status.UNKNOWN:
            kind = "newly_unknown"
        if kind:
            changes.append(Change(f.check, f.title, kind, f.summary, since))
    return sorted(changes, key=lambda c: order[c.kind])


class History:
    def __init__(self, store: Store):
        self.store = store

    def begin(self, report: AuditReport) -> int:
        # A check-up killed before it saved anything leaves a "running" entry; starting a new
        # one closes those (they hold nothing to carry on from).
        self.store.close_empty_runs()
        return self.store.start_run(report.to_json()["started_at"])

    def checkpoint(self, run_id: int, platform: PlatformReport) -> None:
        self.store.save_platform(run_id, platform.to_json())

    def finish(self, run_id: int, report: AuditReport) -> None:
        status = "completed" if all(p.status == "completed" for p in report.platforms) else "incomplete"
        self.store.finish_run(run_id, report.to_json(), status)

    def resume_point(self) -> tuple[RunInfo, dict[str, PlatformReport]] | None:
        """An unfinished check-up and the platforms it had finished, to carry on from."""
        run = self.store.unfinished_run()
        if run is None:
            return None
        saved = {p: PlatformReport.from_json(d) for p, d in self.store.saved_platforms(run.id).items()}
        return run, {p: r for p, r in saved.items() if r.status == "completed"}

    def abandon(self, run_id: int) -> None:
        """Start fresh instead of resuming: keep what was found, as an incomplete check-up."""
        saved = self.store.saved_platforms(run_id)
        run = next(r for r in self.store.runs() if r.id == run_id)
        data = {"schema": "boundary.audit/1", "tool": {"name": "boundary", "version": "0.1.0"},
                "started_at": run.started_at, "finished_at": run.started_at, "platforms": list(saved.values()),
                "summary": {}}
        report = AuditReport.from_json(data)
        self.store.finish_run(run_id, report.to_json(), "incomplete")

    def runs(self) -> list[RunInfo]:
        return self.store.runs()

    def report(self, run_id: int) -> AuditReport | None:
        data = self.store.run_report(run_id)
        return AuditReport.from_json(data) if data else None

    def completed(self) -> list[RunInfo]:
        return [r for r in self.store.runs() if r.status == "completed"]

    def last_completed(self) -> RunInfo | None:
        done = self.completed()
        return done[-1] if done else None

    def diff(self, run_id: int | None = None) -> tuple[RunInfo, RunInfo, list[Change]] | None:
        """Compare a check-up (default: the latest) with the one before it."""
        done = [r for r in self.store.runs() if r.finished_at]
        if run_id is not None:
            done = [r for r in done if r.id <= run_id]
            if not done or done[-1].id != run_id:
                from store.db import StoreError

                raise StoreError(f"There is no finished check-up number {run_id}.")
        if len(done) < 2:
            return None
        previous, current = done[-2], done[-1]
        return previous, current, compare(self.report(previous.id), self.report(current.id))
