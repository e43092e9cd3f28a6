"""What only the desktop app can do, handed to the command line by the entry point."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Desktop:
    """What only the desktop app can do. The entry point (main.py) hands these in, so the
    command line never imports the wizard and runs where Qt isn't installed."""

    open_wizard: Callable[[bool], int] | None = None  # (demo) -> exit status
    show_reminder: Callable[[str], str | None] | None = None  # (message) -> "start", "day", "week" or None


DESKTOP = Desktop()
