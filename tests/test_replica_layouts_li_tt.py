"""Seeded layouts of the LinkedIn and TikTok replicas (replicas/README.md, "Seeded layouts:
LinkedIn and TikTok"): with a seed, every settings control shows its value in a drawn
accessible form and the pages vary in wording and structure; a real browser must still tell a
screen-reader user the persona's values. Without a seed, every page is the default one."""

from __future__ import annotations

import functools
import hashlib
import io
import random
import re
from collections import defaultdict

import pytest

# The browser route and launcher are shared with the other replica tests.
from test_replica_x import launch_chromium, parse, route_to
from test_replica_x import text as node_text

from replicas.linkedin import ITEMS, PUBLIC_SWITCHES, LinkedInReplica
from replicas.linkedin import layout as li_layout
from replicas.personas import load_persona
from replicas.server import ReplicaServer
from replicas.tiktok import PRIVACY_GROUPS, SUGGEST, TikTokReplica
from replicas.tiktok import layout as tt_layout

SEEDS = range(20)
PERSONAS = ("demo", "locked_down", "wide_open")  # seed s audits PERSONAS[s % 3]
LI_HOSTS = ("www.linkedin.com", "linkedin.com")
TT_HOSTS = ("www.tiktok.com", "tiktok.com")
TRAP_WORDS = ("public", "everyone", "private")


def persona_for(seed: int) -> str:
    return PERSONAS[seed % len(PERSONAS)]


@functools.cache
def persona(name: str) -> dict:
    return load_persona(name)  # each app copies it


_APPS: dict = {}


def app_for(cls, seed: int):
    """The app of PERSONAS[seed % 3], drawing its pages from `seed`. One app per persona,
    its seed changed between seeds: each app compiles its own templates, and a seed's
    choices depend on nothing but the seed and the page (the test of the same seed with fresh
    apps is above)."""
    app = _APPS.get((cls, persona_for(seed)))
    if app is None:
        app = _APPS[cls, persona_for(seed)] = cls(persona(persona_for(seed)))
    app.layout_seed, app.layout = seed, random.Random(seed)
    return app


# -- pages without a browser ---------------------------------------------------------------


def wsgi_get(app, path: str, host: str, cookies: str = "") -> tuple[str, str]:
    """(status line, body) of a GET, straight through the WSGI app."""
    path, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
               "HTTP_X_FORWARDED_HOST": host, "HTTP_HOST": "127.0.0.1", "HTTP_COOKIE": cookies,
               "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""), "CONTENT_LENGTH": "0",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80"}
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    body = b"".join(app(environ, start_response)).decode()
    return f"{answer['status']} {answer['headers'].get('Location', '')}", body


def normalised(text: str) -> str:
    """A page without what changes with every app: class names, and per-app tokens."""
    text = re.sub(r' class="[^"]*"', "", text)
    for key in ("wid", "webIdCreatedTime", "nonce", "requestId", "csrfToken"):
        text = re.sub(f'"{key}":"[^"]*"', f'"{key}":"X"', text)
    return re.sub(r"trkInfo=[^&]*", "trkInfo=X", text)


def owner(app) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in app.storage_state()["cookies"])


def li_paths(app) -> list[tuple[str, bool]]:
    vanity = app.me["vanity"]
    return ([("/mypreferences/d/categories/privacy", True), ("/public-profile/settings", True),
             (f"/in/{vanity}/", False), (f"/in/{vanity}/", True)]
            + [(f"/mypreferences/d/{slug}", True) for slug in ITEMS])


def tt_paths(app) -> list[tuple[str, bool]]:
    name = app.me["unique_id"]
    return [("/setting/privacy", True), (f"/@{name}", False), (f"/@{name}", True)]


def pages(app, host: str, paths, reverse=False) -> dict[tuple[str, bool], str]:
    cookies = owner(app)
    order = list(reversed(paths)) if reverse else paths
    return {(path, signed): normalised("\n".join(wsgi_get(app, path, host, cookies if signed else "")))
            for path, signed in order}


# The default layout's pages for the demo persona (normalised as above), taken from the
# replicas before seeded layouts existed. A change here means seed None no longer gives
# today's page: if a template was changed on purpose, take the new digests.
DEFAULT_DIGESTS = {
    ("li", "/mypreferences/d/categories/privacy", True): "47ca644e59aa9cb0",
    ("li", "/public-profile/settings", True): "5edabc0a61344615",
    ("li", "/in/sam-taylor-sw/", False): "a8f751f6f550fa6e",
    ("li", "/in/sam-taylor-sw/", True): "d2a107280d91799d",
    ("li", "/mypreferences/d/profile-viewing-options", True): "45674633b12b96b8",
    ("li", "/mypreferences/d/page-visit-visibility", True): "0c6b509c76806355",
    ("li", "/mypreferences/d/email-visibility", True): "ba38b44c407710a5",
    ("li", "/mypreferences/d/connections-visibility", True): "d8e0e6ddf3da356b",
    ("li", "/mypreferences/d/follow-visibility", True): "6624dfb0a0bc8c29",
    ("li", "/mypreferences/d/last-name-visibility", True): "7ad4f437f21b486c",
    ("li", "/mypreferences/d/profile-discovery-email", True): "9b8f989e8ac6b08d",
    ("li", "/mypreferences/d/profile-discovery-phone", True): "f91fda548dd45207",
    ("li", "/mypreferences/d/manage-active-status", True): "25432117cf6388cc",
    ("li", "/mypreferences/d/activity-broadcast", True): "377908724a297f07",
    ("tt", "/setting/privacy", True): "862b12cac32b605c",
    ("tt", "/@sam.allotment", False): "1a066a5ef150ac50",
    ("tt", "/@sam.allotment", True): "e70a38b9cc0ed395",
}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_seed_none_gives_todays_pages():
    li = LinkedInReplica(persona("demo"))
    tt = TikTokReplica(persona("demo"))
    assert li.layout_seed is None and tt.layout_seed is None
    got = {("li", path, signed): digest(text)
           for (path, signed), text in pages(li, "www.linkedin.com", li_paths(li)).items()}
    got |= {("tt", path, signed): digest(text)
            for (path, signed), text in pages(tt, "www.tiktok.com", tt_paths(tt)).items()}
    assert {key: got[key] for key in DEFAULT_DIGESTS} == DEFAULT_DIGESTS
    # And nothing of the seeded forms leaks into the default pages.
    for text in [*pages(li, "www.linkedin.com", li_paths(li)).values(),
                 *pages(tt, "www.tiktok.com", tt_paths(tt)).values()]:
        assert "data-setting" not in text and 'role="radio"' not in text
        assert 'role="region"' not in text and "aria-level" not in text


def test_the_same_seed_gives_the_same_pages_whatever_the_order_of_requests():
    for seed in (0, 7):
        for cls, host, paths in ((LinkedInReplica, "www.linkedin.com", li_paths),
                                 (TikTokReplica, "www.tiktok.com", tt_paths)):
            first, second = (cls(persona(persona_for(seed)), layout_seed=seed) for _ in "ab")
            assert pages(first, host, paths(first)) == \
                pages(second, host, paths(second), reverse=True)
    # Different seeds draw different pages.
    a, b = (LinkedInReplica(persona("demo"), layout_seed=s) for s in (1, 2))
    assert pages(a, "www.linkedin.com", li_paths(a)) != pages(b, "www.linkedin.com", li_paths(b))


def test_seeded_pages_keep_the_persona_and_render_in_french():
    data = load_persona("demo")
    data["linkedin"]["ui_language"] = data["tiktok"]["ui_language"] = "fr"
    li, tt = LinkedInReplica(data), TikTokReplica(data)
    for seed in range(6):
        li.layout_seed = tt.layout_seed = seed
        for (path, signed_in), text in pages(li, "www.linkedin.com", li_paths(li)).items():
            assert text.startswith(("200", "302", "404")), (seed, path)
            assert ('lang="fr"' in text) == signed_in or not text.startswith("200")
        for (path, _), text in pages(tt, "www.tiktok.com", tt_paths(tt)).items():
            assert text.startswith("200"), (seed, path)
        privacy = next(iter(pages(tt, "www.tiktok.com", [("/setting/privacy", True)]).values()))
        assert 'lang="fr"' in privacy and "Compte privé" in privacy
    assert li.persona == LinkedInReplica(data).persona  # rendering changed nothing
    assert tt.persona == TikTokReplica(data).persona


# -- what a screen reader gets, in a real browser -------------------------------------------
#
# Twenty seeds per platform, a dozen pages each: each page is rendered by the app, shown in
# Chromium (set_content: no network, so the 20 x 13 pages stay quick; the tests below that
# save go through the site override) and read twice: its accessibility tree (aria_snapshot)
# for what a screen reader gets, its markup for the form that was drawn.


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            yield browser
        finally:
            browser.close()


class AX:
    """One node of an aria snapshot: role, name, [props], children."""

    LINE = re.compile(r'^(?P<indent> *)- (?P<role>[a-z/]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?'
                      r'(?P<props>(?: \[[^\]]+\])*)(?::(?: (?P<rest>.*))?)?$')

    def __init__(self, role="", name="", props=(), text=""):
        self.role, self.name, self.props, self.text = role, name, set(props), text
        self.children: list[AX] = []

    @classmethod
    def parse(cls, snapshot: str) -> AX:
        root, stack = cls("document"), [(-1, None)]
        stack = [(-1, root)]
        for line in snapshot.splitlines():
            m = cls.LINE.match(line)
            if not m:
                continue
            name = m["name"].replace('\\"', '"') if m["name"] else ""
            rest = (m["rest"] or "").strip().strip('"')
            node = cls(m["role"], name, re.findall(r"\[([^\]]+)\]", m["props"]), rest)
            depth = len(m["indent"])
            while stack[-1][0] >= depth:
                stack.pop()
            stack[-1][1].children.append(node)
            stack.append((depth, node))
        return root

    def all(self):
        for child in self.children:
            yield child
            yield from child.all()

    def find(self, role: str, name: str | None = None) -> list[AX]:
        return [n for n in self.all() if n.role == role and (name is None or n.name == name)]

    def one(self, role: str, name: str) -> AX:
        found = self.find(role, name)
        assert len(found) == 1, (role, name, [(n.role, n.name) for n in self.all()][:80])
        return found[0]

    @property
    def checked(self) -> bool:
        return "checked" in self.props or "selected" in self.props

    def texts(self) -> str:
        return " ".join(filter(None, [self.name, self.text, *(c.texts() for c in self.children)]))


class Shown:
    """A page as Chromium shows it: its accessibility tree and its markup."""

    def __init__(self, page, html: str | None = None):
        if html is None:  # the page as it is now
            html = page.content()
        else:
            page.set_content(html)
        self.page = page
        self.ax = AX.parse(page.locator("body").aria_snapshot())
        self.dom = parse(html)
        self.ids = {n.attrs["id"]: n for n in self.dom.find(lambda n: "id" in n.attrs)}

    def reread(self) -> None:
        self.ax = AX.parse(self.page.locator("body").aria_snapshot())

    def tags(self, pred) -> list:
        return self.dom.find(pred)


class Seen:
    """What the seeds drew, across the test: each kind of choice -> the values seen."""

    def __init__(self):
        self.values = defaultdict(set)

    def add(self, kind: str, value) -> None:
        self.values[kind].add(value)


def expected_name(module, seed: int, page: str, key: str, label: str, text: str) -> str:
    """The accessible name of an icon button or link standing for a value."""
    if module.Layout(seed, page).pick(f"name:{key}", module.NAME_FORMS) == "change":
        return f"Change {module.lower_first(label)}, currently {text}"
    return text


def control_id(key: str) -> str:
    return "lt-" + key.replace("_", "-")


def check_choice(shown: Shown, name: str, form: str, key: str, label: str, text: str,
                 scope: AX | None = None) -> None:
    """The control for `label` is in `form`, and a screen reader learns the value `text`.
    `name`: the accessible name an icon button or link would have."""
    ax = scope or shown.ax

    def one_checked(group: AX) -> None:
        chosen = [r.name for r in group.find("radio") + group.find("option") if r.checked]
        assert chosen == [text], (form, label, chosen, text)

    cid = control_id(key)
    if form in ("fieldset", "radios_wrap"):  # a fieldset of native radios, named by its legend
        one_checked(ax.one("group", label))
        fieldsets = [f for f in shown.tags(lambda n: n.tag == "fieldset")
                     if text_of(f.find(lambda n: n.tag == "legend")) == label]
        assert len(fieldsets) == 1, label
        wrapped = fieldsets[0].find(lambda n: n.tag == "label" and n.find(lambda i: i.tag == "input"))
        assert bool(wrapped) == (form == "radios_wrap"), form
    elif form in ("radiogroup", "radios_for", "native_radiogroup"):
        group = ax.one("radiogroup", label)
        one_checked(group)
        assert not [d for d in ax.find("dialog") if group in list(d.all())], form
        natives = shown.tags(lambda n: n.tag == "input" and n.attrs.get("type") == "radio"
                             and n.attrs.get("name") == key)
        assert bool(natives) == (form != "radiogroup"), form
    elif form == "dialog":  # an open, visible dialog
        dialog = ax.one("dialog", label)
        one_checked(dialog.one("radiogroup", label))
    elif form in ("select", "today-select"):
        one_checked(ax.one("combobox", label))
        assert shown.tags(lambda n: n.tag == "select" and n.attrs.get("name") == key)
    elif form == "button":  # no value text; the button's name carries it
        assert ax.find("button", name), (form, name)
        button = [n for n in shown.tags(lambda n: n.attrs.get("data-opens") == f"{cid}-choose")]
        assert len(button) == 1 and button[0].attrs["aria-label"] == name
        assert button[0].tag == "button" and button[0].attrs["aria-haspopup"] == "dialog"
        assert not ax.find("radiogroup", label) and not ax.find("combobox", label)
    elif form == "link":
        links = [n for n in ax.find("link", name)
                 if any(c.role == "/url" and c.text == f"?edit={key}" for c in n.children)]
        assert len(links) == 1, (form, name)
        assert not ax.find("radiogroup", label) and not ax.find("combobox", label)
    else:
        raise AssertionError(form)


def check_switch(shown: Shown, form: str, label: str, on: bool, scope: AX | None = None) -> AX:
    """The switch for `label` is in `form`, and a screen reader learns on/off."""
    ax = scope or shown.ax
    role = "checkbox" if form in ("checkbox", "aria_checkbox") else "switch"
    node = ax.one(role, label)
    assert node.checked == on, (form, label, on)
    labelled = [n for n in shown.tags(lambda n: n.attrs.get("role") == role or (
        role == "checkbox" and n.tag == "input" and n.attrs.get("type") == "checkbox"))]
    mine = [n for n in labelled if label_of(shown, n) == label]
    assert len(mine) == 1, (form, label)
    element = mine[0]
    if form == "labelledby":
        assert element.tag == "div" and "aria-label" not in element.attrs
    elif form == "checkbox":
        assert element.tag == "input" and "role" not in element.attrs
    elif form == "aria_checkbox":
        assert element.tag == "div" and element.attrs["aria-checked"] == str(on).lower()
    elif form == "described":
        help_id = element.attrs["aria-describedby"].split()[0]
        words = text_of([shown.ids[help_id]]).lower()
        assert any(word in words for word in TRAP_WORDS), words
    return node


def text_of(nodes) -> str:
    return node_text(list(nodes))


def label_of(shown: Shown, element) -> str:
    """The label text a control's markup points at (aria-labelledby, or a <label for>)."""
    if "aria-labelledby" in element.attrs:
        return text_of([shown.ids[i] for i in element.attrs["aria-labelledby"].split()])
    labels = shown.tags(lambda n: n.tag == "label" and n.attrs.get("for") == element.attrs.get("id"))
    return text_of(labels)


def unique_ids(shown: Shown) -> None:
    ids = [n.attrs["id"] for n in shown.dom.find(lambda n: "id" in n.attrs)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.browser
def test_linkedin_seeded_pages_tell_a_screen_reader_the_persona_values(browser):
    seen = Seen()
    page = browser.new_page()
    for seed in SEEDS:
        app = app_for(LinkedInReplica, seed)
        me, settings, pp = app.me, app.me["settings"], app.me["public_profile"]
        cookies = owner(app)

        def show(path: str, signed_in: bool = True, app=app, cookies=cookies) -> Shown:
            status, html = wsgi_get(app, path, "www.linkedin.com", cookies if signed_in else "")
            assert status.startswith("200"), (path, status)
            shown = Shown(page, html)
            unique_ids(shown)
            return shown

        # The Visibility list: rows with or without their values.
        shown = show("/mypreferences/d/categories/privacy")
        look = li_layout.Layout(seed, "privacy")
        for slug, item in ITEMS.items():
            label = li_layout.label(seed, item.label)
            seen.add("wording", label)
            c = item.controls[0]
            value = settings[c.key]
            value_text = ("On" if value else "Off") if c.kind == "switch" else value
            rows = [row for row in shown.ax.find("listitem")
                    if any(link.name.startswith(label) for link in row.find("link"))]
            assert len(rows) == 1, label
            row_text = rows[0].texts().replace(label, "", 1)
            shown_value = look.flag(f"value:{slug}")
            seen.add("row value", shown_value)
            assert (value_text in row_text) == shown_value, (seed, slug, row_text)
            seen.add("row arrangement", look.pick(f"arrange:{slug}", ("link", "columns")))
        for heading in ("Visibility of your profile & network", "Visibility of your LinkedIn activity"):
            form = look.pick(f"heading:{heading}", li_layout.HEADING_FORMS)
            seen.add("heading", form)
            node = shown.ax.one("heading", heading)
            assert f"level={3 if form == 'other' else 2}" in node.props

        # Each item page: every control in its drawn form, agreeing with the persona.
        for slug, item in ITEMS.items():
            shown = show(f"/mypreferences/d/{slug}")
            assert shown.ax.find("heading")[1].name == li_layout.label(seed, item.label)
            look = li_layout.Layout(seed, f"item:{slug}")
            for c in item.controls:
                label = li_layout.label(seed, c.label)
                seen.add("wording", label)
                if c.kind == "radios":
                    form = look.pick(f"form:{c.key}", li_layout.CHOICE_FORMS)
                    seen.add("choice form", form)
                    name = expected_name(li_layout, seed, f"item:{slug}", c.key, label,
                                         settings[c.key])
                    check_choice(shown, name, "fieldset" if form == "today" else form, c.key,
                                 label, settings[c.key])
                else:
                    form = look.pick(f"form:{c.key}", li_layout.SWITCH_FORMS)
                    seen.add("switch form", form)
                    check_switch(shown, form, label, settings[c.key])

        # Public profile settings: the master switch, the photo, the sections.
        shown = show("/public-profile/settings")
        look = li_layout.Layout(seed, "public-settings")
        form = look.pick("form:visible", li_layout.SWITCH_FORMS)
        seen.add("switch form", form)
        check_switch(shown, form, "Your profile's public visibility", pp["visible"])
        form = look.pick("form:photo", li_layout.CHOICE_FORMS)
        seen.add("choice form", form)
        name = expected_name(li_layout, seed, "public-settings", "photo", "Profile photo", pp["photo"])
        check_choice(shown, name, "native_radiogroup" if form == "today" else form, "photo",
                     "Profile photo", pp["photo"])
        for key, switch_name in PUBLIC_SWITCHES:
            form = look.pick(f"form:{key}", li_layout.SWITCH_FORMS)
            seen.add("switch form", form)
            label = li_layout.label(seed, switch_name)
            seen.add("wording", label)
            node = check_switch(shown, form, label, pp[key])
            assert ("disabled" in node.props) == (not pp["visible"]), (key, node.props)

        # A visitor: the public profile, or what stands for it when it is off.
        look = li_layout.Layout(seed, "profile")
        path = f"/in/{me['vanity']}/"
        if not pp["visible"]:
            hidden = look.pick("hidden", ("authwall", "not_found"))
            seen.add("hidden profile", hidden)
            status, html = wsgi_get(app, path, "www.linkedin.com")
            if hidden == "authwall":
                assert status.startswith("302 Found /authwall?"), status
            else:
                assert status.startswith(str(look.pick("hidden-status", (404, 200)))), status
                shown = Shown(page, html)
                shown.ax.one("heading", "Profile Not Found")
                assert "The LinkedIn profile you’re looking for isn’t public or doesn’t exist." \
                    in shown.ax.texts()
        else:
            check_public_profile(show(path, signed_in=False), app, look, seen)
    page.close()

    for kind, forms in (("choice form", li_layout.CHOICE_FORMS),
                        ("switch form", li_layout.SWITCH_FORMS),
                        ("heading", li_layout.HEADING_FORMS),
                        ("sections", li_layout.SECTION_FORMS),
                        ("row value", (True, False)), ("row arrangement", ("link", "columns")),
                        ("hidden profile", ("authwall", "not_found")),
                        ("location", ("top", "about"))):
        assert seen.values[kind] == set(forms), (kind, seen.values[kind])
    for variants in li_layout.LABELS.values():
        assert set(variants) <= seen.values["wording"], variants


def check_public_profile(shown: Shown, app, look, seen) -> None:
    """A seeded public profile: its sections, headings and location, and the facts unchanged."""
    p = app._profile_context(True)
    section_form = look.pick("sections", li_layout.SECTION_FORMS)
    heading_form = look.pick("section-heading", li_layout.HEADING_FORMS)
    seen.add("sections", section_form)
    seen.add("heading", heading_form)
    level = 3 if heading_form == "other" else 2
    assert "level=1" in shown.ax.one("heading", p["name"]).props
    for s in p["sections"]:
        region = shown.ax.one("region", s["title"])
        assert f"level={level}" in region.one("heading", s["title"]).props
        element = shown.ids[f"profile-section-{s['key']}"]
        assert element.tag == ("div" if heading_form == "role" else f"h{level}")
    boxes = shown.tags(lambda n: n.attrs.get("aria-labelledby", "").startswith("profile-section-"))
    assert {b.tag for b in boxes} == {"section" if section_form == "section" else "div"}
    has_about = any(s["key"] == "about" for s in p["sections"])
    where = look.pick("location", ("top", "about")) if has_about else "top"
    seen.add("location", where)
    everywhere = shown.ax.texts()
    assert everywhere.count(p["location"]) == 1  # shown once, wherever it is
    in_about = p["location"] in shown.ax.one("region", "About").texts() if has_about else False
    assert in_about == (where == "about")


@pytest.mark.browser
def test_tiktok_seeded_pages_tell_a_screen_reader_the_persona_values(browser):
    seen = Seen()
    page = browser.new_page()
    for seed in SEEDS:
        app = app_for(TikTokReplica, seed)
        me, settings = app.me, app.me["settings"]
        status, html = wsgi_get(app, "/setting/privacy", "www.tiktok.com", owner(app))
        shown = Shown(page, html)
        unique_ids(shown)
        look = tt_layout.Layout(seed, "privacy")
        seen.add("wording", tt_layout.value_word(seed, "duet", "Only me"))
        for heading, controls in PRIVACY_GROUPS:
            heading_form = look.pick(f"heading:{heading}", tt_layout.HEADING_FORMS)
            region_form = look.pick(f"region:{heading}", tt_layout.REGION_FORMS)
            seen.add("heading", heading_form)
            seen.add("region", region_form)
            node = shown.ax.one("heading", heading)
            assert f"level={2 if heading_form == 'other' else 3}" in node.props
            assert len(shown.ax.find("region", heading)) == (region_form != "plain")
            for c in controls:
                if c.kind == "select":
                    form = look.pick(f"form:{c.key}", tt_layout.CHOICE_FORMS)
                    seen.add("choice form", form)
                    text = tt_layout.value_word(seed, c.key, settings[c.key])
                    name = expected_name(tt_layout, seed, "privacy", c.key, c.label, text)
                    check_choice(shown, name, "select" if form == "today" else form, c.key,
                                 c.label, text)
                elif c.kind == "switch":
                    form = look.pick(f"form:{c.key}", tt_layout.SWITCH_FORMS)
                    seen.add("switch form", form)
                    check_switch(shown, form, c.label, settings[c.key])
                    if c.key == "private_account":
                        description = tt_layout.wording(seed, tt_layout.DESCRIPTIONS, c.key,
                                                        c.description)
                        seen.add("description", description)
                        assert description in shown.ax.texts()

        # "Suggest your account to others": inline, or in its dialog once opened.
        where = look.pick("suggest", tt_layout.SUGGEST_FORMS)
        seen.add("suggest", where)
        if where == "inline":
            scope = shown.ax.one("group", "Suggest your account to others")
            assert not shown.ax.find("button", "Suggest your account to others")
        else:
            assert not shown.ax.find("switch", "Contacts") and not shown.ax.find("checkbox", "Contacts")
            page.get_by_role("button", name="Suggest your account to others").click()
            shown.reread()
            scope = shown.ax.one("dialog", "Suggest your account to others")
            shown.dom = parse(page.content())  # the dialog's switches are in the page now
            shown.ids = {n.attrs["id"]: n for n in shown.dom.find(lambda n: "id" in n.attrs)}
        for c in SUGGEST:
            form = look.pick(f"form:{c.key}", tt_layout.SWITCH_FORMS)
            seen.add("switch form", form)
            check_switch(shown, form, c.label, settings[c.key], scope=scope)

        # A visitor: the profile header, and a private account's notice.
        status, html = wsgi_get(app, f"/@{me['unique_id']}", "www.tiktok.com")
        shown = Shown(page, html)
        unique_ids(shown)
        look = tt_layout.Layout(seed, "profile")
        region = look.pick("header", tt_layout.REGION_FORMS)
        seen.add("region", region)
        assert len(shown.ax.find("region", me["unique_id"])) == (region != "plain")
        assert "level=1" in shown.ax.one("heading", me["unique_id"]).props
        bio = [n for n in shown.dom.find(lambda n: n.attrs.get("data-e2e") == "user-bio")]
        assert len(bio) == 1 and text_of(bio) == (me["bio"] or "No bio yet.")
        bio_form = look.pick("bio", ("h2", "p", "div"))
        seen.add("bio", bio_form)
        assert bio[0].tag == bio_form
        assert (me["bio"] or "No bio yet.") in shown.ax.texts()
        nickname = look.pick("nickname", ("h2", "heading", "p"))
        seen.add("nickname", nickname)
        assert bool(shown.ax.find("heading", me["nickname"])) == (nickname != "p")
        if settings["private_account"]:
            title, text = tt_layout.wording(seed, {"notice": tt_layout.PRIVATE_NOTICES},
                                            "notice", None)
            seen.add("notice", text)
            assert text in shown.ax.texts() and "This account is private" in shown.ax.texts()
            assert not shown.dom.find(lambda n: n.attrs.get("data-e2e") == "user-post-item")
    page.close()

    for kind, forms in (("choice form", tt_layout.CHOICE_FORMS),
                        ("switch form", tt_layout.SWITCH_FORMS),
                        ("heading", tt_layout.HEADING_FORMS),
                        ("region", tt_layout.REGION_FORMS),
                        ("suggest", tt_layout.SUGGEST_FORMS), ("bio", ("h2", "p", "div")),
                        ("nickname", ("h2", "heading", "p"))):
        assert seen.values[kind] == set(forms), (kind, seen.values[kind])
    assert {"Only me", "No one"} <= seen.values["wording"]
    assert seen.values["description"] == set(tt_layout.DESCRIPTIONS["private_account"])
    assert len(seen.values["notice"]) == 2


# -- saving still works, in every form ----------------------------------------------------


def first_seed(module, pages_and_keys, forms) -> dict:
    """form -> (seed, page key, setting key): the first control drawn in each form."""
    found = {}
    for seed in range(60):
        for page_key, key in pages_and_keys:
            form = module.Layout(seed, page_key).pick(f"form:{key}", forms)
            found.setdefault(form, (seed, page_key, key))
    assert set(found) == set(forms)
    return found


def other_option(options, value):
    return next(o for o in options if o != value)


@pytest.mark.browser
@pytest.mark.slow  # make faults
def test_linkedin_every_form_still_saves(browser):
    """Each form of each kind, once: choosing another value or flipping the switch saves it
    (one POST of the setting's own field) and the page comes back showing it."""
    from replicas.linkedin import schema

    controls = {c.key: (slug, c) for slug, item in ITEMS.items() for c in item.controls}
    cases = [(kind, form, seed, key) for kind, found in (
        ("radios", first_seed(li_layout, [(f"item:{s}", k) for k, (s, c) in controls.items()
                                          if c.kind == "radios"], li_layout.CHOICE_FORMS)),
        ("switch", first_seed(li_layout, [(f"item:{s}", k) for k, (s, c) in controls.items()
                                          if c.kind == "switch"], li_layout.SWITCH_FORMS)))
        for form, (seed, _, key) in found.items()]
    app = LinkedInReplica(persona("demo"))
    with ReplicaServer(app) as server:
        context = browser.new_context(storage_state=app.storage_state())
        context.route("**/*", route_to(server.origin, LI_HOSTS))
        page = context.new_page()
        for kind, form, seed, key in cases:
            app.layout_seed = seed
            slug, c = controls[key]
            path = f"/mypreferences/d/{slug}"
            page.goto("https://www.linkedin.com" + path)
            label = li_layout.label(seed, c.label)
            before = app.me["settings"][key]
            if kind == "switch":
                after = not before
                flip(page, form, label)
                check_switch(Shown(page), form, label, after)
                body = f"{key}={str(after).lower()}"
            else:
                after = other_option(schema.SETTINGS[key][0], before)
                choose(page, form, key, label, after)
                name = expected_name(li_layout, seed, f"item:{slug}", key, label, after)
                check_choice(Shown(page), name, "fieldset" if form == "today" else form, key,
                             label, after)
                body = f"{key}={after}".replace(" ", "+")
            assert app.me["settings"][key] == after, (form, key)
            assert [(w["method"], w["path"], w["body"]) for w in app.writes] == \
                [("POST", path, body)], form
            app.me["settings"][key] = before
            app.writes.clear()
        context.close()


@pytest.mark.browser
@pytest.mark.slow  # make faults
def test_tiktok_every_form_still_saves(browser):
    from replicas.tiktok import schema

    controls = {c.key: c for _, group in PRIVACY_GROUPS for c in group if c.kind != "suggest"}
    cases = [(kind, form, seed, key) for kind, found in (
        ("select", first_seed(tt_layout, [("privacy", k) for k, c in controls.items()
                                          if c.kind == "select"], tt_layout.CHOICE_FORMS)),
        ("switch", first_seed(tt_layout, [("privacy", k) for k, c in controls.items()
                                          if c.kind == "switch"], tt_layout.SWITCH_FORMS)))
        for form, (seed, _, key) in found.items()]
    app = TikTokReplica(persona("demo"))
    with ReplicaServer(app) as server:
        context = browser.new_context(storage_state=app.storage_state())
        context.route("**/*", route_to(server.origin, TT_HOSTS))
        page = context.new_page()
        for kind, form, seed, key in cases:
            app.layout_seed = seed
            page.goto("https://www.tiktok.com/setting/privacy")
            label = controls[key].label
            before = app.me["settings"][key]
            if kind == "switch":
                after = not before
                confirm = {True: "Switch to private", False: "Switch to public"}[after] \
                    if key == "private_account" else ""
                flip(page, form, label, confirm)
                check_switch(Shown(page), form, label, after)
                body = f"{key}={str(after).lower()}"
            else:
                after = other_option(schema.SETTINGS[key][0], before)
                text = tt_layout.value_word(seed, key, after)
                choose(page, form, key, label, text)
                name = expected_name(tt_layout, seed, "privacy", key, label, text)
                shown_form = "select" if form == "today" or "edit=" in page.url else form
                check_choice(Shown(page), name, shown_form, key, label, text)
                body = f"{key}={after}".replace(" ", "+")
            assert app.me["settings"][key] == after, (form, key)
            assert [(w["method"], w["path"], w["body"]) for w in app.writes] == \
                [("POST", "/setting/privacy", body)], form
            app.me["settings"][key] = before
            app.writes.clear()

        # "Suggest your account to others", inline and in its dialog.
        for where in tt_layout.SUGGEST_FORMS:
            app.layout_seed = next(s for s in range(60) if tt_layout.Layout(s, "privacy").pick(
                "suggest", tt_layout.SUGGEST_FORMS) == where)
            form = tt_layout.Layout(app.layout_seed, "privacy").pick(
                "form:suggest_contacts", tt_layout.SWITCH_FORMS)
            page.goto("https://www.tiktok.com/setting/privacy")
            if where == "dialog":
                page.get_by_role("button", name="Suggest your account to others").click()
            flip(page, form, "Contacts")
            assert app.me["settings"]["suggest_contacts"] is False
            assert [w["body"] for w in app.writes] == ["suggest_contacts=false"]
            app.me["settings"]["suggest_contacts"] = True
            app.writes.clear()
        context.close()


def flip(page, form, label, confirm="") -> None:
    """Flip the switch `label` drawn in `form` (confirming if asked); the page comes back."""
    role = "checkbox" if form in ("checkbox", "aria_checkbox") else "switch"
    control = page.get_by_role(role, name=label, exact=True)
    if confirm:
        control.click()
        with page.expect_navigation():
            page.get_by_role("dialog").get_by_role("button", name=confirm).click()
    else:
        with page.expect_navigation():
            control.click()


def choose(page, form, key, label, text) -> None:
    """Pick the option `text` of the control `label` in `form`; the page comes back."""
    scope = page
    if form == "link":  # the page again, with that control to edit in the page's own form
        with page.expect_navigation():
            page.locator(f'a[href="?edit={key}"]').click()
        assert page.url.endswith(f"?edit={key}")
    elif form == "button":
        page.locator(f'[data-opens="{control_id(key)}-choose"]').click()
        scope = page.get_by_role("dialog", name=label, exact=True)
    elif form == "dialog":
        scope = page.get_by_role("dialog", name=label, exact=True)
    elif form in ("radiogroup", "radios_for"):
        scope = page.get_by_role("radiogroup", name=label, exact=True)
    select = page.get_by_label(label, exact=True).and_(page.locator("select"))
    if select.count() == 1:
        with page.expect_navigation():
            select.select_option(label=text)
        return
    if scope is page:  # a fieldset (today's LinkedIn radios, radios_wrap)
        scope = page.get_by_role("group", name=label, exact=True)
    with page.expect_navigation():
        scope.get_by_role("radio", name=text, exact=True).click()
