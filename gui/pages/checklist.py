"""Checklist: the steps for each item, open the setting, check again, done or accepted."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from audits.catalog import PLATFORM_NAMES
from audits.engine import run_audit
from audits.model import Status
from audits.signin import open_setting
from checklists.builder import SECTION_TITLES, Decision, DecisionKind, Section
from checkup.flow import PageId
from gui import status as st
from gui.pages.base import Page


def entry_html(e) -> str:
    where = PLATFORM_NAMES[e.platform] if e.platform else "A question for you"
    out = [f"<h3>{html.escape(e.title)}</h3><p><i>{where} · {e.severity} importance</i></p>"]
    if e.finding is not None:
        text = e.finding.reason if e.finding.status is Status.UNKNOWN else e.finding.summary
        out.append(f"<p><b>{html.escape(st.label(e.finding))}.</b> {html.escape(text or '')}</p>")
    if e.self_check and e.answer:
        out.append(f"<p><b>You answered:</b> {html.escape(e.answer)} (self-check, not verified by Boundary)</p>")
    if e.decision:
        if e.decision.kind is DecisionKind.DONE:
            out.append("<p><b>You marked this as done.</b></p>")
        else:
            out.append(f"<p><b>You accepted this:</b> {html.escape(e.decision.reason or '')}</p>")
    out.append(f"<p><b>Why it matters:</b> {html.escape(e.why)}</p>")
    if e.section is not Section.CONFIRMED:
        out.append("<p><b>What to do:</b></p><ol>" + "".join(f"<li>{html.escape(s)}</li>" for s in e.steps) + "</ol>")
        if e.done_when:
            out.append(f"<p><b>Done when:</b> {html.escape(e.done_when)}</p>")
    if e.sources:
        out.append("<p><b>Based on:</b> " + "; ".join(html.escape(s.name) for s in e.sources) + "</p>")
    return "".join(out)


class ChecklistPage(Page):
    page_id = PageId.CHECKLIST

    def __init__(self, wizard):
        super().__init__(
            wizard,
            "Your checklist",
            "Most important first. Open a setting, change it yourself in the browser, then press "
            "'Check again' to confirm.",
        )
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Item"])
        self.tree.setAccessibleName("Checklist items")
        self.tree.currentItemChanged.connect(lambda *_: self._show())
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("What to do")
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail, 1)
        buttons = QGridLayout()  # two rows, so the page fits a small screen at large text sizes
        self.open_button = QPushButton("Open this setting")
        self.recheck_button = QPushButton("Check again")
        self.done_button = QPushButton("Mark as done")
        self.accept_button = QPushButton("I accept this…")
        self.undo_button = QPushButton("Undo my choice")
        for n, (b, fn) in enumerate(((self.open_button, self.open_setting), (self.recheck_button, self.recheck),
                                     (self.done_button, self.mark_done), (self.accept_button, self.accept_risk),
                                     (self.undo_button, self.undo))):
            b.clicked.connect(lambda _=False, fn=fn: fn())
            buttons.addWidget(b, n // 3, n % 3)
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setSizes([470, 560])
        self.layout_.addWidget(split, 1)
        self.layout_.addWidget(self.notice)

    def initializePage(self) -> None:  # noqa: N802
        self.rebuild()

    def rebuild(self, keep: str | None = None) -> None:
        self.checklist = self.state.checklist()
        self.tree.clear()
        select = None
        for section in Section:
            entries = self.checklist.section(section)
            if not entries:
                continue
            top = QTreeWidgetItem([f"{SECTION_TITLES[section]} ({len(entries)})"])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            for e in entries:
                mark = ""
                if e.decision:
                    mark = " — done" if e.decision.kind is DecisionKind.DONE else " — accepted"
                prefix = PLATFORM_NAMES[e.platform] if e.platform else "Question"
                item = QTreeWidgetItem([f"{prefix}: {e.title}{mark}"])
                item.setData(0, Qt.ItemDataRole.UserRole, e.id)
                if e.finding is not None:
                    item.setIcon(0, st.icon(e.finding.status))
                top.addChild(item)
                if e.id == keep or (select is None and keep is None):
                    select = item
            top.setExpanded(True)
        if select:
            self.tree.setCurrentItem(select)
        self._show()

    def current(self):
        item = self.tree.currentItem()
        cid = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return next((e for e in self.checklist.entries if e.id == cid), None)

    def _show(self) -> None:
        e = self.current()
        self.detail.setHtml(entry_html(e) if e else "")
        busy = self.boundary.worker.running
        account = self.state.accounts.get(e.platform) if e and e.platform else None
        can_open = bool(e and e.link and account and account.ready)
        self.open_button.setEnabled(not busy and can_open)
        self.recheck_button.setEnabled(not busy and bool(e and e.finding is not None and account and account.ready))
        self.done_button.setEnabled(bool(e) and e.section is not Section.CONFIRMED)
        self.accept_button.setEnabled(bool(e) and e.section is not Section.CONFIRMED)
        self.undo_button.setEnabled(bool(e and e.decision))
        if e:
            self.open_button.setAccessibleName(f"Open the setting for: {e.title}")
            self.recheck_button.setAccessibleName(f"Check again: {e.title}")

    # -- actions -------------------------------------------------------------------------------
    def open_setting(self) -> None:
        e = self.current()
        account = self.state.accounts[e.platform]
        site = self.state.sites.get(e.platform)
        headless, hook = self.boundary.headless_windows, self.boundary.window_hook
        self.show_notice(f"A browser window has opened at this setting on {account.name}. Change it there, "
                         "close the window, then press 'Check again'.")

        def job(cancel, _progress):
            return open_setting(e.platform, account.session, e.link, site=site, headless=headless,
                                cancel=cancel, on_page=hook)

        self._run(job, lambda state: setattr(account, "session", state), keep=e.id)

    def recheck(self) -> None:
        e = self.current()
        options = self.state.run_options(only_checks={e.id}, platforms=[e.platform])
        self.show_notice(f"Checking again: {e.title}…")

        def job(cancel, progress):
            return run_audit(options, progress=progress, cancel=cancel)

        def apply(report):
            [finding] = self.state.apply_recheck(report) or [None]
            self.boundary.recheck_saved()
            if finding is not None:
                self.show_notice(f"Checked again: {st.label(finding)}. {finding.summary if finding.status is not Status.UNKNOWN else finding.reason}")
            self.boundary.account_changed(e.platform)

        self._run(job, apply, keep=e.id)

    def _run(self, job, on_result, keep: str) -> None:
        self.boundary.worker.start(job, on_success=on_result, on_failure=self.show_notice,
                                   on_done=lambda: self.rebuild(keep=keep))
        self._show()

    def mark_done(self) -> None:
        e = self.current()
        self.state.decisions[e.id] = Decision(DecisionKind.DONE)
        self.boundary.choices_changed()
        self.rebuild(keep=e.id)

    def accept_risk(self, reason: str | None = None) -> None:
        e = self.current()
        if reason is None:
            reason, ok = QInputDialog.getText(
                self, "I accept this", "Why is this acceptable for you? (For example: a small-community "
                "connection you've discussed in supervision.)")
            if not ok:
                return
        if not reason.strip():
            self.show_notice("Please give a reason, so you can explain it in supervision.")
            return
        self.state.decisions[e.id] = Decision(DecisionKind.ACCEPTED, reason.strip())
        self.boundary.choices_changed()
        self.rebuild(keep=e.id)

    def undo(self) -> None:
        e = self.current()
        self.state.decisions.pop(e.id, None)
        self.boundary.choices_changed()
        self.rebuild(keep=e.id)
