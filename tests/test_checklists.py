"""Checklist content and builder: complete, backed, on the real hosts, ordered, decided."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest

from audits.catalog import CHECKS
from audits.model import (
    AuditReport,
    Evidence,
    Finding,
    PlatformReport,
    PlatformStatus,
    Source,
    Status,
    utc_now,
)
from audits.registry import ids as platform_ids
from audits.routing import host_in, platform_hosts
from checklists.builder import Decision, DecisionKind, Section, build_checklist, render_text
from checklists.content import ROOT, ContentError, content, load_content

SELF_CHECK_GUIDANCE = {"A7", "B4", "D4", "E4", "F3", "G1", "H1", "H2", "H3"}


def test_every_check_has_content_and_nothing_else():
    assert set(content().items) == set(CHECKS)


def test_self_checks_cover_what_automation_cannot_see():
    covered = {g for q in content().self_checks.values() for g in q.guidance}
    assert covered >= SELF_CHECK_GUIDANCE
    two_factor = {p for q in content().self_checks.values() if "G1" in q.guidance for p in q.platforms}
    assert two_factor == set(platform_ids())


def test_every_deep_link_is_on_the_platforms_real_host():
    for item in content().items.values():
        parts = urlsplit(item.link)
        assert parts.scheme == "https" and host_in(parts.hostname, platform_hosts(item.platform)), item.id


def test_every_item_is_backed_by_the_research():
    data = content()
    for item in list(data.items.values()) + list(data.self_checks.values()):
        backing = {s for g in item.guidance for s in data.guidance[g].sources}
        assert set(item.sources) <= backing, (item.id, set(item.sources) - backing)
        assert item.sources


def test_drafts_are_never_the_only_backing():
    data = content()
    for item in data.items.values():
        assert any(data.sources[s].status != "draft" for s in item.sources), item.id


@pytest.fixture
def broken(tmp_path):
    root = tmp_path / "checklists"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))

    def edit(rel, old, new):
        path = root / rel
        text = path.read_text()
        assert old in text, old
        path.write_text(text.replace(old, new, 1))
        return root, text.splitlines()

    return edit


def _line(lines, needle, after=None):
    start = next(n for n, line in enumerate(lines) if after in line) if after else 0
    return next(n for n in range(start, len(lines)) if needle in lines[n]) + 1


def test_malformed_toml_names_file_and_line(broken):
    root, lines = broken("items/facebook.toml", 'id = "facebook.friends_list"', 'id = "facebook.friends_list')
    with pytest.raises(ContentError, match=r"facebook\.toml: not valid TOML: .*line \d+"):
        load_content(root)


def test_wrong_severity_names_file_and_line(broken):
    root, lines = broken("items/facebook.toml", 'severity = "high"', 'severity = "low"')
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert "facebook.toml, line" in str(err.value) and "CHECKS.md says 'high'" in str(err.value)
    line = int(str(err.value).split("line ")[1].split(":")[0])
    assert 'severity = "low"' in (root / "items/facebook.toml").read_text().splitlines()[line - 1]


def test_link_off_the_real_host_is_refused(broken):
    root, _ = broken("items/x.toml", "https://x.com/", "https://x.example.com/")
    with pytest.raises(ContentError, match=r"x\.toml, line \d+: 'link' must be an https address on x's real site"):
        load_content(root)


def test_unknown_guidance_key_is_refused(broken):
    root, _ = broken(f"items/{platform_ids()[-1]}.toml", 'guidance = ["', 'guidance = ["Z9", "')
    with pytest.raises(ContentError, match="unknown guidance item 'Z9'"):
        load_content(root)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ContentError, match="sources.toml: file is missing"):
        load_content(tmp_path)


def finding(check, status, **kw):
    spec = CHECKS[check]
    ev = [Evidence(Source.SETTING, "https://www.facebook.com/settings/", "read")]
    return Finding(check, spec.title, status, spec.severity, "summary", evidence=ev,
                   reason="a reason" if status in (Status.UNKNOWN, Status.SKIPPED) else None, **kw)


def report(*findings):
    return AuditReport(utc_now(), utc_now(), [PlatformReport("facebook", PlatformStatus.COMPLETED, findings=list(findings))])


def test_order_at_risk_by_severity_then_unknown_then_unanswered_then_confirmed():
    r = report(
        finding("facebook.friend_requests", Status.AT_RISK),  # low
        finding("facebook.search_engines", Status.AT_RISK),  # medium
        finding("facebook.lookup_email", Status.UNKNOWN),
        finding("facebook.friends_list", Status.AT_RISK),  # high
        finding("facebook.future_posts", Status.OK),
        finding("facebook.connections_watchlist", Status.SKIPPED),
    )
    checklist = build_checklist(r)
    to_do = [e.id for e in checklist.section(Section.TO_DO)]
    assert to_do == ["facebook.friends_list", "facebook.search_engines", "facebook.friend_requests"]
    [unknown] = checklist.section(Section.COULDNT_CHECK)
    assert unknown.id == "facebook.lookup_email"
    assert unknown.steps[0] == content().items["facebook.lookup_email"].check_by_hand
    assert [e.id for e in checklist.section(Section.CONFIRMED)] == ["facebook.future_posts"]
    assert [e.id for e in checklist.section(Section.NOT_APPLICABLE)] == ["facebook.connections_watchlist"]
    sections = [e.section for e in checklist.entries]
    assert sections == sorted(sections, key=list(Section).index)
    # Self-checks for platforms that weren't audited are not asked.
    asked = {e.id for e in checklist.entries if e.self_check}
    assert not any(q.platforms and "facebook" not in q.platforms and q.id in asked for q in content().self_checks.values())


def test_self_check_answers_are_recorded_as_self_check():
    question = next(q for q in content().self_checks.values() if not q.platforms)
    risky = "no" if question.safe_answer == "yes" else "yes"
    for answer, section in ((question.safe_answer, Section.CONFIRMED), (risky, Section.TO_DO), ("not sure", Section.TO_DO)):
        entry = next(e for e in build_checklist(None, answers={question.id: answer}).entries if e.id == question.id)
        assert entry.section is section and entry.self_check and entry.answer == answer
    entry = next(e for e in build_checklist(None).entries if e.id == question.id)
    assert entry.section is Section.UNANSWERED
    with pytest.raises(ValueError):
        build_checklist(None, answers={question.id: "maybe"})


def test_decisions_stay_with_their_items():
    r = report(finding("facebook.friends_list", Status.AT_RISK), finding("facebook.lookup_phone", Status.AT_RISK))
    decisions = {
        "facebook.friends_list": Decision(DecisionKind.DONE),
        "facebook.lookup_phone": Decision(DecisionKind.ACCEPTED, "My number is only given to family."),
    }
    checklist = build_checklist(r, decisions=decisions)
    by_id = {e.id: e for e in checklist.entries}
    assert by_id["facebook.friends_list"].decision.kind is DecisionKind.DONE
    assert {e.id for e in checklist.section(Section.DECIDED)} == set(decisions)
    assert by_id["facebook.lookup_phone"].finding.status is Status.AT_RISK  # the finding stays with it
    assert by_id["facebook.lookup_phone"].decision.reason == "My number is only given to family."
    assert "(accepted: My number is only given to family.)" in render_text(checklist)
    assert Decision.from_json(decisions["facebook.lookup_phone"].to_json()) == decisions["facebook.lookup_phone"]
    with pytest.raises(ValueError, match="needs a reason"):
        Decision(DecisionKind.ACCEPTED, "  ")


def test_cited_standards_follow_the_chosen_regulator():
    data = content()
    r = report(finding("facebook.profile.work", Status.AT_RISK))
    by_regulator = {}
    for regulator in data.regulators:
        entry = build_checklist(r, regulator=regulator).entries[0]
        by_regulator[regulator] = {s.key for s in entry.sources}
        others = {k for rid, reg in data.regulators.items() if rid != regulator for k in reg.sources} - set(data.regulators[regulator].sources)
        # Another regulator's standards are never cited as this user's, unless nothing else backs the item.
        general = {s for s in data.items["facebook.profile.work"].sources if s not in others}
        if general:
            assert not (by_regulator[regulator] & others), regulator
    assert by_regulator["swe"] != by_regulator["hcpc"]
