"""Test cases for the TikTok audit, declared beside it (tests/test_platform_cases.py runs
them). The oracle reads the persona — what the account really is — never what the audit reads."""

from __future__ import annotations

from audits.casebook import Fault, risk
from audits.watchwords import WordMatcher, default_watch_words

RENAMED = {"Private account": "Account privacy", "Suggest your account to others": "Recommendations",
           "Direct messages": "Messaging", "Following list": "Who you follow", "Liked videos": "Favourites",
           "Duet": "Remix", "Stitch": "Clip"}

# 500, checkpoint, 429 and empty pages run in make faults (the mutation suite also covers
# them page by page); the faults particular to this platform run in make test too.
FAULTS = (
    Fault("labels renamed", "replace", r"^/setting", {"mapping": RENAMED}),
    Fault("500", "status", r"^/setting", {"status": 500}, everyday=False),
    Fault("checkpoint", "checkpoint", r"^/setting", everyday=False),
    Fault("429", "rate_limit", r"^/setting", {"retry_after": 0}, everyday=False),
    Fault("profile hangs", "hang", r"^/@[^/]+$"),
    Fault("videos stop", "hang", "ITEM_LIST_PATTERN"),
    Fault("video page 500", "status", r"/video/", {"status": 500}),
    Fault("state renamed", "replace", r"^/@", {"mapping": {"__UNIVERSAL_DATA_FOR_REHYDRATION__": "__OTHER__"}}),
    Fault("profile walled", "login_wall", r"^/@"),
    Fault("empty", "empty", ".", everyday=False),
    Fault("expired"),
    Fault("french"),
)


def watch(persona: dict, name: str) -> list[str]:
    return []  # TikTok has no watch-list check


def oracle(persona: dict, watch_list: list[str]) -> dict[str, str]:
    tt = persona["tiktok"]
    s = tt["settings"]
    public = not s["private_account"]
    words = WordMatcher(default_watch_words())
    seen = [v for v in tt["videos"] if v["audience"] == "Everyone"]
    return {
        "tiktok.private_account": risk(public),
        "tiktok.suggest_account": risk(any(v for k, v in s.items() if k.startswith("suggest_"))),
        "tiktok.following_list": risk(public and s["following_list"] == "Everyone"),
        "tiktok.liked_videos": risk(public and s["liked_videos"] == "Everyone"),
        "tiktok.direct_messages": risk(s["direct_messages"] == "Everyone"),
        "tiktok.duet_stitch": risk(public and "Everyone" in (s["duet"], s["stitch"])),
        "tiktok.public_post_content": risk(public and any(words.find(v["caption"]) or v["location"] for v in seen)),
    }


def account(persona: dict) -> dict:
    tt = persona["tiktok"]
    return {"display_name": tt["nickname"], "profile_url_end": f"/@{tt['unique_id']}"}
