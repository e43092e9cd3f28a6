"""The Facebook replica: a WSGI app serving one persona's account (see replicas/README.md)."""

from __future__ import annotations

import random
import re
import secrets
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urlencode, urlsplit

from ..base import ReplicaApp
from ..faults import Faults, error_page
from ..web import Request, Response, redirect
from . import schema
from .i18n import ICON_NAMES, LOOKUP_ROWS, SHARING_WITH, SWITCH_HELP, WORDING, long_date, translator

PUBLIC_VIEWER_ID = "100000686899395"  # the View As "Public" viewer in real links
PAGE_SIZE = 10  # posts per feed chunk
COOKIE_AGE = 365 * 24 * 3600
FEED_CHUNK_PATH = "/ajax/profile/timeline/"
SETTINGS_UPDATE_PATH = "/settings/update/"
LOGIN_ACTION = "/login/device-based/regular/login/"
TEMPLATES = Path(__file__).parent / "templates"


class Row(NamedTuple):
    kind: str  # choice | switch | action
    key: str
    question: str
    label: str = ""  # a switch's own label, or an action's button


SETTINGS_TABS = {
    "posts": ("Posts", [
        Row("choice", "future_posts", "Who can see your future posts?"),
        Row("action", "limit_past_posts", "Limit who can see past posts", "Limit Past Posts"),
    ]),
    "how_people_find_and_contact_you": ("How people find and contact you", [
        Row("choice", "friend_requests", "Who can send you friend requests?"),
        Row("choice", "friends_list", "Who can see your friends list?"),
        Row("choice", "lookup_email", "Who can look you up using the email address you provided?"),
        Row("choice", "lookup_phone", "Who can look you up using the phone number you provided?"),
        Row("switch", "search_engines",
            "Do you want search engines outside of Facebook to link to your profile?",
            "Allow search engines outside of Facebook to link to your profile"),
    ]),
    "profile_and_tagging": ("Profile and tagging", [
        Row("choice", "profile_posts", "Who can post on your profile?"),
        Row("choice", "tagged_posts_audience",
            "Who can see posts that you're tagged in on your profile?"),
        Row("switch", "tag_review",
            "Review tags that friends add to your posts before the tags appear on Facebook?",
            "Review tags that friends add to your posts before the tags appear on Facebook?"),
        Row("switch", "timeline_review",
            "Review posts that you're tagged in before the post appears on your profile?",
            "Review posts that you're tagged in before the post appears on your profile?"),
    ]),
}

# About: section path -> its title and groups; a group is (heading, what a public viewer
# reads when it is empty, [(field or None, add prompt)]).
ABOUT_SECTIONS = {
    "about_work_and_education": ("Work and education", [
        ("Work", "No workplaces to show", [("work", "Add a workplace")]),
        ("College", "No schools to show", [("education", "Add a college")]),
        ("High school", "No schools to show", [(None, "Add a high school")]),
    ]),
    "about_places": ("Places lived", [
        ("Places lived", "No places to show",
         [("current_city", "Add current city"), ("hometown", "Add hometown")]),
    ]),
    "about_contact_and_basic_info": ("Contact and basic info", [
        ("Contact info", "No contact info to show", [
            ("phone", "Add a phone number"), ("email", "Add an email address"),
            ("address", "Add your address")]),
        ("Basic info", "No basic info to show", [("birthday", "Add your birthday")]),
    ]),
    "about_family_and_relationships": ("Family and relationships", [
        ("Relationship", "No relationship info to show",
         [("relationship", "Add a relationship status")]),
        ("Family members", "No family members to show", [("family", "Add a family member")]),
    ]),
    "about_details": ("Details about you", [
        ("About you", "No details to show", [(None, "Write some details about yourself")]),
        ("Other names", "No other names to show", [(None, "Add a nickname or a birth name")]),
        ("Favourite quotes", "No favourite quotes to show",
         [(None, "Add your favourite quotations")]),
    ]),
}
EDIT_LABELS = {
    "work": "Edit Workplace", "education": "Edit college", "current_city": "Edit current city",
    "hometown": "Edit hometown", "relationship": "Edit relationship status",
    "family": "Edit family member", "birthday": "Edit birth date", "phone": "Edit phone number",
    "email": "Edit email address", "address": "Edit address",
}
SUB_LABELS = {"current_city": "Current city", "hometown": "Hometown", "birthday": "Birth date",
              "phone": "Mobile", "email": "Email", "address": "Address"}
INTRO_FIELDS = ("work", "education", "current_city", "hometown", "relationship")
PROFILE_TABS = ("posts", "about", "friends", "photos")

# Seeded layouts (README "Seeded layouts"): how a row may show its current value.
# Choice rows: the value as text beside the question, with an Edit button (the default);
# only an icon button whose accessible name carries the value; an inline radio group; the
# same radio group in an open dialog; a combobox (or button) with its open listbox.
CHOICE_FORMS = ("text", "icon", "radiogroup", "dialog", "combobox")
# Switch rows: role="switch" named by aria-label (the default); by aria-labelledby; a native
# checkbox with <label for>; role="checkbox"; a switch described by help text (SWITCH_HELP).
SWITCH_FORMS = ("aria_label", "labelledby", "checkbox", "aria_checkbox", "described")


def login_location(next_url: str) -> str:
    return "/login/?next=" + quote(next_url, safe="")


def slug(text: str, sep: str = "-") -> str:
    return re.sub(r"[^a-z0-9]+", sep, text.lower()).strip(sep)


@dataclass
class View:
    """Who is looking: the signed-in owner, the owner in View As, or a logged-out visitor."""
    signed_in: bool
    view_as: bool
    lang: str

    @property
    def owner(self) -> bool:
        return self.signed_in and not self.view_as

    def sees(self, audience: str) -> bool:
        # The replica has no other members: anything not Public is for the owner only.
        return self.owner or audience == schema.PUBLIC


class FacebookReplica(ReplicaApp):
    # For faults aimed at the timeline's later chunks: app.faults.add(app.FEED_CHUNK_PATTERN, ...)
    FEED_CHUNK_PATTERN = "^" + re.escape(FEED_CHUNK_PATH)
    TABLE = "facebook"
    WORDING = WORDING
    TEMPLATES = TEMPLATES
    COOKIE_DOMAIN = ".facebook.com"
    COOKIE_AGE = COOKIE_AGE
    LOGIN_LOCATION = staticmethod(login_location)

    def __init__(self, persona: dict, layout_seed: int | None = None):
        self._datr = secrets.token_urlsafe(18)
        routes = [
            (r"/", self._home),
            (r"/login(?:/|\.php)?", self._login_page),
            (LOGIN_ACTION + "?", self._login_submit),
            (r"/logout\.php", self._logout),
            (r"/checkpoint/?", self._checkpoint),
            (r"/me(?P<rest>/.*)?", self._me),
            (r"/profile\.php", self._profile_php),
            (FEED_CHUNK_PATH + "?", self._feed_chunk),
            (r"/settings/?", self._settings),
            (SETTINGS_UPDATE_PATH + "?", self._settings_update),
            (r"/pages/(?P<place>[a-z0-9-]+)/?", self._place),
            (r"/(?P<username>[\w.]+)/posts/(?P<post_id>\d+)/?", self._permalink),
            (r"/(?P<username>[\w.]+)(?:/(?P<section>[a-z_]+))?/?", self._profile),
        ]
        super().__init__(persona, layout_seed=layout_seed, routes=routes, sessions=set(),  # valid xs tokens
                         faults=Faults(login_url=login_location, checkpoint_url="/checkpoint/"))

    @property
    def fb(self) -> dict:
        return self.me

    # -- sessions ---------------------------------------------------------------------

    def _new_session(self) -> str:
        # Shaped like the real value: "<n>:<secret>:2:<issued>:-1:-1", URL-encoded.
        secret = secrets.token_urlsafe(14)
        token = f"{secrets.randbelow(50)}%3A{secret}%3A2%3A{int(time.time())}%3A-1%3A-1"
        with self._lock:
            self._sessions.add(token)
        return token

    def storage_state(self) -> dict:
        """Playwright storage state of the signed-in persona (valid until expire_sessions)."""
        if self._state_token not in self._sessions:
            self._state_token = self._new_session()
        return self._storage_state([("c_user", self.fb["user_id"], False),
                                    ("xs", self._state_token, True),
                                    ("datr", self._datr, True)])

    def _view(self, req: Request) -> View:
        signed_in = (req.cookies.get("c_user") == self.fb["user_id"]
                     and req.cookies.get("xs") in self._sessions)
        view_as = signed_in and req.params.get("viewas") == PUBLIC_VIEWER_ID
        return View(signed_in, view_as, self.fb["ui_language"] if signed_in else "en")

    # -- rendering --------------------------------------------------------------------

    def _render(self, template: str, view: View, req: Request, status=200, headers=(),
                **context) -> Response:
        fb, t = self.fb, translator(view.lang)

        def link(path: str) -> str:  # View As keeps its parameter on every inside link
            if not view.view_as:
                return path
            return f"{path}{'&' if '?' in path else '?'}viewas={PUBLIC_VIEWER_ID}"

        user = {"NAME": fb["name"], "SHORT_NAME": fb["name"].split()[0],
                "ACCOUNT_ID": fb["user_id"], "USER_ID": fb["user_id"]}
        if not view.signed_in:
            user = {"NAME": "", "SHORT_NAME": "", "ACCOUNT_ID": "0", "USER_ID": "0"}
        return self._page(
            template, status, headers, _=t, lang=view.lang, view=view, link=link, fb=fb,
            date=lambda iso: long_date(iso, view.lang),
            blob={"CurrentUserInitialData": user}, slug=slug, viewas_id=PUBLIC_VIEWER_ID,
            exit_url=_without_viewas(req), wording=self.wording(),
            overlay_action=LOGIN_ACTION + "?" + urlencode({"login_attempt": "1", "next": req.url}),
            **context,
        )

    def _not_found(self, req: Request, view: View) -> Response:
        return self._render("unavailable.html", view, req, status=404)

    # -- sign-in, home, walls ---------------------------------------------------------

    def _home(self, req, view):
        if not view.signed_in:
            return self._login_page(req, view)
        return self._render("home.html", replace(view, view_as=False), req)

    def _login_page(self, req, view, error=False):
        if view.signed_in and not error:
            return redirect(self._safe_next(req, req.params.get("next")))
        action = LOGIN_ACTION + "?" + urlencode(
            {"login_attempt": "1", "next": req.params.get("next", "")})
        return self._render("login.html", View(False, False, "en"), req, action=action,
                            error=error)

    def _login_submit(self, req, view):
        fb = self.fb
        if req.method != "POST":
            return redirect("/login/")
        if req.form.get("email", "").strip().lower() != fb["email"].lower() or \
                req.form.get("pass") != fb["password"]:
            return self._login_page(req, View(False, False, "en"), error=True)
        xs = self._new_session()
        cookies = [self._set_cookie("c_user", fb["user_id"]),
                   self._set_cookie("xs", xs, http_only=True)]
        if "datr" not in req.cookies:
            cookies.append(self._set_cookie("datr", self._datr, http_only=True))
        return redirect(self._safe_next(req, req.params.get("next")), cookies)

    def _safe_next(self, req, next_url: str | None) -> str:
        """Only follow `next` within the site, and as a path (so any origin keeps working)."""
        if not next_url:
            return "/"
        parts = urlsplit(next_url)
        host = parts.hostname or ""
        if parts.netloc and not (parts.netloc == req.host or host == "facebook.com"
                                 or host.endswith(".facebook.com")):
            return "/"
        path = parts.path if parts.path.startswith("/") and not parts.path.startswith("//") else "/"
        return path + (f"?{parts.query}" if parts.query else "")

    def _logout(self, req, view):
        return redirect("/", [self._set_cookie(name, "", max_age=0) for name in ("c_user", "xs")])

    def _checkpoint(self, req, view):
        return self._render("checkpoint.html", View(False, False, "en"), req)

    # -- profile ----------------------------------------------------------------------

    def _me(self, req, view, rest=None):
        if not view.signed_in:
            return self._login_wall(req)
        path = "/" + self.fb["username"] + (rest.rstrip("/") if rest else "")
        return redirect(path + (f"?{req.query}" if req.query else ""))

    def _profile_php(self, req, view):
        if req.params.get("id") != self.fb["user_id"]:
            return self._not_found(req, view)
        return self._profile_page(req, view, req.params.get("sk") or "posts")

    def _profile(self, req, view, username, section=None):
        if username != self.fb["username"]:
            return self._not_found(req, view)
        return self._profile_page(req, view, section or req.params.get("sk") or "posts")

    def _profile_page(self, req, view, section):
        section = {"timeline": "posts", "about_overview": "about"}.get(section, section)
        if section not in PROFILE_TABS and section not in ABOUT_SECTIONS:
            return self._not_found(req, view)
        friends_public = self.fb["settings"]["friends_list"] == schema.PUBLIC
        if not view.signed_in and (section.startswith("about")
                                   or (section == "friends" and not friends_public)):
            return self._login_wall(req)

        t = translator(view.lang)
        tab = "about" if section.startswith("about") else section
        context = {"section": section, "tab": tab, "friends_visible": view.owner or friends_public}
        if tab == "posts":
            posts = self._visible_posts(view)
            context.update(intro=[self._sentence(item, t, view.lang) for item in self._about(view)
                                  if item["field"] in INTRO_FIELDS],
                           posts=posts[:PAGE_SIZE], next_chunk=self._chunk_url(PAGE_SIZE, posts, view))
        elif tab == "about":
            context.update(about_nav=[("about", t("Overview"))] + [
                (key, t(title)) for key, (title, _) in ABOUT_SECTIONS.items()])
            if section == "about":
                context["overview"] = [self._item(i, t, view) for i in self._about(view)]
            else:
                context["groups"] = self._groups(section, t, view)
        return self._render("profile.html", view, req, **context)

    def _about(self, view: View) -> list[dict]:
        return [item for item in self.fb.get("about", []) if view.sees(item["audience"])]

    def _sentence(self, item: dict, t, lang: str) -> str:
        field, text = item["field"], item["text"]
        if field == "work":
            return text if " at " in text else t("Works at {}").format(text)
        if field in ("education", "current_city", "hometown"):
            pattern = {"education": "Studied at {}", "current_city": "Lives in {}",
                       "hometown": "From {}"}[field]
            return t(pattern).format(text)
        if field == "birthday":
            return long_date(text, lang)
        return t(text) if field == "relationship" else text

    def _item(self, item: dict, t, view: View) -> dict:
        sub = item.get("relation") if item["field"] == "family" else SUB_LABELS.get(item["field"])
        return {"text": self._sentence(item, t, view.lang), "sub": t(sub) if sub else "",
                "audience": t(item["audience"]), "audience_key": item["audience"],
                "edit": t(EDIT_LABELS[item["field"]])}

    def _groups(self, section: str, t, view: View) -> list[dict]:
        about = self._about(view)
        groups = []
        for heading, empty, slots in ABOUT_SECTIONS[section][1]:
            fields = [field for field, _ in slots if field]
            items = [self._item(i, t, view) for i in about if i["field"] in fields]
            groups.append({"heading": t(heading), "items": items,
                           "prompts": [t(prompt) for _, prompt in slots] if view.owner else [],
                           "empty": t(empty) if not items and not view.owner else ""})
        return groups

    # -- the feed ---------------------------------------------------------------------

    def _visible_posts(self, view: View) -> list[dict]:
        return [post for post in self.fb["posts"] if view.sees(post["audience"])]

    def _chunk_url(self, cursor: int, posts: list, view: View) -> str:
        if cursor >= len(posts):
            return ""
        query = {"id": self.fb["user_id"], "cursor": cursor}
        if view.view_as:
            query["viewas"] = PUBLIC_VIEWER_ID
        return FEED_CHUNK_PATH + "?" + urlencode(query)

    def _feed_chunk(self, req, view):
        """The next posts of the timeline, as an HTML fragment; X-Next-Chunk names the next."""
        if req.params.get("id") != self.fb["user_id"]:
            return Response("", 404)
        try:
            cursor = max(0, int(req.params.get("cursor", "0")))
        except ValueError:
            cursor = 0
        posts = self._visible_posts(view)
        end = cursor + PAGE_SIZE
        headers = [("X-Next-Chunk", self._chunk_url(end, posts, view))] if end < len(posts) else []
        return self._render("feed_chunk.html", view, req, headers=headers,
                            posts=posts[cursor:end])

    def _permalink(self, req, view, username, post_id):
        post = next((p for p in self.fb["posts"] if p["id"] == post_id), None)
        if username != self.fb["username"] or post is None or not view.sees(post["audience"]):
            return self._not_found(req, view)
        return self._render("permalink.html", view, req, post=post)

    def _place(self, req, view, place):
        names = {slug(p["place"]): p["place"] for p in self.fb["posts"] if p.get("place")}
        if place not in names:
            return self._not_found(req, view)
        return self._render("place.html", view, req, place=names[place])

    # -- settings ---------------------------------------------------------------------

    def _settings(self, req, view):
        if not view.signed_in:
            return self._login_wall(req)
        view = replace(view, view_as=False)  # View As is for profile pages only
        tab = req.params.get("tab", "")
        nav = [(key, name) for key, (name, _) in SETTINGS_TABS.items()]
        if tab not in SETTINGS_TABS:
            return self._render("settings.html", view, req, tab="", title="Settings", nav=nav,
                                rows=[], plan=None)
        title, rows = SETTINGS_TABS[tab]
        settings = self.fb["settings"]
        rows = [{"kind": r.kind, "key": r.key, "question": r.question, "label": r.label,
                 "value": settings.get(r.key), "options": _options(r)} for r in rows]
        plan = self.layout_plan(tab)
        if plan:  # the seed's layout: its order, wording and value forms
            by_key = {row["key"]: row for row in rows}
            rows = [{**by_key.get(key, {"kind": "group", "key": key}), **plan["rows"][key]}
                    for key in plan["order"]]
        return self._render("settings.html", view, req, tab=tab, title=title, nav=nav, rows=rows,
                            action=f"{SETTINGS_UPDATE_PATH}?tab={tab}", plan=plan)

    # -- seeded layouts -----------------------------------------------------------------

    def layout_plan(self, tab: str) -> dict | None:
        """How the seed lays out the settings tab `tab` (None without a seed).

        {"title", "nav": headings ({"tag": "h"|"div", "level"}), "order": row keys as shown
        (a "lookup_group" row heads the 2024 look-up rows), "rows": key -> {"key", "kind",
        "form", "question" (the wording shown), "label" (switches), "name_pattern" and
        "name_value" (icon form: the button's accessible name), "sub" (combobox form:
        "combobox" or "button"), "help" (described form), "depth" (wrapper divs), "columns"
        (question and value side by side, or nested), ids}, "wording"}.
        """
        if self.layout_seed is None or tab not in SETTINGS_TABS:
            return None
        page = f"settings/{tab}"
        rng = self._rng(page)
        wording = self.wording()
        settings = self.fb["settings"]
        counter = iter(range(rng.randrange(36 ** 2), 10 ** 6))

        def new_id() -> str:  # React-style ids (":r1k:"), unique on the page
            n, out = next(counter), ""
            while True:
                n, d = divmod(n, 36)
                out = "0123456789abcdefghijklmnopqrstuvwxyz"[d] + out
                if not n:
                    return f":r{out}:"

        def heading(level: int, tag_rng: random.Random) -> dict:
            return {"tag": tag_rng.choice(("h", "div")), "level": level}

        title = heading(1, rng)
        nav = [heading(2, rng), heading(3, rng)]
        blocks, lookup = [], []
        for r in SETTINGS_TABS[tab][1]:
            if r.key in ("lookup_email", "lookup_phone") and wording["lookup"] == "rows":
                if not lookup:
                    blocks.append(lookup)
                lookup.append(r.key)
            else:
                blocks.append([r.key])
        if lookup:
            self._rng(page, "lookup_group").shuffle(lookup)
            lookup.insert(0, "lookup_group")
        rng.shuffle(blocks)
        order = [key for block in blocks for key in block]

        rows, dialog = {}, None
        for key in order:
            r_rng = self._rng(page, key)
            row = next((r for r in SETTINGS_TABS[tab][1] if r.key == key), None)
            layout = {"key": key, "kind": row.kind if row else "group",
                      "depth": r_rng.randint(0, 4), "columns": r_rng.random() < 0.5,
                      "label_id": new_id(), "control_id": new_id(), "extra_id": new_id()}
            if row is None:  # the 2024 question over the two look-up rows
                layout.update(form="group", question=LOOKUP_ROWS["group"],
                              heading=heading(r_rng.choice((2, 3)), r_rng))
            elif row.kind == "choice":
                value = settings[key]
                question = LOOKUP_ROWS[key] if key in lookup else row.question
                form = r_rng.choice(CHOICE_FORMS)
                if form == "dialog":  # one open dialog at a time; the others show inline
                    form = "radiogroup" if dialog else form
                    dialog = dialog or key
                pattern = r_rng.choice(ICON_NAMES)
                shown = SHARING_WITH.get(value, value) if "Sharing with" in pattern \
                    and r_rng.random() < 0.5 else value
                layout.update(form=form, question=question, name_pattern=pattern,
                              name_value=shown, sub=r_rng.choice(("combobox", "button")),
                              shape=value if value in ("Public", "Friends", "Friends of friends",
                                                       "Only me", "Custom")
                              else "Public" if value == "Everyone" else "Friends")
            elif row.kind == "switch":
                layout.update(form=r_rng.choice(SWITCH_FORMS), question=row.question,
                              label=row.label, help=SWITCH_HELP[key])
            else:
                layout.update(form="action", question=row.question, label=row.label)
            rows[key] = layout
        return {"title": title, "nav": nav, "order": order, "rows": rows, "wording": wording}

    def _settings_update(self, req, view):
        """Save edit dialogs and switches: one form field per changed setting, then 302 back."""
        if not view.signed_in:
            return self._login_wall(req)
        if req.method != "POST":
            return Response(error_page(405), 405)
        tab = req.params.get("tab", "")
        rows = {r.key: r for r in SETTINGS_TABS.get(tab, ("", []))[1]}
        changes = {}
        for key, value in req.form.items():
            row = rows.get(key)
            if row is None or (row.kind != "action" and value not in _options(row)):
                return Response(error_page(400), 400)
            changes[key] = value == "true" if row.kind == "switch" else value
        with self._lock:
            if changes.pop("limit_past_posts", None):
                for post in self.fb["posts"]:  # what the real button does, in bulk
                    if post["audience"] in ("Public", "Friends of friends"):
                        post["audience"] = "Friends"
            self.fb["settings"].update(changes)
        return redirect(f"/settings/?tab={tab}")


def _options(row: Row) -> tuple:
    if row.kind == "switch":
        return ("true", "false")
    return schema.SETTINGS[row.key][0] if row.kind == "choice" else ()


def _without_viewas(req: Request) -> str:
    query = "&".join(part for part in req.query.split("&") if part and not part.startswith("viewas="))
    return req.path + (f"?{query}" if query else "")

