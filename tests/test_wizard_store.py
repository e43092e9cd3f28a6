"""The wizard with the real encrypted store (Secret Service): sessions and history survive a
restart, drift is shown, Forget me forgets, and nothing personal is on disk in plaintext."""

from __future__ import annotations

import pytest

from checkup.flow import PageId
from checkup.state import AccountState, CheckupState
from gui.wizard import BoundaryWizard
from store.db import Store
from tests.support import fill_login, needs_keyring, personal_strings

pytestmark = [pytest.mark.browser, pytest.mark.keyring, needs_keyring]
LONG = 90_000


def open_wizard(qtbot, running):
    # Not the demo mode: a person's own (here: replica) accounts, saved and reloaded.
    state = CheckupState(sites=running.sites, page_timeout=5.0)
    w = BoundaryWizard(state, store=Store.open_keyring(), headless_windows=True)
    qtbot.addWidget(w)
    w.show()
    return w


def run_checkup(qtbot, w):
    w.next()
    w.pages[PageId.ABOUT_YOU].watch_list.setPlainText("Jordan Lee")
    w.next()
    qtbot.waitUntil(lambda: w.state.report is not None and not w.worker.running, timeout=LONG)
    w.next()


def test_sessions_and_history_survive_a_restart(qtbot, replicas, isolated_store):
    running = replicas("demo")
    w = open_wizard(qtbot, running)
    assert "no earlier check-up" in w.pages[PageId.WELCOME].last.text()
    assert "encrypted with a key in your system keyring" in w.pages[PageId.WELCOME].last.text()
    w.next()
    w.pages[PageId.ACCOUNTS].start_sign_in("facebook", on_page=fill_login())
    qtbot.waitUntil(lambda: w.state.accounts["facebook"].state is AccountState.SIGNED_IN and not w.worker.running,
                    timeout=LONG)
    run_checkup(qtbot, w)
    w.done(0)

    running.apps["facebook"].persona["facebook"]["settings"]["friends_list"] = "Only me"  # fixed in between
    w = open_wizard(qtbot, running)
    w.pages[PageId.WELCOME].initializePage()
    assert "Your last check-up was on" in w.pages[PageId.WELCOME].last.text()
    assert w.state.accounts["facebook"].describe() == "Signed in as Sam Taylor"
    assert w.state.profile.watch_list == ["Jordan Lee"]
    w.next()
    run_checkup(qtbot, w)
    drift = w.pages[PageId.RESULTS].drift.text()
    assert "Fixed since" in drift and "Who can see your friends list" in drift
    assert [r.status for r in w.saved.history.runs()] == ["completed", "completed"]

    files = [p for p in isolated_store.rglob("*") if p.is_file()]
    raw = b"".join(p.read_bytes() for p in files)
    session = {"facebook": w.state.accounts["facebook"].session}
    assert not [s for s in personal_strings("demo", session) + ["Jordan Lee"] if s.encode() in raw]

    finish = w.pages[PageId.FINISH]
    finish.forget(confirmed=True)
    assert "Forgotten." in finish.notice.text()
    assert not list(isolated_store.glob("boundary.db*"))
    assert w.state.accounts["facebook"].state is AccountState.NOT_SIGNED_IN
    w.done(0)
