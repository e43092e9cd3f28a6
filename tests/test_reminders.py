"""Reminders: due dates on a mocked clock, the re-arm, the daily job per OS, `remind`, .ics."""

from __future__ import annotations

import datetime as dt
import plistlib
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from icalendar import Calendar

from reminders import jobs
from reminders.ics import calendar_file
from reminders.schedule import (
    MAX_WAIT,
    ReminderSettings,
    add_months,
    after_checkup,
    next_wake,
    snooze,
    status,
)
from tests.support import needs_keyring

NOW = dt.datetime(2026, 11, 24, 12, 0)
COMMAND = ["/opt/py/bin/python", "/home/sam/boundary/main.py", "remind"]


def test_due_three_months_after_the_last_completed_check_up():
    s = status(ReminderSettings(), dt.date(2026, 10, 1), NOW)
    assert s.due_on == dt.date(2027, 1, 1) and not s.due
    assert s.text == "Your next check-up is due on 1 January 2027."


def test_overdue_and_never_checked():
    overdue = status(ReminderSettings(), dt.date(2026, 8, 1), NOW)
    assert overdue.due and "overdue" in overdue.text
    first = status(ReminderSettings(), None, NOW)
    assert first.due and "haven't done a check-up" in first.text


def test_snoozed_for_a_day_then_due_again():
    settings = snooze(ReminderSettings(), NOW, 1)
    assert not status(settings, dt.date(2026, 8, 1), NOW).due
    assert status(settings, dt.date(2026, 8, 1), NOW + dt.timedelta(days=1, minutes=1)).due
    with pytest.raises(ValueError):
        snooze(settings, NOW, 3)


def test_changed_interval_chosen_date_and_off():
    assert status(ReminderSettings(every_months=1), dt.date(2026, 10, 30), NOW).due_on == dt.date(2026, 11, 30)
    assert status(ReminderSettings(every_months=6), dt.date(2026, 10, 30), NOW).due_on == dt.date(2027, 4, 30)
    on = ReminderSettings(on_date=dt.date(2026, 12, 25))
    assert status(on, dt.date(2026, 11, 1), NOW).due_on == dt.date(2026, 12, 25)
    assert after_checkup(on).on_date is None
    assert status(ReminderSettings(enabled=False), None, NOW).due_on is None
    with pytest.raises(ValueError):
        ReminderSettings(every_months=2)


def test_month_ends_and_settings_round_trip():
    assert add_months(dt.date(2027, 1, 31), 1) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    settings = snooze(ReminderSettings(every_months=6, closed_app_job=True), NOW, 7)
    assert ReminderSettings.from_json(settings.to_json()) == settings


def test_long_intervals_re_arm_at_most_hourly():
    settings = ReminderSettings()
    far = status(settings, dt.date(2026, 11, 1), NOW)  # due in about 3 months: past Qt's 24.8-day limit
    assert next_wake(far, settings, NOW) == MAX_WAIT
    soon = status(settings, dt.date(2026, 8, 25), dt.datetime(2026, 11, 25, 8, 50))
    assert next_wake(soon, settings, dt.datetime(2026, 11, 25, 8, 50)) == dt.timedelta(minutes=10)
    assert next_wake(status(settings, None, NOW), settings, NOW) == dt.timedelta(0)


def test_the_in_app_timer_rearms_and_announces_once(qtbot):
    from gui.reminder_timer import ReminderTimer

    class FakeSaved:
        settings = ReminderSettings()
        last = dt.date(2026, 9, 1)

        def reminder_settings(self):
            return self.settings

        def reminder_status(self, now):
            return status(self.settings, self.last, now)

    clock = [NOW]
    timer = ReminderTimer(FakeSaved(), clock=lambda: clock[0])
    seen = []
    timer.due.connect(seen.append)
    timer.check()
    assert timer.interval_ms == 3600 * 1000 and not seen
    clock[0] = dt.datetime(2026, 12, 1, 10, 0)  # a jump (sleep, clock change): noticed at the next look
    timer.check()
    timer.check()
    assert len(seen) == 1 and "due today" in seen[0]


def test_systemd_unit_and_timer():
    service, timer = jobs.linux_files(__import__("pathlib").Path("/home/sam"), COMMAND, systemd=True)
    assert str(service.path) == "/home/sam/.config/systemd/user/boundary-remind.service"
    assert "ExecStart=/opt/py/bin/python /home/sam/boundary/main.py remind" in service.content.decode()
    text = timer.content.decode()
    assert "OnCalendar=*-*-* 10:00:00" in text and "Persistent=true" in text and "WantedBy=timers.target" in text


def test_xdg_autostart_entry():
    [entry] = jobs.linux_files(__import__("pathlib").Path("/home/sam"), COMMAND, systemd=False)
    assert str(entry.path) == "/home/sam/.config/autostart/boundary-remind.desktop"
    assert "Exec=/opt/py/bin/python /home/sam/boundary/main.py remind" in entry.content.decode()


def test_launch_agent_plist_round_trip():
    [agent] = jobs.macos_files(__import__("pathlib").Path("/Users/sam"), COMMAND)
    assert str(agent.path) == "/Users/sam/Library/LaunchAgents/org.boundary.remind.plist"
    data = plistlib.loads(agent.content)
    assert data["ProgramArguments"] == COMMAND and data["StartCalendarInterval"] == {"Hour": 10, "Minute": 0}
    assert data["Label"] == "org.boundary.remind"


def test_task_scheduler_xml():
    [task] = jobs.windows_files(__import__("pathlib").Path("C:/Users/sam/AppData/Local/Boundary"), COMMAND)
    root = ET.fromstring(task.content.decode("utf-16"))
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    assert root.find("t:Actions/t:Exec/t:Command", ns).text == COMMAND[0]
    assert root.find("t:Actions/t:Exec/t:Arguments", ns).text == '"/home/sam/boundary/main.py" "remind"'
    assert root.find("t:Triggers/t:CalendarTrigger/t:ScheduleByDay/t:DaysInterval", ns).text == "1"
    assert root.find("t:Settings/t:StartWhenAvailable", ns).text == "true"


@pytest.mark.parametrize("systemd", [True, False])
def test_install_and_uninstall_write_and_remove_the_files(tmp_path, systemd):
    done = jobs.install(system="linux", home=tmp_path, folder=tmp_path / "data", activate=False, systemd=systemd)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == (2 if systemd else 1)
    assert all(any(str(p) in line for line in done) for p in written)
    assert any(str(sys.executable) in p.read_text() for p in written)  # the service or the autostart entry
    removed = jobs.uninstall(system="linux", home=tmp_path, folder=tmp_path / "data", activate=False)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len([line for line in removed if line.startswith("Removed")]) == len(written)


def test_the_calendar_file_carries_the_rule_and_the_alarm():
    ics = calendar_file(ReminderSettings(every_months=3), dt.date(2027, 2, 24))
    cal = Calendar.from_ical(ics)
    [event] = cal.walk("VEVENT")
    assert event["RRULE"]["FREQ"] == ["MONTHLY"] and event["RRULE"]["INTERVAL"] == [3]
    assert event.decoded("DTSTART") == dt.datetime(2027, 2, 24, 10, 0)
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"


def _remind(*args):
    from tests.support import ROOT

    env = {k: v for k, v in __import__("os").environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "remind", *args], capture_output=True, text=True,
                          timeout=60, env=env)


@pytest.mark.keyring
@needs_keyring
def test_remind_is_silent_when_nothing_is_due_and_speaks_when_it_is(isolated_store):
    from checkup.saved import Saved
    from store.db import Store

    due = _remind()  # no check-up yet: due now
    assert due.returncode == 0 and due.stdout.startswith("Boundary: You haven't done a check-up")
    with Store.open_keyring() as store:
        saved = Saved(store)
        run = store.start_run(dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        store.finish_run(run, {"finished_at": None, "platforms": []}, "completed")
        saved.save_reminder_settings(replace(ReminderSettings(), every_months=3))
    quiet = _remind()
    assert quiet.returncode == 0 and quiet.stdout == "" and quiet.stderr == ""
    assert "is due on" in _remind("--status").stdout
    assert _remind("--off").stdout.strip() == "Reminders are off."
