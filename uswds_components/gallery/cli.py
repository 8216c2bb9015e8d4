"""`uswds-components gallery build|serve|screenshots`.

The docs are the maintainers' and not a command of the package:
`python -m uswds_components.gallery.docs build|check` (see docs.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..assets import AssetsMissing

DEFAULT_OUT = Path("build/gallery")


def _only(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def register(commands: argparse._SubParsersAction) -> None:
    gallery = commands.add_parser("gallery", help="build, check, screenshot or serve the gallery")
    actions = gallery.add_subparsers(dest="action", required=True)
    only_help = "only these components or examples, comma-separated (banner,alert/info)"

    build = actions.add_parser("build", help="write the gallery as a self-contained static site")
    build.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    build.add_argument(
        "--check",
        action="store_true",
        help="run axe-core on every preview in every state and show the results as badges; "
        "exit 1 if any fails (needs Chromium)",
    )
    build.add_argument("--include-hidden", action="store_true", help="also the test-only examples")
    build.add_argument("--only", type=_only, default=None, help=only_help)
    build.set_defaults(handler=_build)

    shots = actions.add_parser(
        "screenshots",
        help="save a PNG per example (default and forced colors) beside its preview",
    )
    shots.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    shots.add_argument("--only", type=_only, default=None, help=only_help)
    shots.set_defaults(handler=_screenshots)

    serve = actions.add_parser("serve", help="serve a built gallery on 127.0.0.1")
    serve.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(handler=_serve)


def _start_browser():
    from ..testing import BrowserMissing, preload_axe, start_chromium

    try:
        driver = start_chromium()
    except BrowserMissing as error:
        raise SystemExit(f"uswds-components: {error}") from None
    driver.set_script_timeout(30)
    preload_axe(driver)
    return driver


def _build(args: argparse.Namespace) -> int:
    from . import build, check_summary, selected_examples
    from .progress import Progress

    try:
        examples = selected_examples(args.only, args.include_hidden)
    except ValueError as error:
        raise SystemExit(f"uswds-components gallery build: {error}") from None
    progress = Progress("build", len(examples))
    try:
        pages = build(
            args.out, include_hidden=args.include_hidden, only=args.only, progress=progress
        )
    except AssetsMissing as error:
        print(f"uswds-components gallery build: {error}", file=sys.stderr)
        return 2
    progress.done(f"{len(pages)} previews")
    print(f"Wrote {len(pages)} preview pages, the component pages and the index to {args.out}")
    if not args.check:
        return 0
    from .check import check_passed, run_check

    driver = _start_browser()
    try:
        progress = Progress("check", len(examples))
        results, page_results = run_check(args.out, examples, driver, progress)
    finally:
        driver.quit()
    passing, checked = check_summary(results)
    pages_passing = sum(not page.failures for page in page_results.values())
    progress.done(
        f"{passing} of {checked} examples and {pages_passing} of {len(page_results)} gallery "
        "pages pass axe"
    )
    for check in results.values():
        for rule in check.rules:
            print(
                f"FAIL {check.example}: {rule['id']} ({rule['impact']}) in "
                f"{', '.join(rule['states'])}: {rule['help']}",
                file=sys.stderr,
            )
    for page, page_check in page_results.items():
        for failure in page_check.failures:
            print(f"FAIL gallery page {page}: {failure['id']}: {failure['help']}", file=sys.stderr)
    print(
        f"axe: {passing} of {checked} examples pass, {pages_passing} of {len(page_results)} "
        f"gallery pages pass; badges written to {args.out}"
    )
    return 0 if check_passed(results, page_results) else 1


def _screenshots(args: argparse.Namespace) -> int:
    from . import build, gallery_examples, selected_examples, write_pages
    from .progress import Progress
    from .screenshots import gallery_screenshots

    try:
        examples = selected_examples(args.only)
    except ValueError as error:
        raise SystemExit(f"uswds-components gallery screenshots: {error}") from None
    if not (args.out / "index.html").is_file():
        try:
            build(args.out, progress=Progress("build", len(selected_examples())))
        except AssetsMissing as error:
            print(f"uswds-components gallery screenshots: {error}", file=sys.stderr)
            return 2
    present = {e.id for found in gallery_examples(args.out).values() for e in found}
    missing = [e.id for e in examples if e.id not in present]
    if missing:
        raise SystemExit(f"no preview in {args.out} for {', '.join(missing)}: build it first")
    driver = _start_browser()
    try:
        progress = Progress("screenshot", len(examples))
        written = gallery_screenshots(args.out, examples, driver, progress)
    finally:
        driver.quit()
    write_pages(args.out)
    progress.done(f"{len(written)} PNGs")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from . import serve

    serve(args.out, port=args.port)
    return 0
