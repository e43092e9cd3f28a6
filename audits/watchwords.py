"""Watch words (terms that tie a post to work) and the private watch list of names.

The default words ship with the checklists; the user adds their own (employer, team,
office town). The watch list only ever produces counts: names never leave this module.
"""

from __future__ import annotations

import re
from pathlib import Path

DEFAULT_FILE = Path(__file__).resolve().parent.parent / "checklists" / "default_watch_words.txt"


def parse_word_file(text: str) -> list[str]:
    words = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line)
    return words


def default_watch_words() -> list[str]:
    return parse_word_file(DEFAULT_FILE.read_text(encoding="utf-8"))


def _pattern(word: str) -> re.Pattern:
    parts = [re.escape(p) for p in word.lower().replace("\u2019", "'").split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])", re.IGNORECASE)


class WordMatcher:
    """Finds which watch words occur in a text (whole words, any case)."""

    def __init__(self, words: list[str]):
        unique = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
        self.patterns = [(w, _pattern(w)) for w in unique]

    def find(self, text: str) -> list[str]:
        text = (text or "").replace("\u2019", "'")
        return [w for w, p in self.patterns if p.search(text)]


def normalise_name(name: str) -> str:
    return " ".join(re.findall(r"[\w'-]+", (name or "").lower()))


def count_watch_list_matches(names: list[str], watch_list: list[str]) -> int:
    """How many of `names` match a watch-list entry (all of its words, in order)."""
    wanted = [normalise_name(w) for w in watch_list if normalise_name(w)]
    count = 0
    for name in names:
        padded = f" {normalise_name(name)} "
        if any(f" {w} " in padded for w in wanted):
            count += 1
    return count
