"""The check-up wizard: pages from gui/pages, navigation from checkup.flow."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QSystemTrayIcon, QWizard

from checkup.flow import PageId, previous_page
from checkup.saved import Saved
from checkup.service import Checkup
from checkup.state import CheckupState
from gui.pages.about_you import AboutYouPage
from gui.pages.accounts import AccountsPage
from gui.pages.checklist import ChecklistPage
from gui.pages.checkup_run import CheckupPage
from gui.pages.finish import FinishPage
from gui.pages.results import ResultsPage
from gui.pages.self_check import SelfCheckPage
from gui.pages.welcome import WelcomePage
from gui.reminder_timer import ReminderTimer
from gui.workers import Worker
from store.db import Store, StoreError

PAGES = {
    PageId.WELCOME: WelcomePage,
    PageId.ACCOUNTS: AccountsPage,
    PageId.ABOUT_YOU: AboutYouPage,
    PageId.CHECKUP: CheckupPage,
    PageId.RESULTS: ResultsPage,
    PageId.CHECKLIST: ChecklistPage,
    PageId.SELF_CHECK: SelfCheckPage,
    PageId.FINISH: FinishPage,
}


class BoundaryWizard(QWizard):
    def __init__(self, state: CheckupState | None = None, demo=None, *, store: Store | None = None,
                 headless_windows: bool = False):
        super().__init__()
        self.state = state or CheckupState()
        self.demo = demo  # running replicas, in the demo
        # Without a store (tests of the flow), nothing is saved: the session-only mode.
        self.saved = Saved(store or Store.session_only())
        # Demo sign-ins are made afresh by the replica each time, so only real ones are reloaded.
        self.saved.load_into(self.state, sessions=demo is None)
        self.headless_windows = headless_windows  # tests: sign-in and setting windows without a screen
        self.window_hook = None  # tests: drive the sign-in / setting window (runs in the worker thread)
        self.activate_jobs = True  # tests: write the reminder job's files without starting it
        self.worker = Worker(self)
        self.setWindowTitle("Boundary: privacy check-up")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Close")
        self.pages = {}
        for pid, cls in PAGES.items():
            page = cls(self)
            self.pages[pid] = page
            self.setPage(int(pid), page)
        self.setStartId(int(PageId.WELCOME))
        # 920×660 fits a 1366×768 laptop; with large text scaling, take what the screen has.
        available = self.screen().availableGeometry()
        self.resize(min(920, int(available.width() * 0.95)), min(660, int(available.height() * 0.92)))
        self.worker.finished.connect(self._worker_done)
        self.reminders = ReminderTimer(self.saved, parent=self)
        self.reminders.due.connect(self._check_up_due)
        self.tray = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.style().standardIcon(self.style().StandardPixmap.SP_MessageBoxInformation), self)
            self.tray.setToolTip("Boundary privacy check-up")
            self.tray.messageClicked.connect(self.start_again)
        self.reminders.check()
        # QWizard re-initialises a page only on Next; coming Back must show fresh account states.
        self.currentIdChanged.connect(lambda pid: pid == int(PageId.ACCOUNTS) and self.pages[PageId.ACCOUNTS].refresh())

    # -- hooks the pages call ---------------------------------------------------------------------
    def last_checkup_text(self) -> str:
        return f"{self.saved.last_checkup_text()}\n\n{self.saved.mode_text}"

    def drift_text(self) -> str:
        return self.saved.drift_text()

    def account_changed(self, platform: str) -> None:
        if self.demo is None:
            self.guard(self.saved.save_account, self.state, platform)
        self.pages[PageId.ACCOUNTS].completeChanged.emit()

    def choices_changed(self) -> None:
        self.guard(self.saved.save_choices, self.state)

    def checkup_started(self, options, resume: bool = False):
        """The check-up to run, saved as it goes; if the history can't be written, it still
        runs (the user is told) and its results stay on screen."""
        try:
            return self.saved.begin_run(options, resume)
        except StoreError as exc:
            QMessageBox.warning(self, "Couldn't save", str(exc))
            return Checkup(None, options)

    def platform_checked(self, platform_report) -> None:
        self.guard(self.saved.checkpoint, platform_report)

    def checkup_finished(self, report) -> None:
        self.guard(self.saved.finish_run, report)

    def _check_up_due(self, text: str) -> None:
        if self.tray is not None:
            self.tray.show()
            self.tray.showMessage("Privacy check-up due", f"{text} Click here to start the check-up.")

    def start_again(self) -> None:
        """From the reminder: bring the window forward at the start of a new check-up."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if self.currentId() >= int(PageId.RESULTS) and not self.worker.running:
            self.state.report = None
            self.restart()

    def recheck_saved(self) -> None:
        self.guard(self.saved.update_last_run, self.state.report)

    def guard(self, fn, *args) -> bool:
        """Saving must never cost the user their check-up: a store problem is shown, not raised."""
        if getattr(self, "_closed", False):
            return False
        try:
            fn(*args)
            return True
        except StoreError as exc:
            QMessageBox.warning(self, "Couldn't save", str(exc))
            return False

    def _worker_done(self) -> None:
        if self.currentPage() is None:  # the window has closed
            return
        self.currentPage().completeChanged.emit()
        if self.currentId() == int(PageId.ACCOUNTS):
            self.pages[PageId.ACCOUNTS].refresh()

    # -- navigation -----------------------------------------------------------------------------
    def back(self) -> None:
        prev = previous_page(PageId(self.currentId()))
        if prev is None:
            return
        while self.currentId() != int(prev) and self.currentId() > int(prev):
            super().back()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.worker.running:
            answer = QMessageBox.question(
                self, "Stop and close?",
                "Boundary is still working. Stop and close? Anything already found is kept until you close.",
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.worker.stop()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        if self.worker.running:
            self.worker.stop()
        super().done(result)
        self._closed = True  # results still in flight from the worker are no longer saved
        self.saved.store.close()
