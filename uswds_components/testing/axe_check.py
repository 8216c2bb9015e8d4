"""`axe_check(url_or_html, states=...)`: axe on a page in each of its states, failing a test with
a readable report. The pytest plugin hands it out as the `axe_check` fixture."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

from .axe import AXE_TAGS, run_axe
from .check import open_for_axe
from .report import failure_kinds, failure_lines
from .staging import serve_layers, staged_page

INITIAL = "initial"
Step = str | Callable[[Any], object]
States = Mapping[str, Step | Sequence[Step]]


class AxeViolations(list[dict[str, Any]]):
    """axe's failing results over every state; each carries `state` and `kind` (`violation`,
    `incomplete` counted as failing, or the contrast `recheck` ignoring pseudo-elements)."""

    def __init__(self, items: Iterable[dict[str, Any]] = (), *, where: str = "") -> None:
        super().__init__(items)
        self.where = where

    def rule_ids(self) -> set[str]:
        return {item["id"] for item in self}

    def report(self) -> str:
        if not self:
            return f"axe-core found no accessibility failures on {self.where}"
        lines = [f"axe-core found {len(self)} accessibility failure(s) on {self.where}:"]
        for item in self:
            lines += failure_lines(item, kind=item["kind"], label=f"[{item['state']}] ")
        return "\n".join(lines)


def _is_url(target: str) -> bool:
    return target.strip().startswith(("http://", "https://")) and "<" not in target


@contextlib.contextmanager
def _page_url(
    target: str | Path, base_dir: Path | None, uswds_assets: bool
) -> Iterator[tuple[str, str]]:
    """The URL to load, and how to name the page in a report."""
    if isinstance(target, Path):
        root = Path(base_dir) if base_dir is not None else target.parent
        relative = target.resolve().relative_to(root.resolve()).as_posix()
        with serve_layers([("/", root)]) as base_url:
            yield f"{base_url}/{relative}", str(target)
    elif _is_url(target):
        yield target.strip(), target.strip()
    else:
        with staged_page(target, base_dir=base_dir, uswds_assets=uswds_assets) as url:
            yield url, "the given HTML"


def _steps(steps: Step | Sequence[Step]) -> list[Step]:
    if isinstance(steps, str) or callable(steps):
        return [steps]
    return list(steps)


def _apply(driver: Any, state: str, step: Step) -> None:
    if callable(step):
        step(driver)
        return
    elements = driver.find_elements(By.CSS_SELECTOR, step)
    if not elements:
        pytest.fail(f"axe_check state {state!r}: nothing matches {step!r}", pytrace=False)
    try:
        elements[0].click()
    except WebDriverException as error:
        pytest.fail(f"axe_check state {state!r}: cannot click {step!r}: {error.msg}", pytrace=False)


class AxeCheck:
    """Runs axe in `driver` (one browser for the session) on a page in each of its states."""

    def __init__(self, driver: Any, *, script: Path | None = None) -> None:
        self.driver = driver
        self.script = script

    def __call__(
        self,
        url_or_html: str | Path,
        *,
        states: States | None = None,
        tags: Iterable[str] = AXE_TAGS,
        disable_rules: Iterable[str] = (),
        context: Any = None,
        base_dir: str | Path | None = None,
        uswds_assets: bool = False,
        fail: bool = True,
    ) -> AxeViolations:
        """Check a page with axe-core in its initial state and in each of `states`.

        `url_or_html`: an http(s) URL; a `Path` to an .html file (served with its folder, or
        `base_dir`, as the site root); or an HTML string, served at /__axe_check__.html on
        127.0.0.1 (a fragment is wrapped in a minimal page, inside <main>). Links in the HTML
        resolve against `base_dir`; `uswds_assets` also serves USWDS's CSS/JS/images at
        /assets/uswds and this package's static files at /assets/uswds-components, and links
        them into a fragment's page.

        `states` maps a name to the steps reaching it from a freshly loaded page: CSS selectors
        to click, or callables taking the selenium driver, in order.

        Returns every failure, tagged with its `state`; unless `fail=False`, fails the test
        with a report of them (state, rule, impact, help URL, selector, HTML).
        """
        states = dict(states or {})
        if INITIAL in states:
            raise ValueError(f"{INITIAL!r} is the state before any step; name yours otherwise")
        tags, disable_rules = list(tags), list(disable_rules)
        base = Path(base_dir) if base_dir is not None else None
        with _page_url(url_or_html, base, uswds_assets) as (url, where):
            violations = AxeViolations(where=where)
            for state, steps in [(INITIAL, []), *states.items()]:
                open_for_axe(self.driver, url)
                for step in _steps(steps):
                    _apply(self.driver, state, step)
                result = run_axe(
                    self.driver,
                    context=context,
                    disable_rules=disable_rules,
                    script=self.script,
                    tags=tags,
                )
                violations += _tagged(result, state)
        if violations and fail:
            pytest.fail(violations.report(), pytrace=False)
        return violations


def _tagged(result: Any, state: str) -> list[dict[str, Any]]:
    return [{**failure, "state": state, "kind": kind} for kind, failure in failure_kinds(result)]
