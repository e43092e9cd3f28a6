"""When the next check-up is due, counted from the last *completed* check-up in the history
(not from when the app started), so restarts and missed days never shift it."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

INTERVALS = (1, 3, 6)  # months
DEFAULT_MONTHS = 3


@dataclass(frozen=True)
class ReminderSettings:
    enabled: bool = True
    every_months: int = DEFAULT_MONTHS
    on_date: dt.date | None = None  # "after a chosen date": the next one is due then instead
    snoozed_until: dt.datetime | None = None
    closed_app_job: bool = False  # the daily job is installed

    def __post_init__(self) -> None:
        if self.every_months not in INTERVALS:
            raise ValueError(f"every_months must be one of {INTERVALS}")

    def to_json(self) -> dict:
        return {
            "enabled": self.enabled,
            "every_months": self.every_months,
            "on_date": self.on_date.isoformat() if self.on_date else None,
            "snoozed_until": self.snoozed_until.isoformat() if self.snoozed_until else None,
            "closed_app_job": self.closed_app_job,
        }

    @classmethod
    def from_json(cls, data: dict | None) -> ReminderSettings:
        if not data:
            return cls()
        return cls(
            enabled=bool(data.get("enabled", True)),
            every_months=int(data.get("every_months", DEFAULT_MONTHS)),
            on_date=dt.date.fromisoformat(data["on_date"]) if data.get("on_date") else None,
            snoozed_until=dt.datetime.fromisoformat(data["snoozed_until"]) if data.get("snoozed_until") else None,
            closed_app_job=bool(data.get("closed_app_job", False)),
        )


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day of the month, or the month's last day (31 January + 1 month = 28/29 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReminderStatus:
    due_on: dt.date | None  # None: reminders are off
    due: bool
    text: str


def next_due(settings: ReminderSettings, last_completed: dt.date | None, today: dt.date) -> dt.date | None:
    if not settings.enabled:
        return None
    if settings.on_date is not None:
        due = settings.on_date
    elif last_completed is not None:
        due = add_months(last_completed, settings.every_months)
    else:
        due = today  # never checked: the first check-up is due now
    return due


def status(settings: ReminderSettings, last_completed: dt.date | None, now: dt.datetime) -> ReminderStatus:
    today = now.date()
    due_on = next_due(settings, last_completed, today)
    if due_on is None:
        return ReminderStatus(None, False, "Reminders are off.")
    snoozed = settings.snoozed_until is not None and settings.snoozed_until > now
    is_due = due_on <= today and not snoozed
    if last_completed is None and settings.on_date is None:
        return ReminderStatus(due_on, is_due, "You haven't done a check-up on this computer yet.")
    when = f"{due_on.day} {due_on:%B %Y}"
    if due_on < today:
        text = f"Your next check-up was due on {when}: it is overdue."
    elif due_on == today:
        text = "Your next check-up is due today."
    else:
        text = f"Your next check-up is due on {when}."
    if snoozed and due_on <= today:
        text += f" Reminder snoozed until {settings.snoozed_until:%d %B, %H:%M}."
    return ReminderStatus(due_on, is_due, text)


def snooze(settings: ReminderSettings, now: dt.datetime, days: int) -> ReminderSettings:
    if days not in (1, 7):
        raise ValueError("snooze for 1 day or 1 week")
    return replace(settings, snoozed_until=now + dt.timedelta(days=days))


def after_checkup(settings: ReminderSettings) -> ReminderSettings:
    """A completed check-up restarts the count: a chosen date and any snooze are used up."""
    return replace(settings, on_date=None, snoozed_until=None)


# Re-arm at least hourly: a Qt timer can't wait longer than about 24.8 days, and looking at
# the wall clock again every hour notices a sleep, a hibernation or a clock change.
MAX_WAIT = dt.timedelta(hours=1)
REMIND_AT = dt.time(9, 0)


def next_wake(status_: ReminderStatus, settings: ReminderSettings, now: dt.datetime) -> dt.timedelta:
    """How long to wait before looking again."""
    if status_.due_on is None:
        return MAX_WAIT
    due_at = dt.datetime.combine(status_.due_on, REMIND_AT)
    if settings.snoozed_until and settings.snoozed_until > due_at:
        due_at = settings.snoozed_until
    return max(dt.timedelta(0), min(due_at - now, MAX_WAIT))
