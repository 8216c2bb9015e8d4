"""`gallery build --check`: axe-core on every preview page, in every state, with one Chromium.

Results go to OUT/check-results.json, which the index and component pages show as badges.
Needs the `test` extra (selenium) and Chromium; imported only when a check runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..assets import AXE_VERSION
from ..example_pages import EXAMPLE_PAGES
from ..registry import get_spec
from ..spec import Example
from .progress import Progress

RESULTS_FILE = "check-results.json"


@dataclass(frozen=True)
class StateCheck:
    """axe's findings on one example in one state ("initial" is the page as loaded)."""

    state: str
    passes: int
    failures: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class ExampleCheck:
    example: str  # "<component>/<example>"
    states: list[StateCheck]

    @property
    def passed(self) -> bool:
        return all(not state.failures for state in self.states)

    @property
    def failure_count(self) -> int:
        """Failing nodes, over every rule and state."""
        return sum(failure["nodes"] for state in self.states for failure in state.failures)

    @property
    def rules(self) -> list[dict[str, Any]]:
        """Each failing rule once, with the states it failed in."""
        found: dict[str, dict[str, Any]] = {}
        for state in self.states:
            for failure in state.failures:
                rule = found.setdefault(failure["id"], {**failure, "states": []})
                rule["states"].append(state.state)
        return list(found.values())


def _summarise(failure: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "id": failure["id"],
        "impact": failure.get("impact"),
        "help": failure.get("help", ""),
        "help_url": failure.get("helpUrl", ""),
        "nodes": len(failure.get("nodes", ())),
    }


def check_example(driver: Any, base_url: str, example: Example) -> ExampleCheck:
    """axe on the example's preview as loaded, then in each of its states from a fresh load."""
    from selenium.webdriver.common.by import By

    from ..testing import open_uswds_page, run_axe

    url = f"{base_url}/{example.component}/{example.name}.html"
    states = []
    size = driver.get_window_size()
    for state in ("initial", *example.states):
        try:
            reached = get_spec(example.component).states[state] if state != "initial" else None
            if reached is not None and reached.width is not None:
                driver.set_window_size(reached.width, size["height"])
            open_uswds_page(driver, url)
            for selector in reached.click if reached is not None else ():
                driver.find_element(By.CSS_SELECTOR, selector).click()
            result = run_axe(driver, disable_rules=example.axe_disable)
        except Exception as error:  # a page that will not load or a state that cannot be reached
            message = (str(error).splitlines() or [""])[0]
            failure = {
                "id": "check-error",
                "impact": "critical",
                "help": f"{type(error).__name__}: {message}",
                "helpUrl": "",
                "nodes": [None],
            }
            states.append(StateCheck(state, 0, [_summarise(failure)]))
            continue
        finally:
            if driver.get_window_size() != size:
                driver.set_window_size(size["width"], size["height"])
        states.append(StateCheck(state, result.passes, [_summarise(f) for f in result.failures]))
    return ExampleCheck(example.id, states)


# The gallery's own pages are checked with their preview frames left out: side by side, the
# previews repeat landmark names across frames (three banners are each "Official website of the
# United States government"), which fails landmark-unique for the combination, not for any page
# we ship. Each preview is checked on its own page.
WITHOUT_PREVIEWS = {"exclude": [["iframe.gallery-preview"]]}


def gallery_pages(out: Path) -> list[str]:
    """The index and component pages of the gallery at `out`, relative to it."""
    pages = ["index.html"]
    for folder in sorted(path for path in out.iterdir() if path.is_dir()):
        pages += [f"{folder.name}/{p.name}" for p in sorted(folder.glob("index*.html"))]
    # The example pages are whole pages with tests of their own (tests/test_seed_page.py, ...).
    skipped = ("assets/", *(f"{page.name}/" for page in EXAMPLE_PAGES))
    return [page for page in pages if not page.startswith(skipped)]


def check_page(driver: Any, url: str) -> StateCheck:
    """axe on one of the gallery's own pages, its preview frames left out."""
    from ..testing import open_uswds_page, run_axe

    open_uswds_page(driver, url)
    result = run_axe(driver, context=WITHOUT_PREVIEWS)  # type: ignore[arg-type]
    return StateCheck("initial", result.passes, [_summarise(f) for f in result.failures])


def check_examples(
    driver: Any, base_url: str, examples: Iterable[Example], progress: Progress | None = None
) -> dict[str, ExampleCheck]:
    """Check each example; `driver` should have had preload_axe() (run_axe injects otherwise)."""
    results = {}
    for example in examples:
        if progress:
            progress.step(example.id)
        results[example.id] = check_example(driver, base_url, example)
    return results


def save_results(
    out: Path, results: Mapping[str, ExampleCheck], pages: Mapping[str, StateCheck] | None = None
) -> Path:
    path = out / RESULTS_FILE
    data = {
        "axe_core": AXE_VERSION,
        "results": {key: asdict(check) for key, check in sorted(results.items())},
        "pages": {key: asdict(check) for key, check in sorted((pages or {}).items())},
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def load_results(out: Path) -> dict[str, ExampleCheck]:
    """The results of the last check of `out`, if any."""
    path = out / RESULTS_FILE
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        key: ExampleCheck(check["example"], [StateCheck(**state) for state in check["states"]])
        for key, check in data["results"].items()
    }


def check_passed(
    results: Mapping[str, ExampleCheck], page_results: Mapping[str, StateCheck]
) -> bool:
    """True if every example and every gallery page passed: the exit status of --check."""
    return all(check.passed for check in results.values()) and all(
        not page.failures for page in page_results.values()
    )


def load_page_results(out: Path) -> dict[str, StateCheck]:
    """The last check's results for the gallery's own pages, if any."""
    path = out / RESULTS_FILE
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: StateCheck(**check) for key, check in data.get("pages", {}).items()}


def run_check(
    out: Path, examples: list[Example], driver: Any, progress: Progress | None = None
) -> tuple[dict[str, ExampleCheck], dict[str, StateCheck]]:
    """Serve `out`; check `examples`; redraw the pages with their badges; check those pages
    as drawn; save the results and redraw once more so the index reports both."""
    from ..testing import serve_directory
    from . import write_pages

    pages = gallery_pages(out)
    if progress:
        progress.total += len(pages)
    with serve_directory(out) as base_url:
        results = check_examples(driver, base_url, examples, progress)
        save_results(out, results)
        write_pages(out)
        page_results = {}
        for page in pages:
            if progress:
                progress.step(page)
            page_results[page] = check_page(driver, f"{base_url}/{page}")
    save_results(out, results, page_results)
    write_pages(out)
    return results, page_results
