"""The page readers on varied markup: values found by text, accessible names and roles,
never by class names or one page's shape; ambiguity and absence read as 'not found'."""

from __future__ import annotations

import pytest

from audits.pages import read
from audits.platforms.facebook import AUDIENCE_WORDS

pytestmark = pytest.mark.browser

Q = "Who can see your friends list?"
WORDS = list(AUDIENCE_WORDS)


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
        (f"<div><span>{SWITCH}</span><div><input type=checkbox role=switch></div></div>", None),  # proves nothing
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
