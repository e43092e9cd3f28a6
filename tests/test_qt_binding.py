"""The Qt binding must not corrupt Python's reference counts: PySide6 6.12.0 did, on every
signal emitted to a Python method and on disconnect, and the app crashed when it quit."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    value = Signal(object)
    done = Signal()
class Sink:
    def on_value(self, v): pass
    def on_done(self): pass
source, sink = Source(), Sink()
for i in range(3000):
    source.value.connect(sink.on_value)
    source.done.connect(sink.on_done)
    source.value.emit(i)
    source.done.emit()
    source.value.disconnect(sink.on_value)
    source.done.disconnect(sink.on_done)
print("clean exit")
"""


def test_signals_and_disconnect_leave_the_interpreter_able_to_exit():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-500:]
    assert "clean exit" in result.stdout
