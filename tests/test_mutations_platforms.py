"""The mutation suite for the X, Instagram, LinkedIn and TikTok pages (see tests/test_mutations.py): generated
variants of every page, audited for real; no check may be `ok` unless the account really is
ok. All variants run in `make faults`; `make test` runs one per platform."""

from __future__ import annotations

import pytest

from replicas.personas import load_persona
from tests.support import audit, cases, statuses

pytestmark = pytest.mark.browser

LABELS = {
    "x": ["Protect your posts", "Photo tagging", "Allow message requests from",
          "Let people who have your email address find you on X",
          "Let people who have your phone number find you on X", "Add location information to your posts"],
    "instagram": ["Private account", "Allow tags from", "Manually approve tags", "Allow mentions from",
                  "Show activity status", "Allow people to share your stories", "Display contact info"],
    "linkedin": ["Your profile's public visibility", "Articles & activity", "Websites",
                 "Who can see or download your email address", "Profile discovery using email address",
                 "Profile discovery using phone number", "Manage active status",
                 "Allow your connections to see your connections list", "Who can see your connections"],
    "tiktok": ["Private account", "Suggest your account to others", "Contacts", "Direct messages", "Duet",
               "Stitch", "Following list", "Liked videos"],
}
GROUPS = {
    "x": {"settings": r"^/settings", "home": r"^/home", "profile": r"^/[A-Za-z0-9_]+$",
          "lists": r"/followers|/following", "timeline": r"^/i/api/"},
    "instagram": {"settings": r"^/accounts", "home": r"^/$", "profile": r"^/[a-z0-9._]+/?$",
                  "lists": r"/followers|/following", "grid": r"^/api/v1/feed"},
    "linkedin": {"settings": r"^/mypreferences", "public settings": r"^/public-profile", "home": r"^/feed",
                 "profile": r"^/in/", "lists": r"^/mynetwork"},
    "tiktok": {"settings": r"^/setting", "profile": r"^/@[^/]+$", "videos": r"^/api/post/item_list",
               "video pages": r"/video/"},
}
VALUES = ("Everyone|No one|Verified users|People you follow|Don't allow|Anyone can tag you|"
          "Only people you follow can tag you|Off|On|Anyone on LinkedIn|Anyone|All LinkedIn members|"
          "1st-degree connections|Friends|Only me|Suggested friends|Nobody")


PLATFORMS = ("x", "instagram", "linkedin", "tiktok")


def variants(platform: str) -> dict:
    out = {f"label renamed: {label[:40]}": ("replace", ".", {"mapping": {label: f"Setting {n}"}})
           for n, label in enumerate(LABELS[platform])}
    # The state a page doesn't expose: aria-checked removed from switches, radios and boxes.
    # (A native box's own `checked` is not removed: without it the box really shows "off" to
    # a person and a screen reader alike — that changes the value, it doesn't hide it.)
    out["checked state removed"] = ("replace", ".", {"regex": True, "mapping": {r'aria-checked="(true|false)"': ""}})
    out["value moved into aria-label"] = ("replace", ".", {"regex": True, "mapping": {
        rf">\s*({VALUES})\s*<": r' aria-label="\1"><'}})
    out["switches removed"] = ("replace", ".", {"regex": True, "mapping": {r'<input[^>]*type="checkbox"[^>]*>': ""}})
    out["extra wrappers"] = ("wrap", ".", {"extra": 3})
    for group, rx in GROUPS[platform].items():
        for kind, params in (("empty", {}), ("login_wall", {}), ("checkpoint", {}), ("status", {"status": 500}),
                             ("rate_limit", {"retry_after": 0}), ("redirect_loop", {})):
            out[f"{kind}: {group}"] = (kind, rx, params)
    out["never finishes: profile"] = ("hang", GROUPS[platform]["profile"], {})
    return out


def pytest_generate_tests(metafunc):
    if "variant" in metafunc.fixturenames:
        full = metafunc.config.getoption("--full-faults")
        pairs = [(p, v) for p in PLATFORMS for v in variants(p)
                 if full or v == "value moved into aria-label"]
        metafunc.parametrize("platform,variant", pairs, ids=[f"{p}|{v}" for p, v in pairs])


def test_no_false_ok_under_mutation(request, replicas, platform, variant):
    # The wide-open persona: every true answer is "at risk", so any ok is a false ok.
    c, data = cases(platform), load_persona("wide_open")
    running = replicas("wide_open", platforms=[platform])
    sessions = running.sessions()
    kind, rx, params = variants(platform)[variant]
    running.apps[platform].faults.add(rx, kind, **params)
    watch = c.watch(data, "wide_open")
    report, _ = audit(running, platforms=[platform], watch_list=watch, sessions=sessions, page_timeout=3.0)
    got, truth = statuses(report, platform), c.oracle(data, watch)
    false_ok = sorted(c for c, s in got.items() if s == "ok" and truth[c] != "ok")
    wrong = sorted(c for c, s in got.items() if s not in (truth[c], "unknown"))
    request.config.__dict__.setdefault("boundary_mutations", []).append({
        "persona": f"{platform}:wo", "variant": variant, "false_ok": len(false_ok), "wrong": len(wrong),
        "correct": sum(1 for c, s in got.items() if s == truth[c]),
        "unknown": sum(1 for s in got.values() if s == "unknown"), "checks": len(got)})
    assert not false_ok, false_ok
    assert not wrong, wrong
    assert not any(running.writes().values())
