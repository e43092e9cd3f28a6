"""The replicas' loading faults (README "Faults": late, skeleton, restless, decoys), read the
way a person's browser shows them: real Chromium, the platform's real host routed to the
replica with X-Forwarded-Host, as the audit's site override does."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from replicas.faults import loading_plan

CHROMIUM = "/usr/bin/chromium"
HOSTS = {"facebook": "www.facebook.com", "x": "x.com", "tiktok": "www.tiktok.com"}
PAGES = {
    ("facebook", "profile"): "/sam.taylor.5",
    ("facebook", "settings"): "/settings/?tab=how_people_find_and_contact_you",
    ("x", "profile"): "/samtaylor_sw",
    ("x", "settings"): "/settings/audience_and_tagging",
    ("tiktok", "profile"): "/@sam.allotment",
    ("tiktok", "settings"): "/setting/privacy",
}
# A line of each page's own content (never chrome): absent while it loads.
CONTENT = {
    ("facebook", "profile"): "Posts",
    ("facebook", "settings"): "Allow search engines outside of Facebook to link to your profile",
    ("x", "profile"): "Joined ",
    ("x", "settings"): "Protect your posts",
    ("tiktok", "profile"): "Followers",
    ("tiktok", "settings"): "Private account",
}
# The element that says the content is in (TikTok's profile has no main landmark).
LANDMARK = {("tiktok", "profile"): '[data-e2e="user-title"]'}
DELAY = 1.0  # the tests' `delay` (seconds): stages stay short

# Test-side recorder: when the fault's placeholder (window.__ph) shows and goes, when a main landmark
# (window.__main) arrives, and every mutation after DOMContentLoaded (performance.now() milliseconds).
RECORDER = """
var PH = window.__ph || "[role=progressbar][aria-label=Loading]";
var MAIN = window.__main || "main,[role=main]";
window.__rec = {show: null, gone: null, main: null, pbAtMain: null, dcl: null, muts: []};
new MutationObserver(function (records) {
  var r = window.__rec, now = performance.now();
  var pb = !!document.querySelector(PH);
  var main = !!document.querySelector(MAIN);
  if (pb && r.show === null) r.show = now;
  if (!pb && r.show !== null && r.gone === null) r.gone = now;
  if (main && r.main === null) { r.main = now; r.pbAtMain = pb; }
  if (r.dcl !== null) r.muts.push(now);
}).observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
document.addEventListener("DOMContentLoaded", function () {
  function shown(sel) {
    var el = document.querySelector(sel), box = el && el.getBoundingClientRect();
    return !!el && el.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0;
  }
  var r = window.__rec;
  r.dcl = performance.now();
  r.atDcl = {  // what a reader finds right after DOMContentLoaded
    text: document.body.innerText, main: !!document.querySelector(MAIN),
    progressbar: shown('[role=progressbar][aria-label="Loading"]'),
    progressbars: document.querySelectorAll('[role=progressbar]').length,
    busy: shown('[aria-busy="true"]'), status: shown('[role=status][aria-label="Loading..."]'),
    loadingish: document.querySelectorAll('[aria-busy="true"],[role=status],[aria-label^="Loading"]').length,
    grey: Array.from(document.querySelectorAll("div")).filter(function (d) {
      return d.style.background === "rgb(228, 230, 235)"; }).length,
  };
});
"""


def route_to(origin: str, host: str):
    """Send the platform's host to the replica (the real host in X-Forwarded-Host), as
    tests/test_replica_x.py does; other hosts are blocked."""

    def handle(route, request):
        parts = urlsplit(request.url)
        if parts.hostname != host:
            route.abort("blockedbyclient")
            return
        headers = {k: v for k, v in request.all_headers().items() if not k.startswith(":")}
        headers["X-Forwarded-Host"] = host
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn = http.client.HTTPConnection(origin.removeprefix("http://"), timeout=10)
        try:
            conn.request(request.method, path, body=request.post_data_buffer, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
        finally:
            conn.close()
        out = {k: v for k, v in resp.getheaders() if k.lower() not in ("content-length", "connection")}
        route.fulfill(status=resp.status, headers=out, body=data)

    return handle


class Site:
    def __init__(self, running, browser):
        self.running, self.browser = running, browser
        self._contexts = []

    def app(self, platform):
        return self.running.apps[platform]

    def page(self, platform, plan=None, where=None):
        """A fresh signed-in tab; `plan` (late/skeleton) tells the recorder its placeholder,
        `where` the page's content landmark."""
        context = self.browser.new_context(storage_state=self.app(platform).storage_state())
        context.route("**/*", route_to(self.running.sites[platform], HOSTS[platform]))
        marker = f"window.__ph = '.{plan['css']}';" if plan and "css" in plan else ""
        marker += f"window.__main = '{LANDMARK[where]}';" if where in LANDMARK else ""
        context.add_init_script(marker + RECORDER)
        self._contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.errors = errors
        return page

    def url(self, platform, path):
        return f"https://{HOSTS[platform]}{path}"

    def baseline(self, platform, path):
        """The unfaulted page: (visible text, title, body HTML)."""
        page = self.page(platform)
        page.goto(self.url(platform, path))
        return visible_text(page), page.title(), page.evaluate("document.body.innerHTML")

    def reset(self):
        for context in self._contexts:
            context.close()
        self._contexts.clear()
        for app in self.running.apps.values():
            app.faults.clear()


@pytest.fixture(scope="module")
def browser_site():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at " + CHROMIUM)
    from replicas.demo import start_replicas

    running = start_replicas("demo", platforms=list(HOSTS))
    playwright = sync_api.sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        try:
            yield Site(running, browser)
        finally:
            browser.close()
    finally:
        playwright.stop()
        running.stop()


@pytest.fixture
def site(browser_site):
    yield browser_site
    browser_site.reset()


def visible_text(page) -> str:
    return page.evaluate("document.body.innerText")


def seed_where(kind, path, pred, **kw):
    for seed in range(1000):
        plan = loading_plan(kind, seed, path, **kw)
        if pred(plan):
            return seed, plan
    raise AssertionError("no seed gives that plan")


def wait_loaded(page, timeout=5000):
    """Until the content is in and the fault's placeholder gone."""
    page.wait_for_function("window.__rec.main !== null && !document.querySelector(window.__ph)",
                           timeout=timeout)


# -- plans: the same seed and path, the same page ------------------------------------------


def test_plans_come_from_the_seed_and_the_path_only():
    path = "/settings/?tab=posts"
    for kind in ("late", "skeleton", "restless", "decoys"):
        assert loading_plan(kind, 7, path) == loading_plan(kind, 7, path)
        assert len({repr(loading_plan(kind, s, path)) for s in range(20)}) > 10
        assert loading_plan(kind, 7, path) != loading_plan(kind, 7, "/settings/?tab=profile_and_tagging")
    lates = [loading_plan("late", s, path, delay=DELAY) for s in range(200)]
    assert all(0.25 <= p["stages"][0] <= DELAY for p in lates)
    assert all(0.2 <= p["stages"][1] <= 1.0 for p in lates if len(p["stages"]) == 2)
    assert {len(p["stages"]) for p in lates} == {1, 2}
    assert {p["form"] for p in lates} == {"valuetext", "text", "bare"}
    assert {loading_plan("skeleton", s, path)["form"] for s in range(50)} == {"busy", "status", "bare"}
    assert {loading_plan("decoys", s, path)["hide"] for s in range(50)} == {"hidden", "display", "aria"}


def test_fragments_json_and_times(replicas):
    running = replicas("demo", platforms=["facebook", "tiktok"])
    fb, tiktok = running.apps["facebook"], running.apps["tiktok"]

    def get(platform, path):
        app = running.apps[platform]
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in app.storage_state()["cookies"])
        conn = http.client.HTTPConnection(running.sites[platform].removeprefix("http://"), timeout=10)
        try:
            conn.request("GET", path, headers={"X-Forwarded-Host": HOSTS[platform], "Cookie": cookies})
            resp = conn.getresponse()
            return resp.status, resp.read().decode()
        finally:
            conn.close()

    profile = get("facebook", "/sam.taylor.5")[1]
    chunk_path = profile.split('data-next="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    chunk = get("facebook", chunk_path)
    secuid = tiktok.persona["tiktok"].get("sec_uid") or get("tiktok", "/@sam.allotment")[1] \
        .split('"secUid":"', 1)[1].split('"', 1)[0]
    items_path = f"/api/post/item_list/?secUid={secuid}&cursor=12&count=12"
    items = get("tiktok", items_path)
    for kind in ("late", "skeleton", "restless", "decoys"):
        fb.faults.add(".", kind, seed=3)
        tiktok.faults.add(".", kind, seed=3)
        assert get("facebook", chunk_path) == chunk  # an HTML fragment: no <body>
        assert get("tiktok", items_path) == items  # JSON
        fb.faults.clear()
        tiktok.faults.clear()
    fb.faults.add("^/sam", "late", times=1, seed=1)
    shell = get("facebook", "/sam.taylor.5")[1]
    assert shell != profile and 'role="main"' in profile and 'role="main"' not in shell
    assert get("facebook", "/sam.taylor.5")[1] == profile  # times=1: the next one is whole
    with pytest.raises(TypeError):
        fb.faults.add(".", "late", seconds=2)


# -- late: a shell first, the content after a delay ----------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("where", [("facebook", "profile"), ("x", "settings"), ("tiktok", "settings")])
def test_late_shows_a_progressbar_first_then_the_same_page(site, where):
    platform, _ = where
    path = PAGES[where]
    text, title, html = site.baseline(platform, path)
    assert CONTENT[where] in text
    seed, plan = seed_where("late", path, lambda p: p["stages"][0] >= 0.6, delay=DELAY)
    site.app(platform).faults.add(".", "late", seed=seed, delay=DELAY)
    page = site.page(platform, plan, where)
    page.goto(site.url(platform, path), wait_until="domcontentloaded")
    # A person sees the chrome and a loading bar, not the page's content.
    dcl = page.evaluate("window.__rec.atDcl")
    assert dcl["progressbar"] and not dcl["main"]
    assert CONTENT[where] not in dcl["text"]
    assert len(dcl["text"]) < len(text) / 2
    # The accessibility tree says so too, unless the content has come meanwhile (busy machine).
    if page.get_by_role("progressbar", name="Loading").count() != 1:
        assert page.evaluate("window.__rec.gone") is not None
    wait_loaded(page)
    assert visible_text(page) == text
    assert page.title() == title
    if platform == "facebook":  # nothing random in these pages: the very same DOM
        assert page.evaluate("document.body.innerHTML") == html
        # The page's own scripts were re-run: the feed still loads more posts on scroll.
        posts = len(site.app("facebook").persona["facebook"]["posts"])
        articles = page.get_by_role("article")
        for _ in range(100):
            if articles.count() >= posts:
                break
            page.mouse.wheel(0, 4000)
            page.wait_for_timeout(50)
        assert articles.count() == posts
    assert page.errors == []


@pytest.mark.browser
def test_late_stages_and_delays_replay_from_the_seed(site):
    platform, path = "x", PAGES[("x", "profile")]
    text, _, _ = site.baseline(platform, path)
    two, two_plan = seed_where("late", path, lambda p: len(p["stages"]) == 2 and p["stages"][1] >= 0.5
                               and sum(p["stages"]) >= 1.5, delay=DELAY)
    one, one_plan = seed_where("late", path, lambda p: len(p["stages"]) == 1 and p["stages"][0] <= 0.5,
                               delay=DELAY)

    def measure(seed):
        site.app(platform).faults.clear()
        site.app(platform).faults.add(".", "late", seed=seed, delay=DELAY)
        page = site.page(platform, loading_plan("late", seed, path, delay=DELAY))
        page.goto(site.url(platform, path))
        wait_loaded(page)
        assert visible_text(page) == text
        rec = page.evaluate("window.__rec")
        return (rec["main"] - rec["show"]) / 1000, (rec["gone"] - rec["show"]) / 1000, rec["pbAtMain"]

    first_part, total, bar_still_there = measure(two)
    # Part of the content came first, with the progressbar still showing, the rest later.
    # (Timers only ever fire late: the upper bounds leave room for a busy machine.)
    assert bar_still_there is True
    assert two_plan["stages"][0] - 0.03 <= first_part <= two_plan["stages"][0] + 0.6
    assert sum(two_plan["stages"]) - 0.03 <= total <= sum(two_plan["stages"]) + 0.6
    assert total - first_part >= two_plan["stages"][1] - 0.03
    again = measure(two)
    assert again[2] is True and again[1] >= sum(two_plan["stages"]) - 0.03
    _, single, bar = measure(one)
    assert bar is False  # one stage: the content and the end of the bar together
    assert one_plan["stages"][0] - 0.03 <= single <= one_plan["stages"][0] + 0.6
    assert single < total - 0.4


# -- skeleton: grey boxes, with or without ARIA --------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("form,where", [("busy", ("facebook", "settings")), ("status", ("x", "profile")),
                                        ("bare", ("tiktok", "profile"))])
def test_skeleton_forms(site, form, where):
    platform, _ = where
    path = PAGES[where]
    text, _, _ = site.baseline(platform, path)
    seed, plan = seed_where("skeleton", path, lambda p: p["form"] == form and p["stages"][0] >= 0.6,
                            delay=DELAY)
    site.app(platform).faults.add(".", "skeleton", seed=seed, delay=DELAY)
    page = site.page(platform, plan, where)
    page.goto(site.url(platform, path), wait_until="domcontentloaded")
    dcl = page.evaluate("window.__rec.atDcl")
    assert CONTENT[where] not in dcl["text"] and not dcl["main"]
    assert dcl["progressbars"] == 0
    if form == "busy":
        assert dcl["busy"]
    elif form == "status":
        assert dcl["status"]
    else:  # nothing says "loading": only the changing page does
        assert dcl["loadingish"] == 0 and "Loading" not in dcl["text"]
    assert dcl["grey"] == len(plan["boxes"])
    grey = "Array.from(document.querySelectorAll('div')).filter(d => d.style.background === 'rgb(228, 230, 235)').length"
    wait_loaded(page)
    assert page.evaluate(grey) == 0
    assert visible_text(page) == text
    assert page.errors == []


# -- restless: a page that is not quiet at first ------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("platform", ["facebook", "tiktok"])
def test_restless_mutates_then_stops(site, platform):
    path = PAGES[(platform, "profile")]
    text, _, _ = site.baseline(platform, path)
    seed, plan = seed_where("restless", path, lambda p: len(p["mutations"]) >= 2, seconds=0.8)
    site.app(platform).faults.add(".", "restless", seed=seed, seconds=0.8)
    page = site.page(platform, where=(platform, "profile"))
    page.goto(site.url(platform, path))
    page.wait_for_timeout(800 + 1000 * plan["interval"] + 700)
    rec = page.evaluate("window.__rec")
    after = [(t - rec["dcl"]) / 1000 for t in rec["muts"]]
    assert len(after) >= 3  # it kept changing
    assert max(after) <= 0.8 + plan["interval"] + 0.5  # and then stopped
    count = len(rec["muts"])
    page.wait_for_timeout(400)
    assert len(page.evaluate("window.__rec.muts")) == count
    # Quiet now, and the same page but for the counter the chrome kept ticking.
    extra = [line for line in visible_text(page).splitlines() if line not in text.splitlines()]
    assert all(line.strip().isdigit() for line in extra)
    assert page.errors == []


# -- decoys: hidden copies of the controls, values swapped --------------------------------

STATES = """() => Array.from(document.querySelectorAll('[aria-checked], select'))
  .filter(e => !e.closest('[role=dialog]'))
  .map(e => [e.nodeName === 'SELECT' ? e.value : e.getAttribute('aria-checked'),
             e.checkVisibility({visibilityProperty: true})])"""


@pytest.mark.browser
@pytest.mark.parametrize("hide,where", [("hidden", ("facebook", "settings")), ("display", ("tiktok", "settings")),
                                        ("aria", ("x", "settings"))])
def test_decoys_are_in_the_dom_but_not_on_the_screen(site, hide, where):
    platform, _ = where
    path = PAGES[where]
    plain = site.page(platform)
    plain.goto(site.url(platform, path))
    text, title, before = visible_text(plain), plain.title(), plain.evaluate(STATES)
    roles = {role: plain.get_by_role(role).count() for role in ("switch", "checkbox", "combobox", "dialog")}
    dialogs = plain.locator("[role=dialog]").count()
    seed, plan = seed_where("decoys", path, lambda p: p["hide"] == hide)
    site.app(platform).faults.add(".", "decoys", seed=seed)
    page = site.page(platform)
    page.goto(site.url(platform, path))
    # A person sees the same page; the accessibility tree has the same controls.
    assert visible_text(page) == text and page.title() == title
    assert {role: page.get_by_role(role).count() for role in roles} == roles
    # The DOM has a closed dialog and a copy of every control, each in the other state.
    assert page.locator("[role=dialog]").count() == dialogs + 1
    states = page.evaluate(STATES)
    shown = [s for s, visible in states if visible]
    hidden = [s for s, visible in states if not visible]
    assert shown == [s for s, _ in before] and all(v for _, v in before)
    assert len(hidden) == len(shown) > 0
    for real, decoy in zip(shown, hidden, strict=True):
        assert real != decoy
    assert page.errors == []


@pytest.mark.browser
def test_decoys_leave_the_page_working(site):
    path = PAGES[("x", "settings")]
    seed, _ = seed_where("decoys", path, lambda p: p["place"] == "before" and p["dialog_place"] == "start")
    site.app("x").faults.add(".", "decoys", seed=seed)
    page = site.page("x")
    page.goto(site.url("x", path))
    protect = page.get_by_role("checkbox", name="Protect your posts", exact=True)
    assert not protect.is_checked()
    protect.click()
    dialog = page.get_by_role("dialog", name="Protect your posts?")
    assert dialog.is_visible()
    page.keyboard.press("Escape")  # closes the real dialog, not the decoy
    assert dialog.count() == 0
    assert page.locator("[role=dialog]").count() == 1  # the hidden decoy is back
    assert page.get_by_role("dialog").count() == 0
    assert not site.app("x").writes and page.errors == []
