"""The wizard in a real X11 window (Xvfb), as `make demo` shows it on a desktop: the Qt
platform plugin loads with the system libraries the set-up installs, and the window opens."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.wizard import BoundaryWizard
w = BoundaryWizard()
w.show()
seen = []
QTimer.singleShot(300, lambda: (seen.append(w.isVisible() and w.windowHandle().isExposed()), app.quit()))
app.exec()
print(QGuiApplication.platformName(), seen[0], w.windowTitle())
"""


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run is installed by `make test`")
def test_the_wizard_opens_in_a_real_window():
    env = {"PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    result = subprocess.run(["xvfb-run", "-a", sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 0, result.stderr[-800:]
    assert result.stdout.split("\n")[-2] == "xcb True Boundary: privacy check-up"
