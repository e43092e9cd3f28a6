"""The X replica itself: pages, sessions, settings, faults, personas (README contract)."""

from __future__ import annotations

import http.client
import json
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from replicas.personas import PersonaError, load_persona
from replicas.server import ReplicaServer
from replicas.x import TIMELINE_PATH, XReplica, place_id

HANDLE = "samtaylor_sw"
CHROMIUM = "/usr/bin/chromium"
PERSONAS = Path(__file__).parents[1] / "replicas/personas"


@pytest.fixture
def app():
    return XReplica(load_persona("demo"))


@pytest.fixture
def server(app):
    with ReplicaServer(app) as server:
        yield server


class Page:
    def __init__(self, response: http.client.HTTPResponse):
        self.status = response.status
        self.headers = response.headers
        self.text = response.read().decode("utf-8")
        self.location = response.getheader("Location")
        self._tree = None

    @property
    def tree(self) -> Node:
        if self._tree is None:
            self._tree = parse(self.text)
        return self._tree

    @property
    def visible(self) -> list[str]:
        return self.tree.texts()

    def testid(self, testid: str) -> list[Node]:
        return self.tree.find(lambda n: n.attrs.get("data-testid") == testid)

    def controls(self) -> dict[str, dict]:
        """Each settings <label>'s text -> the attributes of the input inside it."""
        out = {}
        for label in self.tree.find(lambda n: n.tag == "label"):
            inputs = label.find(lambda n: n.tag == "input")
            if inputs:
                out[" ".join(label.texts())] = inputs[0].attrs
        return out


def fetch(server, path, method="GET", body=None, cookies="", headers=None, timeout=10) -> Page:
    conn = http.client.HTTPConnection(server.origin.removeprefix("http://"), timeout=timeout)
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = cookies
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=body, headers=headers)
        return Page(conn.getresponse())
    finally:
        conn.close()


def owner_cookies(app) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in app.storage_state()["cookies"])


# -- a small DOM, enough to read pages the way an audit would -------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "path", "circle"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None = None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def texts(self) -> list[str]:
        """Text a reader would see: not inside <template>, <script>, <style> or <title>."""
        out = []
        for child in self.children:
            if isinstance(child, str):
                if child.strip():
                    out.append(child.strip())
            elif child.tag not in ("template", "script", "style", "title", "head"):
                out += child.texts()
        return out

    def find(self, pred) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag in ("template", "script"):
                    continue
                if pred(child):
                    found.append(child)
                found += child.find(pred)
        return found


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = self.node = Node("#document", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_startendtag(self, tag, attrs):
        self.node.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.node))

    def handle_endtag(self, tag):
        node = self.node
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.node = node.parent

    def handle_data(self, data):
        self.node.children.append(data)


def parse(html: str) -> Node:
    builder = _Builder()
    builder.feed(html)
    return builder.root


def tweet_ids(page: Page) -> list[str]:
    return [re.search(r"/status/(\d+)$", a.attrs["href"]).group(1)
            for tweet in page.testid("tweet")
            for a in tweet.find(lambda n: n.tag == "a" and "/status/" in n.attrs.get("href", ""))]


def text(nodes: list[Node]) -> str:
    return " ".join(t for node in nodes for t in node.texts())


# -- sign-in and walls ---------------------------------------------------------------------


def test_login_sets_session_cookies_and_redirects(app, server):
    page = fetch(server, "/i/flow/login?redirect_after_login=%2Fsettings%2Faudience_and_tagging",
                 "POST", "text=samtaylor_sw&password=demo")
    assert page.status == 302 and page.location == "/settings/audience_and_tagging"
    cookies = {c.split("=", 1)[0]: c for c in page.headers.get_all("Set-Cookie")}
    assert set(cookies) == {"auth_token", "ct0", "twid", "guest_id"}
    for cookie in cookies.values():
        assert "Domain=.x.com; Path=/; Secure" in cookie and "SameSite=None" in cookie
    assert "HttpOnly" in cookies["auth_token"]
    assert not any("HttpOnly" in cookies[name] for name in ("ct0", "twid", "guest_id"))
    assert re.match(r"auth_token=[0-9a-f]{40};", cookies["auth_token"])
    assert re.match(r"ct0=[0-9a-f]{160};", cookies["ct0"])
    assert cookies["twid"].startswith("twid=u%3D1187654321098765432;")

    session = "; ".join(c.split(";", 1)[0] for c in cookies.values())
    assert fetch(server, "/settings/audience_and_tagging", cookies=session).status == 200
    without_ct0 = "; ".join(c for c in session.split("; ") if not c.startswith("ct0="))
    assert fetch(server, "/settings/audience_and_tagging", cookies=without_ct0).status == 302
    assert [w["path"] for w in app.writes] == ["/i/flow/login"]
    assert "password=demo" in app.writes[0]["body"]


@pytest.mark.parametrize("identifier", ["@samtaylor_sw", "SAMTAYLOR_SW", "sam.taylor@example.org",
                                        "07700900482"])
def test_login_accepts_the_handle_the_email_or_the_phone(server, identifier):
    page = fetch(server, "/login", "POST", f"text={quote(identifier)}&password=demo")
    assert page.status == 302 and page.location == "/home"


def test_login_errors_set_nothing(server):
    page = fetch(server, "/i/flow/login", "POST", "text=samtaylor_sw&password=nope")
    assert page.status == 200 and page.headers.get_all("Set-Cookie") is None
    assert "Wrong password!" in page.visible
    assert "<title>Log in to X / X</title>" in page.text and "Sign in to X" in page.visible
    assert page.tree.find(lambda n: n.tag == "input" and n.attrs.get("name") == "text"
                          and n.attrs.get("autocomplete") == "username")
    unknown = fetch(server, "/i/flow/login", "POST", "text=nobody&password=demo")
    assert "Sorry, we could not find your account." in unknown.visible


@pytest.mark.parametrize("path", ["/home", "/settings", "/settings/audience_and_tagging",
                                  "/settings/contacts", "/settings/direct_messages",
                                  "/settings/location_information", f"/{HANDLE}/followers",
                                  f"/{HANDLE}/following", "/search?q=court"])
def test_logged_out_walls_redirect_to_the_login_flow(server, path):
    page = fetch(server, path, headers={"X-Forwarded-Host": "x.com"})
    assert page.status == 302
    assert page.location.startswith("/i/flow/login?redirect_after_login=")
    assert parse_qs(urlsplit(page.location).query)["redirect_after_login"] == [path]


def test_landing_home_and_logout(app, server):
    landing = fetch(server, "/")
    assert "Happening now" in landing.visible and "Join today." in landing.visible
    assert '"isLoggedIn":false' in landing.text
    cookies = owner_cookies(app)
    assert fetch(server, "/", cookies=cookies).location == "/home"

    home = fetch(server, "/home", cookies=cookies)
    assert '"isLoggedIn":true' in home.text and '"user_id":"1187654321098765432"' in home.text
    profile_link = home.testid("AppTabBar_Profile_Link")[0]
    assert profile_link.attrs["href"] == f"/{HANDLE}" and profile_link.attrs["aria-label"] == "Profile"
    account = home.testid("SideNav_AccountSwitcher_Button")[0]
    assert account.texts() == ["Sam Taylor", f"@{HANDLE}"]
    assert home.tree.find(lambda n: n.attrs.get("role") == "navigation"
                          and n.attrs.get("aria-label") == "Primary")

    out = fetch(server, "/logout", cookies=cookies)
    assert out.status == 302 and out.location == "/"
    cleared = out.headers.get_all("Set-Cookie")
    assert sorted(c.split("=", 1)[0] for c in cleared) == ["auth_token", "ct0", "twid"]
    assert all("Max-Age=0" in c for c in cleared)


def test_expired_sessions_go_back_to_the_login_page(app, server):
    cookies = owner_cookies(app)
    assert fetch(server, "/home", cookies=cookies).status == 200
    app.expire_sessions()
    assert fetch(server, "/home", cookies=cookies).status == 302
    assert fetch(server, "/home", cookies=owner_cookies(app)).status == 200  # a fresh one


def test_storage_state_is_a_playwright_storage_state(app):
    state = app.storage_state()
    assert state["origins"] == []
    cookies = {c["name"]: c for c in state["cookies"]}
    assert set(cookies) == {"auth_token", "ct0", "twid", "guest_id"}
    for cookie in cookies.values():
        assert cookie["domain"] == ".x.com" and cookie["path"] == "/"
        assert cookie["secure"] is True and cookie["sameSite"] == "None"
        assert cookie["expires"] > time.time()
    assert cookies["auth_token"]["httpOnly"] and not cookies["ct0"]["httpOnly"]
    assert cookies["twid"]["value"] == "u%3D1187654321098765432"
    assert app.storage_state()["cookies"][0]["value"] == cookies["auth_token"]["value"]  # stable


@pytest.mark.parametrize("host", ["twitter.com", "www.twitter.com", "mobile.twitter.com",
                                  "www.x.com"])
def test_old_hosts_redirect_to_x_com(server, host):
    page = fetch(server, f"/{HANDLE}?s=20", headers={"X-Forwarded-Host": host})
    assert page.status == 301 and page.location == f"https://x.com/{HANDLE}?s=20"
    assert fetch(server, f"/{HANDLE}", headers={"X-Forwarded-Host": "x.com"}).status == 200


# -- profile, posts, people ----------------------------------------------------------------


def test_logged_out_profile_shows_the_header_the_posts_and_the_bottom_bar(app, server):
    page = fetch(server, f"/{HANDLE}", headers={"X-Forwarded-Host": "x.com"})
    assert page.status == 200
    assert "<title>Sam Taylor (@samtaylor_sw) / X</title>" in page.text
    assert text(page.testid("UserName")) == f"Sam Taylor @{HANDLE}"
    assert "social worker" in text(page.testid("UserDescription"))
    assert text(page.testid("UserLocation")) == "Northshire"
    assert text(page.testid("UserJoinDate")) == "Joined May 2014"
    assert page.testid("UserJoinDate")[0].attrs["href"] == f"/{HANDLE}/about"
    assert not page.testid("UserBirthdate")  # shown to followers only
    assert not page.testid("UserUrl") and not page.testid("icon-lock")

    assert tweet_ids(page) == [p["id"] for p in app.persona["x"]["posts"]]
    texts = [text([t]) for t in page.testid("tweetText")]
    assert "Another long day at court. Home, tea, sofa, in that order." in texts
    court = next(t for t in page.testid("tweet") if "court" in text(t.find(
        lambda n: n.attrs.get("data-testid") == "tweetText")))
    place = court.find(lambda n: n.tag == "a" and n.attrs["href"].startswith("/search?q=place%3A"))
    assert text(place) == "Northshire Family Court"
    assert place[0].attrs["href"] == f"/search?q=place%3A{place_id('Northshire Family Court')}&src=typed_query"
    assert page.tree.find(lambda n: n.tag == "time" and n.attrs.get("datetime", "").startswith("2025-05-06T"))
    assert page.tree.find(lambda n: n.attrs.get("aria-label") == "Timeline: Sam Taylor’s posts")

    bar = page.testid("BottomBar")[0]
    assert "Don’t miss what’s happening" in bar.texts()
    assert "People on X are the first to know." in bar.texts()
    assert page.testid("login")[0].attrs["href"] == "/login"
    assert page.testid("signup")[0].attrs["href"] == "/i/flow/signup"
    assert "Refuse non-essential cookies" in page.visible
    assert '"isLoggedIn":false' in page.text

    ld = _ld_json(page)
    assert ld["mainEntity"]["homeLocation"]["name"] == "Northshire"
    assert ld["mainEntity"]["identifier"] == "1187654321098765432"
    assert ld["mainEntity"]["description"].startswith("Children's social worker")


def _ld_json(page: Page) -> dict:
    match = re.search(r'<script type="application/ld\+json" data-testid="UserProfileSchema-test">'
                      r"(.*?)</script>", page.text, re.S)
    return json.loads(match.group(1))


def test_the_owner_sees_the_edit_button_and_the_birth_date(app, server):
    page = fetch(server, f"/{HANDLE}", cookies=owner_cookies(app))
    assert page.testid("editProfileButton")[0].attrs["href"] == "/settings/profile"
    assert text(page.testid("UserBirthdate")) == "Born June 21, 1988"
    assert not page.testid("BottomBar")


@pytest.mark.parametrize("day, year, shown", [
    ("Public", "Public", "Born June 21, 1988"), ("Public", "Only you", "Born June 21"),
    ("Only you", "Public", "Born 1988"), ("You follow each other", "Your followers", None)])
def test_the_birth_date_follows_its_two_visibilities(app, server, day, year, shown):
    profile = app.persona["x"]["profile"]
    profile["birth_date_visibility"], profile["birth_year_visibility"] = day, year
    page = fetch(server, f"/{HANDLE}")
    assert (text(page.testid("UserBirthdate")) or None) == shown


def test_a_protected_account_shows_its_posts_to_the_owner_only(app, server):
    app.persona["x"]["settings"]["protected"] = True
    public = fetch(server, f"/{HANDLE}")
    assert not public.testid("tweet") and not tweet_ids(public)
    assert text(public.testid("empty_state_header_text")) == "These posts are protected"
    assert "Only approved followers can see @samtaylor_sw’s posts" in text(
        public.testid("empty_state_body_text"))
    lock = public.testid("icon-lock")[0]
    assert lock.tag == "svg" and lock.attrs["aria-label"] == "Protected account"
    assert lock.attrs["role"] == "img"
    assert lock in public.testid("UserName")[0].find(lambda n: n.tag == "svg")
    assert "social worker" in text(public.testid("UserDescription"))  # the header stays public

    post = app.persona["x"]["posts"][0]["id"]
    status = fetch(server, f"/{HANDLE}/status/{post}")
    assert not status.testid("tweet")
    assert any("unable to view this Post" in t for t in status.visible)
    chunk = fetch(server, f"{TIMELINE_PATH}?userId=1187654321098765432&cursor=0")
    assert chunk.status == 200 and chunk.text == ""

    owner = fetch(server, f"/{HANDLE}", cookies=owner_cookies(app))
    assert tweet_ids(owner) == [p["id"] for p in app.persona["x"]["posts"]]
    assert owner.testid("icon-lock")


def test_the_timeline_loads_every_post_in_chunks_of_ten():
    app = XReplica(load_persona("wide_open"))
    with ReplicaServer(app) as server:
        page = fetch(server, "/jamiecollins77")
        seen = tweet_ids(page)
        assert len(seen) == 10
        nxt = page.tree.find(lambda n: "data-next" in n.attrs)[0].attrs["data-next"]
        while nxt:
            assert nxt.startswith(TIMELINE_PATH)
            chunk = fetch(server, nxt)
            seen += tweet_ids(chunk)
            nxt = chunk.headers.get("X-Next-Chunk")
        assert seen == [p["id"] for p in app.persona["x"]["posts"]] and len(seen) == 12

        app.faults.add(app.TIMELINE_PATTERN, "status", status=500)
        assert fetch(server, "/jamiecollins77").status == 200
        assert fetch(server, f"{TIMELINE_PATH}?userId=1323456789012345678&cursor=10").status == 500


def test_the_owner_sees_followers_and_following_as_user_cells(app, server):
    cookies = owner_cookies(app)
    followers = fetch(server, f"/{HANDLE}/followers", cookies=cookies)
    cells = followers.testid("UserCell")
    names = app.persona["x"]["followers"]["names"]
    assert len(cells) == len(names) == 46
    assert [c.texts()[0] for c in cells] == names
    assert cells[3].texts()[:2] == ["Casey Morgan", "@caseymorgan"]
    assert len(followers.testid("userFollowIndicator")) == 46
    assert "<title>People following Sam Taylor (@samtaylor_sw) / X</title>" in followers.text
    assert followers.tree.find(lambda n: n.attrs.get("aria-label") == "Timeline: Followers")

    following = fetch(server, f"/{HANDLE}/following", cookies=cookies)
    assert len(following.testid("UserCell")) == len(app.persona["x"]["following"]["names"])
    back = {c.texts()[0] for c in following.testid("UserCell")
            if c.find(lambda n: n.attrs.get("data-testid") == "userFollowIndicator")}
    assert back == {"Alex Taylor", "Hannah Ridley"}  # they follow Sam too
    verified = fetch(server, f"/{HANDLE}/verified_followers", cookies=cookies)
    assert "You don’t have any verified followers yet" in verified.visible


def test_status_search_about_and_unknown_pages(app, server):
    cookies = owner_cookies(app)
    post = next(p for p in app.persona["x"]["posts"] if p["place"])
    status = fetch(server, f"/{HANDLE}/status/{post['id']}")
    assert tweet_ids(status) == [post["id"]]
    search = fetch(server, f"/search?q=place%3A{place_id(post['place'])}", cookies=cookies)
    assert "Northshire Family Court" in search.visible and tweet_ids(search) == [post["id"]]
    about = fetch(server, f"/{HANDLE}/about")
    assert "About this account" in about.visible and "May 2014" in about.visible

    unknown = fetch(server, "/somebody_else")
    assert unknown.status == 404 and "This account doesn’t exist" in unknown.visible
    page = fetch(server, "/i/nothing/here")
    assert page.status == 404
    assert "Hmm...this page doesn’t exist. Try searching for something else." in page.visible
    assert fetch(server, f"/{HANDLE}/status/1").status == 404


def test_every_element_gets_generated_class_names(app, server):
    page = fetch(server, f"/{HANDLE}", cookies=owner_cookies(app))
    body = re.sub(r"<script\b.*?</script>", "", page.text.split("<body", 1)[1], flags=re.S)
    for tag in re.findall(r"<(?!/|path\b|g\b|circle\b|template\b|br\b)[a-z][^>]*>", body):
        classes = re.search(r'class="([^"]*)"', tag)
        assert classes, tag
        first, *rest = classes.group(1).split()
        assert re.fullmatch(r"css-[0-9a-z]{7}", first) and rest, tag
        assert all(re.fullmatch(r"r-[0-9a-z]{6,7}", c) for c in rest), tag
    other = XReplica(load_persona("demo"))
    assert other._classes.classes("div") != app._classes.classes("div")


# -- settings ------------------------------------------------------------------------------


def test_settings_pages_show_the_persona_values(app, server):
    cookies = owner_cookies(app)
    audience = fetch(server, "/settings/audience_and_tagging", cookies=cookies)
    assert "<title>Audience, media and tagging / X</title>" in audience.text
    heading = audience.tree.find(lambda n: n.attrs.get("id") == "detail-header")
    assert text(heading) == "Audience, media and tagging"
    protect = audience.controls()["Protect your posts"]
    assert protect["type"] == "checkbox" and "role" not in protect
    assert "checked" not in protect and protect["aria-checked"] == "false"
    description = audience.tree.find(lambda n: n.attrs.get("id") == protect["aria-describedby"])
    assert text(description).startswith("When selected, your posts and other account information")
    tagging = audience.tree.find(lambda n: n.tag == "a" and n.attrs.get("href") == "/settings/tagging")
    assert tagging[0].texts() == ["Photo tagging", "Anyone can tag you"]

    for path in ("/settings/contacts", "/settings/contacts_dashboard"):
        contacts = fetch(server, path, cookies=cookies).controls()
        email = contacts["Let people who have your email address find you on X"]
        phone = contacts["Let people who have your phone number find you on X"]
        assert email["role"] == phone["role"] == "switch"
        assert email["aria-checked"] == "false" and "checked" not in email
        assert phone["aria-checked"] == "true" and "checked" in phone

    location = fetch(server, "/settings/location_information", cookies=cookies)
    assert location.controls()["Add location information to your posts"]["aria-checked"] == "false"
    assert "Remove all location information attached to your posts" in location.visible
    assert fetch(server, "/settings/location", cookies=cookies).controls() == location.controls()

    dms = fetch(server, "/settings/direct_messages", cookies=cookies)
    group = dms.tree.find(lambda n: n.attrs.get("role") == "radiogroup")[0]
    question = dms.tree.find(lambda n: n.attrs.get("id") == group.attrs["aria-labelledby"])
    assert text(question) == "Allow message requests from:"
    radios = {k: v for k, v in dms.controls().items() if v["type"] == "radio"}
    assert {k: v["aria-checked"] for k, v in radios.items()} == {
        "No one": "false", "Verified users": "false", "Everyone": "true"}
    assert "checked" in radios["Everyone"]

    for path in ("/settings/audience_and_tagging", "/settings/tagging", "/settings/contacts",
                 "/settings/location", "/settings/direct_messages", f"/{HANDLE}"):
        ids = [n.attrs["id"] for n in fetch(server, path, cookies=cookies).tree.find(
            lambda n: "id" in n.attrs)]
        assert len(ids) == len(set(ids)), path

    hub = fetch(server, "/settings/privacy_and_safety", cookies=cookies)
    links = {a.attrs["href"] for a in hub.tree.find(lambda n: n.tag == "a")}
    assert {"/settings/audience_and_tagging", "/settings/contacts", "/settings/direct_messages",
            "/settings/location_information"} <= links


def test_settings_updates_change_the_persona_and_are_logged(app, server):
    cookies = owner_cookies(app)
    settings = app.persona["x"]["settings"]
    page = fetch(server, "/settings/audience_and_tagging", "POST", "protected=true",
                 cookies=cookies)
    assert page.status == 302 and page.location == "/settings/audience_and_tagging"
    assert settings["protected"] is True
    assert app.writes == [{"method": "POST", "path": "/settings/audience_and_tagging",
                           "query": "", "body": "protected=true",
                           "host": server.origin.removeprefix("http://")}]
    shown = fetch(server, "/settings/audience_and_tagging", cookies=cookies)
    assert shown.controls()["Protect your posts"]["aria-checked"] == "true"
    assert fetch(server, f"/{HANDLE}").testid("icon-lock")

    fetch(server, "/settings/contacts", "POST", "discover_phone=false", cookies=cookies)
    fetch(server, "/settings/direct_messages", "POST", "dm_requests=No+one", cookies=cookies)
    fetch(server, "/settings/location", "POST", "post_location=true", cookies=cookies)
    assert (settings["discover_phone"], settings["dm_requests"], settings["post_location"]) == \
        (False, "No one", True)

    for path, body in [("/settings/direct_messages", "dm_requests=Anyone"),
                       ("/settings/contacts", "protected=false"),  # not a control of that page
                       ("/settings/audience_and_tagging", "photo_tagging=Off"),  # only on /tagging
                       ("/settings/contacts", "discover_email=yes")]:
        assert fetch(server, path, "POST", body, cookies=cookies).status == 400
    assert settings["dm_requests"] == "No one" and settings["protected"] is True
    assert len(app.writes) == 8
    # Logged out, a POST goes to the login wall and changes nothing.
    assert fetch(server, "/settings/contacts", "POST", "discover_phone=true").status == 302
    assert settings["discover_phone"] is False


def test_photo_tagging_page(app, server):
    cookies = owner_cookies(app)
    page = fetch(server, "/settings/tagging", cookies=cookies)
    controls = page.controls()
    assert controls["Photo tagging"]["role"] == "switch"
    assert controls["Photo tagging"]["aria-checked"] == "true"
    assert controls["Anyone can tag you"]["aria-checked"] == "true"
    assert controls["Only people you follow can tag you"]["aria-checked"] == "false"

    fetch(server, "/settings/tagging", "POST", "photo_tagging=Only+people+you+follow",
          cookies=cookies)
    audience = fetch(server, "/settings/audience_and_tagging", cookies=cookies)
    assert "Only people you follow can tag you" in audience.visible
    fetch(server, "/settings/tagging", "POST", "photo_tagging=Off", cookies=cookies)
    off = fetch(server, "/settings/tagging", cookies=cookies).controls()
    assert off["Photo tagging"]["aria-checked"] == "false"
    assert "Anyone can tag you" not in off  # no choices while tagging is off
    assert "Off" in fetch(server, "/settings/audience_and_tagging", cookies=cookies).visible


def test_remove_all_location_information(app, server):
    assert any(p["place"] for p in app.persona["x"]["posts"])
    page = fetch(server, "/settings/location_information", "POST", "remove_locations=1",
                 cookies=owner_cookies(app))
    assert page.status == 302
    assert not any(p["place"] for p in app.persona["x"]["posts"])
    assert "place%3A" not in fetch(server, f"/{HANDLE}").text


def test_french_ui(app, server):
    app.persona["x"]["ui_language"] = "fr"
    cookies = owner_cookies(app)
    page = fetch(server, "/settings/audience_and_tagging", cookies=cookies)
    assert '<html dir="ltr" lang="fr">' in page.text
    assert page.controls()["Protéger vos posts"]["aria-checked"] == "false"
    assert "Tout le monde peut vous identifier" in page.visible
    assert not any("Protect your" in t for t in page.visible)
    dms = fetch(server, "/settings/direct_messages", cookies=cookies)
    assert "Autoriser les demandes de message de :" in dms.visible
    assert dms.controls()["Tout le monde"]["aria-checked"] == "true"

    profile = fetch(server, f"/{HANDLE}", cookies=cookies)
    assert text(profile.testid("UserJoinDate")) == "A rejoint X en mai 2014"
    assert text(profile.testid("UserBirthdate")) == "Date de naissance : 21 juin 1988"
    assert "6 mai 2025" in profile.visible
    assert '<html dir="ltr" lang="en">' in fetch(server, f"/{HANDLE}").text  # the visitor's


# -- faults --------------------------------------------------------------------------------


def test_login_wall_and_checkpoint_faults(app, server):
    cookies = owner_cookies(app)
    app.faults.add(r"^/settings", "login_wall")
    page = fetch(server, "/settings/direct_messages", cookies=cookies,
                 headers={"X-Forwarded-Host": "x.com"})
    assert page.status == 302
    assert page.location == "/i/flow/login?redirect_after_login=%2Fsettings%2Fdirect_messages"

    app.faults.add(r"^/" + HANDLE, "checkpoint")
    page = fetch(server, f"/{HANDLE}", cookies=cookies)
    assert page.status == 302 and page.location == "/account/access"
    locked = fetch(server, page.location)
    assert "<title>Your account has been locked / X</title>" in locked.text
    assert "Your account has been locked." in locked.visible


def test_other_faults_apply_to_x_pages(app, server):
    app.faults.add(r"^/" + HANDLE, "rate_limit", retry_after=3, times=1)
    page = fetch(server, f"/{HANDLE}")
    assert page.status == 429 and page.headers["Retry-After"] == "3"
    app.faults.add(r"^/settings/contacts", "replace",
                   mapping={"Let people who have your phone number find you on X":
                            "Phone number discoverability"})
    page = fetch(server, "/settings/contacts", cookies=owner_cookies(app))
    assert "Phone number discoverability" in page.controls()
    app.faults.add(r"^/home", "wrap", extra=2)
    assert re.search(r"<body[^>]*><div><div>", fetch(server, "/home", cookies=owner_cookies(app)).text)
    app.faults.add(r"^/" + HANDLE, "third_party")
    assert '<script src="https://tracker.example.net/t.js">' in fetch(server, f"/{HANDLE}").text


# -- personas ------------------------------------------------------------------------------


def test_personas_have_what_the_tests_rely_on():
    demo, wide, locked = (load_persona(n)["x"] for n in ("demo", "wide_open", "locked_down"))
    assert demo["settings"] == {
        "protected": False, "protect_videos": False, "photo_tagging": "Anyone",
        "discover_email": False, "discover_phone": True, "post_location": False,
        "personalize_location": True, "dm_requests": "Everyone", "dm_filter": True,
        "read_receipts": True}
    assert "social worker" in demo["profile"]["bio"] and demo["profile"]["location"] == "Northshire"
    assert any("court" in p["text"] and p["place"] for p in demo["posts"])

    assert "Northshire County Council" in wide["profile"]["bio"]
    assert wide["profile"]["birth_date_visibility"] == wide["profile"]["birth_year_visibility"] == "Public"
    for word in ("court", "home visit", "safeguarding"):
        assert any(word in p["text"].lower() for p in wide["posts"]), word
    assert sum(bool(p["place"]) for p in wide["posts"]) >= 5
    assert wide["followers"]["names"][3] == "Jordan Lee"
    assert wide["following"]["names"][3] == "Casey Morgan"
    s = wide["settings"]
    assert s["photo_tagging"] == "Anyone" and s["dm_requests"] == "Everyone"
    assert s["discover_email"] and s["discover_phone"] and s["post_location"] and not s["protected"]

    s = locked["settings"]
    assert s["protected"] and s["photo_tagging"] == "Off" and s["dm_requests"] == "No one"
    assert not (s["discover_email"] or s["discover_phone"] or s["post_location"])
    assert not locked["profile"]["location"]
    work = ("court", "visit", "safeguard", "case", "council", "social work", "placement")
    blob = " ".join([locked["profile"]["bio"]] + [p["text"] for p in locked["posts"]]).lower()
    assert not any(word in blob for word in work)


@pytest.mark.parametrize("old, new, error", [
    ('photo_tagging = "Anyone"', 'photo_tagging = "Everybody"',
     r"x\.settings\.photo_tagging: 'Everybody' is not one of Anyone, Only people you follow, Off"),
    ("protected = false", 'protected = "no"', r"x\.settings\.protected: expected bool"),
    ('handle = "samtaylor_sw"', 'handle = "@samtaylor_sw"', r"x\.handle: '@samtaylor_sw' must be"),
    ('birth_year_visibility = "Only you"', 'birth_year_visibility = "Friends"',
     r"x\.profile\.birth_year_visibility: 'Friends' is not one of Public, "),
    ('location = "Northshire"\n', 'location = "Northshire"\nage = 37\n',
     r"x\.profile\.age: unknown key"),
    ('id = "1919566203847512069"', 'id = "1967345612098765441"',
     r"x\.posts\[\d\]\.id: '1967345612098765441' is used twice"),
    ('date = "2025-05-06"', 'date = "May 6th"', r"x\.posts\[2\]\.date: 'May 6th' is not a date"),
    ('user_id = "1187654321098765432"', 'user_id = 1187654321098765432',
     r"x\.user_id: expected str"),
])
def test_x_persona_errors_name_the_file_and_the_key(tmp_path: Path, old, new, error):
    demo = (PERSONAS / "demo.toml").read_text()
    assert demo.count(old) == 1, old
    bad = tmp_path / "bad.toml"
    bad.write_text(demo.replace(old, new))
    with pytest.raises(PersonaError, match=r"^bad\.toml: " + error):
        load_persona(bad)


def test_generated_posts_and_followers_are_deterministic(tmp_path: Path):
    big = tmp_path / "big.toml"
    big.write_text('[person]\nname = "Bea Bench"\n[x]\nhandle = "beabench"\n'
                   'user_id = "1999999999999999999"\nemail = "bea@example.org"\npassword = "x"\n'
                   'posts_generate = 45\n[x.followers]\nnames = ["Jordan Lee"]\ngenerate = 500\n')
    first, second = load_persona(big)["x"], load_persona(big)["x"]
    assert first == second
    assert len(first["posts"]) == 45 and len({p["id"] for p in first["posts"]}) == 45
    assert len(set(first["followers"]["names"])) == 501
    app = XReplica(load_persona(big))
    with ReplicaServer(app) as server:
        page = fetch(server, "/beabench/followers", cookies=owner_cookies(app))
        handles = [c.texts()[1] for c in page.testid("UserCell")]
        assert len(set(handles)) == 501


# -- a real browser ------------------------------------------------------------------------


def route_to(origin: str, hosts: tuple[str, ...]):
    """A Playwright route handler sending the platform's hosts to the replica's origin, as
    the audit's site override does (the real host in X-Forwarded-Host; redirects followed
    here, since Chromium does not route the follow-up of a fulfilled 3xx)."""

    def handle(route, request):
        parts = urlsplit(request.url)
        if parts.hostname not in hosts:
            route.abort("blockedbyclient")
            return
        headers = {k: v for k, v in request.all_headers().items() if not k.startswith(":")}
        headers["X-Forwarded-Host"] = parts.hostname
        method, body = request.method, request.post_data_buffer
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        for _ in range(5):
            conn = http.client.HTTPConnection(origin.removeprefix("http://"), timeout=10)
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
            finally:
                conn.close()
            location = resp.getheader("Location")
            if resp.status not in (301, 302, 303) or not location:
                break
            target = urlsplit(location)
            path = target.path + (f"?{target.query}" if target.query else "")
            method, body = "GET", None
            headers.pop("content-type", None)
        out = {k: v for k, v in resp.getheaders() if k.lower() not in ("content-length", "connection")}
        route.fulfill(status=resp.status, headers=out, body=data)

    return handle


def launch_chromium(sync_api):
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at " + CHROMIUM)
    return sync_api.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"])


@pytest.mark.browser
def test_browser_owner_settings_and_logged_out_profile_through_a_route(app, server):
    sync_api = pytest.importorskip("playwright.sync_api")
    hosts = ("x.com",)
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            owner = browser.new_context(storage_state=app.storage_state())
            owner.route("**/*", route_to(server.origin, hosts))
            page = owner.new_page()
            page.goto("https://x.com/settings/audience_and_tagging")
            protect = page.get_by_role("checkbox", name="Protect your posts", exact=True)
            assert not protect.is_checked()
            assert page.get_by_role("link", name="Photo tagging Anyone can tag you").is_visible()
            protect.click()
            dialog = page.get_by_role("dialog", name="Protect your posts?")
            assert dialog.is_visible() and not app.writes  # nothing saved before confirming
            with page.expect_navigation():
                dialog.get_by_role("button", name="Protect").click()
            assert page.get_by_role("checkbox", name="Protect your posts", exact=True).is_checked()
            assert app.persona["x"]["settings"]["protected"] is True
            assert [(w["method"], w["path"], w["body"], w["host"]) for w in app.writes] == \
                [("POST", "/settings/audience_and_tagging", "protected=true", "x.com")]

            page.goto("https://x.com/settings/contacts")
            phone = page.get_by_role("switch", name="Let people who have your phone number find you on X")
            assert phone.is_checked()
            with page.expect_navigation():
                phone.click()
            assert app.persona["x"]["settings"]["discover_phone"] is False
            assert not page.get_by_role(
                "switch", name="Let people who have your phone number find you on X").is_checked()

            public = browser.new_context()
            public.route("**/*", route_to(server.origin, hosts))
            visitor = public.new_page()
            visitor.goto(f"https://x.com/{HANDLE}")
            assert visitor.title() == "Sam Taylor (@samtaylor_sw) / X"
            assert "Northshire" in visitor.get_by_test_id("UserLocation").inner_text()
            assert visitor.get_by_text("These posts are protected").is_visible()
            assert visitor.get_by_role("img", name="Protected account").count() == 1
            assert visitor.get_by_test_id("tweet").count() == 0
            assert visitor.get_by_test_id("BottomBar").is_visible()
            assert visitor.evaluate("window.__META_DATA__.isLoggedIn") is False
        finally:
            browser.close()
