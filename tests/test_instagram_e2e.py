"""The Instagram audit end to end on its replica: each persona against an oracle read from
the persona file, no writes, and faults never producing a wrong answer."""

from __future__ import annotations

import pytest

from audits.catalog import checks_for
from audits.watchwords import WordMatcher, count_watch_list_matches, default_watch_words
from replicas.personas import load_persona
from tests.conftest import audit, statuses

pytestmark = pytest.mark.browser


def oracle(persona: str, watch_list: list[str]) -> dict[str, str]:
    ig = load_persona(persona)["instagram"]
    s, profile = ig["settings"], ig.get("profile", {})
    risk = lambda flag: "at_risk" if flag else "ok"  # noqa: E731
    words = WordMatcher(default_watch_words())
    public = not s["private"]
    professional = bool(profile.get("professional"))
    shows_contact = professional and s.get("display_contact_info") and any(ig.get("contact", {}).values())
    bio = " ".join(str(profile.get(k, "")) for k in ("bio", "website")) + (
        " " + profile.get("category", "") if professional and s.get("display_category") else "")
    names = [f"{p}" for p in ig.get("followers", {}).get("names", []) + ig.get("following", {}).get("names", [])]
    search = "skipped" if public and not professional else risk(public and professional and s.get("search_engines"))
    return {
        "instagram.private_account": risk(public),
        "instagram.public_post_content": risk(public and any(
            words.find(p.get("caption", "")) or p.get("location") for p in ig.get("posts", []))),
        "instagram.followers_lists": risk(public),
        "instagram.profile.bio_work": risk(bool(words.find(bio))),
        "instagram.contact_info": risk(bool(shows_contact)),
        "instagram.tags": risk(s["tags_from"] == "Everyone" or (s["tags_from"] == "People you follow" and not s["manual_tag_approval"])),
        "instagram.mentions": risk(s["mentions_from"] == "Everyone"),
        "instagram.activity_status": risk(s["activity_status"]),
        # Reposts put your posts in front of other people's followers too (a repost switch
        # that is on is a risk; when a page has none, the other two decide).
        "instagram.story_sharing": risk(s["story_sharing"] or s["post_resharing"] or s.get("reposts")),
        "instagram.search_engines": search,
        "instagram.connections_watchlist": risk(count_watch_list_matches(names, watch_list) > 0) if watch_list else "skipped",
    }


def watch(persona: str) -> list[str]:
    ig = load_persona(persona)["instagram"]
    return [ig["followers"]["names"][3]] if persona == "wide_open" else ["Nobody Onthelist"]


@pytest.mark.parametrize("persona", ["locked_down", "wide_open", "demo"])
def test_each_persona_gets_the_statuses_the_account_really_has(replicas, persona):
    running = replicas(persona, platforms=["instagram"])
    report, _ = audit(running, platforms=["instagram"], watch_list=watch(persona))
    got = statuses(report, "instagram")
    assert list(got) == [c.id for c in checks_for("instagram")]
    truth = oracle(persona, watch(persona))
    assert {k: (v, truth[k]) for k, v in got.items() if v != truth[k]} == {}
    assert not any(running.writes().values())


@pytest.mark.parametrize("fault", [
    ("replace", r"^/accounts", {"mapping": {"Private account": "Account visibility", "Allow tags from": "Tagging",
                                            "Show activity status": "Online indicator", "Allow mentions from": "Mentions",
                                            "Manually approve tags": "Tag approval"}}),
    ("status", r"^/accounts", {"status": 500}),
    ("checkpoint", r"^/accounts", {}),
    ("rate_limit", r"^/accounts", {"retry_after": 0}),
    ("login_wall", r"/followers|/following", {}),
    ("empty", ".", {}),
    ("hang", r"^/api/v1/feed", {}),
    "expired", "french",
], ids=["labels renamed", "500", "checkpoint", "429", "expires half-way", "empty", "grid hangs", "expired", "french"])
# The wide-open persona (every true answer "at risk") runs in make test; the demo in make faults.
@pytest.mark.parametrize("persona", ["wide_open", pytest.param("demo", marks=pytest.mark.slow)])
def test_faults_never_give_a_wrong_answer(replicas, persona, fault):
    running = replicas(persona, platforms=["instagram"])
    sessions = running.sessions()
    app = running.apps["instagram"]
    if fault == "expired":
        app.expire_sessions()
    elif fault == "french":
        app.persona["instagram"]["ui_language"] = "fr"
    else:
        kind, rx, params = fault
        app.faults.add(rx, kind, **params)
    report, _ = audit(running, platforms=["instagram"], watch_list=watch(persona), sessions=sessions, page_timeout=3.0)
    got, truth = statuses(report, "instagram"), oracle(persona, watch(persona))
    assert {k: (v, truth[k]) for k, v in got.items() if v not in (truth[k], "unknown")} == {}
    assert all(f.reason for f in report.findings() if f.status == "unknown")
    assert not any(running.writes().values())
