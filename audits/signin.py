"""Windows the user drives: signing in, and opening a setting to change it.

The user signs in on the platform's own login page in a visible browser; Boundary never
sees the password. It watches only for the platform's session cookies, then keeps the
context's storage state (the caller stores it encrypted) and closes the window.
Both functions own Playwright for their whole run, so they can run in a worker thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from audits.browser import new_context, started_browser
from audits.catalog import PLATFORM_NAMES
from audits.pages import PageLoader
from audits.registry import audit_class, declaration
from audits.routing import SiteRouter
from audits.sessions import is_signed_in


class SignInCancelled(Exception):
    pass


@dataclass
class SignedIn:
    storage_state: dict
    display_name: str | None


def _display_name(platform: str, page) -> str | None:
    """The signed-in person's name, read the way the audit reads it (best effort)."""
    try:
        return audit_class(platform).signed_in_name(page)
    except Exception:
        return None


def sign_in(
    platform: str,
    *,
    site: str | None = None,
    headless: bool = False,
    cancel: threading.Event | None = None,
    on_page: Callable | None = None,
    timeout: float = 600.0,
    browser: str | None = None,
) -> SignedIn:
    """Open the login page and wait until the platform's session cookies appear.

    `on_page(page)` runs in this thread once the login page is open (tests fill the form
    with it). Raises SignInCancelled if the user closes the window or cancels.
    """
    cancel = cancel or threading.Event()
    with started_browser(headless=headless, explicit=browser) as (chromium, _):
        router = SiteRouter(platform, site, block_types=frozenset(), autonavigate=True)
        context = new_context(chromium, router)
        page = context.new_page()
        page.goto(declaration(platform).sign_in_url)
        if on_page:
            on_page(page)
        deadline = time.monotonic() + timeout
        while not is_signed_in(platform, context.cookies()):
            if cancel.is_set() or not context.pages or time.monotonic() > deadline:
                raise SignInCancelled(f"Signing in to {PLATFORM_NAMES[platform]} was cancelled.")
            context.pages[0].wait_for_timeout(300)
        # Signed in. From here Boundary drives the window: redirect pages stay put and the
        # loader follows them itself, so the name is never read from a page mid-navigation.
        router.autonavigate = False
        page = context.new_page()
        loaded = PageLoader(PLATFORM_NAMES[platform], declaration(platform).walls, timeout=20).load(
            page, declaration(platform).home_url, owner=True
        )
        name = _display_name(platform, page) if loaded.ok else None
        return SignedIn(context.storage_state(), name)


def open_setting(
    platform: str,
    session: dict,
    url: str,
    *,
    site: str | None = None,
    headless: bool = False,
    cancel: threading.Event | None = None,
    on_page: Callable | None = None,
    browser: str | None = None,
) -> dict:
    """Show `url` signed in, so the user changes the setting themselves.

    Returns when the user closes the window (or `on_page` finishes, in tests), with the
    context's storage state (the platform may have refreshed its cookies).
    """
    cancel = cancel or threading.Event()
    with started_browser(headless=headless, explicit=browser) as (chromium, _):
        router = SiteRouter(platform, site, block_types=frozenset(), autonavigate=True)
        context = new_context(chromium, router, storage_state=session)
        page = context.new_page()
        page.goto(url)
        if on_page:
            on_page(page)
        else:
            while context.pages and not cancel.is_set():
                context.pages[0].wait_for_timeout(300)
        return context.storage_state()
