"""Boundary: a privacy check-up for social workers. No arguments opens the wizard;
subcommands (`audit`, `replica`, ...) run the same core headless. See README.md."""

import sys

from cli import Desktop, main


def open_wizard(demo: bool) -> int:
    try:
        from gui.app import run_wizard
    except ImportError as exc:
        from cli.errors import CannotRun

        raise CannotRun(f"the wizard can't start here ({exc}); use 'python main.py audit' instead") from exc
    return run_wizard(demo=demo)


def show_reminder(message: str) -> str | None:
    from gui.reminder_dialog import show_reminder as dialog

    return dialog(message)


def run() -> int:
    return main(desktop=Desktop(open_wizard, show_reminder))


if __name__ == "__main__":
    sys.exit(run())
