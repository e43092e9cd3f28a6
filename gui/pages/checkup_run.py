"""Check-up: runs in a worker thread with progress, a readable log, and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QProgressBar, QPushButton

from audits.engine import run_audit
from checkup.flow import PageId
from gui.pages.base import Page, text_label


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
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Stop")
        self.cancel_button.setAccessibleName("Stop the check-up")
        self.cancel_button.clicked.connect(self.cancel)
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
        if self.state.report is None and not self.boundary.worker.running:
            self.start()

    def start(self) -> None:
        options = self.state.run_options()
        self.log.clear()
        self.show_notice("")
        names = ", ".join(self.state.accounts[p].name for p in options.platforms)
        self.log.appendPlainText(f"Checking {names}.")
        self.bar.setRange(0, 0)

        def job(cancel, progress):
            return run_audit(options, progress=progress, cancel=cancel)

        self.boundary.worker.start(job, on_progress=self._progress, on_success=self._done,
                                   on_failure=self._failed, on_done=self._finished)
        self._refresh_buttons()

    def cancel(self) -> None:
        self.boundary.worker.cancel.set()
        self.status.setText("Stopping after the current step… what was found so far is kept.")

    def _progress(self, p) -> None:
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
        self.start_button.setText("Run the check-up again" if self.state.report else "Start the check-up")
        self.cancel_button.setEnabled(running)
