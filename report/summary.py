"""What goes into the supervision PDF (docs/research/professional-guidance.md, 3.3).

Redacted by default: counts and categories only, never post text, names of friends or
family, watch-list names, contact details or home-town values. `include_details` adds the
user's own specifics for their own copy, and every page then says so. Watch-list names are
never in a report at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from audits.catalog import PLATFORM_NAMES
from audits.model import AuditReport, Status
from checklists.builder import Checklist, DecisionKind, Section
from checklists.content import content
from store.history import Change

REFLECTION_PROMPTS = (
    ("what", "What I did, and why it is relevant to my practice"),
    ("learnt", "What I learnt"),
    ("impact", "The effect on my practice and on the people I work with"),
    ("values", "Reflecting on my own values and how they show online"),
)
SEVERITY_TITLES = {"high": "High importance", "medium": "Medium importance", "low": "Lower importance"}
OUTCOME_WORDS = {
    "fixed": "Fixed during this check-up",
    "accepted": "Accepted, with a reason",
    "marked_done": "Marked done (not yet confirmed by a re-check)",
    "open": "Still to do",
    "unknown": "Couldn't check automatically",
}
PRACTICE_SOURCES = ("SWE-G", "NASW-CoE", "REAMER")


@dataclass
class SummaryOptions:
    include_details: bool = False
    reflections: dict[str, str] = field(default_factory=dict)  # keys of REFLECTION_PROMPTS
    wellbeing: str = ""
    next_checkup: dt.date | None = None
    minutes_spent: int | None = None


def full_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _outcome(entry, fixed_today: set[str]) -> str | None:
    if entry.id in fixed_today:
        return "fixed"
    if entry.decision and entry.decision.kind is DecisionKind.ACCEPTED:
        return "accepted"
    if entry.decision and entry.decision.kind is DecisionKind.DONE and entry.finding and entry.finding.status is Status.AT_RISK:
        return "marked_done"
    if entry.finding is None:
        return None
    return {Status.AT_RISK: "open", Status.UNKNOWN: "unknown"}.get(entry.finding.status)


def build_context(
    report: AuditReport,
    checklist: Checklist,
    *,
    fixed_today: set[str] | None = None,
    changes: list[Change] | None = None,
    previous_date: str | None = None,
    options: SummaryOptions | None = None,
    today: dt.date | None = None,
) -> dict:
    options = options or SummaryOptions()
    fixed_today = set(fixed_today or ())
    data = content()
    regulator = data.regulators.get(checklist.regulator, data.regulators["other"])
    checked_on = report.started_at.date()
    today = today or dt.date.today()
    minutes = options.minutes_spent
    if minutes is None and report.finished_at:
        minutes = max(1, round((report.finished_at - report.started_at).total_seconds() / 60))

    groups: dict[str, list[dict]] = {s: [] for s in SEVERITY_TITLES}
    confirmed: list[str] = []
    cited: dict[str, object] = {}
    for entry in checklist.entries:
        if entry.self_check:
            continue
        outcome = _outcome(entry, fixed_today)
        if outcome is None:
            if entry.section is Section.CONFIRMED:
                confirmed.append(f"{PLATFORM_NAMES[entry.platform]}: {entry.title}")
            continue
        finding = entry.finding
        for source in entry.sources:
            cited[source.key] = source
        groups[entry.severity].append({
            "platform": PLATFORM_NAMES[entry.platform],
            "title": entry.title,
            "outcome": outcome,
            "outcome_words": OUTCOME_WORDS[outcome],
            "before": "At risk" if outcome in ("fixed", "accepted", "marked_done", "open") else "Couldn't check",
            "after": {"fixed": "OK", "unknown": "Couldn't check"}.get(outcome, "At risk"),
            "found": finding.summary if finding.status is not Status.UNKNOWN else finding.reason,
            "reason": entry.decision.reason if entry.decision and entry.decision.reason else None,
            "standards": ", ".join(s.key for s in entry.sources),  # full names once, in the sources list
            "details": list(finding.details) if options.include_details else [],
        })

    answers, unanswered = [], 0
    for entry in checklist.entries:
        if not entry.self_check:
            continue
        if not entry.answer:
            unanswered += 1
            continue
        answers.append({"question": entry.title, "answer": entry.answer, "needs_action": entry.section is Section.TO_DO})
        for source in entry.sources:
            cited[source.key] = source
    for key in PRACTICE_SOURCES:
        if key in data.sources:
            cited[key] = data.sources[key]

    open_items = [r for g in groups.values() for r in g if r["outcome"] in ("open", "marked_done")]
    unknown_items = [r for g in groups.values() for r in g if r["outcome"] == "unknown"]
    answered = {e.id: e.answer for e in checklist.entries if e.self_check}
    next_checkup = options.next_checkup or (checked_on + dt.timedelta(days=91))
    actions = [{"action": f"{r['platform']}: {r['title']}", "owner": "Me", "due": ""} for r in open_items[:8]]
    actions += [{"action": f"Check by hand: {r['platform']}: {r['title']}", "owner": "Me", "due": ""} for r in unknown_items[:4]]
    actions.append({"action": "Run the privacy check-up again", "owner": "Me", "due": full_date(next_checkup)})

    management = [f"{len(open_items)} item(s) still to do, {sum(1 for r in open_items if r in groups['high'])} of high importance."]
    if answered.get("self.employer_policy") != "yes":
        management.append("Whether I have read the employer's social media policy and know the route if I'm targeted online.")
    accounts = None
    if options.include_details:
        accounts = [f"{PLATFORM_NAMES[p.platform]}: {p.account.display_name or ''} {p.account.profile_url or ''}".strip()
                    for p in report.platforms]
    return {
        "include_details": options.include_details,
        "checked_on": full_date(checked_on),
        "generated_on": full_date(today),
        "platforms": ", ".join(PLATFORM_NAMES[p.platform] for p in report.platforms),
        "regulator": regulator.name,
        "profession": regulator.profession,
        "minutes": minutes,
        "counts": report.counts(),
        "groups": [(SEVERITY_TITLES[s], rows) for s, rows in groups.items() if rows],
        "fixed_count": sum(1 for g in groups.values() for r in g if r["outcome"] == "fixed"),
        "confirmed": confirmed,
        "changes": [c.sentence() for c in (changes or []) if c.kind != "still_at_risk"],
        "previous_date": previous_date,
        "answers": answers,
        "unanswered": unanswered,
        "reflections": [(title, options.reflections.get(key, "").strip()) for key, title in REFLECTION_PROMPTS],
        "wellbeing": options.wellbeing.strip(),
        "management": management,
        "unknown_count": len(unknown_items),
        "actions": actions,
        "next_checkup": full_date(next_checkup),
        "sources": sorted(cited.values(), key=lambda s: s.name),
        "accounts": accounts,
    }
