"""Running core jobs off the main thread: each job owns Playwright inside its own QThread.

A job is a plain function `job(cancel, progress)`; only plain data crosses back to Qt,
through queued signals. Cancel is a threading.Event the job checks between steps.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from audits.browser import BrowserNotFound
from audits.signin import SignInCancelled

log = logging.getLogger(__name__)


def plain_error(exc: BaseException) -> str:
    """A message a person can act on, never a traceback."""
    if isinstance(exc, BrowserNotFound | SignInCancelled):
        return str(exc)
    name = type(exc).__name__
    if "Timeout" in name:
        return "The browser took too long to answer. Check your connection and try again."
    return f"Something went wrong ({name}). Anything already found has been kept; please try again."


class _Job(QObject):
    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, fn, cancel: threading.Event):
        super().__init__()
        self.fn = fn
        self.cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.cancel, self.progress.emit)
        except Exception as exc:  # shown to the user as plain words
            log.warning("job failed: %s", type(exc).__name__)  # no message: it may quote personal data
            self.failed.emit(plain_error(exc))
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class Worker(QObject):
    """One background job at a time; the owner connects to its signals."""

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread: QThread | None = None
        self._job: _Job | None = None
        self._busy = False
        self._callbacks = (None, None, None, None)
        self.cancel = threading.Event()

    @property
    def running(self) -> bool:
        # Busy until the thread's end has been handled here, which is after its result
        # (a queued signal sent earlier) has reached the page: never "idle" with a result in flight.
        return self._busy

    def start(self, fn, *, on_progress=None, on_success=None, on_failure=None, on_done=None) -> None:
        """Run `fn(cancel, progress)`; the callbacks belong to this job only.

        Callbacks instead of connect/disconnect per job: PySide6 6.12's Signal.disconnect()
        corrupts the reference counts of True/False, which crashes the interpreter on exit.
        """
        if self.running:
            raise RuntimeError("a job is already running")
        self.cancel = threading.Event()
        self._callbacks = (on_progress, on_success, on_failure, on_done)
        self._thread = QThread()
        self._job = _Job(fn, self.cancel)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progress.connect(self._relay_progress)
        self._job.succeeded.connect(self._relay_success)
        self._job.failed.connect(self._relay_failure)
        # Direct: quit() is thread-safe, and stop() blocks the main thread in wait(), so a
        # queued quit would never arrive.
        self._job.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._ended)
        self._busy = True
        self._thread.start()

    def _call(self, n: int, *args) -> None:
        callback = self._callbacks[n]
        if callback is not None:
            callback(*args)

    @Slot(object)
    def _relay_progress(self, value) -> None:
        self._call(0, value)
        self.progress.emit(value)

    @Slot(object)
    def _relay_success(self, value) -> None:
        self._call(1, value)
        self.succeeded.emit(value)

    @Slot(str)
    def _relay_failure(self, message) -> None:
        self._call(2, message)
        self.failed.emit(message)

    @Slot()
    def _ended(self) -> None:
        self._busy = False
        self._call(3)
        self.finished.emit()

    def stop(self, wait_ms: int = 30000) -> bool:
        """Ask the job to stop between steps, and wait for its browser to close."""
        self.cancel.set()
        if self._thread is None:
            return True
        stopped = self._thread.wait(wait_ms)
        if stopped:
            self._busy = False
        return stopped
