"""What a command can end with (contract): exit statuses and the two errors that set them."""

from __future__ import annotations

from pathlib import Path

from report.files import check_writable

EXIT_OK, EXIT_AT_RISK, EXIT_USAGE, EXIT_UNKNOWN, EXIT_CANNOT_RUN = 0, 1, 2, 3, 4


class UsageError(Exception):
    """Bad arguments or bad input: exit 2 with this one-line message."""


class CannotRun(Exception):
    """No browser, no session, store locked: exit 4 with this message."""


def writable(path: str | None, flag: str) -> Path | None:
    """An output file named on the command line, checked before any work starts."""
    if path is None:
        return None
    try:
        return check_writable(path)
    except ValueError as exc:
        raise UsageError(f"{flag} {exc}") from exc
