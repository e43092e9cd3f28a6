"""About you (optional): profession and regulator, watch words, the private watch list."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout

from audits.watchwords import default_watch_words, parse_word_file
from checklists.content import content
from checkup.flow import PageId
from gui.pages.base import Page, text_label


class AboutYouPage(Page):
    page_id = PageId.ABOUT_YOU

    def __init__(self, wizard):
        super().__init__(
            wizard,
            "About you (optional)",
            "This helps Boundary spot posts that link you to your work, and cite the standards that apply to you.",
        )
        form = QFormLayout()
        self.regulator = QComboBox()
        self.regulator.setAccessibleName("Your profession and regulator")
        # Long names must not force a wide window (125-200% scaling on a small laptop).
        self.regulator.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.regulator.setMinimumContentsLength(28)
        for rid, reg in content().regulators.items():
            label = f"{reg.profession} ({reg.name})" if rid != "other" else reg.name
            self.regulator.addItem(label, rid)
        form.addRow("Your profession:", self.regulator)
        self.layout_.addLayout(form)

        # Plain vertical layouts: a wrapped label inside a form row would demand a very wide window.
        words = QGroupBox("Words that link a post to your work")
        wl = QVBoxLayout(words)
        wl.addWidget(text_label(
            "Boundary already looks for these: " + ", ".join(default_watch_words()) + "."))
        self.words = QPlainTextEdit()
        self.words.setAccessibleName("Your own watch words, one per line")
        self.words.setPlaceholderText("Your employer, team and office town, one per line\ne.g. Northshire County Council")
        self.words.setTabChangesFocus(True)
        self.words.setMaximumHeight(90)
        wl.addWidget(QLabel("Add your own:"))
        wl.addWidget(self.words)
        self.layout_.addWidget(words)

        private = QGroupBox("Private watch list (optional)")
        pl = QVBoxLayout(private)
        pl.addWidget(text_label(
            "Names to look for among your friends and followers, for example people you work with "
            "now or have worked with. This list never leaves this computer and never appears in any "
            "report or PDF: Boundary only tells you how many match."))
        self.watch_list = QPlainTextEdit()
        self.watch_list.setAccessibleName("Private watch list of names, one per line")
        self.watch_list.setPlaceholderText("One name per line")
        self.watch_list.setTabChangesFocus(True)
        self.watch_list.setMaximumHeight(90)
        pl.addWidget(QLabel("Names:"))
        pl.addWidget(self.watch_list)
        self.layout_.addWidget(private)
        self.layout_.addStretch()

    def initializePage(self) -> None:  # noqa: N802
        profile = self.state.profile
        self.regulator.setCurrentIndex(max(0, self.regulator.findData(profile.regulator)))
        self.words.setPlainText("\n".join(profile.watch_words))
        self.watch_list.setPlainText("\n".join(profile.watch_list))

    def validatePage(self) -> bool:  # noqa: N802
        profile = self.state.profile
        profile.regulator = self.regulator.currentData()
        profile.watch_words = parse_word_file(self.words.toPlainText())
        profile.watch_list = parse_word_file(self.watch_list.toPlainText())
        self.boundary.choices_changed()
        return True
