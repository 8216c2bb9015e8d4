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
from .browser import wait_until
from .check import open_for_axe
from .loads import FailedRequest, failed_requests
from .report import failure_kinds, failure_lines
from .staging import serve_layers, staged_page

INITIAL = "initial"
# The id and kind of a failed request among axe's results.
REQUEST_FAILED = "request-failed"
Step = str | Callable[[Any], object]
States = Mapping[str, Step | Sequence[Step]]


class AxeViolations(list[dict[str, Any]]):
    """The failures over every state; each carries `state` and `kind`: `violation`,
    `incomplete` counted as failing, the contrast `recheck` ignoring pseudo-elements, or
    `request-failed` (a stylesheet, script, font or image that did not load: `url`, `status`,
    `error`, `resource`, and `id` "request-failed")."""

    def __init__(self, items: Iterable[dict[str, Any]] = (), *, where: str = "") -> None:
        super().__init__(items)
        self.where = where

    def rule_ids(self) -> set[str]:
        return {item["id"] for item in self}

    def failed_requests(self) -> list[dict[str, Any]]:
        return [item for item in self if item["kind"] == REQUEST_FAILED]

    def report(self) -> str:
        if not self:
            return f"axe-core found no accessibility failures on {self.where}"
        requests = self.failed_requests()
        found = [item for item in self if item["kind"] != REQUEST_FAILED]
        lines = []
        if requests:
            lines.append(
                f"{len(requests)} request(s) failed on {self.where} (a page without its CSS, "
                "scripts, fonts or images is not the page users get):"
            )
            lines += [f"[{item['state']}] {item['help']}" for item in requests]
        if found or not requests:
            lines.append(f"axe-core found {len(found)} accessibility failure(s) on {self.where}:")
        for item in found:
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


def _first_line(error: WebDriverException) -> str:
    text = (error.msg or str(error)).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _apply(driver: Any, state: str, step: Step) -> None:
    """Take one step; a step that cannot be taken fails the test with one line, not
    chromedriver's stack trace (pytest.fail is called outside the `except`, so no chained
    traceback is shown either)."""
    problem = None
    if callable(step):
        try:
            step(driver)
        except WebDriverException as error:
            name = getattr(step, "__name__", repr(step))
            problem = f"step {name} failed: {_first_line(error)}"
    else:
        problem = _click(driver, step)
    if problem:
        pytest.fail(f"axe_check state {state!r}: {problem}", pytrace=False)


def _click(driver: Any, selector: str) -> str | None:
    """Click the first match of `selector`; why it could not, or None."""
    elements = driver.find_elements(By.CSS_SELECTOR, selector)
    if not elements:
        return f"no element matches {selector!r}"
    try:
        elements[0].click()
    except WebDriverException as error:
        reason = _first_line(error)
    else:
        return None
    try:
        hidden = not elements[0].is_displayed()
    except WebDriverException:
        hidden = False
    if hidden:
        width = driver.execute_script("return innerWidth")
        reason += f" (hidden at {width} px wide? pass width= for a mobile layout)"
    return f"could not click {selector!r}: {reason}"


class AxeCheck:
    """Runs axe in `driver` (one browser for the session) on a page in each of its states."""

    def __init__(self, driver: Any, *, script: Path | None = None) -> None:
        self.driver = driver
        self.script = script
        self._window: dict[str, int] | None = None  # the size before the first resize

    def restore_window(self) -> None:
        """Put the window back to its size before the first `width`/`height` check."""
        if self._window is not None:
            self._resize(self._window["width"], self._window["height"])
            self._window = None

    def _resize(self, width: int, height: int) -> None:
        self.driver.set_window_size(width, height)
        # Media queries follow the resize asynchronously: USWDS's mobile styles must apply
        # before the page loads or the steps click.
        wait_until(
            self.driver,
            lambda d: d.execute_script("return innerWidth") == width,
            5,
            f"the viewport to be {width} px wide",
            seen=lambda d: f"innerWidth {d.execute_script('return innerWidth')}",
        )

    @contextlib.contextmanager
    def _window_size(self, width: int | None, height: int | None) -> Iterator[None]:
        if width is None and height is None:
            yield
            return
        before = self.driver.get_window_size()
        if self._window is None:
            self._window = before
        self._resize(width or before["width"], height or before["height"])
        try:
            yield
        finally:
            self._resize(before["width"], before["height"])

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
        width: int | None = None,
        height: int | None = None,
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

        `width` (the viewport's, in CSS px) and `height` (the window's) resize the window for
        this check, e.g. `width=480` for USWDS's mobile menu; it is put back afterwards.

        Returns every failure, tagged with its `state`: axe's, and each stylesheet, script,
        font or image that did not load. Unless `fail=False`, fails the test with a report of
        them (state, rule, impact, help URL, selector, HTML; the URL and status of a request).
        """
        states = dict(states or {})
        if INITIAL in states:
            raise ValueError(f"{INITIAL!r} is the state before any step; name yours otherwise")
        tags, disable_rules = list(tags), list(disable_rules)
        base = Path(base_dir) if base_dir is not None else None
        with (
            self._window_size(width, height),
            _page_url(url_or_html, base, uswds_assets) as (url, where),
        ):
            violations = AxeViolations(where=where)
            failed_urls: set[str] = set()
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
                # Each state reloads the page: a URL that failed is reported once.
                requests = [
                    request
                    for request in failed_requests(self.driver)
                    if request.url not in failed_urls
                ]
                failed_urls.update(request.url for request in requests)
                violations += [_request_failure(request, state) for request in requests]
                violations += _tagged(result, state)
        if violations and fail:
            pytest.fail(violations.report(), pytrace=False)
        return violations


def _request_failure(request: FailedRequest, state: str) -> dict[str, Any]:
    return {
        "id": REQUEST_FAILED,
        "kind": REQUEST_FAILED,
        "state": state,
        "impact": None,
        "help": request.describe(),
        "url": request.url,
        "status": request.status,
        "error": request.error,
        "resource": request.kind,
        "nodes": [],
    }


def _tagged(result: Any, state: str) -> list[dict[str, Any]]:
    return [{**failure, "state": state, "kind": kind} for kind, failure in failure_kinds(result)]
