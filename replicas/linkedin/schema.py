"""What a LinkedIn persona may hold, and the validation of its `[linkedin]` table.

Shared by the persona loader (`validate`, called by replicas.personas for a `[linkedin]`
table) and the replica (pages, settings controls). Values are the settings pages' own words.
"""

from __future__ import annotations

import datetime as dt
import re

PROFILE_VIEWING = ("Your name and headline", "Private profile characteristics", "Private mode")
EMAIL_VISIBILITY = ("Only visible to me", "1st-degree connections",
                    "1st and 2nd degree connections", "Anyone on LinkedIn")
FOLLOW_VISIBILITY = ("Only visible to me", "Your connections", "Anyone on LinkedIn")
LAST_NAME = ("Full last name", "Last initial")
DISCOVER_EMAIL = ("Anyone", "2nd-degree connections", "1st-degree connections", "Nobody")
DISCOVER_PHONE = ("Everyone", "2nd-degree connections", "1st-degree connections", "Nobody")
ACTIVE_STATUS = ("Your connections only", "All LinkedIn members", "No one")

# setting -> (allowed values, or bool for a switch; a new account's value).
SETTINGS = {
    "profile_viewing": (PROFILE_VIEWING, "Your name and headline"),
    "page_visit_visibility": (bool, True),
    "email_visibility": (EMAIL_VISIBILITY, "1st-degree connections"),
    "allow_export_emails": (bool, False),
    "connections_visibility": (bool, True),
    "follow_visibility": (FOLLOW_VISIBILITY, "Anyone on LinkedIn"),
    "last_name": (LAST_NAME, "Full last name"),
    "discover_email": (DISCOVER_EMAIL, "Anyone"),
    "discover_phone": (DISCOVER_PHONE, "Everyone"),
    "active_status": (ACTIVE_STATUS, "Your connections only"),
    "activity_broadcast": (bool, True),
}

# Who may see the profile photo (the public profile shows it only for Public).
PHOTO_AUDIENCES = ("Public", "All LinkedIn members", "Your network", "Your connections")
# Public profile switch -> (allowed values, or bool; a new account's value: everything on).
PUBLIC_PROFILE = {
    "visible": (bool, True),
    "photo": (PHOTO_AUDIENCES, "Public"),
    "headline": (bool, True),
    "websites": (bool, True),
    "summary": (bool, True),
    "activity": (bool, True),
    "current_experience": (bool, True),
    "past_experience": (bool, True),
    "education": (bool, True),
    "volunteering": (bool, True),
    "skills": (bool, True),
    "causes": (bool, True),
    "groups": (bool, True),
}

TOP_KEYS = ("vanity", "email", "phone", "password", "ui_language", "name", "profile",
            "experience", "education", "volunteering", "posts", "public_profile", "settings",
            "connections")
PROFILE_TEXT = ("headline", "location", "about")
PROFILE_LISTS = ("websites", "causes", "groups", "skills")
PROFILE_FIELDS = (*PROFILE_TEXT, "photo", "websites", "birthday", "causes", "groups", "skills")


def validate(v, t: dict, name: str) -> dict:
    """Check and normalise a `[linkedin]` table; `v` is the loader's _Validator."""
    w = "linkedin"
    v.only(t, TOP_KEYS, w)
    t["name"] = v.get(t, "name", str, w, name)
    vanity = v.get(t, "vanity", str, w)
    if not re.fullmatch(r"[A-Za-z0-9-]{3,100}", vanity):
        v.fail(f"{w}.vanity", f"{vanity!r} must be 3 to 100 letters, digits or hyphens")
    v.get(t, "email", str, w)
    t["phone"] = v.get(t, "phone", str, w, "")
    v.get(t, "password", str, w)
    t["ui_language"] = v.language(t, w)

    t["profile"] = _profile(v, v.get(t, "profile", dict, w, {}), f"{w}.profile")

    experience = _tables(v, t, "experience")
    for i, job in enumerate(experience):
        where = f"{w}.experience[{i}]"
        v.table(job, ("title", "company", "start", "end"), where)
        v.get(job, "title", str, where)
        v.get(job, "company", str, where)
        job["start"] = _year(v, job, "start", where, required=True)
        job["end"] = _year(v, job, "end", where)
        _in_order(v, job, where)
    # Newest first: current jobs (no end), then by end and start year.
    experience.sort(key=lambda j: (j["end"] is None, j["end"] or 0, j["start"]), reverse=True)
    t["experience"] = experience

    education = _tables(v, t, "education")
    for i, school in enumerate(education):
        where = f"{w}.education[{i}]"
        v.table(school, ("school", "degree", "start", "end"), where)
        v.get(school, "school", str, where)
        school["degree"] = v.get(school, "degree", str, where, "")
        school["start"] = _year(v, school, "start", where)
        school["end"] = _year(v, school, "end", where)
        _in_order(v, school, where)
    education.sort(key=lambda s: (s["end"] or s["start"] or 0, s["start"] or 0), reverse=True)
    t["education"] = education

    volunteering = _tables(v, t, "volunteering")
    for i, role in enumerate(volunteering):
        where = f"{w}.volunteering[{i}]"
        v.table(role, ("role", "organisation"), where)
        v.get(role, "role", str, where)
        v.get(role, "organisation", str, where)
    t["volunteering"] = volunteering

    posts = _tables(v, t, "posts")
    for i, post in enumerate(posts):
        where = f"{w}.posts[{i}]"
        v.table(post, ("id", "date", "text"), where)
        v.digits(post, "id", where)
        post["date"] = v.date(v.get(post, "date", (str, dt.date), where), f"{where}.date")
        v.get(post, "text", str, where)
    v.unique(posts, "id", w)
    posts.sort(key=lambda p: p["date"], reverse=True)  # newest first, stable for ties
    t["posts"] = posts

    public = v.get(t, "public_profile", dict, w, {})
    v.only(public, PUBLIC_PROFILE, f"{w}.public_profile")
    for key, (options, default) in PUBLIC_PROFILE.items():
        where = f"{w}.public_profile"
        if options is bool:
            public[key] = v.get(public, key, bool, where, default)
        else:
            public[key] = v.one_of(v.get(public, key, str, where, default), options,
                                   f"{where}.{key}")
    t["public_profile"] = public

    t["settings"] = v.settings(t, SETTINGS, w)
    t["connections"] = v.people(t, "connections", w)
    return t


def _profile(v, profile: dict, where: str) -> dict:
    v.only(profile, PROFILE_FIELDS, where)
    for key in PROFILE_TEXT:
        profile[key] = v.get(profile, key, str, where, "")
    profile["photo"] = v.get(profile, "photo", bool, where, False)
    for key in PROFILE_LISTS:
        profile[key] = v.strings(profile, key, where)
    for i, site in enumerate(profile["websites"]):
        v.website(site, f"{where}.websites[{i}]")
    birthday = v.get(profile, "birthday", str, where, None)
    if birthday is not None:
        # Month and day only, as the contact info shows it; 2000 is a leap year, so 02-29 passes.
        try:
            dt.date.fromisoformat(f"2000-{birthday}")
        except ValueError:
            v.fail(f"{where}.birthday", f"{birthday!r} is not a month and day like 06-21")
    profile["birthday"] = birthday
    return profile


def _tables(v, t: dict, key: str) -> list:
    return v.get(t, key, list, "linkedin", [])


def _year(v, table: dict, key: str, where: str, required: bool = False) -> int | None:
    year = v.get(table, key, int, where) if required else v.get(table, key, int, where, None)
    if year is not None and not 1900 <= year <= 2100:
        v.fail(f"{where}.{key}", f"{year!r} is not a year like 2019")
    return year


def _in_order(v, table: dict, where: str) -> None:
    if table["start"] is not None and table["end"] is not None and table["end"] < table["start"]:
        v.fail(f"{where}.end", f"{table['end']} is before the start ({table['start']})")
