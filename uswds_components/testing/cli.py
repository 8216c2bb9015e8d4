"""`uswds-components check PATH_OR_URL…`: axe-core on a team's own built pages.

Exit codes: 0 every page passed, 1 a page failed or could not be checked, 2 a usage error or a
missing tool (no pages, a URL off this machine, no axe-core, no browser, no check extra).
Selenium is imported only when the command runs, so the CLI starts without the check extra.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .targets import UsageError, collect_pages

CHECK_EXTRA = "pip install 'uswds-components[check]'"


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser(
        "check",
        help="run axe-core on built HTML or localhost URLs",
        description=(
            "Run axe-core 4.14.1 (bundled) in headless Chromium on every .html page in the "
            "given folders, on single .html files, and on http://127.0.0.1 or http://localhost "
            "URLs. Folders are served on 127.0.0.1, each as a site root. A page also fails if a "
            "stylesheet, script, font or image it asks for does not load. Prints a summary "
            "table; exits 1 if any page fails, 2 on usage errors or a missing browser."
        ),
    )
    check.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
    check.add_argument(
        "--axe-script",
        type=Path,
        metavar="PATH",
        help="axe.min.js to use instead of the bundled axe-core 4.14.1",
    )
    check.add_argument(
        "--chromium",
        metavar="PATH",
        help="the Chromium to run (default: $USWDS_COMPONENTS_CHROMIUM, else /usr/bin/chromium)",
    )
    check.add_argument(
        "--chromedriver",
        metavar="PATH",
        help="the chromedriver matching it (default: $USWDS_COMPONENTS_CHROMEDRIVER, else "
        "/usr/bin/chromedriver)",
    )
    check.add_argument(
        "--tags",
        metavar="TAG,TAG",
        help="axe rule tags to run (default: wcag2a,wcag2aa,wcag21a,wcag21aa,wcag22aa,"
        "best-practice)",
    )
    check.add_argument(
        "--disable-rule", action="append", default=[], metavar="RULE", help="skip an axe rule"
    )
    check.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip pages whose path in their folder matches, e.g. 'drafts/*'",
    )
    check.add_argument(
        "--json", type=Path, metavar="FILE", help="also write a machine-readable report"
    )
    check.set_defaults(handler=run_check)


def _error(message: str) -> None:
    print(f"uswds-components check: {message}", file=sys.stderr)


def _axe_script(given: Path | None) -> Path:
    if given is not None:
        if not given.is_file():
            raise UsageError(f"--axe-script {given}: no such file")
        return given
    from ..assets import axe_script

    try:
        return axe_script()
    except RuntimeError as error:
        raise UsageError(
            f"the bundled axe-core cannot be used: {error} Or pass --axe-script PATH."
        ) from None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def _progress(number: int, total: int, result: Any) -> None:
    print(f"[{number}/{total}] {result.page.label} ... {result.outcome()}", file=sys.stderr)


def run_check(args: argparse.Namespace, *, driver: Any = None) -> int:
    """The `check` command. With `driver`, use that browser (axe already preloaded or not)
    instead of starting and quitting one."""
    try:
        pages = collect_pages(args.targets, args.exclude)
        script = _axe_script(args.axe_script)
    except UsageError as error:
        _error(str(error))
        return 2
    try:
        from selenium.common.exceptions import WebDriverException

        from .axe import AXE_TAGS, preload_axe
        from .browser import BrowserMissing, start_chromium
        from .check import axe_version, check_pages
        from .report import details, summary_table, totals, write_json
    except ImportError as error:
        missing = (error.name or "a browser package").split(".")[0]
        if missing == __name__.split(".")[0]:
            raise  # a broken install of this package, not a missing extra
        _error(f"needs the check extra ({missing} is not installed): {CHECK_EXTRA}")
        return 2
    tags = [tag.strip() for tag in args.tags.split(",") if tag.strip()] if args.tags else AXE_TAGS
    own_browser = driver is None
    if own_browser:
        try:
            driver = start_chromium(chromium=args.chromium, chromedriver=args.chromedriver)
        except BrowserMissing as error:
            _error(str(error))
            return 2
        except WebDriverException as error:
            # Typically a chromedriver of another major version than the Chromium.
            _error(f"Chromium did not start: {_first_line(error.msg or str(error))}")
            return 2
        try:
            driver.set_script_timeout(30)
            preload_axe(driver, script)
        except WebDriverException as error:
            driver.quit()
            _error(f"axe-core could not be loaded: {_first_line(error.msg or str(error))}")
            return 2
    try:
        results = check_pages(
            driver,
            pages,
            tags=tags,
            disable_rules=args.disable_rule,
            script=script,
            progress=_progress,
        )
        version = axe_version(driver)
    finally:
        if own_browser:
            driver.quit()
    print(summary_table(results))
    if any(item.status != "pass" for item in results):
        print()
        print(details(results))
    counts = totals(results)
    print()
    unchecked = f", {counts['errors']} could not be checked" if counts["errors"] else ""
    print(
        f"{counts['passed']} of {counts['pages']} pages passed, {counts['failed']} failed"
        f"{unchecked} (axe-core {version or 'unknown'}; tags {','.join(tags)})"
    )
    if args.json:
        write_json(
            args.json, results, axe_version=version, tags=tags, disabled_rules=args.disable_rule
        )
        print(f"JSON report: {args.json}", file=sys.stderr)
    return 0 if counts["passed"] == counts["pages"] else 1
