"""A check-up killed at a random moment (kill -9: no clean-up code runs) loses nothing
that was saved: the store reopens, the history lists, the next check-up runs (carrying
on where one can) and removes what the killed run's browser left behind."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from tests.support import ROOT, adversary

pytestmark = [pytest.mark.browser]
SEED = int(os.environ.get("BOUNDARY_SEED", "7"))
MOMENTS = [round(random.Random(SEED + n).uniform(1.0, 12.0), 1) for n in range(5)]


def boundary(*args, env, timeout=300):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.mark.parametrize("moment", [pytest.param(m, marks=[pytest.mark.slow] if n else []) for n, m in enumerate(MOMENTS)],
                         ids=[f"after {m}s" for m in MOMENTS])
def test_a_check_up_killed_at_any_moment_loses_nothing_saved(tmp_path, moment):
    env = {**os.environ, "BOUNDARY_DATA_DIR": str(tmp_path / "data"), "BOUNDARY_PASSPHRASE": "kill test passphrase"}
    first = boundary("audit", "--demo", "--quiet", "--platform", "x", "--platform", "linkedin", env=env)
    assert first.returncode in (0, 1, 3), first.stderr[-1500:]
    run = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "audit", "--demo", "--quiet"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(moment)
    os.killpg(run.pid, signal.SIGKILL)  # Boundary and its browser, as a crash or a power cut would
    run.wait()
    listed = boundary("history", "--demo", env=env)
    adversary("killed check-ups", traceback="Traceback" in listed.stderr)
    assert listed.returncode == 0, listed.stderr[-1500:]
    assert "#1" in listed.stdout and "completed" in listed.stdout.splitlines()[1]  # the earlier one intact
    again = boundary("audit", "--demo", "--quiet", "--resume", "--platform", "x", env=env)
    assert again.returncode in (0, 1, 3), again.stderr[-1500:]
    leftovers = [p for p in (tmp_path / "data" / "browser").glob("run-*")]
    assert leftovers == []  # the killed run's browser folder went with the next start
