"""Facebook end to end: what only this platform needs beyond its declared cases
(audits/platforms/*/cases.py, run for every platform by tests/test_platform_cases.py)."""

from __future__ import annotations

import pytest

from audits.catalog import checks_for
from audits.platforms.facebook.cases import WIDE
from replicas.personas import load_persona
from tests.support import audit, friend, statuses

pytestmark = pytest.mark.browser


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
