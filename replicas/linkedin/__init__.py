"""The LinkedIn replica: a WSGI app serving one persona's LinkedIn account (see replicas/README.md)."""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import string
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urlencode, urlsplit

from ..base import ReplicaApp
from ..faults import Faults, error_page
from ..web import ClassNames, Request, Response, json_script, redirect
from . import layout, schema
from .i18n import connections_count, long_date, month_day, number, translator

HOST = "www.linkedin.com"
BARE_HOST = "linkedin.com"  # answers 301 to the same path on www.linkedin.com
COOKIE_DOMAIN = ".linkedin.com"
COOKIE_AGE = 365 * 24 * 3600
LOGIN_PATH = "/login"
LOGIN_SUBMIT_PATH = "/checkpoint/lg/login-submit"
CONNECTIONS_PATH = "/mynetwork/invite-connect/connections/"
PUBLIC_SETTINGS_PATH = "/public-profile/settings"
PRIVACY_PATH = "/mypreferences/d/categories/privacy"
CHUNK_SIZE = 40  # connections in the page, and per later chunk
TEMPLATES = Path(__file__).parent / "templates"
# A 1x1 grey PNG: the profile photo, inline in pages and served for media.licdn.com URLs.
PIXEL_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGM4AwAAzgDN1GaQsAAAAABJRU5ErkJggg=="
PIXEL = base64.b64decode(PIXEL_B64)
# Logged out, these paths answer 302 to the login page, whatever follows: the settings, the
# network, and everything under a profile except the profile itself.
WALLED = re.compile(r"/(?:feed|mynetwork|messaging|notifications|mypreferences|psettings)(?:/.*)?"
                    r"|/public-profile/settings(?:/.*)?|/in/me(?:/.*)?|/in/[^/]+/.+")
PROFILE_PATH = re.compile(r"/in/[^/]+/?")
SWITCH = ("true", "false")  # the values a switch posts

# Signed-in navigation: (href, label, icon).
NAV = [("/feed/", "Home", "home"), ("/mynetwork/", "My Network", "network"),
       ("/jobs/", "Jobs", "jobs"), ("/messaging/", "Messaging", "messaging"),
       ("/notifications/", "Notifications", "bell")]


class Control(NamedTuple):
    kind: str  # radios | switch
    key: str  # the persona setting it shows and changes
    label: str  # radios: the question (the fieldset's legend); switch: its label


class Item(NamedTuple):
    """One row of the Visibility page and its own page, /mypreferences/d/<slug>."""
    label: str  # the row's label, the page's <h1>
    description: str
    controls: tuple[Control, ...]


def _radios(key: str, question: str, description: str) -> Item:
    return Item(question, description, (Control("radios", key, question),))


ITEMS = {
    "profile-viewing-options": _radios(
        "profile_viewing", "Profile viewing options",
        "Choose how you appear when you view other members’ profiles."),
    "page-visit-visibility": Item(
        "Page visit visibility",
        "Choose whether Page admins can see that you visited their Page.",
        (Control("switch", "page_visit_visibility", "Page visit visibility"),)),
    "email-visibility": Item(
        "Who can see or download your email address",
        "Choose who can see your email address on your profile and in contact info.",
        (Control("radios", "email_visibility", "Who can see or download your email address"),
         Control("switch", "allow_export_emails",
                 "Allow your connections to export your email address"))),
    "connections-visibility": Item(
        "Who can see your connections",
        "Choose whether your connections can see your list of connections. Members will "
        "still see connections they share with you.",
        (Control("switch", "connections_visibility",
                 "Allow your connections to see your connections list"),)),
    "follow-visibility": _radios(
        "follow_visibility", "Who can see members you follow",
        "Choose who can see the members and Pages you follow."),
    "last-name-visibility": _radios(
        "last_name", "Who can see your last name",
        "Choose how your last name appears to members who aren’t your connections and to "
        "people who aren’t signed in."),
    "profile-discovery-email": _radios(
        "discover_email", "Profile discovery using email address",
        "Choose who can find your profile using your email address."),
    "profile-discovery-phone": _radios(
        "discover_phone", "Profile discovery using phone number",
        "Choose who can find your profile using your phone number."),
    "manage-active-status": _radios(
        "active_status", "Manage active status",
        "Choose who can see that you are currently active on LinkedIn."),
    "activity-broadcast": Item(
        "Share profile updates with your network",
        "Choose whether your network is told about changes to your profile, such as a new job "
        "or a work anniversary.",
        (Control("switch", "activity_broadcast", "Share profile updates with your network"),)),
}
# Rows whose page lives at another address than /mypreferences/d/<slug>.
ROW_HREFS = {"public-profile": PUBLIC_SETTINGS_PATH,
             "activity-broadcast": "/psettings/activity-broadcast"}
# The Visibility page: (heading, [row]); "public-profile" is a link without a value.
VISIBILITY = [
    ("Visibility of your profile & network",
     ["profile-viewing-options", "page-visit-visibility", "public-profile", "email-visibility",
      "connections-visibility", "follow-visibility", "last-name-visibility",
      "profile-discovery-email", "profile-discovery-phone"]),
    ("Visibility of your LinkedIn activity", ["manage-active-status", "activity-broadcast"]),
]
# The other categories: plain link rows (nothing an audit reads), (heading, [(label, href)]).
CATEGORIES = {
    "account": [
        ("Profile information", [("Name, location, and industry", "/mypreferences/d/edit-name"),
                                 ("Personal demographic information",
                                  "/mypreferences/d/demographic-info")]),
        ("General preferences", [("Language", "/mypreferences/d/settings/language"),
                                 ("Sync calendar", "/mypreferences/d/calendar-sync"),
                                 ("Partners and services", "/mypreferences/d/permitted-services")]),
    ],
    "sign-in-and-security": [
        ("Account access", [("Email addresses", "/mypreferences/d/manage-email-addresses"),
                            ("Phone numbers", "/mypreferences/d/phone-numbers"),
                            ("Change password", "/mypreferences/d/change-password"),
                            ("Where you’re signed in", "/mypreferences/d/sessions"),
                            ("Two-step verification", "/mypreferences/d/two-step-verification")]),
    ],
    "data-privacy": [
        ("How LinkedIn uses your data", [("Get a copy of your data",
                                          "/mypreferences/d/download-my-data"),
                                         ("Search history", "/mypreferences/d/search-history")]),
        ("Who can reach you", [("Invitations to connect", "/mypreferences/d/invitations"),
                               ("Messages", "/mypreferences/d/message-preferences")]),
    ],
    "ads": [
        ("Profile data", [("Connections", "/mypreferences/d/ads-connections"),
                          ("Companies you follow", "/mypreferences/d/ads-companies")]),
        ("Third-party data", [("Ads beyond LinkedIn", "/mypreferences/d/ads-beyond-linkedin")]),
    ],
    "notifications": [
        ("Notifications you receive", [("Searching for a job", "/mypreferences/d/notify-jobs"),
                                       ("Connecting with others",
                                        "/mypreferences/d/notify-network"),
                                       ("Posting and commenting",
                                        "/mypreferences/d/notify-posts")]),
    ],
}
# The settings navigation: (category slug, name), in the real order.
SETTINGS_NAV = [("account", "Account preferences"), ("sign-in-and-security", "Sign in & security"),
                ("privacy", "Visibility"), ("data-privacy", "Data privacy"),
                ("ads", "Advertising data"), ("notifications", "Notifications")]

# Public profile settings: the section switches under "Customize your public profile".
PUBLIC_SWITCHES = [("headline", "Headline"), ("websites", "Websites"), ("summary", "Summary"),
                   ("activity", "Articles & activity"),
                   ("current_experience", "Current experiences"),
                   ("past_experience", "Past experiences"), ("education", "Education"),
                   ("volunteering", "Volunteer experience"), ("skills", "Skills"),
                   ("causes", "Causes"), ("groups", "Groups")]

# /in/<vanity>/details/<slug>/: (page name, the profile sections it shows).
DETAILS = {"experience": ("Experience", ("experience",)),
           "education": ("Education", ("education",)),
           "volunteering-experiences": ("Volunteering", ("volunteering",)),
           "skills": ("Skills", ("skills",)),
           "interests": ("Interests", ("causes", "groups"))}
# Owner's profile sections that have a details page ("Show all").
SECTION_DETAILS = {"experience": "experience", "education": "education",
                   "volunteering": "volunteering-experiences", "skills": "skills",
                   "groups": "interests"}

# Made-up occupations for the connections list.
OCCUPATIONS = ["Social Worker at Northshire County Council", "Team Manager, Children's Services",
               "Family Support Worker", "Independent Reviewing Officer", "Teacher",
               "Health Visitor at Northshire NHS Trust", "Solicitor, Family Law",
               "Youth Worker", "Practice Educator", "Student Social Worker",
               "HR Business Partner", "Senior Practitioner", "Foster Carer",
               "Service Manager, Adult Social Care", "Project Coordinator"]
# addressCountry codes for the JSON-LD, from a location's last part.
COUNTRIES = {"United Kingdom": "GB", "United States": "US", "Ireland": "IE", "France": "FR",
             "Canada": "CA", "Australia": "AU"}


def login_location(url: str) -> str:
    """The login page, coming back to `url` (absolute, as the browser saw it) afterwards."""
    return f"{LOGIN_PATH}?session_redirect=" + quote(url, safe="")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def connection_vanity(name: str) -> str:
    """A connection's made-up vanity: "Jordan Lee" -> "jordan-lee-<4 hex>", the same every time."""
    return f"{slug(name) or 'member'}-{hashlib.blake2b(name.encode(), digest_size=2).hexdigest()}"


def _occupation(name: str) -> str:
    return OCCUPATIONS[hashlib.blake2b(name.encode(), digest_size=1).digest()[0] % len(OCCUPATIONS)]


class LinkedInClassNames(ClassNames):
    """LinkedIn-style class names: a few utility words and a hashed one
    ("artdeco-card ember-view t-14 a1b2c3"), chosen afresh by every app."""

    _WORDS = ("artdeco-card", "artdeco-button", "artdeco-button--tertiary", "ember-view",
              "t-12", "t-14", "t-16", "t-20", "t-bold", "t-normal", "t-black", "t-black--light",
              "pv2", "pv3", "ph3", "ph5", "mt1", "mt2", "mb2", "mr1", "display-flex",
              "flex-column", "flex-wrap", "align-items-center", "justify-space-between",
              "full-width", "break-words", "relative", "pvs-list__item", "scaffold-layout__main",
              "inline-show-more-text", "global-nav__content", "pv-top-card")

    def __init__(self, pool_size: int = 400):
        super().__init__(pool_size)
        pick = secrets.SystemRandom()
        self._pool = sorted({pick.choice(string.ascii_lowercase) + secrets.token_hex(3)[:5]
                             for _ in range(pool_size)})

    def classes(self, tag: str, role: str = "", hint: str = "") -> str:
        key = (tag, role, hint)
        if key not in self._cache:
            digest = hashlib.blake2b(repr(key).encode(), key=self._salt).digest()
            words = dict.fromkeys(self._WORDS[b % len(self._WORDS)]
                                  for b in digest[1:2 + digest[0] % 3])
            token = self._pool[int.from_bytes(digest[4:6], "big") % len(self._pool)]
            self._cache[key] = " ".join([*words, token])
        return self._cache[key]


@dataclass
class View:
    """Who is looking: the signed-in owner (the replica has no other members), or a visitor."""
    signed_in: bool
    lang: str


class LinkedInReplica(ReplicaApp):
    # For faults aimed at the connections list's later chunks.
    CONNECTIONS_CHUNK_PATTERN = "^" + re.escape(CONNECTIONS_PATH) + r"\?(?:.*&)?start="
    TABLE = "linkedin"
    TEMPLATES = TEMPLATES
    COOKIE_DOMAIN = COOKIE_DOMAIN
    COOKIE_AGE = COOKIE_AGE
    LOGIN_LOCATION = staticmethod(login_location)
    HOST = HOST
    OLD_HOSTS = frozenset({BARE_HOST})
    CLASS_NAMES = LinkedInClassNames

    def __init__(self, persona: dict, layout_seed: int | None = None):
        # Opaque tokens the real site puts in its authwall and checkpoint addresses.
        self._trk_info = "AQ" + secrets.token_urlsafe(30)
        self._checkpoint_path = "/checkpoint/challenge/AgG" + secrets.token_urlsafe(45)
        self._bcookie = f'"v=2&{uuid.uuid4()}"'
        self._li_rm = "AQ" + secrets.token_urlsafe(60)
        routes = [
            (r"/", self._home),
            (r"/(?:login|uas/login)/?", self._login),
            (re.escape(LOGIN_SUBMIT_PATH) + "/?", self._login_submit),
            (r"/m/logout/?", self._logout),
            (r"/authwall/?", self._authwall),
            (r"/signup(?:/.*)?", self._signup),
            (r"/checkpoint/challenge/[\w-]+/?", self._checkpoint),
            (r"/feed/?", self._feed),
            (r"/feed/update/urn:li:activity:(?P<post_id>\d+)/?", self._post),
            (r"/mynetwork/?", self._mynetwork),
            (re.escape(CONNECTIONS_PATH) + "?", self._connections),
            (r"/(?P<page>messaging|jobs|notifications)/?", self._simple),
            (re.escape(PUBLIC_SETTINGS_PATH) + "/?", self._public_settings),
            (r"/mypreferences/d/categories/(?P<category>[a-z-]+)/?", self._settings_category),
            (r"/psettings/(?P<category>privacy)/?", self._settings_category),
            (r"/psettings/(?P<slug>activity-broadcast)/?", self._settings_item),
            (r"/mypreferences/d/(?:visibility/)?(?P<slug>[a-z-]+)/?", self._settings_item),
            (r"/in/me(?P<rest>/.*)?", self._me),
            (r"/in/(?P<vanity>[A-Za-z0-9-]+)/?", self._profile),
            (r"/in/(?P<vanity>[A-Za-z0-9-]+)/overlay/contact-info/?", self._contact_info),
            (r"/in/(?P<vanity>[A-Za-z0-9-]+)/details/(?P<section>[a-z-]+)/?", self._details),
        ]
        super().__init__(persona, layout_seed=layout_seed, routes=routes, sessions={},  # valid li_at -> its JSESSIONID
                         faults=Faults(login_url=self._wall_location,
                                       checkpoint_url=self._checkpoint_path))

    # -- sessions ---------------------------------------------------------------------

    def _new_session(self) -> str:
        # Shaped like the real values: li_at "AQEDA…", JSESSIONID "ajax:<19 digits>" in quotes.
        token = "AQEDA" + secrets.token_urlsafe(90)
        with self._lock:
            self._sessions[token] = f'"ajax:{secrets.randbelow(9 * 10**18) + 10**18}"'
        return token

    def storage_state(self) -> dict:
        """Playwright storage state of the signed-in persona (valid until expire_sessions)."""
        if self._state_token not in self._sessions:
            self._state_token = self._new_session()
        token = self._state_token
        return self._storage_state([("li_at", token, True),
                                    ("JSESSIONID", self._sessions[token], False),
                                    ("bcookie", self._bcookie, False),
                                    ("li_rm", self._li_rm, False)])

    def _view(self, req: Request) -> View:
        signed_in = req.cookies.get("li_at", "") in self._sessions
        return View(signed_in, self.me["ui_language"] if signed_in else "en")

    # -- walls ------------------------------------------------------------------------

    def _wall_location(self, url: str) -> str:
        """Where a logged-out visitor of `url` is sent: a profile goes to the authwall (with
        LinkedIn's tracking parameters), anything else to the login page."""
        if PROFILE_PATH.fullmatch(urlsplit(url).path):
            return "/authwall?" + urlencode({"trk": "public_profile", "trkInfo": self._trk_info,
                                             "originalReferer": "", "sessionRedirect": url},
                                            quote_via=quote, safe="")
        return login_location(url)

    # -- WSGI -------------------------------------------------------------------------

    def _dispatch(self, req: Request) -> Response:
        if req.host.split(":")[0].lower().endswith(".licdn.com"):
            return self._static(req)
        return super()._dispatch(req)  # linkedin.com/... -> www.linkedin.com/..., then routes

    def _route(self, req: Request, view: View) -> Response:
        if not view.signed_in and WALLED.fullmatch(req.path):
            return self._login_wall(req)
        return super()._route(req, view)

    def _static(self, req: Request) -> Response:
        """media.licdn.com: the profile photo the JSON-LD names; nothing else."""
        if req.path.startswith("/dms/image/"):
            return Response(PIXEL, content_type="image/png")
        return Response("", 404, content_type="text/plain")

    # -- rendering --------------------------------------------------------------------

    def _render(self, template: str, view: View, req: Request, status=200, headers=(),
                **context) -> Response:
        lang = view.lang
        context.setdefault("signin_href", LOGIN_PATH)
        context.setdefault("tracking", "guest_homepage-basic")
        context.setdefault("current", "")
        context.setdefault("look", None)
        return self._page(
            template, status, headers, _=translator(lang), lang=lang, view=view, me=self.me, nav=NAV,
            pixel="data:image/png;base64," + PIXEL_B64,
            long_date=lambda iso: long_date(iso, lang),
            month_day=lambda md: month_day(md, lang),
            number=lambda n: number(n, lang),
            connections_count=lambda n: connections_count(n, lang),
            **context,
        )

    def _not_found(self, req: Request, view: View) -> Response:
        return self._render("not_found.html", view, req, status=404)

    def _look(self, page: str) -> layout.Layout | None:
        """The seed's choices for one page, or None: the default layout."""
        return None if self.layout_seed is None else layout.Layout(self.layout_seed, page)

    # -- sign-in, landing, walls ------------------------------------------------------

    def _home(self, req, view):
        if view.signed_in:
            return redirect("/feed/")
        return self._render("landing.html", view, req)

    def _login(self, req, view):
        target = req.params.get("session_redirect", "")
        if view.signed_in:
            return redirect(self._safe_redirect(target, req))
        return self._login_page(req, target)

    def _login_page(self, req, target: str, error: str = "", identifier: str = ""):
        return self._render("login.html", View(False, "en"), req, session_redirect=target,
                            error=error, identifier=identifier)

    def _login_submit(self, req, view):
        if req.method != "POST":
            return redirect(LOGIN_PATH)
        me, form = self.me, req.form
        target = form.get("session_redirect", "")
        given = form.get("session_key", "").strip()
        digits, phone = re.sub(r"\D", "", given), re.sub(r"\D", "", me["phone"])
        known = given.lower() == me["email"].lower() or bool(phone and digits == phone)
        if not known or form.get("session_password") != me["password"]:
            return self._login_page(req, target, "Wrong email or password. Try again or create "
                                                 "an account.", given)
        token = self._new_session()
        cookies = [self._set_cookie("li_at", token, http_only=True),
                   self._set_cookie("JSESSIONID", self._sessions[token]),
                   self._set_cookie("bcookie", self._bcookie), self._set_cookie("li_rm", self._li_rm)]
        return redirect(self._safe_redirect(target, req), cookies)

    @staticmethod
    def _safe_redirect(target: str, req: Request) -> str:
        """A path on this site: a path as given, or an absolute LinkedIn URL (or one on the
        request's own host) reduced to its path; anything else goes to the feed."""
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:
            host = (parts.hostname or "").lower()
            ours = host == BARE_HOST or host.endswith(COOKIE_DOMAIN) \
                or parts.netloc.lower() == req.host.lower()
            if parts.scheme not in ("http", "https") or not ours:
                return "/feed/"
        elif not target.startswith("/") or target.startswith("//"):
            return "/feed/"
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def _logout(self, req, view):
        with self._lock:
            self._sessions.pop(req.cookies.get("li_at", ""), None)
        cleared = [self._set_cookie(name, "", max_age=0) for name in ("li_at", "JSESSIONID", "li_rm")]
        return redirect("/", cleared)

    def _authwall(self, req, view):
        target = req.params.get("sessionRedirect", "")
        return self._render("authwall.html", View(False, "en"), req,
                            signin_href=login_location(target) if target else LOGIN_PATH)

    def _signup(self, req, view):
        return self._render("authwall.html", View(False, "en"), req)

    def _checkpoint(self, req, view):
        return self._render("checkpoint.html", View(False, "en"), req)

    # -- signed-in pages (the walls above keep visitors out) ---------------------------

    def _feed(self, req, view):
        return self._render("feed.html", view, req, current="/feed/")

    def _post(self, req, view, post_id):
        post = next((p for p in self.me["posts"] if p["id"] == post_id), None)
        if post is None:
            return self._not_found(req, view)
        return self._render("post.html", view, req, post=post)

    def _simple(self, req, view, page):
        # Messaging and notifications are walled; jobs has a guest page too.
        return self._render("simple.html", view, req, page=page, current=f"/{page}/")

    def _mynetwork(self, req, view):
        return self._render("mynetwork.html", view, req, current="/mynetwork/",
                            count=len(self.me["connections"]["names"]))

    def _connections(self, req, view):
        """The connections page; with ?start=, one chunk of <li>s (X-Next-Chunk: the next)."""
        people = [{"name": n, "vanity": connection_vanity(n), "occupation": _occupation(n)}
                  for n in self.me["connections"]["names"]]
        if "start" not in req.params:
            return self._render("connections.html", view, req, current="/mynetwork/",
                                people=people[:CHUNK_SIZE], total=len(people),
                                next_chunk=_chunk_url(CHUNK_SIZE, CHUNK_SIZE, len(people)))
        try:
            start = max(0, int(req.params["start"]))
            count = min(100, max(1, int(req.params.get("count", CHUNK_SIZE))))
        except ValueError:
            return Response(error_page(400), 400)
        end = start + count
        following = _chunk_url(end, count, len(people))
        return self._render("connections_chunk.html", view, req,
                            headers=[("X-Next-Chunk", following)] if following else [],
                            people=people[start:end])

    # -- profile ----------------------------------------------------------------------

    def _is_me(self, vanity: str) -> bool:
        return vanity.lower() == self.me["vanity"].lower()

    def _me(self, req, view, rest=None):
        return redirect(f"/in/{self.me['vanity']}{rest or '/'}")

    def _profile(self, req, view, vanity):
        if not self._is_me(vanity):
            return self._not_found(req, view)
        if view.signed_in:
            return self._render("profile.html", view, req, p=self._profile_context(False),
                                contact=None)
        if not self.me["public_profile"]["visible"]:
            look = self._look("profile")
            if look and look.pick("hidden", ("authwall", "not_found")) == "not_found":
                # platform-facts.md 10: "Profile Not Found" (pageKey public_profile_v3_desktop)
                return self._render("profile_not_found.html", view, req,
                                    status=look.pick("hidden-status", (404, 200)))
            return redirect(self._wall_location(req.url))
        p = self._profile_context(True)
        return self._render("profile.html", view, req, p=p, contact=None,
                            tracking="public_profile",
                            signin_href=LOGIN_PATH + "?" + urlencode({"session_redirect": req.url}))

    def _contact_info(self, req, view, vanity):
        if not self._is_me(vanity):
            return self._not_found(req, view)
        p = self.me["profile"]
        return self._render("profile.html", view, req, p=self._profile_context(False),
                            contact={"email": self.me["email"], "phone": self.me["phone"],
                                     "websites": p["websites"], "birthday": p["birthday"]})

    def _details(self, req, view, vanity, section):
        if not self._is_me(vanity) or section not in DETAILS:
            return self._not_found(req, view)
        title, keys = DETAILS[section]
        shown = [s for s in self._profile_context(False)["sections"] if s["key"] in keys]
        return self._render("details.html", view, req, title=title, sections=shown)

    def _public_name(self) -> str:
        """The name as people outside the network see it ("Sam T." with "Last initial")."""
        name = self.me["name"]
        first, _, last = name.rpartition(" ")
        if self.me["settings"]["last_name"] == "Last initial" and first and last:
            return f"{first} {last[0]}."
        return name

    def _profile_context(self, public: bool) -> dict:
        """The profile as the viewer may see it: the owner everything, the public what the
        public profile settings show."""
        me, p, pp = self.me, self.me["profile"], self.me["public_profile"]

        def shown(key: str) -> bool:
            return not public or pp[key]

        jobs = [j for j in me["experience"]
                if shown("current_experience" if j["end"] is None else "past_experience")]
        parts = [
            ("about", "About", "text", p["about"] if shown("summary") else ""),
            ("activity", "Activity", "posts", me["posts"] if shown("activity") else []),
            ("experience", "Experience", "items",
             [{"primary": j["title"], "secondary": j["company"], "start": j["start"],
               "end": j["end"]} for j in jobs]),
            ("education", "Education", "items",
             [{"primary": s["school"], "secondary": s["degree"], "start": s["start"],
               "end": s["end"]} for s in me["education"]] if shown("education") else []),
            ("volunteering", "Volunteer Experience" if public else "Volunteering", "items",
             [{"primary": v["role"], "secondary": v["organisation"], "start": None,
               "end": None} for v in me["volunteering"]] if shown("volunteering") else []),
            ("skills", "Skills", "names", p["skills"] if shown("skills") else []),
            # The owner finds the websites in the contact info, visitors in their own section.
            ("websites", "Websites", "links", p["websites"] if public and pp["websites"] else []),
            ("causes", "Causes", "names", p["causes"] if shown("causes") else []),
            ("groups", "Groups", "names", p["groups"] if shown("groups") else []),
        ]
        name = self._public_name() if public else me["name"]
        context = {
            "public": public, "name": name,
            "headline": p["headline"] if shown("headline") else "",
            "location": p["location"],
            "photo": p["photo"] and (not public or pp["photo"] == "Public"),
            "connections": len(me["connections"]["names"]),
            "sections": [{"key": key, "title": title, "kind": kind, "content": content}
                         for key, title, kind, content in parts if content],
            "details": SECTION_DETAILS,
        }
        if public:
            context["ld_json"] = json_script(self._ld_json(name, jobs, shown))
        context["look"] = self._profile_look(context) if public else None
        return context

    def _profile_look(self, context: dict) -> dict | None:
        """How a seeded public profile arranges its sections: <section> or role=region, the
        headings' form, and whether the location sits in the top card or opens the About
        section (only when there is an About section to hold it)."""
        look = self._look("profile")
        if look is None:
            return None
        has_about = any(s["key"] == "about" for s in context["sections"])
        where = look.pick("location", ("top", "about")) if has_about and context["location"] \
            else "top"
        return {"section": look.pick("sections", layout.SECTION_FORMS),
                "heading": look.pick("section-heading", layout.HEADING_FORMS),
                "location": where, "depth": look.depth("sections", 2)}

    def _ld_json(self, name: str, jobs: list[dict], shown) -> dict:
        """The logged-out profile's schema.org graph: a Person, and an Article per post."""
        me, p = self.me, self.me["profile"]
        url = f"https://{HOST}/in/{me['vanity']}"
        person: dict = {"@type": "Person", "name": name, "url": url, "sameAs": url}
        if p["location"]:
            address = {"@type": "PostalAddress", "addressLocality": p["location"]}
            country = COUNTRIES.get(p["location"].rsplit(",", 1)[-1].strip())
            if country:
                address["addressCountry"] = country
            person["address"] = address
        current = [j["title"] for j in jobs if j["end"] is None]
        if current:
            person["jobTitle"] = current
        if jobs:
            person["worksFor"] = [
                {"@type": "Organization", "name": j["company"],
                 "url": f"https://{HOST}/company/{slug(j['company'])}",
                 "member": _role(j["start"], j["end"])} for j in jobs]
        if shown("education") and me["education"]:
            person["alumniOf"] = [
                {"@type": "EducationalOrganization", "name": s["school"],
                 "url": f"https://{HOST}/school/{slug(s['school'])}/",
                 **({"member": _role(s["start"], s["end"])} if s["start"] or s["end"] else {})}
                for s in me["education"]]
        if p["photo"] and me["public_profile"]["photo"] == "Public":
            digest = hashlib.blake2b(me["vanity"].encode(), digest_size=9).hexdigest()
            person["image"] = {"@type": "ImageObject", "contentUrl": (
                f"https://media.licdn.com/dms/image/v2/D4E03AQ{digest}/profile-displayphoto-"
                "shrink_200_200/0/1700000000000?e=2147483647&v=beta")}
        if shown("summary") and p["about"]:
            person["description"] = p["about"]
        graph = [person]
        if shown("activity"):
            graph += [{"@type": "Article", "headline": post["text"][:100],
                       "datePublished": f"{post['date']}T09:00:00.000+00:00",
                       "author": {"@type": "Person", "name": name, "url": url},
                       "url": f"https://{HOST}/feed/update/urn:li:activity:{post['id']}/"}
                      for post in me["posts"]]
        return {"@context": "http://schema.org", "@graph": graph}

    # -- public profile settings ------------------------------------------------------

    def _public_settings(self, req, view):
        pp = self.me["public_profile"]
        if req.method == "POST":
            allowed = {key: SWITCH if options is bool else options
                       for key, (options, _) in schema.PUBLIC_PROFILE.items()}
            return self._update(req, pp, allowed)
        look = self._look("public-settings")
        if look:
            return self._seeded_public_settings(req, view, look)
        return self._render("public_settings.html", view, req,
                            preview=self._profile_context(True) if pp["visible"] else None,
                            pp=pp, photo_options=schema.PHOTO_AUDIENCES,
                            switches=PUBLIC_SWITCHES)

    def _seeded_public_settings(self, req, view, look: layout.Layout) -> Response:
        """The public profile settings under a seed: the master switch, the photo's audience
        and the section switches, each in a drawn form; the section switches in a drawn order."""
        pp, seed, t = self.me["public_profile"], self.layout_seed, translator(view.lang)
        edit = req.params.get("edit", "")
        off = not pp["visible"]
        visible = layout.control(
            look, t, kind="switch", key="visible", label_text="Your profile's public visibility",
            value=pp["visible"], edit=edit,
            description="Off: your profile won’t be visible to people who aren’t signed in to "
                        "LinkedIn, or to search engines.")
        photo = layout.control(look, t, kind="choice", key="photo", label_text="Profile photo",
                               value=pp["photo"], options=schema.PHOTO_AUDIENCES,
                               disabled=off, edit=edit)
        switches = [layout.control(look, t, kind="switch", key=key,
                                   label_text=layout.label(seed, name), value=pp[key],
                                   disabled=off, edit=edit)
                    for key, name in look.order("switches", PUBLIC_SWITCHES)]
        headings = {h: look.pick(f"heading:{h}", layout.HEADING_FORMS)
                    for h in ("preview", "url", "visibility", "customize")}
        return self._render("public_settings.html", view, req,
                            preview=self._profile_context(True) if pp["visible"] else None,
                            pp=pp, look=look, visible=visible, photo=photo,
                            seeded_switches=switches, headings=headings)

    # -- Settings & Privacy -----------------------------------------------------------

    def _settings_category(self, req, view, category):
        if category != "privacy" and category not in CATEGORIES:
            return self._not_found(req, view)
        groups = []
        look = self._look("privacy") if category == "privacy" else None
        if look:
            return self._seeded_privacy(req, view, look)
        if category == "privacy":
            for heading, slugs in VISIBILITY:
                rows = [{"label": "Edit your public profile" if s == "public-profile"
                         else ITEMS[s].label,
                         "href": ROW_HREFS.get(s, f"/mypreferences/d/{s}"),
                         "value": "" if s == "public-profile" else self._row_value(ITEMS[s])}
                        for s in slugs]
                groups.append((heading, rows))
        else:
            groups = [(heading, [{"label": label, "href": href, "value": ""}
                                 for label, href in links])
                      for heading, links in CATEGORIES[category]]
        name = dict(SETTINGS_NAV)[category]
        return self._render("settings_category.html", view, req, category=category,
                            settings_nav=SETTINGS_NAV, title=name, groups=groups)

    def _seeded_privacy(self, req, view, look: layout.Layout) -> Response:
        """The Visibility list under a seed: rows in a drawn order, each with its value under
        its name or not (the item page always shows it), label and value nested in the link or
        side by side, 0-4 wrappers; headings as h2, h3 or role=heading."""
        seed = self.layout_seed
        groups = []
        for heading, slugs in VISIBILITY:
            rows = []
            for s in look.order(heading, slugs):
                if s == "public-profile":
                    row = {"label": "Edit your public profile", "href": ROW_HREFS[s], "value": ""}
                else:
                    where = look.pick(f"href:{s}", ("d", "visibility"))
                    alias = {v: k for k, v in layout.SLUG_ALIASES.items()}.get(s)
                    path = alias if alias and look.flag(f"alias:{s}") else s
                    href = ROW_HREFS.get(s) or (f"/mypreferences/d/visibility/{path}"
                                                if where == "visibility" else f"/mypreferences/d/{path}")
                    row = {"label": layout.label(seed, ITEMS[s].label), "href": href,
                           "value": self._row_value(ITEMS[s]) if look.flag(f"value:{s}") else ""}
                row.update(depth=look.depth(f"row:{s}"),
                           arrangement=look.pick(f"arrange:{s}", ("link", "columns")))
                rows.append(row)
            groups.append((heading, look.pick(f"heading:{heading}", layout.HEADING_FORMS), rows))
        return self._render("settings_category.html", view, req, category="privacy",
                            settings_nav=SETTINGS_NAV, title="Visibility", groups=groups,
                            look=look)

    def _row_value(self, item: Item) -> str:
        """A row's current value: the chosen option, or On/Off for a switch."""
        c = item.controls[0]
        value = self.me["settings"][c.key]
        return ("On" if value else "Off") if c.kind == "switch" else value

    def _settings_item(self, req, view, slug):
        if self.layout_seed is not None:
            slug = layout.SLUG_ALIASES.get(slug, slug)
        item = ITEMS.get(slug)
        if item is None:
            return self._not_found(req, view)
        settings = self.me["settings"]
        if req.method == "POST":
            allowed = {c.key: SWITCH if c.kind == "switch" else schema.SETTINGS[c.key][0]
                       for c in item.controls}
            return self._update(req, settings, allowed)
        look = self._look(f"item:{slug}")
        if look:
            seed, t = self.layout_seed, translator(view.lang)
            controls = [
                layout.control(look, t, kind="choice" if c.kind == "radios" else "switch",
                               key=c.key, label_text=layout.label(seed, c.label),
                               value=settings[c.key], edit=req.params.get("edit", ""),
                               options=schema.SETTINGS[c.key][0] if c.kind == "radios" else ())
                for c in item.controls]
            return self._render("settings_item.html", view, req, category="privacy",
                                settings_nav=SETTINGS_NAV, title=layout.label(seed, item.label),
                                item=item, controls=controls, action=req.path, look=look)
        controls = [{"kind": c.kind, "key": c.key, "label": c.label, "value": settings[c.key],
                     "options": schema.SETTINGS[c.key][0] if c.kind == "radios" else ()}
                    for c in item.controls]
        return self._render("settings_item.html", view, req, category="privacy",
                            settings_nav=SETTINGS_NAV, title=item.label, item=item,
                            controls=controls, action=req.path)

    def _update(self, req, table: dict, allowed: dict[str, tuple]) -> Response:
        """Save a control: one form field per changed value, then 302 back to the page.
        An unknown field or value changes nothing and answers 400."""
        changes = {}
        for key, value in req.form.items():
            if value not in allowed.get(key, ()):
                return Response(error_page(400), 400)
            changes[key] = value == "true" if allowed[key] == SWITCH else value
        with self._lock:
            table.update(changes)
        return redirect(req.path)


def _chunk_url(start: int, count: int, total: int) -> str:
    """The connections chunk starting at `start`, or "" when there is none."""
    if start >= total:
        return ""
    return CONNECTIONS_PATH + "?" + urlencode({"start": start, "count": count})


def _role(start: int | None, end: int | None) -> dict:
    role = {"@type": "OrganizationRole"}
    if start:
        role["startDate"] = start
    if end:
        role["endDate"] = end
    return role
