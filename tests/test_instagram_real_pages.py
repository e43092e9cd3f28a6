"""The Instagram audit on pages shaped the way real ones are (and the way independent replicas
showed them): contact details shown only by the rendered page or only in nested page data, a
place tag that lives on the post itself, the app's wording of the tag and mention questions,
every sharing switch, a bio that only the rendered profile shows, lists and grids that are
only partly there, and a stranger's view that isn't the account's own.

Each scenario is built on the replica from the test side only (faults that rewrite the served
page, the persona's values, or a test-local monkeypatch of the replica's page context). Every
end-to-end case also proves the audit wrote nothing."""

from __future__ import annotations

import json
import re

import pytest

from audits.platforms.instagram.audit import (
    account_bio,
    account_contact,
    account_count,
    code_of,
    find_account,
    media_places,
    parse_count,
)
from replicas.web import json_script
from tests.support import audit

browser = pytest.mark.browser
NOBODY = ["Nobody Onthelist"]


def run(running, watch_list=NOBODY, **kw) -> dict:
    # The navigation's profile link carries its own name here, so that the code before these
    # changes (which wanted exactly that name) finds the account too and each case exercises
    # what it is about. (The avatar-and-"Profile" form is test_instagram_e2e's.)
    app = running.apps["instagram"]
    user = re.escape(app.me["username"])
    app.faults.add(r"^/$", "replace", regex=True,
                   mapping={rf'(href="/{user}/" role="link")(><div)': r'\1 aria-label="Profile"\2'})
    report, _ = audit(running, platforms=["instagram"], watch_list=watch_list, **kw)
    findings = {f.check: f for f in next(p for p in report.platforms if p.platform == "instagram").findings}
    assert all(f.reason for f in findings.values() if f.status == "unknown")
    assert not any(running.writes().values())
    return findings


def profile_path(app) -> str:
    return rf"^/{app.me['username'].replace('.', '[.]')}/?$"


def text_of(finding) -> str:
    return " ".join([finding.summary, finding.reason or ""] + [e.detail for e in finding.evidence]
                    + list(finding.details or []))


def nested(user: dict) -> dict:
    """The 2026 shape (facts 10): the account under require/__bbox/result.data, as
    xig_user_by_username, with the embed's key names."""
    return {"require": [["ScheduledServerJS", "handle", None, [{"__bbox": {"require": [[
        "RelayPrefetchedStreamCache", "next", [], ["adp_PolarisProfilePageContentQuery_0", {"__bbox": {
            "complete": True, "result": {"data": {"xig_user_by_username": user}}}}]]]}}]]]}


# -- 1. contact details: the public view wins, rendered or in nested data ---------------------

CONTACT_SHOWN = {
    "an e-mail link and a call link": r'\1<div><a href="mailto:jamie.c@example.net">jamie.c@example.net</a></div>'
                                     r'<div><a href="tel:+447700900731" role="link">07700 900731</a></div>',
    "only a 'Call' button": r'\1<div><a href="tel:+447700900731" role="button">Call</a></div>',
    "only an 'Email' button": r'\1<div><button type="button" aria-label="Email"><svg aria-hidden="true"></svg></button></div>',
    "an e-mail address written on the profile": r'\1<div><span dir="auto">Bookings: jamie.c@example.net</span></div>',
}


@browser

def fast_first(values: list) -> list:
    """The first case in `make test`, every case in `make faults`."""
    return values[:1] + [pytest.param(v, marks=pytest.mark.slow) for v in values[1:]]

@pytest.mark.parametrize("shown", fast_first([*CONTACT_SHOWN, None]), ids=[*CONTACT_SHOWN, "nothing shown"])
def test_contact_details_on_the_public_profile_win_over_a_setting_that_is_off(replicas, shown):
    running = replicas("wide_open", platforms=["instagram"])
    app = running.apps["instagram"]
    app.me["settings"]["display_contact_info"] = False  # the page's data then carries no contact fields
    if shown:
        app.faults.add(profile_path(app), "replace", regex=True,
                       mapping={r'(<h2[^>]*>jamie\.collins\.sw</h2>)': CONTACT_SHOWN[shown]})
    got = run(running)["instagram.contact_info"]
    if shown is None:
        assert got.status == "ok", text_of(got)  # the setting is off and the stranger's page shows nothing
        return
    assert got.status == "at_risk", text_of(got)
    assert "is off, but a stranger sees contact details anyway" in text_of(got)


@browser
@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_contact_details_in_nested_page_data_are_found(replicas, monkeypatch):
    running = replicas("wide_open", platforms=["instagram"])
    app = running.apps["instagram"]
    app.me["settings"]["display_contact_info"] = False
    original = app._profile_context

    def context(view):
        out = original(view)
        user = app._user_json(view)
        user.pop("username")
        user["pk"] = user.pop("id")
        user["follower_count"] = user.pop("edge_followed_by")["count"]
        user["following_count"] = user.pop("edge_follow")["count"]
        user.update(business_email="jamie.c@example.net", business_phone_number="+44 7700 900731")
        out["user_blob"] = json_script(nested(user))
        return out

    monkeypatch.setattr(app, "_profile_context", context)
    got = run(running)
    assert got["instagram.contact_info"].status == "at_risk", text_of(got["instagram.contact_info"])
    assert "jamie.c@example.net" in text_of(got["instagram.contact_info"])
    assert got["instagram.private_account"].status == "at_risk"


# -- 2. place tags live on the post -----------------------------------------------------------

def public_demo(replicas, places: bool = True):
    """The demo account made public; grid descriptions name no place and no work."""
    running = replicas("demo", platforms=["instagram"])
    ig = running.apps["instagram"].me
    ig["settings"]["private"] = False
    for post in ig["posts"]:
        post["alt"] = f"Photo shared by {ig['name']}."
        if not places:
            post["location"] = None
    return running


@browser
def test_a_place_shown_only_on_the_post_page_is_found(replicas):
    running = public_demo(replicas)
    app = running.apps["instagram"]
    app.faults.add(profile_path(app), "replace", regex=True, mapping={r'"location":\{[^{}]*\}': '"location":null'})
    got = run(running)["instagram.public_post_content"]
    assert got.status == "at_risk", text_of(got)
    assert "Porthcarrow Beach" in text_of(got) and "Wrenford Sands" in text_of(got)


@browser
@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_a_place_only_in_the_page_data_is_found(replicas):
    running = public_demo(replicas)
    app = running.apps["instagram"]
    app.faults.add(r"^/p/", "replace", regex=True,
                   mapping={r'<a [^>]*href="/explore/locations/[^"]*"[^>]*>.*?</a>': ""})
    got = run(running)["instagram.public_post_content"]
    assert got.status == "at_risk", text_of(got)
    assert "Porthcarrow Beach" in text_of(got)


NO_PLACE_CASES = {
    "every post read": (None, "ok"),
    "one post page fails": (("status", r"^/p/DKp3Hc8mR1u", {"status": 500}), "unknown"),
    "one post page is a login wall": (("login_wall", r"^/p/DKp3Hc8mR1u", {}), "unknown"),
    "one post page is someone else's": (("replace", r"^/p/DKp3Hc8mR1u",
                                         {"mapping": {"sam.taylor.88": "someone.else", "Sam Taylor": "Someone Else"}}),
                                        "unknown"),
    "a post missing from the grid": (("replace", r"^/sam[.]taylor[.]88/?$",
                                      {"regex": True, "mapping": {r'(?s)<a [^>]*href="/p/DKp3Hc8mR1u/"[^>]*>.*?</a>': ""}}),
                                     "unknown"),
}


@browser
@pytest.mark.parametrize("case", fast_first(list(NO_PLACE_CASES)))
def test_no_place_only_when_every_public_post_was_read(replicas, case):
    running = public_demo(replicas, places=False)
    fault, expected = NO_PLACE_CASES[case]
    if fault:
        kind, rx, params = fault
        running.apps["instagram"].faults.add(rx, kind, **params)
    got = run(running)["instagram.public_post_content"]
    assert got.status == expected, text_of(got)


# -- 3. every sharing switch ------------------------------------------------------------------

SHARING_CASES = {
    # (stories switch on?, posts-to-stories switch on?, what the posts switch is called, expected)
    "resharing on, under a wording Boundary doesn't know": (
        False, True, "Let others add your posts and reels to their stories", "unknown"),
    "resharing on, under its older wording": (False, True, "Allow resharing to stories", "at_risk"),
    "resharing on": (False, True, None, "at_risk"),
    "both off, the stories switch not shown": (False, False, None, "unknown"),
    "both off": (False, False, None, "ok"),
}


@browser
@pytest.mark.parametrize("case", fast_first(list(SHARING_CASES)))
def test_sharing_is_ok_only_when_every_switch_is_read_off(replicas, case):
    stories, posts, wording, expected = SHARING_CASES[case]
    running = replicas("locked_down", platforms=["instagram"])
    app = running.apps["instagram"]
    app.me["settings"].update(story_sharing=stories, post_resharing=posts)
    if wording:
        app.faults.add(r"^/accounts/settings/v2/sharing_and_reuse", "replace",
                       mapping={"Allow people to share your posts and reels to stories": wording})
    if case == "both off, the stories switch not shown":
        app.faults.add(r"^/accounts/settings/v2/sharing_and_reuse", "replace",
                       mapping={"Allow people to share your stories": "Story options"})
    got = run(running)["instagram.story_sharing"]
    assert got.status == expected, text_of(got)


# -- 4. the bio as the profile shows it -------------------------------------------------------

@browser
@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_the_bio_is_read_from_the_rendered_profile(replicas, monkeypatch):
    running = replicas("demo", platforms=["instagram"])
    app = running.apps["instagram"]
    app.me["profile"]["bio"] = "Social worker. Dog walks and allotment wins."
    original = app._user_json

    def user_json(view):  # the page's data carries no bio (as guests often get it)
        return {**original(view), "biography": ""}

    monkeypatch.setattr(app, "_user_json", user_json)
    app.faults.add(profile_path(app), "replace", regex=True, mapping={r'<meta name="description"[^>]*>': ""})
    got = run(running)["instagram.profile.bio_work"]
    assert got.status == "at_risk", text_of(got)
    assert "Social worker" in text_of(got)


# -- 5. the app's wording of the tag and mention questions ------------------------------------

@browser
@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_who_can_tag_you_is_read_like_allow_tags_from(replicas):
    running = replicas("demo", platforms=["instagram"])
    running.apps["instagram"].faults.add(r"^/accounts/settings/v2/tags_and_mentions", "replace",
                                         mapping={"Allow tags from": "Who can tag you",
                                                  "Allow mentions from": "Who can @mention you"})
    got = run(running)
    assert got["instagram.tags"].status == "at_risk", text_of(got["instagram.tags"])  # Everyone
    assert "'Who can tag you' is set to 'Everyone'" in text_of(got["instagram.tags"])
    assert got["instagram.mentions"].status == "ok", text_of(got["instagram.mentions"])  # People you follow


# -- 6. an empty list, a missing element, someone else's page: never "ok" ----------------------

@browser
@pytest.mark.parametrize("removed", fast_first([r"[m-z]", r"[a-z]"]), ids=["part of the list", "the whole list"])
@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_a_followers_list_shorter_than_its_count_is_not_none_match(replicas, removed):
    running = replicas("demo", platforms=["instagram"])
    running.apps["instagram"].faults.add(r"/followers/?$", "replace", regex=True, mapping={
        rf'<a [^>]*href="/{removed}[\w.]*/" role="link"[^>]*>.*?</a>': ""})
    got = run(running)["instagram.connections_watchlist"]
    assert got.status == "unknown", text_of(got)


@browser
def test_someone_elses_page_proves_nothing_about_the_bio_or_contact(replicas):
    running = replicas("demo", platforms=["instagram"])
    faults = running.apps["instagram"].faults
    rx = profile_path(running.apps["instagram"])
    # The stranger's view only: the owner's profile (asked for first) is left alone.
    faults.add(rx, "replace", mapping={"sam.taylor.88": "someone.else", "Sam Taylor": "Someone Else"})
    faults.add(rx, "replace", times=1, mapping={})
    got = run(running)
    for check in ("instagram.profile.bio_work", "instagram.contact_info"):
        assert got[check].status == "unknown", text_of(got[check])
    assert "proves nothing" in got["instagram.profile.bio_work"].reason


# -- the page's own data, whatever its shape (no browser) -------------------------------------

USER = {"username": "sam.taylor.88", "is_private": False, "biography": "Bakes.", "edge_followed_by": {"count": 120},
        "edge_follow": {"count": 80}, "edge_owner_to_timeline_media": {"count": 4, "edges": [
            {"node": {"shortcode": "DNbT4sYo9Vq", "location": {"id": "1", "name": "Porthcarrow Beach"}}},
            {"node": {"shortcode": "DO1kQ7wLx2a", "location": None}}]}}


@pytest.mark.parametrize("blob", [
    {"data": {"user": USER}},
    {"require": [["X", {"__bbox": {"result": {"data": {"user": USER}}}}]]},
    nested({k: v for k, v in USER.items() if k != "username"} | {"pk": "1"}),
    {"props": {"pageProps": {"graphql": {"user": USER}}}, "other": {"user": {"username": "someone.else",
                                                                             "is_private": True}}},
], ids=["top level", "require/__bbox/result.data", "xig_user_by_username", "beside someone else"])
def test_the_account_is_found_wherever_the_page_data_puts_it(blob):
    got = find_account(["not json", json.dumps({"CurrentUserInitialData": {"USER_ID": "0"}}), json.dumps(blob)],
                       "Sam.Taylor.88")
    assert got is not None and got["is_private"] is False and got["biography"] == "Bakes."
    assert account_count(got, "followers") == 120 and account_count(got, "posts") == 4


def test_count_contact_and_place_variants():
    embed = {"follower_count": 7, "following_count": 3, "media_count": None}
    assert (account_count(embed, "followers"), account_count(embed, "following"), account_count(embed, "posts")) == (7, 3, None)
    assert account_contact({"business_email": None, "business_phone_number": "", "business_address_json":
                            json.dumps({"street_address": None, "city_name": None, "zip_code": None})}) == []
    assert account_contact({"public_email": "a@b.example", "business_address_json":
                            json.dumps({"street_address": "1 High St", "city_name": "Eastbrook"})}) == \
        ["a@b.example", "1 High St, Eastbrook"]
    assert account_bio({"biography": "Court work", "bio_links": [{"url": "https://x.example", "title": "Site"}]}) == \
        ["Court work", "Site", "https://x.example"]
    assert media_places([json.dumps({"data": {"user": USER}}), json.dumps(
        {"items": [{"code": "DKp3Hc8mR1u", "location": {"name": "Wrenford Sands"}}]})]) == \
        {"DNbT4sYo9Vq": ["Porthcarrow Beach"], "DKp3Hc8mR1u": ["Wrenford Sands"]}
    assert [parse_count(t) for t in ("86", "1,234", "1.2M", "12.5K", "", None)] == [86, 1234, None, None, None, None]
    assert code_of("/p/DKp3Hc8mR1u/") == "DKp3Hc8mR1u" and code_of("/sam.taylor.88/reel/Abc/") == "Abc"
