"""Command line: `uswds-components gallery build OUT` and `uswds-components gallery serve`."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_OUT = Path("build/gallery")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="uswds-components")
    commands = parser.add_subparsers(dest="command", required=True)
    gallery = commands.add_parser("gallery", help="build or serve the component gallery")
    actions = gallery.add_subparsers(dest="action", required=True)
    build = actions.add_parser("build", help="write the gallery as a static site")
    build.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    serve = actions.add_parser("serve", help="serve a built gallery on 127.0.0.1")
    serve.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    serve.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)

    from . import gallery as gallery_module

    if args.action == "build":
        pages = gallery_module.build(args.out)
        print(f"Wrote {len(pages)} preview pages and the index to {args.out}")
    else:
        gallery_module.serve(args.out, port=args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
