"""Test cases for the LinkedIn audit, declared beside it (tests/test_platform_cases.py runs
them). The oracle reads the persona — what the account really is — never what the audit reads."""

from __future__ import annotations

from audits.casebook import Fault, risk
from audits.watchwords import count_watch_list_matches

PERSONAL = ("activity", "websites", "volunteering", "causes", "groups")
RENAMED = {"Your profile's public visibility": "Public profile", "Articles & activity": "Your posts",
           "Who can see or download your email address": "Email address",
           "Profile discovery using email address": "Discovery (email)",
           "Profile discovery using phone number": "Discovery (phone)",
           "Manage active status": "Online status",
           "Allow your connections to see your connections list": "Connections list",
           "Who can see your connections": "Your network", "Who can see your last name": "Surname"}

# 500, checkpoint, 429 and empty pages run in make faults (the mutation suite also covers
# them page by page); the faults particular to this platform run in make test too.
FAULTS = (
    Fault("labels renamed", "replace", r"^/mypreferences|^/public-profile", {"mapping": RENAMED}),
    Fault("500", "status", r"^/mypreferences", {"status": 500}, everyday=False),
    Fault("checkpoint", "checkpoint", r"^/mypreferences|^/public-profile", everyday=False),
    Fault("429", "rate_limit", r"^/mypreferences", {"retry_after": 0}, everyday=False),
    Fault("profile hangs", "hang", r"^/in/", everyday=False),
    Fault("authwall", "login_wall", r"^/in/"),
    Fault("expires half-way", "login_wall", r"^/mynetwork"),
    Fault("connections stop", "hang", "CONNECTIONS_CHUNK_PATTERN"),
    Fault("empty", "empty", ".", everyday=False),
    Fault("expired"),
    Fault("french"),
)


def watch(persona: dict, name: str) -> list[str]:
    return [persona["linkedin"]["connections"]["names"][3]] if name != "locked_down" else ["Nobody Onthelist"]


def oracle(persona: dict, watch_list: list[str]) -> dict[str, str]:
    li = persona["linkedin"]
    s, shown = li["settings"], li["public_profile"]
    return {
        "linkedin.public_profile": risk(shown["visible"] and any(shown[k] for k in PERSONAL)),
        "linkedin.connections_visibility": risk(s["connections_visibility"]),
        "linkedin.email_visibility": risk(s["email_visibility"] in ("Anyone on LinkedIn",
                                                                     "1st and 2nd degree connections")),
        "linkedin.discover_email": risk(s["discover_email"] == "Anyone"),
        "linkedin.discover_phone": risk(s["discover_phone"] == "Everyone"),
        "linkedin.last_name": "ok",  # informational: either choice is fine
        "linkedin.active_status": risk(s["active_status"] == "All LinkedIn members"),
        "linkedin.connections_watchlist": (risk(count_watch_list_matches(li["connections"]["names"], watch_list) > 0)
                                           if watch_list else "skipped"),
    }


def account(persona: dict) -> dict:
    return {"display_name": persona["person"]["name"], "profile_url_end": f"/in/{persona['linkedin']['vanity']}/"}
