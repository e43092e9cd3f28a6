"""The page readers on varied markup: values found by text, accessible names and roles,
never by class names or one page's shape; ambiguity and absence read as 'not found'."""

from __future__ import annotations

import pytest

from audits.pages import read
from audits.registry import declaration

pytestmark = pytest.mark.browser

Q = "Who can see your friends list?"
WORDS = list(declaration("facebook").values["audience"].get())


@pytest.fixture(scope="module")
def page():
    from playwright.sync_api import sync_playwright

    from audits.browser import launch

    with sync_playwright() as pw:
        browser, _ = launch(pw)
        pg = browser.new_page()
        yield pg
        browser.close()


def choice(page, html, labels=(Q,)):
    page.set_content(f"<html lang=en><body><main>{html}</main></body></html>")
    return read(page, "readChoice", labels=list(labels), words=WORDS)


ROWS = {
    "separate span": f"<div class=a1><div><span dir=auto>{Q}</span></div><div><span dir=auto>Public</span></div></div>",
    "curly apostrophe and extra wrappers": "<section><div><div><div><span>Who can see your friends list?</span></div></div>"
    "<div><div><div><b>Only me</b></div></div></div></div></section>",
    "value only in the button's name": f"<div><span>{Q}</span><div role=button aria-label='Edit {Q} Friends'></div></div>",
    "chosen radio in an open dialog": f"<div><span>{Q}</span><div role=dialog><div role=radio aria-checked=false>Public</div>"
    "<div role=radio aria-checked=true>Friends of friends</div><div role=radio aria-checked=false>Only me</div></div></div>",
    "native select": f"<label>{Q} <select><option>Public</option><option selected>Friends</option></select></label>",
}
EXPECTED = {
    "separate span": "public",
    "curly apostrophe and extra wrappers": "only me",
    "value only in the button's name": "friends",
    "chosen radio in an open dialog": "friends of friends",
    "native select": "friends",
}


@pytest.mark.parametrize("name", list(ROWS))
def test_choice_values_are_read_from_many_shapes(page, name):
    got = choice(page, ROWS[name])
    assert got["found"] and got["values"] == [EXPECTED[name]]


def test_a_neighbouring_question_never_lends_its_value(page):
    html = (f"<div><div><span>{Q}</span></div>"
            "<div><span>Who can see your future posts?</span><span>Public</span></div></div>")
    got = choice(page, html)
    assert got["found"] and got["values"] == []


def test_two_values_for_one_question_are_reported_as_such(page):
    got = choice(page, f"<div><span>{Q}</span><span>Public</span><span>Only me</span></div>")
    assert sorted(got["values"]) == ["only me", "public"]


def test_a_missing_label_is_not_found(page):
    assert choice(page, "<div><span>Friends list visibility</span><span>Public</span></div>") == {"found": False}


def test_hidden_text_is_not_read(page):
    got = choice(page, f"<div><span>{Q}</span><span style='display:none'>Public</span></div>")
    assert got["values"] == []


def test_all_options_listed_without_a_choice_give_no_value(page):
    html = (f"<div><span>{Q}</span><div role=radiogroup><div role=radio aria-checked=false>Public</div>"
            "<div role=radio aria-checked=false>Friends</div></div></div>")
    assert choice(page, html)["values"] == []


SWITCH = "Allow search engines outside of Facebook to link to your profile"


@pytest.mark.parametrize(
    "html,state",
    [
        (f"<div role=switch aria-checked=true aria-label='{SWITCH}'></div>", True),
        (f"<div><span>{SWITCH}</span><div><input type=checkbox role=switch aria-checked=false></div></div>", False),
        # A native box exposes its own state (a screen reader says "off"); pages are read settled.
        (f"<div><span>{SWITCH}</span><div><input type=checkbox role=switch></div></div>", False),
        (f"<label><input type=checkbox checked> {SWITCH}</label>", True),
        (f"<div><span id=l1>{SWITCH}</span><button role=switch aria-labelledby=l1 aria-checked=false></button></div>", False),
    ],
)
def test_switches_are_read_by_name_or_row(page, html, state):
    page.set_content(f"<html><body>{html}</body></html>")
    got = read(page, "readSwitch", labels=[SWITCH])
    assert got["found"] and got.get("state") is state


def test_a_switch_without_state_is_not_a_value(page):
    page.set_content(f"<html><body><div><span>{SWITCH}</span><div role=switch></div></div></body></html>")
    got = read(page, "readSwitch", labels=[SWITCH])
    assert got["found"] and got["state"] is None


def test_about_items_carry_their_audience_and_heading(page):
    page.set_content(
        "<html><body><h3>Work</h3><ul><li><span>Social worker at Northshire Council</span>"
        "<div role=button aria-label='Edit privacy. Sharing with Public.'></div></li></ul>"
        "<h3>Places lived</h3><div><div><div>Lives in Northshire</div><div>Current city</div></div>"
        "<svg role=img><title>Shared with Friends</title></svg></div></body></html>"
    )
    items = read(page, "readAudienceItems")
    assert [(i["audience"], i["heading"], i["lines"][0]) for i in items] == [
        ("public", "Work", "Social worker at Northshire Council"),
        ("friends", "Places lived", "Lives in Northshire"),
    ]


def test_articles_give_audience_permalink_and_place(page):
    page.set_content(
        "<html><body><div role=feed><div role=article><a href='/sam/posts/12'>3 May 2021</a>"
        "<svg role=img aria-label='Shared with Friends of friends'></svg>"
        "<div dir=auto>In court tomorrow</div><a href='/pages/northshire-court'>Northshire Court</a></div></div></body></html>"
    )
    [post] = read(page, "readArticles")
    assert post["audiences"] == ["friends of friends"]
    assert post["permalink"] == "/sam/posts/12"
    assert post["places"] == ["Northshire Court"]
    assert "2021" in post["date"]


# -- every accessible way a value is shown (issue: reading real pages) ------------------------

MORE_ROWS = {
    "icon button named with the value alone": (
        f"<div><span>{Q}</span><div role=button aria-label='Friends'><svg aria-hidden=true></svg></div></div>", "friends"),
    "icon button, 'currently' in its name": (
        f"<div><span>{Q}</span><a href='#' aria-label='Change audience, currently Only me'><svg></svg></a></div>", "only me"),
    "icon button naming the audience in a sentence": (
        f"<div><span>{Q}</span><div role=button aria-label='Edit privacy. Sharing with Friends of friends.'><svg></svg></div></div>",
        "friends of friends"),
    "radio group named by aria-labelledby, outside the row": (
        f"<div><h3 id=q1>{Q}</h3></div><section><div role=radiogroup aria-labelledby=q1>"
        "<div role=radio aria-checked=false>Public</div><div role=radio aria-checked=true>Friends</div></div></section>", "friends"),
    "select named by label[for]": (
        f"<div><label for=s1>{Q}</label></div><div><select id=s1><option>Public</option>"
        "<option selected>Only me</option></select></div>", "only me"),
    "native radios with labels, styled (inputs hidden)": (
        f"<fieldset><legend>{Q}</legend><input type=radio id=r1 name=r style='display:none'><label for=r1>Public</label>"
        "<input type=radio id=r2 name=r checked style='display:none'><label for=r2>Friends</label></fieldset>", "friends"),
    "listbox with a selected option in a visible dialog": (
        f"<div role=dialog aria-label='{Q}'><div role=listbox><div role=option aria-selected=false>Public</div>"
        "<div role=option aria-selected=true>Friends of friends</div></div></div>", "friends of friends"),
}


@pytest.mark.parametrize("name", list(MORE_ROWS))
def test_every_accessible_value_form_is_read(page, name):
    html, expected = MORE_ROWS[name]
    got = choice(page, html)
    assert got["found"] and got["values"] == [expected], got


def test_hidden_copies_never_lend_a_value(page):
    # A hidden duplicate (responsive layouts, closed dialogs) with a different value.
    html = (f"<div hidden><span>{Q}</span><span>Public</span></div>"
            f"<div aria-hidden=true><span>{Q}</span><div role=radio aria-checked=true>Public</div></div>"
            f"<div style='display:none' role=dialog aria-label='{Q}'><div role=radio aria-checked=true>Public</div></div>"
            f"<div><span>{Q}</span><span>Only me</span></div>")
    assert choice(page, html)["values"] == ["only me"]


def test_a_row_never_reaches_into_a_named_neighbour(page):
    # The own row shows no value; the next row (another setting without a question mark) does.
    html = ("<div><div><span>People with your email address</span></div>"
            "<div><span>People with your phone number</span><span>Everyone</span></div></div>")
    page.set_content(f"<html lang=en><body><main>{html}</main></body></html>")
    got = read(page, "readChoice", labels=["People with your email address"], words=WORDS,
               others=["People with your phone number"])
    assert got["found"] and got["values"] == []


def test_help_text_with_value_words_is_not_a_value(page):
    page.set_content(
        f"<html><body><div><span id=l2>{SWITCH}</span><span id=d2>When this is on, your public profile can appear in search results.</span>"
        "<div role=switch aria-labelledby=l2 aria-describedby=d2 aria-checked=false></div></div></body></html>")
    got = read(page, "readSwitch", labels=[SWITCH])
    assert got["state"] is False


def test_hidden_decoy_switch_is_ignored_and_conflicts_are_not_values(page):
    page.set_content(
        f"<html><body><div hidden><div role=switch aria-checked=false aria-label='{SWITCH}'></div></div>"
        f"<div><div role=switch aria-checked=true aria-label='{SWITCH}'></div></div></body></html>")
    assert read(page, "readSwitch", labels=[SWITCH])["state"] is True
    page.set_content(
        f"<html><body><div role=switch aria-checked=false aria-label='{SWITCH}'></div>"
        f"<div role=switch aria-checked=true aria-label='{SWITCH}'></div></body></html>")
    assert read(page, "readSwitch", labels=[SWITCH])["state"] is None


def test_every_place_a_label_shows_is_read_and_disagreement_is_no_value(page):
    # The label first appears as a heading with no value (a preview), then on its own row.
    html = (f"<section><h2>{Q}</h2><p>Preview of your profile</p></section>"
            f"<div><span>{Q}</span><span>Only me</span></div>")
    assert choice(page, html)["values"] == ["only me"]
    html = (f"<div><span>{Q}</span><span>Public</span></div><hr>"
            f"<div><span>{Q}</span><span>Only me</span></div>")
    assert sorted(choice(page, html)["values"]) == ["only me", "public"]


def test_a_later_wording_of_the_label_is_tried_when_the_first_shows_no_value(page):
    html = ("<p>Who can see your friends list? Read our help pages.</p>"
            "<div><span>Friends list audience</span><span>Friends</span></div>")
    got = choice(page, html, labels=(Q, "Friends list audience"))
    assert got["values"] == ["friends"]
