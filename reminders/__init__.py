"""Reminders to check again: the schedule, the daily job when Boundary is closed, a calendar file.

A reminder only prompts; Boundary never signs in or runs a check-up unattended.
"""
