"""The TikTok replica itself: pages, sessions, settings, faults, personas (README contract)."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

# The page reader, HTTP helper and browser route are shared with the X replica's tests.
from test_replica_x import Page, fetch, launch_chromium, owner_cookies, route_to, text

from replicas.personas import PersonaError, load_persona
from replicas.server import ReplicaServer
from replicas.tiktok import ITEM_LIST_PATH, TikTokReplica, place_path, sec_uid

PERSONAS = Path(__file__).parents[1] / "replicas/personas"
USER = "sam.allotment"  # demo: public, one video for friends only
WIDE = "jamie.runs.77"  # wide_open: everything public
LOCKED = "robin_bakes"  # locked_down: a private account
SITE = {"X-Forwarded-Host": "www.tiktok.com"}
SESSION = ("sessionid", "sessionid_ss", "sid_tt", "sid_guard", "uid_tt", "uid_tt_ss")


def tiktok_only(name: str) -> str:
    """A persona file's [person] and [tiktok] tables, so that these tests depend on nothing
    the other platforms' tables hold."""
    blocks = re.split(r"(?m)^(?=\[)", (PERSONAS / f"{name}.toml").read_text())
    return "".join(b for b in blocks if re.match(r"\[\[?(person|tiktok)\b", b))


def persona(tmp_path: Path, name: str = "demo", old: str = "", new: str = "",
            filename: str = "") -> dict:
    toml = tiktok_only(name)
    if old:
        assert toml.count(old) == 1, old
        toml = toml.replace(old, new)
    path = tmp_path / (filename or f"{name}.toml")
    path.write_text(toml)
    return load_persona(path)


def serve(app: TikTokReplica):
    return ReplicaServer(app)


@pytest.fixture
def app(tmp_path):
    return TikTokReplica(persona(tmp_path))


@pytest.fixture
def server(app):
    with serve(app) as server:
        yield server


@pytest.fixture
def wide(tmp_path):
    app = TikTokReplica(persona(tmp_path, "wide_open"))
    with serve(app) as server:
        yield app, server


@pytest.fixture
def locked(tmp_path):
    app = TikTokReplica(persona(tmp_path, "locked_down"))
    with serve(app) as server:
        yield app, server


# -- reading pages the way an audit would ------------------------------------------------


def scope(page: Page) -> dict:
    found = re.search(r'<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">'
                      r"(.*?)</script>", page.text, re.S)
    return json.loads(found.group(1))["__DEFAULT_SCOPE__"]


def user(page: Page) -> dict:
    return scope(page)["webapp.user-detail"]["userInfo"]["user"]


def e2e(page: Page, name: str) -> list:
    return page.tree.find(lambda n: n.attrs.get("data-e2e") == name)


def by_id(page: Page, element_id: str):
    return page.tree.find(lambda n: n.attrs.get("id") == element_id)[0]


def tiles(page: Page) -> list[tuple[str, str, str, list[str]]]:
    """(video id, image alt, views, audience icons) of each grid tile."""
    out = []
    for tile in e2e(page, "user-post-item"):
        link = tile.find(lambda n: n.tag == "a")[0]
        icons = [n.attrs["aria-label"] for n in tile.find(lambda n: n.attrs.get("role") == "img")]
        out.append((link.attrs["href"].rsplit("/", 1)[1],
                    tile.find(lambda n: n.tag == "img")[0].attrs["alt"],
                    text(tile.find(lambda n: n.attrs.get("data-e2e") == "video-views")), icons))
    return out


def tab_content(page: Page, tab: str) -> list[str]:
    """The text a tab's panel shows once opened (its content waits in a <template> until then)."""
    panel = by_id(page, e2e(page, tab)[0].attrs["aria-controls"])
    return [t for child in panel.children if not isinstance(child, str) for t in child.texts()]


def switches(page: Page) -> dict[str, str]:
    """Each switch's accessible name -> aria-checked."""
    return {text([by_id(page, n.attrs["aria-labelledby"])]): n.attrs["aria-checked"]
            for n in page.tree.find(lambda n: n.attrs.get("role") == "switch")}


def selects(page: Page) -> dict[str, tuple[str, str, list[str]]]:
    """Each <select>'s <label> -> (name, selected option's value, option texts)."""
    out = {}
    for label in page.tree.find(lambda n: n.tag == "label" and "for" in n.attrs):
        select = by_id(page, label.attrs["for"])
        options = select.find(lambda n: n.tag == "option")
        chosen = [o.attrs["value"] for o in options if "selected" in o.attrs]
        out[text([label])] = (select.attrs["name"], *chosen, [text([o]) for o in options])
    return out


def cookies_of(page: Page) -> dict[str, str]:
    return {c.split("=", 1)[0]: c for c in page.headers.get_all("Set-Cookie") or []}


# -- sign-in and walls ---------------------------------------------------------------------


def test_login_sets_session_cookies_and_redirects(app, server):
    page = fetch(server, "/login?redirect_url=https%3A%2F%2Fwww.tiktok.com%2Fsetting%2Fprivacy",
                 "POST", "username=sam.allotment&password=demo", headers=SITE)
    assert page.status == 302 and page.location == "/setting/privacy"
    cookies = cookies_of(page)
    assert set(cookies) == {*SESSION, "msToken", "ttwid", "tt_csrf_token"}
    for cookie in cookies.values():
        assert "Domain=.tiktok.com; Path=/; Secure" in cookie and "SameSite=None" in cookie
    assert all("HttpOnly" in cookies[name] for name in SESSION)
    assert "HttpOnly" not in cookies["msToken"]
    session = "; ".join(c.split(";", 1)[0] for c in cookies.values())
    assert fetch(server, "/setting/privacy", cookies=session).status == 200
    assert [(w["method"], w["path"], w["body"]) for w in app.writes] == \
        [("POST", "/login", "username=sam.allotment&password=demo")]

    # The email works too; without redirect_url: the For You feed. Tracking cookies the
    # browser already has are left alone.
    again = fetch(server, "/login", "POST", "username=SAM.TAYLOR%40example.org&password=demo",
                  cookies="msToken=abc; ttwid=1%7Cx")
    assert again.location == "/foryou"
    assert set(cookies_of(again)) == {*SESSION, "tt_csrf_token"}
    assert fetch(server, "/login", "POST", "username=%40sam.allotment&password=demo").status == 302


def test_login_page_and_errors(server):
    for path in ("/login", "/login/phone-or-email/email"):
        page = fetch(server, path + "?redirect_url=https%3A%2F%2Fwww.tiktok.com%2Fmessages")
        assert "<title>Log in | TikTok</title>" in page.text
        assert text(page.tree.find(lambda n: n.tag == "h1")) == "Log in to TikTok"
        labels = {text([n]): by_id(page, n.attrs["for"]).attrs
                  for n in page.tree.find(lambda n: n.tag == "label")}
        assert labels["Email or username"]["name"] == "username"
        assert labels["Password"]["name"] == "password" and labels["Password"]["type"] == "password"
        form = page.tree.find(lambda n: n.tag == "form")[0]
        assert form.attrs["method"] == "post"
        assert form.attrs["action"] == "/login?redirect_url=https%3A%2F%2Fwww.tiktok.com%2Fmessages"
        assert text(form.find(lambda n: n.tag == "button")) == "Log in"
        links = {text([a]) for a in page.tree.find(lambda n: n.tag == "a")}
        assert {"Forgot password?", "Sign up"} <= links
    for body in ("username=sam.allotment&password=nope", "username=nobody&password=demo"):
        page = fetch(server, "/login", "POST", body)
        assert page.status == 200 and page.headers.get_all("Set-Cookie") is None
        alert = page.tree.find(lambda n: n.attrs.get("role") == "alert")
        assert text(alert) == "Incorrect account or password"


@pytest.mark.parametrize("path", ["/setting", "/setting/privacy", "/setting/security",
                                  "/setting/anything-else", "/following", "/messages"])
def test_logged_out_walls_redirect_to_the_login_page(server, path):
    page = fetch(server, path + "?lang=en", headers=SITE)
    assert page.status == 302 and page.location.startswith("/login?redirect_url=https%3A%2F%2F")
    assert parse_qs(urlsplit(page.location).query)["redirect_url"] == \
        [f"https://www.tiktok.com{path}?lang=en"]


def test_for_you_checkpoint_and_logout(app, server):
    for path in ("/", "/foryou"):
        page = fetch(server, path, headers=SITE)
        assert page.status == 200 and "<title>For You | TikTok</title>" in page.text
        assert "For You" in page.visible and len(e2e(page, "recommend-list-item-container")) == 6
        assert "Log in" in [text([b]) for b in page.tree.find(lambda n: n.tag == "button")]
        assert "user" not in scope(page)["webapp.app-context"]
        assert not page.tree.find(lambda n: n.tag == "nav")

    cookies = owner_cookies(app)
    home = fetch(server, "/foryou", cookies=cookies)
    nav = home.tree.find(lambda n: n.tag == "nav" and n.attrs.get("aria-label") == "Main")[0]
    links = {text([a]): a.attrs for a in nav.find(lambda n: n.tag == "a")}
    assert {name: a["href"] for name, a in links.items()} == {
        "For You": "/foryou", "Explore": "/explore", "Following": "/following",
        "Messages": "/messages", "Profile": f"/@{USER}", "Settings": "/setting"}
    assert links["Profile"]["data-e2e"] == "nav-profile"
    assert scope(home)["webapp.app-context"]["user"] == {
        "uid": "7012345678901234567", "uniqueId": USER, "nickName": "Sam",
        "secUid": sec_uid("7012345678901234567")}
    for path in ("/explore", "/following", "/messages"):
        assert fetch(server, path, cookies=cookies).status == 200

    verify = fetch(server, "/verify")
    assert "<title>Security Check | TikTok</title>" in verify.text
    assert "Verify to continue" in verify.visible and "Drag the slider to fit the puzzle" in verify.visible

    out = fetch(server, "/logout", cookies=cookies)
    assert out.status == 302
    cleared = cookies_of(out)
    assert set(cleared) == set(SESSION) and all("Max-Age=0" in c for c in cleared.values())


def test_tiktok_com_redirects_to_www(server):
    page = fetch(server, f"/@{USER}?lang=en", headers={"X-Forwarded-Host": "tiktok.com"})
    assert page.status == 301 and page.location == f"https://www.tiktok.com/@{USER}?lang=en"
    for host in ("www.tiktok.com", "p16-sign-va.tiktokcdn.com", "mon.tiktokv.com"):
        assert fetch(server, f"/@{USER}", headers={"X-Forwarded-Host": host}).status == 200


def test_sessions_expire_and_need_both_cookies(app, server):
    cookies = owner_cookies(app)
    assert fetch(server, "/setting", cookies=cookies).status == 200
    session = re.search(r"sessionid=(\w+)", cookies).group(1)
    assert fetch(server, "/setting", cookies=f"sessionid={session}").status == 302
    assert fetch(server, "/setting", cookies=f"sessionid={session}; sid_tt=other").status == 302
    app.expire_sessions()
    assert fetch(server, "/setting", cookies=cookies).status == 302
    assert fetch(server, "/setting", cookies=owner_cookies(app)).status == 200


def test_storage_state_is_a_playwright_storage_state(app):
    state = app.storage_state()
    assert state["origins"] == []
    cookies = {c["name"]: c for c in state["cookies"]}
    assert set(SESSION) <= set(cookies)
    for cookie in cookies.values():
        assert cookie["domain"] == ".tiktok.com" and cookie["path"] == "/"
        assert cookie["secure"] is True and cookie["sameSite"] == "None"
        assert cookie["expires"] > time.time()
    assert all(cookies[name]["httpOnly"] for name in SESSION)
    assert cookies["sessionid"]["value"] == cookies["sid_tt"]["value"]
    assert app.storage_state()["cookies"][0]["value"] == cookies["sessionid"]["value"]


# -- profile --------------------------------------------------------------------------------


def test_the_owner_sees_every_video_and_the_settings_in_the_json(app, server):
    page = fetch(server, f"/@{USER}", cookies=owner_cookies(app))
    assert f"<title>Sam (@{USER}) | TikTok</title>" in page.text
    assert text(e2e(page, "user-title")) == USER and text(e2e(page, "user-subtitle")) == "Sam"
    assert text(e2e(page, "user-bio")) == "Slugs, crumble and a spaniel called Biscuit."
    counts = {name: text(e2e(page, f"{name}-count")) for name in ("following", "followers", "likes")}
    assert counts == {"following": "27", "followers": "43", "likes": "5.4K"}
    for name, word in (("following", "Following"), ("followers", "Followers"), ("likes", "Likes")):
        strong = e2e(page, f"{name}-count")[0]
        assert strong.tag == "strong" and text(e2e(page, name)) == word
    assert "Edit profile" in page.visible and "Follow" not in page.visible

    detail = scope(page)["webapp.user-detail"]
    assert detail["statusCode"] == 0 and set(detail["shareMeta"]) == {"title", "desc"}
    u = detail["userInfo"]["user"]
    assert (u["id"], u["uniqueId"], u["nickname"], u["signature"]) == \
        ("7012345678901234567", USER, "Sam", "Slugs, crumble and a spaniel called Biscuit.")
    assert u["secUid"].startswith("MS4wLjABAAAA")
    assert (u["privateAccount"], u["secret"], u["followingVisibility"], u["openFavorite"]) == \
        (False, False, 2, False)
    assert (u["commentSetting"], u["duetSetting"], u["stitchSetting"], u["downloadSetting"]) == \
        (1, 0, 1, 0)
    assert (u["relation"], u["profileEmbedPermission"], u["isEmbedBanned"], u["ftc"],
            u["suggestAccountBind"], u["isOrganization"]) == (0, 1, False, False, False, 0)
    assert "isUnderAge18" not in u and "canExpPlaylist" in u and "profileTab" in u
    stats = detail["userInfo"]["stats"]
    assert stats == {"followerCount": 43, "followingCount": 27, "heart": 5400, "heartCount": 5400,
                     "videoCount": 4, "diggCount": 0, "friendCount": 1}
    assert detail["userInfo"]["statsV2"]["followerCount"] == "43"
    assert '"privateAccount":false' in page.text  # compact, as the real page

    videos = app.persona["tiktok"]["videos"]
    assert [t[0] for t in tiles(page)] == [v["id"] for v in videos]
    assert tiles(page)[1] == ("7431234567890123452", "Biscuit vs the sprinkler created by Sam "
                              "with Sam’s original sound", "5.2K", [])
    assert tiles(page)[3][3] == ["Friends"]
    link = e2e(page, "user-post-item")[0].find(lambda n: n.tag == "a")[0]
    assert link.attrs["href"] == f"https://www.tiktok.com/@{USER}/video/7441234567890123451"
    assert e2e(page, "user-post-item-list")[0].attrs["data-has-more"] == "false"


def test_a_visitor_sees_the_public_videos_and_a_login_prompt(app, server):
    owner = fetch(server, f"/@{USER}", cookies=owner_cookies(app))
    page = fetch(server, f"/@{USER}", headers=SITE)
    assert user(page) == user(owner)  # the same JSON for everyone
    assert "user" not in scope(page)["webapp.app-context"]
    assert [t[0] for t in tiles(page)] == ["7441234567890123451", "7431234567890123452",
                                           "7421234567890123453"]
    assert all(t[3] == [] for t in tiles(page))
    assert "Follow" in page.visible and "Message" in page.visible
    assert "Edit profile" not in page.visible

    tabs = page.tree.find(lambda n: n.attrs.get("role") == "tablist")[0]
    names = [" ".join(t.texts()) for t in tabs.find(lambda n: n.attrs.get("role") == "tab")]
    assert names == ["Videos", "Reposts", "Liked"]
    liked = e2e(page, "liked-tab")[0]
    assert [n.attrs["aria-label"] for n in liked.find(lambda n: n.attrs.get("role") == "img")] == \
        ["Private"]
    assert "hidden" in by_id(page, liked.attrs["aria-controls"]).attrs
    assert tab_content(page, "liked-tab") == ["This user's liked videos are private",
                                              "Videos liked by Sam are currently hidden"]
    assert "liked videos are private" not in " ".join(page.visible)  # not until opened

    dialog = page.tree.find(lambda n: n.attrs.get("role") == "dialog")[0]
    assert text([by_id(page, dialog.attrs["aria-labelledby"])]) == "Log in to TikTok"
    assert "Log in to follow creators, like videos, and view comments." in dialog.texts()
    assert dialog.find(lambda n: n.tag == "button" and n.attrs.get("aria-label") == "Close")
    login = e2e(page, "top-login-button")[0]
    assert login.tag == "a" and text([login]) == "Log in"
    assert parse_qs(urlsplit(login.attrs["href"]).query)["redirect_url"] == \
        [f"https://www.tiktok.com/@{USER}"]


def test_a_wide_open_profile(wide):
    app, server = wide
    page = fetch(server, f"/@{WIDE}")
    u = user(page)
    assert (u["privateAccount"], u["secret"], u["followingVisibility"], u["openFavorite"]) == \
        (False, False, 1, True)
    assert (u["commentSetting"], u["duetSetting"], u["stitchSetting"]) == (0, 0, 0)
    assert not e2e(page, "liked-tab")[0].find(lambda n: n.attrs.get("role") == "img")
    assert tab_content(page, "liked-tab") == ["No liked videos yet",
                                              "Videos liked by Jamie C will appear here"]
    assert text(e2e(page, "followers-count")) == "304" and text(e2e(page, "likes-count")) == "22.1K"
    assert len(tiles(page)) == 3


def test_a_private_account_shows_visitors_the_header_only(locked):
    app, server = locked
    page = fetch(server, f"/@{LOCKED}")
    u = user(page)
    assert (u["privateAccount"], u["secret"], u["followingVisibility"], u["openFavorite"]) == \
        (True, True, 2, False)
    assert (u["commentSetting"], u["duetSetting"], u["stitchSetting"]) == (2, 2, 2)
    assert scope(page)["webapp.user-detail"]["userInfo"]["stats"]["videoCount"] == 2
    assert tiles(page) == [] and not e2e(page, "user-post-item-list")
    paragraphs = [text([p]) for p in page.tree.find(lambda n: n.tag == "p")]
    assert "This account is private" in paragraphs
    assert "Follow this account to see their contents and likes" in paragraphs
    assert text(e2e(page, "user-title")) == LOCKED and text(e2e(page, "followers-count")) == "7"
    assert tab_content(page, "liked-tab") == tab_content(page, "repost-tab") == []

    items = json.loads(fetch(server, f"{ITEM_LIST_PATH}?secUid={u['secUid']}&cursor=0&count=12").text)
    assert items["itemList"] == [] and items["hasMore"] is False
    video = fetch(server, f"/@{LOCKED}/video/7350000000000000001")
    assert video.status == 200 and "Video currently unavailable" in video.visible

    owner = fetch(server, f"/@{LOCKED}", cookies=owner_cookies(app))
    assert len(tiles(owner)) == 2 and "This account is private" not in owner.visible


def test_unknown_and_differently_cased_names(app, server):
    page = fetch(server, "/@someone.else")
    assert page.status == 200 and "Couldn't find this account" in page.visible
    assert scope(page)["webapp.user-detail"]["statusCode"] == 10221
    assert text(e2e(fetch(server, "/@SAM.Allotment/"), "user-title")) == USER
    assert fetch(server, "/no/such/page").status == 404


def test_the_following_list_follows_its_setting(app, server, wide):
    def markup(page):  # the page without its JSON, whose i18n table holds every wording
        return page.text.split('<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__"')[0]

    # demo: following list "Only me" -> hidden from visitors (the dialog's template says so).
    page = markup(fetch(server, f"/@{USER}"))
    assert "This account’s following list is private" in page
    assert 'href="/@jordan.lee"' in page  # the followers list: the account is public
    owner = markup(fetch(server, f"/@{USER}", cookies=owner_cookies(app)))
    assert "following list is private" not in owner and 'href="/@northshire.allotment' in owner

    wide_app, wide_server = wide
    public = markup(fetch(wide_server, f"/@{WIDE}"))
    assert "following list is private" not in public and 'href="/@morgan.collins"' in public


def test_every_element_gets_generated_class_names(app, server):
    page = fetch(server, f"/@{USER}", cookies=owner_cookies(app))
    body = re.sub(r"<script\b.*?</script>", "", page.text.split("<body", 1)[1], flags=re.S)
    tags = re.findall(r"<(?!/|path\b|title\b|template\b|option\b|br\b)[a-z][^>]*>", body)
    assert len(tags) > 100
    for tag in tags:
        classes = re.search(r'class="([^"]*)"', tag)
        assert classes, tag
        assert re.fullmatch(r"css-[0-9a-z]{1,7}-[A-Z][A-Za-z0-9]+ e[0-9a-z]{6}\d", classes.group(1)), tag
    other = TikTokReplica(app.persona)
    with serve(other) as second:
        assert re.search(r'class="([^"]*)"', fetch(second, f"/@{USER}").text.split("<body")[1]).group(1) \
            != re.search(r'class="([^"]*)"', page.text.split("<body")[1]).group(1)


# -- videos, places, item_list ---------------------------------------------------------------


def test_video_pages_and_places(wide):
    app, server = wide
    page = fetch(server, f"/@{WIDE}/video/7451111111111111111")
    assert page.status == 200
    assert text(e2e(page, "browse-video-desc")) == \
        "Court again tomorrow for care proceedings. Wish me luck"
    assert "2025-10-2" in page.visible
    place = e2e(page, "video-location")[0]
    assert place.tag == "a" and text([place]) == "Northshire Family Court"
    assert re.fullmatch(r"/place/Northshire-Family-Court-\d{17}", place.attrs["href"])
    assert place.attrs["href"] == place_path("Northshire Family Court")
    assert "Who can watch this video" not in page.visible
    item = scope(page)["webapp.video-detail"]["itemInfo"]["itemStruct"]
    assert item["poi"]["name"] == "Northshire Family Court"

    owner = fetch(server, f"/@{WIDE}/video/7451111111111111111", cookies=owner_cookies(app))
    row = e2e(owner, "video-privacy")[0].texts()
    assert row == ["Who can watch this video", "Everyone"]

    spot = fetch(server, place.attrs["href"])
    assert "Northshire Family Court" in spot.visible
    assert [t[0] for t in tiles(spot)] == ["7451111111111111111"]
    assert fetch(server, "/place/Nowhere-12345678901234567").status == 404


def test_a_video_for_friends_is_unavailable_to_visitors(app, server):
    path = f"/@{USER}/video/7411234567890123454"
    page = fetch(server, path)
    assert page.status == 200 and "Video currently unavailable" in page.visible
    assert "Crumble tier list" not in page.text
    assert scope(page)["webapp.video-detail"]["statusCode"] != 0
    owner = fetch(server, path, cookies=owner_cookies(app))
    assert text(e2e(owner, "browse-video-desc")) == "Crumble tier list (controversial)"
    assert e2e(owner, "video-privacy")[0].texts() == ["Who can watch this video", "Friends"]
    assert not e2e(owner, "video-location")
    assert "Video currently unavailable" in fetch(server, f"/@{USER}/video/1").visible


def test_item_list_pages_through_the_videos(tmp_path):
    app = TikTokReplica(persona(tmp_path, old="likes = 5400", new="likes = 5400\nvideos_generate = 30"))
    videos = app.persona["tiktok"]["videos"]
    with serve(app) as server:
        for cookies, expected in ((owner_cookies(app), videos),
                                  ("", [v for v in videos if v["audience"] == "Everyone"])):
            page = fetch(server, f"/@{USER}", cookies=cookies)
            seen = [t[0] for t in tiles(page)]
            grid = e2e(page, "user-post-item-list")[0]
            assert len(seen) == 12 and grid.attrs["data-has-more"] == "true"
            cursor, more = grid.attrs["data-cursor"], True
            while more:
                answer = fetch(server, f"{ITEM_LIST_PATH}?secUid={sec_uid(app.persona['tiktok']['user_id'])}"
                                       f"&cursor={cursor}&count=12", cookies=cookies)
                assert answer.headers["Content-Type"].startswith("application/json")
                data = json.loads(answer.text)
                assert data["statusCode"] == 0 and len(data["itemList"]) <= 12
                seen += [item["id"] for item in data["itemList"]]
                cursor, more = data["cursor"], data["hasMore"]
            assert seen == [v["id"] for v in expected]
        assert 12 < len(expected) < len(videos)

        first = json.loads(fetch(server, f"{ITEM_LIST_PATH}?secUid={sec_uid(app.persona['tiktok']['user_id'])}"
                                         "&cursor=0&count=2").text)
        assert [set(item) >= {"id", "desc", "createTime"} for item in first["itemList"]] == [True, True]
        assert first["cursor"] == "2" and first["hasMore"] is True
        assert "poi" not in first["itemList"][0]
        assert first["itemList"][1]["poi"]["name"] == "Eastbrook Park"
        unknown = json.loads(fetch(server, f"{ITEM_LIST_PATH}?secUid=MS4wLjABAAAAnobody").text)
        assert unknown["statusCode"] != 0 and unknown["itemList"] == []


# -- settings ------------------------------------------------------------------------------


def test_the_settings_pages_show_the_persona_values(app, server):
    cookies = owner_cookies(app)
    page = fetch(server, "/setting/privacy", cookies=cookies)
    assert "<title>Settings | TikTok</title>" in page.text
    nav = page.tree.find(lambda n: n.tag == "nav" and n.attrs.get("aria-label") == "Settings")[0]
    assert [text([a]) for a in nav.find(lambda n: n.tag == "a")] == \
        ["Manage account", "Privacy", "Push notifications", "Business account"]
    main = page.tree.find(lambda n: n.tag == "main")[0]
    assert text(main.find(lambda n: n.tag == "h2")[:1]) == "Privacy"
    assert [text([h]) for h in main.find(lambda n: n.tag == "h3")] == \
        ["Discoverability", "Safety", "Activity status"]

    assert switches(page) == {"Private account": "false", "Activity status": "true"}
    private = page.tree.find(lambda n: n.attrs.get("name") == "private_account")[0]
    assert private.tag == "button" and private.attrs["role"] == "switch"
    assert text([by_id(page, private.attrs["aria-describedby"])]).startswith(
        "With a private account, only users you approve can follow you")
    suggest = page.tree.find(lambda n: n.attrs.get("aria-haspopup") == "dialog")[0]
    assert suggest.tag == "button" and text([suggest]) == "Suggest your account to others"
    assert not page.tree.find(lambda n: n.attrs.get("role") == "dialog")  # only once opened
    assert '<h2 id="suggest-title"' in re.sub(r' class="[^"]*"', "", page.text)

    assert selects(page) == {
        "Comments": ("comments", "Friends", ["Everyone", "Friends", "No one"]),
        "Direct messages": ("direct_messages", "Friends",
                            ["Everyone", "Suggested friends", "Friends", "No one"]),
        "Duet": ("duet", "Everyone", ["Everyone", "Friends", "Only me"]),
        "Stitch": ("stitch", "Friends", ["Everyone", "Friends", "Only me"]),
        "Following list": ("following_list", "Only me", ["Everyone", "Only me"]),
        "Liked videos": ("liked_videos", "Only me", ["Everyone", "Only me"]),
    }
    ids = [n.attrs["id"] for n in page.tree.find(lambda n: "id" in n.attrs)]
    assert len(ids) == len(set(ids))

    hub = fetch(server, "/setting", cookies=cookies)
    assert "Manage account" in hub.visible
    hrefs = {a.attrs["href"] for a in hub.tree.find(lambda n: n.tag == "a")}
    assert {"/setting/privacy", "/setting/security", "/setting/download-your-data"} <= hrefs
    assert fetch(server, "/setting/security", cookies=cookies).status == 200
    assert fetch(server, "/setting/nothing", cookies=cookies).status == 404


def test_settings_changes_change_the_persona_and_are_logged(app, server):
    cookies = owner_cookies(app)
    settings = app.persona["tiktok"]["settings"]
    page = fetch(server, "/setting/privacy", "POST", "private_account=true", cookies=cookies,
                 headers=SITE)
    assert page.status == 302 and page.location == "/setting/privacy"
    assert settings["private_account"] is True
    assert app.writes == [{"method": "POST", "path": "/setting/privacy", "query": "",
                           "body": "private_account=true", "host": "www.tiktok.com"}]
    assert "This account is private" in fetch(server, f"/@{USER}").visible

    for body in ("suggest_contacts=false", "direct_messages=Suggested+friends",
                 "following_list=Everyone", "liked_videos=Everyone", "duet=Only+me",
                 "activity_status=false", "private_account=false"):
        assert fetch(server, "/setting/privacy", "POST", body, cookies=cookies).status == 302
    assert (settings["suggest_contacts"], settings["direct_messages"], settings["activity_status"],
            settings["private_account"]) == (False, "Suggested friends", False, False)
    u = user(fetch(server, f"/@{USER}"))
    assert (u["followingVisibility"], u["openFavorite"], u["duetSetting"]) == (1, True, 2)
    assert switches(fetch(server, "/setting/privacy", cookies=cookies))["Activity status"] == "false"

    before = dict(settings)
    for path, body in [("/setting/privacy", "comments=Anyone"), ("/setting/privacy", "private=true"),
                       ("/setting/privacy", "activity_status=yes"),
                       ("/setting/privacy", "duet=Everyone&stitch=Nobody"),
                       ("/setting", "comments=Everyone")]:
        assert fetch(server, path, "POST", body, cookies=cookies).status == 400, body
    assert settings == before and len(app.writes) == 13
    assert fetch(server, "/setting/privacy", "POST", "private_account=true").status == 302
    assert settings == before


# -- faults and languages -------------------------------------------------------------------


def test_login_wall_and_checkpoint_faults(app, server):
    cookies = owner_cookies(app)
    app.faults.add(r"^/setting", "login_wall")
    page = fetch(server, "/setting/privacy", cookies=cookies, headers=SITE)
    assert page.status == 302
    assert page.location == "/login?redirect_url=https%3A%2F%2Fwww.tiktok.com%2Fsetting%2Fprivacy"

    app.faults.add(r"^/@", "checkpoint")
    page = fetch(server, f"/@{USER}", cookies=cookies)
    assert page.status == 302 and page.location == "/verify"
    assert "Verify to continue" in fetch(server, page.location).visible


def test_a_hanging_item_list_leaves_the_profile_alone(app):
    server = ReplicaServer(app).start()
    try:
        app.faults.add(app.ITEM_LIST_PATTERN, "hang")
        assert fetch(server, f"/@{USER}").status == 200
        outcome = []

        def request():
            try:
                outcome.append(fetch(server, f"{ITEM_LIST_PATH}?secUid=x&cursor=12", timeout=30).status)
            except OSError as e:
                outcome.append(e)

        thread = threading.Thread(target=request)
        thread.start()
        time.sleep(0.3)
        assert thread.is_alive()  # held
    finally:
        server.stop()
    thread.join(5)
    assert not thread.is_alive() and outcome
    assert not re.search(app.ITEM_LIST_PATTERN, f"/@{USER}")


def test_other_faults_apply_to_tiktok_pages(app, server):
    app.faults.add(r"^/@", "rate_limit", retry_after=3, times=1)
    page = fetch(server, f"/@{USER}")
    assert page.status == 429 and page.headers["Retry-After"] == "3"
    assert fetch(server, f"/@{USER}").status == 200
    app.faults.add(r"^/setting/privacy", "replace", mapping={"Private account": "Account privacy"})
    assert "Account privacy" in switches(fetch(server, "/setting/privacy", cookies=owner_cookies(app)))


def test_french_ui(app, server):
    app.persona["tiktok"]["ui_language"] = "fr"
    cookies = owner_cookies(app)
    page = fetch(server, "/setting/privacy", cookies=cookies)
    assert '<html lang="fr">' in page.text
    assert switches(page) == {"Compte privé": "false", "Statut d'activité": "true"}
    assert selects(page)["Commentaires"] == ("comments", "Friends",
                                             ["Tout le monde", "Amis", "Personne"])
    assert "Suggérer ton compte à d'autres personnes" in page.visible
    assert not any("Private account" in t for t in page.visible)

    profile = fetch(server, f"/@{USER}", cookies=cookies)
    assert "Modifier le profil" in profile.visible and "Abonnements" in profile.visible
    assert text(e2e(profile, "likes-count")) == "5,4K"
    assert tiles(profile)[3][3] == ["Amis"]
    assert tiles(profile)[0][1].endswith("créé par Sam avec le son original de Sam")
    assert '<html lang="en">' in fetch(server, f"/@{USER}").text  # logged out: the visitor's
    assert '<html lang="en">' in fetch(server, "/login").text


# -- personas ------------------------------------------------------------------------------


def test_personas_have_what_the_tests_rely_on(tmp_path):
    demo, wide, locked = (persona(tmp_path, n)["tiktok"] for n in ("demo", "wide_open", "locked_down"))
    assert demo["videos"][0]["audience"] == "Everyone" and demo["videos"][0]["location"] is None
    assert [v["audience"] for v in demo["videos"]].count("Friends") == 1
    assert any(v["location"] for v in demo["videos"])
    assert not wide["settings"]["private_account"] and wide["settings"]["liked_videos"] == "Everyone"
    assert any("court" in v["caption"].lower() and v["location"] for v in wide["videos"])
    assert locked["settings"]["private_account"] and locked["bio"] == "" and locked["likes"] == 0
    assert locked["nickname"] == "Robin"


def test_left_out_settings_take_an_adult_accounts_defaults(tmp_path):
    bare = tmp_path / "bare.toml"
    bare.write_text('[person]\nname = "Bea Bench"\n[tiktok]\nunique_id = "bea.bench"\n'
                    'user_id = "7000000000000000001"\nemail = "bea@example.org"\npassword = "x"\n')
    t = load_persona(bare)["tiktok"]
    assert t["settings"] == {
        "private_account": False, "suggest_contacts": True, "suggest_facebook_friends": True,
        "suggest_mutual": True, "suggest_links": True, "comments": "Everyone",
        "direct_messages": "Friends", "duet": "Everyone", "stitch": "Everyone",
        "following_list": "Everyone", "liked_videos": "Only me", "activity_status": True}
    assert (t["nickname"], t["bio"], t["likes"], t["videos"], t["ui_language"]) == \
        ("Bea Bench", "", 0, [], "en")
    assert t["followers"] == t["following"] == {"names": []}


@pytest.mark.parametrize("old, new, error", [
    ('comments = "Friends"', 'comments = "Anyone"',
     r"tiktok\.settings\.comments: 'Anyone' is not one of Everyone, Friends, No one"),
    ("activity_status = true", 'activity_status = "on"', r"tiktok\.settings\.activity_status: expected bool"),
    ("private_account = false", "private_account = false\nprivate = true",
     r"tiktok\.settings\.private: unknown key"),
    ('unique_id = "sam.allotment"', 'unique_id = "@sam.allotment"', r"tiktok\.unique_id: '@sam.allotment' must be"),
    ('user_id = "7012345678901234567"', 'user_id = "70123x"', r"tiktok\.user_id: must be digits"),
    ('audience = "Friends"', 'audience = "Public"',
     r"tiktok\.videos\[3\]\.audience: 'Public' is not one of Everyone, Friends, Only you"),
    ('id = "7431234567890123452"', 'id = "7441234567890123451"',
     r"tiktok\.videos\[1\]\.id: '7441234567890123451' is used twice"),
    ('date = "2025-08-04"', 'date = "4 August"', r"tiktok\.videos\[1\]\.date: '4 August' is not a date"),
    ("views = 910", "views = -1", r"tiktok\.videos\[2\]\.views: -1 is negative"),
    ("views = 910", "views = 910\nlikes = 3", r"tiktok\.videos\[2\]\.likes: unknown key"),
    ("likes = 5400", 'likes = "5.4K"', r"tiktok\.likes: expected int"),
    ('ui_language = "en"\nnickname', 'ui_language = "de"\nnickname',
     r"tiktok\.ui_language: 'de' is not one of en, fr"),
    ("generate = 40", 'generate = "lots"', r"tiktok\.followers\.generate: expected int"),
])
def test_tiktok_persona_errors_name_the_file_and_the_key(tmp_path, old, new, error):
    with pytest.raises(PersonaError, match=r"^bad\.toml: " + error):
        persona(tmp_path, old=old, new=new, filename="bad.toml")


def test_generated_videos_are_deterministic(tmp_path):
    first = persona(tmp_path, old="likes = 5400", new="likes = 5400\nvideos_generate = 50")["tiktok"]
    second = persona(tmp_path, old="likes = 5400", new="likes = 5400\nvideos_generate = 50")["tiktok"]
    assert first == second and "videos_generate" not in first
    videos = first["videos"]
    assert len(videos) == 54 and len({v["id"] for v in videos}) == 54
    assert [v["date"] for v in videos] == sorted((v["date"] for v in videos), reverse=True)
    assert videos[:4] == persona(tmp_path)["tiktok"]["videos"]  # the listed ones are the newest
    assert {v["audience"] for v in videos} == {"Everyone", "Friends", "Only you"}
    assert all(v["id"].isdigit() and isinstance(v["views"], int) for v in videos)


# -- a real browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_browser_settings_save_and_the_profile_scrolls_to_every_video(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    app = TikTokReplica(persona(tmp_path, old="likes = 5400", new="likes = 5400\nvideos_generate = 40"))
    settings = app.persona["tiktok"]["settings"]
    hosts = ("www.tiktok.com",)
    with serve(app) as server, sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            owner = browser.new_context(storage_state=app.storage_state())
            owner.route("**/*", route_to(server.origin, hosts))
            page = owner.new_page()
            page.goto("https://www.tiktok.com/setting/privacy")

            # The suggestions dialog: opened by its row, its switches save at once.
            assert page.get_by_role("dialog").count() == 0
            page.get_by_role("button", name="Suggest your account to others").click()
            dialog = page.get_by_role("dialog", name="Suggest your account to others")
            assert dialog.get_by_text("Choose who we can suggest your account to").is_visible()
            contacts = dialog.get_by_role("switch", name="Contacts")
            assert contacts.get_attribute("aria-checked") == "true"
            assert dialog.get_by_role("switch", name="Facebook friends").get_attribute(
                "aria-checked") == "false"
            with page.expect_response("**/setting/privacy"):
                contacts.click()
            assert contacts.get_attribute("aria-checked") == "false"
            assert settings["suggest_contacts"] is False
            dialog.get_by_role("button", name="Done").click()
            assert page.get_by_role("dialog").count() == 0
            page.get_by_role("button", name="Suggest your account to others").click()
            assert page.get_by_role("switch", name="Contacts").get_attribute("aria-checked") == "false"
            page.keyboard.press("Escape")

            # A <select> saves on change.
            with page.expect_response("**/setting/privacy"):
                page.get_by_label("Direct messages").select_option("No one")
            assert settings["direct_messages"] == "No one"

            # "Private account" asks first; Cancel changes nothing.
            private = page.get_by_role("switch", name="Private account")
            private.click()
            confirm = page.get_by_role("dialog", name="Switch to private account?")
            confirm.get_by_role("button", name="Cancel").click()
            assert private.get_attribute("aria-checked") == "false"
            private.click()
            with page.expect_response("**/setting/privacy"):
                page.get_by_role("button", name="Switch to private").click()
            assert private.get_attribute("aria-checked") == "true" and settings["private_account"]
            assert [(w["path"], w["body"], w["host"]) for w in app.writes] == [
                ("/setting/privacy", "suggest_contacts=false", "www.tiktok.com"),
                ("/setting/privacy", "direct_messages=No+one", "www.tiktok.com"),
                ("/setting/privacy", "private_account=true", "www.tiktok.com")]
            page.reload()
            assert page.get_by_role("switch", name="Private account").get_attribute("aria-checked") == "true"
            assert page.get_by_label("Direct messages").input_value() == "No one"

            # Scrolling the profile loads every video, 12 at a time.
            page.goto(f"https://www.tiktok.com/@{USER}")
            items = page.locator('[data-e2e="user-post-item"]')
            assert items.count() == 12
            for _ in range(20):
                if items.count() == 44 and not page.get_by_role("progressbar").count():
                    break
                page.mouse.wheel(0, 4000)
                page.wait_for_timeout(100)
            hrefs = items.locator("a").evaluate_all("links => links.map(a => a.href)")
            assert [h.rsplit("/", 1)[1] for h in hrefs] == [v["id"] for v in app.persona["tiktok"]["videos"]]
            friends_only = [v for v in app.persona["tiktok"]["videos"][12:] if v["audience"] == "Friends"]
            tile = page.locator(f'a[href$="/video/{friends_only[0]["id"]}"]')
            assert tile.get_by_role("img", name="Friends").count() == 1
            assert tile.locator("img").get_attribute("alt") == \
                f"{friends_only[0]['caption']} created by Sam with Sam’s original sound"
            page.get_by_role("tab", name="Liked").click()
            assert page.get_by_text("Videos you liked will appear here").is_visible()
            assert not page.locator('[data-e2e="user-post-item-list"]').is_visible()

            # A visitor: the login prompt closes; the account is private now.
            visitor = browser.new_context()
            visitor.route("**/*", route_to(server.origin, hosts))
            stranger = visitor.new_page()
            stranger.goto(f"https://www.tiktok.com/@{USER}")
            prompt = stranger.get_by_role("dialog", name="Log in to TikTok")
            assert prompt.is_visible()
            prompt.get_by_role("button", name="Close").click()
            assert stranger.get_by_role("dialog").count() == 0
            assert stranger.get_by_text("This account is private").is_visible()
            assert stranger.locator('[data-e2e="user-post-item"]').count() == 0
            assert stranger.evaluate("JSON.parse(document.getElementById("
                                     "'__UNIVERSAL_DATA_FOR_REHYDRATION__').textContent)"
                                     ".__DEFAULT_SCOPE__['webapp.user-detail'].userInfo.user"
                                     ".privateAccount") is True
        finally:
            browser.close()
