"""The platforms Boundary checks: one folder each under audits/platforms/.

A folder holding a `platform.toml` is a platform; nothing else lists them. The catalog,
the allowlist, sessions, sign-in, the command line, the wizard, the demo and the test
suite all ask here, so adding a platform (or removing one) is a change in one folder plus
its checklist content and its replica (docs/adding-a-platform.md).
"""

from __future__ import annotations

import functools
import importlib
import os
from pathlib import Path

from audits.declaration import Declaration, load_declaration

PLATFORMS_DIR = Path(__file__).resolve().parent / "platforms"
# Tests point this at a copy of a folder whose declaration they change.
OVERRIDE_ENV = "BOUNDARY_DECLARATION_DIR"


@functools.cache
def declarations() -> dict[str, Declaration]:
    """Every platform's declaration, in the order they are listed to people."""
    found = []
    for folder in sorted(PLATFORMS_DIR.iterdir()):
        toml = folder / "platform.toml"
        if folder.is_dir() and toml.is_file():
            override = os.environ.get(f"{OVERRIDE_ENV}_{folder.name.upper()}")
            found.append(load_declaration(Path(override) / "platform.toml" if override else toml, folder.name))
    return {d.id: d for d in sorted(found, key=lambda d: (d.order, d.id))}


def ids() -> tuple[str, ...]:
    return tuple(declarations())


def declaration(platform: str) -> Declaration:
    return declarations()[platform]


def audit_class(platform: str):
    """The platform's audit (the class its declaration names in its folder's audit.py)."""
    d = declaration(platform)
    module = importlib.import_module(f"audits.platforms.{platform}.audit")
    cls = getattr(module, d.audit, None)
    if cls is None:
        raise LookupError(f"audits/platforms/{platform}/audit.py has no class {d.audit} (named in platform.toml)")
    return cls
