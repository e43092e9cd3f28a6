"""Finish: what was fixed today, what is still to do, and what couldn't be checked."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog, QGroupBox, QMessageBox, QPushButton, QVBoxLayout

from checkup.flow import PageId
from gui.pages.base import Page, text_label


class FinishPage(Page):
    page_id = PageId.FINISH

    def __init__(self, wizard):
        super().__init__(wizard, "All done for now", "Here is where you've got to.")
        self.summary = text_label("")
        self.summary.setAccessibleName("Summary of this check-up")
        self.layout_.addWidget(self.summary)
        keep = QGroupBox("Keep a record")
        kl = QVBoxLayout(keep)
        kl.addWidget(text_label(
            "Save the full results as a file for your own records. It contains your personal details, "
            "so keep it somewhere private. (A PDF for supervision, saved history and reminders come next.)"))
        self.save_button = QPushButton("Save the results as a file…")
        self.save_button.clicked.connect(self.save_report)
        kl.addWidget(self.save_button)
        self.layout_.addWidget(keep)
        forget = QGroupBox("Forget me")
        fl = QVBoxLayout(forget)
        fl.addWidget(text_label(
            "Delete every saved sign-in, check-up, answer and setting from this computer, and Boundary's "
            "key from your keyring. Your social media accounts are not touched."))
        self.forget_button = QPushButton("Forget everything Boundary has saved…")
        self.forget_button.clicked.connect(lambda: self.forget())
        fl.addWidget(self.forget_button)
        self.layout_.addWidget(forget)
        self.layout_.addWidget(self.notice)
        self.layout_.addStretch()

    def initializePage(self) -> None:  # noqa: N802
        c = self.state.finish_summary()
        lines = [
            f"Fixed today: {c['fixed_today']}",
            f"Still to do: {c['still_to_do']}",
            f"Accepted by you, with a reason: {c['accepted']}",
            f"Couldn't check (see the checklist for how to check by hand): {c['couldnt_check']}",
            "",
            "Settings can change without you noticing, so check again in a few months.",
        ]
        self.summary.setText("\n".join(lines))

    def forget(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self, "Forget everything?",
                "Delete every saved sign-in, check-up, answer and setting, and the key in your keyring? "
                "This can't be undone.")
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            removed = self.boundary.saved.forget(self.state, demo=self.boundary.demo is not None)
        except OSError as exc:
            self.show_notice(f"Couldn't delete everything: {exc.strerror}.")
            return
        self.show_notice("Forgotten. Removed: " + "; ".join(removed) + ". Nothing more will be saved until you "
                         "restart Boundary.")

    def save_report(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save the results", "boundary-results.json", "JSON files (*.json)")
        if not path:
            return
        from pathlib import Path

        from cli.audit import write_atomic

        data = self.state.report.to_json()
        data["checklist"] = self.state.checklist().to_json()
        try:
            write_atomic(Path(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:
            self.show_notice(f"Couldn't save the file: {exc.strerror}. Nothing was written.")
            return
        self.show_notice(f"Saved to {path}.")
