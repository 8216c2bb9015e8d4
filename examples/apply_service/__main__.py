"""`python -m examples.apply_service [--host HOST] [--port PORT]`: Flask's development server."""

from __future__ import annotations

import argparse

from . import create_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m examples.apply_service")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    create_app().run(host=args.host, port=args.port)


if __name__ == "__main__":
    main()
