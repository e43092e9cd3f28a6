"""Loading and validating the checklist content (see checklists/README.md).

Every problem is reported as `ContentError("checklists/items/facebook.toml, line 12: ...")`,
so whoever edits the content knows exactly where to look.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from audits.catalog import CHECKS
from audits.registry import ids as platform_ids
from audits.routing import host_in, platform_hosts
from audits.tomlfile import DataError, TomlFile

ROOT = Path(__file__).resolve().parent
SEVERITIES = ("high", "medium", "low")
SOURCE_KINDS = ("regulator", "professional_body", "security", "case", "platform")


class ContentError(DataError):
    pass


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    url: str | None
    kind: str
    status: str
    checked: str


@dataclass(frozen=True)
class Regulator:
    id: str
    name: str
    profession: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Guidance:
    id: str
    text: str
    severity: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    why: str
    severity: str
    guidance: tuple[str, ...]
    sources: tuple[str, ...]
    link: str
    steps: tuple[str, ...]
    done_when: str
    check_by_hand: str

    @property
    def platform(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class SelfCheck:
    id: str
    guidance: tuple[str, ...]
    severity: str
    question: str
    why: str
    safe_answer: str
    steps: tuple[str, ...]
    sources: tuple[str, ...]
    platforms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Content:
    sources: dict[str, Source]
    regulators: dict[str, Regulator]
    guidance: dict[str, Guidance]
    items: dict[str, Item]
    self_checks: dict[str, SelfCheck]


class _File(TomlFile):
    """One checklist TOML file, its errors named after its place under checklists/."""

    def __init__(self, path: Path):
        name = f"checklists/{path.relative_to(ROOT).as_posix()}" if path.is_relative_to(ROOT) else str(path)
        super().__init__(path, name, ContentError)


def _text(f: _File, entry: dict, key: str, anchor: str, *, optional: bool = False) -> str | None:
    value = entry.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise f.error(anchor, key if key in entry else None, f"'{key}' must be a non-empty text")
    return value.strip()


def _list(f: _File, entry: dict, key: str, anchor: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    value = entry.get(key, [] if allow_empty else None)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise f.error(anchor, key if key in entry else None, f"'{key}' must be a list of texts")
    if not value and not allow_empty:
        raise f.error(anchor, key, f"'{key}' must not be empty")
    return tuple(v.strip() for v in value)


def _severity(f: _File, entry: dict, anchor: str) -> str:
    value = entry.get("severity")
    if value not in SEVERITIES:
        raise f.error(anchor, "severity", f"'severity' must be one of {', '.join(SEVERITIES)}, not {value!r}")
    return value


def _keys(f: _File, anchor: str, key: str, values: tuple[str, ...], known: dict, what: str) -> None:
    for value in values:
        if value not in known:
            raise f.error(anchor, key, f"unknown {what} '{value}'")


def load_sources(f: _File) -> dict[str, Source]:
    out = {}
    for key, entry in f.data.get("source", {}).items():
        anchor = f"[source.{key}]"
        kind = entry.get("kind")
        if kind not in SOURCE_KINDS:
            raise f.error(anchor, "kind", f"'kind' must be one of {', '.join(SOURCE_KINDS)}")
        url = _text(f, entry, "url", anchor, optional=True)
        if url and urlsplit(url).scheme not in ("http", "https"):
            raise f.error(anchor, "url", f"'url' must be a web address, not {url!r}")
        out[key] = Source(key, _text(f, entry, "name", anchor), url, kind,
                          entry.get("status", "in force"), str(entry.get("checked", "")))
    if not out:
        raise ContentError(f"{f.name}: no [source.KEY] tables")
    return out


def load_content(root: Path = ROOT) -> Content:
    sources_file = _File(root / "sources.toml")
    sources = load_sources(sources_file)

    f = _File(root / "regulators.toml")
    regulators = {}
    for rid, entry in f.data.get("regulator", {}).items():
        anchor = f"[regulator.{rid}]"
        srcs = _list(f, entry, "sources", anchor, allow_empty=True)
        _keys(f, anchor, "sources", srcs, sources, "source")
        regulators[rid] = Regulator(rid, _text(f, entry, "name", anchor), _text(f, entry, "profession", anchor), srcs)
    if "other" not in regulators:
        raise ContentError(f"{f.name}: needs a [regulator.other] entry")

    f = _File(root / "guidance.toml")
    guidance = {}
    for gid, entry in f.data.get("guidance", {}).items():
        anchor = f"[guidance.{gid}]"
        srcs = _list(f, entry, "sources", anchor)
        _keys(f, anchor, "sources", srcs, sources, "source")
        guidance[gid] = Guidance(gid, _text(f, entry, "text", anchor), _severity(f, entry, anchor), srcs)

    items: dict[str, Item] = {}
    platforms = platform_ids()
    # Content for a platform whose folder isn't installed is kept, not read.
    with_content = {path.stem for path in (root / "items").glob("*.toml")}
    for path in sorted((root / "items").glob("*.toml")):
        if path.stem not in platforms:
            continue
        f = _File(path)
        for entry in f.data.get("item", []):
            iid = entry.get("id")
            anchor = f'id = "{iid}"'
            if iid not in CHECKS:
                raise f.error(anchor, "id", f"'{iid}' is not a check id in CHECKS.md")
            if iid in items:
                raise f.error(anchor, "id", f"'{iid}' appears twice")
            if CHECKS[iid].platform != path.stem:
                raise f.error(anchor, "id", f"'{iid}' belongs in items/{CHECKS[iid].platform}.toml")
            severity = _severity(f, entry, anchor)
            if severity != CHECKS[iid].severity:
                raise f.error(anchor, "severity", f"severity is '{severity}' but CHECKS.md says '{CHECKS[iid].severity}'")
            gids = _list(f, entry, "guidance", anchor)
            _keys(f, anchor, "guidance", gids, guidance, "guidance item")
            srcs = _list(f, entry, "sources", anchor)
            _keys(f, anchor, "sources", srcs, sources, "source")
            link = _text(f, entry, "link", anchor)
            parts = urlsplit(link)
            if parts.scheme != "https" or not host_in(parts.hostname, platform_hosts(path.stem)):
                raise f.error(anchor, "link", f"'link' must be an https address on {path.stem}'s real site, not {link!r}")
            items[iid] = Item(
                iid, _text(f, entry, "title", anchor), _text(f, entry, "why", anchor), severity, gids, srcs, link,
                _list(f, entry, "steps", anchor), _text(f, entry, "done_when", anchor),
                _text(f, entry, "check_by_hand", anchor),
            )

    f = _File(root / "self_checks.toml")
    self_checks: dict[str, SelfCheck] = {}
    for entry in f.data.get("question", []):
        qid = entry.get("id")
        anchor = f'id = "{qid}"'
        if not isinstance(qid, str) or not qid.startswith("self."):
            raise f.error(anchor, "id", f"a question id must start with 'self.', not {qid!r}")
        if qid in self_checks:
            raise f.error(anchor, "id", f"'{qid}' appears twice")
        if entry.get("safe_answer") not in ("yes", "no"):
            raise f.error(anchor, "safe_answer", "'safe_answer' must be 'yes' or 'no'")
        gids = _list(f, entry, "guidance", anchor)
        _keys(f, anchor, "guidance", gids, guidance, "guidance item")
        srcs = _list(f, entry, "sources", anchor)
        _keys(f, anchor, "sources", srcs, sources, "source")
        named = _list(f, entry, "platforms", anchor, allow_empty=True)
        for p in named:
            if p not in platforms and p not in with_content:
                raise f.error(anchor, "platforms", f"unknown platform '{p}'")
        if named and not (named := tuple(p for p in named if p in platforms)):
            continue  # a question only about platforms that aren't installed
        self_checks[qid] = SelfCheck(
            qid, gids, _severity(f, entry, anchor), _text(f, entry, "question", anchor), _text(f, entry, "why", anchor),
            entry["safe_answer"], _list(f, entry, "steps", anchor), srcs, named,
        )
    return Content(sources, regulators, guidance, items, self_checks)


@functools.cache
def content() -> Content:
    """The shipped content, loaded once."""
    return load_content()
