"""The TikTok replica: a WSGI app serving one persona's TikTok account (see replicas/README.md)."""

from __future__ import annotations

import base64
import calendar
import hashlib
import json
import re
import secrets
import string
import time
from email.utils import formatdate
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urlencode, urlsplit

from ..base import ReplicaApp, View
from ..faults import Faults, error_page
from ..synthetic import synthetic_days, synthetic_names
from ..web import ClassNames, Request, Response, json_script, redirect
from . import layout, schema
from .i18n import short_count, translator, video_date, webapp_strings

HOST = "www.tiktok.com"
OLD_HOSTS = {"tiktok.com"}  # answered with a 301 to the same path on www.tiktok.com
COOKIE_DOMAIN = ".tiktok.com"
COOKIE_AGE = 15_552_000  # 180 days, the lifetime sid_guard carries
PAGE_SIZE = 12  # videos in the first grid, and per item_list request
MAX_COUNT = 35  # the most item_list hands out at once
LOGIN_PATH = "/login"
CHECKPOINT_PATH = "/verify"
ITEM_LIST_PATH = "/api/post/item_list/"
TEMPLATES = Path(__file__).parent / "templates"
SESSION_COOKIES = ("sessionid", "sessionid_ss", "sid_tt", "sid_guard", "uid_tt", "uid_tt_ss")
PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAMzMzAAAACwAAAAAAQABAAACAkQBADs="
# webapp.user-detail.statusCode for a name nobody has.
USER_NOT_FOUND = 10221
# webapp.video-detail.statusCode for a video the viewer may not watch (or that doesn't exist).
ITEM_UNAVAILABLE = 10204


class Control(NamedTuple):
    kind: str  # switch | select | suggest (the row opening the "Suggest your account" dialog)
    key: str  # the persona setting it shows and changes
    label: str
    description: str = ""


PRIVATE_DESCRIPTION = ("With a private account, only users you approve can follow you and watch "
                       "your videos. Your existing followers won’t be affected.")
# /setting/privacy: (group heading, controls).
PRIVACY_GROUPS = [
    ("Discoverability", [
        Control("switch", "private_account", "Private account", PRIVATE_DESCRIPTION),
        Control("suggest", "", "Suggest your account to others"),
    ]),
    ("Safety", [
        Control("select", "comments", "Comments"),
        Control("select", "direct_messages", "Direct messages"),
        Control("select", "duet", "Duet"),
        Control("select", "stitch", "Stitch"),
        Control("select", "following_list", "Following list"),
        Control("select", "liked_videos", "Liked videos"),
    ]),
    ("Activity status", [
        Control("switch", "activity_status", "Activity status",
                "Allow accounts you follow and anyone you message to see when you were last active "
                "or are currently active. When this is turned off, you won’t be able to see the "
                "activity status of other accounts."),
    ]),
]
# The switches of the "Suggest your account to others" dialog.
SUGGEST = [Control("switch", "suggest_contacts", "Contacts"),
           Control("switch", "suggest_facebook_friends", "Facebook friends"),
           Control("switch", "suggest_mutual", "People with mutual connections"),
           Control("switch", "suggest_links", "People who open or send links to you")]
# Switching the account private or public asks first: (heading, text, button) each way.
CONFIRMS = {
    "private_account": (
        ("Switch to private account?",
         "Only approved followers can see your profile and posts. No one will be able to Duet "
         "or Stitch your posts.", "Switch to private"),
        ("Switch to public account?",
         "Anyone on or off TikTok can see your profile and posts. You can customize your Duet, "
         "Stitch, or other interaction settings individually.", "Switch to public"),
    ),
}
# Settings sections: path -> name. The side navigation lists the first four.
SECTIONS = {
    "/setting": "Manage account",
    "/setting/privacy": "Privacy",
    "/setting/push-notifications": "Push notifications",
    "/setting/business-account": "Business account",
    "/setting/security": "Security and permissions",
    "/setting/download-your-data": "Download your data",
}
SETTINGS_NAV = list(SECTIONS)[:4]
# The signed-in navigation: (data-e2e, href, label); the profile link is added per persona.
NAV = [("nav-foryou", "/foryou", "For You"), ("nav-explore", "/explore", "Explore"),
       ("nav-following", "/following", "Following"), ("nav-messages", "/messages", "Messages")]


def login_location(next_url: str) -> str:
    """The login page, coming back to the absolute URL afterwards (as the real site keeps it)."""
    return f"{LOGIN_PATH}?redirect_url=" + quote(next_url, safe="")


def poi_id(place: str) -> str:
    """A stable 17-digit place id, shaped like the real ones."""
    n = int.from_bytes(hashlib.blake2b(place.encode(), digest_size=8).digest(), "big")
    return str(10**16 + n % (9 * 10**16))


def place_path(place: str) -> str:
    """/place/Eastbrook-Park-22535796481585394, as the real place links read."""
    return "/place/" + re.sub(r"[^A-Za-z0-9]+", "-", place).strip("-") + "-" + poi_id(place)


def sec_uid(user_id: str) -> str:
    """The opaque "MS4wLjABAAAA…" id the web app uses for a user, stable per user id."""
    digest = hashlib.blake2b(user_id.encode(), digest_size=48).digest()
    return "MS4wLjABAAAA" + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def unique_id_for(name: str, taken: set[str]) -> str:
    """A made-up @name for a made-up creator: "Jordan Lee" -> "jordan.lee" (unique)."""
    base = re.sub(r"[^a-z0-9]+", ".", name.lower())[:20].strip(".") or "user"
    unique_id, n = base, 1
    while unique_id in taken:
        n += 1
        unique_id = f"{base}{n}"
    taken.add(unique_id)
    return unique_id


class TikTokClassNames(ClassNames):
    """TikTok's generated class names: an emotion class named after the styled component,
    then its label ("css-1k9x2pq-DivShareLayoutMain e1abcd0"). A template's class hint
    names the component without its tag ("ShareLayoutMain" on a <div>); elements without
    one are named after their role, or "Container"."""

    _SKIP = ClassNames._SKIP | {"option"}
    _BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"

    def classes(self, tag: str, role: str = "", hint: str = "") -> str:
        key = (tag, role, hint)
        if key not in self._cache:
            digest = hashlib.blake2b(repr(key).encode(), key=self._salt).digest()
            name = hint or "".join(part.capitalize() for part in re.split(r"\W+", role)) \
                or "Container"
            if not name.startswith("Styled"):  # StyledLink, but DivShareLayoutMain, H1ShareTitle
                name = tag.capitalize() + name
            css = "".join(self._BASE36[b % 36] for b in digest[:7]).lstrip("0") or "1"
            label = "".join(self._BASE36[b % 36] for b in digest[7:13])
            self._cache[key] = f"css-{css}-{name} e{label}{digest[13] % 10}"
        return self._cache[key]


class TikTokReplica(ReplicaApp):
    # For faults aimed at the profile grid's later videos.
    ITEM_LIST_PATTERN = "^" + re.escape(ITEM_LIST_PATH)
    TABLE = "tiktok"
    TEMPLATES = TEMPLATES
    COOKIE_DOMAIN = COOKIE_DOMAIN
    COOKIE_AGE = COOKIE_AGE
    LOGIN_LOCATION = staticmethod(login_location)
    HOST = HOST
    OLD_HOSTS = frozenset(OLD_HOSTS)  # tiktok.com/... -> www.tiktok.com/...
    CLASS_NAMES = TikTokClassNames

    def __init__(self, persona: dict, layout_seed: int | None = None):
        self._uid_tt = secrets.token_hex(32)
        self._ms_token = _token(126) + "=="
        self._web_id_created = str(int(time.time()))
        self._ttwid = f"1%7C{_token(43)}%7C{self._web_id_created}%7C{secrets.token_hex(32)}"
        self._csrf_token = _token(36)
        self._web_id = str(7_300_000_000_000_000_000 + secrets.randbelow(10**17))
        self._feed = _made_up_feed()
        routes = [
            (r"/(?:foryou)?", self._foryou),
            (r"/explore/?", self._explore),
            (r"/following/?", self._following),
            (r"/messages/?", self._messages),
            (r"/login(?:/phone-or-email/email)?/?", self._login),
            (r"/logout/?", self._logout),
            (CHECKPOINT_PATH + "/?", self._checkpoint),
            (r"/setting(?P<section>/[a-z-]+)?/?", self._settings),
            (re.escape(ITEM_LIST_PATH) + "?", self._item_list),
            (r"/place/[^/]*-(?P<place>\d+)/?", self._place),
            (r"/@(?P<unique_id>[\w.]+)/video/(?P<video_id>\d+)/?", self._video),
            (r"/@(?P<unique_id>[\w.]+)/?", self._profile),
        ]
        super().__init__(persona, layout_seed=layout_seed, routes=routes,
                         sessions=set(),  # valid sessionid values (sid_tt carries the same)
                         faults=Faults(login_url=login_location, checkpoint_url=CHECKPOINT_PATH))

    # -- sessions ---------------------------------------------------------------------

    def _new_session(self) -> str:
        session = secrets.token_hex(16)  # 32 hex, like the real sessionid
        with self._lock:
            self._sessions.add(session)
        return session

    def _session_cookies(self, session: str) -> list[tuple[str, str, bool]]:
        """(name, value, HttpOnly) of the cookies sign-in sets, the session ones first."""
        expiry = formatdate(time.time() + COOKIE_AGE, usegmt=True)
        guard = f"{session}|{int(time.time())}|{COOKIE_AGE}|{expiry}"
        return [("sessionid", session, True), ("sessionid_ss", session, True),
                ("sid_tt", session, True), ("sid_guard", quote(guard, safe=""), True),
                ("uid_tt", self._uid_tt, True), ("uid_tt_ss", self._uid_tt, True),
                ("msToken", self._ms_token, False), ("ttwid", self._ttwid, True),
                ("tt_csrf_token", self._csrf_token, True)]

    def storage_state(self) -> dict:
        """Playwright storage state of the signed-in persona (valid until expire_sessions)."""
        if self._state_token not in self._sessions:
            self._state_token = self._new_session()
        return self._storage_state(self._session_cookies(self._state_token))

    def _view(self, req: Request) -> View:
        session = req.cookies.get("sessionid", "")
        signed_in = session in self._sessions and req.cookies.get("sid_tt") == session
        return View(signed_in, self.me["ui_language"] if signed_in else "en")

    # -- rendering --------------------------------------------------------------------

    def _render(self, template: str, view: View, req: Request, status=200, scope=None,
                **context) -> Response:
        me, lang = self.me, view.lang
        app_context = {
            "language": lang, "region": "GB", "appId": 1233, "appType": "m",
            "wid": self._web_id, "webIdCreatedTime": self._web_id_created,
            "nonce": _token(21), "botType": "others", "requestId": str(secrets.randbits(63)),
            "clusterRegion": "EU_TTP", "csrfToken": self._csrf_token, "host": HOST,
        }
        if view.signed_in:  # absent when logged out, which is how the web app tells
            app_context["user"] = {"uid": me["user_id"], "uniqueId": me["unique_id"],
                                   "nickName": me["nickname"], "secUid": sec_uid(me["user_id"])}
        t = translator(lang)
        universal = {"__DEFAULT_SCOPE__": {
            "webapp.app-context": app_context,
            "webapp.biz-context": {"os": "linux", "isMobile": False, "isAndroid": False,
                                   "isIOS": False, "jumpType": ""},
            "webapp.i18n-translation": webapp_strings(lang),
            **(scope or {}),
        }}
        return self._page(
            template, status, _=t, lang=lang, view=view, me=me, nav=NAV, pixel=PIXEL,
            count=lambda n: short_count(n, lang), alt=lambda caption: self._alt(caption, t),
            video_url=lambda video: f"https://{HOST}/@{me['unique_id']}/video/{video['id']}",
            video_date=video_date, place_path=place_path,
            login_url=login_location(req.url), request_url=req.url,
            universal=json_script(universal),
            **{"look": None, **context},
        )

    def _alt(self, caption: str, t) -> str:
        """A grid image's alt text, as the real grid writes it."""
        nickname = self.me["nickname"]
        return t("{caption} created by {nickname} with {nickname}’s original sound").format(
            caption=caption, nickname=nickname)

    def _not_found(self, req: Request, view: View) -> Response:
        return self._render("not_found.html", view, req, status=404)

    def _look(self, page: str) -> layout.Layout | None:
        """The seed's choices for one page, or None: the default layout."""
        return None if self.layout_seed is None else layout.Layout(self.layout_seed, page)

    # -- sign-in, feeds ---------------------------------------------------------------

    def _foryou(self, req, view):
        return self._render("feed.html", view, req, title="For You", feed=self._feed)

    def _explore(self, req, view):
        return self._render("feed.html", view, req, title="Explore", feed=self._feed[::-1])

    def _following(self, req, view):
        if not view.signed_in:
            return self._login_wall(req)
        return self._render("feed.html", view, req, title="Following", feed=[])

    def _messages(self, req, view):
        if not view.signed_in:
            return self._login_wall(req)
        return self._render("messages.html", view, req)

    def _login(self, req, view):
        if req.method == "POST":
            return self._login_submit(req)
        if view.signed_in:
            return redirect(_path_of(req.params.get("redirect_url")))
        return self._login_page(req)

    def _login_page(self, req, error: str = ""):
        action = LOGIN_PATH + ("?" + urlencode({"redirect_url": req.params["redirect_url"]})
                               if req.params.get("redirect_url") else "")
        return self._render("login.html", View(False, "en"), req, action=action, error=error,
                            username=req.form.get("username", ""))

    def _login_submit(self, req):
        me = self.me
        given = req.form.get("username", "").strip().lower()
        known = {me["unique_id"].lower(), "@" + me["unique_id"].lower(), me["email"].lower()}
        if given not in known or req.form.get("password") != me["password"]:
            return self._login_page(req, "Incorrect account or password")
        cookies = [self._set_cookie(name, value, http_only)
                   for name, value, http_only in self._session_cookies(self._new_session())
                   if name in SESSION_COOKIES or name not in req.cookies]
        return redirect(_path_of(req.params.get("redirect_url")), cookies)

    def _logout(self, req, view):
        cleared = [self._set_cookie(name, "", max_age=0) for name in SESSION_COOKIES]
        return redirect("/foryou", cleared)

    def _checkpoint(self, req, view):
        return self._render("verify.html", View(False, "en"), req)

    # -- profile, videos, places ------------------------------------------------------

    def _is_me(self, unique_id: str) -> bool:
        return unique_id.lower() == self.me["unique_id"].lower()

    def _visible_videos(self, view: View) -> list[dict]:
        """The owner sees every video; others only the public ones of a public account."""
        if view.owner:
            return self.me["videos"]
        if self.me["settings"]["private_account"]:
            return []
        return [v for v in self.me["videos"] if v["audience"] == "Everyone"]

    def _user_detail(self) -> dict:
        """webapp.user-detail: the same for every viewer, as on the real site."""
        me, s = self.me, self.me["settings"]
        followers, following = me["followers"]["names"], me["following"]["names"]
        stats = {"followerCount": len(followers), "followingCount": len(following),
                 "heart": me["likes"], "heartCount": me["likes"], "videoCount": len(me["videos"]),
                 "diggCount": 0, "friendCount": len(set(followers) & set(following))}
        user = {
            "id": me["user_id"], "shortId": "", "uniqueId": me["unique_id"],
            "nickname": me["nickname"], "avatarLarger": PIXEL, "avatarMedium": PIXEL,
            "avatarThumb": PIXEL, "signature": me["bio"], "createTime": _created(me["user_id"]),
            "verified": False, "secUid": sec_uid(me["user_id"]), "ftc": False, "relation": 0,
            "openFavorite": s["liked_videos"] == "Everyone",
            "commentSetting": schema.SETTING_CODES[s["comments"]],
            "commerceUserInfo": {"commerceUser": False},
            "duetSetting": schema.SETTING_CODES[s["duet"]],
            "stitchSetting": schema.SETTING_CODES[s["stitch"]],
            "privateAccount": s["private_account"], "secret": s["private_account"],
            "isADVirtual": False, "roomId": "", "uniqueIdModifyTime": 0, "ttSeller": False,
            "downloadSetting": 0,
            "profileTab": {"showMusicTab": False, "showQuestionTab": False,
                           "showPlayListTab": False},
            "followingVisibility": 1 if s["following_list"] == "Everyone" else 2,
            "recommendReason": "", "nowInvitationCardUrl": "", "nickNameModifyTime": 0,
            "isEmbedBanned": False, "canExpPlaylist": True, "profileEmbedPermission": 1,
            "language": me["ui_language"], "eventList": [], "suggestAccountBind": False,
            "isOrganization": 0, "UserStoryStatus": 0,
        }
        likes, fans = short_count(me["likes"], "en"), short_count(len(followers), "en")
        return {
            "userInfo": {"user": user, "stats": stats,
                         "statsV2": {k: str(v) for k, v in stats.items()}, "itemList": []},
            "shareMeta": {"title": f"{me['nickname']} on TikTok",
                          "desc": f"@{me['unique_id']} {fans} Followers, "
                                  f"{short_count(len(following), 'en')} Following, {likes} Likes "
                                  f"- Watch awesome short videos created by {me['nickname']}"},
            "statusCode": 0, "statusMsg": "", "needFix": False,
        }

    def _item(self, video: dict) -> dict:
        """One video as item_list and webapp.video-detail carry it."""
        me, audience = self.me, video["audience"]
        item = {
            "id": video["id"], "desc": video["caption"], "createTime": _create_time(video),
            "author": {"id": me["user_id"], "uniqueId": me["unique_id"],
                       "nickname": me["nickname"], "secUid": sec_uid(me["user_id"])},
            "stats": {"playCount": video["views"], "diggCount": 0, "commentCount": 0,
                      "shareCount": 0},
            "privateItem": audience != "Everyone", "secret": audience == "Only you",
            "forFriend": audience == "Friends",
        }
        if video["location"]:
            item["poi"] = {"id": poi_id(video["location"]), "name": video["location"]}
        return item

    def _profile(self, req, view, unique_id):
        if not self._is_me(unique_id):
            scope = {"webapp.user-detail": {"statusCode": USER_NOT_FOUND, "statusMsg": "",
                                            "needFix": False}}
            return self._render("no_account.html", view, req, scope=scope)
        videos = self._visible_videos(view)
        detail = self._user_detail()
        return self._render("profile.html", view, req, scope={"webapp.user-detail": detail},
                            look=self._profile_look(),
                            videos=videos[:PAGE_SIZE], more=len(videos) > PAGE_SIZE,
                            page_size=PAGE_SIZE, stats=detail["userInfo"]["stats"],
                            private=self.me["settings"]["private_account"] and not view.owner,
                            liked_public=self.me["settings"]["liked_videos"] == "Everyone",
                            people=self._people(view), ld_json=self._ld_json())

    def _profile_look(self) -> dict | None:
        """A seeded profile: the header as <section>, role=region or <div> named by the
        @name, the nickname and the bio in drawn elements, the bio before or after the counts,
        and the private-account notice in one of its wordings."""
        look = self._look("profile")
        if look is None:
            return None
        return {"region": look.pick("header", layout.REGION_FORMS),
                "nickname": look.pick("nickname", ("h2", "heading", "p")),
                "bio": look.pick("bio", ("h2", "p", "div")),
                "bio_first": look.pick("bio-place", (False, True)),
                "notice": layout.wording(self.layout_seed, {"notice": layout.PRIVATE_NOTICES},
                                         "notice", layout.PRIVATE_NOTICES[0]),
                "depth": look.depth("header", 3)}

    def _people(self, view: View) -> dict:
        """The following and followers lists as the viewer may see them (None: hidden)."""
        me, settings = self.me, self.me["settings"]
        taken = {me["unique_id"].lower()}
        names = me["following"]["names"] + me["followers"]["names"]
        ids = {name: unique_id_for(name, taken) for name in dict.fromkeys(names)}
        public = not settings["private_account"]
        shown = {"following": view.owner or (public and settings["following_list"] == "Everyone"),
                 "followers": view.owner or public}
        return {key: [{"name": n, "unique_id": ids[n]} for n in me[key]["names"]]
                if shown[key] else None for key in shown}

    def _ld_json(self) -> str:
        """The ProfilePage JSON-LD the real profile carries for search engines."""
        me = self.me
        return json_script({
            "@context": "https://schema.org/", "@type": "ProfilePage",
            "mainEntity": {"@type": "Person", "name": me["nickname"],
                           "description": me["bio"], "alternateName": me["unique_id"],
                           "url": f"https://{HOST}/@{me['unique_id']}",
                           "identifier": me["unique_id"],
                           "interactionStatistic": [
                               _counter("LikeAction", me["likes"]),
                               _counter("FollowAction", len(me["followers"]["names"]))]}})

    def _item_list(self, req, view):
        """The grid's next videos, as JSON (only those the viewer may see)."""
        def answer(data):
            return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                            content_type="application/json; charset=utf-8")

        if req.params.get("secUid") != sec_uid(self.me["user_id"]):
            return answer({"statusCode": USER_NOT_FOUND, "itemList": [], "cursor": "0",
                           "hasMore": False})
        cursor = _number(req.params.get("cursor"), 0)
        count = min(max(_number(req.params.get("count"), PAGE_SIZE), 1), MAX_COUNT)
        videos, end = self._visible_videos(view), cursor + count
        return answer({"itemList": [self._item(v) for v in videos[cursor:end]],
                       "cursor": str(min(end, len(videos))), "hasMore": end < len(videos),
                       "statusCode": 0})

    def _video(self, req, view, unique_id, video_id):
        if not self._is_me(unique_id):
            return self._profile(req, view, unique_id)
        video = next((v for v in self._visible_videos(view) if v["id"] == video_id), None)
        if video is None:  # private, not shared with the viewer, or no such video: still 200
            scope = {"webapp.video-detail": {"statusCode": ITEM_UNAVAILABLE, "statusMsg": ""}}
            return self._render("video.html", view, req, scope=scope, video=None)
        scope = {"webapp.video-detail": {
            "itemInfo": {"itemStruct": self._item(video)},
            "shareMeta": {"title": f"{self.me['nickname']} on TikTok", "desc": video["caption"]},
            "statusCode": 0, "statusMsg": ""}}
        return self._render("video.html", view, req, scope=scope, video=video)

    def _place(self, req, view, place):
        names = {poi_id(v["location"]): v["location"] for v in self.me["videos"] if v["location"]}
        if place not in names:
            return self._not_found(req, view)
        videos = [v for v in self._visible_videos(view) if v["location"] == names[place]]
        return self._render("place.html", view, req, name=names[place], videos=videos)

    # -- settings ---------------------------------------------------------------------

    def _settings(self, req, view, section=None):
        path = "/setting" + (section or "")
        if not view.signed_in:
            return self._login_wall(req)
        if path not in SECTIONS:
            return self._not_found(req, view)
        if req.method == "POST":
            return self._settings_update(req, path)
        settings = self.me["settings"]
        groups = [(heading, [_shown(c, settings) for c in controls])
                  for heading, controls in PRIVACY_GROUPS] if path == "/setting/privacy" else []
        look = self._look("privacy") if path == "/setting/privacy" else None
        seeded = self._seeded_privacy(look, view, req) if look else {}
        return self._render("settings.html", view, req, path=path, title=SECTIONS[path],
                            sections=[(p, SECTIONS[p]) for p in SETTINGS_NAV], groups=groups,
                            suggest=[_shown(c, settings) for c in SUGGEST], look=look, **seeded)

    def _seeded_privacy(self, look: layout.Layout, view: View, req: Request) -> dict:
        """/setting/privacy under a seed: each control in a drawn form, the rows of a group in
        a drawn order, the groups as <section>, role=region or <div>, headings as h2/h3 or
        role=heading, and "Suggest your account to others" as its dialog or inline."""
        settings, t, edit = self.me["settings"], translator(view.lang), req.params.get("edit", "")

        def seeded(c: Control) -> dict:
            if c.kind == "suggest":
                return {"kind": "suggest", "key": "suggest", "depth": look.depth("suggest")}
            options = schema.SETTINGS[c.key][0] if c.kind == "select" else ()
            attrs = {}
            if c.key in CONFIRMS:
                attrs = {"data-confirm-on": f"confirm-{c.key}-on",
                         "data-confirm-off": f"confirm-{c.key}-off"}
            return layout.control(look, t, kind="choice" if c.kind == "select" else "switch",
                                  key=c.key, label_text=c.label, value=settings[c.key],
                                  options=options, description=c.description, edit=edit,
                                  attrs=attrs)

        groups = [{"title": heading, "region": look.pick(f"region:{heading}", layout.REGION_FORMS),
                   "heading": look.pick(f"heading:{heading}", layout.HEADING_FORMS),
                   "controls": [seeded(c) for c in look.order(heading, controls)]}
                  for heading, controls in PRIVACY_GROUPS]
        return {"seeded_groups": groups,
                "seeded_suggest": [seeded(c) for c in SUGGEST],
                "suggest_form": look.pick("suggest", layout.SUGGEST_FORMS),
                "title_heading": look.pick("title-heading", layout.HEADING_FORMS)}

    def _settings_update(self, req, path):
        """Save a change: one form field per changed setting, then 302 back to the page."""
        changes = {}
        for key, value in req.form.items():
            options = schema.SETTINGS[key][0] if path == "/setting/privacy" \
                and key in schema.SETTINGS else ()
            allowed = ("true", "false") if options is bool else options
            if value not in allowed:
                return Response(error_page(400), 400)
            changes[key] = value == "true" if options is bool else value
        with self._lock:
            self.me["settings"].update(changes)
        return redirect(path)


def _shown(c: Control, settings: dict) -> dict:
    """A control as the settings template draws it."""
    options = schema.SETTINGS[c.key][0] if c.kind == "select" else ()
    return {"kind": c.kind, "key": c.key, "label": c.label, "description": c.description,
            "value": settings.get(c.key), "options": options, "confirm": CONFIRMS.get(c.key)}


def _made_up_feed() -> list[dict]:
    """A few made-up creators' videos for the For You and Explore pages, the same every time."""
    taken: set[str] = set()
    days = synthetic_days(6, "2025-10-01", seed=11)
    return [{"unique_id": unique_id_for(name, taken), "nickname": name, "caption": caption,
             "likes": 120 + 997 * (i + 1) ** 3}
            for i, (name, (_day, caption, _place)) in enumerate(
                zip(synthetic_names(6), days, strict=True))]


def _path_of(url: str | None) -> str:
    """Where to go after sign-in: redirect_url reduced to its path (and query), or /foryou."""
    parts = urlsplit(url or "")
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return "/foryou"
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _number(text: str | None, default: int) -> int:
    try:
        return max(0, int(text or default))
    except ValueError:
        return default


def _counter(kind: str, n: int) -> dict:
    return {"@type": "InteractionCounter",
            "interactionType": {"@type": f"http://schema.org/{kind}"},
            "userInteractionCount": n}


def _create_time(video: dict) -> int:
    """A video's createTime: its date, at a time of day derived from its id."""
    n = int(video["id"])
    seconds = (8 + n % 12) * 3600 + (n // 12 % 60) * 60
    return calendar.timegm(time.strptime(video["date"], "%Y-%m-%d")) + seconds


def _created(user_id: str) -> int:
    """The account's createTime: TikTok ids start with the creation time's seconds."""
    return int(user_id) >> 32


def _token(n: int) -> str:
    alphabet = string.ascii_letters + string.digits + "-_"
    return "".join(secrets.choice(alphabet) for _ in range(n))
