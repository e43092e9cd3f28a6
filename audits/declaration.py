"""A platform's declaration: what Boundary knows about one site, as validated data.

Each platform folder (`audits/platforms/<id>/`) holds a `platform.toml` read here: its
name, hosts, session cookies, sign-in and home pages, how it shows a login wall or a
checkpoint, its checks (ids are a public contract, docs/CHECKS.md), the pages the audit
reads with what each must show before it is read, and every setting with its label
wordings and the value words mapped to audiences. A label the site renamed is one edit in
this file. Wording may be given per UI language (`labels = { en = [...], es = [...] }`),
only from the platform's own strings; a page in a language the declaration doesn't hold
stays `unknown`. See docs/adding-a-platform.md for the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

from audits.model import Audience, Severity
from audits.tomlfile import DataError, TomlFile

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LANGUAGE = "en"
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
AUDIENCES = {a.value: a for a in Audience}
SWITCH_VALUES = {"on": True, "off": False}


class DeclarationError(DataError):
    pass


@dataclass(frozen=True)
class CheckSpec:
    id: str
    title: str
    severity: Severity

    @property
    def platform(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Wording:
    """Texts per UI language; the first of each list is the current wording."""

    by_language: dict[str, tuple[str, ...]]

    def get(self, language: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
        return self.by_language.get(language, ())

    @property
    def current(self) -> str:
        return self.by_language[DEFAULT_LANGUAGE][0]


@dataclass(frozen=True)
class ValueWords:
    """Words a setting shows for its value, each mapped to an audience (or on/off)."""

    by_language: dict[str, dict[str, Audience | bool]]

    def get(self, language: str = DEFAULT_LANGUAGE) -> dict[str, Audience | bool]:
        return self.by_language.get(language, {})


@dataclass(frozen=True)
class Setting:
    check: str
    page: str  # a key of `pages`
    labels: Wording
    values: ValueWords | None  # None: an on/off switch
    # How the generic decision words the verdict (see PlatformAudit.decide_setting).
    risky: frozenset = frozenset()  # audiences (or True/False for a switch) that are a risk
    summary: str = ""  # "{who} can see your friends list." ({shown}: the value as shown)
    summaries: dict = field(default_factory=dict)  # audience or on/off -> its own summary
    who: dict = field(default_factory=dict)  # audience -> how "who" reads in this summary

    @property
    def switch(self) -> bool:
        return self.values is None


@dataclass(frozen=True)
class PageSpec:
    key: str
    path: str  # below the platform's base address
    step: str  # plain words for progress: "reading how people can find you"


@dataclass(frozen=True)
class Declaration:
    id: str
    name: str
    order: int
    folder: Path
    audit: str  # the audit class in the folder's audit.py
    base: str
    hosts: tuple[str, ...]
    session_cookies: tuple[str, ...]
    sign_in_url: str
    home_url: str
    walls: WallMarkers
    checks: tuple[CheckSpec, ...]
    settings: dict[str, Setting]
    pages: dict[str, PageSpec]
    ready: dict[str, Ready]
    who: dict[Audience, str]
    values: dict[str, ValueWords]  # every [values.*] table, also those only code reads
    words: dict[str, tuple[str, ...]]  # other named wordings the audit looks for
    languages: tuple[str, ...]

    def url(self, page: str) -> str:
        return self.base + self.pages[page].path

    def settings_on(self, page: str) -> list[Setting]:
        return [s for s in self.settings.values() if s.page == page]


# -- what pages show -----------------------------------------------------------------------------
@dataclass(frozen=True)
class WallMarkers:
    """How a platform shows a login wall or a checkpoint (from the platform facts)."""

    login_paths: tuple[str, ...]
    login_titles: tuple[str, ...]
    login_phrases: tuple[str, ...]  # only counted together with a password field
    checkpoint_paths: tuple[str, ...]
    checkpoint_phrases: tuple[str, ...]
    error_phrases: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("en",)  # UI languages the declaration holds wording for


@dataclass(frozen=True)
class Ready:
    """What a page kind must show before it can be read: any one of these landmarks.

    `texts`: visible wording (compared the way readers compare text); `selectors`: roles or
    elements (never generated class names), counted only when visible. An empty `Ready`
    asks only for a settled page (nothing busy, the DOM quiet).
    """

    what: str = "this page"  # plain words for messages: "your privacy settings"
    texts: tuple[str, ...] = ()
    selectors: tuple[str, ...] = ()
    # Groups of wordings that must ALL show (one wording of each): a settings page built in
    # parts shows its first rows while the rest are still grey boxes. Past the deadline a
    # settled page showing some of them is read (a label the platform renamed is then that
    # one check's problem, not the whole page's).
    every: tuple[tuple[str, ...], ...] = ()

    @property
    def landmarks(self) -> bool:
        return bool(self.texts or self.selectors or self.every)



# -- loading ------------------------------------------------------------------------------------
def load_declaration(path: Path, platform_id: str | None = None) -> Declaration:
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    f = TomlFile(path, name, DeclarationError)
    d = f.data
    pid = platform_id or path.parent.name
    if not re.fullmatch(r"[a-z][a-z0-9_]*", pid):
        raise f.error(None, None, f"the folder name '{pid}' must be a lower-case platform id")
    languages: set[str] = {DEFAULT_LANGUAGE}

    def text(entry: dict, key: str, anchor: str | None, optional: bool = False) -> str:
        value = entry.get(key)
        if value is None and optional:
            return ""
        if not isinstance(value, str) or not value.strip():
            raise f.error(anchor, key if key in entry else None, f"'{key}' must be a non-empty text")
        return value.strip()

    def texts(entry: dict, key: str, anchor: str | None, allow_empty: bool = False) -> tuple[str, ...]:
        value = entry.get(key, [] if allow_empty else None)
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise f.error(anchor, key if key in entry else None, f"'{key}' must be a list of texts")
        if not value and not allow_empty:
            raise f.error(anchor, key, f"'{key}' must not be empty")
        return tuple(v.strip() for v in value)

    def wording(entry: dict, key: str, anchor: str) -> Wording:
        value = entry.get(key)
        if isinstance(value, list):
            value = {DEFAULT_LANGUAGE: value}
        if not isinstance(value, dict) or DEFAULT_LANGUAGE not in value:
            raise f.error(anchor, key if key in entry else None,
                          f"'{key}' must be a list of texts, or a table of them by language with 'en' first")
        out = {}
        for lang, items in value.items():
            if not LANGUAGE_RE.match(lang):
                raise f.error(anchor, key, f"'{lang}' is not a language code like 'en' or 'es'")
            out[lang] = texts({key: items}, key, anchor)
            languages.add(lang)
        return Wording(out)

    def https(entry: dict, key: str, anchor: str | None, hosts: tuple[str, ...]) -> str:
        url = text(entry, key, anchor)
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme != "https" or not any(host == h or host.endswith("." + h) for h in hosts):
            raise f.error(anchor, key, f"'{key}' must be an https address on one of {', '.join(hosts)}, not {url!r}")
        return url.rstrip("/") if key == "base" else url

    def audience(value, anchor: str, key: str, switch_ok: bool = False) -> Audience | bool:
        if switch_ok and value in SWITCH_VALUES:
            return SWITCH_VALUES[value]
        if value not in AUDIENCES:
            allowed = list(AUDIENCES) + (list(SWITCH_VALUES) if switch_ok else [])
            raise f.error(anchor, key, f"{value!r} must be one of {', '.join(allowed)}")
        return AUDIENCES[value]

    hosts = texts(d, "hosts", None)
    base = https(d, "base", None, hosts)
    order = d.get("order")
    if not isinstance(order, int) or isinstance(order, bool):
        raise f.error(None, "order", "'order' must be a whole number (where the platform is listed)")

    walls_entry = d.get("walls")
    if not isinstance(walls_entry, dict):
        raise f.error(None, None, "needs a [walls] table (how the site shows a login wall or a checkpoint)")
    walls = WallMarkers(**{k: tuple(t.lower() for t in texts(walls_entry, k, "[walls]", allow_empty=k != "login_paths"))
                           for k in ("login_paths", "login_titles", "login_phrases", "checkpoint_paths",
                                     "checkpoint_phrases", "error_phrases")})
    unknown = set(walls_entry) - set(WallMarkers.__dataclass_fields__) - {"languages"}
    if unknown:
        raise f.error("[walls]", sorted(unknown)[0], f"unknown key '{sorted(unknown)[0]}' in [walls]")

    checks = []
    for cid, entry in (d.get("checks") or {}).items():
        anchor = f'"{cid}"'
        if not cid.startswith(pid + "."):
            raise f.error(anchor, None, f"check id '{cid}' must start with '{pid}.'")
        if not isinstance(entry, dict):
            raise f.error(anchor, None, f"check '{cid}' must be a table with a title and a severity")
        sev = entry.get("severity")
        if sev not in {s.value for s in Severity}:
            raise f.error(anchor, None, f"check '{cid}': severity must be high, medium or low, not {sev!r}")
        checks.append(CheckSpec(cid, text(entry, "title", anchor), Severity(sev)))
    if not checks:
        raise f.error(None, None, "needs a [checks] table listing the platform's checks")
    check_ids = {c.id for c in checks}

    pages = {}
    for key, entry in (d.get("pages") or {}).items():
        anchor = f'[pages."{key}"]'
        path_ = text(entry, "path", anchor)
        if not path_.startswith("/"):
            raise f.error(anchor, "path", f"'path' must start with '/', not {path_!r}")
        pages[key] = PageSpec(key, path_, text(entry, "step", anchor))

    ready = {}
    for key, entry in (d.get("ready") or {}).items():
        anchor = f"[ready.{key}]"
        every = entry.get("every", [])
        if not isinstance(every, list) or not all(isinstance(g, list) for g in every):
            raise f.error(anchor, "every", "'every' must be a list of lists of texts")
        ready[key] = Ready(text(entry, "what", anchor), texts(entry, "texts", anchor, allow_empty=True),
                           texts(entry, "selectors", anchor, allow_empty=True),
                           tuple(texts({"every": g}, "every", anchor) for g in every))

    values: dict[str, ValueWords] = {}
    for key, entry in (d.get("values") or {}).items():
        anchor = f"[values.{key}]"
        by_lang: dict[str, dict] = {DEFAULT_LANGUAGE: {}}
        for word, value in entry.items():
            if isinstance(value, dict):  # another UI language's words
                if not LANGUAGE_RE.match(word):
                    raise f.error(anchor, word, f"'{word}' is not a language code")
                languages.add(word)
                by_lang[word] = {w.lower(): audience(v, anchor, w, True) for w, v in value.items()}
            else:
                by_lang[DEFAULT_LANGUAGE][word.lower()] = audience(value, anchor, word, True)
        values[key] = ValueWords(by_lang)

    def who_table(entry, anchor: str) -> dict:
        if not isinstance(entry, dict):
            raise f.error(anchor, "who", "'who' must be a table: audience = how it reads")
        return {audience(k, anchor, k): v for k, v in entry.items()}

    who = who_table(d.get("who", {}), "who")

    settings = {}
    for cid, entry in (d.get("settings") or {}).items():
        anchor = f'[settings."{cid}"]'
        if cid not in check_ids:
            raise f.error(anchor, None, f"'{cid}' is not one of this platform's checks")
        page = text(entry, "page", anchor)
        if page not in pages:
            raise f.error(anchor, "page", f"'page' names '{page}', which isn't in [pages]")
        vkey = entry.get("values")
        if vkey is not None and vkey not in values:
            raise f.error(anchor, "values", f"'values' names '{vkey}', which isn't a [values.*] table")
        switch = vkey is None
        risky = entry.get("risky", ["on"] if switch else ["public", "wide"])
        if not isinstance(risky, list):
            raise f.error(anchor, "risky", "'risky' must be a list")
        summaries = entry.get("summaries", {})
        if not isinstance(summaries, dict):
            raise f.error(anchor, "summaries", "'summaries' must be a table")
        settings[cid] = Setting(
            cid, page, wording(entry, "labels", anchor), values[vkey] if vkey else None,
            frozenset(audience(r, anchor, "risky", switch) for r in risky),
            text(entry, "summary", anchor, optional=True),
            {audience(k, anchor, "summaries", switch): v for k, v in summaries.items()},
            who_table(entry.get("who", {}), anchor),
        )

    words = {}
    for key, value in (d.get("words") or {}).items():
        words[key] = texts({key: value}, key, "[words]")

    known = {"name", "order", "audit", "base", "hosts", "session_cookies", "sign_in_url", "home_url", "walls", "checks",
             "pages", "ready", "values", "settings", "who", "words"}
    for key in d:
        if key not in known:
            raise f.error(None, key, f"unknown key '{key}'")
    languages = tuple(sorted(languages, key=lambda x: (x != DEFAULT_LANGUAGE, x)))
    return Declaration(
        id=pid, name=text(d, "name", None), order=order, folder=path.parent, audit=text(d, "audit", None), base=base,
        hosts=hosts, session_cookies=texts(d, "session_cookies", None),
        sign_in_url=https(d, "sign_in_url", None, hosts), home_url=https(d, "home_url", None, hosts),
        walls=replace(walls, languages=languages), checks=tuple(checks), settings=settings, pages=pages, ready=ready, who=who, values=values, words=words,
        languages=languages,
    )
