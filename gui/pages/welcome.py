"""Welcome: what Boundary does and doesn't do, and the privacy promise."""

from __future__ import annotations

from checkup.flow import PageId
from gui.pages.base import Page, text_label

INTRO = (
    "Boundary checks what a stranger can actually see on your personal social media: your "
    "posts, your friends list, where you work and live, and whether people can find you by "
    "your email address or phone number. It then gives you a checklist of plain steps to fix "
    "what you want to fix."
)
PROMISE = (
    "<b>Our promise</b><ul>"
    "<li>Nothing leaves this computer. There is no Boundary server or account.</li>"
    "<li>We never see your passwords: you sign in yourself, in a browser window.</li>"
    "<li>The check-up only looks. It never changes a setting, posts or sends anything. "
    "You make any changes yourself.</li>"
    "<li>If something can't be checked, we say so. We never guess that it is fine.</li>"
    "</ul>"
)
NOT = (
    "Boundary is not a guarantee. Anyone who can already see your posts can copy them, and "
    "platforms change their settings. Use the results to talk things through in supervision."
)


class WelcomePage(Page):
    page_id = PageId.WELCOME

    def __init__(self, wizard):
        super().__init__(wizard, "Welcome to Boundary", "A privacy check-up for social workers and care professionals.")
        self.layout_.addWidget(text_label(INTRO))
        self.layout_.addWidget(text_label(PROMISE, rich=True))
        self.layout_.addWidget(text_label(NOT))
        self.last = text_label("")
        self.last.setAccessibleName("Last check-up")
        self.layout_.addWidget(self.last)
        self.layout_.addStretch()

    def initializePage(self) -> None:  # noqa: N802
        self.last.setText(self.boundary.last_checkup_text())
