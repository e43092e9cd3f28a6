"""Deterministic made-up content (names, posts) for large personas and benchmarks."""

from __future__ import annotations

import datetime as dt
import random

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


def synthetic_days(count: int, before: str, seed: int) -> list[tuple[str, str, str | None]]:
    """`count` (date, text, place or None) triples, newest first, dated before `before`."""
    rng = random.Random(seed)
    day = dt.date.fromisoformat(before)
    out = []
    for _ in range(count):
        day -= dt.timedelta(days=rng.randint(1, 4))
        place = rng.choice(_PLACES) if rng.random() < 0.1 else None
        out.append((day.isoformat(), rng.choice(_POST_TEXTS), place))
    return out


def synthetic_posts(count: int, before: str) -> list[dict]:
    """`count` made-up posts, newest first, dated before `before`, with mixed audiences."""
    rng = random.Random(2)
    day = dt.date.fromisoformat(before)
    audiences = ["Public"] * 3 + ["Friends"] * 4 + ["Friends of friends", "Only me", "Custom"]
    posts = []
    for i in range(count):
        day -= dt.timedelta(days=rng.randint(1, 4))
        post = {"id": str(7_700_000_000 + i), "date": day.isoformat(),
                "text": rng.choice(_POST_TEXTS), "audience": rng.choice(audiences), "with": [], "place": None}
        if rng.random() < 0.1:
            post["place"] = rng.choice(_PLACES)
        posts.append(post)
    return posts
