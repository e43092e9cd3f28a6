"""The Instagram replica: a WSGI app serving one persona's account (see replicas/README.md)."""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import secrets
import string
import time
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urlencode, urlsplit

from ..base import ReplicaApp, View
from ..faults import Faults, error_page
from ..web import Request, Response, json_script, redirect
from . import schema
from .i18n import (
    ICON_NAMES,
    PRIVATE_TEXT,
    PUBLIC_TEXT,
    SWITCH_HELP,
    WORDING,
    long_date,
    short_date,
    translator,
)

HOST = "www.instagram.com"
COOKIE_DOMAIN = ".instagram.com"
PAGE_SIZE = 12  # posts in the first grid, and per later chunk
COOKIE_AGE = 365 * 24 * 3600
LOGIN_PATH = "/accounts/login/"
CHECKPOINT_PATH = "/challenge/"
FEED_PATH = "/api/v1/feed/user/"  # + <user id>/?max_id=<cursor>: the grid's later chunks
PROFILE_INFO_PATH = "/api/v1/users/web_profile_info/"
TEMPLATES = Path(__file__).parent / "templates"
# First path segments that are never a username.
RESERVED = {"accounts", "explore", "p", "reel", "reels", "direct", "stories", "api", "challenge",
            "web", "legal", "about", "developer", "archive", "emails", "graphql"}


class Control(NamedTuple):
    kind: str  # checkbox | switch | radios | text | heading | value
    key: str  # the persona setting it shows and changes (contact field for "value")
    label: str  # a control's own label; radios: the group's question; text: the paragraph
    description: str = ""
    professional: bool = False  # shown to professional accounts only


SETTINGS_PAGES = {
    "/accounts/settings/v2/account_privacy/": ("Account privacy", [
        Control("checkbox", "private", "Private account"),
        Control("text", "", PUBLIC_TEXT),
        Control("text", "", PRIVATE_TEXT),
        Control("switch", "search_engines",
                "Allow public photos and videos to appear in search engine results",
                "When this is on, search engines like Google can show your public photos and "
                "videos in their results.", professional=True),
    ]),
    "/accounts/settings/v2/tags_and_mentions/": ("Tags and mentions", [
        Control("heading", "", "Tags"),
        Control("radios", "tags_from", "Allow tags from",
                "Choose who can tag you in their photos and videos."),
        Control("switch", "manual_tag_approval", "Manually approve tags",
                "Tagged posts won't appear on your profile until you approve them."),
        Control("heading", "", "Mentions"),
        Control("radios", "mentions_from", "Allow mentions from",
                "Choose who can @mention you to link your account in their stories, notes, "
                "comments, live videos and captions."),
    ]),
    "/accounts/activity_status/": ("Activity status", [
        Control("switch", "activity_status", "Show activity status",
                "Allow accounts you follow and anyone you message to see when you were last "
                "active or are currently active on Instagram apps. When this is turned off, you "
                "won't be able to see the activity status of other accounts."),
    ]),
    "/accounts/settings/v2/sharing_and_reuse/": ("Sharing and reuse", [
        Control("switch", "story_sharing", "Allow people to share your stories",
                "Other people can share photos and videos from your story in a message."),
        Control("switch", "post_resharing", "Allow people to share your posts and reels to stories",
                "Other people can add your posts and reels to their stories."),
        Control("switch", "reposts", "Allow reposts",
                "Other people can repost your posts and reels to their followers."),
        Control("switch", "feature_requests", "Allow requests to feature your content",
                "Other accounts can ask to feature your photos and videos."),
    ]),
    "/accounts/professional_account_settings/": ("Professional account", [
        Control("heading", "", "Contact options", professional=True),
        Control("value", "email", "Public business email", professional=True),
        Control("value", "phone", "Public business phone number", professional=True),
        Control("value", "address", "Business address", professional=True),
        Control("switch", "display_contact_info", "Display contact info",
                "Show your public email, phone number and address on your profile.",
                professional=True),
        Control("heading", "", "Profile display", professional=True),
        Control("switch", "display_category", "Display category label",
                "Show your category on your profile.", professional=True),
    ]),
}
# Seeded layouts (README "Seeded layouts"): how a control may show its current value.
# Radio groups: native radios inside their <label>s (the default); role="radio" items; the
# same in an open dialog; the value as text in a row that opens the choices; only a button
# whose accessible name carries the value (ICON_NAMES).
CHOICE_FORMS = ("radios", "aria_radios", "dialog", "text", "icon")
# Switches: a native checkbox with role="switch" inside its <label> (the default); the same
# named by aria-labelledby; a plain checkbox with <label for>; role="checkbox"; a switch
# named by aria-labelledby and described by help text (SWITCH_HELP).
SWITCH_FORMS = ("label", "labelledby", "checkbox", "aria_checkbox", "described")
CHECKBOX_FORMS = ("label", "checkbox", "aria_checkbox", "described")  # checkboxes stay checkboxes
# Older addresses still linked from many places.
LEGACY_SETTINGS = {"/accounts/privacy_and_security/", "/accounts/privacy_setting/"}
# The settings navigation: (group, [(page path, title)]).
SETTINGS_NAV = [
    ("Who can see your content", ["/accounts/settings/v2/account_privacy/"]),
    ("How others can interact with you", ["/accounts/settings/v2/tags_and_mentions/",
                                          "/accounts/settings/v2/sharing_and_reuse/",
                                          "/accounts/activity_status/"]),
    ("For professionals", ["/accounts/professional_account_settings/"]),
]
CONFIRMS = {  # checkbox key -> (heading, text, button) when turning it on, and off
    "private": (("Switch to private account?",
                 "Only your followers will be able to see your photos and videos.",
                 "Switch to private"),
                ("Switch to public account?",
                 "Anyone will be able to see your photos and videos on Instagram.",
                 "Switch to public")),
}


def login_location(next_url: str) -> str:
    """The login page, coming back to the same path afterwards."""
    parts = urlsplit(next_url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return f"{LOGIN_PATH}?next=" + quote(path, safe="")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def location_id(name: str) -> str:
    """A stable numeric id, shaped like the real location ids."""
    return str(int.from_bytes(hashlib.blake2b(name.encode(), digest_size=6).digest(), "big"))


def username_for(name: str, taken: set[str]) -> str:
    """A made-up username for a follower's name: "Jordan Lee" -> "jordan.lee" (unique)."""
    base = re.sub(r"[^a-z0-9]+", ".", name.lower()).strip(".")[:24] or "user"
    username, n = base, 1
    while username in taken:
        n += 1
        username = f"{base}{n}"
    taken.add(username)
    return username


@dataclass
class _Request(Request):
    app_id: str = ""  # the X-IG-App-ID header, which web_profile_info requires


class InstagramReplica(ReplicaApp):
    # For faults aimed at the profile grid's later chunks.
    FEED_CHUNK_PATTERN = "^" + re.escape(FEED_PATH)
    TABLE = "instagram"
    WORDING = WORDING
    TEMPLATES = TEMPLATES
    COOKIE_DOMAIN = COOKIE_DOMAIN
    COOKIE_AGE = COOKIE_AGE
    LOGIN_LOCATION = staticmethod(login_location)

    def __init__(self, persona: dict, layout_seed: int | None = None):
        self._csrftoken = _token(32)
        self._mid = _token(28)
        routes = [
            (r"/", self._home),
            (r"/accounts/login/?", self._login),
            (r"/accounts/logout/?", self._logout),
            (CHECKPOINT_PATH + "?", self._checkpoint),
            (r"/accounts/(?:privacy_and_security|privacy_setting)/?", self._legacy_settings),
            (r"/accounts/.*", self._settings),
            (re.escape(PROFILE_INFO_PATH) + "?", self._web_profile_info),
            (re.escape(FEED_PATH) + r"(?P<user_id>\d+)/?", self._feed_chunk),
            (r"/p/(?P<code>[\w-]+)/?", self._post),
            (r"/explore/locations/(?P<loc_id>\d+)(?:/(?P<loc_slug>[a-z0-9-]*))?/?", self._location),
            (r"/(?P<username>[\w.]+)/(?P<which>followers|following)/?", self._people),
            (r"/(?P<username>[\w.]+)(?:/(?P<tab>tagged))?/?", self._profile),
        ]
        super().__init__(persona, layout_seed=layout_seed, routes=routes, sessions=set(),  # valid sessionid values
                         faults=Faults(login_url=login_location, checkpoint_url=CHECKPOINT_PATH))

    # -- sessions ---------------------------------------------------------------------

    def _new_session(self) -> str:
        # Shaped like the real value: "<user id>%3A<secret>%3A<n>%3A<signature>".
        session = (f"{self.me['user_id']}%3A{_token(14)}%3A{secrets.randbelow(28) + 1}"
                   f"%3AYc{_token(40)}")
        with self._lock:
            self._sessions.add(session)
        return session

    def storage_state(self) -> dict:
        """Playwright storage state of the signed-in persona (valid until expire_sessions)."""
        if self._state_token not in self._sessions:
            self._state_token = self._new_session()
        return self._storage_state([("sessionid", self._state_token, True),
                                    ("ds_user_id", self.me["user_id"], False),
                                    ("csrftoken", self._csrftoken, False),
                                    ("mid", self._mid, False)])

    def _view(self, req: Request) -> View:
        signed_in = req.cookies.get("sessionid") in self._sessions
        return View(signed_in, self.me["ui_language"] if signed_in else "en")

    # -- WSGI -------------------------------------------------------------------------

    def _request(self, environ) -> _Request:
        req = _Request.from_environ(environ)
        req.app_id = environ.get("HTTP_X_IG_APP_ID", "")
        return req

    # -- rendering --------------------------------------------------------------------

    def _render(self, template: str, view: View, req: Request, status=200, headers=(),
                **context) -> Response:
        me, lang = self.me, view.lang
        t = translator(lang)
        user = {"ACCOUNT_ID": "0", "USER_ID": "0", "NAME": "", "SHORT_NAME": None,
                "APP_ID": schema.APP_ID}
        if view.signed_in:
            user.update(ACCOUNT_ID=me["user_id"], USER_ID=me["user_id"], NAME=me["name"],
                        SHORT_NAME=me["name"].split()[0])
        return self._page(
            template, status, headers, _=t, lang=lang, view=view, me=me, private=me["settings"]["private"],
            date=lambda iso: long_date(iso, lang), short_date=short_date,
            alt=lambda post: self._alt(post, t, lang), location_id=location_id, slug=slug,
            post_time=_post_time, count=lambda n: f"{n:,}",
            viewer_blob=json_script({"CurrentUserInitialData": user}), wording=self.wording(),
            login_url=login_location(req.url),
            **context,
        )

    def _alt(self, post: dict, t, lang: str) -> str:
        """A grid image's alt text: the persona's own, or the generated sentence and caption."""
        if post["alt"]:
            return post["alt"]
        when = long_date(post["date"], lang)
        sentence = (t("Photo by {} in {} on {}.").format(self.me["name"], post["location"], when)
                    if post["location"] else t("Photo by {} on {}.").format(self.me["name"], when))
        return f"{sentence} {post['caption']}".strip()

    def _not_found(self, req: Request, view: View) -> Response:
        return self._render("unavailable.html", view, req, status=404)

    # -- sign-in, home ----------------------------------------------------------------

    def _home(self, req, view):
        if not view.signed_in:
            return self._login_page(req)
        return self._render("home.html", view, req)

    def _login(self, req, view):
        if req.method == "POST":
            return self._login_submit(req)
        if view.signed_in:
            return redirect(self._safe_next(req.params.get("next")))
        return self._login_page(req)

    def _login_page(self, req, error: str = ""):
        action = LOGIN_PATH + ("?" + urlencode({"next": req.params["next"]})
                               if req.params.get("next") else "")
        return self._render("login.html", View(False, "en"), req, action=action, error=error,
                            username=req.form.get("username", ""))

    def _login_submit(self, req):
        me = self.me
        given = req.form.get("username", "").strip().lower()
        if given not in (me["username"].lower(), me["email"].lower()):
            return self._login_page(req, "The username you entered doesn't belong to an account. "
                                         "Please check your username and try again.")
        if req.form.get("password") != me["password"]:
            return self._login_page(req, "Sorry, your password was incorrect. Please double-check "
                                         "your password.")
        cookies = [self._set_cookie("sessionid", self._new_session(), http_only=True),
                   self._set_cookie("ds_user_id", me["user_id"]),
                   self._set_cookie("csrftoken", self._csrftoken)]
        if "mid" not in req.cookies:
            cookies.append(self._set_cookie("mid", self._mid))
        return redirect(self._safe_next(req.params.get("next")), cookies)

    @staticmethod
    def _safe_next(next_url: str | None) -> str:
        """Only a path on this site."""
        parts = urlsplit(next_url or "")
        if parts.scheme or parts.netloc or not parts.path.startswith("/") \
                or parts.path.startswith("//"):
            return "/"
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def _logout(self, req, view):
        cleared = [self._set_cookie(name, "", max_age=0) for name in ("sessionid", "ds_user_id")]
        return redirect("/", cleared)

    def _checkpoint(self, req, view):
        return self._render("challenge.html", View(False, "en"), req)

    # -- profile, posts, people -------------------------------------------------------

    def _is_me(self, username: str) -> bool:
        return username.lower() == self.me["username"].lower()

    def _posts_visible(self, view: View) -> bool:
        return view.owner or not self.me["settings"]["private"]

    def _user_json(self, view: View) -> dict:
        """The profile as the page's embedded JSON and web_profile_info carry it."""
        me, settings, profile = self.me, self.me["settings"], self.me["profile"]
        contact = me["contact"] if profile["professional"] and settings["display_contact_info"] \
            else {}
        visible = self._posts_visible(view)
        edges = [{"node": {
            "__typename": "GraphImage", "shortcode": p["code"],
            "taken_at_timestamp": _timestamp(p),
            "accessibility_caption": self._alt(p, translator("en"), "en"),
            "location": ({"id": location_id(p["location"]), "has_public_page": True,
                          "name": p["location"], "slug": slug(p["location"])}
                         if p["location"] else None),
            "edge_media_to_caption": {"edges": [{"node": {"text": p["caption"]}}]
                                      if p["caption"] else []},
        }} for p in (me["posts"][:PAGE_SIZE] if visible else [])]
        address = contact.get("address")
        return {
            "id": me["user_id"], "username": me["username"], "full_name": me["name"],
            "biography": profile["bio"], "external_url": profile["website"] or None,
            "is_private": settings["private"], "is_verified": False,
            "is_business_account": profile["professional"],
            "is_professional_account": profile["professional"],
            "category_name": (profile["category"] or None)
            if profile["professional"] and settings["display_category"] else None,
            "business_email": contact.get("email") or None,
            "business_phone_number": contact.get("phone") or None,
            "business_address_json": json.dumps({"street_address": address}) if address else None,
            "edge_followed_by": {"count": len(me["followers"]["names"])},
            "edge_follow": {"count": len(me["following"]["names"])},
            "edge_owner_to_timeline_media": {"count": len(me["posts"]), "edges": edges},
        }

    def _profile_context(self, view: View) -> dict:
        me, profile, settings = self.me, self.me["profile"], self.me["settings"]
        shows_contact = profile["professional"] and settings["display_contact_info"]
        website = profile["website"]
        return {
            "user_blob": json_script({"data": {"user": self._user_json(view)}, "status": "ok"}),
            "category": profile["category"]
            if profile["professional"] and settings["display_category"] else "",
            "contact": me["contact"] if shows_contact else {},
            "website_display": re.sub(r"^https?://(www\.)?", "", website).rstrip("/"),
            "website_href": "https://l.instagram.com/?" + urlencode({"u": website})
            if website else "",
            "tel": re.sub(r"[^\d+]", "", me["contact"]["phone"]),
        }

    def _profile(self, req, view, username, tab=None):
        if username.lower() in RESERVED:
            return self._not_found(req, view)
        if not self._is_me(username):
            return self._not_found(req, view)
        posts = self.me["posts"] if self._posts_visible(view) else []
        return self._render("profile.html", view, req, tab=tab or "posts",
                            posts_visible=self._posts_visible(view), posts=posts[:PAGE_SIZE],
                            next_chunk=self._chunk_url(PAGE_SIZE, posts), people=None,
                            **self._profile_context(view))

    def _chunk_url(self, cursor: int, posts: list) -> str:
        if cursor >= len(posts):
            return ""
        return f"{FEED_PATH}{self.me['user_id']}/?" + urlencode({"max_id": cursor})

    def _feed_chunk(self, req, view, user_id):
        """The grid's next posts, as HTML rows; X-Next-Chunk names the next chunk."""
        if user_id != self.me["user_id"]:
            return Response("", 404)
        if not self._posts_visible(view):
            return Response("")
        try:
            cursor = max(0, int(req.params.get("max_id", "0")))
        except ValueError:
            cursor = 0
        posts, end = self.me["posts"], cursor + PAGE_SIZE
        headers = [("X-Next-Chunk", self._chunk_url(end, posts))] if end < len(posts) else []
        return self._render("grid_chunk.html", view, req, headers=headers, posts=posts[cursor:end])

    def _web_profile_info(self, req, view):
        """The JSON the web app asks for; like the real endpoint, it needs the app id header."""
        def answer(data, status=200):
            return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")), status,
                            content_type="application/json; charset=utf-8")

        if req.app_id != schema.APP_ID:
            return answer({"message": "useragent mismatch", "status": "fail"}, 400)
        if not self._is_me(req.params.get("username", "")):
            return answer({"message": "User not found", "status": "fail"}, 404)
        return answer({"data": {"user": self._user_json(view)}, "status": "ok"})

    def _post(self, req, view, code):
        post = next((p for p in self.me["posts"] if p["code"] == code), None)
        if post is None:
            return self._not_found(req, view)
        if not self._posts_visible(view):
            return self._login_wall(req)
        return self._render("post.html", view, req, post=post)

    def _location(self, req, view, loc_id, loc_slug=None):
        if not view.signed_in:
            return self._login_wall(req)
        names = {location_id(p["location"]): p["location"] for p in self.me["posts"]
                 if p["location"]}
        if loc_id not in names:
            return self._not_found(req, view)
        posts = [p for p in self.me["posts"] if p["location"] == names[loc_id]]
        return self._render("location.html", view, req, name=names[loc_id], posts=posts)

    def _people(self, req, view, username, which):
        if not self._is_me(username):
            return self._not_found(req, view)
        if not view.signed_in:  # lists are behind the login wall on the real site
            return self._login_wall(req)
        taken = {self.me["username"].lower()}
        people = [{"name": n, "username": username_for(n, taken)}
                  for n in self.me[which]["names"]]
        posts = self.me["posts"]
        return self._render("profile.html", view, req, tab="posts", posts_visible=True,
                            posts=posts[:PAGE_SIZE], next_chunk=self._chunk_url(PAGE_SIZE, posts),
                            people=people, which=which, **self._profile_context(view))

    # -- settings ---------------------------------------------------------------------

    def _legacy_settings(self, req, view):
        if not view.signed_in:
            return self._login_wall(req)
        return redirect("/accounts/settings/v2/account_privacy/")

    def _settings(self, req, view):
        path = req.path if req.path.endswith("/") else req.path + "/"
        if not view.signed_in:
            return self._login_wall(req)
        if path not in SETTINGS_PAGES:
            return self._not_found(req, view)
        if req.method == "POST":
            return self._settings_update(req, path)
        title, controls = SETTINGS_PAGES[path]
        professional = self.me["profile"]["professional"]
        shown = [{"kind": c.kind, "key": c.key, "label": c.label, "description": c.description,
                  "value": self._control_value(c), "options": _options(c),
                  "confirm": CONFIRMS.get(c.key)}
                 for c in controls if professional or not c.professional]
        nav = [(group, [(p, SETTINGS_PAGES[p][0]) for p in pages]) for group, pages in SETTINGS_NAV]
        plan = self.layout_plan(path)
        if plan:  # the seed's layout: its order, wording and value forms
            shown = [{**shown[i], **plan["controls"][i]} for i in plan["order"] if i < len(shown)]
        return self._render("settings.html", view, req, path=path, title=title, controls=shown,
                            nav=nav, professional=professional, plan=plan)

    # -- seeded layouts -----------------------------------------------------------------

    def layout_plan(self, path: str) -> dict | None:
        """How the seed lays out the settings page at `path` (None without a seed).

        The page's controls are those shown to this account (professional ones only for a
        professional account), numbered in their default order. {"title": the page's heading
        ({"tag": "h"|"div", "level"}), "order": control numbers as shown (runs of controls
        between headings and texts are shuffled), "controls": number -> {"form", "label" (the
        wording shown), "description", "name" (icon form: the button's accessible name),
        "help"/"describedby" (described form), "heading" (heading rows), "depth" (wrapper
        divs), "columns" (label and control side by side, or nested), ids}, "wording"}.
        """
        if self.layout_seed is None or path not in SETTINGS_PAGES:
            return None
        rng = self._rng(path)
        wording = self.wording()
        professional = self.me["profile"]["professional"]
        controls = [c for c in SETTINGS_PAGES[path][1] if professional or not c.professional]
        counter = iter(range(rng.randrange(36 ** 2), 10 ** 6))

        def new_id() -> str:  # React-style ids (":r1k:"), unique on the page
            n, out = next(counter), ""
            while True:
                n, d = divmod(n, 36)
                out = "0123456789abcdefghijklmnopqrstuvwxyz"[d] + out
                if not n:
                    return f":r{out}:"

        order, run = [], []
        for i, c in enumerate(controls + [None]):
            if c is not None and c.kind not in ("heading", "text"):
                run.append(i)
                continue
            rng.shuffle(run)
            order += run + ([i] if c is not None else [])
            run = []
        out, dialog, texts = {}, None, []
        for i in order:
            c = controls[i]
            c_rng = self._rng(path, c.key or f"{c.kind}{i}")
            label = c.label
            if c.key in ("tags_from", "mentions_from"):
                label = wording["tag_labels"][0 if c.key == "tags_from" else 1]
            description = wording["search_engines_help"] if c.key == "search_engines" \
                else c.description
            layout = {"key": c.key, "kind": c.kind,
                      "depth": c_rng.randint(0, 4), "columns": c_rng.random() < 0.5,
                      "label": label, "description": description, "label_id": new_id(),
                      "control_id": new_id(), "desc_id": new_id(), "help_id": new_id(),
                      "describedby": ""}
            if c.kind == "radios":
                form = c_rng.choice(CHOICE_FORMS)
                if form == "dialog":  # one open dialog at a time; the others show inline
                    form = "aria_radios" if dialog else form
                    dialog = dialog or c.key
                layout.update(form=form, name=c_rng.choice(ICON_NAMES))
            elif c.kind in ("switch", "checkbox"):
                forms = SWITCH_FORMS if c.kind == "switch" else CHECKBOX_FORMS
                layout.update(form=c_rng.choice(forms), help=SWITCH_HELP.get(c.key, ""))
            elif c.kind == "heading":
                layout.update(form="heading",
                              heading={"tag": c_rng.choice(("h", "div")),
                                       "level": c_rng.choice((2, 3))})
            elif c.kind == "text":
                layout.update(form="text")
                texts.append(layout["label_id"])
            else:
                layout.update(form="value")
            out[i] = layout
        for layout in out.values():  # "Private account" is described by the page's texts
            if layout["form"] == "described" and not layout["help"]:
                layout["describedby"] = " ".join(texts)
        return {"title": {"tag": rng.choice(("h", "div")), "level": 2}, "order": order,
                "controls": out, "wording": wording}

    def _control_value(self, c: Control):
        if c.kind == "value":
            return self.me["contact"][c.key]
        return self.me["settings"].get(c.key)

    def _settings_update(self, req, path):
        """Save a control: one form field per changed setting, then 302 back to the page."""
        professional = self.me["profile"]["professional"]
        allowed = {c.key: (("true", "false") if c.kind in ("checkbox", "switch") else
                           tuple(schema.AUDIENCES))
                   for c in SETTINGS_PAGES[path][1]
                   if c.kind in ("checkbox", "switch", "radios")
                   and (professional or not c.professional)}
        changes = {}
        for key, value in req.form.items():
            if value not in allowed.get(key, ()):
                return Response(error_page(400), 400)
            changes[key] = value == "true" if schema.SETTINGS[key][0] is bool else value
        with self._lock:
            self.me["settings"].update(changes)
        return redirect(path)


def _options(c: Control) -> tuple:
    return schema.SETTINGS[c.key][0] if c.kind == "radios" else ()


def _token(n: int) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(n))


def _timestamp(post: dict) -> int:
    return calendar.timegm(time.strptime(_post_time(post)[:19], "%Y-%m-%dT%H:%M:%S"))


def _post_time(post: dict) -> str:
    """A post's datetime attribute: its date, at a time of day derived from its code."""
    n = int(hashlib.blake2b(post["code"].encode(), digest_size=2).hexdigest(), 16)
    return f"{post['date']}T{8 + n % 12:02d}:{n // 12 % 60:02d}:00.000Z"
