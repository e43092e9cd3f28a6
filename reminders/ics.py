"""A calendar reminder (.ics) for people who live in Outlook: a recurring event with an alarm."""

from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Alarm, Calendar, Event

from reminders.schedule import ReminderSettings


def calendar_file(settings: ReminderSettings, first_due: dt.date) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Boundary//Privacy check-up reminder//EN")
    cal.add("version", "2.0")
    event = Event()
    event.add("uid", f"{uuid.uuid4()}@boundary.local")
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("summary", "Privacy check-up (Boundary)")
    event.add("description", "Time for your social media privacy check-up: open Boundary and follow the steps. "
                             "Settings can change without you noticing.")
    event.add("dtstart", dt.datetime.combine(first_due, dt.time(10, 0)))
    event.add("duration", dt.timedelta(minutes=30))
    event.add("rrule", {"freq": "monthly", "interval": settings.every_months})
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "Privacy check-up due")
    alarm.add("trigger", dt.timedelta(minutes=-15))
    event.add_component(alarm)
    cal.add_component(event)
    return cal.to_ical()
