"""End-to-end: real headless Chromium audits each persona through the real routing.

The expected statuses come from an oracle that reads the persona file directly (what the
account really is), not from anything the audit reads, so a reader that misreads a page
fails here.
"""

from __future__ import annotations

import pytest

from audits.catalog import checks_for
from audits.watchwords import WordMatcher, count_watch_list_matches, default_watch_words
from replicas.personas import load_persona
from tests.conftest import audit, statuses

pytestmark = pytest.mark.browser

WIDE = {"Public", "Friends of friends", "Everyone"}
FIELDS = ["work", "education", "current_city", "hometown", "relationship", "family", "birthday", "contact"]


def oracle(persona: str, watch_list: list[str]) -> dict[str, str]:
    fb = load_persona(persona)["facebook"]
    s = fb["settings"]
    risk = lambda flag: "at_risk" if flag else "ok"  # noqa: E731
    out = {
        "facebook.future_posts": risk(s["future_posts"] in WIDE),
        "facebook.friends_list": risk(s["friends_list"] in WIDE),
        "facebook.lookup_email": risk(s["lookup_email"] in WIDE),
        "facebook.lookup_phone": risk(s["lookup_phone"] in WIDE),
        "facebook.search_engines": risk(s["search_engines"]),
        "facebook.tag_review": risk(not s["tag_review"]),
        "facebook.timeline_review": risk(not s["timeline_review"]),
        "facebook.tagged_posts_audience": risk(s["tagged_posts_audience"] in WIDE),
        "facebook.friend_requests": risk(s["friend_requests"] == "Everyone"),
    }
    about = fb.get("about", [])
    for name in FIELDS:
        kinds = {"contact": ("phone", "email", "address")}.get(name, (name,))
        out[f"facebook.profile.{name}"] = risk(any(a["field"] in kinds and a["audience"] in WIDE for a in about))
    posts = fb.get("posts", [])
    wide = [p for p in posts if p["audience"] in WIDE]
    out["facebook.past_posts"] = risk(bool(wide))
    words = WordMatcher(default_watch_words())
    family = [a["text"].lower() for a in about if a["field"] == "family"]
    out["facebook.public_post_content"] = risk(any(
        words.find(p["text"]) or p.get("place") or any(w.lower() in family for w in p.get("with", [])) for p in wide))
    friends = fb.get("friends", {}).get("names", [])
    out["facebook.connections_watchlist"] = (
        risk(count_watch_list_matches(friends, watch_list) > 0) if watch_list else "skipped")
    return out


def friend(persona: str, n: int) -> str:
    return load_persona(persona)["facebook"]["friends"]["names"][n]


@pytest.mark.parametrize("persona", ["locked_down", "wide_open", "demo"])
def test_each_persona_gets_the_statuses_the_account_really_has(replicas, persona):
    watch_list = [friend(persona, 3)] if persona != "locked_down" else ["Nobody Onthelist"]
    running = replicas(persona)
    report, stats = audit(running, watch_list=watch_list)
    got = statuses(report)
    assert list(got) == [c.id for c in checks_for("facebook")]  # every check, exactly once
    expected = oracle(persona, watch_list)
    wrong = {k: (got[k], expected[k], next(f for f in report.findings() if f.check == k).reason) for k in got if got[k] != expected[k]}
    assert not wrong
    # Read-only: the audit wrote nothing.
    assert not any(running.writes().values())
    assert report.platforms[0].account.display_name == load_persona(persona)["person"]["name"]


def test_wide_open_reports_every_problem_and_locked_down_none(replicas):
    report, _ = audit(replicas("wide_open"), watch_list=[friend("wide_open", 0)])
    assert set(statuses(report).values()) == {"at_risk"}
    report, _ = audit(replicas("locked_down"), watch_list=["Nobody Onthelist"])
    assert set(statuses(report).values()) == {"ok"}


@pytest.mark.parametrize("platform,check,expected", [
    ("facebook", "facebook.future_posts", "ok"),
    ("x", "x.dm_requests", "at_risk"),
    ("instagram", "instagram.tags", "at_risk"),
    ("linkedin", "linkedin.discover_email", "at_risk"),
    ("tiktok", "tiktok.suggest_account", "at_risk"),
])
def test_third_party_requests_are_blocked(replicas, platform, check, expected):
    running = replicas("demo", platforms=[platform])
    running.apps[platform].faults.add(".", "third_party")
    report, stats = audit(running, platforms=[platform], only_checks={check})
    assert {"tracker.example.net", "ads.example.com"} <= set(stats.blocked_hosts[platform])
    assert statuses(report, platform) == {check: expected}


def test_progress_is_reported_and_cancel_stops_between_steps_keeping_what_was_found(replicas):
    import threading

    seen = []
    cancel = threading.Event()

    def progress(p):
        seen.append((p.step, p.total, str(p)))
        return p.step < 3  # stop before the third step

    running = replicas("demo")
    report, stats = audit(running, progress=progress, cancel=cancel)
    got = statuses(report)
    assert [s[0] for s in seen] == [1, 2, 3]
    assert seen[0][2].startswith("Facebook: opening your profile… 1 of ")
    assert report.platforms[0].status == "incomplete"
    assert list(got) == [c.id for c in checks_for("facebook")]
    # Found before the stop: the future-posts setting (step 2) is kept.
    assert got["facebook.future_posts"] == "ok"
    stopped = [f for f in report.findings() if f.reason and "stopped" in f.reason]
    assert {f.check for f in stopped} >= {"facebook.lookup_phone", "facebook.tag_review"}
    assert "ok" not in {got[f.check] for f in stopped}


def test_generated_timelines_are_read_to_the_end(tmp_path):
    """Generated personas (benchmarks) render every post, and the audit reads them all."""
    from replicas.facebook import FacebookReplica
    from replicas.server import ReplicaServer

    (tmp_path / "gen.toml").write_text(
        '[person]\nname = "Gen Persona"\n\n[facebook]\nusername = "gen.persona"\nuser_id = "100088888888888"\n'
        'email = "gen@example.org"\npassword = "x"\nposts_generate = 45\n\n[facebook.friends]\ngenerate = 30\n')
    app = FacebookReplica(load_persona(str(tmp_path / "gen.toml")))
    with ReplicaServer(app) as server:
        from audits.engine import RunOptions, run_audit
        from audits.platforms.base import AuditOptions

        report = run_audit(RunOptions(platforms=["facebook"], sessions={"facebook": app.storage_state()},
                                      sites={"facebook": server.origin}, page_timeout=5,
                                      audit=AuditOptions(scroll_idle=1.0), only_checks={"facebook.past_posts"}))
    [finding] = report.findings()
    wide = sum(1 for p in app.persona["facebook"]["posts"] if p["audience"] in WIDE)
    assert finding.status == ("at_risk" if wide else "ok"), finding.reason
    assert f"{wide} post" in finding.summary
