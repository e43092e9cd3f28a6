"""The report model's rules and the catalog's agreement with CHECKS.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audits.catalog import CHECKS, checks_for
from audits.model import (
    SCHEMA,
    Audience,
    AuditReport,
    Evidence,
    Finding,
    PlatformReport,
    PlatformStatus,
    Severity,
    Source,
    Status,
    utc_now,
)
from audits.registry import ids as platform_ids
from audits.watchwords import WordMatcher, count_watch_list_matches, default_watch_words

CHECKS_MD = Path(__file__).resolve().parent.parent / "docs" / "design" / "CHECKS.md"


def finding(status, **kw):
    base = dict(check="facebook.friends_list", title="t", status=status, severity=Severity.HIGH, summary="s")
    base.update(kw)
    return Finding(**base)


def test_ok_needs_positive_evidence():
    with pytest.raises(ValueError, match="positive evidence"):
        finding(Status.OK)
    assert finding(Status.OK, evidence=[Evidence(Source.SETTING, "u", "d")]).status is Status.OK


@pytest.mark.parametrize("status", [Status.UNKNOWN, Status.SKIPPED])
def test_unknown_and_skipped_need_a_reason(status):
    with pytest.raises(ValueError, match="reason"):
        finding(status)


def test_json_round_trip_and_schema():
    report = AuditReport(started_at=utc_now(), finished_at=utc_now())
    report.platforms.append(PlatformReport("facebook", PlatformStatus.COMPLETED, findings=[
        finding(Status.AT_RISK, audience=Audience.PUBLIC, evidence=[Evidence(Source.PUBLIC_VIEW, "https://www.facebook.com/x/friends", "shown")]),
        finding(Status.UNKNOWN, check="facebook.future_posts", reason="timeout"),
    ]))
    data = report.to_json()
    assert data["schema"] == SCHEMA and data["tool"]["name"] == "boundary"
    assert data["summary"] == {"at_risk": 1, "ok": 0, "unknown": 1, "skipped": 0}
    assert "reason" not in data["platforms"][0]["findings"][0]
    assert data["platforms"][0]["findings"][1]["reason"] == "timeout"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data["started_at"])
    assert AuditReport.from_json(data).to_json() == data


@pytest.mark.parametrize(
    "statuses,platform_status,code",
    [
        ([Status.OK, Status.SKIPPED], PlatformStatus.COMPLETED, 0),
        ([Status.OK, Status.AT_RISK, Status.UNKNOWN], PlatformStatus.COMPLETED, 1),
        ([Status.OK, Status.UNKNOWN], PlatformStatus.COMPLETED, 3),
        ([Status.OK], PlatformStatus.INCOMPLETE, 3),
    ],
)
def test_exit_status(statuses, platform_status, code):
    ev = [Evidence(Source.SETTING, "u", "d")]
    findings = [finding(s, evidence=ev, reason="r") for s in statuses]
    report = AuditReport(started_at=utc_now(), platforms=[PlatformReport("facebook", platform_status, findings=findings)])
    assert report.exit_status() == code


# In CHECKS.md (December 2026) but not built yet: the AI-training checks (issue #18). Listed
# here so that any other difference between the catalog and CHECKS.md still fails.
PLANNED = {"x.ai_training", "linkedin.ai_training"}


def test_catalog_matches_checks_md():
    # Only the platforms whose folders are installed (a platform removed is removed here too).
    installed = "|".join(platform_ids())
    ids = set(re.findall(rf"^\| ((?:{installed})\.[a-z_.]+) \|", CHECKS_MD.read_text(), re.M))
    planned = {p for p in PLANNED if p.split(".")[0] in platform_ids()}
    assert ids >= planned and len(ids) > len(planned)
    assert ids - planned == set(CHECKS)


def test_every_platform_has_checks():
    assert all(checks_for(p) for p in platform_ids())


def test_watch_words_match_whole_words_only():
    m = WordMatcher(default_watch_words() + ["Northshire Council"])
    assert set(m.find("Long day in COURT tomorrow at northshire   council")) >= {"court", "northshire council"}
    assert m.find("A courtyard and a showcase") == []


def test_watch_list_counts_full_names_only():
    friends = ["Jordan Lee", "Jordan Leeds", "Casey Morgan-Smith", "Alex Casey Morgan"]
    assert count_watch_list_matches(friends, ["jordan lee", "Casey Morgan"]) == 2
