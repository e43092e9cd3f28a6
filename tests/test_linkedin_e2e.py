"""The LinkedIn audit end to end on its replica: each persona against an oracle read from
the persona file, no writes, and the fault set never producing a wrong answer."""

from __future__ import annotations

import pytest

from audits.catalog import checks_for
from audits.watchwords import count_watch_list_matches
from replicas.personas import load_persona
from tests.conftest import audit, statuses

pytestmark = pytest.mark.browser

PERSONAL = ("activity", "websites", "volunteering", "causes", "groups")


def oracle(persona: str, watch_list: list[str]) -> dict[str, str]:
    li = load_persona(persona)["linkedin"]
    s, shown = li["settings"], li["public_profile"]
    risk = lambda flag: "at_risk" if flag else "ok"  # noqa: E731
    return {
        "linkedin.public_profile": risk(shown["visible"] and any(shown[k] for k in PERSONAL)),
        "linkedin.connections_visibility": risk(s["connections_visibility"]),
        "linkedin.email_visibility": risk(s["email_visibility"] in ("Anyone on LinkedIn",
                                                                     "1st and 2nd degree connections")),
        "linkedin.discover_email": risk(s["discover_email"] == "Anyone"),
        "linkedin.discover_phone": risk(s["discover_phone"] == "Everyone"),
        "linkedin.last_name": "ok",  # informational: either choice is fine
        "linkedin.active_status": risk(s["active_status"] == "All LinkedIn members"),
        "linkedin.connections_watchlist": (risk(count_watch_list_matches(li["connections"]["names"], watch_list) > 0)
                                           if watch_list else "skipped"),
    }


def watch(persona: str) -> list[str]:
    names = load_persona(persona)["linkedin"]["connections"]["names"]
    return [names[3]] if persona != "locked_down" else ["Nobody Onthelist"]


@pytest.mark.parametrize("persona", ["locked_down", "wide_open", "demo"])
def test_each_persona_gets_the_statuses_the_account_really_has(replicas, persona):
    running = replicas(persona, platforms=["linkedin"])
    report, _ = audit(running, platforms=["linkedin"], watch_list=watch(persona))
    got = statuses(report, "linkedin")
    assert list(got) == [c.id for c in checks_for("linkedin")]
    truth = oracle(persona, watch(persona))
    assert {k: v for k, v in got.items() if v != truth[k]} == {}
    assert not any(running.writes().values())
    account = report.platforms[0].account
    assert account.display_name == load_persona(persona)["person"]["name"]
    assert account.profile_url.endswith(f"/in/{load_persona(persona)['linkedin']['vanity']}/")


def test_the_public_profile_finding_names_what_a_stranger_sees(replicas):
    running = replicas("demo", platforms=["linkedin"])
    report, _ = audit(running, platforms=["linkedin"], only_checks={"linkedin.public_profile"})
    finding = next(f for f in report.findings() if f.check == "linkedin.public_profile")
    assert finding.status == "at_risk"
    assert "Articles & activity" in finding.summary
    assert any(e.source == "public_view" for e in finding.evidence)
    assert not any(running.writes().values())


def test_the_authwall_hides_nothing_but_proves_nothing_either(replicas):
    # The public view is walled: the settings alone decide, and say so.
    running = replicas("locked_down", platforms=["linkedin"])
    report, _ = audit(running, platforms=["linkedin"], only_checks={"linkedin.public_profile"})
    finding = next(f for f in report.findings() if f.check == "linkedin.public_profile")
    assert finding.status == "ok"
    assert [e.source for e in finding.evidence] == ["setting", "public_view"]
    assert "couldn't be read" in finding.evidence[1].detail
    assert not any(running.writes().values())


RENAMED = {"Your profile's public visibility": "Public profile", "Articles & activity": "Your posts",
           "Who can see or download your email address": "Email address",
           "Profile discovery using email address": "Discovery (email)",
           "Profile discovery using phone number": "Discovery (phone)",
           "Manage active status": "Online status",
           "Allow your connections to see your connections list": "Connections list",
           "Who can see your connections": "Your network", "Who can see your last name": "Surname"}


# 500, checkpoint, 429 and empty pages run in make faults (the mutation suite also covers them
# page by page); the faults particular to this platform run in make test too.
@pytest.mark.parametrize("fault", [
    ("replace", r"^/mypreferences|^/public-profile", {"mapping": RENAMED}),
    pytest.param(("status", r"^/mypreferences", {"status": 500}), marks=pytest.mark.slow),
    pytest.param(("checkpoint", r"^/mypreferences|^/public-profile", {}), marks=pytest.mark.slow),
    pytest.param(("rate_limit", r"^/mypreferences", {"retry_after": 0}), marks=pytest.mark.slow),
    pytest.param(("hang", r"^/in/", {}), marks=pytest.mark.slow),
    ("login_wall", r"^/in/", {}),
    ("login_wall", r"^/mynetwork", {}),
    ("hang", "CONNECTIONS", {}),
    pytest.param(("empty", ".", {}), marks=pytest.mark.slow),
    "expired", "french",
], ids=["labels renamed", "500", "checkpoint", "429", "profile hangs", "authwall", "expires half-way",
        "connections stop", "empty", "expired", "french"])
# The wide-open persona (every true answer "at risk") runs in make test; the demo in make faults.
@pytest.mark.parametrize("persona", ["wide_open", pytest.param("demo", marks=pytest.mark.slow)])
def test_faults_never_give_a_wrong_answer(replicas, persona, fault):
    running = replicas(persona, platforms=["linkedin"])
    sessions = running.sessions()
    app = running.apps["linkedin"]
    if fault == "expired":
        app.expire_sessions()
    elif fault == "french":
        app.persona["linkedin"]["ui_language"] = "fr"
    else:
        kind, rx, params = fault
        app.faults.add(app.CONNECTIONS_CHUNK_PATTERN if rx == "CONNECTIONS" else rx, kind, **params)
    report, _ = audit(running, platforms=["linkedin"], watch_list=watch(persona), sessions=sessions,
                      page_timeout=3.0)
    got, truth = statuses(report, "linkedin"), oracle(persona, watch(persona))
    assert {k: (v, truth[k]) for k, v in got.items() if v not in (truth[k], "unknown")} == {}
    assert all(f.reason for f in report.findings() if f.status == "unknown")
    assert not any(running.writes().values())


def test_other_peoples_profiles_on_the_feed_are_never_taken_for_yours(replicas):
    # A post by someone else, first on the feed: the public profile settings' own address wins.
    running = replicas("demo", platforms=["linkedin"])
    running.apps["linkedin"].faults.add(r"^/feed", "replace", regex=True, mapping={
        r"<main([^>]*)>": r'<main\1><article><a href="/in/alex-stranger-1a2b/">Alex Stranger</a> posted</article>'})
    report, _ = audit(running, platforms=["linkedin"], only_checks={"linkedin.public_profile"})
    account = report.platforms[0].account
    assert account.profile_url == "https://www.linkedin.com/in/sam-taylor-sw/"
    assert account.display_name == "Sam Taylor"
    assert statuses(report, "linkedin") == {"linkedin.public_profile": "at_risk"}
    assert not any(running.writes().values())
