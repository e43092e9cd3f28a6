"""The LinkedIn replica itself: pages, sessions, walls, settings, faults, personas (README contract)."""

from __future__ import annotations

import http.client
import json
import re
import time
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

# The page reader, HTTP helper and browser route are shared with the X replica's tests.
from test_replica_x import Page, fetch, launch_chromium, owner_cookies, route_to, text

from replicas.linkedin import CONNECTIONS_PATH, LinkedInReplica, connection_vanity
from replicas.personas import PersonaError, load_persona
from replicas.server import ReplicaServer

VANITY = "sam-taylor-sw"
PROFILE = f"/in/{VANITY}/"
PROFILE_URL = f"https://www.linkedin.com{PROFILE}"
LINKEDIN = {"X-Forwarded-Host": "www.linkedin.com"}
PERSONAS = Path(__file__).parents[1] / "replicas/personas"
PRIVACY = "/mypreferences/d/categories/privacy"
PUBLIC_SETTINGS = "/public-profile/settings"


@pytest.fixture
def app():
    return LinkedInReplica(load_persona("demo"))


@pytest.fixture
def server(app):
    with ReplicaServer(app) as server:
        yield server


def get(server, path, cookies="", **kw) -> Page:
    """A request as the browser makes it through the site override (the real host forwarded)."""
    return fetch(server, path, cookies=cookies, headers=LINKEDIN, **kw)


def tags(page: Page, tag: str):
    return page.tree.find(lambda n: n.tag == tag)


def headings(page: Page, tag: str = "h2") -> list[str]:
    return [text([h]) for h in tags(page, tag)]


def ld_json(page: Page) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.text, re.S)
    return json.loads(match.group(1)) if match else {}


def person(page: Page) -> dict:
    return next(n for n in ld_json(page)["@graph"] if n["@type"] == "Person")


def labelled(page: Page) -> dict[str, dict]:
    """Each <label for=…>'s text -> the attributes of the input it names."""
    inputs = {n.attrs["id"]: n.attrs for n in tags(page, "input") if "id" in n.attrs}
    return {text([label]): inputs[label.attrs["for"]] for label in tags(page, "label")
            if label.attrs.get("for") in inputs}


def switches(page: Page) -> dict[str, str]:
    """Each button switch's label (aria-labelledby) -> its aria-checked."""
    by_id = {n.attrs["id"]: n for n in page.tree.find(lambda n: "id" in n.attrs)}
    return {text([by_id[b.attrs["aria-labelledby"]]]): b.attrs["aria-checked"]
            for b in page.tree.find(lambda n: n.attrs.get("role") == "switch" and n.tag == "button")}


def cookie_headers(page: Page) -> dict[str, str]:
    return {c.split("=", 1)[0]: c for c in page.headers.get_all("Set-Cookie")}


# -- sign-in and walls ---------------------------------------------------------------------


def test_login_sets_session_cookies_and_redirects(app, server):
    body = "session_key=sam.taylor%40example.org&session_password=demo&session_redirect=" + \
        quote(f"https://www.linkedin.com{PRIVACY}", safe="")
    page = get(server, "/checkpoint/lg/login-submit", method="POST", body=body)
    assert page.status == 302 and page.location == PRIVACY
    cookies = cookie_headers(page)
    assert set(cookies) == {"li_at", "JSESSIONID", "bcookie", "li_rm"}
    for cookie in cookies.values():
        assert "Domain=.linkedin.com; Path=/; Secure" in cookie and "SameSite=None" in cookie
    assert "HttpOnly" in cookies["li_at"]
    assert not any("HttpOnly" in cookies[n] for n in ("JSESSIONID", "bcookie", "li_rm"))
    assert re.match(r'JSESSIONID="ajax:\d{19}";', cookies["JSESSIONID"])

    session = "; ".join(c.split(";", 1)[0] for c in cookies.values())
    assert get(server, PRIVACY, cookies=session).status == 200
    only_li_at = cookies["li_at"].split(";", 1)[0]
    assert get(server, PRIVACY, cookies=only_li_at).status == 200  # li_at is the session
    assert get(server, PRIVACY, cookies="li_at=AQEDAforged").status == 302
    assert [w["path"] for w in app.writes] == ["/checkpoint/lg/login-submit"]
    assert "session_password=demo" in app.writes[0]["body"]


@pytest.mark.parametrize("key, redirect, target", [
    ("sam.taylor@example.org", "", "/feed/"),
    ("SAM.TAYLOR@EXAMPLE.ORG", "/in/sam-taylor-sw/", "/in/sam-taylor-sw/"),
    ("07700900482", "https://www.linkedin.com/mynetwork/?a=1", "/mynetwork/?a=1"),
    ("07700 900482", "https://evil.example.net/phish", "/feed/"),
    ("sam.taylor@example.org", "//evil.example.net/", "/feed/"),
])
def test_login_accepts_the_email_or_the_phone_and_stays_on_linkedin(server, key, redirect, target):
    body = f"session_key={quote(key)}&session_password=demo&session_redirect={quote(redirect, safe='')}"
    page = get(server, "/checkpoint/lg/login-submit", method="POST", body=body)
    assert page.status == 302 and page.location == target


def test_login_page_and_wrong_credentials(app, server):
    for path in ("/login", "/uas/login"):
        page = get(server, path + "?session_redirect=" + quote(PROFILE_URL, safe=""))
        assert "<title>LinkedIn Login, Sign in | LinkedIn</title>" in page.text
        assert headings(page, "h1") == ["Sign in"]
        form = tags(page, "form")[0]
        assert form.attrs["action"] == "/checkpoint/lg/login-submit"
        fields = labelled(page)
        assert fields["Email or phone"]["name"] == "session_key"
        assert fields["Password"]["name"] == "session_password"
        assert fields["Password"]["type"] == "password"
        hidden = [i.attrs for i in tags(page, "input") if i.attrs.get("type") == "hidden"]
        assert [(h["name"], h["value"]) for h in hidden] == [("session_redirect", PROFILE_URL)]
        assert "Sign in" in text(tags(page, "button"))
        assert {"Forgot password?", "Join now"} <= set(page.visible)

    for body in ("session_key=sam.taylor%40example.org&session_password=nope",
                 "session_key=nobody%40example.org&session_password=demo"):
        page = get(server, "/checkpoint/lg/login-submit", method="POST", body=body)
        assert page.status == 200 and page.headers.get_all("Set-Cookie") is None
        alert = page.tree.find(lambda n: n.attrs.get("role") == "alert")
        assert text(alert) == "Wrong email or password. Try again or create an account."
    assert len(app.writes) == 2


@pytest.mark.parametrize("path", [
    "/feed/", "/mynetwork/", CONNECTIONS_PATH, f"{CONNECTIONS_PATH}?start=40&count=40",
    "/messaging/", "/notifications/", PRIVACY, "/mypreferences/d/profile-viewing-options",
    "/mypreferences/d/nothing-here", "/psettings/privacy", "/psettings/activity-broadcast",
    f"{PUBLIC_SETTINGS}?trk=d_flagship3_profile_self_view_public_profile",
    f"{PROFILE}overlay/contact-info/", f"{PROFILE}details/experience/", "/in/me/",
])
def test_logged_out_walls_go_to_the_login_page(server, path):
    page = get(server, path)
    assert page.status == 302
    assert page.location == "/login?session_redirect=" + quote("https://www.linkedin.com" + path, safe="")


def test_a_hidden_public_profile_goes_to_the_authwall():
    app = LinkedInReplica(load_persona("locked_down"))
    with ReplicaServer(app) as server:
        page = get(server, "/in/robin-hale-7b2/")
        assert page.status == 302
        parts = urlsplit(page.location)
        assert parts.path == "/authwall"
        assert re.fullmatch(r"trk=public_profile&trkInfo=[\w-]+&originalReferer=&sessionRedirect="
                            + re.escape(quote("https://www.linkedin.com/in/robin-hale-7b2/", safe="")),
                            parts.query)
        wall = get(server, page.location)
        assert "<title>Sign Up | LinkedIn</title>" in wall.text
        assert headings(wall, "h1") == ["Make the most of your professional life"]
        links = {text([a]): a.attrs["href"] for a in tags(wall, "a")}
        assert links["Join now"] == "/signup"
        assert links["Sign in"] == "/login?session_redirect=" + quote(
            "https://www.linkedin.com/in/robin-hale-7b2/", safe="")
        assert "Robin" not in wall.text and "Practice Educator" not in wall.text
        # The owner still sees everything.
        owner = get(server, "/in/robin-hale-7b2/", cookies=owner_cookies(app))
        assert owner.status == 200 and headings(owner, "h1") == ["Robin Hale"]


def test_landing_feed_navigation_and_logout(app, server):
    landing = get(server, "/")
    assert "Welcome to your professional community" in landing.visible
    assert {"Sign in", "Join now"} <= set(landing.visible)
    cookies = owner_cookies(app)
    assert get(server, "/", cookies=cookies).location == "/feed/"

    feed = get(server, "/feed/", cookies=cookies)
    assert "<title>Feed | LinkedIn</title>" in feed.text
    nav = feed.tree.find(lambda n: n.tag == "nav" and n.attrs.get("aria-label") == "Primary Navigation")[0]
    links = {text([a]): a.attrs["href"] for a in nav.find(lambda n: n.tag == "a")}
    assert {k: links[k] for k in ("Home", "My Network", "Jobs", "Messaging", "Notifications")} == {
        "Home": "/feed/", "My Network": "/mynetwork/", "Jobs": "/jobs/",
        "Messaging": "/messaging/", "Notifications": "/notifications/"}
    me = nav.find(lambda n: n.tag == "button" and n.attrs.get("aria-label") == "Me")[0]
    assert me.attrs["aria-expanded"] == "false"
    menu = feed.tree.find(lambda n: n.attrs.get("role") == "menu")[0]
    assert "hidden" in menu.attrs and {"Sam Taylor", "Social Worker at Northshire County Council"} <= set(menu.texts())
    assert {text([a]): a.attrs["href"] for a in menu.find(lambda n: n.tag == "a")} == {
        "View Profile": PROFILE, "Settings & Privacy": "/mypreferences/d/categories/account",
        "Sign Out": "/m/logout/"}
    rail = feed.tree.find(lambda n: n.tag == "aside")[0]
    assert rail.find(lambda n: n.tag == "a" and n.attrs["href"] == PROFILE and "Sam Taylor" in n.texts())

    for path, heading in [("/messaging/", "Messaging"), ("/jobs/", "Jobs"),
                          ("/notifications/", "Notifications")]:
        assert headings(get(server, path, cookies=cookies), "h1") == [heading]
    assert get(server, "/jobs/").status == 200  # a guest page, unlike the other two

    network = get(server, "/mynetwork/", cookies=cookies)
    assert "Manage my network" in network.visible
    assert any(a.attrs["href"] == CONNECTIONS_PATH for a in tags(network, "a"))

    out = get(server, "/m/logout/", cookies=cookies)
    assert out.status == 302 and out.location == "/"
    cleared = cookie_headers(out)
    assert set(cleared) == {"li_at", "JSESSIONID", "li_rm"}
    assert all("Max-Age=0" in c for c in cleared.values())
    assert get(server, "/feed/", cookies=cookies).status == 302  # that session is over
    assert get(server, "/feed/", cookies=owner_cookies(app)).status == 200  # a fresh one


def test_storage_state_and_expired_sessions(app, server):
    state = app.storage_state()
    assert state["origins"] == []
    cookies = {c["name"]: c for c in state["cookies"]}
    assert set(cookies) == {"li_at", "JSESSIONID", "bcookie", "li_rm"}
    for cookie in cookies.values():
        assert cookie["domain"] == ".linkedin.com" and cookie["path"] == "/"
        assert cookie["secure"] is True and cookie["sameSite"] == "None"
        assert cookie["expires"] > time.time()
    assert cookies["li_at"]["httpOnly"] and not cookies["JSESSIONID"]["httpOnly"]
    assert re.fullmatch(r'"ajax:\d{19}"', cookies["JSESSIONID"]["value"])
    assert app.storage_state()["cookies"][0]["value"] == cookies["li_at"]["value"]  # stable

    session = owner_cookies(app)
    assert get(server, "/feed/", cookies=session).status == 200
    app.expire_sessions()
    assert get(server, "/feed/", cookies=session).status == 302
    assert get(server, "/feed/", cookies=owner_cookies(app)).status == 200


def test_hosts_checkpoint_and_unknown_pages(app, server):
    bare = fetch(server, f"{PROFILE}?trk=x", headers={"X-Forwarded-Host": "linkedin.com"})
    assert bare.status == 301 and bare.location == f"https://www.linkedin.com{PROFILE}?trk=x"
    assert fetch(server, PROFILE).status == 200  # no forwarded host: www.linkedin.com
    image = person(get(server, PROFILE))["image"]["contentUrl"]
    conn = http.client.HTTPConnection(server.origin.removeprefix("http://"), timeout=10)
    try:
        conn.request("GET", image.removeprefix("https://media.licdn.com"),
                     headers={"X-Forwarded-Host": "media.licdn.com"})
        media = conn.getresponse()
        assert media.status == 200 and media.getheader("Content-Type") == "image/png"
        assert media.read().startswith(b"\x89PNG")
    finally:
        conn.close()

    checkpoint = get(server, "/checkpoint/challenge/AgHxyz")
    assert "<title>Security Verification | LinkedIn</title>" in checkpoint.text
    assert headings(checkpoint, "h1") == ["Let’s do a quick security check"]
    assert any(t.startswith("We just need to verify it’s you") for t in checkpoint.visible)

    for path in ("/in/somebody-else/", "/nothing/here", f"{PROFILE}details/nothing/"):
        page = get(server, path, cookies=owner_cookies(app))
        assert page.status == 404 and "This page doesn’t exist" in page.visible, path
    assert get(server, "/in/somebody-else/").status == 404


# -- profiles ------------------------------------------------------------------------------


def test_logged_out_public_profile(app, server):
    page = get(server, PROFILE)
    assert page.status == 200
    assert "<title>Sam Taylor - Social Worker at Northshire County Council | LinkedIn</title>" in page.text
    assert headings(page, "h1") == ["Sam Taylor"]
    assert {"Social Worker at Northshire County Council", "Northshire, England, United Kingdom",
            "136 connections"} <= set(page.visible)
    assert [i.attrs["alt"] for i in tags(page, "img")] == ["Sam Taylor"]
    # Volunteering, causes and groups are switched off in the demo persona.
    assert [h for h in headings(page) if not h.startswith("Sign in")] == [
        "About", "Activity", "Experience", "Education", "Skills", "Websites"]
    for hidden in ("Kestlebury Food Bank", "Animal welfare", "Northshire Social Workers Network",
                   "sam.taylor@example.org", "07700 900482", "June 21", "Contact info"):
        assert hidden not in page.text, hidden
    articles = page.tree.find(lambda n: n.attrs.get("role") == "article")
    assert [a.find(lambda n: n.tag == "time")[0].attrs["datetime"] for a in articles] == [
        "2025-06-02", "2025-02-14"]

    ld = ld_json(page)
    assert ld["@context"] == "http://schema.org"
    p = person(page)
    assert p["name"] == "Sam Taylor" and p["url"] == p["sameAs"] == f"https://www.linkedin.com/in/{VANITY}"
    assert p["jobTitle"] == ["Social Worker"]
    assert [(o["name"], o["member"]) for o in p["worksFor"]] == [
        ("Northshire County Council", {"@type": "OrganizationRole", "startDate": 2019}),
        ("Kestlebury Family Centre", {"@type": "OrganizationRole", "startDate": 2015, "endDate": 2019})]
    assert [(s["name"], s["member"]["startDate"], s["member"]["endDate"]) for s in p["alumniOf"]] == [
        ("University of Kestlebury", 2012, 2015)]
    assert p["address"]["addressLocality"] == "Northshire, England, United Kingdom"
    assert p["image"]["contentUrl"].startswith("https://media.licdn.com/dms/image/")
    assert p["description"].startswith("Children's social worker")
    assert [(a["datePublished"][:10], a["headline"][:5]) for a in ld["@graph"] if a["@type"] == "Article"] == [
        ("2025-06-02", "Proud"), ("2025-02-14", "Great")]

    modal = page.tree.find(lambda n: n.attrs.get("role") == "dialog")[0]
    assert modal.attrs["data-tracking-control-name"] == "public_profile_contextual-sign-in-modal"
    assert "Sign in to view Sam Taylor’s full profile" in modal.texts()
    assert {"Sign in", "Join now"} <= set(modal.texts())
    nav = {a.attrs.get("data-tracking-control-name"): a.attrs["href"] for a in tags(page, "a")}
    assert nav["public_profile_nav-header-join"] == "/signup"
    assert nav["public_profile_nav-header-signin"] == "/login?session_redirect=" + quote(PROFILE_URL, safe="")


# (switch, value, text that must vanish from the page, JSON-LD check once it is off)
SECTION_CASES = [
    ("headline", False, "Social Worker at Northshire County Council", lambda ld: True),
    ("summary", False, "relationship-based practice", lambda ld: "description" not in ld),
    ("activity", False, "practice educator award", lambda ld: True),
    ("current_experience", False, ">Social Worker<",
     lambda ld: "jobTitle" not in ld
     and [o["name"] for o in ld["worksFor"]] == ["Kestlebury Family Centre"]),
    ("past_experience", False, "Kestlebury Family Centre",
     lambda ld: [o["name"] for o in ld["worksFor"]] == ["Northshire County Council"]),
    ("education", False, "University of Kestlebury", lambda ld: "alumniOf" not in ld),
    ("skills", False, "Care planning", lambda ld: True),
    ("websites", False, "example.org/sam", lambda ld: True),
    ("photo", "Your network", 'alt="Sam Taylor"', lambda ld: "image" not in ld),
]


@pytest.mark.parametrize("key, value, gone, ld_check", SECTION_CASES, ids=[c[0] for c in SECTION_CASES])
def test_each_public_profile_switch_hides_its_part(app, server, key, value, gone, ld_check):
    assert gone in get(server, PROFILE).text
    app.persona["linkedin"]["public_profile"][key] = value
    page = get(server, PROFILE)
    assert gone not in page.text
    assert ld_check(person(page))
    if key == "activity":
        assert not [n for n in ld_json(page)["@graph"] if n["@type"] == "Article"]
        assert "Activity" not in headings(page)
    if key == "headline":
        assert "<title>Sam Taylor | LinkedIn</title>" in page.text
    # The owner's own view is not affected (the owner finds the websites in the contact info).
    if key != "websites":
        assert gone in get(server, PROFILE, cookies=owner_cookies(app)).text


def test_sections_switched_on_appear_and_last_initial_applies_to_the_public():
    app = LinkedInReplica(load_persona("wide_open"))
    app.persona["linkedin"]["settings"]["last_name"] = "Last initial"
    with ReplicaServer(app) as server:
        page = get(server, "/in/jamie-collins-sp/")
        assert [h for h in headings(page) if not h.startswith("Sign in")] == [
            "About", "Activity", "Experience", "Education", "Volunteer Experience", "Skills",
            "Websites", "Causes", "Groups"]
        assert {"Eastbrook Juniors Running Club", "Northshire Runners", "Health"} <= set(page.visible)
        assert headings(page, "h1") == ["Jamie C."]
        assert person(page)["name"] == "Jamie C." and "Collins" not in page.text
        assert page.text.count("<title>Jamie C. - ") == 1
        owner = get(server, "/in/jamie-collins-sp/", cookies=owner_cookies(app))
        assert headings(owner, "h1") == ["Jamie Collins"]


def test_the_owner_sees_everything(app, server):
    cookies = owner_cookies(app)
    page = get(server, PROFILE, cookies=cookies)
    assert "<title>Sam Taylor | LinkedIn</title>" in page.text and not ld_json(page)
    assert headings(page) == ["About", "Activity", "Experience", "Education", "Volunteering",
                              "Skills", "Causes", "Groups"]
    links = {text([a]): a.attrs["href"] for a in tags(page, "a")}
    assert links["136 connections"] == CONNECTIONS_PATH
    app.persona["linkedin"]["connections"]["names"] += [f"Extra Person {i}" for i in range(400)]
    assert "500+ connections" in get(server, PROFILE, cookies=cookies).visible
    assert "500+ connections" in get(server, PROFILE).visible
    assert links["Contact info"] == f"{PROFILE}overlay/contact-info/"
    assert links["Public profile & URL"] == f"{PUBLIC_SETTINGS}?trk=d_flagship3_profile_self_view_public_profile"
    assert not page.tree.find(lambda n: n.attrs.get("role") == "dialog")
    assert get(server, "/in/me/", cookies=cookies).location == PROFILE
    assert get(server, "/in/me/details/skills/", cookies=cookies).location == f"{PROFILE}details/skills/"

    contact = get(server, f"{PROFILE}overlay/contact-info/", cookies=cookies)
    dialog = contact.tree.find(lambda n: n.attrs.get("role") == "dialog")[0]
    assert headings(contact, "h3") == ["Sam Taylor’s Profile", "Email", "Phone", "Websites", "Birthday"]
    assert {"linkedin.com/in/sam-taylor-sw", "sam.taylor@example.org", "07700 900482",
            "https://example.org/sam", "June 21"} <= set(dialog.texts())
    assert text(dialog.find(lambda n: n.tag == "h2")) == "Contact info"

    details = get(server, f"{PROFILE}details/experience/", cookies=cookies)
    assert headings(details, "h1") == ["Experience"]
    assert {"Social Worker", "Family Support Worker", "2015 - 2019"} <= set(details.visible)
    post = get(server, "/feed/update/urn:li:activity:7201234567890123456/", cookies=cookies)
    assert "Proud to have completed my practice educator award this month." in post.visible


def test_connections_page_and_its_chunks(app, server):
    cookies = owner_cookies(app)
    names = app.persona["linkedin"]["connections"]["names"]
    assert len(names) == 136
    page = get(server, CONNECTIONS_PATH, cookies=cookies)
    assert "<title>Connections | LinkedIn</title>" in page.text
    assert headings(page, "h1") == ["136 Connections"]
    listing = page.tree.find(lambda n: n.tag == "ul" and n.attrs.get("role") == "list")[0]
    items = listing.find(lambda n: n.tag == "li")
    assert len(items) == 40
    first = items[0].find(lambda n: n.tag == "a")[0]
    assert first.attrs["href"] == f"/in/{connection_vanity('Hannah Ridley')}/"
    assert re.fullmatch(r"/in/hannah-ridley-[0-9a-f]{4}/", first.attrs["href"])
    assert text(first.find(lambda n: n.tag == "span")) == "Hannah Ridley"
    assert "Message" in text(items[0].find(lambda n: n.tag == "button"))
    assert "Show more results" in page.visible

    seen = [text(li.find(lambda n: n.tag == "span")[:1]) for li in items]
    nxt = listing.attrs["data-next"]
    assert nxt == f"{CONNECTIONS_PATH}?start=40&count=40"
    while nxt:
        chunk = get(server, nxt, cookies=cookies)
        assert chunk.status == 200 and "<html" not in chunk.text
        seen += [text(li.find(lambda n: n.tag == "span")[:1]) for li in tags(chunk, "li")]
        nxt = chunk.headers.get("X-Next-Chunk")
    assert seen == names

    assert re.search(app.CONNECTIONS_CHUNK_PATTERN, f"{CONNECTIONS_PATH}?start=80&count=40")
    assert not re.search(app.CONNECTIONS_CHUNK_PATTERN, CONNECTIONS_PATH)
    app.faults.add(app.CONNECTIONS_CHUNK_PATTERN, "status", status=500)
    assert get(server, CONNECTIONS_PATH, cookies=cookies).status == 200
    assert get(server, f"{CONNECTIONS_PATH}?start=40&count=40", cookies=cookies).status == 500


def test_every_element_gets_generated_class_names(app, server):
    page = get(server, PROFILE, cookies=owner_cookies(app))
    body = re.sub(r"<script\b.*?</script>", "", page.text.split("<body", 1)[1], flags=re.S)
    for tag in re.findall(r"<(?!/|path\b|circle\b|template\b|br\b)[a-z][^>]*>", body):
        classes = re.search(r'class="([^"]*)"', tag)
        assert classes, tag
        *words, token = classes.group(1).split()
        assert words and re.fullmatch(r"[a-z][0-9a-f]{5}", token), tag
    other = LinkedInReplica(load_persona("demo"))
    assert other._classes.classes("div") != app._classes.classes("div")


# -- settings ------------------------------------------------------------------------------


def test_visibility_page_rows_show_the_current_values(app, server):
    cookies = owner_cookies(app)
    page = get(server, PRIVACY, cookies=cookies)
    assert "<title>Visibility | Settings | LinkedIn</title>" in page.text
    assert headings(page, "h1") == ["Visibility"]
    assert {"Visibility of your profile & network", "Visibility of your LinkedIn activity"} <= set(headings(page))
    nav = page.tree.find(lambda n: n.tag == "nav" and n.attrs.get("aria-label") == "Settings")[0]
    current = nav.find(lambda n: n.attrs.get("aria-current") == "page")
    assert text(current) == "Visibility" and current[0].attrs["href"] == PRIVACY
    assert [text([a]) for a in nav.find(lambda n: n.tag == "a")] == [
        "Account preferences", "Sign in & security", "Visibility", "Data privacy",
        "Advertising data", "Notifications"]

    main = tags(page, "main")[0]
    rows = {a.find(lambda n: n.tag == "span")[0].texts()[0]:
            (a.attrs["href"], [t for s in a.find(lambda n: n.tag == "span")[1:] for t in s.texts()])
            for a in main.find(lambda n: n.tag == "a" and n.find(lambda c: c.tag == "span"))}
    assert rows == {
        "Profile viewing options": ("/mypreferences/d/profile-viewing-options", ["Your name and headline"]),
        "Page visit visibility": ("/mypreferences/d/page-visit-visibility", ["On"]),
        "Edit your public profile": (PUBLIC_SETTINGS, []),
        "Who can see or download your email address": ("/mypreferences/d/email-visibility", ["1st-degree connections"]),
        "Who can see your connections": ("/mypreferences/d/connections-visibility", ["On"]),
        "Who can see members you follow": ("/mypreferences/d/follow-visibility", ["Anyone on LinkedIn"]),
        "Who can see your last name": ("/mypreferences/d/last-name-visibility", ["Full last name"]),
        "Profile discovery using email address": ("/mypreferences/d/profile-discovery-email", ["Anyone"]),
        "Profile discovery using phone number": ("/mypreferences/d/profile-discovery-phone", ["1st-degree connections"]),
        "Manage active status": ("/mypreferences/d/manage-active-status", ["Your connections only"]),
        "Share profile updates with your network": ("/psettings/activity-broadcast", ["On"]),
    }
    assert get(server, "/psettings/privacy", cookies=cookies).visible == page.visible
    account = get(server, "/mypreferences/d/categories/account", cookies=cookies)
    assert "<title>Account preferences | Settings | LinkedIn</title>" in account.text
    assert {"Name, location, and industry", "Language", "Sync calendar", "Partners and services"} <= set(account.visible)
    for category in ("sign-in-and-security", "data-privacy", "ads", "notifications"):
        assert get(server, f"/mypreferences/d/categories/{category}", cookies=cookies).status == 200
    assert get(server, "/mypreferences/d/categories/nothing", cookies=cookies).status == 404
    assert get(server, "/mypreferences/d/permitted-services", cookies=cookies).status == 404


def test_item_pages_show_their_controls(app, server):
    cookies = owner_cookies(app)
    page = get(server, "/mypreferences/d/profile-viewing-options", cookies=cookies)
    assert "<title>Profile viewing options | Settings | LinkedIn</title>" in page.text
    assert headings(page, "h1") == ["Profile viewing options"]
    assert any(a.attrs["href"] == PRIVACY and "Back" in text([a]) for a in tags(page, "a"))
    assert text(tags(page, "legend")) == "Profile viewing options"
    radios = labelled(page)
    assert list(radios) == ["Your name and headline", "Private profile characteristics", "Private mode"]
    assert [("checked" in r, r["type"], r["name"], r["value"]) for r in radios.values()] == [
        (True, "radio", "profile_viewing", "Your name and headline"),
        (False, "radio", "profile_viewing", "Private profile characteristics"),
        (False, "radio", "profile_viewing", "Private mode")]
    assert get(server, "/mypreferences/d/visibility/profile-viewing-options", cookies=cookies).visible == page.visible

    email = labelled(get(server, "/mypreferences/d/email-visibility", cookies=cookies))
    assert "checked" in email["1st-degree connections"]
    export = email["Allow your connections to export your email address"]
    assert export["type"] == "checkbox" and export["role"] == "switch"
    assert export["aria-checked"] == "false" and "checked" not in export

    for path, label in [("/mypreferences/d/connections-visibility", "Allow your connections to see your connections list"),
                        ("/mypreferences/d/page-visit-visibility", "Page visit visibility"),
                        ("/psettings/activity-broadcast", "Share profile updates with your network"),
                        ("/mypreferences/d/activity-broadcast", "Share profile updates with your network")]:
        control = labelled(get(server, path, cookies=cookies))[label]
        assert (control["role"], control["aria-checked"], "checked" in control) == ("switch", "true", True), path
    last = labelled(get(server, "/mypreferences/d/last-name-visibility", cookies=cookies))
    assert list(last) == ["Full last name", "Last initial"]
    active = labelled(get(server, "/mypreferences/d/manage-active-status", cookies=cookies))
    assert list(active) == ["Your connections only", "All LinkedIn members", "No one"]


def test_settings_posts_change_the_persona_and_are_logged(app, server):
    cookies = owner_cookies(app)
    settings = app.persona["linkedin"]["settings"]
    page = get(server, "/mypreferences/d/profile-viewing-options", cookies=cookies, method="POST",
               body="profile_viewing=Private+mode")
    assert page.status == 302 and page.location == "/mypreferences/d/profile-viewing-options"
    assert settings["profile_viewing"] == "Private mode"
    assert app.writes == [{"method": "POST", "path": "/mypreferences/d/profile-viewing-options",
                           "query": "", "body": "profile_viewing=Private+mode",
                           "host": "www.linkedin.com"}]
    assert "checked" in labelled(get(server, "/mypreferences/d/profile-viewing-options", cookies=cookies))["Private mode"]

    for path, body in [("/mypreferences/d/email-visibility", "allow_export_emails=true"),
                       ("/mypreferences/d/visibility/connections-visibility", "connections_visibility=false"),
                       ("/psettings/activity-broadcast", "activity_broadcast=false"),
                       ("/mypreferences/d/profile-discovery-phone", "discover_phone=Nobody")]:
        assert get(server, path, cookies=cookies, method="POST", body=body).location == path
    assert (settings["allow_export_emails"], settings["connections_visibility"],
            settings["activity_broadcast"], settings["discover_phone"]) == (True, False, False, "Nobody")
    rows = get(server, PRIVACY, cookies=cookies).visible
    assert rows[rows.index("Who can see your connections") + 1] == "Off"
    assert rows[rows.index("Profile viewing options") + 1] == "Private mode"

    before = dict(settings)
    for path, body in [("/mypreferences/d/profile-discovery-phone", "discover_phone=Anyone"),  # email's word
                       ("/mypreferences/d/connections-visibility", "profile_viewing=Private+mode"),  # not its control
                       ("/mypreferences/d/connections-visibility", "connections_visibility=no"),
                       ("/mypreferences/d/email-visibility", "email_visibility=Public&allow_export_emails=false"),
                       (PUBLIC_SETTINGS, "profile_viewing=Private+mode")]:
        assert get(server, path, cookies=cookies, method="POST", body=body).status == 400, body
    assert settings == before and len(app.writes) == 10
    # Logged out, a POST goes to the login wall and changes nothing.
    assert get(server, "/mypreferences/d/connections-visibility", method="POST",
               body="connections_visibility=true").status == 302
    assert settings["connections_visibility"] is False


def test_public_profile_settings_page(app, server):
    cookies = owner_cookies(app)
    page = get(server, f"{PUBLIC_SETTINGS}?trk=d_flagship3_profile_self_view_public_profile", cookies=cookies)
    assert "<title>Public profile settings | LinkedIn</title>" in page.text
    assert headings(page, "h1") == ["Public profile settings"]
    assert {"Preview", "Edit your custom URL", "Edit visibility"} <= set(headings(page))
    assert "Customize your public profile" in headings(page, "h3")
    assert f"www.linkedin.com/in/{VANITY}" in page.visible
    assert any(a.attrs["href"] == f"https://www.linkedin.com/in/{VANITY}/" for a in tags(page, "a"))
    assert switches(page) == {
        "Your profile's public visibility": "true", "Headline": "true", "Websites": "true",
        "Summary": "true", "Articles & activity": "true", "Current experiences": "true",
        "Past experiences": "true", "Education": "true", "Volunteer experience": "false",
        "Skills": "true", "Causes": "false", "Groups": "false"}
    master = page.tree.find(lambda n: n.attrs.get("aria-labelledby") == "pp-label-visible")[0]
    description = page.tree.find(lambda n: n.attrs.get("id") == master.attrs["aria-describedby"])
    assert text(description).startswith("Off: your profile won’t be visible to people who aren’t signed in")
    group = page.tree.find(lambda n: n.attrs.get("role") == "radiogroup")[0]
    assert text(page.tree.find(lambda n: n.attrs.get("id") == group.attrs["aria-labelledby"])) == "Profile photo"
    photo = labelled(page)
    assert [k for k, v in photo.items() if "checked" in v] == ["Public"]
    assert list(photo) == ["Public", "All LinkedIn members", "Your network", "Your connections"]
    # The preview is the public profile without the sign-in modal.
    assert "Kestlebury Food Bank" not in page.text and "relationship-based practice" in page.text
    assert not page.tree.find(lambda n: n.attrs.get("role") == "dialog")
    assert not page.tree.find(lambda n: n.attrs.get("aria-disabled") == "true")

    pp = app.persona["linkedin"]["public_profile"]
    for body in ("activity=false", "photo=Your+connections", "visible=false"):
        answer = get(server, PUBLIC_SETTINGS, cookies=cookies, method="POST", body=body)
        assert answer.status == 302 and answer.location == PUBLIC_SETTINGS
    assert (pp["activity"], pp["photo"], pp["visible"]) == (False, "Your connections", False)
    off = get(server, PUBLIC_SETTINGS, cookies=cookies)
    assert switches(off)["Your profile's public visibility"] == "false"
    disabled = off.tree.find(lambda n: n.attrs.get("aria-disabled") == "true")
    assert len([n for n in disabled if n.tag == "button"]) == 11
    assert "Your public profile is off, so these sections are hidden from everyone who isn’t signed in." in off.visible
    assert "relationship-based practice" not in off.text  # nobody outside sees anything
    assert get(server, PROFILE).location.startswith("/authwall?")

    for body in ("visible=yes", "photo=Friends", "summary=true&nickname=x", "profile_viewing=Private+mode"):
        assert get(server, PUBLIC_SETTINGS, cookies=cookies, method="POST", body=body).status == 400
    assert pp["visible"] is False and pp["summary"] is True


# -- faults and language -------------------------------------------------------------------


def test_login_wall_and_checkpoint_faults(app, server):
    cookies = owner_cookies(app)
    app.faults.add(r"^/(in|mypreferences)/", "login_wall")
    page = get(server, f"{PROFILE}?trk=feed", cookies=cookies)
    assert page.status == 302
    parts = urlsplit(page.location)
    assert parts.path == "/authwall"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["trk"] == ["public_profile"] and query["originalReferer"] == [""]
    assert query["trkInfo"][0] and query["sessionRedirect"] == [f"{PROFILE_URL}?trk=feed"]
    for path in (f"{PROFILE}details/skills/", "/mypreferences/d/connections-visibility"):
        page = get(server, path, cookies=cookies)
        assert page.location == "/login?session_redirect=" + quote("https://www.linkedin.com" + path, safe="")

    app.faults.clear()
    app.faults.add(r"^/feed/", "checkpoint")
    page = get(server, "/feed/", cookies=cookies)
    assert page.status == 302 and re.fullmatch(r"/checkpoint/challenge/[\w-]+", page.location)
    challenge = get(server, page.location)
    assert "Let’s do a quick security check" in challenge.visible


def test_french_ui(app, server):
    app.persona["linkedin"]["ui_language"] = "fr"
    cookies = owner_cookies(app)
    page = get(server, PRIVACY, cookies=cookies)
    assert '<html lang="fr">' in page.text
    assert "<title>Visibilité | Préférences | LinkedIn</title>" in page.text
    visible = page.visible
    assert visible[visible.index("Options d’affichage du profil") + 1] == "Votre nom et votre titre"
    assert visible[visible.index("Qui peut voir vos relations") + 1] == "Activé"
    assert not any("Who can see" in t for t in visible)

    item = labelled(get(server, "/mypreferences/d/email-visibility", cookies=cookies))
    assert item["Relations de 1er niveau"]["value"] == "1st-degree connections"  # posts the persona's word
    assert item["Autoriser vos relations à exporter votre adresse e-mail"]["aria-checked"] == "false"
    profile = get(server, PROFILE, cookies=cookies)
    assert {"Infos", "Expérience", "Formation", "Compétences"} <= set(headings(profile))
    assert "136 relations" in profile.visible and "2 juin 2025" in profile.visible
    connections = get(server, CONNECTIONS_PATH, cookies=cookies)
    assert headings(connections, "h1") == ["136 relations"]
    assert '<html lang="en">' in get(server, PROFILE).text  # the visitor's language


# -- personas ------------------------------------------------------------------------------


def test_personas_are_normalised():
    demo, wide, locked = (load_persona(n)["linkedin"] for n in ("demo", "wide_open", "locked_down"))
    assert demo["name"] == "Sam Taylor" and demo["profile"]["birthday"] == "06-21"
    assert [j["end"] for j in demo["experience"]] == [None, 2019]  # newest first, current first
    assert [p["date"] for p in demo["posts"]] == ["2025-06-02", "2025-02-14"]
    assert demo["public_profile"] == {
        "visible": True, "photo": "Public", "headline": True, "websites": True, "summary": True,
        "activity": True, "current_experience": True, "past_experience": True, "education": True,
        "volunteering": False, "skills": True, "causes": False, "groups": False}
    assert wide["settings"]["email_visibility"] == "Anyone on LinkedIn" and wide["settings"]["page_visit_visibility"]
    assert locked["phone"] == "" and locked["profile"]["about"] == "" and locked["profile"]["websites"] == []
    assert locked["education"] == [] and locked["posts"] == [] and locked["profile"]["birthday"] is None
    assert len(locked["connections"]["names"]) == 41 and locked["connections"]["names"][0] == "Dana Hale"
    assert not locked["public_profile"]["visible"] and locked["settings"]["profile_viewing"] == "Private mode"


def test_a_minimal_table_gets_a_new_accounts_defaults(tmp_path: Path):
    minimal = tmp_path / "min.toml"
    minimal.write_text('[person]\nname = "Bea Bench"\n[linkedin]\nvanity = "bea-bench"\n'
                       'email = "bea@example.org"\npassword = "x"\n'
                       '[[linkedin.education]]\nschool = "Eastbrook College"\n'
                       '[linkedin.connections]\ngenerate = 3\n')
    t = load_persona(minimal)["linkedin"]
    assert t["settings"] == {
        "profile_viewing": "Your name and headline", "page_visit_visibility": True,
        "email_visibility": "1st-degree connections", "allow_export_emails": False,
        "connections_visibility": True, "follow_visibility": "Anyone on LinkedIn",
        "last_name": "Full last name", "discover_email": "Anyone", "discover_phone": "Everyone",
        "active_status": "Your connections only", "activity_broadcast": True}
    assert t["public_profile"]["visible"] and t["public_profile"]["photo"] == "Public"
    assert all(t["public_profile"].values())
    assert t["profile"] == {"headline": "", "location": "", "about": "", "photo": False,
                            "websites": [], "birthday": None, "causes": [], "groups": [], "skills": []}
    assert t["education"] == [{"school": "Eastbrook College", "degree": "", "start": None, "end": None}]
    assert t["ui_language"] == "en" and t["name"] == "Bea Bench" and len(t["connections"]["names"]) == 3
    app = LinkedInReplica(load_persona(minimal))
    with ReplicaServer(app) as server:
        page = get(server, "/in/bea-bench/")
        assert headings(page, "h1") == ["Bea Bench"] and "<title>Bea Bench | LinkedIn</title>" in page.text
        assert "member" not in person(page)["alumniOf"][0]  # no years to show
        assert "address" not in person(page)


@pytest.mark.parametrize("old, new, error", [
    ('vanity = "sam-taylor-sw"', 'vanity = "sam taylor"',
     r"linkedin\.vanity: 'sam taylor' must be 3 to 100 letters, digits or hyphens"),
    ('discover_phone = "1st-degree connections"', 'discover_phone = "Friends"',
     r"linkedin\.settings\.discover_phone: 'Friends' is not one of Everyone, 2nd-degree connections, "
     r"1st-degree connections, Nobody"),
    ('photo = "Public"', 'photo = "Friends"',
     r"linkedin\.public_profile\.photo: 'Friends' is not one of Public, All LinkedIn members, "
     r"Your network, Your connections"),
    ("volunteering = false", 'volunteering = "no"', r"linkedin\.public_profile\.volunteering: expected bool"),
    ("volunteering = false", "volunteering = false\nbackground = true",
     r"linkedin\.public_profile\.background: unknown key"),
    ('birthday = "06-21"', 'birthday = "21/06"',
     r"linkedin\.profile\.birthday: '21/06' is not a month and day like 06-21"),
    ("[linkedin.profile]\n", "[linkedin.profile]\nage = 37\n", r"linkedin\.profile\.age: unknown key"),
    ('websites = ["https://example.org/sam"]', 'websites = ["not a site"]',
     r"linkedin\.profile\.websites\[0\]: 'not a site' is not a web address"),
    ("start = 2019", 'start = "2019"', r"linkedin\.experience\[0\]\.start: expected int"),
    ("end = 2019", "end = 2010", r"linkedin\.experience\[1\]\.end: 2010 is before the start \(2015\)"),
    ("start = 2012", "start = 12", r"linkedin\.education\[0\]\.start: 12 is not a year"),
    ('organisation = "Kestlebury Food Bank"', 'organization = "Kestlebury Food Bank"',
     r"linkedin\.volunteering\[0\]\.organization: unknown key"),
    ('id = "7184567890123456789"', 'id = "7201234567890123456"',
     r"linkedin\.posts\[\d\]\.id: '7201234567890123456' is used twice"),
    ('date = "2025-06-02"', 'date = "June 2nd"', r"linkedin\.posts\[0\]\.date: 'June 2nd' is not a date"),
    ('"Sophie Marchant"]\ngenerate = 130', '"Sophie Marchant"]\ngenerate = "lots"',
     r"linkedin\.connections\.generate: expected int"),
    ('vanity = "sam-taylor-sw"', 'vanity = "sam-taylor-sw"\nnickname = "Sam"', r"linkedin\.nickname: unknown key"),
    ('vanity = "sam-taylor-sw"\nemail = "sam.taylor@example.org"\n', 'vanity = "sam-taylor-sw"\n',
     r"linkedin\.email: missing"),
])
def test_linkedin_persona_errors_name_the_file_and_the_key(tmp_path: Path, old, new, error):
    demo = (PERSONAS / "demo.toml").read_text()
    start = demo.index("[linkedin]")  # edit the LinkedIn table only
    section, rest = demo[start:], demo[:start]
    assert section.count(old) == 1, old
    bad = tmp_path / "bad.toml"
    bad.write_text(rest + section.replace(old, new))
    with pytest.raises(PersonaError, match=r"^bad\.toml: " + error):
        load_persona(bad)


# -- a real browser ------------------------------------------------------------------------


@pytest.mark.browser
def test_browser_settings_switches_and_the_connections_list(app, server):
    sync_api = pytest.importorskip("playwright.sync_api")
    hosts = ("www.linkedin.com", "linkedin.com")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            owner = browser.new_context(storage_state=app.storage_state())
            owner.route("**/*", route_to(server.origin, hosts))
            page = owner.new_page()

            # A Visibility item: a native switch that saves at once.
            page.goto("https://www.linkedin.com/mypreferences/d/connections-visibility")
            name = "Allow your connections to see your connections list"
            assert page.get_by_role("switch", name=name).is_checked()
            with page.expect_navigation():
                page.get_by_role("switch", name=name).click()
            assert not page.get_by_role("switch", name=name).is_checked()
            assert app.persona["linkedin"]["settings"]["connections_visibility"] is False
            assert [(w["method"], w["path"], w["body"], w["host"]) for w in app.writes] == [
                ("POST", "/mypreferences/d/connections-visibility", "connections_visibility=false",
                 "www.linkedin.com")]

            # Public profile settings: a button switch and a radio.
            page.goto("https://www.linkedin.com/public-profile/settings?trk=d_flagship3_profile_self_view_public_profile")
            activity = page.get_by_role("switch", name="Articles & activity")
            assert activity.get_attribute("aria-checked") == "true"
            with page.expect_navigation():
                activity.click()
            assert page.get_by_role("switch", name="Articles & activity").get_attribute("aria-checked") == "false"
            with page.expect_navigation():
                page.get_by_role("radiogroup", name="Profile photo").get_by_role("radio", name="Your network").click()
            pp = app.persona["linkedin"]["public_profile"]
            assert (pp["activity"], pp["photo"]) == (False, "Your network")
            assert page.get_by_role("radio", name="Your network").is_checked()

            # The "Me" menu opens on its button.
            menu = page.get_by_role("menu")
            assert not menu.is_visible()
            page.get_by_role("button", name="Me").click()
            assert menu.get_by_role("link", name="View Profile").is_visible()

            # Connections: "Show more results" once, then scrolling, until every one is in.
            page.goto("https://www.linkedin.com/mynetwork/invite-connect/connections/")
            items = page.locator('ul[role="list"] > li')
            assert items.count() == 40
            page.get_by_role("button", name="Show more results").click()
            page.wait_for_function("document.querySelectorAll('ul[role=list] > li').length >= 80")
            for _ in range(20):
                if items.count() == 136:
                    break
                page.mouse.wheel(0, 20000)
                page.wait_for_timeout(100)
            assert items.count() == 136
            assert page.get_by_role("button", name="Show more results").count() == 0
            names = items.locator("a > span").all_inner_texts()
            assert names == app.persona["linkedin"]["connections"]["names"]
            assert len(app.writes) == 3  # reading the list wrote nothing

            # A visitor: the public profile follows the switches just made, under the modal.
            visitor = browser.new_context().new_page()
            visitor.context.route("**/*", route_to(server.origin, hosts))
            visitor.goto(PROFILE_URL)
            assert visitor.title() == "Sam Taylor - Social Worker at Northshire County Council | LinkedIn"
            assert visitor.get_by_role("heading", name="Experience").count() == 1
            assert visitor.get_by_role("heading", name="Activity").count() == 0
            assert visitor.get_by_role("img", name="Sam Taylor").count() == 0  # photo: Your network
            modal = visitor.get_by_role("dialog", name="Sign in to view Sam Taylor’s full profile")
            assert modal.is_visible()
            modal.get_by_role("button", name="Dismiss").click()
            assert visitor.get_by_role("dialog").count() == 0
        finally:
            browser.close()
