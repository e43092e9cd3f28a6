"""The Instagram replica itself: pages, sessions, settings, faults, personas (README contract)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

# The page reader, HTTP helper and browser route are shared with the X replica's tests.
from test_replica_x import Page, fetch, launch_chromium, owner_cookies, route_to, text

from replicas.instagram import FEED_PATH, InstagramReplica, location_id
from replicas.instagram.i18n import PRIVATE_TEXT, PUBLIC_TEXT
from replicas.personas import PersonaError, load_persona
from replicas.server import ReplicaServer

USER = "sam.taylor.88"
WIDE = "jamie.collins.sw"
APP_ID = "936619743392459"
PERSONAS = Path(__file__).parents[1] / "replicas/personas"
PRIVACY = "/accounts/settings/v2/account_privacy/"
TAGS = "/accounts/settings/v2/tags_and_mentions/"
SHARING = "/accounts/settings/v2/sharing_and_reuse/"
ACTIVITY = "/accounts/activity_status/"
PROFESSIONAL = "/accounts/professional_account_settings/"


@pytest.fixture
def app():
    return InstagramReplica(load_persona("demo"))


@pytest.fixture
def server(app):
    with ReplicaServer(app) as server:
        yield server


@pytest.fixture
def wide():
    app = InstagramReplica(load_persona("wide_open"))
    with ReplicaServer(app) as server:
        yield app, server


def blobs(page: Page) -> list[dict]:
    return [json.loads(m) for m in re.findall(
        r'<script type="application/json"[^>]*>(.*?)</script>', page.text, re.S)]


def user_json(page: Page) -> dict:
    return next(b["data"]["user"] for b in blobs(page) if "data" in b)


def tiles(page: Page) -> list[tuple[str, str]]:
    """(post code, image alt) of each grid tile."""
    out = []
    for a in page.tree.find(lambda n: n.tag == "a" and n.attrs.get("href", "").startswith("/p/")):
        img = a.find(lambda n: n.tag == "img")
        out.append((a.attrs["href"].split("/")[2], img[0].attrs["alt"]))
    return out


def meta(page: Page, **attrs) -> str:
    found = page.tree.find(lambda n: n.tag == "meta" and all(n.attrs.get(k) == v
                                                             for k, v in attrs.items()))
    return found[0].attrs["content"]


# -- sign-in and walls ---------------------------------------------------------------------


def test_login_sets_session_cookies_and_redirects(app, server):
    page = fetch(server, "/accounts/login/?next=%2Faccounts%2Factivity_status%2F", "POST",
                 "username=sam.taylor.88&password=demo")
    assert page.status == 302 and page.location == "/accounts/activity_status/"
    cookies = {c.split("=", 1)[0]: c for c in page.headers.get_all("Set-Cookie")}
    assert set(cookies) == {"sessionid", "ds_user_id", "csrftoken", "mid"}
    for cookie in cookies.values():
        assert "Domain=.instagram.com; Path=/; Secure" in cookie and "SameSite=None" in cookie
    assert "HttpOnly" in cookies["sessionid"]
    assert not any("HttpOnly" in cookies[n] for n in ("ds_user_id", "csrftoken", "mid"))
    assert cookies["sessionid"].startswith("sessionid=4851234567%3A")
    assert cookies["ds_user_id"].startswith("ds_user_id=4851234567;")

    session = "; ".join(c.split(";", 1)[0] for c in cookies.values())
    assert fetch(server, ACTIVITY, cookies=session).status == 200
    assert [w["path"] for w in app.writes] == ["/accounts/login/"]
    assert fetch(server, "/accounts/login/", "POST", "username=SAM.TAYLOR%40example.org&password=demo"
                 ).location == "/"


def test_login_errors_set_nothing(server):
    page = fetch(server, "/accounts/login/", "POST", "username=sam.taylor.88&password=nope")
    assert page.status == 200 and page.headers.get_all("Set-Cookie") is None
    assert "Sorry, your password was incorrect. Please double-check your password." in page.visible
    assert "<title>Log in • Instagram</title>" in page.text
    assert page.tree.find(lambda n: n.tag == "input" and n.attrs.get("name") == "username"
                          and n.attrs.get("aria-label") == "Phone number, username, or email")
    unknown = fetch(server, "/accounts/login/", "POST", "username=nobody&password=demo")
    assert any("doesn't belong to an account" in t for t in unknown.visible)


@pytest.mark.parametrize("path", [PRIVACY, TAGS, SHARING, ACTIVITY, PROFESSIONAL,
                                  "/accounts/privacy_setting/", f"/{USER}/followers/",
                                  f"/{USER}/following/",
                                  f"/explore/locations/{location_id('Porthcarrow Beach')}/porthcarrow-beach/",
                                  "/p/DNbT4sYo9Vq/"])
def test_logged_out_walls_redirect_to_the_login_page(server, path):
    page = fetch(server, path, headers={"X-Forwarded-Host": "www.instagram.com"})
    assert page.status == 302 and page.location.startswith("/accounts/login/?next=")
    assert parse_qs(urlsplit(page.location).query)["next"] == [path]


def test_home_login_page_and_logout(app, server):
    logged_out = fetch(server, "/")
    assert "<title>Log in • Instagram</title>" in logged_out.text
    assert {"ACCOUNT_ID": "0", "USER_ID": "0", "NAME": ""}.items() <= \
        blobs(logged_out)[0]["CurrentUserInitialData"].items()

    cookies = owner_cookies(app)
    home = fetch(server, "/", cookies=cookies)
    viewer = blobs(home)[0]["CurrentUserInitialData"]
    assert viewer["USER_ID"] == "4851234567" and viewer["NAME"] == "Sam Taylor"
    assert viewer["APP_ID"] == APP_ID
    assert USER in home.visible and "Sam Taylor" in home.visible
    assert home.tree.find(lambda n: n.tag == "a" and n.attrs.get("href") == f"/{USER}/")
    assert fetch(server, "/accounts/login/", cookies=cookies).location == "/"

    out = fetch(server, "/accounts/logout/", cookies=cookies)
    assert out.status == 302 and out.location == "/"
    cleared = out.headers.get_all("Set-Cookie")
    assert sorted(c.split("=", 1)[0] for c in cleared) == ["ds_user_id", "sessionid"]
    assert all("Max-Age=0" in c for c in cleared)


def test_expired_sessions_go_back_to_the_login_page(app, server):
    cookies = owner_cookies(app)
    assert fetch(server, PRIVACY, cookies=cookies).status == 200
    app.expire_sessions()
    assert fetch(server, PRIVACY, cookies=cookies).status == 302
    assert fetch(server, PRIVACY, cookies=owner_cookies(app)).status == 200


def test_storage_state_is_a_playwright_storage_state(app):
    state = app.storage_state()
    assert state["origins"] == []
    cookies = {c["name"]: c for c in state["cookies"]}
    assert set(cookies) == {"sessionid", "ds_user_id", "csrftoken", "mid"}
    for cookie in cookies.values():
        assert cookie["domain"] == ".instagram.com" and cookie["path"] == "/"
        assert cookie["secure"] is True and cookie["expires"] > time.time()
    assert cookies["sessionid"]["httpOnly"] and not cookies["ds_user_id"]["httpOnly"]
    assert app.storage_state()["cookies"][0]["value"] == cookies["sessionid"]["value"]


# -- profile, posts, people ----------------------------------------------------------------


def test_logged_out_private_profile(app, server):
    for path in (f"/{USER}/", f"/{USER}"):
        page = fetch(server, path, headers={"X-Forwarded-Host": "instagram.com"})
        assert page.status == 200
        assert "<title>Sam Taylor (@sam.taylor.88) • Instagram photos and videos</title>" in page.text
        assert "This account is private" in page.visible
        assert "Follow to see their photos and videos." in page.visible
        assert not tiles(page)
    assert meta(page, name="description").startswith(
        "65 Followers, 48 Following, 4 Posts - Sam Taylor (@sam.taylor.88) on Instagram: ")
    assert meta(page, property="og:description") == (
        "65 Followers, 48 Following, 4 Posts - See Instagram photos and videos from "
        "Sam Taylor (@sam.taylor.88)")
    assert '"is_private":true' in page.text and '"USER_ID":"0"' in page.text
    user = user_json(page)
    assert user["edge_owner_to_timeline_media"] == {"count": 4, "edges": []}
    header = page.tree.find(lambda n: n.tag == "header")[0]
    assert USER in header.texts() and "Biscuit's human. Bakes, walks and allotment wins." in header.texts()
    assert "Log in" in page.visible and "Edit profile" not in page.visible


def test_the_owner_sees_a_private_profile_in_full(app, server):
    page = fetch(server, f"/{USER}/", cookies=owner_cookies(app))
    assert [code for code, _ in tiles(page)] == [p["code"] for p in app.persona["instagram"]["posts"]]
    assert "Edit profile" in page.visible and "This account is private" not in page.visible
    assert ("DNbT4sYo9Vq", "Photo by Sam Taylor in Porthcarrow Beach on August 23, 2025. "
            "Sun, sea and far too much ice cream.") in tiles(page)
    assert len(user_json(page)["edge_owner_to_timeline_media"]["edges"]) == 4


def test_a_public_professional_profile_shows_posts_and_contact_info(wide):
    app, server = wide
    page = fetch(server, f"/{WIDE}/")
    user = user_json(page)
    assert user["is_private"] is False and user["is_professional_account"] is True
    assert user["business_email"] == "jamie.collins@example.net"
    assert user["business_phone_number"] == "07700 900731"
    assert json.loads(user["business_address_json"]) == {"street_address": "14 Orchard Close, Eastbrook"}
    assert user["category_name"] == "Social Service"
    header = page.tree.find(lambda n: n.tag == "header")[0]
    for shown in ("Social Service", "jamiecollins.example.net", "jamie.collins@example.net",
                  "07700 900731", "14 Orchard Close, Eastbrook"):
        assert shown in header.texts(), shown
    assert any("Northshire County Council" in t for t in header.texts())
    mail = header.find(lambda n: n.attrs.get("aria-label") == "Email")[0]
    assert mail.attrs["href"] == "mailto:jamie.collins@example.net"

    shown = tiles(page)
    assert len(shown) == 12
    code, alt = shown[6]
    assert code == "DPa1Jc0LLs07"
    assert alt == ("Photo by Jamie Collins in Eastbrook Family Court on June 12, 2025. Court again "
                   "tomorrow. Some weeks I see more of the family court than my own kitchen.")
    edge = user["edge_owner_to_timeline_media"]["edges"][6]["node"]
    assert edge["location"]["name"] == "Eastbrook Family Court"
    assert edge["edge_media_to_caption"]["edges"][0]["node"]["text"].startswith("Court again")

    nxt = page.tree.find(lambda n: "data-next" in n.attrs)[0].attrs["data-next"]
    assert nxt == f"{FEED_PATH}2874561230/?max_id=12"
    chunk = fetch(server, nxt)
    assert [c for c, _ in tiles(chunk)] == ["DPa1Jc0LLs13", "DPa1Jc0LLs14"]
    assert "X-Next-Chunk" not in chunk.headers


def test_post_page_has_the_caption_and_the_location_tag(wide):
    app, server = wide
    page = fetch(server, "/p/DPa1Jc0LLs04/")
    assert '<title>Jamie Collins on Instagram: "Three home visits before lunch and one very angry dog."' in page.text
    caption = page.tree.find(lambda n: n.tag == "h1")
    assert text(caption) == "Three home visits before lunch and one very angry dog."
    place = page.tree.find(lambda n: n.tag == "a" and n.attrs.get("href", "").startswith("/explore/locations/"))
    assert text(place) == "Millbrook Estate, Eastbrook"
    assert place[0].attrs["href"] == f"/explore/locations/{location_id('Millbrook Estate, Eastbrook')}/millbrook-estate-eastbrook/"
    time_el = page.tree.find(lambda n: n.tag == "time")[0]
    assert time_el.attrs["datetime"].startswith("2025-08-15T") and time_el.attrs["title"] == "Aug 15, 2025"
    location = fetch(server, place[0].attrs["href"], cookies=owner_cookies(app))
    assert "Millbrook Estate, Eastbrook" in location.visible and len(tiles(location)) == 1
    assert fetch(server, "/p/nosuchpost/").status == 404


def test_web_profile_info_needs_the_app_id(app, server):
    path = f"/api/v1/users/web_profile_info/?username={USER}"
    assert fetch(server, path).status == 400
    page = fetch(server, path, headers={"X-IG-App-ID": APP_ID})
    assert page.status == 200 and page.headers["Content-Type"].startswith("application/json")
    data = json.loads(page.text)
    assert data["status"] == "ok" and data["data"]["user"]["is_private"] is True
    assert '"is_private":true' in page.text
    assert fetch(server, "/api/v1/users/web_profile_info/?username=someone",
                 headers={"X-IG-App-ID": APP_ID}).status == 404


def test_the_owner_sees_followers_and_following_in_a_dialog(app, server):
    cookies = owner_cookies(app)
    page = fetch(server, f"/{USER}/followers/", cookies=cookies)
    dialog = page.tree.find(lambda n: n.attrs.get("role") == "dialog")[0]
    title = page.tree.find(lambda n: n.attrs.get("id") == dialog.attrs["aria-labelledby"])
    assert text(title) == "Followers"
    people = dialog.find(lambda n: n.tag == "a" and n.texts())
    names = app.persona["instagram"]["followers"]["names"]
    assert len(people) == len(names) == 65
    assert people[3].texts() == ["jordan.lee"] and people[3].attrs["href"] == "/jordan.lee/"
    assert "Jordan Lee" in dialog.texts()
    following = fetch(server, f"/{USER}/following/", cookies=cookies)
    assert "Following" in following.tree.find(lambda n: n.attrs.get("role") == "dialog")[0].texts()
    assert fetch(server, "/someone.else/").status == 404


def test_every_element_gets_generated_class_names(app, server):
    page = fetch(server, f"/{USER}/", cookies=owner_cookies(app))
    body = re.sub(r"<script\b.*?</script>", "", page.text.split("<body", 1)[1], flags=re.S)
    for tag in re.findall(r"<(?!/|path\b|title\b|template\b|br\b)[a-z][^>]*>", body):
        classes = re.search(r'class="([^"]*)"', tag)
        assert classes, tag
        assert all(re.fullmatch(r"x[0-9a-f]{6}", c) for c in classes.group(1).split()), tag


# -- settings ------------------------------------------------------------------------------


def test_settings_pages_show_the_persona_values(app, server):
    cookies = owner_cookies(app)
    privacy = fetch(server, PRIVACY, cookies=cookies)
    private = privacy.controls()["Private account"]
    assert private["type"] == "checkbox" and "role" not in private
    assert "checked" in private and private["aria-checked"] == "true"
    assert PUBLIC_TEXT in privacy.visible and PRIVATE_TEXT in privacy.visible
    assert not any("search engine" in label for label in privacy.controls())  # not professional
    assert privacy.tree.find(lambda n: n.tag == "h2" and n.texts() == ["Account privacy"])

    tags = fetch(server, TAGS, cookies=cookies)
    groups = {text(tags.tree.find(lambda n, g=g: n.attrs.get("id") == g.attrs["aria-labelledby"])):
              {" ".join(label.texts()): label.find(lambda n: n.tag == "input")[0].attrs["aria-checked"]
               for label in g.find(lambda n: n.tag == "label")}
              for g in tags.tree.find(lambda n: n.attrs.get("role") == "radiogroup")}
    assert groups == {
        "Allow tags from": {"Everyone": "true", "People you follow": "false", "Don't allow": "false"},
        "Allow mentions from": {"Everyone": "false", "People you follow": "true", "Don't allow": "false"},
    }
    manual = tags.controls()["Manually approve tags"]
    assert manual["role"] == "switch" and manual["aria-checked"] == "false"

    activity = fetch(server, ACTIVITY, cookies=cookies).controls()
    assert activity["Show activity status"]["aria-checked"] == "true"
    sharing = fetch(server, SHARING, cookies=cookies).controls()
    assert sharing["Allow people to share your stories"]["aria-checked"] == "true"
    assert all(c["role"] == "switch" for c in sharing.values()) and len(sharing) == 4

    for path in (PRIVACY, TAGS, ACTIVITY, SHARING, PROFESSIONAL, f"/{USER}/"):
        ids = [n.attrs["id"] for n in fetch(server, path, cookies=cookies).tree.find(
            lambda n: "id" in n.attrs)]
        assert len(ids) == len(set(ids)), path

    professional = fetch(server, PROFESSIONAL, cookies=cookies)
    assert "Switch to professional account" in professional.visible
    assert professional.controls() == {}


def test_professional_settings(wide):
    app, server = wide
    cookies = owner_cookies(app)
    page = fetch(server, PROFESSIONAL, cookies=cookies)
    controls = page.controls()
    assert controls["Display contact info"]["aria-checked"] == "true"
    assert controls["Display contact info"]["role"] == "switch"
    assert controls["Display category label"]["aria-checked"] == "true"
    for value in ("jamie.collins@example.net", "07700 900731", "14 Orchard Close, Eastbrook"):
        assert value in page.visible
    privacy = fetch(server, PRIVACY, cookies=cookies).controls()
    search = privacy["Allow public photos and videos to appear in search engine results"]
    assert search["role"] == "switch" and search["aria-checked"] == "true"
    assert privacy["Private account"]["aria-checked"] == "false"

    fetch(server, PROFESSIONAL, "POST", "display_contact_info=false", cookies=cookies)
    profile = fetch(server, f"/{WIDE}/")
    assert "jamie.collins@example.net" not in profile.text
    assert user_json(profile)["business_email"] is None


def test_settings_updates_change_the_persona_and_are_logged(app, server):
    cookies = owner_cookies(app)
    settings = app.persona["instagram"]["settings"]
    page = fetch(server, TAGS, "POST", "tags_from=People+you+follow", cookies=cookies)
    assert page.status == 302 and page.location == TAGS
    assert settings["tags_from"] == "People you follow"
    assert app.writes == [{"method": "POST", "path": TAGS, "query": "",
                           "body": "tags_from=People+you+follow",
                           "host": server.origin.removeprefix("http://")}]
    fetch(server, TAGS, "POST", "manual_tag_approval=true&mentions_from=Don%27t+allow",
          cookies=cookies)
    fetch(server, ACTIVITY, "POST", "activity_status=false", cookies=cookies)
    fetch(server, SHARING, "POST", "story_sharing=false", cookies=cookies)
    assert (settings["manual_tag_approval"], settings["mentions_from"], settings["activity_status"],
            settings["story_sharing"]) == (True, "Don't allow", False, False)

    fetch(server, PRIVACY, "POST", "private=false", cookies=cookies)
    assert settings["private"] is False
    public = fetch(server, f"/{USER}/")
    assert len(tiles(public)) == 4 and "This account is private" not in public.visible
    assert '"is_private":false' in public.text

    for path, body in [(TAGS, "tags_from=Everybody"), (ACTIVITY, "private=true"),
                       (PRIVACY, "search_engines=false"),  # professional accounts only
                       (PROFESSIONAL, "display_contact_info=true"), (SHARING, "reposts=maybe")]:
        assert fetch(server, path, "POST", body, cookies=cookies).status == 400, (path, body)
    assert settings["private"] is False and len(app.writes) == 10
    assert fetch(server, PRIVACY, "POST", "private=true").status == 302  # logged out: the wall
    assert settings["private"] is False


def test_legacy_settings_addresses_redirect(app, server):
    for path in ("/accounts/privacy_and_security/", "/accounts/privacy_setting/"):
        page = fetch(server, path, cookies=owner_cookies(app))
        assert page.status == 302 and page.location == PRIVACY


def test_french_ui(app, server):
    app.persona["instagram"]["ui_language"] = "fr"
    cookies = owner_cookies(app)
    page = fetch(server, PRIVACY, cookies=cookies)
    assert '<html lang="fr"' in page.text
    assert page.controls()["Compte privé"]["aria-checked"] == "true"
    assert not any("Private account" in t for t in page.visible)
    tags = fetch(server, TAGS, cookies=cookies)
    assert "Autoriser les identifications de" in tags.visible
    assert tags.controls()["Approuver manuellement les identifications"]["aria-checked"] == "false"
    profile = fetch(server, f"/{USER}/", cookies=cookies)
    assert "abonnés" in profile.visible and "Modifier le profil" in profile.visible
    assert ("DNbT4sYo9Vq", "Photo de Sam Taylor à Porthcarrow Beach le 23 août 2025. "
            "Sun, sea and far too much ice cream.") in tiles(profile)
    assert '<html lang="en"' in fetch(server, f"/{USER}/").text  # logged out: the visitor's


# -- faults --------------------------------------------------------------------------------


def test_login_wall_and_checkpoint_faults(app, server):
    cookies = owner_cookies(app)
    app.faults.add(r"^/accounts/settings", "login_wall")
    page = fetch(server, TAGS, cookies=cookies, headers={"X-Forwarded-Host": "www.instagram.com"})
    assert page.status == 302
    assert page.location == "/accounts/login/?next=%2Faccounts%2Fsettings%2Fv2%2Ftags_and_mentions%2F"

    app.faults.add(r"^/" + re.escape(USER), "checkpoint")
    page = fetch(server, f"/{USER}/", cookies=cookies)
    assert page.status == 302 and page.location == "/challenge/"
    assert "Help us confirm it's you" in fetch(server, "/challenge/").visible


def test_grid_chunk_faults(wide):
    app, server = wide
    app.faults.add(app.FEED_CHUNK_PATTERN, "status", status=503)
    assert fetch(server, f"/{WIDE}/").status == 200
    assert fetch(server, f"{FEED_PATH}2874561230/?max_id=12").status == 503


# -- personas ------------------------------------------------------------------------------


def test_personas_have_what_the_tests_rely_on():
    demo, wide, locked = (load_persona(n)["instagram"] for n in ("demo", "wide_open", "locked_down"))
    s = demo["settings"]
    assert s["private"] and s["tags_from"] == "Everyone" and s["activity_status"]
    assert s["story_sharing"] and s["mentions_from"] == "People you follow"
    assert not demo["profile"]["professional"]

    s = wide["settings"]
    assert not s["private"] and s["tags_from"] == s["mentions_from"] == "Everyone"
    assert s["display_contact_info"] and s["search_engines"] and not s["manual_tag_approval"]
    assert all(s[k] for k in ("activity_status", "story_sharing", "post_resharing", "reposts",
                              "feature_requests"))
    assert wide["profile"]["professional"] and all(wide["contact"].values())
    assert "Northshire County Council" in wide["profile"]["bio"]
    for word in ("court", "home visit", "safeguarding"):
        assert any(word in p["caption"].lower() for p in wide["posts"]), word
    assert sum(bool(p["location"]) for p in wide["posts"]) >= 5
    assert wide["followers"]["names"][3] == "Jordan Lee"
    assert wide["following"]["names"][3] == "Casey Morgan"

    s = locked["settings"]
    assert s["private"] and s["tags_from"] == s["mentions_from"] == "Don't allow"
    assert s["manual_tag_approval"] and not any(
        s[k] for k in ("activity_status", "story_sharing", "post_resharing", "reposts",
                       "feature_requests"))
    work = ("court", "visit", "safeguard", "case", "council", "social work", "placement")
    blob = " ".join([locked["profile"]["bio"]] + [p["caption"] for p in locked["posts"]]).lower()
    assert not any(word in blob for word in work)


@pytest.mark.parametrize("old, new, error", [
    ('tags_from = "Everyone"', 'tags_from = "Everybody"',
     r"instagram\.settings\.tags_from: 'Everybody' is not one of Everyone, People you follow, Don't allow"),
    ("activity_status = true", "activity_status = 1", r"instagram\.settings\.activity_status: expected bool"),
    ('username = "sam.taylor.88"', 'username = "sam taylor"', r"instagram\.username: 'sam taylor' may hold only"),
    ('[instagram.profile]\n', '[instagram.contact]\nemail = "sam@example.org"\n\n[instagram.profile]\n',
     r"instagram\.contact: only professional accounts have public contact info"),
    ('bio = "Biscuit', 'category = "Pets"\nbio = "Biscuit', r"instagram\.profile\.category: only professional"),
    ('code = "DKp3Hc8mR1u"', 'code = "DKp"', r"instagram\.posts\[2\]\.code: 'DKp' is not a post code"),
    ('code = "DKp3Hc8mR1u"', 'code = "DO1kQ7wLx2a"', r"instagram\.posts\[\d\]\.code: 'DO1kQ7wLx2a' is used twice"),
    ('caption = "Allotment update: the slugs are winning."',
     'caption = "Allotment update"\nlikes = 3', r"instagram\.posts\[2\]\.likes: unknown key"),
])
def test_instagram_persona_errors_name_the_file_and_the_key(tmp_path: Path, old, new, error):
    demo = (PERSONAS / "demo.toml").read_text()
    # Change the Instagram table only (other platforms have settings of the same name).
    head, table, rest = demo.partition("\n[instagram]\n")
    after, next_table, tail = rest.partition("\n# LinkedIn")
    assert after.count(old) == 1, old
    demo = head + table + after.replace(old, new) + next_table + tail
    bad = tmp_path / "bad.toml"
    bad.write_text(demo)
    with pytest.raises(PersonaError, match=r"^bad\.toml: " + error):
        load_persona(bad)


def test_the_facebook_persona_content_is_unchanged():
    # The X and Instagram tables sit beside the Facebook one without changing what it holds.
    demo = load_persona("demo")["facebook"]
    assert demo["username"] == "sam.taylor.5" and len(demo["posts"]) == 40
    assert len(demo["friends"]["names"]) == 150


# -- a real browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_browser_owner_settings_and_logged_out_profile_through_a_route(app, server):
    sync_api = pytest.importorskip("playwright.sync_api")
    hosts = ("www.instagram.com", "instagram.com")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            owner = browser.new_context(storage_state=app.storage_state())
            owner.route("**/*", route_to(server.origin, hosts))
            page = owner.new_page()
            page.goto(f"https://www.instagram.com{PRIVACY}")
            assert page.get_by_role("checkbox", name="Private account").is_checked()
            assert page.get_by_text(PUBLIC_TEXT).is_visible()

            page.goto(f"https://www.instagram.com{TAGS}")
            tags = page.get_by_role("radiogroup", name="Allow tags from")
            assert tags.get_by_role("radio", name="Everyone").is_checked()
            with page.expect_navigation():
                tags.get_by_role("radio", name="People you follow").click()
            assert page.get_by_role("radiogroup", name="Allow tags from").get_by_role(
                "radio", name="People you follow").is_checked()
            assert app.persona["instagram"]["settings"]["tags_from"] == "People you follow"
            assert [(w["path"], w["body"], w["host"]) for w in app.writes] == \
                [(TAGS, "tags_from=People+you+follow", "www.instagram.com")]

            public = browser.new_context()
            public.route("**/*", route_to(server.origin, hosts))
            visitor = public.new_page()
            visitor.goto(f"https://www.instagram.com/{USER}/")
            assert visitor.title() == "Sam Taylor (@sam.taylor.88) • Instagram photos and videos"
            assert visitor.get_by_text("This account is private").is_visible()
            assert visitor.locator('a[href^="/p/"]').count() == 0
            assert visitor.get_by_role("link", name="Log in").is_visible()

            # Switching to public asks first, then the stranger sees the posts.
            page.goto(f"https://www.instagram.com{PRIVACY}")
            page.get_by_role("checkbox", name="Private account").click()
            dialog = page.get_by_role("dialog", name="Switch to public account?")
            with page.expect_navigation():
                dialog.get_by_role("button", name="Switch to public").click()
            assert not page.get_by_role("checkbox", name="Private account").is_checked()
            visitor.reload()
            assert visitor.locator('a[href^="/p/"]').count() == 4
            alts = visitor.locator('a[href^="/p/"] img').evaluate_all("els => els.map(e => e.alt)")
            assert any("Porthcarrow Beach" in alt for alt in alts)
        finally:
            browser.close()
