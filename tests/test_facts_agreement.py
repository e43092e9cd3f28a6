"""The audit's declarations and the replicas agree where the facts say they should.

Both are written from the facts (docs/research/), independently: a replica never reads a
declaration (tests/test_import_rules.py). So each setting label a declaration looks for
must be one the facts record (or a wording derived from one, listed below with why), and
each replica must show at least one wording of every declared setting — otherwise a
replica test would only be testing the replica's own guess against the audit's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audits.registry import declarations

ROOT = Path(__file__).resolve().parent.parent
# Wordings the facts imply without quoting them whole.
DERIVED = {
    "Who can look you up using the phone number you provided?":
        "facts 2.1: the email question's wording, 'and the same for phone number'",
    "Let people who have your email address find you on X":
        "X's string table, as the facts' 'email' wording in full (facts 3.2)",
}


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[’‘]", "'", text)).lower()


def facts_text() -> str:
    return plain("\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "research").glob("platform-facts*.md")))


def replica_text(platform: str) -> str:
    files = [p for p in (ROOT / "replicas" / platform).rglob("*") if p.suffix in (".py", ".html") and p.is_file()]
    return plain("\n".join(p.read_text(encoding="utf-8") for p in files))


SETTINGS = [(pid, s) for pid, d in declarations().items() for s in d.settings.values()]


@pytest.mark.parametrize(("platform", "setting"), SETTINGS, ids=[s.check for _p, s in SETTINGS])
def test_every_declared_label_is_a_fact(platform, setting):
    facts = facts_text()
    invented = [label for lang in setting.labels.by_language for label in setting.labels.get(lang)
                if plain(label) not in facts and label not in DERIVED]
    assert invented == [], f"{setting.check}: not in docs/research — add the source or remove the wording"


@pytest.mark.parametrize(("platform", "setting"), SETTINGS, ids=[s.check for _p, s in SETTINGS])
def test_the_replica_shows_a_declared_wording_of_every_setting(platform, setting):
    shown = replica_text(platform)
    assert any(plain(label) in shown for label in setting.labels.get()), setting.check


def test_the_derived_wordings_are_still_declared():
    declared = {label for _p, s in SETTINGS for lang in s.labels.by_language for label in s.labels.get(lang)}
    assert set(DERIVED) <= declared  # a stale exception would excuse an invented label later
