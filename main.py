"""Boundary: a privacy check-up for social workers. No arguments opens the wizard;
subcommands (`audit`, `replica`, ...) run the same core headless. See README.md."""

import sys

from cli import main

if __name__ == "__main__":
    sys.exit(main())
