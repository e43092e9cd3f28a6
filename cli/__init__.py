"""The command line: `python main.py [--demo]` opens the wizard; subcommands run headless.

Exit statuses (contract): 0 every check ok/skipped; 1 any at risk; 3 none at risk but some
unknown; 2 bad usage or bad input (clear message, nothing written); 4 could not run.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from checklists.content import ContentError
from cli import audit, export, remind, replica, storage
from cli.desktop import DESKTOP, Desktop
from cli.errors import (
    EXIT_AT_RISK,
    EXIT_CANNOT_RUN,
    EXIT_OK,
    EXIT_UNKNOWN,
    EXIT_USAGE,
    CannotRun,
    UsageError,
)

__all__ = ["EXIT_AT_RISK", "EXIT_CANNOT_RUN", "EXIT_OK", "EXIT_UNKNOWN", "EXIT_USAGE", "CannotRun", "Desktop",
           "UsageError", "main"]




class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line and exit 2, as the contract says
        raise UsageError(message)


def build_parser() -> Parser:
    parser = Parser(prog="boundary", description="Boundary: what can a stranger actually see?")
    parser.add_argument("--demo", action="store_true", help="open the wizard on the bundled demo accounts")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    audit.add_parser(sub)
    export.add_parser(sub)
    remind.add_parser(sub)
    storage.add_parsers(sub)
    replica.add_parser(sub)
    return parser


def main(argv: list[str] | None = None, desktop: Desktop | None = None) -> int:
    if desktop is not None:
        DESKTOP.open_wizard, DESKTOP.show_reminder = desktop.open_wizard, desktop.show_reminder
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=logging.DEBUG if os.environ.get("BOUNDARY_DEBUG") else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            return open_wizard(demo=args.demo)
        return args.run(args)
    except UsageError as exc:
        print(f"boundary: {exc}", file=sys.stderr)
        print("Try 'python main.py audit --help'.", file=sys.stderr)
        return EXIT_USAGE
    except CannotRun as exc:
        print(f"boundary: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except ContentError as exc:  # the shipped checklist files were edited badly
        print(f"boundary: the checklist content has a problem: {exc}", file=sys.stderr)
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        print("boundary: stopped.", file=sys.stderr)
        return 130


def open_wizard(demo: bool) -> int:
    if DESKTOP.open_wizard is None:
        raise CannotRun("the wizard isn't part of this command; use 'python main.py audit' instead")
    return DESKTOP.open_wizard(demo)
