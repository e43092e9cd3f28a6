"""TikTok end to end: what only this platform needs beyond its declared cases
(audits/platforms/*/cases.py, run for every platform by tests/test_platform_cases.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from audits.watchwords import WordMatcher, default_watch_words
from replicas.personas import load_persona
from tests.support import audit

pytestmark = pytest.mark.browser


def test_flagged_videos_are_named_with_their_place(replicas):
    running = replicas("demo", platforms=["tiktok"])
    report, _ = audit(running, platforms=["tiktok"], only_checks={"tiktok.public_post_content"})
    finding = next(f for f in report.findings() if f.check == "tiktok.public_post_content")
    assert finding.status == "at_risk"
    assert finding.summary.startswith("2 public videos")
    assert any("home visit" in d for d in finding.details)
    assert any("Eastbrook Park" in d for d in finding.details)
    # The friends-only video is not something a stranger sees.
    assert not any("Crumble tier list" in d for d in finding.details)


def test_a_long_public_timeline_is_read_to_the_end(replicas, tmp_path):
    # 40 more videos than the page first shows: every one is read, scrolled in and opened.
    source = Path(__file__).parent.parent / "replicas/personas/demo.toml"
    path = tmp_path / "many_videos.toml"
    path.write_text(source.read_text().replace("likes = 5400\n", "likes = 5400\nvideos_generate = 40\n", 1))
    running = replicas(str(path), platforms=["tiktok"])
    report, _ = audit(running, platforms=["tiktok"], only_checks={"tiktok.public_post_content"})
    finding = next(f for f in report.findings() if f.check == "tiktok.public_post_content")
    words = WordMatcher(default_watch_words())
    videos = load_persona(path)["tiktok"]["videos"]
    public = [v for v in videos if v["audience"] == "Everyone"]
    flagged = [i for i, v in enumerate(public) if words.find(v["caption"]) or v["location"]]
    assert len(videos) > 40 and max(flagged) >= 12  # some only come by scrolling
    assert finding.status == "at_risk"
    assert finding.summary.startswith(f"{len(flagged)} public videos")


