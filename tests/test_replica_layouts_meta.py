"""Seeded layouts of the Facebook, X and Instagram replicas (replicas/README.md, "Seeded
layouts").

A layout seed changes how each setting's current value is shown (visible text, a button
named by the value, radio groups, a listbox, a <select>, native or ARIA switches and
checkboxes, help text that names other things), the wording the facts document in more
than one form, the order of rows, wrapper depth and headings. Whatever the seed, a real
browser's accessibility tree must still give every value the persona holds; the same seed
must give the same page; without a seed, the pages are today's.
"""

from __future__ import annotations

import http.client
import importlib
import io
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from replicas.facebook import SETTINGS_TABS, FacebookReplica
from replicas.instagram import SETTINGS_PAGES as IG_PAGES
from replicas.instagram import InstagramReplica
from replicas.personas import load_persona
from replicas.server import ReplicaServer
from replicas.x import SETTINGS_PAGES as X_PAGES
from replicas.x import XReplica

CHROMIUM = "/usr/bin/chromium"
SEEDS = range(20)
PERSONAS = ("demo", "locked_down", "wide_open")  # seed n uses PERSONAS[n % 3]
HOSTS = {"facebook": "www.facebook.com", "x": "x.com", "instagram": "www.instagram.com"}
APPS = {"facebook": FacebookReplica, "x": XReplica, "instagram": InstagramReplica}
PAGES = {"facebook": list(SETTINGS_TABS), "x": list(X_PAGES), "instagram": list(IG_PAGES)}

# Every value form each platform's seeds must show at least once across SEEDS.
FORMS = {
    ("facebook", "choice"): {"text", "icon", "radiogroup", "dialog", "combobox"},
    ("facebook", "switch"): {"aria_label", "labelledby", "checkbox", "aria_checkbox", "described"},
    ("x", "radios"): {"radios", "radios_for", "aria_radios", "select"},
    ("x", "switch"): {"label", "labelledby", "checkbox", "aria_checkbox", "described"},
    ("x", "checkbox"): {"label", "checkbox", "aria_checkbox", "described"},
    ("x", "link"): {"text", "icon"},
    ("instagram", "radios"): {"radios", "aria_radios", "dialog", "text", "icon"},
    ("instagram", "switch"): {"label", "labelledby", "checkbox", "aria_checkbox", "described"},
    ("instagram", "checkbox"): {"label", "checkbox", "aria_checkbox", "described"},
}
# The wording the facts document in more than one form: every one must appear.
WORDING = {
    "facebook": {"marker": {"Shared with {}", "Shared with: {}"},
                 "wall": {"See more on Facebook", "See more of {} on Facebook"},
                 "lookup": {"questions", "rows"}},
    "x": {"discover_email": {"Let people who have your email address find you on X",
                             "Let people who have your email find you on X"},
          "protected_body": {"Only approved followers can see @{}’s posts. To request access, "
                             "click Follow.",
                             "Only approved followers can see @{}'s posts. To request access, "
                             "click Follow.",
                             "This account has its posts protected. Only their followers can "
                             "read them."},
          "unable": {"You’re unable to view this Post because this account owner limits who can "
                     "view their Posts.",
                     "You're unable to view these posts because this account owner limits who "
                     "can view their posts"}},
    "instagram": {"tag_labels": {("Allow tags from", "Allow mentions from"),
                                 ("Who can tag you", "Who can @mention you")},
                  "private_notice": {"This account is private", "This Account is Private"},
                  "search_engines_help": {
                      "When this is on, search engines like Google can show your public photos "
                      "and videos in their results.",
                      "When this is on, search engines such as Google can show your public "
                      "photos and videos in search results outside of Instagram. When this is "
                      "off, links to your publicly shared content can still appear in search "
                      "results."}},
}
# Without a seed: the replica's own wording, as before seeds existed.
DEFAULT_WORDING = {
    "facebook": {"marker": "Shared with {}", "wall": "See more on Facebook", "lookup": "questions"},
    "x": {"discover_email": "Let people who have your email address find you on X",
          "protected_body": "Only approved followers can see @{}’s posts. To request access, "
                            "click Follow.",
          "unable": "You’re unable to view this Post because this account owner limits who can "
                    "view their Posts."},
    "instagram": {"tag_labels": ("Allow tags from", "Allow mentions from"),
                  "private_notice": "This account is private",
                  "search_engines_help": "When this is on, search engines like Google can show "
                                         "your public photos and videos in their results."},
}
# What only a seeded page holds: its forms and ids, and the wording variants.
SEEDED_MARKERS = ('role="combobox"', 'role="listbox"', 'role="checkbox"', "<select",
                  "data-autosave", 'id=":r', 'id="id__', "<fieldset", 'data-opens="choices-')
SEEDED_WORDING = {
    "facebook": ("Shared with:", "See more of", "People with your email address"),
    "x": ("email find you", "@samtaylor_sw's posts", "You're unable"),
    "instagram": ("This Account is Private", "Who can tag you", "Who can @mention you",
                  "such as Google"),
}
# Reading a value back from an accessible name that carries it (icon forms).
NAME_PATTERNS = [r"Edit privacy\. Sharing with (?P<v>.+)\.",
                 r"Edit audience, currently (?P<v>.+)", r"(?P<label>.+?)(?:,|:) (?P<v>.+)"]
VALUE_SYNONYMS = {"Your friends of friends": "Friends of friends"}  # facts 1.3
X_TAGGING = {"Anyone can tag you": "Anyone", "Only people you follow can tag you":
             "Only people you follow", "Off": "Off"}
TRAP_WORDS = ("public", "email")
# Pages whose rows keep their order: one control, or one between two fixed texts, or a
# switch and the choices it governs.
FIXED_ORDER = {"tagging", "/accounts/settings/v2/account_privacy/", "/accounts/activity_status/"}


def persona_for(seed: int) -> str:
    return PERSONAS[seed % len(PERSONAS)]


_TEMPLATES: dict = {}


def new_app(platform: str, seed: int | None, persona: str | None = None):
    app = APPS[platform](load_persona(persona or persona_for(seed or 0)), layout_seed=seed)
    # Templates are the same for every app of a platform: compile them once (a test's
    # shortcut; each app still has its own class names, persona and sessions).
    app._jinja = _TEMPLATES.setdefault(platform, app._jinja)
    return app


def settings_url(platform: str, page: str) -> str:
    if platform == "facebook":
        return f"https://www.facebook.com/settings/?tab={page}"
    if platform == "x":
        return f"https://x.com/settings/{page}"
    return f"https://www.instagram.com{page}"


def plan_controls(platform: str, plan: dict) -> list[dict]:
    """The plan's controls in the order the page shows them."""
    if platform == "facebook":
        return [plan["rows"][key] for key in plan["order"]]
    return [plan["controls"][cid] for cid in plan["order"]]


# -- pages without a browser (the app called as WSGI, the real host in X-Forwarded-Host) -----

def get(app, url: str, cookies: str = "") -> tuple[int, str]:
    parts = urlsplit(url)
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": parts.path, "QUERY_STRING": parts.query,
               "HTTP_X_FORWARDED_HOST": parts.hostname, "HTTP_COOKIE": cookies,
               "wsgi.input": io.BytesIO(b""), "wsgi.url_scheme": "http",
               "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80"}
    status = []
    body = b"".join(app(environ, lambda s, h, e=None: status.append(int(s.split()[0]))))
    return status[0], body.decode("utf-8")


def owner_cookies(app) -> str:
    return "; ".join(f"{c['name']}={c['value']}" for c in app.storage_state()["cookies"])


def comparable(html: str) -> str:
    """A page without what changes with every app (generated classes, ids of the session)."""
    html = re.sub(r' class="[^"]*"', "", html)
    html = re.sub(r'"serverDate":\d+', '"serverDate":0', html)
    return re.sub(r'"guestId":"\d+"', '"guestId":"0"', html)


def every_page(platform: str, app) -> list[tuple[str, bool]]:
    """(url, as the owner) of every page a seed may change."""
    host = HOSTS[platform]
    me = app.me
    urls = [(settings_url(platform, page), True) for page in PAGES[platform]]
    if platform == "facebook":
        urls += [(f"https://{host}/{me['username']}", False), (f"https://{host}/{me['username']}", True)]
    elif platform == "x":
        urls += [(f"https://{host}/{me['handle']}", False),
                 (f"https://{host}/{me['handle']}/status/{me['posts'][0]['id']}", False)]
    else:
        urls += [(f"https://{host}/{me['username']}/", False)]
    return urls


@pytest.mark.parametrize("platform", list(APPS))
def test_the_same_seed_gives_the_same_pages_and_another_seed_another(platform):
    for seed in (0, 7, 19):
        first, second = new_app(platform, seed), new_app(platform, seed)
        other = new_app(platform, seed + 1, persona_for(seed))
        # Asked in another order, the second app must still answer the same pages.
        pages = every_page(platform, first)
        firsts = {url + str(owner): get(first, url, owner_cookies(first) if owner else "")
                  for url, owner in pages}
        for url, owner in reversed(pages):
            status, html = get(second, url, owner_cookies(second) if owner else "")
            assert firsts[url + str(owner)][0] == status == 200, url
            assert comparable(html) == comparable(firsts[url + str(owner)][1]), (seed, url)
            ids = re.findall(r'\sid="([^"]+)"', html)
            assert len(ids) == len(set(ids)), (seed, url)
            # every aria-labelledby / aria-describedby / aria-controls / label for points home
            refs = re.findall(r'\s(?:aria-labelledby|aria-describedby|aria-controls|for)="([^"]+)"',
                              html)
            assert {r for ref in refs for r in ref.split()} <= set(ids), (seed, url)
        changed = [url for url, owner in pages[:len(PAGES[platform])]
                   if comparable(get(other, url, owner_cookies(other))[1])
                   != comparable(firsts[url + "True"][1])]
        assert changed, (platform, seed)


@pytest.mark.parametrize("platform", list(APPS))
def test_no_seed_gives_the_one_default_layout(platform):
    for persona in PERSONAS:
        app = APPS[platform](load_persona(persona))  # as the demo makes it
        app._jinja = _TEMPLATES.setdefault(platform, app._jinja)
        seedless = new_app(platform, None, persona)
        assert app.layout_seed is None and app.layout is None
        assert all(app.layout_plan(page) is None for page in PAGES[platform])
        assert app.wording() == seedless.wording() == DEFAULT_WORDING[platform]
        for url, owner in every_page(platform, app):
            status, html = get(app, url, owner_cookies(app) if owner else "")
            assert status == 200
            assert comparable(html) == comparable(
                get(seedless, url, owner_cookies(seedless) if owner else "")[1])
            # None of the seeded forms, ids or wording variants
            for marker in SEEDED_MARKERS + SEEDED_WORDING[platform]:
                assert marker not in html, (url, marker)
        if platform == "facebook":
            page = get(app, settings_url("facebook", "how_people_find_and_contact_you"),
                       owner_cookies(app))[1]
            assert "Who can look you up using the email address you provided?" in page
            assert "People with your email address" not in page
            # today's forms: the value as text with an Edit button, switches named by aria-label
            assert page.count('aria-haspopup="dialog" data-opens="dialog-') == 4
            assert re.search(r'role="switch" tabindex="0" aria-checked="\w+" aria-label="', page)
        else:
            page = get(app, settings_url(platform, PAGES[platform][0]), owner_cookies(app))[1]
            assert "<label" in page and 'type="checkbox"' in page


def test_across_twenty_seeds_every_form_wording_and_structure_occurs():
    forms, wording, structure, orders = Counter(), Counter(), Counter(), Counter()
    for platform in APPS:
        for seed in SEEDS:
            app = new_app(platform, seed)
            for name, value in app.wording().items():
                wording[platform, name, json.dumps(value)] += 1
            for page in PAGES[platform]:
                plan = app.layout_plan(page)
                assert plan == app.layout_plan(page)  # asked twice: the same
                heads = [plan.get("title") or plan.get("heading")] + plan.get("nav", [])
                for h in heads + [c["heading"] for c in plan_controls(platform, plan)
                                  if "heading" in c]:
                    structure[platform, "heading", h["tag"]] += 1
                for c in plan_controls(platform, plan):
                    forms[platform, c["kind"], c["form"]] += 1
                    structure[platform, "depth", c["depth"]] += 1
                    structure[platform, "columns", c["columns"]] += 1
                    if c["form"] == "combobox":
                        structure[platform, "combobox", c["sub"]] += 1
                    if platform == "x" and c["form"] in ("radios", "radios_for"):
                        structure[platform, "group", c["sub"]] += 1
                    if c["form"] == "icon":
                        structure[platform, "icon name", c.get("name_pattern") or c["name"]] += 1
                keys = [c["key"] for c in plan_controls(platform, plan)]
                orders[platform, page, tuple(keys)] += 1
    for (platform, kind), expected in FORMS.items():
        assert {f for (p, k, f) in forms if (p, k) == (platform, kind)} == expected, (platform, kind)
    for platform, names in WORDING.items():
        for name, expected in names.items():
            seen = {v for (p, n, v) in wording if (p, n) == (platform, name)}
            assert seen == {json.dumps(list(e) if isinstance(e, tuple) else e)
                            for e in expected}, (platform, name)
    for platform in APPS:
        assert {d for (p, what, d) in structure if p == platform and what == "depth"} == set(range(5))
        assert {c for (p, what, c) in structure if p == platform and what == "columns"} == {True, False}
        assert {t for (p, what, t) in structure if p == platform and what == "heading"} == {"h", "div"}
        for page in PAGES[platform]:  # the same rows come in more than one order
            if page in FIXED_ORDER:
                continue
            seen = Counter(tuple(sorted(keys)) for (p, pg, keys) in orders
                           if (p, pg) == (platform, page))
            assert max(seen.values()) > 1, (platform, page)
    assert {s for (p, what, s) in structure if what == "combobox"} == {"combobox", "button"}
    assert {s for (p, what, s) in structure if what == "group"} == {"radiogroup", "fieldset"}
    assert len({n for (p, what, n) in structure if p == "facebook" and what == "icon name"}) == 3


# -- a real browser ------------------------------------------------------------------------

class Switchable:
    """One server per platform; the app behind it changes from seed to seed."""

    def __init__(self):
        self.app = None

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


def route_to(origin: str, hosts: tuple[str, ...]):
    """Send the platform's hosts to the replica's origin, as the audit's site override does
    (the real host in X-Forwarded-Host; redirects followed here), as tests/test_replica_x.py
    does."""

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


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium at " + CHROMIUM)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


class Site:
    """One platform in the browser: its server (the app behind it changes from seed to
    seed), an owner's page and a visitor's page, both through the site override."""

    def __init__(self, browser, platform: str):
        self.platform = platform
        self.backend = Switchable()
        self.server = ReplicaServer(self.backend).start()
        self.owner = browser.new_context()
        self.visitor = browser.new_context()
        for context in (self.owner, self.visitor):
            context.route("**/*", route_to(self.server.origin, (HOSTS[platform],)))
        self.page = self.owner.new_page()
        self.stranger = self.visitor.new_page()

    def use(self, app):
        """Put `app` behind the server and sign the owner's page in to it."""
        self.backend.app = app
        self.owner.clear_cookies()
        self.owner.add_cookies(app.storage_state()["cookies"])

    def close(self):
        self.owner.close()
        self.visitor.close()
        self.server.stop()


@pytest.fixture(scope="module")
def sites(browser):
    opened = {platform: Site(browser, platform) for platform in APPS}
    yield opened
    for site in opened.values():
        site.close()


# -- what a screen reader gets: the accessibility snapshot, as a tree ----------------------

_NODE = re.compile(r'^(?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?(?P<attrs>(?: \[[^\]]*\])*)'
                   r'(?::(?: (?P<text>.*))?)?$')


class Node:
    def __init__(self, role: str, name: str = "", attrs: str = "", text: str = ""):
        self.role, self.name, self.attrs, self.text = role, name, attrs, text
        self.children: list[Node] = []

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, role: str, name: str | None = None) -> list[Node]:
        return [n for n in self.walk() if n.role == role and (name is None or n.name == name)]

    def one(self, role: str, name: str) -> Node:
        found = self.find(role, name)
        assert len(found) == 1, (role, name, len(found))
        return found[0]

    def marked(self, role: str, mark: str) -> list[str]:
        """Names of the `role` nodes inside carrying `mark` ("[checked]", "[selected]")."""
        return [n.name for n in self.walk() if n.role == role and mark in n.attrs]

    def __repr__(self):
        return f"{self.role} {self.name!r} {self.attrs} {self.text!r}"


def _unquote(text: str) -> str:
    return json.loads(text) if text.startswith('"') else text


def accessibility_tree(snapshot: str) -> Node:
    root, stack = Node("root"), []
    for line in snapshot.splitlines():
        indent = len(line) - len(line.lstrip())
        item = line.strip()
        if not item.startswith("- "):
            continue  # properties such as "/url: ..."
        item = item[2:]
        if item.startswith("'") and item.endswith("'"):  # YAML quotes a whole item with ": "
            item = item[1:-1].replace("''", "'")
        elif item.startswith('"') and item.endswith('"'):
            item = json.loads(item)
        if item.startswith("text: "):
            node = Node("text", text=_unquote(item[6:]))
        else:
            m = _NODE.match(item)
            if not m:
                continue
            name = json.loads(f'"{m.group("name")}"') if m.group("name") is not None else ""
            node = Node(m.group("role"), name, m.group("attrs").strip(),
                        _unquote(m.group("text") or ""))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        (stack[-1][1] if stack else root).children.append(node)
        stack.append((indent, node))
    return root


def reading_order(tree: Node) -> list[tuple[str, str]]:
    """What a screen reader reads in order: (role, name) of each node, ("text", text) of
    each text run."""
    out = []
    for node in tree.walk():
        if node.role == "root":
            continue
        if node.role == "text":
            out.append(("text", node.text))
            continue
        out.append((node.role, node.name))
        if node.text:
            out.append(("text", node.text))
    return out


def after(order: list, label: str, start: int = 0) -> tuple[int, tuple | str | None]:
    """Where `label` is read (from `start`), and what is read right after it: the rest of
    its text run, or the next node."""
    for i in range(start, len(order)):
        if label in order[i][1]:
            rest = order[i][1].split(label, 1)[1].strip()
            if rest:
                return i, rest
            return i, order[i + 1] if i + 1 < len(order) else None
    return -1, None


def value_from_name(name: str, label: str) -> str:
    for pattern in NAME_PATTERNS:
        m = re.fullmatch(pattern, name)
        if m and m.groupdict().get("label", label) == label:
            return VALUE_SYNONYMS.get(m.group("v"), m.group("v"))
    return VALUE_SYNONYMS.get(name, name)


# What the DOM says of each toggle, select and heading (how it is built, not its value).
FACTS_JS = """() => {
  const text = id => { const e = document.getElementById(id); return e ? e.textContent.trim() : ""; };
  const ids = s => (s || "").split(/\\s+/).filter(Boolean);
  const clean = s => (s || "").replace(/\\s+/g, " ").trim();
  return [...document.querySelectorAll(
      'input[type=checkbox], [role=switch], [role=checkbox], select, [role=heading], h1, h2, h3')]
    .filter(e => !e.closest("template"))
    .map(e => {
      const forLabel = e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]');
      const around = e.closest("label");
      return {tag: e.tagName.toLowerCase(), type: e.type || "", role: e.getAttribute("role") || "",
              ariaLabel: e.getAttribute("aria-label"),
              labelledby: clean(ids(e.getAttribute("aria-labelledby")).map(text).join(" ")),
              labelFor: forLabel ? clean(forLabel.textContent) : "",
              inLabel: around ? clean(around.textContent) : "",
              described: clean(ids(e.getAttribute("aria-describedby")).map(text).join(" ")),
              text: clean(e.textContent), level: e.getAttribute("aria-level") || ""};
    });
}"""


def built(facts: list[dict], label: str, tags=("input", "div", "select")) -> dict:
    found = [f for f in facts if f["tag"] in tags
             and label in (f["ariaLabel"], f["labelledby"], f["labelFor"], f["inLabel"])]
    assert len(found) == 1, (label, found)
    return found[0]


def expected(platform: str, control: dict, settings: dict):
    value = settings[control["key"]]
    if platform == "x" and control["key"] == "photo_tagging":
        if control["kind"] == "switch":
            return value != "Off"
        return {v: k for k, v in X_TAGGING.items()}[value]
    return value


def toggle_role(c: dict) -> str:
    return "checkbox" if c["form"] in ("checkbox", "aria_checkbox") or c["kind"] == "checkbox" \
        else "switch"


def check_toggle(tree: Node, facts: list, c: dict, want: bool) -> None:
    label, form = c["label"], c["form"]
    node = tree.one(toggle_role(c), label)
    assert ("[checked]" in node.attrs) is want, (c["key"], node)
    d = built(facts, label, ("input", "div"))
    if form == "aria_label":
        assert d["ariaLabel"] == label and d["role"] == "switch", d
    elif form == "labelledby":
        assert d["labelledby"] == label and not d["ariaLabel"] and d["role"] == "switch", d
    elif form == "checkbox":
        assert d["tag"] == "input" and d["type"] == "checkbox" and d["labelFor"] == label \
            and not d["role"], d
    elif form == "aria_checkbox":
        assert d["tag"] == "div" and d["role"] == "checkbox" and d["labelledby"] == label, d
    elif form == "described":
        assert d["labelledby"] == label and any(w in d["described"].lower() for w in TRAP_WORDS), d
    elif form == "label":
        assert d["tag"] == "input" and d["inLabel"] == label and not d["labelledby"], d


def check_choice(tree: Node, order: list, facts: list, c: dict, want: str) -> None:
    label = c.get("question") or c["label"]
    form = c["form"]
    if form == "text":  # the value is read right after the question, as text or in one name
        where, next_read = after(order, label)
        assert where >= 0, c
        assert next_read == want or next_read == ("text", want), (c["key"], next_read)
    elif form == "icon":  # only a button (or link) named by the value comes after the question
        where, next_read = after(order, label)
        assert isinstance(next_read, tuple) and next_read[0] in ("button", "link"), (c, next_read)
        assert value_from_name(next_read[1], label) == want, (c["key"], next_read)
    elif form in ("radiogroup", "aria_radios", "radios", "radios_for", "dialog"):
        role = "group" if c.get("sub") == "fieldset" and form in ("radios", "radios_for") \
            else "radiogroup"
        scope = tree.one("dialog", label) if form == "dialog" else tree
        group = scope.one(role, label)
        assert group.marked("radio", "[checked]") == [want], (c["key"], group.children)
    elif form == "select":
        assert built(facts, label, ("select",))["labelFor"] == label
        assert tree.one("combobox", label).marked("option", "[selected]") == [want], c["key"]
    elif form == "combobox":
        if c["sub"] == "combobox":
            box = tree.one("combobox", label)
            assert "[expanded]" in box.attrs and (box.text or box.children[0].text) == want, box
        else:
            tree.one("button", f"{label} {want}")
        assert tree.one("listbox", label).marked("option", "[selected]") == [want], c["key"]
    else:
        raise AssertionError(c)


def read_page(page) -> tuple[Node, list, list]:
    tree = accessibility_tree(page.locator("body").aria_snapshot())
    return tree, reading_order(tree), page.evaluate(FACTS_JS)


def check_settings_page(page, platform: str, app, name: str) -> Counter:
    plan = app.layout_plan(name)
    page.goto(settings_url(platform, name))
    tree, order, facts = read_page(page)
    settings = app.me["settings"]
    title = {"facebook": SETTINGS_TABS.get(name, ("",))[0],
             "x": X_PAGES.get(name, ("",))[0], "instagram": IG_PAGES.get(name, ("",))[0]}[platform]
    head = plan.get("title") or plan.get("heading")
    assert any(n.attrs == f"[level={head['level']}]" for n in tree.find("heading", title)), title
    tags = {f["tag"] for f in facts if f["text"] == title and (f["role"] == "heading" or f["tag"][0] == "h")}
    assert tags == ({"div"} if head["tag"] == "div" else {f"h{head['level']}"}), (title, tags)
    seen, cursor = Counter(), after(order, title)[0]
    for c in plan_controls(platform, plan):
        if c["kind"] in ("action", "text", "value", "heading", "group"):
            continue
        if platform == "x" and c["key"] == "photo_tagging" and c["kind"] == "radios" \
                and settings["photo_tagging"] == "Off":
            continue  # no choices while tagging is off
        want = expected(platform, c, settings)
        label = c.get("question") if c["kind"] == "choice" else c["label"]
        where = after(order, label, cursor + 1)[0]
        assert where > cursor, (platform, name, c["key"], "out of the seed's order")
        cursor = where
        if c["kind"] in ("switch", "checkbox"):
            check_toggle(tree, facts, c, want)
        else:
            check_choice(tree, order, facts, c, want)
        seen[c["kind"], c["form"]] += 1
    return seen


def check_wording_elsewhere(page, platform: str, app) -> None:
    """Logged out: the seed's wording where a value shows outside the settings."""
    wording, me = app.wording(), app.me
    if platform == "facebook":
        page.goto(f"https://www.facebook.com/{me['username']}")
        tree = read_page(page)[0]
        tree.one("dialog", wording["wall"].format(me["name"]))
        public = [p for p in me["posts"] if p["audience"] == "Public"][:10]
        # (the overlay is aria-modal: the page behind it is asked for by role)
        icons = page.get_by_role("img", name=wording["marker"].format("Public"), exact=True)
        assert icons.count() == len(public)
    elif platform == "x":
        protected = me["settings"]["protected"]
        page.goto(f"https://x.com/{me['handle']}")
        texts = " | ".join(n.text for n in read_page(page)[0].walk() if n.role == "text")
        assert (wording["protected_body"].format(me["handle"]) in texts) is protected
        if protected:
            page.goto(f"https://x.com/{me['handle']}/status/{me['posts'][0]['id']}")
            assert wording["unable"] in " | ".join(n.text for n in read_page(page)[0].walk())
    else:
        page.goto(f"https://www.instagram.com/{me['username']}/")
        found = read_page(page)[0].find("heading", wording["private_notice"])
        assert len(found) == (1 if me["settings"]["private"] else 0)


@pytest.mark.browser
@pytest.mark.parametrize("platform", list(APPS))
def test_every_seed_shows_every_value_the_persona_holds(sites, platform):
    site, seen = sites[platform], Counter()
    for seed in SEEDS:
        app = new_app(platform, seed)
        site.use(app)
        for name in PAGES[platform]:
            seen += check_settings_page(site.page, platform, app, name)
        check_wording_elsewhere(site.stranger, platform, app)
        assert not app.writes
    for (p, kind), forms in FORMS.items():
        if p == platform:
            assert {f for (k, f) in seen if k == kind} == forms, (kind, forms)


# -- the settings forms still save -----------------------------------------------------------

def first_seed_with(platform: str, kind: str, form: str):
    """(seed, page, control) of the first seed showing `form` for a control of `kind`."""
    for seed in SEEDS:
        app = new_app(platform, seed)
        for name in PAGES[platform]:
            for c in plan_controls(platform, app.layout_plan(name)):
                if c["kind"] == kind and c["form"] == form and not (
                        platform == "x" and c["key"] == "photo_tagging" and c["kind"] == "radios"
                        and app.me["settings"]["photo_tagging"] == "Off"):
                    return seed, name, c
    raise AssertionError((platform, kind, form))


def other_option(platform: str, app, c: dict) -> tuple[str, str]:
    """(value sent, option label) of an option other than the current one."""
    settings = app.me["settings"]
    if platform == "x" and c["key"] == "photo_tagging":
        value = "Only people you follow" if settings["photo_tagging"] == "Anyone" else "Anyone"
        return value, {v: k for k, v in X_TAGGING.items()}[value]
    schema = importlib.import_module(f"replicas.{platform}.schema")
    value = next(o for o in schema.SETTINGS[c["key"]][0] if o != settings[c["key"]])
    return value, value


def change(page, platform: str, app, c: dict) -> str:
    """Change one control the way a person would; the form body it should send."""
    key, form = c["key"], c["form"]
    if c["kind"] in ("switch", "checkbox"):
        now = app.me["settings"][key]
        if platform == "x" and key == "photo_tagging":
            body = "photo_tagging=" + ("Off" if now != "Off" else "Anyone")
        else:
            body = f"{key}={'false' if now else 'true'}"
        control = page.get_by_role(toggle_role(c), name=c["label"], exact=True)
        if key == "private" or (key == "protected" and not now):  # these ask first
            control.click()
            with page.expect_navigation():
                page.get_by_role("dialog").last.get_by_role("button").first.click()
        else:
            with page.expect_navigation():
                control.click()
        return body
    value, label = other_option(platform, app, c)
    body = urlencode({key: value})
    question = c.get("question") or c["label"]
    if form in ("text", "icon"):  # a button opens the choices
        order = reading_order(read_page(page)[0])
        where, next_read = after(order, question)
        if platform == "facebook":
            name = next_read[1] if form == "icon" else f"Edit {question}".rstrip(" ?")
        else:
            name = order[where][1] if form == "text" else next_read[1]
        page.get_by_role("button", name=name, exact=True).click()
        dialog = page.get_by_role("dialog", name=question, exact=True)
        if platform == "facebook":
            dialog.get_by_role("radio", name=label, exact=True).click()
            with page.expect_navigation():
                dialog.get_by_role("button", name="Save").click()
        else:
            with page.expect_navigation():
                dialog.get_by_role("radio", name=label, exact=True).check()
    elif form == "dialog" and platform == "facebook":
        dialog = page.get_by_role("dialog", name=question, exact=True)
        dialog.get_by_role("radio", name=label, exact=True).click()
        with page.expect_navigation():
            dialog.get_by_role("button", name="Save").click()
    elif form == "combobox":
        with page.expect_navigation():
            page.get_by_role("listbox", name=question, exact=True).get_by_role(
                "option", name=label, exact=True).click()
    elif form == "select":
        with page.expect_navigation():
            page.get_by_label(question, exact=True).select_option(value)
    else:  # radio groups, native or not, inline or in an open dialog
        role = "group" if c.get("sub") == "fieldset" and form in ("radios", "radios_for") \
            else "radiogroup"
        radio = page.get_by_role(role, name=question, exact=True).get_by_role(
            "radio", name=label, exact=True)
        with page.expect_navigation():
            if radio.evaluate("e => e.tagName") == "INPUT":
                radio.check()
            else:
                radio.click()
    return body


@pytest.mark.browser
@pytest.mark.slow  # make faults
@pytest.mark.parametrize("platform", list(APPS))
def test_every_value_form_still_saves(sites, platform):
    site = sites[platform]
    for (p, kind), forms in FORMS.items():
        for form in sorted(forms) if p == platform else ():
            seed, name, c = first_seed_with(platform, kind, form)
            app = new_app(platform, seed)
            site.use(app)
            site.page.goto(settings_url(platform, name))
            if kind == "link":  # a link row leads to its page, where the value is changed
                order = reading_order(read_page(site.page)[0])
                where, next_read = after(order, c["label"])
                link = order[where][1] if form == "text" else next_read[1]
                site.page.get_by_role("link", name=link, exact=True).click()
                site.page.wait_for_url("**/settings/tagging")
                assert not app.writes
                continue
            body = change(site.page, platform, app, c)
            assert [w["body"] for w in app.writes] == [body], (kind, form, c["key"])
