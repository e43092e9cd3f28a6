"""Printing the supervision summary to PDF with the same Chromium the audits use."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from audits.browser import BrowserNotFound, started_browser

TEMPLATES = Path(__file__).resolve().parent / "templates"
DETAILS_MARK = "Own copy: includes personal details. Do not share."


class PdfError(Exception):
    pass


def render_html(context: dict) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return env.get_template("summary.html").render(**context)


def render_pdf(context: dict, *, browser: str | None = None) -> bytes:
    """A4, page numbers, tagged (accessible) with an outline; a mark on every page when the
    copy holds personal details."""
    page_html = render_html(context)
    style = "font-family:'DejaVu Sans',Arial,sans-serif;font-size:7.5pt;width:100%;text-align:center;color:#000;"
    header = f"<div style=\"{style}font-weight:bold\">{html.escape(DETAILS_MARK)}</div>" if context["include_details"] else "<span></span>"
    footer = (f"<div style=\"{style}\">Privacy check-up summary, {html.escape(context['checked_on'])} · "
              "page <span class='pageNumber'></span> of <span class='totalPages'></span></div>")
    try:
        with started_browser(explicit=browser) as (chromium, _):
            # Offline by construction: the page has no external resources, and nothing may load.
            context_ = chromium.new_context(java_script_enabled=False, offline=True)
            page = context_.new_page()
            page.set_content(page_html, wait_until="load")
            return page.pdf(
                format="A4", print_background=True, display_header_footer=True,
                header_template=header, footer_template=footer, tagged=True, outline=True,
                margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
            )
    except BrowserNotFound as exc:
        raise PdfError(f"Can't make the PDF: {exc}") from exc


def write_pdf(path: Path, data: bytes) -> None:
    """Atomically, readable only by the user (it holds their own findings)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
