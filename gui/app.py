"""Starting the wizard: `python main.py` or `python main.py --demo`."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from checkup.state import CheckupState
from gui.dialogs import open_store_interactively
from gui.wizard import BoundaryWizard


def run_wizard(demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Boundary")
    app.setApplicationDisplayName("Boundary")
    state = CheckupState()
    running = None
    if demo:
        from replicas.demo import start_replicas

        running = start_replicas("demo")
        state.demo = True
        state.sites = running.sites
    try:
        store = open_store_interactively(demo=demo)
        if store is None:
            return 0
        wizard = BoundaryWizard(state, demo=running, store=store)
        wizard.show()
        return app.exec()
    finally:
        if running:
            running.stop()
