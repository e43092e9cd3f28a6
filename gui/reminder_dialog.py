"""The small dialog `remind` shows when a check-up is due (Boundary itself is not running)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox


def show_reminder(message: str) -> str | None:
    """Returns 'start', 'day', 'week' or None."""
    app = QApplication.instance() or QApplication([])  # noqa: F841 - needed for the dialog
    box = QMessageBox(QMessageBox.Icon.Information, "Privacy check-up due", message)
    start = box.addButton("Start the check-up", QMessageBox.ButtonRole.AcceptRole)
    day = box.addButton("Remind me tomorrow", QMessageBox.ButtonRole.ActionRole)
    week = box.addButton("Remind me next week", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Close", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return {start: "start", day: "day", week: "week"}.get(box.clickedButton())
