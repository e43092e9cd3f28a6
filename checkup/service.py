"""Running a check-up and keeping its history: the one way the wizard and the command line do it.

A check-up either carries on a stopped one (`resume=True`: the platforms it finished are
not read again) or starts afresh; a stopped one that isn't carried on stays in the history,
marked incomplete. Each platform's findings are saved as soon as they are decided, so a
crash or a Stop loses at most the platform being read. Without a history (`--no-save`,
or a store that couldn't be opened) it runs the same and keeps nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from audits.engine import Progress, RunOptions, RunStats, run_audit
from audits.model import AuditReport, PlatformReport, utc_now
from store.db import StoreError
from store.history import History, nice_date


class Checkup:
    def __init__(self, history: History | None, options: RunOptions, *, resume: bool = False):
        self.history = history
        self.options = options
        self.report = AuditReport(started_at=utc_now())
        self.run_id: int | None = None
        self.carried_on: list[str] = []  # platforms already checked before a resume
        self.note = ""  # what happened to an earlier, stopped check-up, in plain words
        self.save_problem = ""  # why the results couldn't be saved, if they couldn't
        point = history.resume_point() if history is not None else None
        if point and resume:
            self.run_id, options.resume = point[0].id, point[1]
            self.carried_on = list(point[1])
            self.note = f"Carrying on from the check-up of {nice_date(point[0].started_at)}."
        elif history is not None:
            if point:
                history.abandon(point[0].id)
                self.note = (f"An earlier check-up ({nice_date(point[0].started_at)}) was stopped part-way; "
                             "it is kept in your history.")
            self.run_id = history.begin(self.report)

    def run(self, progress: Callable[[Progress], bool | None] | None = None, cancel: threading.Event | None = None,
            on_platform: Callable[[PlatformReport], None] | None = None, stats: RunStats | None = None) -> AuditReport:
        """Run it. Each platform's findings are checkpointed here, unless `on_platform` takes
        them (the wizard saves them on its own thread: call `checkpoint` from there)."""
        return run_audit(self.options, progress=progress, cancel=cancel, stats=stats,
                         on_platform=on_platform or self.checkpoint, report=self.report)

    def checkpoint(self, platform: PlatformReport) -> None:
        if self.history is not None and self.run_id is not None and not self.save_problem:
            self._save(self.history.checkpoint, self.run_id, platform)

    def finish(self, report: AuditReport) -> None:
        if self.history is not None and self.run_id is not None:
            self._save(self.history.finish, self.run_id, report)

    def _save(self, fn, *args) -> None:
        # A disk that fills (or a store that fails) part-way must never cost the check-up
        # itself: it goes on, its results are still shown and can be exported, and
        # `save_problem` says in plain words why they weren't kept.
        try:
            fn(*args)
        except StoreError as exc:
            self.save_problem = str(exc)
