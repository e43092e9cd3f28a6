"""Finding and launching a browser, and making the owner and public contexts.

Browser choice, in order: an explicit setting; the user's installed Chrome or Edge
(platforms trust them more for signing in); Playwright's own Chromium; a system Chromium.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from dataclasses import dataclass

from audits.routing import SiteRouter

log = logging.getLogger(__name__)

# Quiet, predictable start-up: no background traffic to Google, no first-run UI.
COMMON_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"]
LOCALE = "en-US"


class BrowserNotFound(RuntimeError):
    pass


@dataclass(frozen=True)
class BrowserChoice:
    label: str
    channel: str | None = None
    executable: str | None = None

    def launch_kwargs(self) -> dict:
        kwargs: dict = {"args": list(COMMON_ARGS)}
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


def launch(playwright, *, headless: bool = True, explicit: str | None = None):
    """Launch the first browser that starts; returns (browser, choice)."""
    tried = []
    for choice in candidates(explicit):
        try:
            browser = playwright.chromium.launch(headless=headless, **choice.launch_kwargs())
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
    """A context for one platform: English UI, no service workers (so routing sees every request)."""
    context = browser.new_context(
        storage_state=storage_state,
        locale=LOCALE,
        service_workers="block",
        viewport={"width": 1280, "height": 900},
        **extra,
    )
    router.attach(context)
    return context
