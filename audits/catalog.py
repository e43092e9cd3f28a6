"""The check catalog (docs/CHECKS.md): ids, titles and severities, from the platforms' declarations.

Check ids are a public contract: reports, history, checklists and PDFs key on them.
A platform's audit reports every check listed here for it, exactly once; each platform
lists its checks in its own `platform.toml`.
"""

from __future__ import annotations

from audits.declaration import CheckSpec
from audits.registry import declarations

__all__ = ["CHECKS", "PLATFORM_NAMES", "CheckSpec", "checks_for"]

CHECKS: dict[str, CheckSpec] = {c.id: c for d in declarations().values() for c in d.checks}
PLATFORM_NAMES: dict[str, str] = {d.id: d.name for d in declarations().values()}


def checks_for(platform: str) -> list[CheckSpec]:
    return [c for c in CHECKS.values() if c.platform == platform]
