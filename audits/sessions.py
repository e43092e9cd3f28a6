"""Platform sessions: Playwright storage state, checked before use.

A session is an ordinary Playwright storage-state document whose cookies sit on the real
platform domain (`c_user`/`xs` on `.facebook.com`), so replica and real accounts share one
code path. The app never writes one in plaintext; the CLI reads one only when given a file.
"""

from __future__ import annotations

import json
from pathlib import Path

from audits.registry import declaration
from audits.routing import host_in


class SessionError(ValueError):
    pass


def validate_storage_state(platform: str, state: object, where: str = "the session") -> dict:
    if not isinstance(state, dict) or not isinstance(state.get("cookies"), list):
        raise SessionError(f"{where} is not a browser session file (Playwright storage state with a 'cookies' list)")
    names = set()
    for cookie in state["cookies"]:
        if not isinstance(cookie, dict) or not {"name", "value", "domain"} <= cookie.keys():
            raise SessionError(f"{where} has a cookie without a name, value or domain")
        if host_in(cookie["domain"].lstrip("."), declaration(platform).hosts):
            names.add(cookie["name"])
    missing = [c for c in declaration(platform).session_cookies if c not in names]
    if missing:
        raise SessionError(f"{where} has no {platform} sign-in cookie ({', '.join(missing)} missing)")
    state.setdefault("origins", [])
    return state


def load_session_file(platform: str, path: str | Path) -> dict:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SessionError(f"session file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SessionError(f"can't read session file {path}: {exc}") from exc
    try:
        state = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SessionError(f"{path} is not JSON (line {exc.lineno}): not a session file") from exc
    return validate_storage_state(platform, state, str(path))


def is_signed_in(platform: str, cookies: list[dict]) -> bool:
    """Whether a context's cookies hold the platform's session cookies (sign-in detection)."""
    names = {c["name"] for c in cookies if c.get("value") and host_in(c.get("domain", "").lstrip("."), declaration(platform).hosts)}
    return all(n in names for n in declaration(platform).session_cookies)
