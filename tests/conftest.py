"""Shared fixtures: offscreen Qt, replicas per persona, and a quick way to run an audit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def pytest_addoption(parser):
    parser.addoption("--full-faults", action="store_true", help="run every mutation variant (make faults)")


def pytest_terminal_summary(terminalreporter):
    _adversarial_summary(terminalreporter)
    _mutation_summary(terminalreporter)


def _adversarial_summary(terminalreporter):
    from tests.support import ADVERSARIAL, COLUMNS

    if not ADVERSARIAL:
        return
    write = terminalreporter.write_line
    write("")
    write("Adversarial suite: hostile input, store faults, containment (tracebacks, false ok, egress and "
          "files left in the home must all be 0)")
    write(f"  {'area':<22}" + "".join(f"{c.replace('_', ' '):>12}" for c in COLUMNS))
    for area, row in sorted(ADVERSARIAL.items()):
        write(f"  {area:<22}" + "".join(f"{row[c]:>12}" for c in COLUMNS))
    total = {c: sum(r[c] for r in ADVERSARIAL.values()) for c in COLUMNS}
    write(f"  {'all':<22}" + "".join(f"{total[c]:>12}" for c in COLUMNS))


def _mutation_summary(terminalreporter):
    # A plain attribute: this file is imported twice (as conftest and as tests.conftest).
    RESULTS = terminalreporter.config.__dict__.get("boundary_mutations", [])  # noqa: N806
    if not RESULTS:
        return
    write = terminalreporter.write_line
    write("")
    write("Mutation suite: variants of the replica pages, audited for real")
    write(f"  {'persona':<10} {'variant':<52} {'false ok':>8} {'wrong':>6} {'correct':>8} {'unknown':>8}")
    for r in RESULTS:
        write(f"  {r['persona']:<10} {r['variant'][:52]:<52} {r['false_ok']:>8} {r['wrong']:>6} "
              f"{r['correct']:>5}/{r['checks']:<2} {r['unknown']:>8}")
    total = sum(r["false_ok"] for r in RESULTS)
    write(f"  {len(RESULTS)} variants run; false ok: {total} (must be 0); checks still correct: "
          f"{sum(r['correct'] for r in RESULTS)} of {sum(r['checks'] for r in RESULTS)}")


@pytest.fixture(autouse=True)
def isolated_store(tmp_path, monkeypatch):
    """Every test (and every command it starts) gets its own data folder and keyring entry,
    never the user's own."""
    import uuid

    monkeypatch.setenv("BOUNDARY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BOUNDARY_KEYRING_SERVICE", f"Boundary test {uuid.uuid4().hex[:8]}")
    monkeypatch.delenv("BOUNDARY_PASSPHRASE", raising=False)
    yield tmp_path / "data"
    from store.keys import delete_keyring_key

    for account in ("store-key", "store-key-demo"):
        delete_keyring_key(account)


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def replicas():
    """Factory: replicas("demo") starts that persona's replicas, stopped after the test."""
    from replicas.demo import start_replicas

    started = []

    def start(persona: str = "demo", **kw):
        running = start_replicas(persona, **kw)
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()
