"""One visit per (example, state) a session: every browser check's evidence, collected at once.

Loading a preview page costs more than most checks on it, so `visit()` opens each page once,
reaches the state, and gathers the axe result, the accessibility tree, focus screenshots,
reduced-motion, forced-colours and reflow measurements; test_a11y, test_ax_tree,
test_focus_visible and test_display_modes assert on the cached record. `inspect()` does the same
for any URL (the deliberately broken pages), without the cache.
"""

from __future__ import annotations

import contextlib
import re
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from browser_helpers import click_all, console_errors, open_page

from uswds_components import all_examples, get_spec
from uswds_components.spec import Example
from uswds_components.testing import run_axe
from uswds_components.testing.axtree import component_ax_tree
from uswds_components.testing.devtools import devtools
from uswds_components.testing.display import forced_colors, motion_and_reflow
from uswds_components.testing.focus import focus_evidence, still_page

T = TypeVar("T")

# The component on a preview page (gallery/preview.html): right after main's h1; placed at the
# bottom, right after main; placed at the top, the body's first element.
COMPONENT = (
    "(document.querySelector('body > main > h1').nextElementSibling"
    " || document.querySelector('body > main + :not(script)')"
    " || document.body.firstElementChild)"
)
# Forced colours: every focusable element in normal colours costs one screenshot each (about
# 50 ms); in forced colours only the first element of each page is checked, to keep the suite
# in its time budget. The indicator is the same USWDS outline rule throughout.
FORCED_COLORS_FOCUS_LIMIT = 1
# Viewports for reflow: WCAG 1.4.10 at 320 CSS px, and a 1280 px window at 200% zoom.
VIEWPORTS = {"320 px": (320, 1.0), "200% zoom": (640, 2.0)}

# Geometry behind run_axe's pseudo-element recheck (see test_alert_browser, test_header_browser):
# a few milliseconds each, so every visit answers them.
PROBES = {
    # Every element in an alert body whose box meets the body's ::before (the icon).
    "icon_overlaps": """
const overlaps = [];
for (const body of document.querySelectorAll(".usa-alert__body")) {
  const icon = getComputedStyle(body, "::before");
  if (icon.content === "none" || icon.display === "none") continue;
  const box = body.getBoundingClientRect();
  const left = box.left + parseFloat(icon.left), top = box.top + parseFloat(icon.top);
  const right = left + parseFloat(icon.width), bottom = top + parseFloat(icon.height);
  for (const el of body.querySelectorAll("*")) {
    if (el.classList.contains("usa-sr-only")) continue;
    for (const r of el.getClientRects()) {
      if (r.left < right && r.right > left && r.top < bottom && r.bottom > top) {
        overlaps.push(el.outerHTML.slice(0, 80));
      }
    }
  }
}
return overlaps;
""",
    # Whether the header's current link's ::after bar overlaps its text (null: no such bar).
    "current_bar_overlaps_text": """
const link = document.querySelector("header .usa-current");
if (!link) return null;
const bar = getComputedStyle(link, "::after");
if (bar.content === "none" || bar.display === "none") return null;
const box = link.getBoundingClientRect();
const bottom = box.bottom - parseFloat(bar.bottom), top = bottom - parseFloat(bar.height);
const text = link.querySelector("span").getBoundingClientRect();
return text.bottom > top && text.top < bottom;
""",
}
# Every probe in one round trip: [result, ...] in PROBES' order.
ALL_PROBES = (
    "return [" + ", ".join(f"(function () {{ {script} }})()" for script in PROBES.values()) + "];"
)
PARTS = (
    "axe",
    "ax_tree",
    *PROBES,
    "long_motion",
    "focus",
    "forced_colors",
    "reflow",
    "console_errors",
)


def visit_id(example: Example, state: str) -> str:
    """The test id of one (example, state): every test with it shares one visit."""
    return f"{example.id}:{state}"


CASES = [
    pytest.param(example, state, id=visit_id(example, state))
    for example in all_examples()
    for state in ("initial", *example.states)
]


@dataclass
class Visit:
    """What one page, in one state, gave each check; `get` fails the test if collecting failed."""

    url: str
    results: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def get(self, part: str) -> Any:
        if part in self.errors:
            pytest.fail(f"collecting {part} on {self.url} failed:\n{self.errors[part]}")
        return self.results[part]


_VISITS: dict[tuple[str, str, str], Visit] = {}


def inspect(
    browser: Any,
    url: str,
    *,
    clicks: Iterable[str] = (),
    axe_disable: Iterable[str] = (),
    parts: Iterable[str] | None = None,
) -> Visit:
    """Open `url`, click `clicks` in order, and collect the evidence of each part (all if
    `parts` is None). Emulation is undone after each part."""
    record = Visit(url)
    start = time.perf_counter()
    open_page(browser, url)
    click_all(browser, tuple(clicks))
    record.seconds["open"] = time.perf_counter() - start
    wanted = set(PARTS if parts is None else parts)

    def collect(parts: str | tuple[str, ...], how: Callable[[], Any]) -> None:
        """Run `how` for one part, or for several at once (it returns one result for each)."""
        names = (parts,) if isinstance(parts, str) else parts
        if not wanted & set(names):
            return
        start = time.perf_counter()
        try:
            found = how()
            record.results.update(
                zip(names, (found,) if isinstance(parts, str) else found, strict=True)
            )
        except Exception:
            record.errors.update(dict.fromkeys(names, traceback.format_exc()))
        record.seconds["+".join(names)] = time.perf_counter() - start

    collect("axe", lambda: run_axe(browser, disable_rules=axe_disable))
    collect("ax_tree", lambda: component_ax_tree(browser, COMPONENT))
    collect(tuple(PROBES), lambda: devtools(browser).run(ALL_PROBES))
    # Focus and forced colours share one page prepared for screenshots, and its set-up's cost.
    with contextlib.ExitStack() as still:
        if wanted & {"focus", "forced_colors"}:
            still.enter_context(still_page(browser, COMPONENT))
        collect("focus", lambda: focus_evidence(browser, COMPONENT))
        collect(
            "forced_colors",
            lambda: forced_colors(browser, COMPONENT, focus_limit=FORCED_COLORS_FOCUS_LIMIT),
        )
    collect(("long_motion", "reflow"), lambda: motion_and_reflow(browser, COMPONENT, VIEWPORTS))
    # Last: whatever the emulation made USWDS's JS log counts too.
    collect("console_errors", lambda: console_errors(browser))
    return record


def visit(browser: Any, base_url: str, example: Example, state: str) -> Visit:
    """The session's one visit to an example's preview page in `state` ("initial" or one of
    the example's states)."""
    key = (base_url, example.id, state)
    if key not in _VISITS:
        clicks = get_spec(example.component).states[state].click if state != "initial" else ()
        _VISITS[key] = inspect(
            browser,
            f"{base_url}/{example.component}/{example.name}.html",
            clicks=clicks,
            axe_disable=example.axe_disable,
        )
    return _VISITS[key]


def initial_cases(*components: str) -> list[Any]:
    """One param per example of `components`, in its initial state, with its visit's id."""
    return [
        pytest.param(example, id=visit_id(example, "initial"))
        for example in all_examples()
        if example.component in components
    ]


_VISIT_IDS = frozenset(case.id for case in CASES)
_PARAM_ID = re.compile(r"\[([^\[\]]+)\]$")


def visit_of(nodeid: str) -> str | None:
    """The visit a test's node id names (its parameter id is a visit id), else None."""
    found = _PARAM_ID.search(nodeid)
    return found.group(1) if found and found.group(1) in _VISIT_IDS else None


def modules_before_visits(queue: OrderedDict[str, T]) -> OrderedDict[str, T]:
    """The scheduler's work queue (scope -> tests) with every visit's scope moved after the
    others, each part in its own order."""
    first = [(scope, tests) for scope, tests in queue.items() if scope not in _VISIT_IDS]
    last = [(scope, tests) for scope, tests in queue.items() if scope in _VISIT_IDS]
    return OrderedDict(first + last)


def visits_so_far() -> dict[tuple[str, str, str], Visit]:
    """The session's visits (for measuring where the browser time goes)."""
    return dict(_VISITS)
