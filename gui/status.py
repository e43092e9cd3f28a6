"""How a status looks: always an icon and words, never colour alone."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyle

from audits.model import Audience, Status

WORDS = {
    Status.AT_RISK: "At risk",
    Status.OK: "OK",
    Status.UNKNOWN: "Couldn't check",
    Status.SKIPPED: "Not checked",
}
AUDIENCE_WORDS = {
    Audience.PUBLIC: "Anyone can see this",
    Audience.WIDE: "Friends of friends can see this",
    Audience.FRIENDS: "Only friends",
    Audience.ONLY_ME: "Only you",
}
_ICONS = {
    Status.AT_RISK: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.UNKNOWN: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    Status.SKIPPED: QStyle.StandardPixmap.SP_DialogNoButton,
}


def icon(status: Status):
    return QApplication.style().standardIcon(_ICONS[Status(status)])


def label(finding) -> str:
    """'At risk: Anyone can see this' / 'OK: Only friends' / "Couldn't check"."""
    words = WORDS[Status(finding.status)]
    if finding.audience and finding.status in (Status.AT_RISK, Status.OK):
        return f"{words}: {AUDIENCE_WORDS[Audience(finding.audience)]}"
    return words
