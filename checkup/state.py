"""Everything one check-up collects, as plain data the wizard pages read and write."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from audits.catalog import PLATFORM_NAMES
from audits.engine import RunOptions
from audits.model import AuditReport, Finding, PlatformReport, Status
from audits.platforms.base import AuditOptions
from audits.registry import ids as platform_ids
from audits.watchwords import default_watch_words
from checklists.builder import Checklist, Decision, build_checklist


class AccountState(StrEnum):
    NOT_SIGNED_IN = "not_signed_in"
    SIGNED_IN = "signed_in"
    EXPIRED = "expired"


STATE_WORDS = {
    AccountState.NOT_SIGNED_IN: "Not signed in",
    AccountState.SIGNED_IN: "Signed in",
    AccountState.EXPIRED: "Signed out by {platform}: please sign in again",
}


@dataclass
class Account:
    platform: str
    state: AccountState = AccountState.NOT_SIGNED_IN
    display_name: str | None = None
    session: dict | None = None  # Playwright storage state; kept encrypted when saved
    included: bool = True

    @property
    def name(self) -> str:
        return PLATFORM_NAMES[self.platform]

    def describe(self) -> str:
        if self.state is AccountState.SIGNED_IN:
            return f"Signed in as {self.display_name}" if self.display_name else "Signed in"
        return STATE_WORDS[self.state].format(platform=self.name)

    @property
    def ready(self) -> bool:
        return self.included and self.state is AccountState.SIGNED_IN and self.session is not None


@dataclass
class Profile:
    regulator: str = "other"
    watch_words: list[str] = field(default_factory=list)  # the user's own, added to the defaults
    watch_list: list[str] = field(default_factory=list)  # private names: counts only, never shown


@dataclass
class CheckupState:
    accounts: dict[str, Account] = field(default_factory=lambda: {p: Account(p) for p in platform_ids()})
    profile: Profile = field(default_factory=Profile)
    report: AuditReport | None = None
    answers: dict[str, str] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    fixed_today: set[str] = field(default_factory=set)  # at risk, then ok after "Check again"
    sites: dict[str, str] = field(default_factory=dict)  # replica origins in the demo
    reflections: dict[str, str] = field(default_factory=dict)  # for the supervision PDF
    demo: bool = False
    page_timeout: float = 20.0
    headless_audit: bool = True

    def ready_platforms(self) -> list[str]:
        return [p for p, a in self.accounts.items() if a.ready]

    def run_options(self, only_checks: set[str] | None = None, platforms: list[str] | None = None) -> RunOptions:
        platforms = platforms or self.ready_platforms()
        return RunOptions(
            platforms=platforms,
            sessions={p: self.accounts[p].session for p in platforms},
            sites=dict(self.sites),
            audit=AuditOptions(
                watch_words=default_watch_words() + self.profile.watch_words,
                watch_list=list(self.profile.watch_list),
            ),
            page_timeout=self.page_timeout,
            headless=self.headless_audit,
            only_checks=only_checks,
        )

    def checklist(self) -> Checklist:
        return build_checklist(self.report, self.answers, self.decisions, self.profile.regulator)

    def finding(self, check: str) -> Finding | None:
        return next((f for f in (self.report.findings() if self.report else []) if f.check == check), None)

    def apply_recheck(self, recheck: AuditReport) -> list[Finding]:
        """Put re-checked findings in place of the old ones; remember what got fixed."""
        assert self.report is not None
        updated = []
        for fresh in recheck.platforms:
            current = self._platform(fresh.platform)
            for finding in fresh.findings:
                for n, old in enumerate(current.findings):
                    if old.check == finding.check:
                        if old.status is Status.AT_RISK and finding.status is Status.OK:
                            self.fixed_today.add(finding.check)
                        elif finding.status is not Status.OK:
                            self.fixed_today.discard(finding.check)
                        current.findings[n] = finding
                        updated.append(finding)
            self._mark_expired(fresh)
        return updated

    def _platform(self, platform: str) -> PlatformReport:
        return next(p for p in self.report.platforms if p.platform == platform)

    def _mark_expired(self, platform_report: PlatformReport) -> None:
        if platform_report.status == "not_signed_in" and platform_report.platform in self.accounts:
            account = self.accounts[platform_report.platform]
            if account.session is not None:
                account.state = AccountState.EXPIRED

    def take_report(self, report: AuditReport) -> None:
        self.report = report
        self.fixed_today.clear()
        for platform in report.platforms:
            self._mark_expired(platform)

    def finish_summary(self) -> dict[str, int]:
        checklist = self.checklist()
        counts = {"fixed_today": len(self.fixed_today), "still_to_do": 0, "couldnt_check": 0, "accepted": 0}
        for entry in checklist.entries:
            if entry.decision and entry.decision.kind == "accepted":
                counts["accepted"] += 1
            elif entry.section == "decided" and entry.finding is not None and entry.finding.status == "at_risk":
                counts["still_to_do"] += 1  # marked done, but not yet confirmed by a re-check
            elif entry.section == "to_do":
                counts["still_to_do"] += 1
            elif entry.section == "couldnt_check":
                counts["couldnt_check"] += 1
        return counts
