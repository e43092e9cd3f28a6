"""The shape of a platform's test cases (`audits/platforms/<id>/cases.py`).

Each platform declares, beside its audit: an `oracle(persona, watch_list)` giving the status
each check must have for a replica persona (read from the persona itself), `watch(persona,
name)` (a watch list for that persona), `account(persona)` (what the report must name),
and `FAULTS`, the ways its pages fail. One runner (tests/test_platform_cases.py) runs them all
against the replicas: every persona right, and under every fault no check ever wrong (only
right or `unknown` with a reason). Like yt-dlp's per-extractor `_TESTS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSONAS = ("locked_down", "wide_open", "demo")


@dataclass(frozen=True)
class Fault:
    name: str  # the test id: "labels renamed"
    kind: str = ""  # a replicas.faults kind ("replace", "status", "hang", ...), or the name
    pattern: str = "."  # which paths; a replica attribute name in capitals (e.g. "ITEM_LIST_PATTERN")
    params: dict = field(default_factory=dict)
    everyday: bool = True  # False: only in `make faults` (the mutation suite covers it page by page)

    @property
    def special(self) -> bool:
        """"expired" (the session ends) and "french" (the account's UI language) aren't page faults."""
        return self.name in ("expired", "french") and not self.kind


def risk(flag) -> str:
    return "at_risk" if flag else "ok"
