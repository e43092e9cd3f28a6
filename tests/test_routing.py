"""The site-override contract: method, body, cookies, X-Forwarded-Host, redirects, allowlist."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from audits.browser import launch, new_context
from audits.pages import PageLoader
from audits.registry import declaration
from audits.routing import SiteRouter, parse_origin

MARKERS = declaration("facebook").walls

pytestmark = pytest.mark.browser


class Echo(BaseHTTPRequestHandler):
    seen: list = []

    def log_message(self, *args):
        pass

    def _record(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        entry = {"method": self.command, "path": self.path, "body": body,
                 "cookie": self.headers.get("cookie", ""), "xfh": self.headers.get("x-forwarded-host", "")}
        Echo.seen.append(entry)
        return entry

    def _send(self, status, body="", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        data = body.encode()
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.do_GET()

    def do_GET(self):
        entry = self._record()
        port = self.server.server_address[1]
        if self.path.startswith("/hop1"):
            # An absolute Location on the origin: must come back as the real host.
            self._send(302, headers=[("Location", f"http://127.0.0.1:{port}/hop2?x=1"), ("Set-Cookie", "hop1=yes; Path=/")])
        elif self.path.startswith("/hop2"):
            self._send(303, headers=[("Location", "/final"), ("Set-Cookie", "hop2=yes; Path=/; HttpOnly")])
        elif self.path.startswith("/loop"):
            self._send(302, headers=[("Location", "/loop")])
        elif self.path.startswith("/json-redirect"):
            self._send(302, headers=[("Location", "/data.json")])
        elif self.path.startswith("/data.json"):
            self._send(200, json.dumps({"ok": True}), [("content-type", "application/json")])
        elif self.path.startswith("/third-party"):
            html = ("<html lang=en><body><h1>Page</h1>"
                    "<script src='https://tracker.example.net/t.js'></script>"
                    "<img src='https://ads.example.com/p.gif'></body></html>")
            self._send(200, html, [("content-type", "text/html")])
        else:
            self._send(200, f"<html lang=en><title>echo</title><body><h1>{json.dumps(entry)}</h1></body></html>",
                       [("content-type", "text/html"), ("Set-Cookie", "seen=1; Path=/")])


@pytest.fixture(scope="module")
def origin():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b, _ = launch(pw)
        yield b
        b.close()


def _context(browser, origin, **kw):
    router = SiteRouter("facebook", origin, timeout=4, **kw)
    state = {"cookies": [{"name": "c_user", "value": "42", "domain": ".facebook.com", "path": "/",
                          "secure": True, "httpOnly": False, "sameSite": "None", "expires": -1}], "origins": []}
    return router, new_context(browser, router, storage_state=state)


def test_get_keeps_path_query_cookies_and_sends_forwarded_host(browser, origin):
    Echo.seen.clear()
    router, ctx = _context(browser, origin)
    page = ctx.new_page()
    page.goto("https://www.facebook.com/some/path?tab=posts&x=%20y")
    entry = Echo.seen[-1]
    assert entry["method"] == "GET"
    assert entry["path"] == "/some/path?tab=posts&x=%20y"
    assert "c_user=42" in entry["cookie"]
    assert entry["xfh"] == "www.facebook.com"
    assert page.url == "https://www.facebook.com/some/path?tab=posts&x=%20y"
    # The response's Set-Cookie lands on the real host.
    assert any(c["name"] == "seen" and c["domain"].endswith("facebook.com") for c in ctx.cookies())
    ctx.close()


def test_post_keeps_method_and_body(browser, origin):
    Echo.seen.clear()
    router, ctx = _context(browser, origin)
    page = ctx.new_page()
    page.goto("https://www.facebook.com/start")
    page.evaluate("() => fetch('/submit?a=1', {method: 'POST', body: 'name=value&x=%26'})")
    entry = next(e for e in Echo.seen if e["path"].startswith("/submit"))
    assert entry["method"] == "POST"
    assert entry["body"] == "name=value&x=%26"
    assert "c_user=42" in entry["cookie"]
    ctx.close()


def test_redirects_end_on_the_real_host_with_every_hops_cookies(browser, origin):
    router, ctx = _context(browser, origin)
    page = ctx.new_page()
    loader = PageLoader("Facebook", MARKERS, timeout=4)
    loaded = loader.load(page, "https://www.facebook.com/hop1", owner=True)
    assert page.url == "https://www.facebook.com/final"
    assert loaded.url == "https://www.facebook.com/final"
    assert loaded.hops == ["https://www.facebook.com/hop1", "https://www.facebook.com/hop2?x=1"]
    names = {c["name"]: c for c in ctx.cookies()}
    assert names["hop1"]["domain"] == "www.facebook.com"
    assert names["hop2"]["httpOnly"] is True
    ctx.close()


def test_redirect_page_moves_on_by_itself_in_a_window_the_user_drives(browser, origin):
    router, ctx = _context(browser, origin, autonavigate=True)
    page = ctx.new_page()
    page.goto("https://www.facebook.com/hop1")
    page.wait_for_url("https://www.facebook.com/final")
    assert "hop2" in {c["name"] for c in ctx.cookies()}
    ctx.close()


def test_redirect_loop_is_a_problem_not_a_hang(browser, origin):
    router, ctx = _context(browser, origin)
    loaded = PageLoader("Facebook", MARKERS, timeout=4).load(ctx.new_page(), "https://www.facebook.com/loop", owner=True)
    assert loaded.problem and loaded.problem.kind == "redirect_loop"
    ctx.close()


def test_subresource_redirect_is_followed(browser, origin):
    router, ctx = _context(browser, origin)
    page = ctx.new_page()
    page.goto("https://www.facebook.com/start")
    assert page.evaluate("() => fetch('/json-redirect').then(r => r.json())") == {"ok": True}
    ctx.close()


def test_hosts_outside_the_platform_are_blocked(browser, origin):
    router, ctx = _context(browser, origin)
    page = ctx.new_page()
    page.goto("https://www.facebook.com/third-party", wait_until="load")
    assert "tracker.example.net" in router.blocked_hosts
    assert "ads.example.com" in router.blocked_hosts
    assert not any("example" in e["path"] for e in Echo.seen)
    ctx.close()


def test_unreachable_origin_is_a_network_problem(browser):
    router, ctx = _context(browser, "http://127.0.0.1:9")  # nothing listens on the discard port
    loaded = PageLoader("Facebook", MARKERS, timeout=2).load(ctx.new_page(), "https://www.facebook.com/me/", owner=True)
    assert loaded.problem and loaded.problem.kind == "network"
    ctx.close()


@pytest.mark.parametrize("bad", ["facebook.com", "ftp://x", "http://127.0.0.1:8701/path", "http://h:99999"])
def test_bad_origins_are_refused(bad):
    with pytest.raises(ValueError):
        parse_origin(bad)
