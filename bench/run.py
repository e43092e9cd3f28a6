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


def full_audit(persona: str = "demo", wait_ready: bool = True, quiet: bool = False) -> float:
    with start_replicas(persona) as running:
        stats = RunStats()
        options = RunOptions(
            platforms=list(running.apps),
            sessions=running.sessions(),
            sites=running.sites,
            audit=AuditOptions(watch_words=default_watch_words(), watch_list=["Jordan Lee"], scroll_idle=1.0),
            wait_ready=wait_ready,
        )
        started = time.perf_counter()
        report = run_audit(options, stats=stats)
        wall = time.perf_counter() - started
    if quiet:
        return wall
    print(f"Full check-up of persona '{persona}' ({stats.browser})")
    print(f"  wall time: {wall:.2f} s for {len(report.findings())} findings")
    for platform, loads in stats.page_loads.items():
        asked = stats.pages_asked[platform]
        print(f"  {platform}: {stats.seconds.get(platform, 0):.2f} s, {loads} page loads for "
              f"{len(set(asked))} distinct pages ({len(asked)} asked for)")
    counts = report.counts()
    print(f"  results: {counts}")
    return wall


def naive_way(persona: str = "demo") -> float:
    """The naive way, for comparison: one fresh page load per check, sequential, nothing blocked."""
    from audits.catalog import checks_for

    with start_replicas(persona) as running:
        started = time.perf_counter()
        loads = 0
        for platform in running.apps:
            for check in checks_for(platform):
                stats = RunStats()
                options = RunOptions(
                    platforms=[platform], sessions=running.sessions(), sites=running.sites,
                    audit=AuditOptions(watch_words=default_watch_words(), watch_list=["Jordan Lee"], scroll_idle=1.0),
                    only_checks={check.id}, block_types=frozenset(),
                )
                run_audit(options, stats=stats)
                loads += stats.page_loads.get(platform, 0)
        wall = time.perf_counter() - started
    print(f"The naive way (one audit per check, nothing blocked): {wall:.2f} s, {loads} page loads")
    return wall


def readiness_cost(persona: str = "demo") -> None:
    """What waiting until each page is really there costs on fast pages: the same check-up
    read the old way (as soon as the body has any text), measured in the same run."""
    without = full_audit(persona, wait_ready=False, quiet=True)
    with_ready = full_audit(persona, wait_ready=True, quiet=True)
    print(f"Readiness on fast pages: {with_ready:.2f} s waiting until pages are ready, "
          f"{without:.2f} s reading at first text (+{with_ready - without:.2f} s, "
          f"{(with_ready / without - 1) * 100:+.0f}%)")


if __name__ == "__main__":
    persona = sys.argv[1] if len(sys.argv) > 1 else "demo"
    readiness_cost(persona)
    ours = full_audit(persona)
    naive = naive_way(persona)
    print(f"Ratio: the naive way takes {naive / ours:.1f}x as long")
