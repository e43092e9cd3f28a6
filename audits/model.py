"""The report model: findings, evidence, statuses and audiences (schema boundary.audit/1).

Plain dataclasses with no browser or Qt in them, so the CLI, the wizard, the store and the
PDF all share one vocabulary. `Finding` constructors enforce the verdict rules that can be
checked locally: an `unknown` or `skipped` finding always carries a reason, and an `ok`
finding always carries evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum

SCHEMA = "boundary.audit/1"
TOOL_NAME = "boundary"
TOOL_VERSION = "0.1.0"


class Status(StrEnum):
    AT_RISK = "at_risk"
    OK = "ok"
    UNKNOWN = "unknown"
    SKIPPED = "skipped"


class Audience(StrEnum):
    """How far something reaches, on one scale for every platform."""

    PUBLIC = "public"  # anyone, logged out or any signed-in member
    WIDE = "wide"  # friends of friends, extended network
    FRIENDS = "friends"  # friends, connections, approved followers, custom lists
    ONLY_ME = "only_me"  # only me, no one, off

    @property
    def beyond_friends(self) -> bool:
        return self in (Audience.PUBLIC, Audience.WIDE)


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Source(StrEnum):
    SETTING = "setting"
    OWNER_VIEW = "owner_view"
    PUBLIC_VIEW = "public_view"


class PlatformStatus(StrEnum):
    COMPLETED = "completed"
    INCOMPLETE = "incomplete"
    NOT_SIGNED_IN = "not_signed_in"


@dataclass(frozen=True)
class Evidence:
    source: Source
    url: str
    detail: str

    def to_json(self) -> dict:
        return {"source": str(self.source), "url": self.url, "detail": self.detail}


@dataclass
class Finding:
    check: str
    title: str
    status: Status
    severity: Severity
    summary: str
    audience: Audience | None = None
    evidence: list[Evidence] = field(default_factory=list)
    reason: str | None = None
    # Personal specifics (a post's text, a profile value). In the JSON report, which is the
    # user's own; left out of the supervision PDF unless they ask. Never watch-list names.
    details: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.status in (Status.UNKNOWN, Status.SKIPPED) and not self.reason:
            raise ValueError(f"{self.check}: an {self.status} finding needs a reason")
        if self.status is Status.OK and not self.evidence:
            # Rule 1: absence of evidence is never "ok".
            raise ValueError(f"{self.check}: an ok finding needs positive evidence")

    def to_json(self) -> dict:
        out = {
            "check": self.check,
            "title": self.title,
            "status": str(self.status),
            "audience": str(self.audience) if self.audience else None,
            "severity": str(self.severity),
            "summary": self.summary,
            "evidence": [e.to_json() for e in self.evidence],
        }
        if self.status in (Status.UNKNOWN, Status.SKIPPED):
            out["reason"] = self.reason
        if self.details:
            out["details"] = list(self.details)
        return out

    @classmethod
    def from_json(cls, data: dict) -> Finding:
        return cls(
            check=data["check"],
            title=data["title"],
            status=Status(data["status"]),
            severity=Severity(data["severity"]),
            summary=data["summary"],
            audience=Audience(data["audience"]) if data.get("audience") else None,
            evidence=[
                Evidence(Source(e["source"]), e.get("url", ""), e.get("detail", ""))
                for e in data.get("evidence", [])
            ],
            reason=data.get("reason"),
            details=list(data.get("details", [])),
        )


@dataclass
class Account:
    display_name: str | None = None
    profile_url: str | None = None


@dataclass
class PlatformReport:
    platform: str
    status: PlatformStatus
    account: Account = field(default_factory=Account)
    findings: list[Finding] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "platform": self.platform,
            "status": str(self.status),
            "account": asdict(self.account),
            "findings": [f.to_json() for f in self.findings],
        }

    @classmethod
    def from_json(cls, data: dict) -> PlatformReport:
        return cls(
            platform=data["platform"],
            status=PlatformStatus(data["status"]),
            account=Account(**data.get("account", {})),
            findings=[Finding.from_json(f) for f in data.get("findings", [])],
        )


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class AuditReport:
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    platforms: list[PlatformReport] = field(default_factory=list)

    def findings(self) -> list[Finding]:
        return [f for p in self.platforms for f in p.findings]

    def counts(self) -> dict[str, int]:
        counts = {str(s): 0 for s in Status}
        for f in self.findings():
            counts[str(f.status)] += 1
        return counts

    def exit_status(self) -> int:
        """CLI contract: 1 any at risk; 3 none at risk but some unknown; 0 otherwise."""
        counts = self.counts()
        if counts["at_risk"]:
            return 1
        if counts["unknown"] or any(p.status is not PlatformStatus.COMPLETED for p in self.platforms):
            return 3
        return 0

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "tool": {"name": TOOL_NAME, "version": TOOL_VERSION},
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at or utc_now()),
            "platforms": [p.to_json() for p in self.platforms],
            "summary": self.counts(),
        }

    @classmethod
    def from_json(cls, data: dict) -> AuditReport:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} report (schema: {data.get('schema')!r})")

        def parse(text: str) -> dt.datetime:
            return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)

        return cls(
            started_at=parse(data["started_at"]),
            finished_at=parse(data["finished_at"]),
            platforms=[PlatformReport.from_json(p) for p in data["platforms"]],
        )
