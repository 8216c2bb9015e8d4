"""`uswds-components gallery build|serve`."""

from __future__ import annotations

import argparse
from pathlib import Path

DEFAULT_OUT = Path("build/gallery")


def register(commands: argparse._SubParsersAction) -> None:
    gallery = commands.add_parser("gallery", help="build or serve the component gallery")
    actions = gallery.add_subparsers(dest="action", required=True)
    build = actions.add_parser("build", help="write the gallery as a static site")
    build.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    build.set_defaults(handler=_build)
    serve = actions.add_parser("serve", help="serve a built gallery on 127.0.0.1")
    serve.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)


def _build(args: argparse.Namespace) -> int:
    from . import build

    pages = build(args.out)
    print(f"Wrote {len(pages)} preview pages and the index to {args.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from . import serve

    serve(args.out, port=args.port)
    return 0
