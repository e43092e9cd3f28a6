"""The supervision PDF: its sections, redaction by default, an own-copy mode marked on every
page, tagged and with an outline; page images saved for review (test-artifacts/pdf/)."""

from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from checklists.builder import Decision, DecisionKind, build_checklist
from replicas.personas import load_persona
from report.pdf import DETAILS_MARK, PdfError, render_pdf, write_pdf
from report.summary import SummaryOptions, build_context
from tests.support import audit

pytestmark = pytest.mark.browser
WATCH_LIST = ["Jordan Lee", "Casey Morgan"]


@pytest.fixture(scope="module")
def demo_report():
    from replicas.demo import start_replicas

    with start_replicas("demo") as running:
        report, _ = audit(running, watch_list=WATCH_LIST)
    return report


def make(demo_report, tmp_path, details: bool, name: str):
    checklist = build_checklist(
        demo_report,
        answers={"self.employer_policy": "no", "self.2fa.facebook": "yes"},
        decisions={"facebook.lookup_phone": Decision(DecisionKind.ACCEPTED, "Only close family have this number.")},
        regulator="swe",
    )
    context = build_context(demo_report, checklist, fixed_today={"facebook.friends_list"},
                            options=SummaryOptions(include_details=details,
                                                   reflections={"learnt": "My friends list was open to anyone."}))
    path = tmp_path / f"{name}.pdf"
    write_pdf(path, render_pdf(context))
    return path


def text_of(path, page=None) -> str:
    args = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def private_strings() -> list[str]:
    fb = load_persona("demo")["facebook"]
    out = [p["text"][:30] for p in fb["posts"]]
    out += [a["text"] for a in fb.get("about", []) if a["field"] in ("phone", "email", "address", "hometown", "current_city", "family")]
    out += fb["friends"]["names"][:60] + WATCH_LIST
    return [s for s in out if len(s) >= 5]


def test_the_summary_has_every_section_and_the_demo_findings(demo_report, tmp_path, artifacts):
    path = make(demo_report, tmp_path, details=False, name="summary")
    text = " ".join(text_of(path).split())
    for heading in ("summary for supervision", "About this document", "1. What was found",
                    "2. My answers to the self-check questions", "3. Reflection", "4. To raise in supervision",
                    "5. Agreed actions and next check-up", "6. Supervision discussion", "7. Sources"):
        assert heading in text, heading
    assert "Social worker (England) (Social Work England)" in text
    assert "Hide your friends list from strangers. Fixed during this check-up" in " ".join(text.split())
    assert "Only close family have this number." in text
    assert "My friends list was open to anyone." in text
    pages = len(PdfReader(str(path)).pages)
    assert 2 <= pages <= 4
    folder = artifacts / "pdf"
    folder.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(folder / "summary")], check=True)
    assert len(list(folder.glob("summary-*.png"))) == pages


def test_redacted_by_default(demo_report, tmp_path):
    path = make(demo_report, tmp_path, details=False, name="redacted")
    text = " ".join(text_of(path).split())
    leaks = [s for s in private_strings() if " ".join(s.split()) in text]
    assert not leaks
    assert DETAILS_MARK not in text


def test_own_copy_has_the_details_and_says_so_on_every_page(demo_report, tmp_path):
    path = make(demo_report, tmp_path, details=True, name="own-copy")
    text = " ".join(text_of(path).split())
    assert "Long day in court tomorrow" in text
    assert "Social Worker at Northshire County Council" in text
    assert not [name for name in WATCH_LIST if name in text]  # never, not even in the own copy
    for page in range(1, len(PdfReader(str(path)).pages) + 1):
        assert DETAILS_MARK in text_of(path, page)


def test_the_pdf_is_tagged_with_an_outline(demo_report, tmp_path):
    reader = PdfReader(str(make(demo_report, tmp_path, details=False, name="tagged")))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [item.title]

    found = list(titles(reader.outline))
    assert found[0] == "Privacy check-up: summary for supervision"
    assert {"1. What was found", "3. Reflection", "7. Sources"} <= set(found)


def test_a_missing_renderer_is_a_clear_message(demo_report, monkeypatch):
    monkeypatch.setenv("BOUNDARY_BROWSER", "/nonexistent/chrome")
    checklist = build_checklist(demo_report)
    with pytest.raises(PdfError, match="Can't make the PDF: No browser could be started"):
        render_pdf(build_context(demo_report, checklist))
