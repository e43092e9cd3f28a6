"""Small WSGI helpers shared by the replicas: requests, responses, generated class names,
JSON for <script> and UI translation."""

from __future__ import annotations

import hashlib
import io
import json
import re
import secrets
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qs

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def status_line(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} Error"


def request_host(environ) -> str:
    """The host the browser asked for: the site override puts the real one in X-Forwarded-Host."""
    host = environ.get("HTTP_X_FORWARDED_HOST") or environ.get("HTTP_HOST") or ""
    return host.split(",")[0].strip()


def path_with_query(environ) -> str:
    path = environ.get("PATH_INFO") or "/"
    query = environ.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


def request_url(environ) -> str:
    """The absolute URL as the browser saw it (https when reached through the site override)."""
    scheme = environ.get("HTTP_X_FORWARDED_PROTO") or (
        "https" if environ.get("HTTP_X_FORWARDED_HOST") else environ.get("wsgi.url_scheme", "http")
    )
    return f"{scheme}://{request_host(environ)}{path_with_query(environ)}"


def read_body(environ) -> bytes:
    """Read the request body once and put it back, so later readers still see it."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def parse_cookies(header: str) -> dict[str, str]:
    # Not http.cookies: it gives up on the whole header at the first odd value.
    cookies = {}
    for part in header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name not in cookies:
            cookies[name] = value
    return cookies


@dataclass
class Request:
    method: str
    path: str
    query: str
    params: dict[str, str]
    form: dict[str, str]
    body: str
    cookies: dict[str, str]
    host: str
    url: str

    @classmethod
    def from_environ(cls, environ) -> Request:
        method = environ.get("REQUEST_METHOD", "GET").upper()
        form, body = {}, ""
        if method not in SAFE_METHODS:
            body = read_body(environ).decode("utf-8", "replace")
            form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
        query = environ.get("QUERY_STRING", "")
        return cls(
            method=method,
            path=environ.get("PATH_INFO") or "/",
            query=query,
            params={k: v[0] for k, v in parse_qs(query, keep_blank_values=True).items()},
            form=form,
            body=body,
            cookies=parse_cookies(environ.get("HTTP_COOKIE", "")),
            host=request_host(environ),
            url=request_url(environ),
        )


@dataclass
class Response:
    body: str | bytes = ""
    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    content_type: str = "text/html; charset=utf-8"

    def __call__(self, environ, start_response):
        body = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        headers = [("Content-Type", self.content_type), ("Cache-Control", "private, no-store")]
        headers += self.headers + [("Content-Length", str(len(body)))]
        start_response(status_line(self.status), headers)
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]


def redirect(location: str, headers=()) -> Response:
    return Response("", 302, [("Location", location), *headers])


class ClassNames:
    """Adds generated atomic-CSS-like class names ("x1a2b3c") to every element of a page.

    Real sites regenerate these on every deploy, so the audit must never depend on them;
    here they change with every app instance. Elements of the same kind share classes,
    as atomic CSS does. A `class` attribute already in a template is a private hint that
    only picks a different set of classes; it never reaches the page.
    """

    _SKIP = {"html", "head", "meta", "title", "link", "script", "style", "template",
             "path", "circle", "g", "br"}
    _TAG = re.compile(
        r"<(script|style)\b.*?</\1\s*>"  # leave scripts and styles alone
        r"|<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*?)?(\s*/?)>",
        re.S | re.I,
    )
    _HINT = re.compile(r'\sclass="([^"]*)"')
    _ROLE = re.compile(r'\srole="([^"]*)"')

    def __init__(self, pool_size: int = 400):
        tokens = {"x" + secrets.token_hex(3) for _ in range(pool_size)}
        self._pool = sorted(tokens)
        self._salt = secrets.token_bytes(8)
        self._cache: dict[tuple, str] = {}

    def classes(self, tag: str, role: str = "", hint: str = "") -> str:
        key = (tag, role, hint)
        if key not in self._cache:
            digest = hashlib.blake2b(repr(key).encode(), key=self._salt).digest()
            count = 3 + digest[0] % 5
            picked = dict.fromkeys(self._pool[b % len(self._pool)] for b in digest[1:1 + count])
            self._cache[key] = " ".join(picked)
        return self._cache[key]

    def apply(self, html: str) -> str:
        def one(m: re.Match) -> str:
            tag = m.group(2)
            if not tag or tag.lower() in self._SKIP:
                return m.group(0)
            attrs = m.group(3) or ""
            hint = self._HINT.search(attrs)
            role = self._ROLE.search(attrs)
            attrs = self._HINT.sub("", attrs)
            classes = self.classes(tag.lower(), role.group(1) if role else "",
                                   hint.group(1) if hint else "")
            return f'<{tag} class="{classes}"{attrs}{m.group(4)}>'

        return self._TAG.sub(one, html)


def json_script(data) -> str:
    """Compact JSON safe inside <script> (no "</script>", no HTML-significant characters)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def make_translator(tables: dict[str, dict[str, str]]):
    """A platform's translator(lang): English text -> its translation, or itself if missing."""
    def translator(lang: str):
        table = tables.get(lang, {})
        return lambda text: table.get(text, text)
    return translator
