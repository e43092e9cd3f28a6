"""LinkedIn end to end: what only this platform needs beyond its declared cases
(audits/platforms/*/cases.py, run for every platform by tests/test_platform_cases.py)."""

from __future__ import annotations

import pytest

from tests.support import audit, statuses

pytestmark = pytest.mark.browser


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
