"""What a TikTok persona may hold: settings and their values, videos, and their validation.

Shared by the persona loader (`replicas/personas.py` calls `validate` for a `[tiktok]`
table) and the replica (pages, settings controls, the embedded JSON).
"""

from __future__ import annotations

import datetime as dt
import random
import re

from ..synthetic import synthetic_days

COMMENTS = ("Everyone", "Friends", "No one")
DIRECT_MESSAGES = ("Everyone", "Suggested friends", "Friends", "No one")
REUSE = ("Everyone", "Friends", "Only me")  # Duet, Stitch
LIST_VISIBILITY = ("Everyone", "Only me")  # following list, liked videos

# setting -> (allowed values, or bool for a switch; default when the persona leaves it
# out). Defaults are those of a new adult account (adults are public by default).
SETTINGS = {
    "private_account": (bool, False),
    "suggest_contacts": (bool, True),
    "suggest_facebook_friends": (bool, True),
    "suggest_mutual": (bool, True),
    "suggest_links": (bool, True),
    "comments": (COMMENTS, "Everyone"),
    "direct_messages": (DIRECT_MESSAGES, "Friends"),
    "duet": (REUSE, "Everyone"),
    "stitch": (REUSE, "Everyone"),
    "following_list": (LIST_VISIBILITY, "Everyone"),
    "liked_videos": (LIST_VISIBILITY, "Only me"),
    "activity_status": (bool, True),
}

# "Who can watch this video"
VIDEO_AUDIENCES = ("Everyone", "Friends", "Only you")
VIDEO_FIELDS = ("id", "date", "caption", "location", "audience", "views")
FIELDS = ("unique_id", "user_id", "email", "password", "ui_language", "nickname", "bio", "likes",
          "settings", "videos", "videos_generate", "followers", "following")

# The embedded JSON's numeric settings (commentSetting, duetSetting, stitchSetting):
# 0 Everyone, 1 Friends, 2 Only me / No one.
SETTING_CODES = {"Everyone": 0, "Friends": 1, "Only me": 2, "No one": 2}


def validate(v, t: dict, name: str) -> dict:
    """Check and normalise the `[tiktok]` table (`v` is the loader's `_Validator`)."""
    w = "tiktok"
    v.only(t, FIELDS, w)
    unique_id = v.get(t, "unique_id", str, w)
    if not re.fullmatch(r"[A-Za-z0-9_.]{2,24}", unique_id):
        v.fail(f"{w}.unique_id", f"{unique_id!r} must be 2 to 24 letters, digits, underscores or "
                                 "dots (no @)")
    v.digits(t, "user_id", w)
    v.get(t, "email", str, w)
    v.get(t, "password", str, w)
    t["ui_language"] = v.language(t, w)
    t["nickname"] = v.get(t, "nickname", str, w, name)
    t["bio"] = v.get(t, "bio", str, w, "")
    t["likes"] = _count(v, t, "likes", w)
    t["settings"] = v.settings(t, SETTINGS, w)

    videos = v.get(t, "videos", list, w, [])
    for i, video in enumerate(videos):
        where = f"{w}.videos[{i}]"
        v.table(video, VIDEO_FIELDS, where)
        v.digits(video, "id", where)
        video["date"] = v.date(v.get(video, "date", (str, dt.date), where), f"{where}.date")
        v.get(video, "caption", str, where)
        video["location"] = v.get(video, "location", str, where, None)
        # Left out: "Everyone", what a public account's new videos get.
        video["audience"] = v.one_of(v.get(video, "audience", str, where, "Everyone"),
                                     VIDEO_AUDIENCES, f"{where}.audience")
        video["views"] = _count(v, video, "views", where)
    oldest = min((video["date"] for video in videos), default="2019-01-01")
    videos += _synthetic_videos(v.get(t, "videos_generate", int, w, 0), oldest)
    ids = [video["id"] for video in videos]
    for i, video_id in enumerate(ids):
        if ids.index(video_id) != i:
            v.fail(f"{w}.videos[{i}].id", f"{video_id!r} is used twice")
    videos.sort(key=lambda video: video["date"], reverse=True)  # newest first, stable for ties
    t["videos"] = videos
    t.pop("videos_generate", None)

    t["followers"] = v.people(t, "followers", w)
    # Only the listed names are mutual (TikTok "friends"): generated ones never repeat a follower.
    t["following"] = v.people(t, "following", w, avoid=t["followers"]["names"])
    return t


def _count(v, table: dict, key: str, where: str) -> int:
    value = v.get(table, key, int, where, 0)
    if value < 0:
        v.fail(f"{where}.{key}", f"{value} is negative")
    return value


def _synthetic_videos(count: int, before: str) -> list[dict]:
    """`count` made-up videos older than `before`: mostly public, some for friends or private."""
    rng = random.Random(8)
    audiences = ["Everyone"] * 6 + ["Friends", "Only you"]
    return [{"id": str(7_100_000_000_000_000_000 + i), "date": day, "caption": text,
             "location": place, "audience": rng.choice(audiences),
             "views": rng.randint(80, 25_000)}
            for i, (day, text, place) in enumerate(synthetic_days(count, before, seed=9))]
