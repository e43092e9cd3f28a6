"""The X audit end to end on its replica: each persona against an oracle read from the
persona file, no writes, and the fault set never producing a wrong answer."""

from __future__ import annotations

import pytest

from audits.catalog import checks_for
from audits.watchwords import WordMatcher, count_watch_list_matches, default_watch_words
from replicas.personas import load_persona
from tests.conftest import audit, statuses

pytestmark = pytest.mark.browser


def oracle(persona: str, watch_list: list[str]) -> dict[str, str]:
    x = load_persona(persona)["x"]
    s, profile = x["settings"], x.get("profile", {})
    risk = lambda flag: "at_risk" if flag else "ok"  # noqa: E731
    words = WordMatcher(default_watch_words())
    public = not s["protected"]
    names = x.get("followers", {}).get("names", []) + x.get("following", {}).get("names", [])
    return {
        "x.protected_posts": risk(public),
        "x.public_post_content": risk(public and any(words.find(p["text"]) or p.get("place") for p in x.get("posts", []))),
        "x.followers_lists": risk(public),
        "x.profile.location": risk(bool(profile.get("location"))),
        "x.profile.bio_work": risk(bool(words.find(profile.get("bio", "") + " " + profile.get("website", "")))),
        "x.profile.birth_date": risk(bool(profile.get("birth_date")) and "Public" in (
            profile.get("birth_date_visibility"), profile.get("birth_year_visibility"))),
        "x.discover_email": risk(s["discover_email"]),
        "x.discover_phone": risk(s["discover_phone"]),
        "x.photo_tagging": risk(s["photo_tagging"] == "Anyone"),
        "x.post_location": risk(s["post_location"]),
        "x.dm_requests": risk(s["dm_requests"] == "Everyone"),
        "x.connections_watchlist": risk(count_watch_list_matches(names, watch_list) > 0) if watch_list else "skipped",
    }


def watch(persona: str) -> list[str]:
    x = load_persona(persona)["x"]
    return [x["followers"]["names"][3]] if persona != "locked_down" else ["Nobody Onthelist"]


@pytest.mark.parametrize("persona", ["locked_down", "wide_open", "demo"])
def test_each_persona_gets_the_statuses_the_account_really_has(replicas, persona):
    running = replicas(persona, platforms=["x"])
    report, stats = audit(running, platforms=["x"], watch_list=watch(persona))
    got = statuses(report, "x")
    assert list(got) == [c.id for c in checks_for("x")]
    truth = oracle(persona, watch(persona))
    assert {k: v for k, v in got.items() if v != truth[k]} == {}
    assert not any(running.writes().values())
    assert report.platforms[0].account.display_name == load_persona(persona)["person"]["name"]


RENAMED = {"Protect your posts": "Lock your account", "Photo tagging": "Tag permissions",
           "Allow message requests from": "Who may message you",
           "Let people who have your phone number find you on X": "Phone discoverability",
           "Let people who have your email address find you on X": "Email discoverability",
           "Add location information to your posts": "Geotag posts"}


@pytest.mark.parametrize("fault", [
    ("replace", r"^/settings", {"mapping": RENAMED}),
    ("status", r"^/settings", {"status": 500}),
    ("checkpoint", r"^/settings", {}),
    ("rate_limit", r"^/settings", {"retry_after": 0}),
    ("hang", r"^/samtaylor_sw|^/bailey|^/[a-z_]+$", {}),
    ("login_wall", r"/followers|/following", {}),
    ("empty", ".", {}),
    "expired", "french",
], ids=["labels renamed", "500", "checkpoint", "429", "profile hangs", "expires half-way", "empty", "expired", "french"])
# The wide-open persona (every true answer "at risk") runs in make test; the demo in make faults.
@pytest.mark.parametrize("persona", ["wide_open", pytest.param("demo", marks=pytest.mark.slow)])
def test_faults_never_give_a_wrong_answer(replicas, persona, fault):
    running = replicas(persona, platforms=["x"])
    sessions = running.sessions()
    app = running.apps["x"]
    if fault == "expired":
        app.expire_sessions()
    elif fault == "french":
        app.persona["x"]["ui_language"] = "fr"
    else:
        kind, rx, params = fault
        app.faults.add(rx, kind, **params)
    report, _ = audit(running, platforms=["x"], watch_list=watch(persona), sessions=sessions, page_timeout=3.0)
    got, truth = statuses(report, "x"), oracle(persona, watch(persona))
    assert {k: (v, truth[k]) for k, v in got.items() if v not in (truth[k], "unknown")} == {}
    assert all(f.reason for f in report.findings() if f.status == "unknown")
    assert not any(running.writes().values())
