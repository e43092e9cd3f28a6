"""Save PDF for supervision: the options, and your reflections in the CPD form's order."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from report.summary import REFLECTION_PROMPTS, SummaryOptions


class PdfDialog(QDialog):
    def __init__(self, parent, reflections: dict[str, str] | None = None):
        super().__init__(parent)
        self.setWindowTitle("Save a PDF for supervision")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The PDF lists what was found and what you did, for your supervision or CPD record. "
            "By default it holds no post text, names or contact details: only counts and categories.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QCheckBox("Include my own post extracts and profile entries (for my own copy only; "
                                 "every page will say so)")
        layout.addWidget(self.details)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        form = QVBoxLayout(inner)
        note = QLabel("Your reflections (optional; you can also write them by hand on the printout):")
        note.setWordWrap(True)
        form.addWidget(note)
        self.fields: dict[str, QPlainTextEdit] = {}
        for key, title in list(REFLECTION_PROMPTS) + [("wellbeing", "How being visible online affects me (optional)")]:
            label = QLabel(title)
            edit = QPlainTextEdit((reflections or {}).get(key, ""))
            edit.setAccessibleName(title)
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(70)
            label.setBuddy(edit)
            form.addWidget(label)
            form.addWidget(edit)
            self.fields[key] = edit
        scroll.setWidget(inner)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Choose where to save…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def reflections(self) -> dict[str, str]:
        return {key: edit.toPlainText().strip() for key, edit in self.fields.items()}

    def options(self) -> SummaryOptions:
        texts = self.reflections()
        wellbeing = texts.pop("wellbeing", "")
        return SummaryOptions(include_details=self.details.isChecked(), reflections=texts, wellbeing=wellbeing)
