"""The wizard end to end (pytest-qt, offscreen) with real headless Chromium against the replica.

Screenshots of every page are saved into test-artifacts/wizard/ for review (not committed).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from checkup.flow import PageId
from checkup.state import AccountState, CheckupState
from gui.wizard import BoundaryWizard
from tests.support import fill_login

pytestmark = pytest.mark.browser
LONG = 90_000  # ms: a whole check-up against the replica takes a few seconds


@pytest.fixture
def wizard(qtbot, replicas):
    running = replicas("demo")
    state = CheckupState(sites=running.sites, demo=True, page_timeout=5.0)
    w = BoundaryWizard(state, demo=running, headless_windows=True)
    qtbot.addWidget(w)
    w.show()
    w.running = running
    yield w
    w.worker.stop()


def shot(w, artifacts, name):
    folder = artifacts / "wizard"
    folder.mkdir(exist_ok=True)
    w.grab().save(str(folder / f"{name}.png"))


def next_page(qtbot, w, expected: PageId):
    qtbot.waitUntil(lambda: w.button(w.WizardButton.NextButton).isEnabled(), timeout=LONG)
    w.next()
    assert w.currentId() == int(expected)


def test_the_whole_demo_check_up_with_one_fix_and_recheck(qtbot, wizard, artifacts, monkeypatch):
    monkeypatch.setenv("HOME", str(artifacts / "home"))  # restored after the test
    w = wizard
    shot(w, artifacts, "1-welcome")
    next_page(qtbot, w, PageId.ACCOUNTS)
    accounts = w.pages[PageId.ACCOUNTS]
    assert not w.button(w.WizardButton.NextButton).isEnabled()  # nothing signed in yet

    # Sign in through the replica's login page, in the sign-in browser.
    accounts.start_sign_in("facebook", on_page=fill_login())
    assert accounts.wait_label.isVisible() and "Waiting for you to sign in" in accounts.wait_label.text()
    qtbot.waitUntil(lambda: w.state.accounts["facebook"].state is AccountState.SIGNED_IN, timeout=LONG)
    qtbot.waitUntil(lambda: not w.worker.running, timeout=LONG)
    status, *_ = accounts.rows["facebook"]
    assert status.text() == "Signed in as Sam Taylor"
    shot(w, artifacts, "2-accounts")
    w.running.apps["facebook"].writes.clear()  # signing in was the user's act; the audit must write nothing

    next_page(qtbot, w, PageId.ABOUT_YOU)
    about = w.pages[PageId.ABOUT_YOU]
    about.regulator.setCurrentIndex(about.regulator.findData("swe"))
    about.watch_list.setPlainText("Jordan Lee")
    shot(w, artifacts, "3-about-you")

    next_page(qtbot, w, PageId.CHECKUP)
    checkup = w.pages[PageId.CHECKUP]
    qtbot.waitUntil(lambda: w.state.report is not None and not w.worker.running, timeout=LONG)
    assert "Finished." in checkup.status.text()
    assert "Facebook: " in checkup.log.toPlainText()
    shot(w, artifacts, "4-checkup")

    next_page(qtbot, w, PageId.RESULTS)
    results = w.pages[PageId.RESULTS]
    top = results.tree.topLevelItem(0)
    assert top.text(0) == "Facebook (Sam Taylor)"
    rows = {top.child(i).text(0): top.child(i).text(1) for i in range(top.childCount())}
    assert rows["Who can see your friends list"] == "At risk: Anyone can see this"
    assert rows["Who can see your future posts"] == "OK: Only friends"
    assert "At risk" in results.detail.toPlainText()
    shot(w, artifacts, "5-results")

    next_page(qtbot, w, PageId.CHECKLIST)
    page = w.pages[PageId.CHECKLIST]
    shot(w, artifacts, "6-checklist")
    select(page, "facebook.friends_list")
    assert "Who can see your friends list" in page.detail.toPlainText() or page.detail.toPlainText()

    def change_setting(p):  # what the user does in the opened browser window
        p.get_by_role("button", name="Edit Who can see your friends list").click()
        p.get_by_role("radio", name="Only me").click()
        p.get_by_role("button", name="Save").click()
        p.wait_for_load_state()

    w.window_hook = change_setting
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.worker.running, timeout=LONG)
    assert w.running.apps["facebook"].persona["facebook"]["settings"]["friends_list"] == "Only me"
    w.running.apps["facebook"].writes.clear()  # that change was the user's act too
    select(page, "facebook.friends_list")
    qtbot.mouseClick(page.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.worker.running, timeout=LONG)
    fixed = w.state.finding("facebook.friends_list")
    assert fixed.status == "ok", (fixed.summary, fixed.reason, fixed.evidence)
    assert w.state.fixed_today == {"facebook.friends_list"}
    assert "Checked again: OK" in page.notice.text()
    assert not any(w.running.writes().values())
    page.accept_risk("My phone number is only given to family.") if select(page, "facebook.lookup_phone") else None
    assert w.state.decisions["facebook.lookup_phone"].reason == "My phone number is only given to family."
    shot(w, artifacts, "6b-checklist-after-fix")

    next_page(qtbot, w, PageId.SELF_CHECK)
    selfcheck = w.pages[PageId.SELF_CHECK]
    first = next(iter(selfcheck.groups))
    selfcheck.groups[first].buttons()[0].setChecked(True)
    assert w.state.answers[first] == "yes"
    shot(w, artifacts, "7-self-check")

    next_page(qtbot, w, PageId.FINISH)
    summary = w.pages[PageId.FINISH].summary.text()
    assert "Fixed today: 1" in summary and "Accepted by you, with a reason: 1" in summary
    shot(w, artifacts, "8-finish")

    # Save the PDF for supervision from the finish page.
    from gui.pdf_dialog import PdfDialog
    from report.summary import SummaryOptions

    dialog = PdfDialog(w, {"learnt": "My friends list was public."})
    dialog.show()
    dialog.grab().save(str(artifacts / "wizard" / "9-pdf-dialog.png"))
    assert dialog.options().reflections["learnt"] == "My friends list was public."
    dialog.close()
    pdf = artifacts / "wizard" / "summary.pdf"
    finish = w.pages[PageId.FINISH]
    finish.save_pdf(path=str(pdf), options=SummaryOptions(reflections={"learnt": "My friends list was public."}))
    qtbot.waitUntil(lambda: not w.worker.running, timeout=LONG)
    assert "Saved the PDF" in finish.notice.text(), finish.notice.text()
    import subprocess

    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "Hide your friends list from strangers. Fixed during this check-up" in text
    assert "My phone number is only given to family." in text

    # Reminders: every 3 months, the daily job (files only, in a scratch home), a calendar file.
    import os
    from pathlib import Path

    from icalendar import Calendar

    home = artifacts / "home"
    os.environ["HOME"] = str(home)
    w.activate_jobs = False
    finish.every.setCurrentIndex(finish.every.findData(3))
    assert "due on" in finish.reminder_text.text()
    finish.job.setChecked(True)
    written = [p for p in home.rglob("boundary-remind*") if p.is_file()]
    assert written and str(written[0]) in finish.notice.text()
    assert w.saved.reminder_settings().closed_app_job
    finish.job.setChecked(False)
    assert not [p for p in home.rglob("boundary-remind*") if p.is_file()]
    finish.save_ics(str(artifacts / "wizard" / "reminder.ics"))
    cal = Calendar.from_ical(Path(artifacts / "wizard" / "reminder.ics").read_bytes())
    assert cal.walk("VEVENT")[0]["RRULE"]["INTERVAL"] == [3]


def select(page, check_id) -> bool:
    tree = page.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            if top.child(j).data(0, Qt.ItemDataRole.UserRole) == check_id:
                tree.setCurrentItem(top.child(j))
                return True
    return False


def use_demo_and_start(qtbot, w):
    w.next()
    w.pages[PageId.ACCOUNTS].use_demo("facebook")
    w.next()
    w.next()


def test_cancel_mid_check_up_keeps_what_was_found(qtbot, wizard):
    w = wizard
    steps = []

    def stop_after_two(p):
        if not hasattr(p, "step"):  # a platform's findings on their way to the store
            return
        steps.append(p.step)
        if p.step == 3:
            w.pages[PageId.CHECKUP].cancel()

    w.worker.progress.connect(stop_after_two)
    use_demo_and_start(qtbot, w)
    qtbot.waitUntil(lambda: w.state.report is not None and not w.worker.running, timeout=LONG)
    assert w.state.report.platforms[0].status == "incomplete"
    assert "Stopped." in w.pages[PageId.CHECKUP].status.text()
    assert w.state.finding("facebook.future_posts").status == "ok"  # found before the stop
    assert max(steps) <= 4


def test_session_expired_is_shown_with_a_way_forward(qtbot, wizard):
    w = wizard
    w.next()
    w.pages[PageId.ACCOUNTS].use_demo("facebook")
    w.running.apps["facebook"].expire_sessions()
    w.next()
    w.next()
    qtbot.waitUntil(lambda: w.state.report is not None and not w.worker.running, timeout=LONG)
    assert w.state.accounts["facebook"].state is AccountState.EXPIRED
    finding = w.state.finding("facebook.future_posts")
    assert finding.status == "unknown" and "Sign in again" in finding.reason
    w.back()
    w.back()
    assert w.currentId() == int(PageId.ACCOUNTS)
    status, *_ = w.pages[PageId.ACCOUNTS].rows["facebook"]
    assert "please sign in again" in status.text()


def chromium_children() -> list[int]:
    """Chromium processes started by this test process (their parent chain leads here)."""
    import os
    from pathlib import Path

    me, found = os.getpid(), []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes()
            if b"chrom" not in cmd.split(b"\0")[0]:
                continue
            pid = int(proc.name)
            while pid > 1:
                stat = (Path("/proc") / str(pid) / "stat").read_text()
                pid = int(stat.rsplit(")", 1)[1].split()[1])
                if pid == me:
                    found.append(int(proc.name))
                    break
        except (OSError, ValueError, IndexError):
            continue
    return found


def test_closing_during_a_check_up_asks_then_stops_cleanly(qtbot, wizard, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    w = wizard
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    use_demo_and_start(qtbot, w)
    qtbot.waitUntil(lambda: bool(chromium_children()), timeout=LONG)
    w.close()
    assert asked and not w.worker.running
    qtbot.waitUntil(lambda: not chromium_children(), timeout=10_000)


def test_no_browser_is_a_readable_message_with_a_way_forward(qtbot, wizard, monkeypatch):
    monkeypatch.setenv("BOUNDARY_BROWSER", "/nonexistent/chrome")
    w = wizard
    use_demo_and_start(qtbot, w)
    page = w.pages[PageId.CHECKUP]
    qtbot.waitUntil(lambda: page.notice.isVisible() and not w.worker.running, timeout=LONG)
    assert "No browser could be started" in page.notice.text()
    assert "try again" in page.notice.text()
    assert "Traceback" not in page.notice.text()
    qtbot.waitUntil(page.start_button.isEnabled, timeout=5000)


def test_linkedin_and_tiktok_check_up_with_a_fix_and_recheck(qtbot, wizard, artifacts):
    w = wizard
    w.next()
    accounts = w.pages[PageId.ACCOUNTS]
    accounts.use_demo("linkedin")
    accounts.use_demo("tiktok")
    next_page(qtbot, w, PageId.ABOUT_YOU)
    next_page(qtbot, w, PageId.CHECKUP)
    qtbot.waitUntil(lambda: w.state.report is not None and not w.worker.running, timeout=LONG)
    next_page(qtbot, w, PageId.RESULTS)
    tree = w.pages[PageId.RESULTS].tree
    tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert tops == ["LinkedIn (Sam Taylor)", "TikTok (Sam)"]
    next_page(qtbot, w, PageId.CHECKLIST)
    page = w.pages[PageId.CHECKLIST]
    assert select(page, "tiktok.private_account")

    def make_private(p):  # what the user does in the opened browser window
        p.get_by_role("switch", name="Private account").click()
        p.get_by_role("button", name="Switch to private").click()
        p.wait_for_function("() => document.querySelector('[role=switch][aria-checked=true]')")

    w.window_hook = make_private
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.worker.running, timeout=LONG)
    assert w.running.apps["tiktok"].persona["tiktok"]["settings"]["private_account"] is True
    w.running.apps["tiktok"].writes.clear()  # the user's own change
    select(page, "tiktok.private_account")
    qtbot.mouseClick(page.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.worker.running, timeout=LONG)
    fixed = w.state.finding("tiktok.private_account")
    assert fixed.status == "ok", (fixed.summary, fixed.reason)
    assert "Checked again: OK" in page.notice.text()
    assert not any(w.running.writes().values())
    shot(w, artifacts, "6c-checklist-tiktok-fixed")
