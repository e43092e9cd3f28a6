"""Benchmark (not a test): a persona with 5,000 timeline posts and 2,000 friends.

Prints posts audited per second, total time, and peak memory of Boundary plus its browser,
for 1,000 and 5,000 posts, to show memory stays flat as the timeline grows.

    .venv/bin/python bench/scale.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audits.engine import RunOptions, RunStats, run_audit  # noqa: E402
from audits.platforms.base import AuditOptions  # noqa: E402
from audits.watchwords import default_watch_words  # noqa: E402

PERSONA = """
[person]
name = "Bench Persona"

[facebook]
username = "bench.persona"
user_id = "100099999999999"
email = "bench@example.org"
password = "bench"
posts_generate = {posts}

[facebook.friends]
generate = {friends}
"""


def tree_rss_mb(root: int) -> float:
    """Memory of a process and all its descendants (Linux /proc), as proportional set size:
    pages shared between Chromium's processes are counted once, not once per process."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            pid, ppid = int(entry.name), int(fields[1])
            rss[pid] = _pss(entry, int(fields[21]) * os.sysconf("SC_PAGE_SIZE"))
            children.setdefault(ppid, []).append(pid)
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total / 2**20


def _pss(proc: Path, fallback: int) -> int:
    try:
        for line in (proc / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return fallback


def run(posts: int, friends: int) -> None:
    from replicas.facebook import FacebookReplica
    from replicas.personas import load_persona
    from replicas.server import ReplicaServer

    folder = Path(tempfile.mkdtemp())
    (folder / "bench.toml").write_text(PERSONA.format(posts=posts, friends=friends))
    app = FacebookReplica(load_persona(str(folder / "bench.toml")))
    peak = [0.0]
    done = threading.Event()

    def sample():
        while not done.wait(0.2):
            peak[0] = max(peak[0], tree_rss_mb(os.getpid()))

    with ReplicaServer(app) as server:
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        options = RunOptions(platforms=["facebook"], sessions={"facebook": app.storage_state()},
                             sites={"facebook": server.origin}, page_timeout=30,
                             audit=AuditOptions(watch_words=default_watch_words(), watch_list=["Nobody Here"],
                                                max_posts=posts + 10, scroll_idle=2.0))
        stats = RunStats()
        started = time.perf_counter()
        report = run_audit(options, stats=stats)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
    past = next(f for f in report.findings() if f.check == "facebook.past_posts")
    print(f"  {posts:>5} posts, {friends} friends: {wall:6.1f} s, {posts / wall:6.0f} posts/s, "
          f"peak memory {peak[0]:6.0f} MB (Boundary + browser); timeline: {past.status} ({past.summary[:60]})")


if __name__ == "__main__":
    print("Scale: one Facebook audit against the replica")
    run(1000, 2000)
    run(5000, 2000)
