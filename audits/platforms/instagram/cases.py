"""Test cases for the Instagram audit, declared beside it (tests/test_platform_cases.py runs
them). The oracle reads the persona — what the account really is — never what the audit reads."""

from __future__ import annotations

from audits.casebook import Fault, risk
from audits.watchwords import WordMatcher, count_watch_list_matches, default_watch_words

RENAMED = {"Private account": "Account visibility", "Allow tags from": "Tagging",
           "Show activity status": "Online indicator", "Allow mentions from": "Mentions",
           "Manually approve tags": "Tag approval"}

FAULTS = (
    Fault("labels renamed", "replace", r"^/accounts", {"mapping": RENAMED}),
    Fault("500", "status", r"^/accounts", {"status": 500}),
    Fault("checkpoint", "checkpoint", r"^/accounts"),
    Fault("429", "rate_limit", r"^/accounts", {"retry_after": 0}),
    Fault("expires half-way", "login_wall", r"/followers|/following"),
    Fault("empty", "empty", "."),
    Fault("grid hangs", "hang", r"^/api/v1/feed"),
    Fault("expired"),
    Fault("french"),
)


def watch(persona: dict, name: str) -> list[str]:
    return [persona["instagram"]["followers"]["names"][3]] if name == "wide_open" else ["Nobody Onthelist"]


def oracle(persona: dict, watch_list: list[str]) -> dict[str, str]:
    ig = persona["instagram"]
    s, profile = ig["settings"], ig.get("profile", {})
    words = WordMatcher(default_watch_words())
    public = not s["private"]
    professional = bool(profile.get("professional"))
    shows_contact = professional and s.get("display_contact_info") and any(ig.get("contact", {}).values())
    bio = " ".join(str(profile.get(k, "")) for k in ("bio", "website")) + (
        " " + profile.get("category", "") if professional and s.get("display_category") else "")
    names = ig.get("followers", {}).get("names", []) + ig.get("following", {}).get("names", [])
    search = "skipped" if public and not professional else risk(public and professional and s.get("search_engines"))
    return {
        "instagram.private_account": risk(public),
        "instagram.public_post_content": risk(public and any(
            words.find(p.get("caption", "")) or p.get("location") for p in ig.get("posts", []))),
        "instagram.followers_lists": risk(public),
        "instagram.profile.bio_work": risk(bool(words.find(bio))),
        "instagram.contact_info": risk(bool(shows_contact)),
        "instagram.tags": risk(s["tags_from"] == "Everyone" or (s["tags_from"] == "People you follow"
                                                                and not s["manual_tag_approval"])),
        "instagram.mentions": risk(s["mentions_from"] == "Everyone"),
        "instagram.activity_status": risk(s["activity_status"]),
        # Reposts put your posts in front of other people's followers too (a repost switch
        # that is on is a risk; when a page has none, the other two decide).
        "instagram.story_sharing": risk(s["story_sharing"] or s["post_resharing"] or s.get("reposts")),
        "instagram.search_engines": search,
        "instagram.connections_watchlist": (risk(count_watch_list_matches(names, watch_list) > 0)
                                            if watch_list else "skipped"),
    }


def account(persona: dict) -> dict:
    return {}
