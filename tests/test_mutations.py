"""The mutation suite: for generated variants of every replica page, no check may be `ok`
unless the account really is ok, and no check may give any answer the account doesn't have.

`make test` runs a fast subset on the wide-open persona (where every true answer is
"at risk", so any `ok` at all is a false ok); `make faults` runs every variant on the
wide-open and the demo personas. A table of the results is printed at the end of the run.
"""

from __future__ import annotations

import pytest

from audits.platforms.facebook.cases import RENAMED
from replicas.personas import load_persona
from tests.support import audit, expected, friend, statuses

pytestmark = pytest.mark.browser

VALUES = "Public|Friends of friends|Friends|Only me|Everyone|Custom|No one"


def variants(user: str) -> dict:
    groups = {
        "settings": r"^/settings",
        "profile": rf"^/{user}(\?|$)",
        "about": r"/about",
        "friends": r"/friends",
    }
    out = {}
    for label, new in RENAMED.items():
        out[f"label renamed: {label[:40]}"] = ("replace", r"^/settings", {"mapping": {label: new}})
    out["audience icons renamed"] = ("replace", ".", {"mapping": {"Shared with": "Visibility"}})
    out["About audience renamed"] = ("replace", "/about", {"mapping": {"Sharing with": "Seen by"}})
    out["About headings renamed"] = ("replace", "/about", {"mapping": {"Places lived": "Where I've lived", ">Work<": ">Employment<",
                                                                       "Family members": "Relatives", "Contact info": "Reach me"}})
    out["value moved into aria-label"] = ("replace", r"^/settings", {"regex": True, "mapping": {
        rf"<span([^>]*)>({VALUES})</span>": r'<span\1 aria-label="\2"></span>'}})
    out["switches removed"] = ("replace", r"^/settings", {"regex": True, "mapping": {r'<div[^>]*role="switch"[^>]*></div>': ""}})
    out["audience icons removed"] = ("replace", ".", {"regex": True, "mapping": {
        r'<svg[^>]*aria-label="Shared with[^"]*"[^>]*>.*?</svg>': ""}})
    out["prompts removed"] = ("replace", "/about", {"regex": True, "mapping": {r">\s*\+?\s*Add [^<]*<": "><"}})
    out["extra wrappers"] = ("wrap", ".", {"extra": 3})
    out["other language"] = "french"
    out["session expires half-way"] = ("login_wall", r"/about|/friends", {})
    for group, rx in groups.items():
        out[f"empty body: {group}"] = ("empty", rx, {})
        out[f"login wall: {group}"] = ("login_wall", rx, {})
        out[f"checkpoint: {group}"] = ("checkpoint", rx, {})
        out[f"404: {group}"] = ("status", rx, {"status": 404})
        out[f"500: {group}"] = ("status", rx, {"status": 500})
        out[f"429 with Retry-After: {group}"] = ("rate_limit", rx, {"retry_after": 0})
        out[f"redirect loop: {group}"] = ("redirect_loop", rx, {})
    out["slow page"] = ("slow", r"^/settings", {"seconds": 1.5})
    out["never finishes: settings"] = ("hang", r"^/settings", {})
    out["never finishes: about"] = ("hang", r"/about", {})
    out["never finishes: timeline"] = "hang-feed"
    return out


FAST = [
    "label renamed: Who can see your friends list?", "value moved into aria-label", "switches removed",
    "audience icons removed", "prompts removed", "extra wrappers", "other language", "session expires half-way",
    "empty body: settings", "login wall: profile", "500: friends", "never finishes: timeline", "checkpoint: about",
]


def selected(config) -> list[tuple[str, str]]:
    names = list(variants("x"))
    if config.getoption("--full-faults"):
        return [(p, v) for p in ("wide_open", "demo") for v in names]
    return [("wide_open", v) for v in names if any(v.startswith(f) for f in FAST)]


def pytest_generate_tests(metafunc):
    if "variant" in metafunc.fixturenames:
        pairs = selected(metafunc.config)
        metafunc.parametrize("persona,variant", pairs, ids=[f"{p}|{v}" for p, v in pairs])


def test_no_false_ok_under_mutation(request, replicas, persona, variant):
    running = replicas(persona)
    sessions = running.sessions()
    app = running.apps["facebook"]
    user = load_persona(persona)["facebook"]["username"]
    spec = variants(user)[variant]
    if spec == "french":
        app.persona["facebook"]["ui_language"] = "fr"
    elif spec == "hang-feed":
        app.faults.add(app.FEED_CHUNK_PATTERN, "hang")
    else:
        kind, rx, params = spec
        app.faults.add(rx, kind, **params)
    watch_list = [friend(persona, 3)]
    report, _ = audit(running, watch_list=watch_list, sessions=sessions, page_timeout=3.0)
    got = statuses(report)
    truth = expected("facebook", persona, watch_list)
    false_ok = sorted(c for c, s in got.items() if s == "ok" and truth[c] != "ok")
    wrong = sorted(c for c, s in got.items() if s not in (truth[c], "unknown"))
    # Kept on the run's config: conftest prints them as a table at the end.
    request.config.__dict__.setdefault("boundary_mutations", []).append({"persona": persona, "variant": variant, "false_ok": len(false_ok), "wrong": len(wrong),
                    "correct": sum(1 for c, s in got.items() if s == truth[c]),
                    "unknown": sum(1 for s in got.values() if s == "unknown"), "checks": len(got)})
    assert not false_ok, false_ok
    assert not wrong, wrong
    assert all(f.reason for f in report.findings() if f.status == "unknown")
    assert not any(running.writes().values())
