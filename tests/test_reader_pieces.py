"""The page readers in small pieces: put together into one script (one round-trip per read),
platform readers kept with their platform, exact labels as an option of the shared readers,
typed answers that a hostile page can't bend, and nothing left behind in the page."""

from __future__ import annotations

import pytest

from audits import readers, reading
from audits.reading import (
    FAILED,
    MALFORMED,
    ChoiceRead,
    GroupRead,
    PageInfo,
    SwitchRead,
    page_info,
    read,
    read_articles,
    read_choice,
    read_group_switches,
    read_switch,
)
from audits.registry import PLATFORMS_DIR

browser = pytest.mark.browser
WORDS = ["public", "friends", "only me"]


# -- the pieces ---------------------------------------------------------------------------------
def test_the_pieces_make_one_function_with_every_reader_named_once():
    script = readers.script()
    assert script is readers.script()  # put together once
    body = "\n".join(line for line in script.splitlines() if not line.startswith("//"))
    assert body.lstrip().startswith("(args) => {") and body.rstrip().endswith("}")
    names = readers.names()
    assert len(names) == len(set(names))
    for name in ("readChoice", "readSwitch", "groupSwitches", "pageInfo", "readiness", "readArticles", "links"):
        assert name in names
    # A platform's readers live in its own folder and carry its name.
    platform_names = {n.split(".")[0] for n in names if "." in n}
    assert platform_names == set(readers.platform_files())
    for platform, path in readers.platform_files().items():
        assert path == PLATFORMS_DIR / platform / "readers.js"
    assert "x.byTestId" in names and "tiktok.videoTiles" in names
    assert "linkedin.namedValues" in names and "instagram.profile" in names
    # No patched copies: TikTok's exact labels are an option of the shared readers.
    assert "readSwitchOwn" not in script and "readChoiceOwn" not in script


def test_a_folder_without_readers_needs_none(tmp_path, monkeypatch):
    """Platforms read only with the shared readers (Facebook) have no readers.js at all."""
    assert "facebook" not in readers.platform_files()
    for folder in (tmp_path / "demo", tmp_path / "other"):
        folder.mkdir()
        (folder / "platform.toml").write_text("", encoding="utf-8")
    (tmp_path / "other" / "readers.js").write_text('define("thing", () => 1);\n', encoding="utf-8")
    (tmp_path / "loose").mkdir()
    (tmp_path / "loose" / "readers.js").write_text('define("thing", () => 2);\n', encoding="utf-8")
    monkeypatch.setattr(readers, "PLATFORMS_DIR", tmp_path)
    assert list(readers.platform_files()) == ["other"]


# -- typed answers, without a browser -------------------------------------------------------------
class Canned:
    """A page that answers every read with `answer` (or raises it), counting round-trips."""

    def __init__(self, answer, closed=False):
        self.answer, self.closed, self.calls = answer, closed, []

    def evaluate(self, script, arg=None):
        self.calls.append((script, arg))
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def is_closed(self):
        return self.closed


@pytest.fixture(autouse=True)
def canned_transport(monkeypatch):
    """A Canned page answers the readers' script itself (the typed checks, without a browser);
    a real page goes through the real transport."""
    real = reading.evaluate
    monkeypatch.setattr(reading, "evaluate", lambda page, argument: page.evaluate(readers.script(), argument)
                        if isinstance(page, Canned) else real(page, argument))


def test_each_read_is_one_round_trip_of_the_one_script():
    page = Canned({"found": True, "label": "x", "state": True, "via": "accessible name"})
    got = read_switch(page, ["X"], ["Y"])
    assert got == SwitchRead(found=True, state=True, label="x", via="accessible name")
    assert len(page.calls) == 1
    script, arg = page.calls[0]
    assert script == readers.script()
    assert arg == {"fn": "readSwitch", "labels": ["X"], "others": ["Y"]}
    read_switch(page, ["X"], exact=True)
    assert page.calls[-1][1]["exact"] is True


@pytest.mark.parametrize("answer", [
    None, 3, "found", [], {"found": "yes"}, {"found": True, "label": "x", "state": "on"},
    {"found": True, "label": 5, "state": True}, {"found": True, "label": "x", "state": True, "conflict": True},
    {"found": True, "label": "x", "state": None, "via": ["x"]},
])
def test_a_malformed_switch_answer_is_not_found_with_a_problem(answer):
    got = read_switch(Canned(answer), ["X"])
    assert got == SwitchRead(problem=MALFORMED)
    assert not got.found and got.state is None


@pytest.mark.parametrize("answer", [
    None, {"found": 1}, {"found": True, "label": "x", "values": "public"},
    {"found": True, "label": "x", "values": ["everyone"]},  # a word that wasn't asked for
    {"found": True, "label": "x", "values": ["public", "public"]},
    {"found": True, "label": "x", "values": [{"toString": "public"}]},
    {"found": True, "label": "x", "values": ["public"], "via": "text"},
])
def test_a_malformed_choice_answer_is_not_found_with_a_problem(answer):
    got = read_choice(Canned(answer), ["X"], WORDS)
    assert got == ChoiceRead(problem=MALFORMED)


def test_well_formed_answers_are_taken_whole():
    got = read_choice(Canned({"found": True, "label": "x", "values": ["friends"], "via": ["text"], "row": "X Friends"}),
                      ["X"], WORDS)
    assert got == ChoiceRead(found=True, values=("friends",), label="x", via=("text",))
    assert read_choice(Canned({"found": False}), ["X"], WORDS) == ChoiceRead()
    group = read_group_switches(Canned({"found": True, "label": "s", "via": "named group",
                                        "switches": [{"name": "Contacts", "state": False}]}), ["S"])
    assert group.found and [(s.name, s.state) for s in group.switches] == [("Contacts", False)]
    assert read_group_switches(Canned({"found": True, "label": "s", "switches": [{"name": 1}]}), ["S"]) == \
        GroupRead(problem=MALFORMED)


def test_a_reader_that_fails_in_the_page_is_a_problem_but_a_closed_page_still_raises():
    assert read_switch(Canned(RuntimeError("TypeError: boom")), ["X"]) == SwitchRead(problem=FAILED)
    assert read_choice(Canned(RuntimeError("boom")), ["X"], WORDS) == ChoiceRead(problem=FAILED)
    with pytest.raises(RuntimeError):
        read_switch(Canned(RuntimeError("Target page, context or browser has been closed"), closed=True), ["X"])


def test_malformed_page_answers_never_pass_as_values():
    assert page_info(Canned({"url": "u", "lang": "en", "title": 1})) == PageInfo(problem=MALFORMED)
    assert page_info(Canned([])).as_dict()["text"] == ""
    assert reading.readiness(Canned({"state": "done"}), quiet=10) == "changing"
    assert reading.readiness(Canned(RuntimeError("navigated")), quiet=10) == "changing"
    assert reading.readiness(Canned({"state": "ready"}), quiet=10) == "ready"
    # A list that can't be taken is None, never "none shown".
    assert read_articles(Canned({"length": 0})) is None
    assert read_articles(Canned([{"permalink": "/p/1", "audiences": [], "date": "", "text": "t",
                                  "messages": [], "places": None}])) is None
    assert reading.links(Canned([{"href": "/a", "name": None}])) is None
    assert reading.place_links(Canned(["Northshire", 3])) is None
    assert reading.json_blobs(Canned("{}")) is None
    assert reading.list_names(Canned(["Sam", "Alex"])) == ["Sam", "Alex"]


def test_a_malformed_setting_read_is_a_problem_in_the_audit_not_a_crash():
    from audits.pages import Loaded, PageLoader
    from audits.platforms.base import AuditOptions
    from audits.platforms.x.audit import XAudit
    from audits.registry import declaration

    page = Canned({"found": True, "label": "who can see", "values": ["nobody at all"]})
    audit = XAudit(page, page, PageLoader("X", declaration("x").walls), AuditOptions())
    loaded = Loaded(requested="https://x.com/settings", url="https://x.com/settings", info={"lang": "en"})
    audit.read_choice_setting("k", loaded, ["Who can see"], {"public": "everyone"})
    assert MALFORMED in audit.reads["k"]["problem"]
    page.answer = {"found": True, "label": "x", "state": "on"}
    audit.read_switch_setting("s", loaded, ["X"])
    assert MALFORMED in audit.reads["s"]["problem"]
    audit.read_switch_setting("o", loaded, ["X"], optional=True)  # optional: unreadable is as good as absent
    assert "o" not in audit.reads


# -- in a browser ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    from audits.browser import launch

    with sync_playwright() as pw:
        b, _ = launch(pw)
        pg = b.new_page()
        yield pg
        b.close()


EVERYTHING = """<html lang=en><head><title>Sam Rivers</title>
<script type="application/json">{"a": 1}</script></head><body>
<nav><a href="/home" aria-label="Home">H</a></nav>
<main>
<h1>Sam Rivers</h1>
<header><h2>samrivers</h2><div>12 posts</div><div><a href="mailto:sam@example.org">Email</a></div></header>
<section><span>Who can see your friends list?</span><span>Friends</span></section>
<div><span>Private account</span><div role=switch aria-checked=true></div></div>
<section aria-label="Suggest your account to others"><div role=switch aria-checked=false aria-label="Contacts"></div></section>
<div role=dialog aria-label="Followers"><ul><li><a href="/alex">Alex</a></li></ul>
  <div role=switch aria-checked=true aria-label="Mutual connections"></div></div>
<div data-testid="UserName">Sam Rivers @samrivers</div>
<div data-testid="UserCell"><a href="/alex">Alex Example</a></div>
<ul><li><a href="/in/alex/">Alex Example</a></li></ul>
<div role=feed><div role=article><a href="/sam/posts/1">3 May 2021</a>
  <svg role=img aria-label="Shared with Public"></svg><div dir=auto>In court tomorrow</div>
  <a href="/places/court">Court</a></div></div>
<a href="/p/ABC123/"><img alt="A photo"></a><a href="/@sam/video/1"><img alt="A video"></a>
<a href="/explore/locations/1/town/">Town</a>
<button aria-label="Change public visibility, currently Off"></button>
<meta name=pageKey content="public_profile">
</main></body></html>"""

ARGS = {
    "readChoice": {"labels": ["Who can see your friends list?"], "words": WORDS},
    "readSwitch": {"labels": ["Private account"]},
    "groupSwitches": {"labels": ["Suggest your account to others"], "choices": ["contacts"]},
    "readArticles": {"consume": True},
    "readiness": {"texts": ["Sam Rivers"], "selectors": ["main"], "every": [["Private account"]], "quiet": 0},
    "hasText": {"phrases": ["In court"]},
    "x.byTestId": {"ids": ["UserName"]},
    "instagram.profile": {"username": "samrivers"},
    "linkedin.namedValues": {"labels": ["public visibility"], "words": ["on", "off"]},
    "linkedin.pageChoices": {"words": ["on", "off"]},
}


def serve(page, html: str, url: str = "https://boundary.test/samrivers/") -> None:
    """Show `html` at a real address (readers resolve links against it)."""
    page.route(url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    page.goto(url)
    page.unroute(url)


@browser
def test_every_reader_reads_and_leaves_nothing_on_window(page):
    serve(page, EVERYTHING)
    before = page.evaluate("() => [Object.keys(window), Object.getOwnPropertyNames(window)]")
    assert "__boundaryQuiet" not in before[1]
    got = {}
    for name in readers.names():
        got[name] = read(page, name, **ARGS.get(name, {}))
        if name in ("readChoice", "readSwitch"):
            read(page, name, exact=True, **ARGS[name])
    keys, own = page.evaluate("() => [Object.keys(window), Object.getOwnPropertyNames(window)]")
    assert keys == before[0]
    # The readers and their quiet watch live in a world of their own: nothing at all is added
    # to the page's.
    assert set(own) == set(before[1])
    # And each read read something.
    assert got["readChoice"]["values"] == ["friends"]
    assert got["readSwitch"]["state"] is True
    assert [s["name"] for s in got["groupSwitches"]["switches"]] == ["Contacts"]
    assert got["readArticles"][0]["audiences"] == ["public"]
    assert got["pageInfo"]["title"] == "Sam Rivers"
    assert got["x.byTestId"] == {"UserName": "Sam Rivers @samrivers"}
    assert got["instagram.profile"]["found"] and got["instagram.profile"]["counts"] == {"posts": "12"}
    assert got["linkedin.namedValues"] == ["off"]
    assert got["linkedin.pageKey"] == "public_profile"
    assert got["tiktok.videoTiles"][0]["permalink"] == "/@sam/video/1"
    assert got["jsonBlobs"] == ['{"a": 1}']


@browser
def test_an_unknown_reader_is_an_error_not_a_silent_none(page):
    page.set_content("<html><body>x</body></html>")
    with pytest.raises(Exception, match="no page reader named nothing"):
        read(page, "nothing")
    # A platform's readers are only reachable by its own name.
    with pytest.raises(Exception, match="no page reader named byTestId"):
        read(page, "byTestId", ids=[])


HELP = ("<div><p>With a private account, no one can Stitch your videos.</p>"
        "<div role=switch aria-checked=true aria-label='Private account'></div></div>")


@browser
def test_exact_labels_are_an_option_of_the_shared_readers(page):
    page.set_content(f"<html><body>{HELP}</body></html>")
    # Loosely, words in help text are the label (found, no state); exactly, they are not.
    assert read_switch(page, ["Stitch"]) == SwitchRead(found=True, label="stitch")
    assert read_switch(page, ["Stitch"], exact=True) == SwitchRead()
    page.set_content(f"<html><body>{HELP}<div><span>Stitch</span><div role=switch aria-checked=false></div></div></body></html>")
    got = read_switch(page, ["Stitch"], ["Private account"], exact=True)
    assert got.found and got.state is False and got.via == "switch in the same row"
    page.set_content("<html><body><p>Who can Duet with your videos? Pick below.</p>"
                     "<div><span>Duet</span><span>Only you</span></div></body></html>")
    assert read_choice(page, ["Duet"], ["everyone", "only you"], exact=True).values == ("only you",)
    # Exactly, the first wording shown decides; loosely, a later wording is tried.
    page.set_content("<html><body><div><span>Duet</span></div><hr><div><span>Duets</span><span>Everyone</span></div>"
                     "</body></html>")
    assert read_choice(page, ["Duet", "Duets"], ["everyone"], exact=True) == ChoiceRead(found=True, label="duet")
    assert read_choice(page, ["Duet", "Duets"], ["everyone"]).values == ("everyone",)


@browser
def test_a_hostile_page_that_redefines_globals_cant_reach_the_readers(page):
    # The readers run in a world of their own: what the page redefines in its world they
    # never see, and they read what is really there.
    row = "<div><span>Who can see your friends list?</span><span>Friends</span></div>"
    page.set_content(f"<html><body>{row}<script>Map.prototype.keys = function* () {{ yield 'everyone'; }};"
                     "</script></body></html>")
    assert read_choice(page, ["Who can see your friends list?"], WORDS).values == ("friends",)
    page.set_content(f"<html><body>{row}<script>Element.prototype.querySelectorAll = () => {{ throw new Error('no'); }};"
                     "</script></body></html>")
    assert read_choice(page, ["Who can see your friends list?"], WORDS).values == ("friends",)
    page.set_content("<html><body><div role=switch aria-checked=true aria-label='Private account'></div>"
                     "<script>Set.prototype[Symbol.iterator] = function* () { yield 'on'; };"
                     "Element.prototype.getAttribute = () => 'false';</script></body></html>")
    assert read_switch(page, ["Private account"]).state is True
    page.set_content("<html><body>Hello<script>Object.defineProperty(document, 'title', {get: () => 42});"
                     "</script></body></html>")
    assert page_info(page).problem == ""
