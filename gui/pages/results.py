"""Results: every finding with its status in words and icon, and what the evidence was."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem

from audits.catalog import PLATFORM_NAMES
from audits.model import Status
from checkup.flow import PageId
from gui import status as st
from gui.pages.base import Page, text_label

SOURCE_WORDS = {"setting": "Your settings", "owner_view": "Your own view", "public_view": "What a stranger sees"}
ORDER = {Status.AT_RISK: 0, Status.UNKNOWN: 1, Status.OK: 2, Status.SKIPPED: 3}


def finding_html(f) -> str:
    parts = [f"<h3>{html.escape(f.title)}</h3>", f"<p><b>{html.escape(st.label(f))}.</b> {html.escape(f.summary)}</p>"]
    if f.reason:
        parts.append(f"<p><b>Why:</b> {html.escape(f.reason)}</p>")
    if f.status is Status.UNKNOWN:
        parts.append("<p>The checklist shows how to check this by hand.</p>")
    if f.evidence:
        parts.append("<p><b>What Boundary saw:</b></p><ul>")
        for e in f.evidence:
            parts.append(f"<li>{SOURCE_WORDS.get(str(e.source), e.source)}: {html.escape(e.detail)}</li>")
        parts.append("</ul>")
    return "".join(parts)


class ResultsPage(Page):
    page_id = PageId.RESULTS

    def __init__(self, wizard):
        super().__init__(wizard, "Results", "What a stranger can see, account by account. Select a line for the details.")
        self.headline = text_label("")
        self.headline.setAccessibleName("Summary")
        self.layout_.addWidget(self.headline)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["What was checked", "Result"])
        self.tree.setAccessibleName("Results")
        self.tree.setRootIsDecorated(True)
        self.tree.currentItemChanged.connect(self._show)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Details of the selected result")
        self.detail.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setSizes([300, 160])
        self.layout_.addWidget(split, 1)
        self.drift = text_label("")
        self.layout_.addWidget(self.drift)

    def initializePage(self) -> None:  # noqa: N802
        self.tree.clear()
        report = self.state.report
        c = report.counts()
        self.headline.setText(
            f"{c['at_risk']} at risk, {c['ok']} OK, {c['unknown']} couldn't check, {c['skipped']} not checked."
        )
        first = None
        for platform in report.platforms:
            counts = {s: sum(1 for f in platform.findings if f.status is s) for s in Status}
            who = f" ({platform.account.display_name})" if platform.account.display_name else ""
            top = QTreeWidgetItem([
                f"{PLATFORM_NAMES[platform.platform]}{who}",
                f"{counts[Status.AT_RISK]} at risk, {counts[Status.OK]} OK, {counts[Status.UNKNOWN]} couldn't check",
            ])
            self.tree.addTopLevelItem(top)
            for f in sorted(platform.findings, key=lambda f: (ORDER[f.status], ("high", "medium", "low").index(f.severity))):
                row = QTreeWidgetItem([f.title, st.label(f)])
                row.setIcon(1, st.icon(f.status))
                row.setData(0, Qt.ItemDataRole.UserRole, f.check)
                row.setToolTip(0, f.summary if not f.reason else f.reason)
                top.addChild(row)
                first = first or row
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self.drift.setText(self.boundary.drift_text())
        self.drift.setVisible(bool(self.drift.text()))
        if first:
            self.tree.setCurrentItem(first)

    def _show(self, item, _previous=None) -> None:
        check = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        finding = self.state.finding(check) if check else None
        self.detail.setHtml(finding_html(finding) if finding else "")
