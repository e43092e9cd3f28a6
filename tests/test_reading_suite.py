"""The reading suite: real pages as they really arrive, on all five platforms.

Each case starts a platform's replica with a layout drawn from a seed (each setting's
value in another accessible form, wording variants the facts document, wrappers, order)
and a loading behaviour drawn from the same seed (content built late behind a
progressbar, grey skeletons, a page that keeps changing for a while, hidden decoy copies
of the controls), then audits it for real. Unlike the mutation suite, a person could read
every one of these pages, so every check must come out exactly as the persona really is:
no false "ok", and no "couldn't check" either.

The seeds change from run to run (BOUNDARY_SEED fixes them) and each case's id carries
its seed, so a failure replays with `BOUNDARY_SEED=<base> pytest -k "<id>"`. `make test`
runs one seed per platform; `make faults` runs 20 per platform.
"""

from __future__ import annotations

import os
import random

import pytest

from audits.registry import ids
from replicas.personas import load_persona
from tests.support import audit, cases, statuses

pytestmark = pytest.mark.browser

PLATFORMS = ids()
PERSONAS = ("demo", "wide_open", "locked_down")
LOADING = ("late", "skeleton", "restless", "decoys", "late+decoys", None)
BASE_SEED = int(os.environ.get("BOUNDARY_SEED") or random.randrange(1, 10**6))
FULL_SEEDS = 20


def case(platform: str, n: int) -> dict:
    """Everything about case n of a platform, drawn from the base seed."""
    rng = random.Random(f"{BASE_SEED}:{platform}:{n}")
    seed = rng.randrange(10**6)
    return {"seed": seed, "persona": PERSONAS[(seed + n) % len(PERSONAS)],
            "loading": LOADING[rng.randrange(len(LOADING))], "delay": round(rng.uniform(0.5, 2.0), 2)}


def pytest_generate_tests(metafunc):
    if "reading_case" in metafunc.fixturenames:
        full = metafunc.config.getoption("--full-faults")
        cases = [(p, case(p, n)) for p in PLATFORMS for n in range(FULL_SEEDS if full else 1)]
        ids = [f"{p}|seed {c['seed']}|{c['persona']}|{c['loading'] or 'loads at once'}" for p, c in cases]
        metafunc.parametrize("platform,reading_case", cases, ids=ids)


def oracle_for(platform: str, persona: str):
    """What the persona really is (the platform's declared cases), and the watch list used."""
    c, data = cases(platform), load_persona(persona)
    watch = c.watch(data, persona)
    return c.oracle(data, watch), watch


def test_every_check_is_read_right_on_pages_as_they_really_arrive(request, replicas, platform, reading_case):
    c = reading_case
    print(f"replay: BOUNDARY_SEED={BASE_SEED}  (layout seed {c['seed']}, {c['persona']}, {c['loading']})")
    running = replicas(c["persona"], platforms=[platform], layout_seed=c["seed"])
    sessions = running.sessions()
    app = running.apps[platform]
    for kind in (c["loading"] or "").split("+"):
        if kind in ("late", "skeleton"):
            app.faults.add(".", kind, seed=c["seed"], delay=c["delay"])
        elif kind == "restless":
            app.faults.add(".", kind, seed=c["seed"], seconds=c["delay"])
        elif kind == "decoys":
            app.faults.add(".", kind, seed=c["seed"])
    truth, watch = oracle_for(platform, c["persona"])
    # Real timeouts: pages that take a couple of seconds to build are normal, not faults.
    report, _ = audit(running, platforms=[platform], watch_list=watch, sessions=sessions, page_timeout=10.0)
    got = statuses(report, platform)
    false_ok = sorted(k for k, s in got.items() if s == "ok" and truth[k] != "ok")
    wrong = {k: (s, truth[k]) for k, s in got.items() if s != truth[k]}
    request.config.__dict__.setdefault("boundary_mutations", []).append({
        "persona": f"{platform[:2]}:{c['persona'][:7]}", "variant": f"seed {c['seed']} {c['loading'] or 'at once'}",
        "false_ok": len(false_ok), "wrong": len([k for k in wrong if got[k] != "unknown"]),
        "correct": sum(1 for k, s in got.items() if s == truth[k]),
        "unknown": sum(1 for s in got.values() if s == "unknown"), "checks": len(got)})
    reasons = {f.check: f.reason for f in report.findings() if f.check in wrong}
    assert not false_ok, (false_ok, reasons)
    assert not wrong, (wrong, reasons)
    assert not any(running.writes().values())
