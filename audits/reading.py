"""Reading a page: one round-trip per read, and typed answers a hostile page can't bend.

`read(page, fn, **kwargs)` runs one reader of the assembled page script (audits/readers/)
in one `page.evaluate` and gives back what the page returned, untyped. The functions below
run the main readers and take their answers as small frozen dataclasses. A page can
redefine the globals a reader uses, so its answer is checked for the shape the reader
gives: an answer out of shape becomes "not found" with a `problem` (a list becomes None,
never "none shown"), never an exception out of here and never a wrong value. The settings
readers also take a reader that failed in the page (the page threw, or went away mid-read)
as "not found" with a problem; a closed page still raises, and the other readers leave a
page gone mid-read to their callers, as before.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from audits import readers

# Why an answer couldn't be taken (said in findings: never quotes the page).
MALFORMED = "the page's answer wasn't in the shape Boundary reads"
FAILED = "the page stopped Boundary's reader part-way"
READY_STATES = ("ready", "partial", "busy", "changing", "missing")


# The readers run in a world of their own (as a browser extension's scripts do): they share
# the page's document but not its JavaScript, so a page that redefines `textContent`,
# `getAttribute` or `checked` to say "Only me" can't bend what they read, and nothing they
# define is visible to the page.
WORLD = "boundary-readers"
# How long a page may take to answer at all; one that never does (script that never
# yields) is given up on, never waited for.
RESPOND_MS = 5000
READ_MS = 10000  # the readers' own running time, at most
_SESSIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class PageUnresponsive(RuntimeError):
    """The page didn't answer in time: its script never yields (or the browser is stuck)."""


class ReaderFailed(RuntimeError):
    """The reader threw in the page (or the page went away mid-read)."""


def _session(page):
    session = _SESSIONS.get(page)
    if session is None:
        session = page.context.new_cdp_session(page)
        _SESSIONS[page] = session
    return session


def prepare(page, script: str) -> None:
    """Run `script` in the readers' world of every document the page opens, before the
    page's own scripts (the quiet watch)."""
    _session(page).send("Page.addScriptToEvaluateOnNewDocument", {"source": script, "worldName": WORLD})


def _send(session, method: str, params: dict, timeout_ms: int) -> dict:
    """A DevTools call with a deadline kept by Playwright's driver: a page whose script never
    yields never answers, and is given up on rather than waited for."""
    try:
        return session.send(method, params, timeout=timeout_ms)
    except Exception as exc:
        if "Timeout" in type(exc).__name__ or "timeout" in str(exc).split("\n")[0].lower():
            raise PageUnresponsive(f"the page didn't answer within {timeout_ms / 1000:g} seconds") from exc
        raise


def responsive(page, timeout_ms: int = RESPOND_MS) -> None:
    """Raise PageUnresponsive unless the page answers within `timeout_ms`. The deadline is
    kept by Playwright's driver, so it holds even when the page's thread never comes back."""
    try:
        page.wait_for_function("() => true", timeout=timeout_ms)
    except Exception as exc:
        if "Timeout" in type(exc).__name__:
            raise PageUnresponsive(f"the page didn't answer within {timeout_ms / 1000:g} seconds") from exc
        raise


def read(page, fn: str, **kwargs) -> Any:
    """Run one of the page readers (`fn`: "readSwitch", "x.byTestId", ...) in the page."""
    return evaluate(page, {"fn": fn, **kwargs})


def evaluate(page, argument: dict) -> Any:
    """One round-trip of the readers' script, in the readers' own world; a page that doesn't
    answer in time raises PageUnresponsive."""
    session = _session(page)
    frame = _send(session, "Page.getFrameTree", {}, RESPOND_MS)["frameTree"]["frame"]["id"]
    context = _send(session, "Page.createIsolatedWorld", {"frameId": frame, "worldName": WORLD},
                    RESPOND_MS)["executionContextId"]
    got = _send(session, "Runtime.evaluate", {
        "expression": f"({readers.script()})({json.dumps(argument)})", "contextId": context,
        "returnByValue": True, "awaitPromise": True, "timeout": READ_MS}, RESPOND_MS + READ_MS)
    if "exceptionDetails" in got:
        detail = got["exceptionDetails"]
        raise ReaderFailed((detail.get("exception") or {}).get("description", detail.get("text", ""))[:200])
    return got.get("result", {}).get("value")


class Malformed(ValueError):
    """The page's answer isn't the shape its reader gives."""


_FAILED = object()


def _closed(page) -> bool:
    try:
        return bool(page.is_closed())
    except Exception:
        return True


def _answer(page, fn: str, **kwargs):
    """The page's answer, or _FAILED when the reader failed in a page that is still open."""
    try:
        return read(page, fn, **kwargs)
    except PageUnresponsive:
        raise
    except Exception:
        if _closed(page):
            raise
        return _FAILED


# -- checking shapes ------------------------------------------------------------------------------
def _dict(value) -> dict:
    if not isinstance(value, dict):
        raise Malformed("not an object")
    return value


def _bool(value) -> bool:
    if not isinstance(value, bool):
        raise Malformed("not true or false")
    return value


def _state(value) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise Malformed("not a state")
    return value


def _str(value) -> str:
    if not isinstance(value, str):
        raise Malformed("not a string")
    return value


def _strs(value) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise Malformed("not a list")
    return tuple(_str(v) for v in value)


# -- settings ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SwitchRead:
    """An on/off setting as read: `found` its label; `state` True/False, or None when no state
    could be read; `conflict` when two places showed two states; `via` how the state was
    found; `problem` when the page's answer couldn't be taken (then nothing was found)."""

    found: bool = False
    state: bool | None = None
    label: str = ""
    conflict: bool = False
    via: str = ""
    problem: str = ""


@dataclass(frozen=True)
class ChoiceRead:
    """A one-of-several setting as read: `values` the value words shown (one of the words
    asked for each, never two the same); more than one means the page disagrees with itself."""

    found: bool = False
    values: tuple[str, ...] = ()
    label: str = ""
    via: tuple[str, ...] = ()
    problem: str = ""


@dataclass(frozen=True)
class Switch:
    name: str
    state: bool | None


@dataclass(frozen=True)
class GroupRead:
    """A setting made of several switches (its own dialog, an inline group, rows under it)."""

    found: bool = False
    label: str = ""
    via: str = ""
    switches: tuple[Switch, ...] = ()
    problem: str = ""


def _switch_read(raw) -> SwitchRead:
    d = _dict(raw)
    if not _bool(d.get("found")):
        return SwitchRead()
    got = SwitchRead(found=True, state=_state(d.get("state")), label=_str(d.get("label")),
                     conflict=_bool(d.get("conflict", False)), via=_str(d.get("via", "")))
    if got.conflict and got.state is not None:
        raise Malformed("a conflict with a state")
    return got


def _choice_read(raw, words: set[str]) -> ChoiceRead:
    d = _dict(raw)
    if not _bool(d.get("found")):
        return ChoiceRead()
    values = _strs(d.get("values", []))
    if any(v not in words for v in values) or len(set(values)) != len(values):
        raise Malformed("a value that wasn't asked for")
    return ChoiceRead(found=True, values=values, label=_str(d.get("label")), via=_strs(d.get("via", [])))


def _switches(raw) -> tuple[Switch, ...]:
    if not isinstance(raw, list):
        raise Malformed("not a list")
    out = []
    for item in raw:
        d = _dict(item)
        out.append(Switch(_str(d.get("name")), _state(d.get("state"))))
    return tuple(out)


def _group_read(raw) -> GroupRead:
    d = _dict(raw)
    if not _bool(d.get("found")):
        return GroupRead()
    return GroupRead(found=True, label=_str(d.get("label")), via=_str(d.get("via", "")),
                     switches=_switches(d.get("switches", [])))


def read_switch(page, labels: Iterable[str], others: Iterable[str] = (), *, exact: bool = False) -> SwitchRead:
    """An on/off setting by any of its `labels` (the first shown that gives a state), never
    reaching into the rows of `others`. `exact`: a label counts only as its own row's label
    or its own control's name (audits/readers/settings.js)."""
    kwargs = {"labels": list(labels), "others": list(others)}
    if exact:
        kwargs["exact"] = True
    raw = _answer(page, "readSwitch", **kwargs)
    if raw is _FAILED:
        return SwitchRead(problem=FAILED)
    try:
        return _switch_read(raw)
    except Malformed:
        return SwitchRead(problem=MALFORMED)


def read_choice(page, labels: Iterable[str], words: Iterable[str], others: Iterable[str] = (), *,
                exact: bool = False) -> ChoiceRead:
    """A one-of-several setting by any of its `labels`: which of `words` it shows."""
    words = list(words)
    kwargs = {"labels": list(labels), "words": words, "others": list(others)}
    if exact:
        kwargs["exact"] = True
    raw = _answer(page, "readChoice", **kwargs)
    if raw is _FAILED:
        return ChoiceRead(problem=FAILED)
    try:
        return _choice_read(raw, set(words))
    except Malformed:
        return ChoiceRead(problem=MALFORMED)


def read_group_switches(page, labels: Iterable[str], others: Iterable[str] = (),
                        choices: Iterable[str] = ()) -> GroupRead:
    """The switches of a setting made of several, labels matched exactly; `choices`: the
    names its own switches may have (rows under its label count while each is one)."""
    raw = _answer(page, "groupSwitches", labels=list(labels), others=list(others), choices=list(choices))
    if raw is _FAILED:
        return GroupRead(problem=FAILED)
    try:
        return _group_read(raw)
    except Malformed:
        return GroupRead(problem=MALFORMED)


def read_dialog_switches(page) -> tuple[Switch, ...] | None:
    """The switches of the open dialog; None when no dialog is open (or its answer can't be taken)."""
    raw = _answer(page, "dialogSwitches")
    if raw is None or raw is _FAILED:
        return None
    try:
        return _switches(raw)
    except Malformed:
        return None


# -- the page -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PageInfo:
    """What the page says it is: its address, language, title, the first of its text, a
    password field, anything busy, its top headings. `problem`: its answer couldn't be taken
    (everything else then empty)."""

    url: str = ""
    lang: str = ""
    title: str = ""
    text: str = ""
    has_password: bool = False
    busy: bool = False
    headings: tuple[str, ...] = ()
    problem: str = ""

    def as_dict(self) -> dict:
        """The form `Loaded.info` keeps (the reader's own keys)."""
        return {"url": self.url, "lang": self.lang, "title": self.title, "text": self.text,
                "hasPassword": self.has_password, "busy": self.busy, "headings": list(self.headings)}


def page_info(page) -> PageInfo:
    """What the page says it is. A page gone mid-read raises (the loader decides what that means)."""
    raw = read(page, "pageInfo")
    try:
        d = _dict(raw)
        return PageInfo(url=_str(d.get("url")), lang=_str(d.get("lang")), title=_str(d.get("title")),
                        text=_str(d.get("text")), has_password=_bool(d.get("hasPassword")),
                        busy=_bool(d.get("busy")), headings=_strs(d.get("headings")))
    except Malformed:
        return PageInfo(problem=MALFORMED)


def readiness(page, *, texts: Iterable[str] = (), selectors: Iterable[str] = (),
              every: Iterable[Iterable[str]] = (), quiet: int) -> str:
    """Whether the page is really there: "ready"; "partial" (some of `every`'s groups show);
    "busy"; "changing" (not quiet for `quiet` ms; also a page that couldn't be asked, or
    answered out of shape: look again); "missing" (settled, without any landmark)."""
    try:
        raw = read(page, "readiness", texts=list(texts), selectors=list(selectors),
                   every=[list(g) for g in every], quiet=quiet)
    except PageUnresponsive:
        raise
    except Exception:  # navigated away mid-read (a script redirect): look again
        return "changing"
    state = raw.get("state") if isinstance(raw, dict) else None
    return state if isinstance(state, str) and state in READY_STATES else "changing"


@dataclass(frozen=True)
class Link:
    href: str  # absolute
    name: str  # its accessible name, compared form (lower case, single spaces)
    role: str = ""


def links(page) -> list[Link] | None:
    """Every link a person can see; None when the page's answer can't be taken."""
    raw = read(page, "links")
    try:
        if not isinstance(raw, list):
            raise Malformed("not a list")
        return [Link(_str(d.get("href")), _str(d.get("name")), _str(d.get("role", ""))) for d in map(_dict, raw)]
    except Malformed:
        return None


def strings(page, fn: str, **kwargs) -> list[str] | None:
    """A reader's list of texts; None when the page's answer can't be taken."""
    try:
        return list(_strs(read(page, fn, **kwargs)))
    except Malformed:
        return None


def json_blobs(page) -> list[str] | None:
    """The page's own data: the text of its JSON scripts (None: the answer can't be taken)."""
    return strings(page, "jsonBlobs")


def list_names(page) -> list[str] | None:
    """Names in the page's lists: friends, followers, connections (None: the answer can't be taken)."""
    return strings(page, "listNames")


def place_links(page) -> list[str] | None:
    """The names of the places a post or video page links to (None: the answer can't be taken)."""
    return strings(page, "placeLinks")


# -- posts --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Article:
    """One post a person can see."""

    permalink: str = ""
    audiences: tuple[str, ...] = ()  # the audiences its markers name ("friends of friends")
    date: str = ""
    text: str = ""  # its visible text (the first 2000 characters)
    messages: tuple[str, ...] = ()  # its text blocks
    places: tuple[str, ...] = ()  # the places it links to


def read_articles(page, *, consume: bool = False) -> list[Article] | None:
    """Every post a person can see; `consume`: read posts leave the page (its own copy).
    None when the page's answer can't be taken (never "no posts")."""
    raw = read(page, "readArticles", consume=consume)
    try:
        if not isinstance(raw, list):
            raise Malformed("not a list")
        return [Article(permalink=_str(d.get("permalink")), audiences=_strs(d.get("audiences")),
                        date=_str(d.get("date")), text=_str(d.get("text")), messages=_strs(d.get("messages")),
                        places=_strs(d.get("places")))
                for d in map(_dict, raw)]
    except Malformed:
        return None


# -- what platform readers give back ---------------------------------------------------------------
def value_words(page, fn: str, words: Iterable[str], **kwargs) -> tuple[str, ...] | None:
    """A reader's value words (`fn` is given `words=`): each one of `words`, none twice;
    None when the page's answer can't be taken."""
    words = list(words)
    try:
        got = _strs(read(page, fn, words=words, **kwargs))
    except Malformed:
        return None
    return got if all(w in words for w in got) and len(set(got)) == len(got) else None


def texts_by_name(page, fn: str, **kwargs) -> dict[str, str] | None:
    """A reader's texts by name ({"UserName": "Sam"}); None when the page's answer can't be taken."""
    raw = read(page, fn, **kwargs)
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        return None
    return dict(raw)


def states(page, fn: str, **kwargs) -> tuple[bool | None, ...] | None:
    """A reader's on/off states (None in the list: a switch without a readable state);
    None when the page's answer can't be taken."""
    raw = read(page, fn, **kwargs)
    try:
        if not isinstance(raw, list):
            raise Malformed("not a list")
        return tuple(_state(s) for s in raw)
    except Malformed:
        return None
