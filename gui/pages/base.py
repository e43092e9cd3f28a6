"""What every page shares: the check-up state, a readable intro, and the Next guard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizardPage

from checkup.flow import PageId, can_leave


def text_label(text: str, *, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if rich:
        label.setOpenExternalLinks(False)
    return label


class Page(QWizardPage):
    page_id: PageId

    def __init__(self, wizard, title: str, subtitle: str = ""):
        super().__init__()
        self.boundary = wizard
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.layout_ = QVBoxLayout(self)
        self.notice = text_label("")
        self.notice.setAccessibleName("Message")
        self.notice.hide()

    @property
    def state(self):
        return self.boundary.state

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        ok, _ = can_leave(self.page_id, self.state, running=self.boundary.worker.running)
        return ok

    def nextId(self) -> int:  # noqa: N802
        from checkup.flow import next_page

        nxt = next_page(self.page_id, self.state)
        return -1 if nxt is None else int(nxt)
