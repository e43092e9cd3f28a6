"""Where the store's key comes from: the OS keyring, a passphrase, or nowhere (session only).

Never a plaintext fallback. When there is no keyring, or it is locked or refuses, the caller
says so plainly and offers a passphrase or a session-only mode.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

KEY_BYTES = 32
KEYRING_SERVICE = "Boundary privacy check-up"
# scrypt parameters for passphrase mode (stored with the data, so they can be raised later).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class KeyUnavailable(Exception):
    """No usable keyring: the message says why, in plain words."""


@dataclass(frozen=True)
class KeyringInfo:
    available: bool
    backend: str  # e.g. "Secret Service (GNOME Keyring)", "macOS Keychain", "Windows Credential Locker"
    problem: str = ""


def _service() -> str:
    return os.environ.get("BOUNDARY_KEYRING_SERVICE", KEYRING_SERVICE)


def keyring_info() -> KeyringInfo:
    """Which keyring backend is in use, for the UI to show."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring configuration
        return KeyringInfo(False, "none", f"The system keyring couldn't be loaded ({type(exc).__name__}).")
    if isinstance(backend, fail.Keyring):
        return KeyringInfo(False, "none", "This computer has no system keyring (password store) that Boundary can use.")
    name = getattr(backend, "name", "") or type(backend).__name__
    friendly = {
        "SecretService Keyring": "Secret Service (e.g. GNOME Keyring)",
        "macOS Keyring": "macOS Keychain",
        "Windows WinVaultKeyring": "Windows Credential Locker",
    }
    return KeyringInfo(True, friendly.get(name, name))


def keyring_key(account: str, *, create: bool) -> bytes | None:
    """The store key kept in the keyring under `account`; made and saved when `create`."""
    try:
        import keyring
        from keyring.errors import KeyringError, NoKeyringError

        stored = keyring.get_password(_service(), account)
        if stored:
            key = base64.b64decode(stored)
            if len(key) != KEY_BYTES:
                raise KeyUnavailable("The key saved in your keyring for Boundary is not a valid key.")
            return key
        if not create:
            return None
        key = os.urandom(KEY_BYTES)
        keyring.set_password(_service(), account, base64.b64encode(key).decode())
        return key
    except KeyUnavailable:
        raise
    except NoKeyringError as exc:
        raise KeyUnavailable("This computer has no system keyring (password store) that Boundary can use.") from exc
    except KeyringError as exc:
        locked = "locked" in type(exc).__name__.lower() or "locked" in str(exc).lower()
        raise KeyUnavailable(
            "Your system keyring is locked. Unlock it (usually by signing in to your computer) and try again."
            if locked
            else f"Your system keyring refused to give Boundary its key ({type(exc).__name__})."
        ) from exc
    except Exception as exc:  # D-Bus errors and the like, from the backends
        raise KeyUnavailable(f"Your system keyring couldn't be used ({type(exc).__name__}).") from exc


def delete_keyring_key(account: str) -> bool:
    try:
        import keyring

        keyring.delete_password(_service(), account)
        return True
    except Exception:  # not there, or no keyring: nothing to delete
        return False


def passphrase_key(passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    if not passphrase:
        raise ValueError("the passphrase is empty")
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
