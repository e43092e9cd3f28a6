"""The demo check-up from the command line: exit status, report, and the printed checklist.

The golden file is the checklist a social worker would read for the demo persona. After a
deliberate content change, regenerate it with BOUNDARY_UPDATE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "demo_checklist_swe.txt"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo") / "report.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "audit", "--demo", "--quiet", "--regulator", "swe", "--json", str(out)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    return result, out


def test_demo_exits_1_because_things_are_at_risk_and_writes_a_private_report(demo_run):
    result, out = demo_run
    assert result.returncode == 1, result.stderr
    data = json.loads(out.read_text())
    assert data["schema"] == "boundary.audit/1"
    assert {i["id"] for i in data["checklist"]["items"]} >= {f["check"] for f in data["platforms"][0]["findings"]}
    assert data["checklist"]["regulator"] == "swe"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_demo_checklist_matches_the_reviewed_text(demo_run):
    result, _ = demo_run
    printed = result.stdout[result.stdout.index("Your checklist"):].split("\nReport written to")[0].rstrip("\n") + "\n"
    if os.environ.get("BOUNDARY_UPDATE_GOLDEN"):
        GOLDEN.write_text(printed)
    assert printed == GOLDEN.read_text()
