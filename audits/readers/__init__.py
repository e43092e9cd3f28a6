"""The page-side readers: small scripts by concern, put together into one.

Each `.js` file here holds one concern's helpers and readers (`text.js`: how text is
compared and what is visible; `names.js`: accessible names and where a label shows;
`settings.js`: choices, switches and groups of switches; `posts.js`; `lists.js`; `page.js`:
readiness, what the page says it is, its own data). What only one platform's pages need
lives with that platform, in `audits/platforms/<id>/readers.js`: its page knowledge sits
beside its platform.toml and its audit, and removing the folder removes it.

`script()` puts them together, once, into ONE function `(args) => ...`: the shared files in
one scope (each uses only what the files before it define), then each platform's file in a
block of its own, so that its helpers are its own. A file makes a reader with
`define("name", (args) => ...)`; a platform's readers are named "<id>.name" ("x.byTestId").
The function returns `readers[args.fn](args)`, so every read is exactly one `page.evaluate`.
Everything it declares lives inside that one function: nothing is left on `window` (the
quiet watch that `readiness` installs is the one deliberate, non-enumerable exception).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from audits.registry import PLATFORMS_DIR

HERE = Path(__file__).resolve().parent
# The shared files, in order: each uses only what the ones before it define.
SHARED = ("text", "names", "settings", "posts", "lists", "page")
PLATFORM_FILE = "readers.js"
_DEFINED = re.compile(r'^\s*define\(\s*"([A-Za-z]\w*)"', re.M)

_HEAD = """\
// Boundary's page readers (assembled by audits/readers/__init__.py; edit the pieces, not this).
// They read what a person (or a screen reader) gets: visible text, roles, accessible names,
// aria-checked. Never class names or one page's exact shape. Called with {fn: "name", ...}.
(args) => {
"use strict";
const readers = Object.create(null);
const defineIn = (prefix) => (name, reader) => {
  const key = prefix + name;
  if (key in readers) throw new Error("two page readers named " + key);
  readers[key] = reader;
};
const define = defineIn("");
"""
_TAIL = """\
const reader = readers[args.fn];
if (typeof reader !== "function") throw new Error("no page reader named " + args.fn);
return reader(args);
}
"""


def platform_files() -> dict[str, Path]:
    """Each platform's own readers file: platform id -> path (platforms without one are left out)."""
    return {folder.name: folder / PLATFORM_FILE for folder in sorted(PLATFORMS_DIR.iterdir())
            if folder.is_dir() and (folder / "platform.toml").is_file() and (folder / PLATFORM_FILE).is_file()}


def _pieces() -> list[tuple[str, str, str]]:
    """(prefix, where, text) of every piece, in the order they are put together."""
    out = [("", f"audits/readers/{name}.js", (HERE / f"{name}.js").read_text(encoding="utf-8")) for name in SHARED]
    for platform, path in platform_files().items():
        out.append((f"{platform}.", f"audits/platforms/{platform}/{PLATFORM_FILE}", path.read_text(encoding="utf-8")))
    return out


@functools.cache
def script() -> str:
    """The one function every read evaluates."""
    parts = [_HEAD]
    for prefix, where, text in _pieces():
        body = text.rstrip() + "\n"
        if prefix:
            # A block of its own: the platform's helpers never meet another platform's.
            parts.append(f"// ---- {where}\n{{\nconst define = defineIn({prefix!r});\n{body}}}\n")
        else:
            parts.append(f"// ---- {where}\n{body}")
    parts.append(_TAIL)
    return "".join(parts)


@functools.cache
def names() -> tuple[str, ...]:
    """Every reader's name, as `read(page, name, ...)` takes it."""
    return tuple(prefix + name for prefix, _where, text in _pieces() for name in _DEFINED.findall(text))
