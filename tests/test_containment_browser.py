"""The audit's browser reaches nothing but the platform: not by fetch, image, beacon,
WebSocket or WebRTC (STUN over UDP), and writes nothing into the user's home — no crash
dumps, no temporary folders left behind.

The "outside host" is another loopback address (127.0.0.2) with plain TCP and UDP
listeners counting what arrives: never a private-range or routable address."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading

import pytest

from tests.support import ROOT, adversary, audit, expected, statuses

pytestmark = pytest.mark.browser
OUTSIDE = "127.0.0.2"


class Listener:
    """TCP and UDP on one port of the outside address; counts connections and packets."""

    def __init__(self):
        self.tcp = socket.socket()
        self.tcp.bind((OUTSIDE, 0))
        self.port = self.tcp.getsockname()[1]
        self.tcp.listen()
        self.tcp.settimeout(0.2)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind((OUTSIDE, self.port))
        self.udp.settimeout(0.2)
        self.connections = self.packets = 0
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._accept, daemon=True),
                        threading.Thread(target=self._receive, daemon=True)]
        for t in self.threads:
            t.start()

    def _accept(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.tcp.accept()
                self.connections += 1
                conn.close()
            except OSError:
                pass

    def _receive(self):
        while not self.stop.is_set():
            try:
                self.udp.recv(2048)
                self.packets += 1
            except OSError:
                pass

    def close(self):
        self.stop.set()
        for t in self.threads:
            t.join()
        self.tcp.close()
        self.udp.close()


@pytest.fixture
def listener():
    try:
        got = Listener()
    except OSError:
        pytest.skip("this machine has no 127.0.0.2 loopback address")
    yield got
    got.close()


def test_the_listener_counts_what_reaches_it(listener):
    # The check below would pass vacuously if nothing could ever be counted.
    socket.create_connection((OUTSIDE, listener.port), timeout=2).close()
    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", (OUTSIDE, listener.port))
    threading.Event().wait(0.5)
    assert listener.connections == 1 and listener.packets == 1


def test_nothing_reaches_another_host(replicas, listener):
    running = replicas("demo", platforms=["x"])
    running.apps["x"].faults.add(".", "egress", host=OUTSIDE, port=listener.port)
    report, stats = audit(running, platforms=["x"], only_checks={"x.dm_requests", "x.profile.location"})
    threading.Event().wait(1.0)  # a late STUN packet or socket would still be counted
    adversary("browser egress", egress=listener.connections + listener.packets)
    assert (listener.connections, listener.packets) == (0, 0)
    assert OUTSIDE in stats.blocked_hosts["x"]
    assert statuses(report, "x")["x.dm_requests"] == expected("x", "demo", [])["x.dm_requests"]  # still read


def test_nothing_is_written_into_the_home_folder(tmp_path):
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_CACHE_HOME": str(home / ".cache"), "BOUNDARY_DATA_DIR": str(tmp_path / "data")}
    env.pop("BOUNDARY_PASSPHRASE", None)
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "audit", "--demo", "--no-save", "--quiet",
                           "--platform", "x"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1, 3), done.stderr[-2000:]
    left_home = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    left_tmp = sorted(str(p.relative_to(tmp)) for p in tmp.rglob("*"))
    adversary("files in the home", home_files=len(left_home) + len(left_tmp))
    assert left_home == [] and left_tmp == []
    browser = tmp_path / "data" / "browser"
    assert not browser.exists() or not any(browser.iterdir())  # the run's private folder is gone
