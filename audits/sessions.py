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


MAX_SESSION_BYTES = 5_000_000  # a real storage state is a few kilobytes
COOKIE_TEXT = ("name", "value", "domain")
SAME_SITE = ("Strict", "Lax", "None")


def validate_storage_state(platform: str, state: object, where: str = "the session") -> dict:
    """A Playwright storage state checked field by field, so a file of the wrong shape is a
    clear message here, never an error deep inside the browser. Returns a clean copy."""
    if not isinstance(state, dict) or not isinstance(state.get("cookies"), list):
        raise SessionError(f"{where} is not a browser session file (Playwright storage state with a 'cookies' list)")
    cookies = []
    for n, cookie in enumerate(state["cookies"], 1):
        if not isinstance(cookie, dict) or not all(isinstance(cookie.get(k), str) for k in COOKIE_TEXT):
            raise SessionError(f"{where}: cookie {n} needs a name, value and domain, each a text")
        clean = {k: cookie[k] for k in COOKIE_TEXT}
        clean["path"] = cookie.get("path", "/")
        if not isinstance(clean["path"], str):
            raise SessionError(f"{where}: cookie {n} has a path that isn't a text")
        expires = cookie.get("expires", -1)
        if isinstance(expires, bool) or not isinstance(expires, int | float) or expires != expires \
                or not (expires == -1 or 0 <= expires < 1e11):
            raise SessionError(f"{where}: cookie {n} has an expiry that isn't a date (seconds, or -1)")
        clean["expires"] = expires
        for flag in ("httpOnly", "secure"):
            if not isinstance(cookie.get(flag, False), bool):
                raise SessionError(f"{where}: cookie {n} has '{flag}' that isn't true or false")
            clean[flag] = cookie.get(flag, False)
        if cookie.get("sameSite", "Lax") not in SAME_SITE:
            raise SessionError(f"{where}: cookie {n} has 'sameSite' that isn't {', '.join(SAME_SITE)}")
        clean["sameSite"] = cookie.get("sameSite", "Lax")
        cookies.append(clean)
    origins = state.get("origins", [])
    if not isinstance(origins, list) or not all(
            isinstance(o, dict) and isinstance(o.get("origin"), str) and isinstance(o.get("localStorage", []), list)
            and all(isinstance(i, dict) and isinstance(i.get("name"), str) and isinstance(i.get("value"), str)
                    for i in o.get("localStorage", []))
            for o in origins):
        raise SessionError(f"{where} has 'origins' of the wrong shape (a list of origins with their local storage)")
    names = {c["name"] for c in cookies if host_in(c["domain"].lstrip("."), declaration(platform).hosts)}
    missing = [c for c in declaration(platform).session_cookies if c not in names]
    if missing:
        raise SessionError(f"{where} has no {platform} sign-in cookie ({', '.join(missing)} missing)")
    return {"cookies": cookies, "origins": [{"origin": o["origin"], "localStorage": o.get("localStorage", [])}
                                            for o in origins]}


def load_session_file(platform: str, path: str | Path) -> dict:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SESSION_BYTES:
            raise SessionError(f"{path} is far too large to be a session file")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SessionError(f"session file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SessionError(f"can't read session file {path}: {exc}") from exc
    if len(text) > MAX_SESSION_BYTES:
        raise SessionError(f"{path} is far too large to be a session file")
    try:
        state = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SessionError(f"{path} is not JSON (line {exc.lineno}): not a session file") from exc
    except RecursionError as exc:  # nested thousands deep: not a session file either
        raise SessionError(f"{path} is not a session file (nested too deeply)") from exc
    return validate_storage_state(platform, state, str(path))


def is_signed_in(platform: str, cookies: list[dict]) -> bool:
    """Whether a context's cookies hold the platform's session cookies (sign-in detection)."""
    names = {c["name"] for c in cookies if c.get("value") and host_in(c.get("domain", "").lstrip("."), declaration(platform).hosts)}
    return all(n in names for n in declaration(platform).session_cookies)
