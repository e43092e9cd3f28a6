"""While Boundary is open: notice when a check-up falls due, and say so in the system tray."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal

from reminders.schedule import next_wake


class ReminderTimer(QObject):
    due = Signal(str)  # the plain-words status

    def __init__(self, saved, clock=dt.datetime.now, parent=None):
        super().__init__(parent)
        self.saved = saved
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.announced = None  # the due date already announced, so it is said once

    def check(self) -> None:
        now = self.clock()
        try:
            settings = self.saved.reminder_settings()
            status = self.saved.reminder_status(now)
        except Exception:  # the store closed or failed: look again later
            self.timer.start(int(3600 * 1000))
            return
        if status.due and self.announced != status.due_on:
            self.announced = status.due_on
            self.due.emit(status.text)
        self.timer.start(max(1000, int(next_wake(status, settings, now).total_seconds() * 1000)))

    @property
    def interval_ms(self) -> int:
        return self.timer.interval()
