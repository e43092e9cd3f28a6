"""What an audit browser may reach, and how a platform's hosts are served by a replica.

Every request of an audit context goes through `SiteRouter`:
- a host outside the platform's allowlist is blocked (trackers, ads, other sites);
- resource types the checks do not need (images, media, fonts) can be blocked too;
- with a site override (`--site facebook=http://127.0.0.1:8701`), a request to the
  platform's hosts is sent to that origin with the same method, path, query, headers,
  body and cookies, the real host in `X-Forwarded-Host`, and the response handed back
  unchanged. Redirects are never fulfilled as a bare 3xx (Chromium does not route the
  follow-up request; it would go to the real network): a navigation gets a tiny page that
  names the rewritten real-host target, and sub-resources are followed here.
"""

from __future__ import annotations

import http.client
import ipaddress
import logging
import re
import socket
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from audits.registry import declaration

log = logging.getLogger(__name__)



def platform_hosts(platform: str) -> tuple[str, ...]:
    """The hosts a platform's pages and files come from (its declaration's allowlist)."""
    return declaration(platform).hosts
# The header a redirect page carries, naming where the browser should go next.
REDIRECT_HEADER = "x-boundary-redirect"
MAX_SUBRESOURCE_HOPS = 5
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "upgrade"}


def host_in(host: str | None, domains: tuple[str, ...]) -> bool:
    host = (host or "").lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in domains)


def parse_origin(text: str) -> str:
    """Validate an ORIGIN given for a replica (`--site`, BOUNDARY_SITE_*); returns it without a
    trailing slash. Only this machine's loopback addresses: the user's session cookies are
    sent there, so a typo or a hostile setting must never hand them to another host."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"'{text}' is not an origin like http://127.0.0.1:8701")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"'{text}' carries a user name or password; give just the address")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError(f"'{text}' must be an origin only (scheme, host and port), no path")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"'{text}' has a bad port") from exc
    if not is_loopback(parts.hostname):
        raise ValueError(f"'{text}' isn't on this computer: a replica must run on 127.0.0.1 or localhost, "
                         "because your sign-in cookies are sent to it")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}" + (f":{port}" if port is not None else "")


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost — never a name that could resolve elsewhere."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def redirect_page(target: str, autonavigate: bool) -> str:
    # In audit contexts the page is inert and the audit follows the header itself, so two
    # navigations never race; in windows the user drives, the page moves on by itself.
    script = f"<script>location.replace({_js_string(target)})</script>" if autonavigate else ""
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Redirecting</title></head>"
        f"<body>{script}</body></html>"
    )


def _js_string(text: str) -> str:
    import json

    return json.dumps(text).replace("</", "<\\/")


@dataclass
class ForwardedResponse:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass
class SiteRouter:
    """The route handler of one platform's audit context (owner or public)."""

    platform: str
    origin: str | None = None  # None: the real site
    block_types: frozenset[str] = frozenset({"image", "media", "font"})
    autonavigate: bool = False
    timeout: float = 20.0
    blocked_hosts: list[str] = field(default_factory=list)
    documents: int = 0  # page loads (navigations) that reached the platform

    @property
    def domains(self) -> tuple[str, ...]:
        return platform_hosts(self.platform)

    def attach(self, context) -> None:
        context.route("**/*", self._handle)
        context.route_web_socket(re.compile(".*"), self._socket)

    def _socket(self, ws) -> None:
        """WebSockets (which `route` never sees): the platform's own connect on the real site;
        any other host — and any socket while a replica stands in for the site — is closed
        without leaving the machine."""
        host = urlsplit(ws.url).hostname
        if self.origin is None and host_in(host, self.domains):
            ws.connect_to_server()
            return
        if not host_in(host, self.domains):
            self.blocked_hosts.append(host or "")
        ws.close()

    # -- the handler -------------------------------------------------------------------
    def _handle(self, route, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("http", "https"):
            route.continue_()
            return
        if not host_in(parts.hostname, self.domains):
            self.blocked_hosts.append(parts.hostname or "")
            route.abort("blockedbyclient")
            return
        if request.resource_type in self.block_types:
            route.abort("blockedbyclient")
            return
        if request.is_navigation_request():
            self.documents += 1
        if self.origin is None:
            route.continue_()
            return
        try:
            self._forward_and_fulfil(route, request)
        except (OSError, http.client.HTTPException) as exc:
            # A replica that hangs or refuses ends here: the page load fails, and the
            # audit records the page as unreadable (unknown), never as empty.
            # Never the path or query: they carry the profile's name.
            log.info("site override: %s %s to %s failed: %s", request.method, request.resource_type,
                     parts.hostname, type(exc).__name__)
            route.abort("timedout" if isinstance(exc, socket.timeout | TimeoutError) else "connectionfailed")

    def _forward_and_fulfil(self, route, request) -> None:
        headers = {k: v for k, v in request.all_headers().items() if not k.startswith(":")}
        resp = self.forward(request.method, request.url, headers, request.post_data_buffer)
        location = resp.headers.get("location")
        if 300 <= resp.status < 400 and location:
            target = self.rewrite_location(location, request.url)
            if request.is_navigation_request():
                out = {k: v for k, v in resp.headers.items() if k in ("set-cookie",)}
                out.update({"content-type": "text/html; charset=utf-8", REDIRECT_HEADER: target})
                route.fulfill(status=200, headers=out, body=redirect_page(target, self.autonavigate))
                return
            resp = self._follow(resp, target, headers)
        route.fulfill(status=resp.status, headers=resp.headers, body=resp.body)

    def _follow(self, resp: ForwardedResponse, target: str, headers: dict) -> ForwardedResponse:
        """Follow a sub-resource redirect here, keeping every hop's Set-Cookie."""
        cookies = [resp.headers.get("set-cookie", "")]
        for _ in range(MAX_SUBRESOURCE_HOPS):
            if not host_in(urlsplit(target).hostname, self.domains):
                break
            resp = self.forward("GET", target, headers, None)
            cookies.append(resp.headers.get("set-cookie", ""))
            location = resp.headers.get("location")
            if not (300 <= resp.status < 400 and location):
                break
            target = self.rewrite_location(location, target)
        joined = "\n".join(c for c in cookies if c)
        if joined:
            resp.headers["set-cookie"] = joined
        return resp

    # -- plain HTTP to the origin --------------------------------------------------------
    def forward(self, method: str, url: str, headers: dict, body: bytes | None) -> ForwardedResponse:
        assert self.origin is not None
        real = urlsplit(url)
        origin = urlsplit(self.origin)
        path = urlunsplit(("", "", real.path or "/", real.query, ""))
        out_headers = {k: v for k, v in headers.items() if k.lower() != "host"}
        out_headers["X-Forwarded-Host"] = real.netloc
        out_headers["Host"] = origin.netloc
        conn_cls = http.client.HTTPSConnection if origin.scheme == "https" else http.client.HTTPConnection
        conn = conn_cls(origin.hostname, origin.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=out_headers)
            raw = conn.getresponse()
            data = raw.read()
            merged: dict[str, str] = {}
            for name, value in raw.getheaders():
                key = name.lower()
                if key in _HOP_BY_HOP:
                    continue
                if key in merged:
                    sep = "\n" if key == "set-cookie" else ", "
                    merged[key] = merged[key] + sep + value
                else:
                    merged[key] = value
            return ForwardedResponse(raw.status, merged, data)
        finally:
            conn.close()

    def rewrite_location(self, location: str, request_url: str) -> str:
        """Make a Location point at the real host, so page.url means the same as on the real site."""
        real = urlsplit(request_url)
        absolute = urljoin(request_url, location)
        parts = urlsplit(absolute)
        origin = urlsplit(self.origin or "")
        if parts.netloc == origin.netloc or (
            parts.hostname in ("127.0.0.1", "localhost", "::1") and parts.port == origin.port
        ):
            return urlunsplit((real.scheme, real.netloc, parts.path, parts.query, parts.fragment))
        return absolute
