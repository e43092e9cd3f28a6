"""Small wording helpers every platform's findings share."""

from __future__ import annotations

import re


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 post", "3 posts", "2 people" (with `many`)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def shown_words(value: str, names: tuple[str, ...] = ()) -> str:
    """A value as read (lower case) put back the way the page shows it: "Anyone on LinkedIn".
    `names`: the platform names to restore the capitals of."""
    value = value[:1].upper() + value[1:]
    for name in names:
        value = re.sub(rf"\b{re.escape(name)}\b", name, value, flags=re.I)
    return value
