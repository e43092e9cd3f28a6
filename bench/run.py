"""Benchmarks (not tests): `make bench` or `.venv/bin/python bench/run.py`.

Prints, for the demo persona against the bundled replicas: the full audit's wall time and
page loads per platform, and the number of distinct pages the checks need.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audits.engine import RunOptions, RunStats, run_audit  # noqa: E402
from audits.platforms.base import AuditOptions  # noqa: E402
from audits.watchwords import default_watch_words  # noqa: E402
from replicas.demo import start_replicas  # noqa: E402


def full_audit(persona: str = "demo") -> None:
    with start_replicas(persona) as running:
        stats = RunStats()
        options = RunOptions(
            platforms=list(running.apps),
            sessions=running.sessions(),
            sites=running.sites,
            audit=AuditOptions(watch_words=default_watch_words(), watch_list=["Jordan Lee"], scroll_idle=1.0),
        )
        started = time.perf_counter()
        report = run_audit(options, stats=stats)
        wall = time.perf_counter() - started
    print(f"Full check-up of persona '{persona}' ({stats.browser})")
    print(f"  wall time: {wall:.2f} s for {len(report.findings())} findings")
    for platform, loads in stats.page_loads.items():
        asked = stats.pages_asked[platform]
        print(f"  {platform}: {loads} page loads for {len(set(asked))} distinct pages ({len(asked)} asked for)")
    counts = report.counts()
    print(f"  results: {counts}")


if __name__ == "__main__":
    full_audit(sys.argv[1] if len(sys.argv) > 1 else "demo")
