"""The `uswds-components` command line: assets, the gallery, and checks of your own pages.

The generated docs are the maintainers' business: `python -m uswds_components.gallery.docs`.

Each command group registers itself; none imports selenium until it runs, so the gallery build
works with the runtime dependencies alone.
"""

from __future__ import annotations

import argparse

from .assets_cli import register as register_assets_commands
from .gallery.cli import register as register_gallery_commands
from .testing.cli import register as register_check_command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="uswds-components",
        description="Accessible USWDS 3.14.0 components for Jinja2: assets, gallery and checks.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    register_assets_commands(commands)
    register_gallery_commands(commands)
    register_check_command(commands)
    args = parser.parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
