"""What several test files share (no test imports another test module)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from replicas.personas import load_persona
from store import keys

ROOT = Path(__file__).resolve().parent.parent
# Test pages answer at once; short waits keep fault cases (hangs, timeouts) quick.
TEST_TIMEOUT = 4.0


def audit(running, platforms=("facebook",), watch_list=(), progress=None, cancel=None, **kw):
    """Run the real audit (real Chromium, real routing) against running replicas."""
    from audits.engine import RunOptions, RunStats, run_audit
    from audits.platforms.base import AuditOptions
    from audits.watchwords import default_watch_words

    stats = RunStats()
    options = RunOptions(
        platforms=list(platforms),
        sessions=kw.pop("sessions", None) or running.sessions(),
        sites=running.sites,
        audit=AuditOptions(watch_words=default_watch_words(), watch_list=list(watch_list), scroll_idle=kw.pop("scroll_idle", 1.0)),
        page_timeout=kw.pop("page_timeout", TEST_TIMEOUT),
        **kw,
    )
    report = run_audit(options, progress=progress, cancel=cancel, stats=stats)
    return report, stats


def statuses(report, platform="facebook") -> dict[str, str]:
    p = next(p for p in report.platforms if p.platform == platform)
    return {f.check: str(f.status) for f in p.findings}


def secret_service_available() -> bool:
    return keys.keyring_info().available


needs_keyring = pytest.mark.skipif(
    not secret_service_available() and not os.environ.get("BOUNDARY_REQUIRE_KEYRING"),
    reason="no Secret Service here (make test runs one under dbus-run-session)",
)


def personal_strings(persona: str, sessions: dict) -> list[str]:
    data = load_persona(persona)
    fb = data["facebook"]
    out = [data["person"]["name"], fb["email"], fb["username"]]
    out += [a["text"] for a in fb.get("about", [])]
    out += [p["text"][:40] for p in fb.get("posts", [])]
    out += fb["friends"]["names"][:50]
    if "linkedin" in data:
        li = data["linkedin"]
        out += [li["vanity"], li["profile"]["headline"], *li["connections"]["names"][:20]]
        out += [p["text"][:40] for p in li["posts"]]
    if "tiktok" in data:
        tt = data["tiktok"]
        out += [tt["unique_id"], tt["bio"], *[v["caption"][:40] for v in tt["videos"]]]
    out += [data[p][k] for p, k in (("x", "handle"), ("instagram", "username")) if p in data]
    out += [c["value"] for s in sessions.values() for c in s["cookies"] if len(c["value"]) >= 6]
    return [s for s in out if len(s) >= 6]


def fill_login(persona="demo"):
    fb = load_persona(persona)["facebook"]

    def fill(page):
        page.get_by_label("Email address or phone number").fill(fb["email"])
        page.get_by_label("Password").fill(fb["password"])
        page.get_by_role("button", name="Log in").click()

    return fill


def cases(platform: str):
    """The platform's test cases, declared beside its audit (audits/platforms/<id>/cases.py)."""
    import importlib

    return importlib.import_module(f"audits.platforms.{platform}.cases")


def expected(platform: str, persona: str, watch_list: list[str] | None = None) -> dict[str, str]:
    """The status each check must have for a replica persona (the platform's oracle)."""
    data = load_persona(persona)
    c = cases(platform)
    return c.oracle(data, c.watch(data, persona) if watch_list is None else list(watch_list))


def friend(persona: str, n: int) -> str:
    """The n-th Facebook friend of a persona (a name for a watch list)."""
    return load_persona(persona)["facebook"]["friends"]["names"][n]


# -- the adversarial suite's tally (printed at the end of the run by conftest) ------------------------
ADVERSARIAL: dict[str, dict[str, int]] = {}
COLUMNS = ("tried", "clear", "tracebacks", "false_ok", "egress", "home_files")


def adversary(area: str, *, clear: bool = True, traceback: bool = False, false_ok: int = 0, egress: int = 0,
              home_files: int = 0) -> None:
    """Count one hostile input tried in `area` and what came of it."""
    row = ADVERSARIAL.setdefault(area, dict.fromkeys(COLUMNS, 0))
    row["tried"] += 1
    row["clear"] += int(clear and not traceback)
    row["tracebacks"] += int(traceback)
    row["false_ok"] += false_ok
    row["egress"] += egress
    row["home_files"] += home_files
