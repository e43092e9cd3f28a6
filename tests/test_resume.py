"""A check-up killed half-way (the process killed) resumes from its checkpoints without
reading finished platforms again, and loses nothing already found."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import ExitStack

import pytest

from replicas.demo import replica_classes
from replicas.personas import load_persona
from replicas.server import ReplicaServer
from tests.support import ROOT, needs_keyring

pytestmark = [pytest.mark.browser, pytest.mark.keyring, needs_keyring]


class Counting:
    """Counts the pages a replica serves (by the audit's real requests)."""

    def __init__(self, app):
        self.app, self.hits = app, Counter()

    def __call__(self, environ, start_response):
        self.hits[environ.get("PATH_INFO", "")] += 1
        return self.app(environ, start_response)


def test_killed_half_way_then_resumed(tmp_path):
    apps = {p: cls(load_persona("demo")) for p, cls in replica_classes().items()}
    counters = {p: Counting(app) for p, app in apps.items()}
    with ExitStack() as stack:
        servers = {p: stack.enter_context(ReplicaServer(c)) for p, c in counters.items()}
        args = []
        for platform, app in apps.items():
            server = servers[platform]
            state = tmp_path / f"{platform}.json"
            state.write_text(json.dumps(app.storage_state()))
            args += ["--site", f"{platform}={server.origin}", "--session", f"{platform}={state}"]
        apps["instagram"].faults.add(".", "hang")  # the third platform never answers...
        cmd = [sys.executable, str(ROOT / "main.py"), "audit", "--timeout", "60", *args]
        first = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        deadline = time.monotonic() + 120
        for line in first.stderr:  # ...and while Boundary waits for it, the process is killed
            if line.strip().startswith("Instagram:") or time.monotonic() > deadline:
                break
        time.sleep(1)
        first.send_signal(signal.SIGKILL)
        first.wait(30)
        apps["instagram"].faults.clear()
        for c in counters.values():
            c.hits.clear()

        out = tmp_path / "report.json"
        second = subprocess.run(cmd + ["--resume", "--quiet", "--json", str(out)], capture_output=True, text=True,
                                timeout=300)
        assert second.returncode == 1, second.stderr
        assert "Carrying on from the check-up of" in second.stderr
        assert sum(counters["facebook"].hits.values()) == 0  # finished before the kill: not read again
        assert sum(counters["x"].hits.values()) == 0
        assert sum(counters["instagram"].hits.values()) > 0
        report = json.loads(out.read_text())
        assert [p["platform"] for p in report["platforms"]] == ["facebook", "x", "instagram", "linkedin", "tiktok"]
        assert all(p["status"] == "completed" for p in report["platforms"])
        history = subprocess.run([sys.executable, str(ROOT / "main.py"), "history"], capture_output=True, text=True,
                                 timeout=60).stdout
        assert "#1" in history and "completed" in history and "#2" not in history
