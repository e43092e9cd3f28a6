"""The encrypted store: real Secret Service, no keyring, passphrase, faults, history, resume."""

from __future__ import annotations

import os
import stat

import pytest

from store import keys
from store.db import (
    NewerStore,
    Store,
    StoreDamaged,
    StoreError,
    StoreLocked,
    WrongKey,
    forget_everything,
    start_fresh,
)
from store.history import History, compare
from tests.support import needs_keyring


@pytest.fixture
def folder(isolated_store):
    return isolated_store


@pytest.mark.keyring
@needs_keyring
def test_real_keyring_round_trip_and_private_files(folder):
    info = keys.keyring_info()
    assert info.available and "Secret Service" in info.backend
    with Store.open_keyring(folder=folder) as store:
        store.put("session:facebook", {"cookies": [{"name": "xs", "value": "s3cret-xs"}]})
        store.put("profile", {"watch_list": ["Jordan Lee"]})
    with Store.open_keyring(folder=folder) as store:
        assert store.get("session:facebook")["cookies"][0]["value"] == "s3cret-xs"
        assert store.mode == "keyring"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    raw = b"".join(p.read_bytes() for p in folder.iterdir())
    assert b"s3cret-xs" not in raw and b"Jordan Lee" not in raw


@pytest.mark.keyring
@needs_keyring
def test_a_replaced_keyring_entry_is_a_clear_error_and_loses_nothing(folder):
    import base64

    import keyring

    with Store.open_keyring(folder=folder) as store:
        store.put("profile", {"regulator": "swe"})
    before = (folder / "boundary.db").read_bytes()
    keyring.set_password(keys._service(), "store-key", base64.b64encode(os.urandom(32)).decode())
    with pytest.raises(WrongKey, match="doesn't open Boundary's saved data"):
        Store.open_keyring(folder=folder)
    assert (folder / "boundary.db").read_bytes() == before


@pytest.mark.keyring
@needs_keyring
def test_forget_me_removes_everything_and_the_keyring_entry(folder):
    with Store.open_keyring(folder=folder) as store:
        store.put("session:facebook", {"cookies": []})
    removed = forget_everything(folder=folder)
    assert any(r.endswith("boundary.db") for r in removed) and "the store key in your system keyring" in removed
    assert not list(folder.glob("boundary.db*"))
    assert keys.keyring_key("store-key", create=False) is None


def test_no_keyring_backend_says_so_and_never_falls_back_to_plaintext(folder):
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not keys.keyring_info().available
        with pytest.raises(keys.KeyUnavailable, match="no system keyring"):
            Store.open_keyring(folder=folder)
        assert not (folder / "boundary.db").exists()
    finally:
        keyring.set_keyring(previous)


def test_passphrase_mode_and_a_wrong_passphrase(folder):
    with Store.open_passphrase("correct horse", folder=folder) as store:
        store.put("answers", {"self.usernames": "yes"})
    before = (folder / "boundary.db").read_bytes()
    with pytest.raises(WrongKey, match="passphrase doesn't open"):
        Store.open_passphrase("wrong horse", folder=folder)
    assert (folder / "boundary.db").read_bytes() == before
    with Store.open_passphrase("correct horse", folder=folder) as store:
        assert store.get("answers") == {"self.usernames": "yes"}


def test_session_only_mode_writes_nothing(folder):
    store = Store.session_only()
    store.put("session:facebook", {"cookies": []})
    assert store.get("session:facebook") == {"cookies": []} and not store.persistent
    store.close()
    assert not folder.exists() or not any(folder.iterdir())


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_damaged_file_is_reported_and_kept_aside_only_on_request(folder, damage):
    with Store.open_passphrase("pw", folder=folder) as store:
        store.put("profile", {"regulator": "swe"})
    db = folder / "boundary.db"
    data = db.read_bytes()
    db.write_bytes(data[:200] if damage == "truncated" else b"not a database" * 500)
    damaged = db.read_bytes()
    with pytest.raises(StoreDamaged, match="damaged. It has been left as it is"):
        Store.open_passphrase("pw", folder=folder)
    assert db.read_bytes() == damaged
    aside = start_fresh(folder)
    assert aside.read_bytes() == damaged
    with Store.open_passphrase("pw", folder=folder) as store:
        assert store.get("profile") is None


def test_a_newer_schema_is_refused_untouched(folder):
    with Store.open_passphrase("pw", folder=folder) as store:
        store.conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    before = (folder / "boundary.db").read_bytes()
    with pytest.raises(NewerStore, match="newer version of Boundary"):
        Store.open_passphrase("pw", folder=folder)
    assert (folder / "boundary.db").read_bytes() == before


def test_two_instances_at_once(folder):
    with Store.open_passphrase("pw", folder=folder), pytest.raises(StoreLocked, match="already open"):
        Store.open_passphrase("pw", folder=folder)


def test_disk_full_on_write_keeps_what_was_saved(folder):
    with Store.open_passphrase("pw", folder=folder) as store:
        store.put("profile", {"regulator": "swe"})
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # as good as a full disk
        with pytest.raises(StoreError, match="disk is full"):
            store.put("big", {"x": "y" * 200_000})
        assert store.get("profile") == {"regulator": "swe"}
        assert store.get("big") is None


def test_a_value_moved_to_another_row_fails_its_integrity_check(folder):
    with Store.open_passphrase("pw", folder=folder) as store:
        store.put("a", {"v": 1})
        store.put("b", {"v": 2})
        nonce, data = store.conn.execute("SELECT nonce, data FROM secrets WHERE name = 'a'").fetchone()
        store.conn.execute("UPDATE secrets SET nonce = ?, data = ? WHERE name = 'b'", (nonce, data))
        with pytest.raises(StoreDamaged, match="integrity"):
            store.get("b")


def _report(statuses: dict[str, str], day: int):
    import datetime as dt

    from audits.catalog import CHECKS
    from audits.model import (
        AuditReport,
        Evidence,
        Finding,
        PlatformReport,
        PlatformStatus,
        Source,
        Status,
    )

    at = dt.datetime(2026, 8, day, 10, 0, tzinfo=dt.UTC)
    findings = [Finding(c, CHECKS[c].title, Status(s), CHECKS[c].severity, f"summary of {c}",
                        evidence=[Evidence(Source.SETTING, "u", "d")], reason="r" if s == "unknown" else None)
                for c, s in statuses.items()]
    return AuditReport(at, at, [PlatformReport("facebook", PlatformStatus.COMPLETED, findings=findings)])


def test_drift_names_what_changed_since_the_last_check_up():
    before = _report({"facebook.friends_list": "ok", "facebook.lookup_phone": "at_risk",
                      "facebook.search_engines": "at_risk", "facebook.future_posts": "ok"}, 12)
    after = _report({"facebook.friends_list": "at_risk", "facebook.lookup_phone": "ok",
                     "facebook.search_engines": "at_risk", "facebook.future_posts": "unknown"}, 20)
    changes = {c.check: c for c in compare(before, after)}
    assert changes["facebook.friends_list"].kind == "newly_at_risk"
    assert changes["facebook.friends_list"].sentence() == "Changed since 12 August: summary of facebook.friends_list"
    assert changes["facebook.lookup_phone"].kind == "fixed"
    assert changes["facebook.search_engines"].kind == "still_at_risk"
    assert changes["facebook.future_posts"].kind == "newly_unknown"


def test_history_checkpoints_and_resumes_without_repeating_finished_platforms(folder):
    with Store.open_passphrase("pw", folder=folder) as store:
        history = History(store)
        report = _report({"facebook.friends_list": "at_risk"}, 12)
        run_id = history.begin(report)
        history.checkpoint(run_id, report.platforms[0])
        # ...the process is killed here: the run never finishes.
    with Store.open_passphrase("pw", folder=folder) as store:
        history = History(store)
        run, done = history.resume_point()
        assert run.id == run_id and list(done) == ["facebook"]
        from audits.engine import RunOptions, RunStats, run_audit

        stats = RunStats()
        resumed = run_audit(RunOptions(platforms=["facebook"], sessions={}, resume=done), stats=stats)
        assert stats.page_loads == {}  # nothing re-read
        assert resumed.findings()[0].check == "facebook.friends_list"
        history.finish(run_id, resumed)
        assert history.resume_point() is None
        assert [r.status for r in history.runs()] == ["completed"]
