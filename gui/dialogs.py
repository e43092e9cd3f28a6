"""Start-up dialogs about the encrypted store: never a plaintext fallback."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from store.db import (
    NewerStore,
    Store,
    StoreDamaged,
    StoreError,
    StoreLocked,
    WrongKey,
    data_dir,
    start_fresh,
)
from store.keys import KeyUnavailable


def open_store_interactively(parent: QWidget | None = None, *, demo: bool = False) -> Store | None:
    """The store, with the user choosing what to do when the keyring can't be used.
    Returns None if the user chose to quit."""
    problem = None
    try:
        return Store.open_keyring(demo=demo)
    except StoreLocked as exc:
        QMessageBox.information(parent, "Boundary is already open", str(exc))
        return None
    except KeyUnavailable as exc:
        problem = str(exc)
    except (StoreDamaged, WrongKey) as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, "Your saved data can't be opened", str(exc), parent=parent)
        fresh = box.addButton("Start fresh (keep the old file aside)", QMessageBox.ButtonRole.AcceptRole)
        once = box.addButton("Don't save anything this time", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is fresh:
            aside = start_fresh(data_dir(demo))
            QMessageBox.information(parent, "Starting fresh", f"The old file is kept at {aside}.")
            return open_store_interactively(parent, demo=demo)
        return Store.session_only() if box.clickedButton() is once else None
    except NewerStore as exc:
        QMessageBox.warning(parent, "Please update Boundary", str(exc) + " Boundary will save nothing this time.")
        return Store.session_only()
    except StoreError as exc:
        problem = str(exc)
    return _no_keyring(parent, problem, demo)


def _no_keyring(parent, problem: str, demo: bool) -> Store | None:
    box = QMessageBox(QMessageBox.Icon.Information, "Where should Boundary keep its key?",
                      f"{problem}\n\nBoundary never saves your data unencrypted. You can protect it with a "
                      "passphrase instead, or save nothing this time.", parent=parent)
    use_passphrase = box.addButton("Use a passphrase", QMessageBox.ButtonRole.AcceptRole)
    once = box.addButton("Don't save anything this time", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is once:
        return Store.session_only()
    if box.clickedButton() is not use_passphrase:
        return None
    message = "Passphrase for Boundary's saved data:"
    while True:
        text, ok = QInputDialog.getText(parent, "Passphrase", message, QLineEdit.EchoMode.Password)
        if not ok:
            return Store.session_only()
        try:
            return Store.open_passphrase(text, demo=demo)
        except (WrongKey, ValueError) as exc:
            message = f"{exc}\n\nPassphrase:"
        except StoreError as exc:
            QMessageBox.warning(parent, "Your saved data can't be opened", str(exc))
            return Store.session_only()
