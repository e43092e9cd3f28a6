"""The store under fault: damaged or foreign files, a folder that can't be written, a disk
that fills, a tampered record, a check-up killed early. Each is reported for what it is,
the earlier history is kept and readable wherever it can be, and nothing is changed that
Boundary says it left alone. Real SQLite files; a passphrase store (no keyring needed)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from audits.model import AuditReport, PlatformReport, PlatformStatus, utc_now
from checkup.service import Checkup
from cli import main
from store.db import DB_NAME, Store, StoreDamaged, StoreError
from store.history import History
from tests.support import adversary

PASS = "correct horse battery staple"


def make_store(folder, runs: int = 2) -> None:
    with Store.open_passphrase(PASS, folder=folder) as store:
        history = History(store)
        for _ in range(runs):
            report = AuditReport(started_at=utc_now(), platforms=[PlatformReport("x", PlatformStatus.COMPLETED)])
            run_id = history.begin(report)
            report.finished_at = utc_now()
            history.finish(run_id, report)


def fingerprint(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.name.startswith(DB_NAME)}


def tamper(folder, *statements) -> None:
    conn = sqlite3.connect(folder / DB_NAME)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(("damage", "message"), [
    ("DELETE FROM meta WHERE key = 'kdf_salt'", "passphrase settings can't be read"),
    ("UPDATE meta SET value = 'abc' WHERE key = 'schema_version'", "damaged"),
    (f"UPDATE meta SET value = '{2**30}' WHERE key = 'kdf_n'", "out of range"),
    ("DROP TABLE runs", "damaged"),
])
def test_a_damaged_store_is_a_clear_error_and_is_left_as_it_was(tmp_path, damage, message):
    adversary("store")
    make_store(tmp_path)
    tamper(tmp_path, damage)
    before = fingerprint(tmp_path)
    with pytest.raises(StoreDamaged, match=message):
        Store.open_passphrase(PASS, folder=tmp_path)
    assert fingerprint(tmp_path) == before


def test_a_foreign_sqlite_file_is_not_touched(tmp_path):
    adversary("store")
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("CREATE TABLE photos (id INTEGER, name TEXT)")
    conn.commit()
    conn.close()
    before = fingerprint(tmp_path)
    with pytest.raises(StoreDamaged, match="left as it is"):
        Store.open_passphrase(PASS, folder=tmp_path)
    assert fingerprint(tmp_path) == before  # no journal mode switched, no -wal file made


def test_a_data_folder_that_cant_be_made_is_a_clear_error(tmp_path):
    adversary("store")
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="can't use its data folder"):
        Store.open_passphrase(PASS, folder=tmp_path / "file" / "boundary")


def test_every_command_says_so_when_the_data_folder_cant_be_used(tmp_path, monkeypatch, capsys):
    adversary("store")
    (tmp_path / "file").write_text("x")
    monkeypatch.setenv("BOUNDARY_DATA_DIR", str(tmp_path / "file" / "data"))
    monkeypatch.setenv("BOUNDARY_PASSPHRASE", PASS)
    for args in (["history"], ["history", "--diff"], ["remind", "--status"], ["export-pdf", str(tmp_path / "r.pdf")]):
        assert main(args) == 4, args
        err = capsys.readouterr().err
        assert "data folder" in err and "Traceback" not in err, (args, err)


def test_a_disk_that_fills_during_a_check_up_keeps_the_results_and_the_history(tmp_path):
    adversary("store")
    make_store(tmp_path, runs=1)
    with Store.open_passphrase(PASS, folder=tmp_path) as store:
        history = History(store)
        checkup = Checkup(history, options=_options(), resume=False)
        # SQLite's own "database or disk is full", for real: no page may be added any more.
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        big = PlatformReport("x", PlatformStatus.COMPLETED)
        big.account.display_name = "x" * 200_000  # too big for the pages left
        report = AuditReport(started_at=utc_now(), platforms=[big])
        checkup.checkpoint(big)  # no exception: the check-up goes on
        checkup.finish(report)
        assert "disk is full" in checkup.save_problem
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        assert [r.status for r in history.runs()] == ["completed", "running"]  # the earlier one intact
        assert history.report(1) is not None
    with Store.open_passphrase(PASS, folder=tmp_path) as store:  # space again: the next one tidies up
        Checkup(History(store), options=_options())
        assert [r.status for r in store.runs()] == ["completed", "incomplete", "running"]


def test_one_tampered_record_hides_only_itself(tmp_path, monkeypatch, capsys):
    adversary("store")
    make_store(tmp_path, runs=3)
    tamper(tmp_path, "UPDATE runs SET data = zeroblob(40) WHERE id = 2")
    monkeypatch.setenv("BOUNDARY_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("BOUNDARY_PASSPHRASE", PASS)
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "#1" in out and "#3" in out and "can't be read" in out


def test_a_check_up_killed_before_saving_anything_doesnt_stay_running(tmp_path):
    adversary("store")
    with Store.open_passphrase(PASS, folder=tmp_path) as store:
        store.start_run()  # then the process died
        Checkup(History(store), options=_options())
        assert [r.status for r in store.runs()] == ["incomplete", "running"]


def _options():
    from audits.engine import RunOptions

    return RunOptions(platforms=["x"], sessions={})


@pytest.mark.parametrize(("sqlite_says", "expected"), [
    ("database or disk is full", "the disk is full"),
    ("attempt to write a readonly database", "can't write in its data folder"),
    ("unable to open database file", "can't write in its data folder"),
])
def test_a_full_disk_or_read_only_folder_at_opening_is_not_called_damage(tmp_path, sqlite_says, expected):
    adversary("store")
    from store.db import _open_problem

    problem = _open_problem(sqlite3.OperationalError(sqlite_says), tmp_path / DB_NAME, StoreDamaged("damaged"))
    assert expected in str(problem) and "start fresh" not in str(problem)
    assert not isinstance(problem, StoreDamaged)


def test_the_wizard_is_told_once_when_saving_fails_mid_run(tmp_path):
    from checkup.saved import Saved

    with Store.open_passphrase(PASS, folder=tmp_path) as store:
        saved = Saved(store)
        saved.begin_run(_options())
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        big = PlatformReport("x", PlatformStatus.COMPLETED)
        big.account.display_name = "x" * 200_000
        with pytest.raises(StoreError, match="results stay on screen"):
            saved.checkpoint(big)  # the wizard's guard shows this
        saved.checkpoint(big)  # said once: the check-up goes on quietly
        store.conn.execute("PRAGMA max_page_count = 1073741823")
