"""Finding and launching a browser, and making the owner and public contexts.

Browser choice, in order: an explicit setting; the user's installed Chrome or Edge
(platforms trust them more for signing in); Playwright's own Chromium; a system Chromium.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from audits.routing import SiteRouter

log = logging.getLogger(__name__)

# Quiet, predictable start-up: no background traffic to Google, no first-run UI, no crash
# dumps (they would hold the pages' addresses) and no WebRTC traffic past a proxy (there is
# none, so none at all: STUN would otherwise reach any host a page names).
COMMON_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
]
# Page script can't open a WebRTC connection at all (belt and braces with the flag above).
NO_WEBRTC_JS = """
(() => {
  for (const name of ["RTCPeerConnection", "webkitRTCPeerConnection", "RTCDataChannel"]) {
    try { Object.defineProperty(window, name, { value: undefined, configurable: false, writable: false }); } catch (e) {}
  }
})();
"""
_ENV_LOCK = threading.Lock()
TMP_PREFIX = "boundary-"
SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"]
LOCALE = "en-US"


class BrowserNotFound(RuntimeError):
    pass


@dataclass(frozen=True)
class BrowserChoice:
    label: str
    channel: str | None = None
    executable: str | None = None

    def launch_kwargs(self, folder: BrowserFolder | None = None) -> dict:
        kwargs: dict = {"args": list(COMMON_ARGS)}
        if folder is not None:
            # Everything the browser writes stays in Boundary's private folder, never the home.
            home = folder.root / "home"
            kwargs["args"].append(f"--crash-dumps-dir={folder.root / 'crash'}")
            kwargs["downloads_path"] = str(folder.root / "downloads")
            kwargs["env"] = {**os.environ, "TMPDIR": str(folder.tmp)}
            if sys.platform.startswith("linux"):
                kwargs["env"].update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                                     XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local/share"))
        if self.channel:
            kwargs["channel"] = self.channel
        if self.executable:
            kwargs["executable_path"] = self.executable
        if _is_root():
            # Chromium refuses to start its sandbox as root.
            kwargs["chromium_sandbox"] = False
            kwargs["args"].append("--no-sandbox")
        return kwargs


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def candidates(explicit: str | None = None) -> list[BrowserChoice]:
    explicit = explicit or os.environ.get("BOUNDARY_BROWSER")
    if explicit:
        if explicit in ("chrome", "msedge", "chrome-beta", "msedge-beta", "chromium"):
            return [BrowserChoice(f"the '{explicit}' browser you chose", channel=explicit)]
        return [BrowserChoice(f"the browser at {explicit}", executable=explicit)]
    found = [
        BrowserChoice("Google Chrome", channel="chrome"),
        BrowserChoice("Microsoft Edge", channel="msedge"),
        BrowserChoice("Playwright's Chromium"),
    ]
    for path in SYSTEM_CHROMIUMS + [shutil.which("chromium") or ""]:
        if path and os.path.exists(path):
            found.append(BrowserChoice(f"Chromium ({path})", executable=path))
            break
    return found


def launch(playwright, *, headless: bool = True, explicit: str | None = None, folder: BrowserFolder | None = None):
    """Launch the first browser that starts; returns (browser, choice)."""
    tried = []
    for choice in candidates(explicit):
        try:
            browser = playwright.chromium.launch(headless=headless, **choice.launch_kwargs(folder))
            log.info("browser: %s", choice.label)
            return browser, choice
        except Exception as exc:  # Playwright raises its own Error for a missing browser
            tried.append(choice.label)
            log.debug("browser %s did not start: %s", choice.label, str(exc).splitlines()[0])
    hint = (
        "Install Google Chrome or Microsoft Edge, or run 'python -m playwright install chromium'"
        if sys.platform != "linux"
        else "Install Chrome, or run 'python -m playwright install chromium', or 'apt install chromium'"
    )
    raise BrowserNotFound(f"No browser could be started (tried: {', '.join(tried)}). {hint}.")


def new_context(browser, router: SiteRouter, storage_state: dict | None = None, **extra):
    """A context for one platform: English UI, no service workers (so routing sees every
    request), no downloads, no WebRTC."""
    context = browser.new_context(
        storage_state=storage_state,
        locale=LOCALE,
        service_workers="block",
        accept_downloads=False,
        viewport={"width": 1280, "height": 900},
        **extra,
    )
    context.add_init_script(NO_WEBRTC_JS)
    router.attach(context)
    return context


# -- a private folder per browser run -------------------------------------------------------------
def browser_folders() -> Path:
    """Where each run's browser profile, temporary files and any crash dump live."""
    override = os.environ.get("BOUNDARY_DATA_DIR")
    if override:
        return Path(override) / "browser"
    import platformdirs

    return Path(platformdirs.user_cache_dir("Boundary", appauthor=False)) / "browser"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: leave its folder alone
    return True


def _remove_left_over(root: Path, prefix: str) -> None:
    for old in root.glob(f"{prefix}*"):
        pid = old.name[len(prefix):].split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)


@dataclass(frozen=True)
class BrowserFolder:
    """One browser run's private folders: `root` (profile home, crash dumps, downloads) and
    `tmp`, a short temporary folder beside the system's (Chromium's sockets need a short path)."""

    root: Path
    tmp: Path

    def remove(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
        shutil.rmtree(self.root, ignore_errors=True)


def private_folder() -> BrowserFolder:
    """New private folders (owner only) for one browser run; what a run that crashed left
    (its process is gone) is removed first."""
    root = browser_folders()
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    _remove_left_over(root, "run-")
    _remove_left_over(_tmp_base(), TMP_PREFIX)
    folder = Path(tempfile.mkdtemp(prefix=f"run-{os.getpid()}-", dir=root))
    for part in ("home", "crash", "downloads"):
        (folder / part).mkdir(mode=0o700)
    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-", dir=_tmp_base()))
    return BrowserFolder(folder, tmp)


def _tmp_base() -> Path:
    """The system's temporary folder, unless its path is too long for Chromium's sockets
    (a UNIX socket path holds about 100 characters)."""
    base = Path(tempfile.gettempdir())
    if len(str(base)) > 40 and os.name == "posix" and os.access("/tmp", os.W_OK):
        return Path("/tmp")
    return base


@contextlib.contextmanager
def started_browser(*, headless: bool = True, explicit: str | None = None):
    """Playwright and one browser, contained in a private folder removed at the end.
    Yields (browser, choice). Playwright objects stay in the calling thread."""
    from playwright.sync_api import sync_playwright

    folder = private_folder()
    try:
        manager = sync_playwright()
        # Playwright's driver takes its temporary folder from the environment it starts in.
        with _ENV_LOCK:
            old = os.environ.get("TMPDIR")
            os.environ["TMPDIR"] = str(folder.tmp)
            try:
                playwright = manager.__enter__()
            finally:
                if old is None:
                    os.environ.pop("TMPDIR", None)
                else:
                    os.environ["TMPDIR"] = old
        try:
            browser, choice = launch(playwright, headless=headless, explicit=explicit, folder=folder)
            try:
                yield browser, choice
            finally:
                with contextlib.suppress(Exception):
                    browser.close()
        finally:
            manager.__exit__(None, None, None)
    finally:
        folder.remove()
