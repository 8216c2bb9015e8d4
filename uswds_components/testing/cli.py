"""`uswds-components check PATH_OR_URL…`: axe-core on a team's own pages (placeholder)."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="run axe-core on built HTML or localhost URLs")
    check.add_argument("targets", nargs="+")
    check.set_defaults(handler=_check)


def _check(args: argparse.Namespace) -> int:
    raise SystemExit("uswds-components check: not built yet")
