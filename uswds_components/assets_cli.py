"""`uswds-components assets path|copy DEST`: the bundled USWDS files, for any server."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import USWDS_VERSION
from .assets import AssetsMissing, copy_uswds_assets, path


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser(
        "assets",
        help=f"the bundled USWDS {USWDS_VERSION} CSS, JS, images and fonts",
        description=(
            f"USWDS {USWDS_VERSION}'s runtime files ship inside the package: serve the folder "
            "`path` prints at your environment's assets_url, or copy it into a static site."
        ),
    )
    actions = group.add_subparsers(dest="action", required=True)
    actions.add_parser("path", help="print the folder").set_defaults(handler=_print_path)
    copy = actions.add_parser(
        "copy", help="copy the folder to DEST (created if needed; existing files overwritten)"
    )
    copy.add_argument("destination", type=Path, metavar="DEST")
    copy.set_defaults(handler=_copy)


def _print_path(args: argparse.Namespace) -> int:
    try:
        print(path())
    except AssetsMissing as error:
        print(f"uswds-components assets: {error}", file=sys.stderr)
        return 2
    return 0


def _copy(args: argparse.Namespace) -> int:
    try:
        copied = copy_uswds_assets(args.destination)
    except AssetsMissing as error:
        print(f"uswds-components assets: {error}", file=sys.stderr)
        return 2
    print(f"Copied USWDS {USWDS_VERSION} to {copied}")
    return 0
