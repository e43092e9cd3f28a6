"""Every platform's declared cases, end to end: real Chromium, real routing, its replica.

Each platform declares its cases beside its audit (audits/platforms/<id>/cases.py): an
oracle that reads the persona file (what the account really is), a watch list, and the
ways its pages fail. For every persona each check must be exactly right; under every fault
no check may be wrong — only right, or `unknown` with a reason — and nothing is written.
A platform whose folder is removed drops out of here by itself.
"""

from __future__ import annotations

import pytest

from audits.casebook import PERSONAS
from audits.catalog import checks_for
from audits.registry import ids
from replicas.personas import load_persona
from tests.support import audit, cases, statuses

pytestmark = pytest.mark.browser


def persona_cases():
    return [(p, name) for p in ids() for name in PERSONAS]


@pytest.mark.parametrize(("platform", "persona"), persona_cases(), ids=[f"{p}-{n}" for p, n in persona_cases()])
def test_each_persona_gets_the_statuses_the_account_really_has(replicas, platform, persona):
    c, data = cases(platform), load_persona(persona)
    watch_list = c.watch(data, persona)
    running = replicas(persona, platforms=[platform])
    report, _ = audit(running, platforms=[platform], watch_list=watch_list)
    got = statuses(report, platform)
    assert list(got) == [check.id for check in checks_for(platform)]  # every check, exactly once
    truth = c.oracle(data, watch_list)
    wrong = {k: (v, truth[k], next(f for f in report.findings() if f.check == k).reason)
             for k, v in got.items() if v != truth[k]}
    assert wrong == {}
    assert not any(running.writes().values())  # read-only
    account, shown = c.account(data), report.platforms[0].account
    if "display_name" in account:
        assert shown.display_name == account["display_name"]
    if "profile_url_end" in account:
        assert shown.profile_url.endswith(account["profile_url_end"])


def fault_cases():
    out = []
    for platform in ids():
        for fault in cases(platform).FAULTS:
            # The wide-open persona (every true answer "at risk") runs in make test where the
            # fault is an everyday one; the demo persona, and the rest, in make faults.
            for persona in ("wide_open", "demo"):
                slow = persona == "demo" or not fault.everyday
                out.append(pytest.param(platform, fault, persona, id=f"{platform}-{fault.name}-{persona}",
                                        marks=[pytest.mark.slow] if slow else []))
    return out


@pytest.mark.parametrize(("platform", "fault", "persona"), fault_cases())
def test_faults_never_give_a_wrong_answer(replicas, platform, fault, persona):
    c, data = cases(platform), load_persona(persona)
    watch_list = c.watch(data, persona)
    running = replicas(persona, platforms=[platform])
    sessions = running.sessions()  # issued before the fault, as a saved session would be
    app = running.apps[platform]
    if fault.special and fault.name == "expired":
        app.expire_sessions()
    elif fault.special:
        app.persona[platform]["ui_language"] = "fr"
    else:
        pattern = getattr(app, fault.pattern) if fault.pattern.isupper() else fault.pattern
        app.faults.add(pattern, fault.kind, **fault.params)
    report, _ = audit(running, platforms=[platform], watch_list=watch_list, sessions=sessions, page_timeout=3.0)
    got, truth = statuses(report, platform), c.oracle(data, watch_list)
    assert {k: (v, truth[k]) for k, v in got.items() if v not in (truth[k], "unknown")} == {}
    assert all(f.reason for f in report.findings() if f.status == "unknown")
    assert not any(running.writes().values())


def test_every_platform_declares_its_cases():
    for platform in ids():
        c = cases(platform)
        assert c.FAULTS and any(f.name == "labels renamed" for f in c.FAULTS), platform
        data = load_persona("wide_open")
        assert set(c.oracle(data, c.watch(data, "wide_open"))) == {check.id for check in checks_for(platform)}
