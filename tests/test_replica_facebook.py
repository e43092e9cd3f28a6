"""The Facebook replica itself: pages, sessions, settings, faults, personas (README contract)."""

from __future__ import annotations

import http.client
import re
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from replicas.facebook import FEED_CHUNK_PATH, FacebookReplica
from replicas.personas import PersonaError, load_persona
from replicas.server import ReplicaServer

USER = "sam.taylor.5"
VIEWAS = "viewas=100000686899395"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def app():
    return FacebookReplica(load_persona("demo"))


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

    @property
    def visible(self) -> list[str]:
        return visible_text(self.text)


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


class _Text(HTMLParser):
    """Text nodes a reader would see: not inside <template>, <script> or <style>."""

    def __init__(self):
        super().__init__()
        self.hidden, self.texts = 0, []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("template", "script", "style")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("template", "script", "style")

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.texts


class _Roles(HTMLParser):
    def __init__(self, role):
        super().__init__()
        self.role, self.found = role, []

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("role") == self.role:
            self.found.append(dict(attrs))


def with_role(html: str, role: str) -> list[dict]:
    """The (entity-decoded) attributes of every element with this role."""
    parser = _Roles(role)
    parser.feed(html)
    return parser.found


def article_ids(html: str) -> list[str]:
    return re.findall(r'role="article" aria-labelledby="post-(\d+)-author"', html)


# -- sign-in and walls ---------------------------------------------------------------------


def test_login_sets_session_cookies_and_redirects(app, server):
    next_url = quote("https://www.facebook.com/settings/?tab=posts", safe="")
    page = fetch(server, f"/login/device-based/regular/login/?login_attempt=1&next={next_url}",
                 "POST", "email=sam.taylor%40example.org&pass=demo")
    assert page.status == 302
    assert page.location == "/settings/?tab=posts"
    cookies = {c.split("=", 1)[0]: c for c in page.headers.get_all("Set-Cookie")}
    assert set(cookies) == {"c_user", "xs", "datr"}
    for cookie in cookies.values():
        assert "Domain=.facebook.com; Path=/; Secure" in cookie and "SameSite=None" in cookie
    assert "HttpOnly" in cookies["xs"] and "HttpOnly" not in cookies["c_user"]
    assert cookies["c_user"].startswith("c_user=100012345678901;")

    session = "; ".join(c.split(";", 1)[0] for c in cookies.values())
    assert fetch(server, "/settings/?tab=posts", cookies=session).status == 200
    assert [w["path"] for w in app.writes] == ["/login/device-based/regular/login/"]
    assert "pass=demo" in app.writes[0]["body"]


def test_wrong_password_shows_the_error_and_sets_nothing(server):
    page = fetch(server, "/login/device-based/regular/login/?login_attempt=1&next=",
                 "POST", "email=sam.taylor%40example.org&pass=nope")
    assert page.status == 200 and page.headers.get_all("Set-Cookie") is None
    assert "The password that you've entered is incorrect." in page.visible
    assert 'id="login_form"' in page.text and "<title>Log into Facebook</title>" in page.text


@pytest.mark.parametrize("path", ["/me", "/me/", "/settings/", "/settings/?tab=posts",
                                  f"/{USER}/about", f"/{USER}/about_places",
                                  "/profile.php?id=100012345678901&sk=about_places"])
def test_logged_out_walls_redirect_to_login_with_next(server, path):
    page = fetch(server, path, headers={"X-Forwarded-Host": "www.facebook.com"})
    assert page.status == 302
    assert page.location.startswith("/login/?next=")
    assert parse_qs(urlsplit(page.location).query)["next"] == [f"https://www.facebook.com{path}"]


def test_me_redirects_the_owner_to_the_profile_keeping_the_query(app, server):
    page = fetch(server, f"/me?{VIEWAS}&privacy_source=timeline_gear_menu", cookies=owner_cookies(app))
    assert page.status == 302
    assert page.location == f"/{USER}?{VIEWAS}&privacy_source=timeline_gear_menu"


def test_home_carries_the_current_user_blob(app, server):
    page = fetch(server, "/", cookies=owner_cookies(app))
    assert '"CurrentUserInitialData": {"ACCOUNT_ID": "100012345678901", "NAME": "Sam Taylor"' in page.text
    assert 'role="navigation"' in page.text and f'href="/{USER}"' in page.text
    assert "<title>Log into Facebook</title>" in fetch(server, "/").text


def test_logout_clears_the_cookies(app, server):
    page = fetch(server, "/logout.php", cookies=owner_cookies(app))
    assert page.status == 302
    cleared = page.headers.get_all("Set-Cookie")
    assert sorted(c.split("=", 1)[0] for c in cleared) == ["c_user", "xs"]
    assert all("Max-Age=0" in c for c in cleared)


def test_expired_sessions_go_back_to_the_login_page(app, server):
    cookies = owner_cookies(app)
    assert fetch(server, "/settings/", cookies=cookies).status == 200
    app.expire_sessions()
    assert fetch(server, "/settings/", cookies=cookies).status == 302
    assert fetch(server, "/settings/", cookies=owner_cookies(app)).status == 200  # a fresh one


def test_storage_state_is_a_playwright_storage_state(app):
    state = app.storage_state()
    assert state["origins"] == []
    cookies = {c["name"]: c for c in state["cookies"]}
    assert set(cookies) == {"c_user", "xs", "datr"}
    for cookie in cookies.values():
        assert cookie["domain"] == ".facebook.com" and cookie["path"] == "/"
        assert cookie["secure"] is True and cookie["sameSite"] == "None"
        assert cookie["expires"] > time.time()
    assert cookies["xs"]["httpOnly"] and not cookies["c_user"]["httpOnly"]
    assert app.storage_state()["cookies"][1]["value"] == cookies["xs"]["value"]  # stable


# -- profile, About, friends, View As --------------------------------------------------------


def test_logged_out_profile_shows_public_posts_under_a_login_overlay(app, server):
    page = fetch(server, f"/{USER}")
    public = [p["id"] for p in app.persona["facebook"]["posts"] if p["audience"] == "Public"]
    assert article_ids(page.text) == public
    assert page.text.count("Shared with Public</title>") == len(public)
    assert 'role="dialog"' in page.text
    for text in ("See more on Facebook", "Log in", "Create new account"):
        assert text in page.visible
    assert '"USER_ID": "0"' in page.text
    assert "Social Worker at Northshire County Council" in page.visible  # public Intro
    assert "Lives in Kestlebury" not in page.text  # Friends only


def test_owner_profile_has_header_tabs_intro_and_first_chunk(app, server):
    page = fetch(server, f"/{USER}", cookies=owner_cookies(app))
    assert re.search(r'<h1 [^>]*>Sam Taylor</h1>', page.text)
    assert 'aria-label="Profile settings see more options"' in page.text
    assert "Edit profile" in page.visible
    for tab in ("Posts", "About", "Friends", "Photos"):
        assert re.search(rf'role="tab"[^>]*>{tab}</a>', page.text)
    assert "Intro" in page.visible and "Lives in Kestlebury" in page.visible
    assert len(article_ids(page.text)) == 10
    assert 'aria-label="14 September 2025">14 September 2025</a>' in page.text


def test_the_feed_loads_every_post_in_chunks_of_ten(app, server):
    cookies = owner_cookies(app)
    page = fetch(server, f"/{USER}", cookies=cookies)
    seen = article_ids(page.text)
    nxt = nxt_first = re.search(r'data-next="([^"]*)"', page.text).group(1).replace("&amp;", "&")
    while nxt:
        assert nxt.startswith(FEED_CHUNK_PATH)
        chunk = fetch(server, nxt, cookies=cookies)
        assert 0 < len(article_ids(chunk.text)) <= 10
        seen += article_ids(chunk.text)
        nxt = chunk.headers.get("X-Next-Chunk")
    assert seen == [p["id"] for p in app.persona["facebook"]["posts"]]

    app.faults.add(app.FEED_CHUNK_PATTERN, "status", status=500)
    assert fetch(server, f"/{USER}", cookies=cookies).status == 200
    assert fetch(server, nxt_first, cookies=cookies).status == 500


def test_owner_about_shows_audiences_edit_buttons_and_prompts(app, server):
    page = fetch(server, f"/{USER}/about_contact_and_basic_info", cookies=owner_cookies(app))
    assert "07700 900482" in page.visible and "21 June 1988" in page.visible
    assert 'aria-label="Edit privacy. Sharing with Only me."' in page.text
    assert 'aria-label="Edit phone number"' in page.text
    for prompt in ("Add a phone number", "Add an email address", "Add your address",
                   "Add your birthday"):
        assert prompt in page.visible
    nav = ["Overview", "Work and education", "Places lived", "Contact and basic info",
           "Family and relationships", "Details about you"]
    assert all(name in page.visible for name in nav)
    same = fetch(server, "/profile.php?id=100012345678901&sk=about_contact_and_basic_info",
                 cookies=owner_cookies(app))
    assert same.visible == page.visible


def test_view_as_hides_everything_not_public(app, server):
    cookies = owner_cookies(app)
    contact = fetch(server, f"/{USER}/about_contact_and_basic_info?{VIEWAS}", cookies=cookies)
    assert "This is what your profile looks like to:" in contact.visible
    assert "Exit View As" in contact.visible
    assert "07700 900482" not in contact.text and "21 June 1988" not in contact.text
    assert "Edit privacy" not in contact.text and "Add a phone number" not in contact.text

    family = fetch(server, f"/{USER}/about_family_and_relationships?{VIEWAS}", cookies=cookies)
    assert "Alex Taylor" in family.visible and "Sister" in family.visible
    assert "Pat Taylor" not in family.text and "In a relationship" not in family.text
    assert f'href="/{USER}/about_places?{VIEWAS}"' in family.text  # links keep View As

    profile = fetch(server, f"/{USER}?{VIEWAS}", cookies=cookies)
    public = [p["id"] for p in app.persona["facebook"]["posts"] if p["audience"] == "Public"]
    assert article_ids(profile.text) == public
    assert "Lives in Kestlebury" not in profile.text and "From Wrenford" in profile.visible


def test_friends_page_follows_the_friends_list_setting(app, server):
    cookies = owner_cookies(app)
    page = fetch(server, f"/{USER}/friends", cookies=cookies)
    assert "150 friends" in page.visible and page.text.count('role="listitem"') == 150
    assert "Jordan Lee" in page.visible and "Casey Morgan" in page.visible
    assert fetch(server, f"/{USER}/friends").status == 200  # Public: logged out sees it

    app.persona["facebook"]["settings"]["friends_list"] = "Friends"
    assert fetch(server, f"/{USER}/friends").status == 302
    hidden = fetch(server, f"/{USER}/friends?{VIEWAS}", cookies=cookies)
    assert "No friends to show" in hidden.visible and 'role="listitem"' not in hidden.text


def test_every_element_gets_generated_class_names(app, server):
    page = fetch(server, f"/{USER}", cookies=owner_cookies(app))
    body = page.text.split("<body", 1)[1]
    body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S)
    for tag in re.findall(r"<(?!/|svg\b|path\b|circle\b|title\b|template\b|br\b)[a-z][^>]*>", body):
        classes = re.search(r'class="([^"]*)"', tag)
        assert classes, tag
        assert all(re.fullmatch(r"x[0-9a-f]{6}", c) for c in classes.group(1).split()), tag
    other = FacebookReplica(load_persona("demo"))
    assert other._classes.classes("div") != app._classes.classes("div")


# -- settings ------------------------------------------------------------------------------


def row_value(page: Page, question: str) -> str:
    texts = page.visible
    return texts[texts.index(question) + 1]


def test_owner_settings_pages_show_the_persona_values(app, server):
    cookies = owner_cookies(app)
    posts = fetch(server, "/settings/?tab=posts", cookies=cookies)
    assert re.search(r"<h1 [^>]*>Posts</h1>", posts.text)
    assert row_value(posts, "Who can see your future posts?") == "Friends"
    assert "Limit Past Posts" in posts.visible

    find = fetch(server, "/settings/?tab=how_people_find_and_contact_you", cookies=cookies)
    assert row_value(find, "Who can send you friend requests?") == "Everyone"
    assert row_value(find, "Who can see your friends list?") == "Public"
    assert row_value(find, "Who can look you up using the email address you provided?") == "Friends"
    assert row_value(find, "Who can look you up using the phone number you provided?") == "Everyone"
    assert "Edit Who can see your friends list" in [b.get("aria-label") for b in
                                                    with_role(find.text, "button")]
    assert "Do you want search engines outside of Facebook to link to your profile?" in find.visible

    tagging = fetch(server, "/settings/?tab=profile_and_tagging", cookies=cookies)
    assert row_value(tagging, "Who can see posts that you're tagged in on your profile?") == \
        "Friends of friends"
    switches = {s["aria-label"]: s["aria-checked"]
                for page in (find, tagging) for s in with_role(page.text, "switch")}
    assert switches == {
        "Allow search engines outside of Facebook to link to your profile": "true",
        "Review tags that friends add to your posts before the tags appear on Facebook?": "false",
        "Review posts that you're tagged in before the post appears on your profile?": "true",
    }


def test_settings_update_changes_the_persona_and_is_logged(app, server):
    cookies = owner_cookies(app)
    tab = "how_people_find_and_contact_you"
    page = fetch(server, f"/settings/update/?tab={tab}", "POST",
                 "friends_list=Only+me&search_engines=false", cookies=cookies)
    assert page.status == 302 and page.location == f"/settings/?tab={tab}"
    settings = app.persona["facebook"]["settings"]
    assert settings["friends_list"] == "Only me" and settings["search_engines"] is False
    assert app.writes == [{"method": "POST", "path": "/settings/update/", "query": f"tab={tab}",
                           "body": "friends_list=Only+me&search_engines=false",
                           "host": server.origin.removeprefix("http://")}]
    shown = fetch(server, f"/settings/?tab={tab}", cookies=cookies)
    assert row_value(shown, "Who can see your friends list?") == "Only me"

    bad = fetch(server, f"/settings/update/?tab={tab}", "POST", "friends_list=Everybody",
                cookies=cookies)
    assert bad.status == 400 and settings["friends_list"] == "Only me"
    assert fetch(server, "/settings/update/?tab=posts", "POST", "friends_list=Public",
                 cookies=cookies).status == 400  # not a row of that tab
    assert len(app.writes) == 3


def test_limit_past_posts_restricts_public_posts(app, server):
    fetch(server, "/settings/update/?tab=posts", "POST", "limit_past_posts=1",
          cookies=owner_cookies(app))
    audiences = {p["audience"] for p in app.persona["facebook"]["posts"]}
    assert audiences == {"Friends", "Only me"}


def test_french_ui(server, app):
    app.persona["facebook"]["ui_language"] = "fr"
    cookies = owner_cookies(app)
    page = fetch(server, "/settings/?tab=how_people_find_and_contact_you", cookies=cookies)
    assert '<html lang="fr"' in page.text
    assert row_value(page, "Qui peut voir votre liste d'amis ?") == "Public"
    assert row_value(page, "Qui peut vous trouver à l'aide de l'adresse e-mail que vous avez "
                           "fournie ?") == "Amis"
    assert not any("Who can" in text for text in page.visible)
    app.persona["facebook"]["settings"]["friends_list"] = "Only me"
    page = fetch(server, "/settings/?tab=how_people_find_and_contact_you", cookies=cookies)
    assert row_value(page, "Qui peut voir votre liste d'amis ?") == "Moi uniquement"

    about = fetch(server, f"/{USER}/about_contact_and_basic_info", cookies=cookies)
    assert "Coordonnées et informations générales" in about.visible
    assert "Date de naissance" in about.visible and "21 juin 1988" in about.visible
    assert "Modifier la confidentialité. Partagé avec Amis." in about.text
    assert '<html lang="en"' in fetch(server, f"/{USER}").text  # logged out: the visitor's


# -- faults --------------------------------------------------------------------------------


def test_status_and_later_faults_win(app, server):
    app.faults.add(r"^/settings", "status", status=500)
    assert fetch(server, "/settings/?tab=posts").status == 500
    app.faults.add(r"tab=posts", "status", status=404)
    assert fetch(server, "/settings/?tab=posts").status == 404
    assert fetch(server, "/settings/?tab=profile_and_tagging").status == 500
    app.faults.clear()
    assert fetch(server, "/settings/?tab=posts").status == 302


def test_rate_limit_with_retry_after_for_the_first_n_requests(app, server):
    app.faults.add(r"^/" + USER, "rate_limit", retry_after=7, times=2)
    for _ in range(2):
        page = fetch(server, f"/{USER}")
        assert page.status == 429 and page.headers["Retry-After"] == "7"
    assert fetch(server, f"/{USER}").status == 200


def test_hang_is_released_when_the_server_stops(app):
    server = ReplicaServer(app).start()
    app.faults.add(r"^/me", "hang")
    outcome = []

    def request():
        try:
            outcome.append(fetch(server, "/me", timeout=30).status)
        except (OSError, http.client.HTTPException) as e:
            outcome.append(e)

    thread = threading.Thread(target=request)
    thread.start()
    time.sleep(0.3)
    assert thread.is_alive()  # held
    started = time.monotonic()
    server.stop()
    thread.join(5)
    assert not thread.is_alive() and outcome
    assert time.monotonic() - started < 3


def test_slow_empty_and_redirect_faults(app, server):
    app.faults.add(r"^/checkpoint", "slow", seconds=0.3)
    started = time.monotonic()
    assert fetch(server, "/checkpoint/").status == 200
    assert time.monotonic() - started >= 0.3

    app.faults.add(r"^/$", "empty")
    assert fetch(server, "/").text == "<html><body></body></html>"

    app.faults.add(r"^/login", "redirect_loop")
    page = fetch(server, "/login/?next=%2F")
    assert page.status == 302 and page.location == "/login/?next=%2F"


def test_login_wall_and_checkpoint_faults(app, server):
    cookies = owner_cookies(app)
    app.faults.add(r"^/settings", "login_wall")
    page = fetch(server, "/settings/?tab=posts", cookies=cookies,
                 headers={"X-Forwarded-Host": "www.facebook.com"})
    assert page.status == 302
    assert page.location == "/login/?next=" + quote("https://www.facebook.com/settings/?tab=posts", safe="")

    app.faults.add(r"^/" + USER, "checkpoint")
    page = fetch(server, f"/{USER}", cookies=cookies)
    assert page.status == 302 and page.location == "/checkpoint/"
    checkpoint = fetch(server, page.location)
    assert "<title>Confirm it's you</title>" in checkpoint.text
    assert any(t.startswith("We noticed unusual activity") for t in checkpoint.visible)


def test_replace_wrap_and_third_party_faults(app, server):
    cookies = owner_cookies(app)
    tab = "/settings/?tab=how_people_find_and_contact_you"
    app.faults.add(r"tab=how_people", "replace",
                   mapping={"Who can see your friends list?": "Who may view your friends?"})
    page = fetch(server, tab, cookies=cookies)
    assert "Who may view your friends?" in page.visible
    assert "Who can see your friends list?" not in page.text
    assert int(page.headers["Content-Length"]) == len(page.text.encode())

    app.faults.add(r"^/$", "wrap", extra=3)
    assert re.search(r"<body [^>]*><div><div><div>", fetch(server, "/", cookies=cookies).text)

    app.faults.add(r"^/" + USER, "third_party")
    page = fetch(server, f"/{USER}")
    assert '<script src="https://tracker.example.net/t.js">' in page.text
    assert '<img src="https://ads.example.com/p.gif"' in page.text


def test_writes_are_logged_whatever_the_outcome(app, server):
    app.faults.add(r"^/settings/update", "status", status=500)
    assert fetch(server, "/settings/update/?tab=posts", "POST", "future_posts=Public").status == 500
    assert app.writes[0]["path"] == "/settings/update/"
    assert app.persona["facebook"]["settings"]["future_posts"] == "Friends"


def test_unknown_fault_kind_and_non_loopback_host_are_refused(app):
    with pytest.raises(ValueError):
        app.faults.add(".", "explode")
    with pytest.raises(TypeError):
        app.faults.add(".", "status")  # no status given
    with pytest.raises(ValueError):
        ReplicaServer(app, host="0.0.0.0")


# -- personas ------------------------------------------------------------------------------


def test_personas_load_and_have_what_the_tests_rely_on():
    wide, locked = load_persona("wide_open")["facebook"], load_persona("locked_down")["facebook"]
    assert all(item["audience"] == "Public" for item in wide["about"])
    assert not any(item["audience"] == "Public" for item in locked["about"])
    assert not any(post["audience"] == "Public" for post in locked["posts"])
    assert {item["field"] for item in wide["about"]} == {item["field"] for item in locked["about"]}
    demo = load_persona("demo")
    assert demo["person"]["name"] == "Sam Taylor"
    assert load_persona("demo") == demo and load_persona("demo") is not demo


def test_persona_errors_name_the_file_and_the_key(tmp_path: Path):
    demo = (Path(__file__).parents[1] / "replicas/personas/demo.toml").read_text()
    bad = tmp_path / "bad.toml"
    bad.write_text(demo.replace('text = "Kestlebury"\naudience = "Friends"',
                                'text = "Kestlebury"\naudience = "Everybody"'))
    with pytest.raises(PersonaError, match=r"^bad\.toml: facebook\.about\[2\]\.audience: "
                                           r"'Everybody' is not one of Public, "):
        load_persona(bad)
    bad.write_text(demo.replace("search_engines = true", "search_engines = \"yes\""))
    with pytest.raises(PersonaError, match=r"^bad\.toml: facebook\.settings\.search_engines: "):
        load_persona(bad)
    bad.write_text(demo.replace('[person]\nname = "Sam Taylor"', "[person]"))
    with pytest.raises(PersonaError, match=r"^bad\.toml: person\.name: missing"):
        load_persona(bad)
    with pytest.raises(PersonaError, match="no persona file"):
        load_persona("nobody")


def test_generated_friends_and_posts_are_deterministic(tmp_path: Path):
    big = tmp_path / "big.toml"
    big.write_text('[person]\nname = "Bea Bench"\n[facebook]\nusername = "bea.bench"\n'
                   'user_id = "100099999999999"\nemail = "bea@example.org"\npassword = "x"\n'
                   'posts_generate = 300\n[facebook.friends]\nnames = ["Jordan Lee"]\n'
                   'generate = 2000\n')
    first, second = load_persona(big)["facebook"], load_persona(big)["facebook"]
    assert first == second
    names = first["friends"]["names"]
    assert len(names) == 2001 and len(set(names)) == 2001 and names.count("Jordan Lee") == 1
    assert len(first["posts"]) == 300 and len({p["audience"] for p in first["posts"]}) >= 4
    dates = [p["date"] for p in first["posts"]]
    assert dates == sorted(dates, reverse=True)


# -- a real browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_browser_scrolls_the_feed_until_every_post_is_an_article(app, server):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at " + CHROMIUM)
    # Cookies re-domained to the replica's own origin (the audit uses the site override).
    cookies = [{**c, "domain": "127.0.0.1", "secure": False, "sameSite": "Lax"}
               for c in app.storage_state()["cookies"]]
    expected = [p["id"] for p in app.persona["facebook"]["posts"]]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        try:
            context = browser.new_context()
            context.add_cookies(cookies)
            page = context.new_page()
            page.goto(f"{server.origin}/{USER}")
            articles = page.get_by_role("article")
            assert articles.count() == 10
            deadline = time.monotonic() + 20
            while articles.count() < len(expected) and time.monotonic() < deadline:
                page.mouse.wheel(0, 4000)
                page.wait_for_timeout(100)
            links = page.locator('[role="article"] a[href*="/posts/"]')
            ids = [href.rsplit("/", 1)[1] for href in
                   links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
            assert ids == expected
            assert page.get_by_role("progressbar").count() == 0
        finally:
            browser.close()
