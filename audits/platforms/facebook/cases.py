"""Test cases for the Facebook audit, declared beside it (tests/test_platform_cases.py runs
them). The oracle reads the persona — what the account really is — never what the audit reads."""

from __future__ import annotations

from audits.casebook import Fault, risk
from audits.watchwords import WordMatcher, count_watch_list_matches, default_watch_words

WIDE = {"Public", "Friends of friends", "Everyone"}
FIELDS = ("work", "education", "current_city", "hometown", "relationship", "family", "birthday", "contact")
# The replica's own wording of the settings, renamed as a site might rename them (with and
# without the "?", as the "Edit ..." buttons' names carry it).
RENAMED = {
    "Who can see your future posts?": "Default audience for new posts",
    "Who can see your friends list?": "Friends list audience",
    "Who can look you up using the email address you provided?": "Lookup by email",
    "Who can look you up using the phone number you provided?": "Lookup by phone",
    "Allow search engines outside of Facebook to link to your profile": "External search indexing",
    "Do you want search engines outside of Facebook to link to your profile?": "Search engines",
    "Who can send you friend requests?": "Friend request senders",
    "Review tags that friends add to your posts before the tags appear on Facebook?": "Tag approval",
    "Review posts that you're tagged in before the post appears on your profile?": "Tagged post approval",
    "Who can see posts that you're tagged in on your profile?": "Tagged posts audience",
}
EVERY_FORM = {**RENAMED, **{k.rstrip("?"): v for k, v in RENAMED.items()}}

# make test runs these on the demo persona with closer checks (tests/test_facebook_faults.py);
# here every persona, in make faults.
FAULTS = (
    Fault("labels renamed", "replace", r"^/settings", {"mapping": EVERY_FORM}, everyday=False),
    Fault("500", "status", r"^/settings", {"status": 500}, everyday=False),
    Fault("checkpoint", "checkpoint", r"^/settings", everyday=False),
    Fault("429", "rate_limit", r"tab=posts", {"retry_after": 1, "times": 1}, everyday=False),
    Fault("about hangs", "hang", r"/about", everyday=False),
    Fault("timeline stops", "status", "FEED_CHUNK_PATTERN", {"status": 500}, everyday=False),
    Fault("empty", "empty", ".", everyday=False),
    Fault("expired", everyday=False),
    Fault("french", everyday=False),
)


def watch(persona: dict, name: str) -> list[str]:
    return [persona["facebook"]["friends"]["names"][3]] if name != "locked_down" else ["Nobody Onthelist"]


def oracle(persona: dict, watch_list: list[str]) -> dict[str, str]:
    fb = persona["facebook"]
    s = fb["settings"]
    out = {
        "facebook.future_posts": risk(s["future_posts"] in WIDE),
        "facebook.friends_list": risk(s["friends_list"] in WIDE),
        "facebook.lookup_email": risk(s["lookup_email"] in WIDE),
        "facebook.lookup_phone": risk(s["lookup_phone"] in WIDE),
        "facebook.search_engines": risk(s["search_engines"]),
        "facebook.tag_review": risk(not s["tag_review"]),
        "facebook.timeline_review": risk(not s["timeline_review"]),
        "facebook.tagged_posts_audience": risk(s["tagged_posts_audience"] in WIDE),
        "facebook.friend_requests": risk(s["friend_requests"] == "Everyone"),
    }
    about = fb.get("about", [])
    for name in FIELDS:
        kinds = {"contact": ("phone", "email", "address")}.get(name, (name,))
        out[f"facebook.profile.{name}"] = risk(any(a["field"] in kinds and a["audience"] in WIDE for a in about))
    wide = [p for p in fb.get("posts", []) if p["audience"] in WIDE]
    out["facebook.past_posts"] = risk(bool(wide))
    words = WordMatcher(default_watch_words())
    family = [a["text"].lower() for a in about if a["field"] == "family"]
    out["facebook.public_post_content"] = risk(any(
        words.find(p["text"]) or p.get("place") or any(w.lower() in family for w in p.get("with", [])) for p in wide))
    friends = fb.get("friends", {}).get("names", [])
    out["facebook.connections_watchlist"] = (
        risk(count_watch_list_matches(friends, watch_list) > 0) if watch_list else "skipped")
    return out


def account(persona: dict) -> dict:
    return {"display_name": persona["person"]["name"]}
