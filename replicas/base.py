"""What every platform replica does the same way: the WSGI plumbing around its own pages.

A platform subclasses ReplicaApp, names its persona table, templates, cookie domain and
class-name style, and hands its fault settings, sessions and routes to __init__. It keeps
everything the real sites do differently (cookies, paths, walls, its View, its templates).
"""

from __future__ import annotations

import copy
import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from .faults import Faults
from .web import SAFE_METHODS, ClassNames, Request, Response, redirect

SHARED_TEMPLATES = Path(__file__).parent / "templates"  # macros every platform may import


@dataclass
class View:
    """Who is looking: the signed-in owner, or a logged-out visitor."""
    signed_in: bool
    lang: str

    @property
    def owner(self) -> bool:
        return self.signed_in


class ReplicaApp:
    TABLE = ""  # the persona's table for this platform ("facebook", "x", ...)
    TEMPLATES: Path  # the platform's templates folder
    COOKIE_DOMAIN = ""  # ".facebook.com"
    COOKIE_AGE = 365 * 24 * 3600
    HOST = ""  # where OLD_HOSTS are sent (301, same path)
    OLD_HOSTS: frozenset[str] = frozenset()
    CLASS_NAMES = ClassNames  # the platform's generated class-name style
    LOGIN_LOCATION: Callable[[str], str]  # absolute URL -> its login page (a staticmethod)
    WORDING: dict = {}  # name -> the wordings the facts document, the replica's own first

    def __init__(self, persona: dict, *, faults: Faults, sessions, routes, layout_seed: int | None = None):
        if self.TABLE not in persona:
            raise ValueError(f"the persona has no [{self.TABLE}] table")
        self.persona = copy.deepcopy(persona)
        self.writes: list[dict] = []
        # None: the one default layout (demo, most tests). A seed: a layout drawn from it
        # (value forms, wording variants, wrappers, order), the same for the same seed.
        self.layout_seed = layout_seed
        self.layout = random.Random(layout_seed) if layout_seed is not None else None
        self.faults = faults
        self._sessions = sessions  # the valid session tokens (a set, or a dict token -> its pair)
        self._state_token = None  # the one handed out by storage_state()
        self._lock = threading.Lock()
        self._classes = self.CLASS_NAMES()
        self._jinja = Environment(
            loader=ChoiceLoader([FileSystemLoader(self.TEMPLATES),
                                 FileSystemLoader(SHARED_TEMPLATES)]),
            autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
        self._routes = [(re.compile(pattern), handler) for pattern, handler in routes]

    @property
    def me(self) -> dict:
        return self.persona[self.TABLE]

    # -- sessions ---------------------------------------------------------------------

    def expire_sessions(self) -> None:
        with self._lock:
            self._sessions.clear()
            self._state_token = None

    def _storage_state(self, cookies: list[tuple[str, str, bool]]) -> dict:
        """Playwright storage state holding (name, value, HttpOnly) cookies."""
        expires = int(time.time()) + self.COOKIE_AGE
        return {"cookies": [{"name": name, "value": value, "domain": self.COOKIE_DOMAIN,
                             "path": "/", "expires": expires, "httpOnly": http_only,
                             "secure": True, "sameSite": "None"}
                            for name, value, http_only in cookies],
                "origins": []}

    def _set_cookie(self, name: str, value: str, http_only: bool = False,
                    max_age: int | None = None) -> tuple[str, str]:
        """A Set-Cookie header for the platform's domain; max_age=0 clears the cookie."""
        max_age = self.COOKIE_AGE if max_age is None else max_age
        expires = formatdate(time.time() + max_age, usegmt=True) if max_age else \
            "Thu, 01 Jan 1970 00:00:01 GMT"
        attrs = [f"{name}={value}", f"expires={expires}", f"Max-Age={max_age}",
                 f"Domain={self.COOKIE_DOMAIN}", "Path=/", "Secure"]
        if http_only:
            attrs.append("HttpOnly")
        return ("Set-Cookie", "; ".join(attrs + ["SameSite=None"]))

    # -- WSGI -------------------------------------------------------------------------

    def __call__(self, environ, start_response):
        req = self._request(environ)
        if req.method not in SAFE_METHODS:  # logged before anything else can happen
            self.writes.append({"method": req.method, "path": req.path, "query": req.query,
                                "body": req.body, "host": req.host})
        return self.faults.serve(environ, start_response,
                                 lambda env, sr: self._dispatch(req)(env, sr))

    def _request(self, environ) -> Request:
        return Request.from_environ(environ)

    def _dispatch(self, req: Request) -> Response:
        if req.host.split(":")[0].lower() in self.OLD_HOSTS:  # old.com/... -> new.com/...
            return Response("", 301, [("Location", f"https://{self.HOST}{req.path}"
                                       + (f"?{req.query}" if req.query else ""))])
        return self._route(req, self._view(req))

    def _route(self, req: Request, view) -> Response:
        for pattern, handler in self._routes:
            m = pattern.fullmatch(req.path)
            if m:
                return handler(req, view, **m.groupdict())
        return self._not_found(req, view)

    # -- seeded layouts ---------------------------------------------------------------

    def _rng(self, *parts) -> random.Random:
        """A generator for one choice, from the seed and what it is for (never the order
        in which pages are asked for)."""
        return random.Random(":".join(str(p) for p in (self.layout_seed, *parts)))

    def wording(self) -> dict:
        """The site's wording (WORDING): the replica's own, or the seed's pick of each."""
        if self.layout_seed is None:
            return {name: options[0] for name, options in self.WORDING.items()}
        return {name: self._rng("wording", name).choice(options)
                for name, options in self.WORDING.items()}

    # -- rendering --------------------------------------------------------------------

    def _page(self, template: str, status: int = 200, headers=(), **context) -> Response:
        """A template rendered with `context`, with the platform's generated class names."""
        html = self._jinja.get_template(template).render(**context)
        return Response(self._classes.apply(html), status, list(headers))

    def _login_wall(self, req: Request) -> Response:
        return redirect(self.LOGIN_LOCATION(req.url))

    # -- what each platform provides --------------------------------------------------

    def _view(self, req: Request):
        raise NotImplementedError

    def _not_found(self, req: Request, view) -> Response:
        raise NotImplementedError
