"""The store with real audits: nothing personal in plaintext on disk, and drift between runs."""

from __future__ import annotations

import pytest

from store.db import Store
from store.history import History
from tests.support import audit, needs_keyring, personal_strings

pytestmark = [pytest.mark.browser, pytest.mark.keyring, needs_keyring]


def test_nothing_personal_is_in_plaintext_after_a_full_demo_audit(replicas, isolated_store):
    running = replicas("demo")
    sessions = running.sessions()
    watch_list = ["Jordan Lee", "Casey Morgan"]
    with Store.open_keyring() as store:
        store.put("session:facebook", sessions["facebook"])
        store.put("profile", {"regulator": "swe", "watch_words": ["Northshire County Council"], "watch_list": watch_list})
        history = History(store)
        report, _ = audit(running, watch_list=watch_list)
        run_id = history.begin(report)
        for platform in report.platforms:
            history.checkpoint(run_id, platform)
        history.finish(run_id, report)
    files = [p for p in isolated_store.rglob("*") if p.is_file()]
    assert files
    raw = b"".join(p.read_bytes() for p in files)
    leaks = [s for s in personal_strings("demo", sessions) + watch_list + ["Northshire"]
             if s.encode() in raw or s.lower().encode() in raw]
    assert not leaks


def test_drift_between_two_audits_when_a_setting_changed(replicas, isolated_store):
    running = replicas("demo")
    with Store.open_keyring() as store:
        history = History(store)
        for _ in range(2):
            report, _ = audit(running, only_checks={"facebook.friends_list", "facebook.lookup_phone", "facebook.lookup_email"})
            run_id = history.begin(report)
            history.finish(run_id, report)
            # Between the two check-ups the user hides the friends list and a setting drifts open.
            settings = running.apps["facebook"].persona["facebook"]["settings"]
            settings["friends_list"], settings["lookup_email"] = "Only me", "Everyone"
        previous, current, changes = history.diff()
    kinds = {c.check: c.kind for c in changes}
    assert kinds["facebook.friends_list"] == "fixed"
    assert kinds["facebook.lookup_phone"] == "still_at_risk"
    assert kinds["facebook.lookup_email"] == "newly_at_risk"
    assert any(c.sentence().startswith("Fixed since ") for c in changes)


def test_the_command_line_uses_the_sign_in_the_wizard_saved(replicas, isolated_store, tmp_path):
    import json
    import subprocess
    import sys

    from checkup.saved import Saved
    from checkup.state import AccountState, CheckupState
    from tests.support import ROOT

    running = replicas("demo")
    with Store.open_keyring() as store:
        state = CheckupState()
        account = state.accounts["facebook"]
        account.session, account.display_name, account.state = running.sessions()["facebook"], "Sam Taylor", AccountState.SIGNED_IN
        Saved(store).save_account(state, "facebook")
    out = tmp_path / "r.json"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "audit", "--quiet", "--site",
                             f"facebook={running.sites['facebook']}", "--json", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert json.loads(out.read_text())["platforms"][0]["account"]["display_name"] == "Sam Taylor"
    assert "Saved in your check-up history (#1)" in result.stdout
    history = subprocess.run([sys.executable, str(ROOT / "main.py"), "history"], capture_output=True, text=True, timeout=60)
    assert "#1" in history.stdout and "completed" in history.stdout


def test_export_pdf_from_history(isolated_store, tmp_path):
    import subprocess
    import sys

    from tests.support import ROOT

    # One platform is enough to make a history to export from.
    first = subprocess.run([sys.executable, str(ROOT / "main.py"), "audit", "--demo", "--platform", "facebook",
                            "--quiet", "--regulator", "nmc",
                            "--pdf", str(tmp_path / "now.pdf")], capture_output=True, text=True, timeout=300)
    assert first.returncode == 1, first.stderr
    assert (tmp_path / "now.pdf").read_bytes().startswith(b"%PDF")
    out = tmp_path / "again.pdf"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "export-pdf", "--demo", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "check-up #1" in result.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "What was found" in text
    missing = subprocess.run([sys.executable, str(ROOT / "main.py"), "export-pdf", "--demo", "--run", "99", str(out)],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "no finished check-up number 99" in missing.stderr
