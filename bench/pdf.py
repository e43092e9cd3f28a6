"""Benchmark (not a test): time to produce the supervision PDF for a check-up with 100 findings.

    .venv/bin/python bench/pdf.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from audits.catalog import CHECKS  # noqa: E402
from audits.model import (  # noqa: E402
    AuditReport,
    Evidence,
    Finding,
    PlatformReport,
    PlatformStatus,
    Source,
    Status,
    utc_now,
)
from checklists.builder import build_checklist  # noqa: E402
from report.pdf import render_pdf  # noqa: E402
from report.summary import build_context  # noqa: E402


def report_with(n: int) -> AuditReport:
    ids = list(CHECKS)
    statuses = [Status.AT_RISK, Status.OK, Status.UNKNOWN]
    by_platform: dict[str, list[Finding]] = {}
    for i in range(n):
        check = ids[i % len(ids)]
        status = statuses[i % 3]
        spec = CHECKS[check]
        by_platform.setdefault(spec.platform, []).append(Finding(
            check, spec.title, status, spec.severity, f"Finding {i}", evidence=[Evidence(Source.SETTING, "u", "d")],
            reason="timeout" if status is Status.UNKNOWN else None))
    now = utc_now()
    return AuditReport(now, now, [PlatformReport(p, PlatformStatus.COMPLETED, findings=f) for p, f in by_platform.items()])


if __name__ == "__main__":
    report = report_with(100)
    started = time.perf_counter()
    context = build_context(report, build_checklist(report, regulator="swe"))
    built = time.perf_counter()
    data = render_pdf(context)
    done = time.perf_counter()
    print(f"Supervision PDF for {len(report.findings())} findings: {done - started:.2f} s "
          f"(content {1000 * (built - started):.0f} ms, printing {done - built:.2f} s), {len(data) // 1024} KiB")
