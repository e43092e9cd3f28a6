"""The wizard's navigation as data: which page comes next, and whether the user may move on.

The Qt wizard asks this module; tests drive it without any widgets.
"""

from __future__ import annotations

from enum import IntEnum

from checkup.state import CheckupState


class PageId(IntEnum):
    WELCOME = 0
    ACCOUNTS = 1
    ABOUT_YOU = 2
    CHECKUP = 3
    RESULTS = 4
    CHECKLIST = 5
    SELF_CHECK = 6
    FINISH = 7


ORDER = list(PageId)


def can_leave(page: PageId, state: CheckupState, *, running: bool = False) -> tuple[bool, str]:
    """Whether Next is allowed, and if not, what to tell the user."""
    if page is PageId.ACCOUNTS and not state.ready_platforms():
        return False, "Sign in to at least one account (or use the demo account) to continue."
    if page is PageId.CHECKUP:
        if running:
            return False, "The check-up is still running."
        if state.report is None:
            return False, "Start the check-up to continue."
    return True, ""


def next_page(page: PageId, state: CheckupState) -> PageId | None:
    if page is PageId.FINISH:
        return None
    return ORDER[ORDER.index(page) + 1]


def previous_page(page: PageId) -> PageId | None:
    """Back never returns into a running or finished check-up's start: results stay put."""
    if page in (PageId.WELCOME, PageId.RESULTS):
        return None if page is PageId.WELCOME else PageId.ABOUT_YOU
    return ORDER[ORDER.index(page) - 1]
