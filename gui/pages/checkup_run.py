"""Check-up: runs in a worker thread with progress, a readable log, and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QProgressBar, QPushButton

from audits.model import PlatformReport
from checkup.flow import PageId
from gui.pages.base import Page, text_label
from store.history import nice_date


class CheckupPage(Page):
    page_id = PageId.CHECKUP

    def __init__(self, wizard):
        super().__init__(
            wizard,
            "Check-up",
            "Boundary is opening your pages in a hidden browser, as you and as a stranger would see them. "
            "It only reads; nothing is changed.",
        )
        self.status = text_label("Ready to start.")
        self.status.setAccessibleName("Progress")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Check-up progress")
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setAccessibleName("What Boundary has done so far")
        buttons = QHBoxLayout()
        self.start_button = QPushButton("Start the check-up")
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button = QPushButton("Stop")
        self.cancel_button.setAccessibleName("Stop the check-up")
        self.cancel_button.clicked.connect(self.cancel)
        self.resume_button = QPushButton("Carry on from where it stopped")
        self.resume_button.clicked.connect(lambda: self.start(resume=True))
        self.resume_button.setVisible(False)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        for w in (self.status, self.bar):
            self.layout_.addWidget(w)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.log, 1)
        self.layout_.addWidget(self.notice)
        self._refresh_buttons()

    def initializePage(self) -> None:  # noqa: N802
        point = self.boundary.saved.resume_point()
        if point and self.state.report is None:
            run, done = point
            self.resume_button.setVisible(True)
            self.status.setText(
                f"A check-up from {nice_date(run.started_at)} was stopped part-way. Carry on from where it "
                "stopped, or start again."
            )
            return
        if self.state.report is None and not self.boundary.worker.running:
            self.start()

    def start(self, resume: bool = False) -> None:
        options = self.state.run_options()
        self.log.clear()
        self.show_notice("")
        self.resume_button.setVisible(False)
        checkup = self.boundary.checkup_started(options, resume)
        if checkup.carried_on or resume:
            done = ", ".join(self.state.accounts[p].name for p in checkup.carried_on) or "nothing yet"
            self.log.appendPlainText(f"Carrying on (already checked: {done}).")
        names = ", ".join(self.state.accounts[p].name for p in options.platforms)
        self.log.appendPlainText(f"Checking {names}.")
        self.bar.setRange(0, 0)

        def job(cancel, progress):
            # Each platform's findings travel back as they are decided, to be saved at once.
            return checkup.run(progress=progress, cancel=cancel, on_platform=progress)

        self.boundary.worker.start(job, on_progress=self._progress, on_success=self._done,
                                   on_failure=self._failed, on_done=self._finished)
        self._refresh_buttons()

    def cancel(self) -> None:
        self.boundary.worker.cancel.set()
        self.status.setText("Stopping after the current step… what was found so far is kept.")

    def _progress(self, p) -> None:
        if isinstance(p, PlatformReport):
            self.boundary.platform_checked(p)
            return
        self.bar.setRange(0, p.total)
        self.bar.setValue(p.step - 1)
        self.status.setText(str(p))
        self.log.appendPlainText(str(p))

    def _done(self, report) -> None:
        self.state.take_report(report)
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        c = report.counts()
        stopped = any(p.status == "incomplete" for p in report.platforms)
        head = "Stopped. " if stopped else "Finished. "
        text = f"{head}{c['at_risk']} at risk, {c['ok']} OK, {c['unknown']} couldn't check. Press Next to see the results."
        self.status.setText(text)
        self.log.appendPlainText(text)
        self.boundary.checkup_finished(report)

    def _failed(self, message: str) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status.setText("The check-up couldn't run.")
        self.show_notice(message + " You can press 'Start the check-up' to try again.")

    def _finished(self) -> None:
        self._refresh_buttons()
        self.completeChanged.emit()

    def _refresh_buttons(self) -> None:
        running = self.boundary.worker.running
        self.start_button.setEnabled(not running)
        self.resume_button.setEnabled(not running)
        self.start_button.setText("Run the check-up again" if self.state.report else "Start the check-up")
        self.cancel_button.setEnabled(running)
