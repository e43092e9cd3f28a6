"""From findings, self-check answers and the user's decisions to an ordered checklist.

Order: things to do (at risk, and self-checks answered the risky way), high before medium
before low; then what couldn't be checked, with how to check it by hand (never hidden);
then questions not answered yet; then what the user marked done or accepted (the decision
stays with its item, finding and all); then what is confirmed; then what didn't apply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from audits.catalog import CHECKS, PLATFORM_NAMES
from audits.model import AuditReport, Finding, Status
from checklists.content import Content, Item, SelfCheck, Source, content

ANSWERS = ("yes", "no", "not sure")
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
CATALOG_ORDER = {cid: n for n, cid in enumerate(CHECKS)}


class Section(StrEnum):
    TO_DO = "to_do"
    COULDNT_CHECK = "couldnt_check"
    UNANSWERED = "unanswered"
    DECIDED = "decided"
    CONFIRMED = "confirmed"
    NOT_APPLICABLE = "not_applicable"


SECTION_TITLES = {
    Section.TO_DO: "To do",
    Section.COULDNT_CHECK: "Couldn't check: here is how to check by hand",
    Section.UNANSWERED: "Questions to answer yourself",
    Section.DECIDED: "Marked done or accepted by you",
    Section.CONFIRMED: "Confirmed",
    Section.NOT_APPLICABLE: "Not checked",
}


class DecisionKind(StrEnum):
    DONE = "done"
    ACCEPTED = "accepted"


@dataclass(frozen=True)
class Decision:
    kind: DecisionKind
    reason: str | None = None
    at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    def __post_init__(self) -> None:
        if self.kind is DecisionKind.ACCEPTED and not (self.reason or "").strip():
            raise ValueError("'I accept this' needs a reason")

    def to_json(self) -> dict:
        return {"kind": str(self.kind), "reason": self.reason, "at": self.at}

    @classmethod
    def from_json(cls, data: dict) -> Decision:
        return cls(DecisionKind(data["kind"]), data.get("reason"), data.get("at", ""))


@dataclass
class Entry:
    id: str
    section: Section
    severity: str
    title: str
    why: str
    steps: tuple[str, ...]
    sources: list[Source]
    guidance: tuple[str, ...]
    link: str | None = None  # deep link (checks only)
    done_when: str | None = None
    finding: Finding | None = None
    self_check: bool = False
    answer: str | None = None
    decision: Decision | None = None

    @property
    def platform(self) -> str | None:
        return self.id.split(".", 1)[0] if not self.self_check else None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "section": str(self.section),
            "severity": self.severity,
            "title": self.title,
            "why": self.why,
            "steps": list(self.steps),
            "link": self.link,
            "done_when": self.done_when,
            "status": str(self.finding.status) if self.finding else None,
            "self_check": self.self_check,
            "answer": self.answer,
            "decision": self.decision.to_json() if self.decision else None,
            "guidance": list(self.guidance),
            "sources": [{"key": s.key, "name": s.name, "url": s.url} for s in self.sources],
        }


@dataclass
class Checklist:
    entries: list[Entry]
    regulator: str

    def section(self, section: Section) -> list[Entry]:
        return [e for e in self.entries if e.section is section]

    def to_json(self) -> dict:
        return {"regulator": self.regulator, "items": [e.to_json() for e in self.entries]}


def cited_sources(ids: tuple[str, ...], regulator: str, data: Content) -> list[Source]:
    """The sources to cite for this user: their own regulator's and the general ones.

    Another regulator's or profession's standards are not cited as if they applied; when an
    item rests only on those, they are kept (the backing must stay visible) after the rest.
    """
    own = set(data.regulators.get(regulator, data.regulators["other"]).sources)
    specific = {k for r in data.regulators.values() for k in r.sources}
    sources = [data.sources[k] for k in ids]
    mine = [s for s in sources if s.key in own]
    general = [s for s in sources if s.key not in specific]
    chosen = mine + general
    return chosen or sources


def _check_entry(item: Item, finding: Finding, regulator: str, data: Content) -> Entry:
    section = {
        Status.AT_RISK: Section.TO_DO,
        Status.UNKNOWN: Section.COULDNT_CHECK,
        Status.OK: Section.CONFIRMED,
        Status.SKIPPED: Section.NOT_APPLICABLE,
    }[finding.status]
    steps = item.steps if finding.status is not Status.UNKNOWN else (item.check_by_hand, *item.steps)
    return Entry(
        id=item.id, section=section, severity=item.severity, title=item.title, why=item.why, steps=steps,
        sources=cited_sources(item.sources, regulator, data), guidance=item.guidance, link=item.link,
        done_when=item.done_when, finding=finding,
    )


def _self_entry(q: SelfCheck, answer: str | None, regulator: str, data: Content) -> Entry:
    if answer is None:
        section = Section.UNANSWERED
    elif answer == q.safe_answer:
        section = Section.CONFIRMED
    else:
        section = Section.TO_DO
    return Entry(
        id=q.id, section=section, severity=q.severity, title=q.question, why=q.why, steps=q.steps,
        sources=cited_sources(q.sources, regulator, data), guidance=q.guidance, self_check=True, answer=answer,
    )


def build_checklist(
    report: AuditReport | None,
    answers: dict[str, str] | None = None,
    decisions: dict[str, Decision] | None = None,
    regulator: str = "other",
    data: Content | None = None,
) -> Checklist:
    data = data or content()
    answers = answers or {}
    decisions = decisions or {}
    for qid, answer in answers.items():
        if answer not in ANSWERS:
            raise ValueError(f"answer to {qid} must be one of {', '.join(ANSWERS)}, not {answer!r}")
    entries: list[Entry] = []
    audited = set()
    for platform in report.platforms if report else []:
        audited.add(platform.platform)
        for finding in platform.findings:
            entries.append(_check_entry(data.items[finding.check], finding, regulator, data))
    for q in data.self_checks.values():
        if q.platforms and not (set(q.platforms) & audited):
            continue
        entries.append(_self_entry(q, answers.get(q.id), regulator, data))
    for entry in entries:
        entry.decision = decisions.get(entry.id)
        # A decision moves an open item out of "to do"; a confirmed one stays confirmed.
        if entry.decision and entry.section in (Section.TO_DO, Section.COULDNT_CHECK, Section.UNANSWERED):
            entry.section = Section.DECIDED

    section_rank = {s: n for n, s in enumerate(Section)}
    entries.sort(key=lambda e: (
        section_rank[e.section],
        SEVERITY_RANK[e.severity],
        e.self_check,
        CATALOG_ORDER.get(e.id, 0),
    ))
    return Checklist(entries, regulator)


def render_text(checklist: Checklist) -> str:
    """The checklist as the CLI prints it: grouped, numbered, each with its link and source."""
    out = ["Your checklist"]
    n = 0
    for section in Section:
        entries = checklist.section(section)
        if not entries:
            continue
        out += ["", f"{SECTION_TITLES[section]} ({len(entries)})"]
        for e in entries:
            n += 1
            where = PLATFORM_NAMES[e.platform] if e.platform else "Self-check"
            out.append(f"{n:>3}. [{e.severity.upper()}] {where}: {e.title}")
            if e.decision:
                mark = "marked done" if e.decision.kind is DecisionKind.DONE else f"accepted: {e.decision.reason}"
                out.append(f"     ({mark})")
            if section is Section.CONFIRMED:
                out.append(f"     {e.finding.summary if e.finding else 'You answered: ' + str(e.answer)}")
                continue
            if section is Section.NOT_APPLICABLE:
                out.append(f"     {e.finding.reason if e.finding else ''}")
                continue
            if e.finding and e.finding.status is Status.AT_RISK:
                out.append(f"     Found: {e.finding.summary}")
            if e.finding and e.finding.status is Status.UNKNOWN:
                out.append(f"     Why not: {e.finding.reason}")
            if e.self_check and e.answer:
                out.append(f"     You answered: {e.answer} (self-check)")
            out.append(f"     Why it matters: {e.why}")
            for step_no, step in enumerate(e.steps, 1):
                out.append(f"       {step_no}) {step}")
            if e.link:
                out.append(f"     Open: {e.link}")
            if e.done_when and section in (Section.TO_DO, Section.DECIDED):
                out.append(f"     Done when: {e.done_when}")
            out.append("     Based on: " + "; ".join(s.name for s in e.sources))
    return "\n".join(out)
