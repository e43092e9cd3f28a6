"""Fault cases: whatever goes wrong, an affected check is `unknown`, never `ok`, and no
check ever gives an answer the account doesn't really have."""

from __future__ import annotations

import pytest

from audits.platforms.facebook.cases import EVERY_FORM
from tests.support import audit, expected, friend, statuses

pytestmark = pytest.mark.browser

SETTINGS_CHECKS = {
    "facebook.future_posts", "facebook.lookup_email", "facebook.lookup_phone", "facebook.search_engines",
    "facebook.tag_review", "facebook.timeline_review", "facebook.tagged_posts_audience", "facebook.friend_requests",
}
PROFILE_CHECKS = {f"facebook.profile.{f}" for f in
                  ["work", "education", "current_city", "hometown", "relationship", "family", "birthday", "contact"]}


def run_with(replicas, setup, persona="demo"):
    running = replicas(persona)
    sessions = running.sessions()  # issued before the fault, as a saved session would be
    setup(running.apps["facebook"])
    watch_list = [friend(persona, 3)]
    report, _ = audit(running, watch_list=watch_list, sessions=sessions)
    got = statuses(report)
    truth = expected("facebook", persona, watch_list)
    # Never a wrong answer: each check is either right or unknown (with a reason).
    wrong = {k: (v, truth[k]) for k, v in got.items() if v not in (truth[k], "unknown")}
    assert not wrong
    for f in report.findings():
        if f.status == "unknown":
            assert f.reason
    assert not any(running.writes().values())
    return got, report


def unknown(got, checks):
    return {c: got[c] for c in checks if got[c] != "unknown"}


def test_settings_labels_renamed(replicas):
    # Every form of each label goes, including the "Edit ..." buttons' names without the "?"
    # (a screen reader would still hear those, and the audit rightly reads them).
    mapping = EVERY_FORM
    got, _ = run_with(replicas, lambda app: app.faults.add(r"^/settings", "replace", mapping=mapping))
    assert not unknown(got, SETTINGS_CHECKS)


def test_settings_page_500(replicas):
    got, report = run_with(replicas, lambda app: app.faults.add(r"^/settings", "status", status=500))
    assert not unknown(got, SETTINGS_CHECKS)
    assert "HTTP 500" in next(f for f in report.findings() if f.check == "facebook.future_posts").reason


def test_about_pages_hang(replicas):
    got, report = run_with(replicas, lambda app: app.faults.add(r"/about", "hang"))
    assert not unknown(got, PROFILE_CHECKS)
    assert "took too long" in next(f for f in report.findings() if f.check == "facebook.profile.work").reason


def test_owner_session_redirects_to_login(replicas):
    got, report = run_with(replicas, lambda app: app.expire_sessions())
    # What the owner's pages and settings say is unknown; what a stranger sees still counts.
    assert not unknown(got, SETTINGS_CHECKS | PROFILE_CHECKS - {"facebook.profile.work", "facebook.profile.family", "facebook.profile.hometown"})
    assert "ok" not in got.values()
    assert "not signed in" in next(f for f in report.findings() if f.check == "facebook.future_posts").reason


def test_account_ui_in_another_language(replicas):
    def french(app):
        app.persona["facebook"]["ui_language"] = "fr"

    got, report = run_with(replicas, french)
    assert not unknown(got, SETTINGS_CHECKS | PROFILE_CHECKS)
    assert "language" in next(f for f in report.findings() if f.check == "facebook.future_posts").reason


def test_checkpoint_page(replicas):
    got, report = run_with(replicas, lambda app: app.faults.add(r"^/settings", "checkpoint"))
    assert not unknown(got, SETTINGS_CHECKS)
    assert "confirm it's you" in next(f for f in report.findings() if f.check == "facebook.lookup_phone").reason


def test_rate_limit_is_honoured_then_recovered(replicas):
    got, _ = run_with(replicas, lambda app: app.faults.add(r"tab=posts", "rate_limit", retry_after=1, times=1))
    assert got["facebook.future_posts"] == "ok"  # backed off, retried, read


def test_timeline_that_stops_loading_is_not_read_as_complete(replicas):
    # Older posts never arrive: the audit must not conclude the timeline has no public posts.
    got, _ = run_with(replicas, lambda app: app.faults.add(app.FEED_CHUNK_PATTERN, "status", status=500),
                      persona="locked_down")
    assert got["facebook.past_posts"] == "unknown"
