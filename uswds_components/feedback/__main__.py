"""`python -m uswds_components.feedback` export, serve, purge and delete.

DB is a SQLite file or a postgresql:// URL; left out, $USWDS_FEEDBACK_DB.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
import sys
from pathlib import Path

from .app import FeedbackApp
from .export import export_csv, open_for_export, write_csv
from .server import make_threaded_server
from .store import DB_ENV, StoreError, configured_target, is_postgres_url, open_store

_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([dh])\s*$")


def parse_age(text: str) -> dt.timedelta:
    """'365d' or '12h' as a timedelta (argparse type)."""
    match = _AGE.match(text)
    if not match:
        raise argparse.ArgumentTypeError(
            f"expected a number of days or hours (365d, 12h): {text!r}"
        )
    amount, unit = float(match[1]), match[2]
    return dt.timedelta(days=amount) if unit == "d" else dt.timedelta(hours=amount)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m uswds_components.feedback",
        epilog=f"DB: a SQLite file or a postgresql:// URL; when left out, ${DB_ENV}.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    db_help = f"the SQLite file or postgresql:// URL (default ${DB_ENV})"
    export = commands.add_parser("export", help="write the stored feedback as CSV")
    export.add_argument("db", nargs="?", help=db_help + "; opened read-only")
    export.add_argument("out", help="the CSV file to write, or - for standard output")
    serve = commands.add_parser("serve", help="run the receiver on 127.0.0.1 (development)")
    serve.add_argument("db", nargs="?", help=db_help + "; a SQLite file is created if missing")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    serve.add_argument("--assets-url", default="/assets/uswds")
    purge = commands.add_parser("purge", help="delete feedback older than an age (retention)")
    purge.add_argument("db", nargs="?", help=db_help)
    purge.add_argument(
        "--older-than", type=parse_age, required=True, metavar="AGE", help="e.g. 365d or 12h"
    )
    delete = commands.add_parser("delete", help="delete one submission by its id")
    delete.add_argument("db", nargs="?", help=db_help)
    delete.add_argument("--id", type=int, required=True, dest="row_id", help="the row's id")
    args = parser.parse_args(argv)

    try:
        target = args.db if args.db else configured_target()
    except StoreError as error:
        parser.error(str(error))
    if args.command != "serve" and not is_postgres_url(target) and not Path(target).is_file():
        # Never create an empty database by exporting or purging a mistyped path.
        parser.error(f"{target} does not exist")
    try:
        return _run(args, target)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, target: str) -> int:
    if args.command == "export":
        if args.out == "-":
            store = open_for_export(target)
            try:
                count = write_csv(store, sys.stdout)
            finally:
                store.close()
        else:
            count = export_csv(target, args.out)
        print(f"Exported {count} rows to {args.out}", file=sys.stderr)
        return 0
    if args.command == "serve":
        app = FeedbackApp(open_store(target), assets_url=args.assets_url)  # type: ignore[arg-type]
        server = make_threaded_server(app, args.host, args.port, quiet=False)
        print(f"Feedback receiver on http://{args.host}:{server.server_port}/ (Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
        server.server_close()
        app.store.close()
        return 0
    store = open_store(target)
    try:
        if args.command == "purge":
            count = store.purge(args.older_than)
            print(f"Deleted {count} submissions older than {args.older_than}", file=sys.stderr)
            return 0
        if store.delete(args.row_id):
            print(f"Deleted submission {args.row_id}", file=sys.stderr)
            return 0
        print(f"error: no submission with id {args.row_id}", file=sys.stderr)
        return 1
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
