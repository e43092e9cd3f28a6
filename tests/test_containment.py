"""Containment: nothing personal in the logs, and replicas only ever listen on loopback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from replicas.server import ReplicaServer
from tests.support import ROOT, personal_strings

pytestmark = pytest.mark.browser


def test_nothing_personal_in_the_logs_of_a_demo_run(replicas, tmp_path):
    # Debug logging on, and a fault so that the failure paths log too.
    env = {**os.environ, "BOUNDARY_DEBUG": "1"}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "audit", "--demo", "--no-save", "--timeout", "3"],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 1
    logs = result.stderr
    assert "DEBUG" in logs or "INFO" in logs or "browser" in logs.lower()
    running = replicas("demo")
    leaks = [s for s in personal_strings("demo", running.sessions()) if s in logs]
    assert not leaks


def test_replicas_refuse_anything_but_loopback():
    with pytest.raises((ValueError, OSError)):
        ReplicaServer(lambda environ, start: [], host="0.0.0.0")
