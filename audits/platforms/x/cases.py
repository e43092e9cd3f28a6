"""Test cases for the X audit, declared beside it (tests/test_platform_cases.py runs them
for every platform). The oracle reads the persona — what the account really is — never what
the audit reads, so a reader that misreads a page fails."""

from __future__ import annotations

from audits.casebook import Fault, risk
from audits.watchwords import WordMatcher, count_watch_list_matches, default_watch_words

# The replica's own wording of the settings, renamed as a site might rename them.
RENAMED = {"Protect your posts": "Lock your account", "Photo tagging": "Tag permissions",
           "Allow message requests from": "Who may message you",
           "Let people who have your phone number find you on X": "Phone discoverability",
           "Let people who have your email address find you on X": "Email discoverability",
           "Add location information to your posts": "Geotag posts"}

FAULTS = (
    Fault("labels renamed", "replace", r"^/settings", {"mapping": RENAMED}),
    Fault("500", "status", r"^/settings", {"status": 500}),
    Fault("checkpoint", "checkpoint", r"^/settings"),
    Fault("429", "rate_limit", r"^/settings", {"retry_after": 0}),
    Fault("profile hangs", "hang", r"^/samtaylor_sw|^/bailey|^/[a-z_]+$"),
    Fault("expires half-way", "login_wall", r"/followers|/following"),
    Fault("empty", "empty", "."),
    Fault("expired"),
    Fault("french"),
)


def watch(persona: dict, name: str) -> list[str]:
    return [persona["x"]["followers"]["names"][3]] if name != "locked_down" else ["Nobody Onthelist"]


def oracle(persona: dict, watch_list: list[str]) -> dict[str, str]:
    x = persona["x"]
    s, profile = x["settings"], x.get("profile", {})
    words = WordMatcher(default_watch_words())
    public = not s["protected"]
    names = x.get("followers", {}).get("names", []) + x.get("following", {}).get("names", [])
    return {
        "x.protected_posts": risk(public),
        "x.public_post_content": risk(public and any(words.find(p["text"]) or p.get("place") for p in x.get("posts", []))),
        "x.followers_lists": risk(public),
        "x.profile.location": risk(bool(profile.get("location"))),
        "x.profile.bio_work": risk(bool(words.find(profile.get("bio", "") + " " + profile.get("website", "")))),
        "x.profile.birth_date": risk(bool(profile.get("birth_date")) and "Public" in (
            profile.get("birth_date_visibility"), profile.get("birth_year_visibility"))),
        "x.discover_email": risk(s["discover_email"]),
        "x.discover_phone": risk(s["discover_phone"]),
        "x.photo_tagging": risk(s["photo_tagging"] == "Anyone"),
        "x.post_location": risk(s["post_location"]),
        "x.dm_requests": risk(s["dm_requests"] == "Everyone"),
        "x.connections_watchlist": risk(count_watch_list_matches(names, watch_list) > 0) if watch_list else "skipped",
    }


def account(persona: dict) -> dict:
    """What the report must name as the signed-in account."""
    return {"display_name": persona["person"]["name"]}
