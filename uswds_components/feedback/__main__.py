"""`python -m uswds_components.feedback export DB OUT.csv` and `... serve DB`."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from .app import FeedbackApp
from .export import export_csv, write_csv
from .server import make_threaded_server
from .store import FeedbackStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m uswds_components.feedback")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write the stored feedback as CSV")
    export.add_argument("db", type=Path, help="the SQLite file")
    export.add_argument("out", help="the CSV file to write, or - for standard output")
    serve = commands.add_parser("serve", help="run the receiver on 127.0.0.1 (development)")
    serve.add_argument("db", type=Path, help="the SQLite file (created if missing)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    serve.add_argument("--assets-url", default="/assets/uswds")
    args = parser.parse_args(argv)

    if args.command == "export":
        if not args.db.is_file():
            parser.error(f"{args.db} does not exist")
        if args.out == "-":
            count = write_csv(FeedbackStore(args.db), sys.stdout)
        else:
            count = export_csv(args.db, args.out)
        print(f"Exported {count} rows to {args.out}", file=sys.stderr)
        return 0
    server = make_threaded_server(
        FeedbackApp(args.db, assets_url=args.assets_url), args.host, args.port, quiet=False
    )
    print(f"Feedback receiver on http://{args.host}:{server.server_port}/ (Ctrl-C to stop)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
