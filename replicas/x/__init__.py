"""The X replica: a WSGI app serving one persona's X account (see replicas/README.md)."""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urlencode, urlsplit

from ..base import ReplicaApp, View
from ..faults import Faults, error_page
from ..web import ClassNames, Request, Response, json_script, redirect
from . import schema
from .i18n import ICON_NAMES, SWITCH_HELP, WORDING, long_date, month_year, short_date, translator

HOST = "x.com"
# Hosts the real site sends on to x.com (the session cookies live on .x.com only).
OLD_HOSTS = {"twitter.com", "www.twitter.com", "mobile.twitter.com", "www.x.com", "mobile.x.com"}
PAGE_SIZE = 10  # posts per timeline chunk
COOKIE_AGE = 5 * 365 * 24 * 3600
LOGIN_PATH = "/i/flow/login"
CHECKPOINT_PATH = "/account/access"
TIMELINE_PATH = "/i/api/graphql/Rk2vQm7yTn4sWp9cLx3bJg/UserTweets"
TEMPLATES = Path(__file__).parent / "templates"
# First path segments that are never a handle.
RESERVED = {"home", "explore", "notifications", "messages", "settings", "search", "i", "login",
            "logout", "account", "compose", "tos", "privacy", "signup", "intent"}


class Control(NamedTuple):
    kind: str  # checkbox | switch | radios | link | action
    key: str  # the persona setting it shows and changes
    label: str  # a control's own label; for radios, the group's question
    description: str = ""
    href: str = ""  # links: where they go


SETTINGS_PAGES = {
    "audience_and_tagging": ("Audience, media and tagging",
                             "Manage what information you allow other people on X to see.", [
        Control("checkbox", "protected", "Protect your posts",
                "When selected, your posts and other account information are only visible to "
                "people who follow you."),
        Control("checkbox", "protect_videos", "Protect your videos",
                "If selected, videos in your posts will not be downloadable by default."),
        Control("link", "photo_tagging", "Photo tagging", href="/settings/tagging"),
    ]),
    "tagging": ("Photo tagging", "", [
        Control("switch", "photo_tagging", "Photo tagging",
                "Allow people to tag you in their photos and receive notifications when they do."),
        Control("radios", "photo_tagging", "Who can tag you"),
    ]),
    "contacts": ("Discoverability and contacts",
                 "Control your discoverability settings and manage contacts you’ve imported.", [
        Control("switch", "discover_email", "Let people who have your email address find you on X",
                "Let people who have your email address find and connect with you on X."),
        Control("switch", "discover_phone", "Let people who have your phone number find you on X",
                "Let people who have your phone number find and connect with you on X."),
    ]),
    "location_information": ("Location information",
                             "Manage the location information X uses to personalize your "
                             "experience.", [
        Control("switch", "personalize_location", "Personalize based on places you've been",
                "X always uses some information, like where you signed up and your current "
                "location, to help show you more relevant content."),
        Control("switch", "post_location", "Add location information to your posts",
                "If enabled, you will be able to attach location information to your posts."),
        Control("action", "remove_locations",
                "Remove all location information attached to your posts"),
    ]),
    "direct_messages": ("Direct Messages", "Manage who can message you directly.", [
        Control("radios", "dm_requests", "Allow message requests from:",
                "People you follow will always be able to message you."),
        Control("switch", "dm_filter", "Filter low-quality messages",
                "Hide message requests that have been detected as being potentially spam or "
                "low-quality."),
        Control("switch", "read_receipts", "Show read receipts",
                "Let people you’re messaging with know when you’ve seen their messages."),
    ]),
}
# Other real paths that show the same page.
SETTINGS_ALIASES = {"contacts_dashboard": "contacts", "location": "location_information"}
# The Privacy and safety hub: (section heading, [page]).
HUB = [("Your X activity", ["audience_and_tagging", "direct_messages", "contacts"]),
       ("Data sharing and personalization", ["location_information"])]
# Seeded layouts (README "Seeded layouts"): how a control may show its current value.
# Radio groups: native radios inside their <label>s (the default); native radios with
# <label for>; role="radio" items; a native <select> with <label for>. Native radios sit in a
# role="radiogroup" named by the question, or in a <fieldset> with a <legend>.
CHOICE_FORMS = ("radios", "radios_for", "aria_radios", "select")
# Switches: a native checkbox with role="switch" inside its <label> (the default); the same
# named by aria-labelledby; a plain checkbox with <label for>; role="checkbox"; a switch
# named by aria-labelledby and described by help text (SWITCH_HELP).
SWITCH_FORMS = ("label", "labelledby", "checkbox", "aria_checkbox", "described")
CHECKBOX_FORMS = ("label", "checkbox", "aria_checkbox", "described")  # checkboxes stay checkboxes
# Link rows (a sub-page and its current value): label and value as the link's text (the
# default); or the label as text and a chevron link named by the value (ICON_NAMES).
LINK_FORMS = ("text", "icon")
NAV = [("AppTabBar_Home_Link", "/home", "Home"),
       ("AppTabBar_Explore_Link", "/explore", "Explore"),
       ("AppTabBar_Notifications_Link", "/notifications", "Notifications"),
       ("AppTabBar_DirectMessage_Link", "/messages", "Messages")]


def login_location(next_url: str) -> str:
    """The login page, coming back to the same path afterwards (the real site keeps a path)."""
    parts = urlsplit(next_url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return f"{LOGIN_PATH}?redirect_after_login=" + quote(path, safe="")


def place_id(place: str) -> str:
    """A stable 16-hex-digit id, shaped like the real place ids."""
    return hashlib.blake2b(place.encode(), digest_size=8).hexdigest()


def handle_for(name: str, taken: set[str]) -> str:
    """A made-up handle for a follower's name: "Jordan Lee" -> "jordanlee" (unique)."""
    base = re.sub(r"[^a-z0-9]", "", name.lower())[:12] or "user"
    handle, n = base, 1
    while handle in taken:
        n += 1
        handle = f"{base}{n}"
    taken.add(handle)
    return handle


class XClassNames(ClassNames):
    """X's generated class names: "css-175oi2r r-1awozwy r-18u37iz" rather than Meta's."""

    _ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"

    def __init__(self, pool_size: int = 400):
        super().__init__(pool_size)
        pick = secrets.SystemRandom()
        self._pool = sorted({"r-" + "".join(pick.choice(self._ALPHABET) for _ in range(n))
                             for n in (pick.choice((6, 7)) for _ in range(pool_size))})
        self._css = ["css-" + "".join(pick.choice(self._ALPHABET) for _ in range(7))
                     for _ in range(3)]

    def classes(self, tag: str, role: str = "", hint: str = "") -> str:
        atomic = super().classes(tag, role, hint)
        css = self._css[0 if tag == "div" else 1 if tag == "span" else 2]
        return f"{css} {atomic}"


class XReplica(ReplicaApp):
    # For faults aimed at the profile timeline's later chunks.
    TIMELINE_PATTERN = "^" + re.escape(TIMELINE_PATH)
    TABLE = "x"
    WORDING = WORDING
    TEMPLATES = TEMPLATES
    COOKIE_DOMAIN = "." + HOST
    COOKIE_AGE = COOKIE_AGE
    LOGIN_LOCATION = staticmethod(login_location)
    HOST = HOST
    OLD_HOSTS = frozenset(OLD_HOSTS)  # twitter.com/... -> x.com/...
    CLASS_NAMES = XClassNames

    def __init__(self, persona: dict, layout_seed: int | None = None):
        self._guest_id = "v1%3A" + str(secrets.randbelow(10**18) + 17 * 10**17)
        routes = [
            (r"/", self._landing),
            (r"/home/?", self._home),
            (r"/(?:login|i/flow/login)/?", self._login),
            (r"/logout/?", self._logout),
            (CHECKPOINT_PATH + "/?", self._checkpoint),
            (r"/settings/?", self._settings_hub),
            (r"/settings/privacy_and_safety/?", self._settings_hub),
            (r"/settings/(?P<page>[a-z_]+)/?", self._settings),
            (r"/search/?", self._search),
            (re.escape(TIMELINE_PATH) + "/?", self._timeline_chunk),
            (r"/(?P<handle>\w{1,15})/status/(?P<post_id>\d+)/?", self._status),
            (r"/(?P<handle>\w{1,15})/(?P<which>followers|following|verified_followers)/?",
             self._people),
            (r"/(?P<handle>\w{1,15})/about/?", self._about),
            (r"/(?P<handle>\w{1,15})(?:/(?P<tab>with_replies|media))?/?", self._profile),
        ]
        super().__init__(persona, layout_seed=layout_seed, routes=routes, sessions={},  # valid auth_token -> its ct0
                         faults=Faults(login_url=login_location, checkpoint_url=CHECKPOINT_PATH))

    # -- sessions ---------------------------------------------------------------------

    def _new_session(self) -> tuple[str, str]:
        # Shaped like the real values: a 40-hex auth_token and a 160-hex ct0.
        token, ct0 = secrets.token_hex(20), secrets.token_hex(80)
        with self._lock:
            self._sessions[token] = ct0
        return token, ct0

    def storage_state(self) -> dict:
        """Playwright storage state of the signed-in persona (valid until expire_sessions)."""
        if self._state_token not in self._sessions:
            self._state_token, _ = self._new_session()
        token = self._state_token
        return self._storage_state([("auth_token", token, True),
                                    ("ct0", self._sessions[token], False),
                                    ("twid", "u%3D" + self.me["user_id"], False),
                                    ("guest_id", self._guest_id, False)])

    def _view(self, req: Request) -> View:
        token = req.cookies.get("auth_token", "")
        signed_in = bool(token) and self._sessions.get(token) == req.cookies.get("ct0")
        return View(signed_in, self.me["ui_language"] if signed_in else "en")

    # -- rendering --------------------------------------------------------------------

    def _render(self, template: str, view: View, req: Request, status=200, headers=(),
                **context) -> Response:
        me, lang = self.me, view.lang
        session = {"country": "GB", "isLoaded": True, "language": lang,
                   "isRestrictedSession": False}
        if view.signed_in:
            session["user_id"] = me["user_id"]
        else:
            session["guestId"] = self._guest_id.removeprefix("v1%3A")
        return self._page(
            template, status, headers, _=translator(lang), lang=lang, view=view, me=me, nav=NAV,
            protected=me["settings"]["protected"],
            short_date=lambda iso: short_date(iso, lang),
            long_date=lambda iso, year=True: long_date(iso, lang, year),
            month_year=lambda iso: month_year(iso, lang), place_id=place_id,
            post_time=_post_time, count=lambda n: f"{n:,}",
            initial_state=json_script({"session": session}), wording=self.wording(),
            meta_data=json_script({"env": "prod", "isLoggedIn": view.signed_in,
                                    "serverDate": int(time.time() * 1000)}),
            **context,
        )

    def _not_found(self, req: Request, view: View) -> Response:
        return self._render("not_found.html", view, req, status=404, account=False)

    # -- sign-in, landing, home -------------------------------------------------------

    def _landing(self, req, view):
        if view.signed_in:
            return redirect("/home")
        return self._render("landing.html", view, req)

    def _home(self, req, view):
        if not view.signed_in:
            return self._login_wall(req)
        return self._render("home.html", view, req)

    def _login(self, req, view):
        if req.method == "POST":
            return self._login_submit(req)
        if view.signed_in:
            return redirect(self._safe_next(req.params.get("redirect_after_login")))
        return self._login_page(req)

    def _login_page(self, req, error: str = "", status: int = 200):
        action = LOGIN_PATH + ("?" + urlencode({"redirect_after_login": req.params[
            "redirect_after_login"]}) if req.params.get("redirect_after_login") else "")
        return self._render("login.html", View(False, "en"), req, status=status, action=action,
                            error=error, identifier=req.form.get("text", ""))

    def _login_submit(self, req):
        me = self.me
        given = req.form.get("text", "").strip()
        known = {me["handle"].lower(), "@" + me["handle"].lower(), me["email"].lower()}
        digits = re.sub(r"\D", "", given)
        if given.lower() not in known and not (me["phone"] and digits
                                               and digits == re.sub(r"\D", "", me["phone"])):
            return self._login_page(req, "Sorry, we could not find your account.")
        if req.form.get("password") != me["password"]:
            return self._login_page(req, "Wrong password!")
        token, ct0 = self._new_session()
        cookies = [self._set_cookie("auth_token", token, http_only=True), self._set_cookie("ct0", ct0),
                   self._set_cookie("twid", "u%3D" + me["user_id"])]
        if "guest_id" not in req.cookies:
            cookies.append(self._set_cookie("guest_id", self._guest_id))
        return redirect(self._safe_next(req.params.get("redirect_after_login")), cookies)

    @staticmethod
    def _safe_next(next_url: str | None) -> str:
        """Only a path on this site (what the real site keeps in redirect_after_login)."""
        parts = urlsplit(next_url or "")
        if parts.scheme or parts.netloc or not parts.path.startswith("/") \
                or parts.path.startswith("//"):
            return "/home"
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def _logout(self, req, view):
        cleared = [self._set_cookie(name, "", max_age=0) for name in ("auth_token", "ct0", "twid")]
        return redirect("/", cleared)

    def _checkpoint(self, req, view):
        return self._render("checkpoint.html", View(False, "en"), req)

    # -- profile, posts, people -------------------------------------------------------

    def _is_me(self, handle: str) -> bool:
        return handle.lower() == self.me["handle"].lower()

    def _posts_visible(self, view: View) -> bool:
        return view.owner or not self.me["settings"]["protected"]

    def _profile(self, req, view, handle, tab=None):
        if handle.lower() in RESERVED:
            return self._not_found(req, view)
        if not self._is_me(handle):
            return self._render("not_found.html", view, req, status=404, account=True)
        posts = self.me["posts"] if self._posts_visible(view) else []
        tab = tab or "posts"
        return self._render("profile.html", view, req, tab=tab, posts_visible=self._posts_visible(view),
                            posts=posts[:PAGE_SIZE] if tab != "media" else [],
                            next_chunk=self._chunk_url(PAGE_SIZE, posts) if tab != "media" else "",
                            profile=self._profile_context(view))

    def _profile_context(self, view: View) -> dict:
        """The header's facts as the viewer may see them."""
        me, profile = self.me, self.me["profile"]
        born = ""
        if profile["birth_date"]:
            day = view.owner or profile["birth_date_visibility"] == "Public"
            year = view.owner or profile["birth_year_visibility"] == "Public"
            if day:
                born = long_date(profile["birth_date"], view.lang, year)
            elif year:
                born = profile["birth_date"][:4]
        website = profile["website"]
        display = re.sub(r"^https?://(www\.)?", "", website).rstrip("/")
        ld = {"@context": "http://schema.org", "@type": "ProfilePage",
              "dateCreated": profile["joined"] + "T12:00:00.000Z",
              "mainEntity": {"@type": "Person", "additionalName": me["handle"],
                             "description": profile["bio"], "givenName": me["name"],
                             "homeLocation": {"@type": "Place", "name": profile["location"]},
                             "identifier": me["user_id"], "url": f"https://{HOST}/{me['handle']}",
                             "interactionStatistic": [
                                 _counter("FollowAction", "Follows", len(me["followers"]["names"])),
                                 _counter("SubscribeAction", "Friends",
                                          len(me["following"]["names"])),
                                 _counter("WriteAction", "Tweets", len(me["posts"]))]},
              "relatedLink": [website] if website else []}
        return {"born": born, "website": website, "website_display": display,
                "website_href": "https://t.co/" + hashlib.blake2b(
                    website.encode(), digest_size=5).hexdigest() if website else "",
                "ld_json": json_script(ld)}

    def _chunk_url(self, cursor: int, posts: list) -> str:
        if cursor >= len(posts):
            return ""
        return TIMELINE_PATH + "?" + urlencode({"userId": self.me["user_id"], "cursor": cursor})

    def _timeline_chunk(self, req, view):
        """The next posts of the profile timeline, as HTML; X-Next-Chunk names the next."""
        if req.params.get("userId") != self.me["user_id"]:
            return Response("", 404)
        if not self._posts_visible(view):
            return Response("")
        try:
            cursor = max(0, int(req.params.get("cursor", "0")))
        except ValueError:
            cursor = 0
        posts, end = self.me["posts"], cursor + PAGE_SIZE
        headers = [("X-Next-Chunk", self._chunk_url(end, posts))] if end < len(posts) else []
        return self._render("timeline_chunk.html", view, req, headers=headers,
                            posts=posts[cursor:end])

    def _status(self, req, view, handle, post_id):
        post = next((p for p in self.me["posts"] if p["id"] == post_id), None)
        if not self._is_me(handle) or post is None:
            return self._not_found(req, view)
        return self._render("status.html", view, req, post=post,
                            posts_visible=self._posts_visible(view))

    def _people(self, req, view, handle, which):
        if not self._is_me(handle):
            return self._render("not_found.html", view, req, status=404, account=True)
        if not view.signed_in:  # lists are behind the login wall on the real site
            return self._login_wall(req)
        taken = {self.me["handle"].lower()}
        followers = [{"name": n, "handle": handle_for(n, taken)}
                     for n in self.me["followers"]["names"]]
        following = [{"name": n, "handle": handle_for(n, taken)}
                     for n in self.me["following"]["names"]]
        people = {"followers": followers, "following": following, "verified_followers": []}
        follower_names = set(self.me["followers"]["names"])
        return self._render("people.html", view, req, which=which, people=people[which],
                            follower_names=follower_names)

    def _about(self, req, view, handle):
        if not self._is_me(handle):
            return self._render("not_found.html", view, req, status=404, account=True)
        return self._render("about.html", view, req)

    def _search(self, req, view):
        if not view.signed_in:
            return self._login_wall(req)
        query = req.params.get("q", "")
        places = {place_id(p["place"]): p["place"] for p in self.me["posts"] if p["place"]}
        m = re.fullmatch(r"place:([0-9a-f]+)", query)
        place = places.get(m.group(1)) if m else None
        posts = [p for p in self.me["posts"] if place and p["place"] == place]
        return self._render("search.html", view, req, query=query, place=place, posts=posts)

    # -- settings ---------------------------------------------------------------------

    def _settings_hub(self, req, view):
        if not view.signed_in:
            return self._login_wall(req)
        hub = [(heading, [(page, SETTINGS_PAGES[page][0], SETTINGS_PAGES[page][1])
                          for page in pages]) for heading, pages in HUB]
        return self._render("settings.html", view, req, page="", title="Privacy and safety",
                            intro="", hub=hub, controls=[], plan=None)

    def _settings(self, req, view, page):
        page = SETTINGS_ALIASES.get(page, page)
        if page not in SETTINGS_PAGES:
            return self._not_found(req, view) if view.signed_in else self._login_wall(req)
        if not view.signed_in:
            return self._login_wall(req)
        if req.method == "POST":
            return self._settings_update(req, page)
        title, intro, controls = SETTINGS_PAGES[page]
        settings = self.me["settings"]
        shown = []
        for c in controls:
            value = settings.get(c.key)
            if c.key == "photo_tagging":  # a switch (on unless Off) and, when on, two radios
                if c.kind == "radios" and value == "Off":
                    continue
                value = {"switch": value != "Off", "link": schema.PHOTO_TAGGING[value]}.get(
                    c.kind, value)
            shown.append({"kind": c.kind, "key": c.key, "label": c.label,
                          "description": c.description, "href": c.href, "value": value,
                          "options": _options(c)})
        plan = self.layout_plan(page)
        if plan:  # the seed's layout: its order, wording and value forms
            by_id = {f"{c['kind']}:{c['key']}": c for c in shown}
            shown = [{**by_id[cid], **plan["controls"][cid]} for cid in plan["order"]
                     if cid in by_id]
        return self._render("settings.html", view, req, page=page, title=title, intro=intro,
                            hub=[], controls=shown, action=req.path, plan=plan)

    # -- seeded layouts -----------------------------------------------------------------

    def layout_plan(self, page: str) -> dict | None:
        """How the seed lays out the settings page `page` ("contacts", ...; None without a
        seed or for the hub).

        {"heading": the page's heading ({"tag": "h"|"div", "level": 2}), "order": control ids
        ("<kind>:<key>") as shown, "controls": id -> {"form", "label" (the wording shown),
        "sub" (native radios: "radiogroup" or "fieldset"), "name" (icon form: the link's
        accessible name), "help" (described form), "depth" (wrapper divs), "columns" (label
        and control side by side, or nested), ids}, "wording"}.
        """
        page = SETTINGS_ALIASES.get(page, page)
        if self.layout_seed is None or page not in SETTINGS_PAGES:
            return None
        where = f"settings/{page}"
        rng = self._rng(where)
        wording = self.wording()
        controls = SETTINGS_PAGES[page][2]
        salt = "".join(rng.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(6))
        counter = iter(range(10 ** 6))

        def new_id() -> str:  # X-style ids ("id__k3x9qz0"), unique on the page
            return f"id__{salt}{next(counter)}"

        order = [f"{c.kind}:{c.key}" for c in controls]
        if len({c.key for c in controls}) == len(controls):  # the tagging page keeps its order
            rng.shuffle(order)
        out = {}
        for c in controls:
            cid = f"{c.kind}:{c.key}"
            c_rng = self._rng(where, cid)
            label = wording["discover_email"] if c.key == "discover_email" else c.label
            layout = {"key": c.key, "kind": c.kind,
                      "depth": c_rng.randint(0, 4), "columns": c_rng.random() < 0.5,
                      "label": label, "label_id": new_id(), "control_id": new_id(),
                      "desc_id": new_id(), "help_id": new_id()}
            if c.kind == "radios":
                layout.update(form=c_rng.choice(CHOICE_FORMS),
                              sub=c_rng.choice(("radiogroup", "fieldset")))
            elif c.kind == "switch":
                layout.update(form=c_rng.choice(SWITCH_FORMS), help=SWITCH_HELP[c.key])
            elif c.kind == "checkbox":
                layout.update(form=c_rng.choice(CHECKBOX_FORMS), help=SWITCH_HELP[c.key])
            elif c.kind == "link":
                layout.update(form=c_rng.choice(LINK_FORMS), name=c_rng.choice(ICON_NAMES))
            else:
                layout.update(form="action")
            out[cid] = layout
        return {"heading": {"tag": rng.choice(("h", "div")), "level": 2}, "order": order,
                "controls": out, "wording": wording}

    def _settings_update(self, req, page):
        """Save a control: one form field per changed setting, then 302 back to the page."""
        allowed = _allowed(page)
        changes = {}
        for key, value in req.form.items():
            if value not in allowed.get(key, ()):
                return Response(error_page(400), 400)
            options = schema.SETTINGS.get(key, (None,))[0]
            changes[key] = value == "true" if options is bool else value
        with self._lock:
            if changes.pop("remove_locations", None):
                for post in self.me["posts"]:  # what the real button does, in bulk
                    post["place"] = None
            self.me["settings"].update(changes)
        return redirect(req.path)


def _options(c: Control) -> list[tuple[str, str]]:
    """(value, label) of a radio group."""
    if c.kind != "radios":
        return []
    if c.key == "photo_tagging":
        return [(v, label) for v, label in schema.PHOTO_TAGGING.items() if v != "Off"]
    return [(v, v) for v in schema.SETTINGS[c.key][0]]


def _allowed(page: str) -> dict[str, tuple]:
    """The form fields a page's controls may send, with their allowed values."""
    allowed = {}
    for c in SETTINGS_PAGES[page][2]:
        if c.kind == "action":
            allowed[c.key] = ("1",)
        elif c.key == "photo_tagging" and c.kind != "link":  # the switch sends Off or Anyone
            allowed[c.key] = tuple(schema.PHOTO_TAGGING)
        elif c.kind == "radios":
            allowed[c.key] = tuple(value for value, _ in _options(c))
        elif c.kind in ("checkbox", "switch"):
            allowed[c.key] = ("true", "false")
    return allowed


def _counter(kind: str, name: str, n: int) -> dict:
    return {"@type": "InteractionCounter", "interactionType": f"https://schema.org/{kind}",
            "name": name, "userInteractionCount": n}


def _post_time(post: dict) -> str:
    """A post's datetime attribute: its date, at a time of day derived from its id."""
    n = int(post["id"])
    return f"{post['date']}T{8 + n % 12:02d}:{n // 7 % 60:02d}:00.000Z"
