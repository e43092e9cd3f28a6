"""Load and validate persona files (replicas/personas/<name>.toml).

A persona is one fictional person across every platform: a `[person]` table plus one
table per platform (`[facebook]`, `[x]`, `[instagram]`, `[linkedin]`, `[tiktok]`). Errors name the file and the key,
e.g. `demo.toml: facebook.about[2].audience: 'Everybody' is not one of Public, ...`.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import tomllib
from pathlib import Path

from .facebook import schema as fb
from .instagram import schema as ig
from .synthetic import synthetic_days, synthetic_names, synthetic_posts
from .x import schema as xs

PERSONAS_DIR = Path(__file__).parent / "personas"
_REQUIRED = object()


class PersonaError(ValueError):
    pass


def load_persona(name_or_path: str | Path) -> dict:
    """Return a fresh, validated persona dict (each call builds a new one to mutate freely)."""
    path = Path(name_or_path)
    if path.suffix != ".toml" and len(path.parts) == 1:
        path = PERSONAS_DIR / f"{name_or_path}.toml"
    if not path.is_file():
        raise PersonaError(f"no persona file {path}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise PersonaError(f"{path.name}: {e}") from None
    except (OSError, UnicodeDecodeError):
        raise PersonaError(f"{path.name} can't be read as a persona file (it isn't UTF-8 text)") from None
    return _Validator(path.name).persona(data)


class _Validator:
    def __init__(self, filename: str):
        self.filename = filename

    def fail(self, where: str, message: str):
        raise PersonaError(f"{self.filename}: {where}: {message}")

    def get(self, table: dict, key: str, kind, where: str, default=_REQUIRED):
        here = f"{where}.{key}" if where else key
        if key not in table:
            if default is _REQUIRED:
                self.fail(here, "missing")
            return default
        value = table[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = " or ".join(k.__name__ for k in kind) if isinstance(kind, tuple) else kind.__name__
            self.fail(here, f"expected {names}, got {value!r}")
        return value

    def one_of(self, value, options, where: str):
        if value not in options:
            self.fail(where, f"{value!r} is not one of {', '.join(options)}")
        return value

    def only(self, table: dict, allowed, where: str):
        for key in table:
            if key not in allowed:
                self.fail(f"{where}.{key}", f"unknown key (expected one of {', '.join(allowed)})")

    def date(self, value, where: str) -> str:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(value).isoformat()
        except (TypeError, ValueError):
            self.fail(where, f"{value!r} is not a date like 2024-03-14")

    def strings(self, table: dict, key: str, where: str) -> list[str]:
        values = self.get(table, key, list, where, [])
        for i, value in enumerate(values):
            if not isinstance(value, str):
                self.fail(f"{where}.{key}[{i}]", f"expected str, got {value!r}")
        return values

    # -- the persona ------------------------------------------------------------------

    def persona(self, data: dict) -> dict:
        person = self.get(data, "person", dict, "")
        name = self.get(person, "name", str, "person")
        if "facebook" in data:
            data["facebook"] = self.facebook(self.get(data, "facebook", dict, ""), name)
        if "x" in data:
            data["x"] = self.x(self.get(data, "x", dict, ""), name)
        if "instagram" in data:
            data["instagram"] = self.instagram(self.get(data, "instagram", dict, ""), name)
        if "linkedin" in data:
            from .linkedin.schema import validate as linkedin

            data["linkedin"] = linkedin(self, self.get(data, "linkedin", dict, ""), name)
        if "tiktok" in data:
            from .tiktok.schema import validate as tiktok

            data["tiktok"] = tiktok(self, self.get(data, "tiktok", dict, ""), name)
        return data

    # -- shared by the platforms -------------------------------------------------------

    def settings(self, t: dict, schema: dict, where: str) -> dict:
        """Every setting present: the persona's value (checked) or the new-account default."""
        settings = self.get(t, "settings", dict, where, {})
        self.only(settings, schema, f"{where}.settings")
        for key, (options, default) in schema.items():
            if options is bool:
                settings[key] = self.get(settings, key, bool, f"{where}.settings", default)
            else:
                value = self.get(settings, key, str, f"{where}.settings", default)
                settings[key] = self.one_of(value, options, f"{where}.settings.{key}")
        return settings

    def language(self, t: dict, where: str) -> str:
        return self.one_of(self.get(t, "ui_language", str, where, "en"), ("en", "fr"),
                           f"{where}.ui_language")

    def digits(self, t: dict, key: str, where: str) -> str:
        value = self.get(t, key, str, where)
        if not value.isdigit():
            self.fail(f"{where}.{key}", "must be digits (a string)")
        return value

    def people(self, t: dict, key: str, where: str, avoid=frozenset()) -> dict:
        """A names list plus `generate = N` synthetic names (none of them in `avoid`)."""
        table = self.get(t, key, dict, where, {})
        self.only(table, ("names", "generate"), f"{where}.{key}")
        names = self.strings(table, "names", f"{where}.{key}")
        count = self.get(table, "generate", int, f"{where}.{key}", 0)
        return {"names": names + synthetic_names(count, exclude=set(names) | set(avoid))}

    def unique(self, posts: list[dict], key: str, where: str) -> None:
        values = [p[key] for p in posts]
        for i, value in enumerate(values):
            if values.index(value) != i:
                self.fail(f"{where}.posts[{i}].{key}", f"{value!r} is used twice")

    def facebook(self, t: dict, name: str) -> dict:
        w = "facebook"
        self.only(t, ("name", "username", "user_id", "email", "password", "ui_language",
                      "settings", "about", "posts", "posts_generate", "friends"), w)
        t["name"] = self.get(t, "name", str, w, name)
        username = self.get(t, "username", str, w)
        if not username.replace(".", "").isalnum():
            self.fail(f"{w}.username", f"{username!r} may hold only letters, digits and dots")
        if not self.get(t, "user_id", str, w).isdigit():
            self.fail(f"{w}.user_id", "must be digits (a string)")
        self.get(t, "email", str, w)
        self.get(t, "password", str, w)
        t["ui_language"] = self.one_of(self.get(t, "ui_language", str, w, "en"), ("en", "fr"),
                                       f"{w}.ui_language")

        t["settings"] = self.settings(t, fb.SETTINGS, w)

        about = self.get(t, "about", list, w, [])
        for i, item in enumerate(about):
            self.about_item(item, f"{w}.about[{i}]")

        posts = self.get(t, "posts", list, w, [])
        for i, post in enumerate(posts):
            self.post(post, f"{w}.posts[{i}]")
        extra = self.get(t, "posts_generate", int, w, 0)
        oldest = min((p["date"] for p in posts), default="2019-01-01")
        posts += synthetic_posts(extra, before=oldest)
        ids = [p["id"] for p in posts]
        for i, post_id in enumerate(ids):
            if ids.index(post_id) != i:
                self.fail(f"{w}.posts[{i}].id", f"{post_id!r} is used twice")
        posts.sort(key=lambda p: p["date"], reverse=True)  # newest first, stable for ties
        t["posts"] = posts
        t.pop("posts_generate", None)

        friends = self.get(t, "friends", dict, w, {})
        self.only(friends, ("names", "generate"), f"{w}.friends")
        names = self.strings(friends, "names", f"{w}.friends")
        count = self.get(friends, "generate", int, f"{w}.friends", 0)
        t["friends"] = {"names": names + synthetic_names(count, exclude=set(names))}
        return t

    def about_item(self, item, where: str):
        if not isinstance(item, dict):
            self.fail(where, "expected a table")
        self.only(item, ("field", "text", "audience", "relation"), where)
        field = self.one_of(self.get(item, "field", str, where), fb.ABOUT_FIELDS, f"{where}.field")
        self.get(item, "text", str, where)
        self.one_of(self.get(item, "audience", str, where), fb.AUDIENCES, f"{where}.audience")
        if field == "family":
            self.get(item, "relation", str, where)
        elif "relation" in item:
            self.fail(f"{where}.relation", "only family members have a relation")
        if field == "birthday":
            item["text"] = self.date(item["text"], f"{where}.text")

    def post(self, post, where: str):
        if not isinstance(post, dict):
            self.fail(where, "expected a table")
        self.only(post, ("id", "date", "text", "audience", "place", "with"), where)
        if not self.get(post, "id", str, where).isdigit():
            self.fail(f"{where}.id", "must be digits (a string)")
        post["date"] = self.date(self.get(post, "date", (str, dt.date), where), f"{where}.date")
        self.get(post, "text", str, where)
        self.one_of(self.get(post, "audience", str, where), fb.AUDIENCES, f"{where}.audience")
        post["place"] = self.get(post, "place", str, where, None)
        post["with"] = self.strings(post, "with", where)

    # -- X -----------------------------------------------------------------------------

    def x(self, t: dict, name: str) -> dict:
        w = "x"
        self.only(t, ("name", "handle", "user_id", "email", "phone", "password", "ui_language",
                      "profile", "settings", "posts", "posts_generate", "followers",
                      "following"), w)
        t["name"] = self.get(t, "name", str, w, name)
        handle = self.get(t, "handle", str, w)
        if not re.fullmatch(r"[A-Za-z0-9_]{1,15}", handle):
            self.fail(f"{w}.handle", f"{handle!r} must be 1 to 15 letters, digits or underscores "
                                     "(no @)")
        self.digits(t, "user_id", w)
        self.get(t, "email", str, w)
        t["phone"] = self.get(t, "phone", str, w, "")
        self.get(t, "password", str, w)
        t["ui_language"] = self.language(t, w)

        profile = self.get(t, "profile", dict, w, {})
        self.only(profile, xs.PROFILE_FIELDS, f"{w}.profile")
        for key in ("bio", "location", "website"):
            profile[key] = self.get(profile, key, str, f"{w}.profile", xs.PROFILE_DEFAULTS[key])
        self.website(profile["website"], f"{w}.profile.website")
        profile["joined"] = self.date(
            self.get(profile, "joined", (str, dt.date), f"{w}.profile", xs.PROFILE_DEFAULTS["joined"]),
            f"{w}.profile.joined")
        born = self.get(profile, "birth_date", (str, dt.date), f"{w}.profile", None)
        profile["birth_date"] = None if born is None else self.date(born, f"{w}.profile.birth_date")
        for key in ("birth_date_visibility", "birth_year_visibility"):
            value = self.get(profile, key, str, f"{w}.profile", xs.PROFILE_DEFAULTS[key])
            profile[key] = self.one_of(value, xs.BIRTH_VISIBILITY, f"{w}.profile.{key}")
        t["profile"] = profile

        t["settings"] = self.settings(t, xs.SETTINGS, w)

        posts = self.get(t, "posts", list, w, [])
        for i, post in enumerate(posts):
            where = f"{w}.posts[{i}]"
            self.table(post, ("id", "date", "text", "place"), where)
            if not self.get(post, "id", str, where).isdigit():
                self.fail(f"{where}.id", "must be digits (a string)")
            post["date"] = self.date(self.get(post, "date", (str, dt.date), where), f"{where}.date")
            self.get(post, "text", str, where)
            post["place"] = self.get(post, "place", str, where, None)
        oldest = min((p["date"] for p in posts), default="2019-01-01")
        posts += [{"id": str(1_500_000_000_000_000_000 + i), "date": day, "text": text,
                   "place": place}
                  for i, (day, text, place) in enumerate(
                      synthetic_days(self.get(t, "posts_generate", int, w, 0), oldest, seed=3))]
        self.unique(posts, "id", w)
        posts.sort(key=lambda p: p["date"], reverse=True)  # newest first, stable for ties
        t["posts"] = posts
        t.pop("posts_generate", None)

        t["followers"] = self.people(t, "followers", w)
        # Only the listed names are mutual: generated ones never repeat a follower.
        t["following"] = self.people(t, "following", w, avoid=t["followers"]["names"])
        return t

    # -- Instagram ---------------------------------------------------------------------

    def instagram(self, t: dict, name: str) -> dict:
        w = "instagram"
        self.only(t, ("name", "username", "user_id", "email", "password", "ui_language",
                      "profile", "contact", "settings", "posts", "posts_generate", "followers",
                      "following"), w)
        t["name"] = self.get(t, "name", str, w, name)
        username = self.get(t, "username", str, w)
        if not re.fullmatch(r"[A-Za-z0-9._]{1,30}", username):
            self.fail(f"{w}.username", f"{username!r} may hold only letters, digits, dots and "
                                       "underscores (up to 30)")
        self.digits(t, "user_id", w)
        self.get(t, "email", str, w)
        self.get(t, "password", str, w)
        t["ui_language"] = self.language(t, w)

        profile = self.get(t, "profile", dict, w, {})
        self.only(profile, ig.PROFILE_FIELDS, f"{w}.profile")
        profile["bio"] = self.get(profile, "bio", str, f"{w}.profile", "")
        profile["website"] = self.get(profile, "website", str, f"{w}.profile", "")
        self.website(profile["website"], f"{w}.profile.website")
        professional = self.get(profile, "professional", bool, f"{w}.profile", False)
        profile["professional"] = professional
        profile["category"] = self.get(profile, "category", str, f"{w}.profile", "")
        if profile["category"] and not professional:
            self.fail(f"{w}.profile.category", "only professional accounts have a category "
                                               "(set profile.professional = true)")
        t["profile"] = profile

        contact = self.get(t, "contact", dict, w, {})
        self.only(contact, ig.CONTACT_FIELDS, f"{w}.contact")
        if contact and not professional:
            self.fail(f"{w}.contact", "only professional accounts have public contact info "
                                      "(set profile.professional = true)")
        t["contact"] = {key: self.get(contact, key, str, f"{w}.contact", "")
                        for key in ig.CONTACT_FIELDS}

        t["settings"] = self.settings(t, ig.SETTINGS, w)

        posts = self.get(t, "posts", list, w, [])
        for i, post in enumerate(posts):
            where = f"{w}.posts[{i}]"
            self.table(post, ("code", "date", "caption", "location", "alt"), where)
            code = self.get(post, "code", str, where)
            if not re.fullmatch(r"[A-Za-z0-9_-]{6,14}", code):
                self.fail(f"{where}.code", f"{code!r} is not a post code like C4xTq2LsR9b "
                                           "(6 to 14 letters, digits, - or _)")
            post["date"] = self.date(self.get(post, "date", (str, dt.date), where), f"{where}.date")
            post["caption"] = self.get(post, "caption", str, where, "")
            post["location"] = self.get(post, "location", str, where, None)
            post["alt"] = self.get(post, "alt", str, where, None)
        oldest = min((p["date"] for p in posts), default="2019-01-01")
        rng = random.Random(4)
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
        posts += [{"code": "B" + "".join(rng.choice(alphabet) for _ in range(10)), "date": day,
                   "caption": text, "location": place, "alt": None}
                  for day, text, place in
                  synthetic_days(self.get(t, "posts_generate", int, w, 0), oldest, seed=5)]
        self.unique(posts, "code", w)
        posts.sort(key=lambda p: p["date"], reverse=True)
        t["posts"] = posts
        t.pop("posts_generate", None)

        t["followers"] = self.people(t, "followers", w)
        # Only the listed names are mutual: generated ones never repeat a follower.
        t["following"] = self.people(t, "following", w, avoid=t["followers"]["names"])
        return t

    def table(self, value, allowed, where: str) -> None:
        if not isinstance(value, dict):
            self.fail(where, "expected a table")
        self.only(value, allowed, where)

    def website(self, value: str, where: str) -> None:
        if value and not re.fullmatch(r"(https?://)?[\w-]+(\.[\w-]+)+(/\S*)?", value):
            self.fail(where, f"{value!r} is not a web address like https://example.org")
