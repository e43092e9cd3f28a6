"""Self-check questions: what automation cannot see, answered by the user, never 'verified'."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from checklists.builder import ANSWERS
from checklists.content import content
from checkup.flow import PageId
from gui.pages.base import Page, text_label

LABELS = {"yes": "Yes", "no": "No", "not sure": "Not sure"}


class SelfCheckPage(Page):
    page_id = PageId.SELF_CHECK

    def __init__(self, wizard):
        super().__init__(
            wizard,
            "A few questions for you",
            "Boundary can't see these for itself. Your answers go into your checklist as a self-check. "
            "Skip any you'd rather not answer.",
        )
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.layout_.addWidget(self.scroll, 1)
        self.groups: dict[str, QButtonGroup] = {}

    def initializePage(self) -> None:  # noqa: N802
        audited = {p.platform for p in self.state.report.platforms} if self.state.report else set()
        inner = QWidget()  # rebuilt each time: the questions depend on which accounts were checked
        self.box = QVBoxLayout(inner)
        self.groups.clear()
        for q in content().self_checks.values():
            if q.platforms and not set(q.platforms) & audited:
                continue
            box = QGroupBox()
            box.setAccessibleName(q.question)
            v = QVBoxLayout(box)
            v.addWidget(text_label(q.question))
            row = QHBoxLayout()
            group = QButtonGroup(box)
            for answer in ANSWERS:
                radio = QRadioButton(LABELS[answer])
                radio.setAccessibleName(f"{LABELS[answer]}: {q.question}")
                radio.setChecked(self.state.answers.get(q.id) == answer)
                radio.toggled.connect(lambda on, qid=q.id, a=answer: on and self.answer(qid, a))
                group.addButton(radio)
                row.addWidget(radio)
            row.addStretch()
            v.addLayout(row)
            self.box.addWidget(box)
            self.groups[q.id] = group
        self.box.addStretch()
        self.scroll.setWidget(inner)

    def answer(self, qid: str, answer: str) -> None:
        self.state.answers[qid] = answer
        self.boundary.choices_changed()
