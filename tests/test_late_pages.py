"""Pages as the real sites send them: built by script after the document arrives, values
shown in other accessible ways, the platforms' own wording variants. Each case gave
"couldn't check" (or worse) before readiness and the accessible readers (issue: reading
real pages); the reading suite covers the same ground with random seeds."""

from __future__ import annotations

import pytest

from tests.support import audit, statuses

pytestmark = pytest.mark.browser


def test_a_settings_page_built_late_behind_a_progressbar_is_read_once_it_is_there(replicas):
    running = replicas("wide_open", platforms=["x"])
    sessions = running.sessions()
    running.apps["x"].faults.add(r"^/settings", "late", seed=4, delay=1.5)
    report, _ = audit(running, platforms=["x"], sessions=sessions, page_timeout=8.0)
    got = statuses(report, "x")
    for check in ("x.protected_posts", "x.photo_tagging", "x.discover_email", "x.discover_phone",
                  "x.post_location", "x.dm_requests"):
        assert got[check] == "at_risk", (check, got[check])
    assert not any(running.writes().values())


def test_a_profile_shown_as_grey_boxes_first_is_read_once_it_is_there(replicas):
    running = replicas("wide_open", platforms=["x"])
    sessions = running.sessions()
    running.apps["x"].faults.add(r"^/[A-Za-z0-9_]+$", "skeleton", seed=3, delay=1.5)
    report, _ = audit(running, platforms=["x"], sessions=sessions, page_timeout=8.0)
    got = statuses(report, "x")
    assert got["x.profile.location"] == "at_risk"
    assert got["x.public_post_content"] == "at_risk"
    assert not any(running.writes().values())


def test_xs_own_wording_variant_of_the_email_switch_is_read(replicas):
    running = replicas("wide_open", platforms=["x"])
    sessions = running.sessions()
    running.apps["x"].faults.add(r"^/settings", "replace", mapping={
        "Let people who have your email address find you on X": "Let people who have your email find you on X"})
    report, _ = audit(running, platforms=["x"], sessions=sessions)
    assert statuses(report, "x")["x.discover_email"] == "at_risk"


def test_a_value_only_in_an_icon_buttons_name_is_read(replicas):
    # Facebook's own pattern: the row shows an audience icon whose name carries the value.
    running = replicas("demo", platforms=["facebook"])
    sessions = running.sessions()
    running.apps["facebook"].faults.add(r"^/settings", "replace", regex=True, mapping={
        r'<span dir="auto"[^>]*>(Public|Friends of friends|Friends|Everyone|Only me)</span>':
            r'<span role="button" aria-label="Edit privacy. Sharing with \1."><svg width="12" height="12"></svg></span>'})
    report, _ = audit(running, platforms=["facebook"], sessions=sessions)
    got = statuses(report, "facebook")
    for check in ("facebook.future_posts", "facebook.friends_list", "facebook.lookup_email",
                  "facebook.lookup_phone", "facebook.friend_requests"):
        assert got[check] != "unknown", (check, [f.reason for f in report.findings() if f.check == check])
