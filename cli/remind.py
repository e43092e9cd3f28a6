"""`python main.py remind`: say whether a check-up is due (what the daily job runs), and
manage the schedule, the daily job and the calendar file."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from cli.desktop import DESKTOP
from cli.errors import CannotRun, UsageError, writable
from reminders import jobs
from reminders.ics import calendar_file
from reminders.schedule import INTERVALS, next_due, snooze
from store.db import StoreError, StoreLocked


def add_parser(sub) -> None:
    p = sub.add_parser("remind", help="say whether a privacy check-up is due; manage reminders")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--install", action="store_true", help="add a daily job that reminds you when Boundary is closed")
    g.add_argument("--uninstall", action="store_true", help="remove that daily job")
    g.add_argument("--ics", metavar="FILE", help="write a calendar file (.ics) with the recurring reminder")
    g.add_argument("--status", action="store_true", help="when the next check-up is due")
    p.add_argument("--every", type=int, choices=INTERVALS, help="remind me every 1, 3 or 6 months")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="remind me on this date instead")
    p.add_argument("--off", action="store_true", help="turn reminders off")
    p.add_argument("--snooze", choices=("day", "week"), help="remind me again in a day or a week")
    p.set_defaults(run=run)


def _settings_changed(args) -> bool:
    return any((args.every, args.on, args.off, args.snooze))


def run(args) -> int:
    from checkup.saved import Saved
    from cli.storage import open_store

    if args.install or args.uninstall:
        try:
            done = jobs.install() if args.install else jobs.uninstall()
        except jobs.JobError as exc:
            raise CannotRun(str(exc)) from exc
        for line in done:
            print(line)
        try:
            with open_store() as store:
                saved = Saved(store)
                saved.save_reminder_settings(replace(saved.reminder_settings(), closed_app_job=bool(args.install)))
        except StoreError:
            pass  # the job works either way; the setting only mirrors it for the wizard
        return 0
    writable(args.ics, "--ics")  # before anything is read or changed
    try:
        store = open_store()
    except StoreLocked:
        return 0  # Boundary is open: it reminds the user itself
    except StoreError as exc:
        if _settings_changed(args) or args.status or args.ics:
            raise CannotRun(str(exc)) from exc
        print(f"boundary remind: can't read your saved check-ups ({exc})", file=sys.stderr)
        return 0  # never nag on a locked keyring at login
    with store:
        saved = Saved(store)
        settings = saved.reminder_settings()
        now = dt.datetime.now()
        if _settings_changed(args):
            if args.off:
                settings = replace(settings, enabled=False)
            if args.every:
                settings = replace(settings, enabled=True, every_months=args.every)
            if args.on:
                try:
                    settings = replace(settings, enabled=True, on_date=dt.date.fromisoformat(args.on))
                except ValueError as exc:
                    raise UsageError(f"--on takes a date like 2027-02-24, not '{args.on}'") from exc
            if args.snooze:
                settings = snooze(settings, now, 1 if args.snooze == "day" else 7)
            saved.save_reminder_settings(settings)
        status = saved.reminder_status(now)
        if args.ics:
            due = next_due(settings, saved.last_completed_date(), now.date()) or now.date()
            path = writable(args.ics, "--ics")
            path.write_bytes(calendar_file(settings, due))
            print(f"Calendar reminder written to {path}: every {settings.every_months} month(s) from {due:%d %B %Y}. "
                  "Open it to add it to Outlook or any calendar.")
            return 0
        if args.status or _settings_changed(args):
            print(status.text)
            return 0
        if status.due:
            notify(status.text)
        return 0


def notify(text: str) -> None:
    """A small dialog where there is a desktop, otherwise one line of text."""
    message = f"{text} Open Boundary when you have twenty minutes to check your privacy settings."
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform in ("win32", "darwin"):
        try:
            choice = DESKTOP.show_reminder(message) if DESKTOP.show_reminder else None
        except ImportError:  # Qt isn't installed here
            choice = None
        if choice == "start":
            subprocess.Popen([sys.executable, str(Path(__file__).resolve().parent.parent / "main.py")])
        elif choice in ("day", "week"):
            subprocess.run([sys.executable, str(Path(__file__).resolve().parent.parent / "main.py"), "remind",
                            "--snooze", choice], check=False)
        return
    print(f"Boundary: {message}")
