"""Load and validate persona files (replicas/personas/<name>.toml).

A persona is one fictional person across every platform: a `[person]` table plus one
table per platform. Errors name the file and the key, e.g.
`demo.toml: facebook.about[2].audience: 'Everybody' is not one of Public, ...`.
"""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from pathlib import Path

from .facebook import schema as fb

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
        return data

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

        settings = self.get(t, "settings", dict, w, {})
        self.only(settings, fb.SETTINGS, f"{w}.settings")
        for key, (options, default) in fb.SETTINGS.items():
            if options is bool:
                settings[key] = self.get(settings, key, bool, f"{w}.settings", default)
            else:
                value = self.get(settings, key, str, f"{w}.settings", default)
                settings[key] = self.one_of(value, options, f"{w}.settings.{key}")
        t["settings"] = settings

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


# -- deterministic synthetic content, for large personas and benchmarks ------------------

_FIRST = [
    "Aisha", "Alfie", "Amara", "Ben", "Bethany", "Callum", "Chloe", "Dan", "Darcy", "Declan",
    "Eden", "Eleanor", "Ellis", "Erin", "Ezra", "Fatima", "Finley", "Freya", "Gemma", "Harvey",
    "Hollie", "Imogen", "Isaac", "Jade", "Kai", "Kieran", "Layla", "Leon", "Lola", "Lucas",
    "Maisie", "Marcus", "Maya", "Mia", "Nathan", "Niamh", "Noah", "Olivia", "Oscar", "Phoebe",
    "Priya", "Rhys", "Rosie", "Ruby", "Ryan", "Sana", "Scarlett", "Seb", "Sophie", "Stan",
    "Tariq", "Tess", "Theo", "Toby", "Vera", "Will", "Yasmin", "Zac", "Zara", "Zoe",
]
_LAST = [
    "Adeyemi", "Archer", "Bailey", "Barker", "Bennett", "Bird", "Booth", "Bradley", "Brennan",
    "Carr", "Chandra", "Cole", "Dawson", "Doyle", "Ellison", "Farrow", "Fleming", "Foster",
    "Gill", "Goddard", "Hale", "Hardy", "Holt", "Hurst", "Iqbal", "Kaur", "Kemp", "Lamb",
    "Lowe", "Marsh", "Mistry", "Moss", "Nash", "Okafor", "Osei", "Pike", "Quinn", "Rahman",
    "Reeve", "Rowe", "Sharp", "Slater", "Stone", "Sutton", "Thorne", "Vaughan", "Walsh", "Webb",
    "Wilde", "Yates",
]

_POST_TEXTS = [
    "Sunday roast done, washing up can wait.",
    "Finally finished that book everyone kept recommending. Worth it.",
    "Rain, rain and more rain. The dog disagrees with the weather.",
    "Anyone know a decent plumber? Asking for a friend (me).",
    "Parkrun PB this morning!",
    "New allotment, who knew courgettes grew this fast.",
    "Quiz night champions, again.",
    "Cannot believe it's been ten years since we met. Happy anniversary.",
    "Trying a new recipe tonight, wish the smoke alarm luck.",
    "Lovely walk along the canal today.",
    "Car's in the garage, again.",
    "Birthday cake attempt number two went better than number one.",
]
_PLACES = ["Riverside Café", "Northshire Leisure Centre", "The Old Bell", "Eastbrook Park"]


def synthetic_names(count: int, exclude=frozenset()) -> list[str]:
    """`count` made-up full names, the same every time."""
    combos = [f"{first} {last}" for first in _FIRST for last in _LAST]
    random.Random(1).shuffle(combos)  # fixed seed: reproducible, not alphabetical
    names, round_ = [], 1
    while len(names) < count:
        for combo in combos:
            name = combo if round_ == 1 else f"{combo} {round_}"
            if name not in exclude:
                names.append(name)
                if len(names) == count:
                    break
        round_ += 1
    return names


def synthetic_posts(count: int, before: str) -> list[dict]:
    """`count` made-up posts, newest first, dated before `before`, with mixed audiences."""
    rng = random.Random(2)
    day = dt.date.fromisoformat(before)
    audiences = ["Public"] * 3 + ["Friends"] * 4 + ["Friends of friends", "Only me", "Custom"]
    posts = []
    for i in range(count):
        day -= dt.timedelta(days=rng.randint(1, 4))
        post = {"id": str(7_700_000_000 + i), "date": day.isoformat(),
                "text": rng.choice(_POST_TEXTS), "audience": rng.choice(audiences), "with": []}
        if rng.random() < 0.1:
            post["place"] = rng.choice(_PLACES)
        posts.append(post)
    return posts
