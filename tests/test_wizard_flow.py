"""The wizard's navigation and check-up state, without any widgets."""

from __future__ import annotations

from audits.catalog import CHECKS
from audits.model import (
    AuditReport,
    Evidence,
    Finding,
    PlatformReport,
    PlatformStatus,
    Source,
    Status,
    utc_now,
)
from checklists.builder import Decision, DecisionKind
from checkup.flow import PageId, can_leave, next_page, previous_page
from checkup.state import AccountState, CheckupState


def _finding(check, status):
    spec = CHECKS[check]
    return Finding(check, spec.title, status, spec.severity, "s", evidence=[Evidence(Source.SETTING, "u", "d")],
                   reason="r" if status is Status.UNKNOWN else None)


def _report(*findings, status=PlatformStatus.COMPLETED):
    return AuditReport(utc_now(), utc_now(), [PlatformReport("facebook", status, findings=list(findings))])


def test_pages_run_in_order_and_finish_ends():
    state = CheckupState()
    page, seen = PageId.WELCOME, []
    while page is not None:
        seen.append(page)
        page = next_page(page, state)
    assert seen == list(PageId)


def test_accounts_need_one_signed_in_included_account():
    state = CheckupState()
    ok, why = can_leave(PageId.ACCOUNTS, state)
    assert not ok and "Sign in" in why
    account = state.accounts["facebook"]
    account.state, account.session = AccountState.SIGNED_IN, {"cookies": []}
    assert can_leave(PageId.ACCOUNTS, state)[0]
    account.included = False
    assert not can_leave(PageId.ACCOUNTS, state)[0]


def test_checkup_page_waits_for_a_report_and_for_the_worker():
    state = CheckupState()
    assert not can_leave(PageId.CHECKUP, state)[0]
    state.take_report(_report(_finding("facebook.friends_list", Status.AT_RISK)))
    assert not can_leave(PageId.CHECKUP, state, running=True)[0]
    assert can_leave(PageId.CHECKUP, state)[0]


def test_back_from_results_skips_the_finished_checkup():
    assert previous_page(PageId.RESULTS) is PageId.ABOUT_YOU
    assert previous_page(PageId.WELCOME) is None
    assert previous_page(PageId.CHECKLIST) is PageId.RESULTS


def test_recheck_replaces_the_finding_and_counts_it_as_fixed_today():
    state = CheckupState()
    state.take_report(_report(_finding("facebook.friends_list", Status.AT_RISK), _finding("facebook.lookup_phone", Status.AT_RISK)))
    state.decisions["facebook.lookup_phone"] = Decision(DecisionKind.ACCEPTED, "family only")
    state.apply_recheck(_report(_finding("facebook.friends_list", Status.OK)))
    assert state.finding("facebook.friends_list").status is Status.OK
    assert state.fixed_today == {"facebook.friends_list"}
    assert state.finish_summary() == {"fixed_today": 1, "still_to_do": 0, "couldnt_check": 0, "accepted": 1}


def test_an_expired_session_is_shown_on_the_accounts_page():
    state = CheckupState()
    account = state.accounts["facebook"]
    account.state, account.session = AccountState.SIGNED_IN, {"cookies": []}
    state.take_report(_report(_finding("facebook.friends_list", Status.UNKNOWN), status=PlatformStatus.NOT_SIGNED_IN))
    assert account.state is AccountState.EXPIRED
    assert "sign in again" in account.describe()
