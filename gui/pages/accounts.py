"""Your accounts: sign in (in a browser window), sign out, or leave a platform out."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton

from audits.signin import sign_in
from checkup.flow import PageId
from checkup.state import AccountState
from gui.pages.base import Page, text_label


class AccountsPage(Page):
    page_id = PageId.ACCOUNTS

    def __init__(self, wizard):
        super().__init__(
            wizard,
            "Your accounts",
            "Sign in to the accounts you want to check. A browser window opens on the platform's "
            "own sign-in page; Boundary never sees your password.",
        )
        box = QGroupBox("Accounts")
        grid = QGridLayout(box)
        self.rows = {}
        for n, (platform, account) in enumerate(self.state.accounts.items()):
            name = QLabel(f"<b>{account.name}</b>")
            status = QLabel()
            status.setAccessibleName(f"{account.name} status")
            sign = QPushButton()
            sign.clicked.connect(lambda _=False, p=platform: self.toggle_sign_in(p))
            include = QCheckBox("Include in this check-up")
            include.setChecked(account.included)
            include.toggled.connect(lambda on, p=platform: self.set_included(p, on))
            grid.addWidget(name, n, 0)
            grid.addWidget(status, n, 1)
            grid.addWidget(sign, n, 2)
            grid.addWidget(include, n, 3)
            demo = None
            if self.boundary.demo is not None:
                demo = QPushButton("Use the demo account")
                demo.clicked.connect(lambda _=False, p=platform: self.use_demo(p))
                grid.addWidget(demo, n, 4)
            self.rows[platform] = (status, sign, include, demo)
        grid.setColumnStretch(1, 1)
        self.layout_.addWidget(box)
        self.waiting = QHBoxLayout()
        self.wait_label = text_label("")
        self.cancel_button = QPushButton("Cancel signing in")
        self.cancel_button.clicked.connect(self.cancel_sign_in)
        self.waiting.addWidget(self.wait_label, 1)
        self.waiting.addWidget(self.cancel_button)
        self.layout_.addLayout(self.waiting)
        self.layout_.addWidget(self.notice)
        self.layout_.addStretch()
        self._signing = None
        self.refresh()

    def refresh(self) -> None:
        busy = self.boundary.worker.running
        for platform, (status, sign, include, demo) in self.rows.items():
            account = self.state.accounts[platform]
            status.setText(account.describe())
            signed = account.state is AccountState.SIGNED_IN
            sign.setText("Sign out" if signed else "Sign in")
            sign.setAccessibleName(f"{'Sign out of' if signed else 'Sign in to'} {account.name}")
            sign.setEnabled(not busy)
            include.setAccessibleName(f"Include {account.name} in this check-up")
            if demo:
                demo.setEnabled(not busy and not signed)
                demo.setAccessibleName(f"Use the demo {account.name} account")
        waiting = self._signing is not None
        self.wait_label.setVisible(waiting)
        self.cancel_button.setVisible(waiting)
        self.completeChanged.emit()

    def set_included(self, platform: str, on: bool) -> None:
        self.state.accounts[platform].included = on
        self.refresh()

    def use_demo(self, platform: str) -> None:
        account = self.state.accounts[platform]
        account.session = self.boundary.demo.sessions()[platform]
        account.display_name = self.boundary.demo.apps[platform].persona["person"]["name"]
        account.state = AccountState.SIGNED_IN
        self.boundary.account_changed(platform)
        self.refresh()

    def toggle_sign_in(self, platform: str) -> None:
        account = self.state.accounts[platform]
        if account.state is AccountState.SIGNED_IN:
            account.session, account.display_name = None, None
            account.state = AccountState.NOT_SIGNED_IN
            self.boundary.account_changed(platform)
            self.show_notice(f"Signed out of {account.name}. Boundary has forgotten that session.")
            self.refresh()
            return
        self.start_sign_in(platform)

    def start_sign_in(self, platform: str, on_page=None) -> None:
        account = self.state.accounts[platform]
        self._signing = platform
        self.wait_label.setText(
            f"Waiting for you to sign in to {account.name}… A browser window has opened. "
            "Sign in there as you normally would; it closes by itself when you're done."
        )
        self.show_notice("")
        site = self.state.sites.get(platform)
        headless = self.boundary.headless_windows

        def job(cancel, _progress):
            return sign_in(platform, site=site, headless=headless, cancel=cancel, on_page=on_page)

        self.boundary.worker.start(job, on_success=self._signed_in, on_failure=self._sign_in_failed,
                                   on_done=self._sign_in_done)
        self.refresh()

    def cancel_sign_in(self) -> None:
        self.boundary.worker.cancel.set()

    def _signed_in(self, result) -> None:
        account = self.state.accounts[self._signing]
        account.session = result.storage_state
        account.display_name = result.display_name
        account.state = AccountState.SIGNED_IN
        self.boundary.account_changed(self._signing)
        self.show_notice(f"{account.describe()} on {account.name}.")

    def _sign_in_failed(self, message: str) -> None:
        self.show_notice(message)

    def _sign_in_done(self) -> None:
        self._signing = None
        self.refresh()
