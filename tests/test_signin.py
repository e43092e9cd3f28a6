"""Signing in through the replica's real login form, and opening a setting to change it."""

from __future__ import annotations

import threading

import pytest

from audits.signin import SignInCancelled, open_setting, sign_in
from replicas.personas import load_persona
from tests.support import fill_login

pytestmark = pytest.mark.browser


def test_sign_in_waits_for_the_session_cookies_and_reads_the_name(replicas):
    running = replicas("demo")
    result = sign_in("facebook", site=running.sites["facebook"], headless=True, on_page=fill_login(), timeout=20)
    names = {c["name"] for c in result.storage_state["cookies"] if c["domain"].endswith("facebook.com")}
    assert {"c_user", "xs"} <= names
    assert result.display_name == "Sam Taylor"
    # Signing in is the user's act: the replica saw exactly the login form being sent.
    assert [w["path"] for w in running.writes()["facebook"]] == ["/login/device-based/regular/login/"]


def test_cancelling_sign_in_raises(replicas):
    running = replicas("demo")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(SignInCancelled):
        sign_in("facebook", site=running.sites["facebook"], headless=True, cancel=cancel, timeout=20)


def test_open_setting_lets_the_user_change_it(replicas):
    running = replicas("demo")
    app = running.apps["facebook"]
    assert app.persona["facebook"]["settings"]["friends_list"] == "Public"

    def change(page):
        page.get_by_role("button", name="Edit Who can see your friends list").click()
        page.get_by_role("radio", name="Only me").click()
        page.get_by_role("button", name="Save").click()
        page.wait_for_load_state()

    open_setting("facebook", running.sessions()["facebook"],
                 "https://www.facebook.com/settings/?tab=how_people_find_and_contact_you",
                 site=running.sites["facebook"], headless=True, on_page=change)
    assert app.persona["facebook"]["settings"]["friends_list"] == "Only me"


@pytest.mark.parametrize("platform,fields,cookie,name", [
    ("linkedin", ("Email or phone", "Password", "Sign in"), "li_at", "Sam Taylor"),
    ("tiktok", ("Email or username", "Password", "Log in"), "sessionid", "Sam"),
])
def test_sign_in_on_the_professional_and_video_platforms(replicas, platform, fields, cookie, name):
    running = replicas("demo", platforms=[platform])
    who = load_persona("demo")[platform]
    user, password, button = fields

    def fill(page):
        page.get_by_role("textbox", name=user).fill(who["email"])
        page.get_by_label(password, exact=True).fill(who["password"])
        page.get_by_role("button", name=button, exact=True).click()

    result = sign_in(platform, site=running.sites[platform], headless=True, on_page=fill, timeout=20)
    assert cookie in {c["name"] for c in result.storage_state["cookies"]}
    assert result.display_name == name
    assert len(running.writes()[platform]) == 1  # the login form, sent by the user
