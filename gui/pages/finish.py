"""Finish: what was fixed today, what is still to do, and what couldn't be checked."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from checkup.flow import PageId
from gui.pages.base import Page, text_label
from gui.pdf_dialog import PdfDialog
from reminders import jobs
from reminders.ics import calendar_file
from reminders.schedule import next_due
from report.pdf import render_pdf, write_pdf
from report.summary import build_context
from store.history import nice_date


class FinishPage(Page):
    page_id = PageId.FINISH

    def __init__(self, wizard):
        super().__init__(wizard, "All done for now", "Here is where you've got to.")
        self.summary = text_label("")
        self.summary.setAccessibleName("Summary of this check-up")
        self.layout_.addWidget(self.summary)
        keep = QGroupBox("Keep a record")
        kl = QVBoxLayout(keep)
        kl.addWidget(text_label(
            "A PDF for supervision lists what was found, what you did and what is next, ready for your "
            "CPD record, without anyone's names or your contact details. The full results file holds "
            "your personal details, so keep it somewhere private."))
        self.pdf_button = QPushButton("Save PDF for supervision…")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        kl.addWidget(self.pdf_button)
        self.save_button = QPushButton("Save the full results as a file…")
        self.save_button.clicked.connect(lambda: self.save_report())
        kl.addWidget(self.save_button)
        self.layout_.addWidget(keep)
        remind = QGroupBox("Reminders")
        rl = QVBoxLayout(remind)
        rl.addWidget(text_label("Settings can change without you noticing, so check again regularly. Boundary only "
                                "reminds you: it never signs in or checks anything on its own."))
        row = QHBoxLayout()
        row.addWidget(QLabel("Remind me to check again:"))
        self.every = QComboBox()
        self.every.setAccessibleName("How often to remind me")
        for label, value in (("every month", 1), ("every 3 months", 3), ("every 6 months", 6), ("never", 0)):
            self.every.addItem(label, value)
        self.every.currentIndexChanged.connect(lambda _i: self.save_reminders())
        row.addWidget(self.every)
        row.addStretch()
        rl.addLayout(row)
        self.job = QCheckBox("Also remind me when Boundary is closed (adds a small daily job to this computer)")
        self.job.toggled.connect(lambda on: self.set_job(on))
        rl.addWidget(self.job)
        self.ics_button = QPushButton("Add to my calendar (.ics file)…")
        self.ics_button.clicked.connect(lambda: self.save_ics())
        rl.addWidget(self.ics_button)
        self.reminder_text = text_label("")
        self.reminder_text.setAccessibleName("Reminder status")
        rl.addWidget(self.reminder_text)
        self.layout_.addWidget(remind)
        forget = QGroupBox("Forget me")
        fl = QVBoxLayout(forget)
        fl.addWidget(text_label(
            "Delete every saved sign-in, check-up, answer and setting from this computer, and Boundary's "
            "key from your keyring. Your social media accounts are not touched."))
        self.forget_button = QPushButton("Forget everything Boundary has saved…")
        self.forget_button.clicked.connect(lambda: self.forget())
        fl.addWidget(self.forget_button)
        self.layout_.addWidget(forget)
        self.layout_.addWidget(self.notice)
        self.layout_.addStretch()

    def initializePage(self) -> None:  # noqa: N802
        c = self.state.finish_summary()
        lines = [
            f"Fixed today: {c['fixed_today']}",
            f"Still to do: {c['still_to_do']}",
            f"Accepted by you, with a reason: {c['accepted']}",
            f"Couldn't check (see the checklist for how to check by hand): {c['couldnt_check']}",
            "",
            "Settings can change without you noticing, so check again in a few months.",
        ]
        self.summary.setText("\n".join(lines))
        settings = self.boundary.saved.reminder_settings()
        self.every.blockSignals(True)
        self.every.setCurrentIndex(self.every.findData(settings.every_months if settings.enabled else 0))
        self.every.blockSignals(False)
        self.job.blockSignals(True)
        self.job.setChecked(settings.closed_app_job)
        self.job.blockSignals(False)
        self.reminder_text.setText(self.boundary.saved.reminder_status().text)

    def save_reminders(self) -> None:
        months = self.every.currentData()
        settings = self.boundary.saved.reminder_settings()
        settings = replace(settings, enabled=bool(months), every_months=months or settings.every_months)
        if self.boundary.guard(self.boundary.saved.save_reminder_settings, settings):
            self.reminder_text.setText(self.boundary.saved.reminder_status().text)

    def set_job(self, on: bool) -> None:
        try:
            done = jobs.install(activate=self.boundary.activate_jobs) if on else jobs.uninstall(activate=self.boundary.activate_jobs)
        except OSError as exc:
            self.show_notice(f"Couldn't set up the daily reminder: {exc}")
            return
        settings = replace(self.boundary.saved.reminder_settings(), closed_app_job=on)
        self.boundary.guard(self.boundary.saved.save_reminder_settings, settings)
        self.show_notice("\n".join(done))

    def save_ics(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save the calendar reminder", "privacy-check-up.ics",
                                                  "Calendar files (*.ics)")
            if not path:
                return
        saved = self.boundary.saved
        settings = saved.reminder_settings()
        due = next_due(settings, saved.last_completed_date(), dt.date.today()) or dt.date.today()
        Path(path).write_bytes(calendar_file(settings, due))
        self.show_notice(f"Saved {path}. Open it to add the reminder to Outlook or any calendar.")

    def save_pdf(self, path: str | None = None, options=None) -> None:
        """Ask for the options and a file name, then print the PDF in the worker thread."""
        if options is None:
            dialog = PdfDialog(self, self.state.reflections)
            if dialog.exec() != PdfDialog.DialogCode.Accepted:
                return
            options = dialog.options()
            self.state.reflections = dialog.reflections()
            self.boundary.choices_changed()
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save the PDF", "privacy-check-up-summary.pdf", "PDF files (*.pdf)")
            if not path:
                return
        saved = self.boundary.saved
        changes, previous_date = None, None
        try:
            diff = saved.history.diff(saved.last_run_id) if saved.last_run_id else None
        except Exception:  # no history (session only): the PDF simply has no "since last time"
            diff = None
        if diff:
            previous, _current, changes = diff
            previous_date = nice_date(previous.started_at)
        context = build_context(self.state.report, self.state.checklist(), fixed_today=self.state.fixed_today,
                                changes=changes, previous_date=previous_date, options=options)
        self.pdf_button.setEnabled(False)
        self.show_notice("Making the PDF…")

        def job(cancel, _progress):
            write_pdf(Path(path), render_pdf(context))
            return path

        self.boundary.worker.start(
            job,
            on_success=lambda p: self.show_notice(f"Saved the PDF to {p}."),
            on_failure=lambda message: self.show_notice(message),
            on_done=lambda: self.pdf_button.setEnabled(True),
        )

    def forget(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self, "Forget everything?",
                "Delete every saved sign-in, check-up, answer and setting, and the key in your keyring? "
                "This can't be undone.")
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            removed = self.boundary.saved.forget(self.state, demo=self.boundary.demo is not None)
        except OSError as exc:
            self.show_notice(f"Couldn't delete everything: {exc.strerror}.")
            return
        self.show_notice("Forgotten. Removed: " + "; ".join(removed) + ". Nothing more will be saved until you "
                         "restart Boundary.")

    def save_report(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save the results", "boundary-results.json", "JSON files (*.json)")
        if not path:
            return
        from pathlib import Path

        from report.files import write_atomic

        data = self.state.report.to_json()
        data["checklist"] = self.state.checklist().to_json()
        try:
            write_atomic(Path(path), json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:
            self.show_notice(f"Couldn't save the file: {exc.strerror}. Nothing was written.")
            return
        self.show_notice(f"Saved to {path}.")
