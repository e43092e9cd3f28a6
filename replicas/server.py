"""A small threaded WSGI server for the replicas, bound to loopback only."""

from __future__ import annotations

import ipaddress
import socket
import socketserver
import sys
import threading
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

# Key under which every request's environ carries the server's "stopping" event, so that
# held requests (the `hang` and `slow` faults) can be released when the server stops.
STOPPING_KEY = "replica.stopping"


class _QuietHandler(WSGIRequestHandler):
    # The default handler logs every request line to stderr; replicas stay silent, and in
    # particular never log request bodies or cookies.
    def log_message(self, format, *args):
        pass


class _Server(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A browser closing a connection early is normal; anything else is a real bug.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _IPv6Server(_Server):
    address_family = socket.AF_INET6


class ReplicaServer:
    """Serve a WSGI app on 127.0.0.1 (or another loopback address) in a daemon thread."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0):
        if host == "localhost":
            host = "127.0.0.1"
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise ValueError(f"replicas only listen on loopback, not {host!r}")
        self.app = app
        self.host = host
        self.port = port
        self._stopping = threading.Event()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        if self._httpd is None:
            raise RuntimeError("server not started")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def _wsgi(self, environ, start_response):
        environ[STOPPING_KEY] = self._stopping
        return self.app(environ, start_response)

    def start(self) -> ReplicaServer:
        if self._httpd is not None:
            return self
        cls = _IPv6Server if ":" in self.host else _Server
        self._stopping.clear()
        self._httpd = cls((self.host, self.port), _QuietHandler)
        self._httpd.set_app(self._wsgi)
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1},
            name=f"replica-{self.port}", daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopping.set()  # release any request held by a fault first
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
        self._httpd = self._thread = None

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
