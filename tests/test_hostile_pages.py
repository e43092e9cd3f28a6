"""Pages that fight back: script that never yields, reading functions overridden to lie,
memory or nodes without end, redirects by script for ever, pop-ups and downloads. The
audit never hangs past its timeout (plus a margin), never says "ok" for what the account
doesn't have, and says what really happened."""

from __future__ import annotations

import time

import pytest

from tests.support import adversary, audit, expected, statuses

pytestmark = pytest.mark.browser
SETTINGS = ["x.discover_email", "x.discover_phone", "x.photo_tagging", "x.post_location", "x.dm_requests"]
TIMEOUT = 4.0


def run_hostile(replicas, what: str, pattern: str = r"^/settings", delay: float = 0.3):
    running = replicas("wide_open", platforms=["x"])  # every true answer is "at risk"
    running.apps["x"].faults.add(pattern, "hostile", what=what, delay=delay)
    started = time.monotonic()
    report, stats = audit(running, platforms=["x"], only_checks=set(SETTINGS), page_timeout=TIMEOUT)
    took = time.monotonic() - started
    got, truth = statuses(report, "x"), expected("x", "wide_open", [])
    false_ok = [c for c, v in got.items() if v == "ok" and truth[c] != "ok"]
    adversary("hostile pages", false_ok=len(false_ok))
    assert false_ok == []
    assert not any(running.writes().values())
    return got, report, took, stats


def reasons(report) -> list[str]:
    return [f.reason for f in report.findings() if f.status == "unknown"]


def test_getters_that_lie_dont_fool_the_readers(replicas):
    got, report, _took, _ = run_hostile(replicas, "getters")
    assert set(got.values()) == {"at_risk"}, reasons(report)  # read through what the page can't bend


def test_a_page_that_never_yields_is_given_up_on_in_time(replicas):
    # From the first moment: a page read before its script took over would be read right.
    got, report, took, _ = run_hostile(replicas, "busy_loop", delay=0)
    assert took < 4 * (TIMEOUT + 5)  # four settings pages, each given up on after its timeout
    # A page read before its script took over is read right; the rest are said for what they are.
    assert "unknown" in got.values() and set(got.values()) <= {"unknown", "at_risk"}
    assert all("stopped responding" in r for r in reasons(report)), reasons(report)


def test_a_page_that_eats_memory_is_a_crash_not_a_network_error(replicas):
    got, report, took, _ = run_hostile(replicas, "memory")
    assert all(v in ("unknown", "at_risk") for v in got.values())
    assert not any("network" in r for r in reasons(report)), reasons(report)


def test_a_million_nodes_still_ends_in_time(replicas):
    got, report, took, _ = run_hostile(replicas, "nodes")
    assert took < 4 * (TIMEOUT + 5)


def test_pop_ups_and_downloads_go_nowhere(replicas):
    got, report, _took, stats = run_hostile(replicas, "popups")
    assert "popup.example.net" not in " ".join(url for _who, url in stats.pages_asked.get("x", []))


def test_redirects_by_script_for_ever_are_said_for_what_they_are(replicas):
    got, report, took, _ = run_hostile(replicas, "js_redirects")
    assert took < 4 * (TIMEOUT + 5)
    assert report.platforms[0].status == "completed" or all(v == "unknown" for v in got.values())
    assert not any("stopped before this was checked" in r for r in reasons(report)), reasons(report)
