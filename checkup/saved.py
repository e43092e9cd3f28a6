"""Keeping the check-up's state in the encrypted store: sessions, choices, answers, history.

The wizard calls these from its main thread only (SQLite connections aren't shared across
threads here); checkpoints travel from the audit worker as plain data.
"""

from __future__ import annotations

import datetime as dt

from audits.engine import RunOptions
from audits.model import AuditReport, PlatformReport
from checklists.builder import Decision
from checkup.service import Checkup
from checkup.state import AccountState, CheckupState, Profile
from reminders.schedule import ReminderSettings, after_checkup
from reminders.schedule import status as reminder_status
from store.db import Store, StoreError
from store.history import History, nice_date


def saved_session(store: Store, platform: str) -> dict | None:
    """A platform's saved sign-in (Playwright storage state), as the wizard saved it."""
    saved = store.get(f"session:{platform}")
    return saved["storage_state"] if saved else None


class Saved:
    def __init__(self, store: Store):
        self.store = store
        self.history = History(store)
        self.checkup: Checkup | None = None  # the check-up being run
        self._problem_said_for: Checkup | None = None  # the check-up whose failed save was shown
        self.last_run_id: int | None = None  # the one just finished (re-checks update it)

    @property
    def mode_text(self) -> str:
        if self.store.mode == "session_only":
            return "Nothing will be saved this time: everything is forgotten when you close Boundary."
        how = "a key in your system keyring" if self.store.mode == "keyring" else "your passphrase"
        return f"Your sessions and results are saved on this computer only, encrypted with {how}."

    def load_into(self, state: CheckupState, *, sessions: bool = True) -> None:
        if sessions:
            for platform, account in state.accounts.items():
                saved = self.store.get(f"session:{platform}")
                if saved:
                    account.session = saved_session(self.store, platform)
                    account.display_name = saved.get("display_name")
                    account.state = AccountState.SIGNED_IN
        profile = self.store.get("profile")
        if profile:
            state.profile = Profile(**profile)
        state.answers = dict(self.store.get("answers", {}))
        state.decisions = {k: Decision.from_json(v) for k, v in self.store.get("decisions", {}).items()}
        state.reflections = dict(self.store.get("reflections", {}))

    def save_account(self, state: CheckupState, platform: str) -> None:
        account = state.accounts[platform]
        if account.state is AccountState.SIGNED_IN and account.session:
            self.store.put(f"session:{platform}", {"storage_state": account.session, "display_name": account.display_name})
        elif account.state is AccountState.NOT_SIGNED_IN:
            self.store.delete(f"session:{platform}")

    def save_choices(self, state: CheckupState) -> None:
        p = state.profile
        self.store.put("profile", {"regulator": p.regulator, "watch_words": p.watch_words, "watch_list": p.watch_list})
        self.store.put("answers", state.answers)
        self.store.put("decisions", {k: d.to_json() for k, d in state.decisions.items()})
        self.store.put("reflections", state.reflections)

    # -- history -------------------------------------------------------------------------------------
    def begin_run(self, options: RunOptions, resume: bool = False) -> Checkup:
        """Start (or carry on) a check-up whose findings are saved in this history."""
        self.checkup = Checkup(self.history, options, resume=resume)
        return self.checkup

    def checkpoint(self, platform: PlatformReport) -> None:
        if self.checkup is not None:
            self.checkup.checkpoint(platform)
            self._say_save_problem(self.checkup)

    def finish_run(self, report: AuditReport) -> None:
        checkup = self.checkup
        if checkup is not None:
            checkup.finish(report)
            self.last_run_id, self.checkup = checkup.run_id, None
            self._say_save_problem(checkup)
            if all(p.status == "completed" for p in report.platforms):
                self.save_reminder_settings(after_checkup(self.reminder_settings()))

    def _say_save_problem(self, checkup: Checkup) -> None:
        """The check-up goes on when saving fails; the wizard is told once (it shows it)."""
        if checkup.save_problem and checkup is not self._problem_said_for:
            self._problem_said_for = checkup
            raise StoreError(checkup.save_problem + " The results stay on screen; you can still export them as a PDF.")

    def update_last_run(self, report: AuditReport) -> None:
        """After 'Check again': the saved check-up shows the item as it is now."""
        if self.last_run_id is not None:
            self.history.finish(self.last_run_id, report)

    def forget(self, state: CheckupState, *, demo: bool) -> list[str]:
        from store.db import forget_everything

        if not self.store.persistent:
            removed = ["everything from this session"]
            self.store.close()
            self.store = Store.session_only()
        else:
            self.store.close()
            removed = forget_everything(demo=demo, folder=self.store.path.parent)
            self.store = Store.session_only()  # nothing more is saved until Boundary restarts
        self.history = History(self.store)
        self.last_run_id = self.checkup = None
        for account in state.accounts.values():
            account.session, account.display_name, account.state = None, None, AccountState.NOT_SIGNED_IN
        state.profile, state.answers, state.decisions = Profile(), {}, {}
        return removed

    def resume_point(self):
        return self.history.resume_point()

    # -- reminders ----------------------------------------------------------------------------------
    def reminder_settings(self) -> ReminderSettings:
        return ReminderSettings.from_json(self.store.get("reminders"))

    def save_reminder_settings(self, settings: ReminderSettings) -> None:
        self.store.put("reminders", settings.to_json())

    def last_completed_date(self) -> dt.date | None:
        last = self.history.last_completed()
        return dt.date.fromisoformat(last.started_at[:10]) if last else None

    def reminder_status(self, now: dt.datetime | None = None):
        now = now or dt.datetime.now()
        return reminder_status(self.reminder_settings(), self.last_completed_date(), now)

    def last_checkup_text(self, now: dt.datetime | None = None) -> str:
        now = now or dt.datetime.now()
        last = self.history.last_completed()
        status = self.reminder_status(now)
        if last is None:
            return "There is no earlier check-up on this computer. We suggest checking again every three months."
        return f"Your last check-up was on {nice_date(last.started_at, now.date())}. {status.text}"

    def drift_text(self) -> str:
        result = self.history.diff()
        if result is None:
            return ""
        _previous, _current, changes = result
        important = [c for c in changes if c.kind in ("newly_at_risk", "fixed", "newly_unknown")]
        if not important:
            return "Since your last check-up: nothing has changed."
        return "Since your last check-up:\n" + "\n".join(f"• {c.sentence()}" for c in important)
