"""Opening the encrypted store from the command line, and the `history` and `forget` commands."""

from __future__ import annotations

import os
import sys

from audits.catalog import PLATFORM_NAMES
from cli.errors import CannotRun, UsageError
from store.db import Store, StoreError, data_dir, forget_everything
from store.history import History, nice_date
from store.keys import KeyUnavailable


def open_store(demo: bool = False) -> Store:
    """The keyring's store, or a passphrase's (BOUNDARY_PASSPHRASE); never plaintext."""
    passphrase = os.environ.get("BOUNDARY_PASSPHRASE")
    try:
        if passphrase:
            return Store.open_passphrase(passphrase, demo=demo)
        return Store.open_keyring(demo=demo)
    except KeyUnavailable as exc:
        raise StoreError(f"{exc} To use a passphrase instead, set BOUNDARY_PASSPHRASE.") from exc


def add_parsers(sub) -> None:
    h = sub.add_parser("history", help="list your saved check-ups, or what changed between the last two")
    h.add_argument("--diff", nargs="?", const=-1, type=int, metavar="RUN",
                   help="what changed in check-up RUN (default: the latest) since the one before")
    h.add_argument("--demo", action="store_true", help="the demo's history")
    h.set_defaults(run=run_history)
    f = sub.add_parser("forget", help="delete every saved session, check-up and setting, and the keyring entry")
    f.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    f.add_argument("--demo", action="store_true", help="forget the demo's data only")
    f.set_defaults(run=run_forget)


def run_history(args) -> int:
    try:
        with open_store(args.demo) as store:
            history = History(store)
            if args.diff is not None:
                return _print_diff(history, None if args.diff == -1 else args.diff)
            runs = history.runs()
            if not runs:
                print("No check-ups saved yet.")
                return 0
            print("Your saved check-ups:")
            for run in runs:
                line = f"  #{run.id}  {nice_date(run.started_at)} {run.started_at[11:16]} UTC  {run.status}"
                try:
                    report = history.report(run.id) if run.finished_at else None
                except StoreError as exc:  # one damaged record hides only itself
                    print(f"{line}  (this check-up's record can't be read: {exc})")
                    continue
                if report:
                    c = report.counts()
                    platforms = ", ".join(PLATFORM_NAMES[p.platform] for p in report.platforms)
                    line += f"  ({platforms}: {c['at_risk']} at risk, {c['ok']} ok, {c['unknown']} couldn't check)"
                print(line)
            return 0
    except StoreError as exc:
        raise CannotRun(str(exc)) from exc


def _print_diff(history: History, run_id: int | None) -> int:
    result = history.diff(run_id)
    if result is None:
        print("There's only one check-up so far: nothing to compare yet.")
        return 0
    previous, current, changes = result
    print(f"Check-up #{current.id} ({nice_date(current.started_at)}) compared with #{previous.id} ({nice_date(previous.started_at)}):")
    if not changes:
        print("  Nothing changed.")
    for change in changes:
        print(f"  - {change.sentence()}")
    return 0


def run_forget(args) -> int:
    where = data_dir(args.demo)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("forget deletes all your saved data: add --yes to confirm")
        answer = input(f"Delete every saved session, check-up and setting in {where}, and the keyring entry? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was deleted.")
            return 0
    try:
        removed = forget_everything(demo=args.demo)
    except OSError as exc:
        raise CannotRun(f"couldn't delete everything: {exc}") from exc
    if not removed:
        print("There was nothing saved to forget.")
    else:
        print("Forgotten. Removed:")
        for item in removed:
            print(f"  {item}")
    return 0
