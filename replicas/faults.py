"""Fault injection shared by every replica (README, "Faults").

A platform app owns a `Faults` registry, telling it where its login and checkpoint pages
are, and passes each request through `Faults.serve`. Every kind also takes `times=N`,
which limits the fault to the first N matching requests (the README documents it for
`rate_limit`, where it matters most).
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from .server import STOPPING_KEY
from .web import Response, path_with_query, request_url, status_line

# kind -> {parameter: default}; None marks a required parameter.
KINDS: dict[str, dict] = {
    "status": {"status": None},
    "rate_limit": {"retry_after": 1},
    "hang": {},
    "slow": {"seconds": 1.0},
    "empty": {},
    "login_wall": {},
    "checkpoint": {},
    "replace": {"mapping": None, "regex": False},
    "wrap": {"extra": 2},
    "redirect_loop": {},
    "third_party": {},
}

THIRD_PARTY = ('<script src="https://tracker.example.net/t.js"></script>'
               '<img src="https://ads.example.com/p.gif" alt="" width="1" height="1">')


@dataclass
class Fault:
    pattern: re.Pattern
    kind: str
    params: dict
    times: int | None = None
    hits: int = 0


def error_page(status: int) -> str:
    if status == 404:
        title, text = "This page isn't available", "The link may be broken, or the page may have been removed."
    elif status == 429:
        title, text = "You're Temporarily Blocked", "It looks like you were misusing this feature by going too fast."
    else:
        title, text = "Sorry, something went wrong.", "We're working on getting this fixed as soon as we can."
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'</head><body><div role="main"><h1>{title}</h1><p>{text}</p></div></body></html>')


class Faults:
    def __init__(self, login_url: Callable[[str], str], checkpoint_url: str):
        self._login_url = login_url  # absolute original URL -> login page location
        self._checkpoint_url = checkpoint_url
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._released = threading.Event()  # for apps run outside ReplicaServer

    def add(self, path_regex: str, kind: str, times: int | None = None, **params) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r} (one of {', '.join(KINDS)})")
        unknown = set(params) - set(KINDS[kind])
        if unknown:
            raise TypeError(f"fault {kind!r} takes no parameter {', '.join(sorted(unknown))}")
        merged = {**KINDS[kind], **params}
        missing = [name for name, value in merged.items() if value is None]
        if missing:
            raise TypeError(f"fault {kind!r} needs {', '.join(missing)}")
        fault = Fault(re.compile(path_regex), kind, merged, times)
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def release(self) -> None:
        """Let `hang` requests go (ReplicaServer.stop does this for its own requests)."""
        self._released.set()

    def _pick(self, target: str) -> Fault | None:
        with self._lock:
            for fault in reversed(self._faults):  # later faults win
                if fault.times is not None and fault.hits >= fault.times:
                    continue
                if fault.pattern.search(target):
                    fault.hits += 1
                    return fault
        return None

    def serve(self, environ, start_response, app):
        """Answer one request through `app`, unless a fault says otherwise."""
        fault = self._pick(path_with_query(environ))
        if fault is None:
            return app(environ, start_response)
        kind, p = fault.kind, fault.params
        stopping = environ.get(STOPPING_KEY) or self._released

        if kind == "status":
            return Response(error_page(p["status"]), p["status"])(environ, start_response)
        if kind == "rate_limit":
            headers = [("Retry-After", str(p["retry_after"]))]
            return Response(error_page(429), 429, headers)(environ, start_response)
        if kind == "hang":
            stopping.wait()
            return Response(error_page(503), 503)(environ, start_response)
        if kind == "slow":
            stopping.wait(p["seconds"])
            return app(environ, start_response)
        if kind == "empty":
            return Response("<html><body></body></html>")(environ, start_response)
        if kind == "login_wall":
            return _redirect(self._login_url(request_url(environ)), environ, start_response)
        if kind == "checkpoint":
            return _redirect(self._checkpoint_url, environ, start_response)
        if kind == "redirect_loop":
            return _redirect(path_with_query(environ), environ, start_response)
        return self._rewrite(fault, environ, start_response, app)

    def _rewrite(self, fault, environ, start_response, app):
        """replace / wrap / third_party: change the rendered page after the app has run."""
        status, headers, body = _run(app, environ)
        content_type = dict((k.lower(), v) for k, v in headers).get("content-type", "")
        if content_type.startswith("text/"):
            text = body.decode("utf-8", "replace")
            if fault.kind == "replace":
                for old, new in fault.params["mapping"].items():
                    if fault.params.get("regex"):  # markup changes: a value moved, a control removed
                        text = re.sub(old, new, text)
                        continue
                    # Labels reach the page HTML-escaped (you're -> you&#39;re): replace both forms.
                    for a, b in ((old, new), (html.escape(old), html.escape(new)),
                                 (old.replace("'", "&#39;"), new.replace("'", "&#39;"))):
                        text = text.replace(a, b)
            elif fault.kind == "wrap":
                n = int(fault.params["extra"])
                text = _around_body(text, "<div>" * n, "</div>" * n)
            else:
                text = _around_body(text, "", THIRD_PARTY)
            body = text.encode("utf-8")
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(status, headers + [("Content-Length", str(len(body)))])
        return [body]


def _redirect(location, environ, start_response):
    return Response("", 302, [("Location", location)])(environ, start_response)


def _run(app, environ) -> tuple[str, list, bytes]:
    """Call a WSGI app and collect its whole answer."""
    answer: dict = {}
    chunks: list[bytes] = []

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, list(headers)
        return chunks.append

    result = app(environ, start_response)
    try:
        chunks.extend(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return answer.get("status", status_line(500)), answer.get("headers", []), b"".join(chunks)


_BODY_OPEN = re.compile(r"<body\b[^>]*>", re.I)


def _around_body(html: str, before: str, after: str) -> str:
    """Insert text just inside <body>...</body>; fragments without a body are left alone."""
    opening, end = _BODY_OPEN.search(html), html.lower().rfind("</body")
    if not opening or end < opening.end():
        return html
    return html[:opening.end()] + before + html[opening.end():end] + after + html[end:]
