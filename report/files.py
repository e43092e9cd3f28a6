"""Writing the files a person asked for: checked before the work, written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def check_writable(path: str | Path) -> Path:
    """The path a file will be written to, or ValueError saying in plain words why it can't
    be: checked before a long check-up starts, so its results are never lost at the end."""
    target = Path(path)
    if target.is_dir():
        raise ValueError(f"{path} is a folder; give a file name")
    parent = target.parent
    if not parent.exists():
        raise ValueError(f"{path}: the folder {parent} doesn't exist")
    if not parent.is_dir():
        raise ValueError(f"{path}: {parent} is a file, not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"{path}: Boundary can't write in the folder {parent}")
    if target.exists() and not os.access(target, os.W_OK):
        raise ValueError(f"{path}: the file exists and can't be replaced")
    return target


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o600)  # the report holds personal data
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
