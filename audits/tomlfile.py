"""A TOML file that can point at its own lines, for data that people edit by hand.

Both the platform declarations and the checklist content are validated on load, and every
problem names the file and the line to look at ("audits/platforms/x/platform.toml, line 12:
'labels' must be a list of texts").
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path


class DataError(ValueError):
    pass


class TomlFile:
    def __init__(self, path: Path, name: str, error: type[DataError] = DataError):
        self.path = path
        self.name = name  # as shown in messages: "checklists/items/x.toml"
        self._error = error
        try:
            self.text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise error(f"{self.name}: file is missing") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise error(f"{self.name}: can't be read ({exc})") from exc
        try:
            self.data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            raise error(f"{self.name}: not valid TOML: {exc}") from exc
        self.lines = self.text.splitlines()

    def line_of(self, anchor: str | None, key: str | None = None) -> int | None:
        """The line of `key` inside the entry that `anchor` (its id or table header) starts;
        with no anchor, the first line setting `key`."""
        if anchor is None:
            start = 0
        else:
            start = next((n for n, line in enumerate(self.lines) if anchor in line), None)
            if start is None:
                return None
            if key is None:
                return start + 1
        for n in range(start, len(self.lines)):
            if re.match(rf"\s*\"?{re.escape(key or '')}\"?\s*=", self.lines[n]):
                return n + 1
            if anchor is not None and n > start and self.lines[n].lstrip().startswith("["):
                break
        return start + 1 if anchor is not None else None

    def error(self, anchor: str | None, key: str | None, message: str) -> DataError:
        line = self.line_of(anchor, key)
        where = f"{self.name}, line {line}" if line else self.name
        return self._error(f"{where}: {message}")
