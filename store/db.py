"""One encrypted store in the user's data directory.

SQLite in WAL mode. Every sensitive value (sessions, reports, findings, choices, answers,
watch lists) is sealed with AES-GCM; the row's identity is the associated data, so a value
moved to another row fails to open. Only dates, run statuses and the schema version are
plain. Files are 0600 inside a 0700 folder. A damaged file is never overwritten: it is
reported, and set aside only when the user chooses to start fresh.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from store import keys

SCHEMA_VERSION = 1
DB_NAME = "boundary.db"
KEY_CHECK = b"boundary store key check"


class StoreError(Exception):
    """Something about the store, in words a person can act on."""


class StoreLocked(StoreError):
    pass


class StoreDamaged(StoreError):
    pass


class WrongKey(StoreError):
    pass


class NewerStore(StoreError):
    pass


def data_dir(demo: bool = False) -> Path:
    """platformdirs' user data folder (or BOUNDARY_DATA_DIR); the demo keeps its own."""
    override = os.environ.get("BOUNDARY_DATA_DIR")
    if override:
        base = Path(override)
    else:
        import platformdirs

        base = Path(platformdirs.user_data_dir("Boundary", appauthor=False))
    return base / "demo" if demo else base


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Each migration takes the schema from version N-1 to N.
MIGRATIONS = {
    1: [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE secrets (name TEXT PRIMARY KEY, nonce BLOB NOT NULL, data BLOB NOT NULL, updated_at TEXT NOT NULL)",
        "CREATE TABLE runs (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, "
        "status TEXT NOT NULL, nonce BLOB, data BLOB)",
        "CREATE TABLE findings (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, "
        "platform TEXT NOT NULL, nonce BLOB NOT NULL, data BLOB NOT NULL, PRIMARY KEY (run_id, platform))",
    ],
}


@dataclass(frozen=True)
class RunInfo:
    id: int
    started_at: str
    finished_at: str | None
    status: str  # running | completed | incomplete


class _Lock:
    """One Boundary at a time per store: an OS file lock, released if the process dies."""

    def __init__(self, path: Path):
        self.path = path
        self.fh = None

    def acquire(self) -> None:
        self.fh = open(self.path, "a+b")  # noqa: SIM115 - held for the store's lifetime
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(self.fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self.fh.close()
            self.fh = None
            raise StoreLocked(
                "Boundary is already open (in another window or a command line). Close it, then try again."
            ) from exc

    def release(self) -> None:
        if self.fh:
            self.fh.close()
            self.fh = None


class Store:
    """Open with `Store.open_keyring()`, `Store.open_passphrase()` or `Store.session_only()`."""

    def __init__(self, conn: sqlite3.Connection, key: bytes, path: Path | None, lock: _Lock | None, mode: str):
        self.conn = conn
        self.aead = AESGCM(key)
        self.path = path  # None: session only, nothing written to disk
        self.lock = lock
        self.mode = mode  # keyring | passphrase | session_only

    # -- opening -----------------------------------------------------------------------------------
    @staticmethod
    def _prepare(folder: Path) -> tuple[Path, _Lock]:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            folder.chmod(0o700)
        lock = _Lock(folder / "boundary.lock")
        old = os.umask(0o077)
        try:
            lock.acquire()
        finally:
            os.umask(old)
        return folder / DB_NAME, lock

    @staticmethod
    def _connect(path: Path | str) -> sqlite3.Connection:
        old = os.umask(0o077)  # the database, its WAL and shared-memory files: owner only
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            if str(path) != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
        finally:
            os.umask(old)
        return conn

    @staticmethod
    def _inspect(path: Path) -> tuple[int, dict]:
        """The format version and meta of an existing file, read without changing it (a file
        that isn't Boundary's, or is damaged, is left exactly as it was)."""
        damaged = StoreDamaged(
            f"Boundary's saved data can't be read: the file {path} is damaged. It has been left "
            "as it is. You can start fresh (the damaged file is kept aside) or restore a backup.")
        try:
            # With no write-ahead log beside it the file is read as immutable, which creates
            # nothing; a log left by a crash holds part of the data and must be read too.
            wal = Path(f"{path}-wal").exists()
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{'' if wal else '&immutable=1'}", uri=True)
        except sqlite3.OperationalError as exc:
            raise _open_problem(exc, path, damaged) from exc
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables >= REQUIRED_TABLES:
                raise damaged
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.OperationalError as exc:
            raise _open_problem(exc, path, damaged) from exc
        except sqlite3.DatabaseError as exc:
            raise damaged from exc
        finally:
            conn.close()
        version = meta.get("schema_version", "0")
        if not (isinstance(version, str) and version.isdigit()):
            raise damaged
        return int(version), meta

    @classmethod
    def _open(cls, folder: Path, key_for, mode: str) -> Store:
        try:
            path, lock = cls._prepare(folder)
        except OSError as exc:
            raise StoreError(f"Boundary can't use its data folder {folder} ({exc.strerror or exc}). "
                             "Nothing was changed. Check the folder can be written to.") from exc
        try:
            existed = path.exists() and path.stat().st_size > 0
            version, meta = cls._inspect(path) if existed else (0, {})
            # A new store gets its key before any file is made: no key, no file.
            new_key = None if existed else key_for({}, False)
            if version > SCHEMA_VERSION:
                raise NewerStore(
                    f"Boundary's saved data was written by a newer version of Boundary (format {version}). "
                    "Please update Boundary; nothing has been changed."
                )
            if existed and meta.get("key_source", mode) != mode:
                raise WrongKey(
                    f"Boundary's saved data is locked with a {meta.get('key_source')}, not with a {mode}."
                )
            key = key_for(meta, existed) if existed else new_key
            try:
                conn = cls._connect(path)
            except sqlite3.OperationalError as exc:
                raise _open_problem(exc, path, StoreError(f"Boundary couldn't open {path} ({exc}).")) from exc
            store = cls(conn, key, path, lock, mode)
            if existed:
                store._check_key(meta)
                store._migrate(version)
            else:
                store._create(meta_extra=getattr(key_for, "meta", {}))
            for p in folder.glob(DB_NAME + "*"):
                with contextlib.suppress(OSError):
                    p.chmod(0o600)
            return store
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open_keyring(cls, *, demo: bool = False, folder: Path | None = None) -> Store:
        account = "store-key-demo" if demo else "store-key"

        def key_for(meta, existed):
            key = keys.keyring_key(account, create=not existed)
            if key is None:
                raise WrongKey(
                    "Boundary's saved data is here, but its key is no longer in your keyring. Without it the "
                    "data can't be opened. You can start fresh (the old file is kept aside)."
                )
            return key

        return cls._open(folder or data_dir(demo), key_for, "keyring")

    @classmethod
    def open_passphrase(cls, passphrase: str, *, demo: bool = False, folder: Path | None = None) -> Store:
        def key_for(meta, existed):
            if existed:
                return keys.passphrase_key(passphrase, *_kdf_settings(meta))
            salt = os.urandom(16)
            key_for.meta = {"kdf": "scrypt", "kdf_salt": salt.hex(), "kdf_n": str(keys.SCRYPT_N),
                            "kdf_r": str(keys.SCRYPT_R), "kdf_p": str(keys.SCRYPT_P)}
            return keys.passphrase_key(passphrase, salt)

        return cls._open(folder or data_dir(demo), key_for, "passphrase")

    @classmethod
    def session_only(cls) -> Store:
        """Nothing is written to disk; everything is gone when Boundary closes."""
        store = cls(cls._connect(":memory:"), os.urandom(keys.KEY_BYTES), None, None, "session_only")
        store._create()
        return store

    def _create(self, meta_extra: dict | None = None) -> None:
        with self._write():
            for version in sorted(MIGRATIONS):
                for statement in MIGRATIONS[version]:
                    self.conn.execute(statement)
            nonce, sealed = self._seal(KEY_CHECK, b"key-check")
            meta = {"schema_version": str(SCHEMA_VERSION), "key_source": self.mode,
                    "key_check": (nonce + sealed).hex(), "created_at": _now(), **(meta_extra or {})}
            self.conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())

    def _migrate(self, version: int) -> None:
        if version == SCHEMA_VERSION:
            return
        with self._write():
            for v in range(version + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[v]:
                    self.conn.execute(statement)
            self.conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))

    def _check_key(self, meta: dict) -> None:
        try:
            blob = bytes.fromhex(meta["key_check"])
            if self.aead.decrypt(blob[:12], blob[12:], b"key-check") != KEY_CHECK:
                raise InvalidTag
        except (InvalidTag, KeyError, ValueError) as exc:
            if self.mode == "passphrase":
                raise WrongKey("That passphrase doesn't open Boundary's saved data. Nothing was changed; try again.") from exc
            raise WrongKey(
                "The key in your keyring doesn't open Boundary's saved data (it may have been replaced). "
                "Nothing was changed. You can start fresh; the old file is kept aside."
            ) from exc

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()
        if self.lock:
            self.lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def persistent(self) -> bool:
        return self.path is not None

    # -- sealing -----------------------------------------------------------------------------------
    def _seal(self, plain: bytes, aad: bytes) -> tuple[bytes, bytes]:
        nonce = os.urandom(12)
        return nonce, self.aead.encrypt(nonce, plain, aad)

    def _open_value(self, nonce: bytes, data: bytes, aad: bytes):
        try:
            return json.loads(self.aead.decrypt(nonce, data, aad))
        except InvalidTag as exc:
            raise StoreDamaged("A saved item failed its integrity check and can't be trusted.") from exc

    @contextlib.contextmanager
    def _write(self):
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._explain(exc) from exc
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise self._explain(exc) from exc
            raise

    @staticmethod
    def _explain(exc: sqlite3.OperationalError) -> StoreError:
        text = str(exc).lower()
        if "full" in text:
            return StoreError("Couldn't save: the disk is full. Nothing saved earlier was lost; free some space and try again.")
        if "locked" in text or "busy" in text:
            return StoreLocked("Boundary's saved data is busy in another window. Try again in a moment.")
        return StoreError(f"Couldn't save ({exc}). Nothing saved earlier was lost.")

    # -- values: sessions, profile, decisions, answers, reminder settings ---------------------------
    def put(self, name: str, value) -> None:
        nonce, sealed = self._seal(json.dumps(value).encode(), f"secret:{name}".encode())
        with self._write():
            self.conn.execute(
                "INSERT INTO secrets VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                "nonce = excluded.nonce, data = excluded.data, updated_at = excluded.updated_at",
                (name, nonce, sealed, _now()),
            )

    def get(self, name: str, default=None):
        row = self.conn.execute("SELECT nonce, data FROM secrets WHERE name = ?", (name,)).fetchone()
        return default if row is None else self._open_value(row[0], row[1], f"secret:{name}".encode())

    def delete(self, name: str) -> None:
        with self._write():
            self.conn.execute("DELETE FROM secrets WHERE name = ?", (name,))

    def names(self, prefix: str = "") -> list[str]:
        rows = self.conn.execute("SELECT name FROM secrets WHERE name LIKE ? ORDER BY name", (prefix + "%",))
        return [r[0] for r in rows]

    # -- runs, checkpointed finding by finding -------------------------------------------------------
    def start_run(self, started_at: str | None = None) -> int:
        with self._write():
            cur = self.conn.execute("INSERT INTO runs (started_at, status) VALUES (?, 'running')", (started_at or _now(),))
            return cur.lastrowid

    def save_platform(self, run_id: int, platform_json: dict) -> None:
        """Checkpoint one platform's findings as soon as they are decided."""
        platform = platform_json["platform"]
        nonce, sealed = self._seal(json.dumps(platform_json).encode(), f"findings:{run_id}:{platform}".encode())
        with self._write():
            self.conn.execute(
                "INSERT INTO findings VALUES (?, ?, ?, ?) ON CONFLICT(run_id, platform) DO UPDATE SET "
                "nonce = excluded.nonce, data = excluded.data",
                (run_id, platform, nonce, sealed),
            )

    def saved_platforms(self, run_id: int) -> dict[str, dict]:
        rows = self.conn.execute("SELECT platform, nonce, data FROM findings WHERE run_id = ?", (run_id,))
        return {p: self._open_value(n, d, f"findings:{run_id}:{p}".encode()) for p, n, d in rows}

    def finish_run(self, run_id: int, report_json: dict, status: str) -> None:
        nonce, sealed = self._seal(json.dumps(report_json).encode(), f"run:{run_id}".encode())
        with self._write():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, nonce = ?, data = ? WHERE id = ?",
                (report_json.get("finished_at") or _now(), status, nonce, sealed, run_id),
            )

    def runs(self) -> list[RunInfo]:
        rows = self.conn.execute("SELECT id, started_at, finished_at, status FROM runs ORDER BY started_at, id")
        return [RunInfo(*r) for r in rows]

    def run_report(self, run_id: int) -> dict | None:
        row = self.conn.execute("SELECT nonce, data FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise StoreError(f"There is no check-up number {run_id}.")
        if row[0] is None:
            return None
        return self._open_value(row[0], row[1], f"run:{run_id}".encode())

    def close_empty_runs(self) -> None:
        with self._write():
            self.conn.execute("UPDATE runs SET status = 'incomplete', finished_at = started_at "
                              "WHERE status = 'running' AND NOT EXISTS (SELECT 1 FROM findings WHERE run_id = runs.id)")

    def unfinished_run(self) -> RunInfo | None:
        """The newest run, if it never finished (the process was killed) and kept some findings."""
        runs = self.runs()
        if runs and runs[-1].status == "running" and self.saved_platforms(runs[-1].id):
            return runs[-1]
        return None


REQUIRED_TABLES = {"meta", "secrets", "runs", "findings"}


def _open_problem(exc: sqlite3.OperationalError, path: Path, otherwise: StoreError) -> StoreError:
    """What an SQLite error while opening really means: a full disk or a read-only folder is
    not damage (and "start fresh" would be the wrong advice)."""
    text = str(exc).lower()
    if "full" in text:
        return StoreError("Boundary couldn't open its saved data: the disk is full. Nothing was changed or lost; "
                          "free some space and try again.")
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return StoreError(f"Boundary can't write in its data folder ({path.parent}). Nothing was changed. "
                          "Check the folder can be written to.")
    if "locked" in text or "busy" in text:
        return StoreLocked("Boundary's saved data is busy in another window. Try again in a moment.")
    return otherwise


def _kdf_settings(meta: dict) -> tuple[bytes, int, int, int]:
    """The passphrase's scrypt settings, checked: a damaged or tampered value must be a clear
    error, never a crash or minutes of work on an absurd cost."""
    try:
        salt = bytes.fromhex(meta["kdf_salt"])
        n, r, p = int(meta["kdf_n"]), int(meta["kdf_r"]), int(meta["kdf_p"])
    except (KeyError, ValueError, TypeError) as exc:
        raise StoreDamaged("Boundary's saved data is damaged: its passphrase settings can't be read. "
                           "Nothing was changed. You can start fresh (the file is kept aside).") from exc
    if not (len(salt) >= 16 and 2**10 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        raise StoreDamaged("Boundary's saved data is damaged: its passphrase settings are out of range. "
                           "Nothing was changed. You can start fresh (the file is kept aside).")
    return salt, n, r, p


def start_fresh(folder: Path) -> Path | None:
    """Set a damaged or unopenable store aside (never delete it); returns where it went."""
    path = folder / DB_NAME
    if not path.exists():
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = folder / f"{DB_NAME}.set-aside-{stamp}"
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.rename(Path(str(aside) + suffix))
    return aside


def forget_everything(*, demo: bool = False, folder: Path | None = None) -> list[str]:
    """Delete every session, run and setting, and the keyring entry. Says what it removed."""
    folder = folder or data_dir(demo)
    removed = []
    for path in sorted(folder.glob(DB_NAME + "*")) + sorted(folder.glob("boundary.lock")):
        if path.is_file():
            path.unlink()
            removed.append(str(path))
    if keys.delete_keyring_key("store-key-demo" if demo else "store-key"):
        removed.append("the store key in your system keyring")
    return removed
