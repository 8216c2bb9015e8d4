"""One visit per (example, state) a session: every browser check's evidence, collected at once.

Loading a page costs more than most checks on it, so `visit()` gathers, once a session, the axe
result, the accessibility tree, focus screenshots, reduced-motion, forced-colours and reflow
measurements of each (example, state); test_a11y, test_ax_tree, test_focus_visible and
test_display_modes assert on the cached record. Examples that can share a page (tests/batches.py)
are checked together on one load of their batch page, each in its own container, some of them
in a state reached by clicks inside it: `inspect_batch()`. The others, and the other states,
get their preview page to themselves: `inspect()`, which also serves any URL (the deliberately
broken pages) uncached.
"""

from __future__ import annotations

import contextlib
import re
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pytest
from batches import (
    BATCHES,
    CONTAINER_ATTRIBUTE,
    Shared,
    container_expression,
    container_selector,
    root_expression,
)
from browser_helpers import click_all, console_errors, open_page

from uswds_components import all_examples, get_spec
from uswds_components.spec import Example
from uswds_components.testing import run_axe, run_axe_by_region
from uswds_components.testing.axtree import component_ax_tree, component_ax_trees
from uswds_components.testing.devtools import devtools
from uswds_components.testing.display import (
    forced_colors,
    forced_colors_here,
    media,
    motion_and_reflow,
    motion_and_reflow_each,
)
from uswds_components.testing.focus import focus_evidence, focus_evidence_here, still_page

T = TypeVar("T")

# The component on a preview page (gallery/preview.html): right after main's h1; placed at the
# bottom, right after main; placed at the top, the body's first element. An open USWDS modal is
# the component while it is open: USWDS's JS moves it to the end of <body> (the rest is then
# aria-hidden).
COMPONENT = (
    "(document.querySelector('body > .usa-modal-wrapper.is-visible')"
    " || document.querySelector('body > main > h1').nextElementSibling"
    " || document.querySelector('body > main + :not(script)')"
    " || document.body.firstElementChild)"
)
# Forced colours: every focusable element in normal colours costs one screenshot each (about
# 50 ms); in forced colours only the first element of each page is checked, to keep the suite
# in its time budget. The indicator is the same USWDS outline rule throughout.
FORCED_COLORS_FOCUS_LIMIT = 1
# Viewports for reflow: WCAG 1.4.10 at 320 CSS px, the widths between it and a desktop where
# USWDS's breakpoints change layouts (a row of contact links overflowed at 480-560 px only), and
# a 1280 px window at 200% zoom. Each width is set once per page, for all its examples.
VIEWPORTS = {
    **{f"{width} px": (width, 1.0) for width in (320, 400, 480, 520, 560, 640, 768, 1024)},
    "200% zoom": (640, 2.0),
}

# Geometry behind run_axe's pseudo-element recheck (see test_alert_browser, test_header_browser):
# a few milliseconds each, so every visit answers them. Each looks under arguments[0] if given
# (an example's container on a batch page), else in the whole document.
PROBES = {
    # Every element in an alert body whose box meets the body's ::before (the icon).
    "icon_overlaps": """
const overlaps = [];
for (const body of (arguments[0] || document).querySelectorAll(".usa-alert__body")) {
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
const link = (arguments[0] || document).querySelector("header .usa-current");
if (!link) return null;
const bar = getComputedStyle(link, "::after");
if (bar.content === "none" || bar.display === "none") return null;
const box = link.getBoundingClientRect();
const bottom = box.bottom - parseFloat(bar.bottom), top = bottom - parseFloat(bar.height);
const text = link.querySelector("span").getBoundingClientRect();
return text.bottom > top && text.top < bottom;
""",
}


def all_probes(scope: str = "document") -> str:
    """Every probe under the element (or document) a JS expression gives, in one round trip:
    [result, ...] in PROBES' order."""
    calls = (f"(function () {{ {script} }}).call(null, scope)" for script in PROBES.values())
    return f"const scope = {scope}; return [{', '.join(calls)}];"


ALL_PROBES = all_probes()
PARTS = (
    "axe",
    "page_axe",
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
    """What one page, in one state, gave each check on one example; `get` fails the test if
    collecting failed. On a batch page, `example` names the example and `shared_with` the
    others on the page."""

    url: str
    results: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    example: str | None = None
    shared_with: tuple[str, ...] = ()

    def where(self) -> str:
        if self.example is None:
            return self.url
        others = ", ".join(self.shared_with)
        return f"{self.example}'s container on {self.url} (shared with {others})"

    def get(self, part: str) -> Any:
        if part in self.errors:
            pytest.fail(f"collecting {part} for {self.where()} failed:\n{self.errors[part]}")
        return self.results[part]


_VISITS: dict[tuple[str, str, str], Visit] = {}


def inspect(
    browser: Any,
    url: str,
    *,
    clicks: Iterable[str] = (),
    width: int | None = None,
    axe_disable: Iterable[str] = (),
    parts: Iterable[str] | None = None,
) -> Visit:
    """Open `url` (at `width` CSS px wide, if given), click `clicks` in order, and collect the
    evidence of each part (all if `parts` is None). Emulation is undone after each part."""
    if width is None:
        return _inspect(browser, url, clicks, axe_disable, parts)
    size = browser.get_window_size()
    browser.set_window_size(width, size["height"])
    try:
        return _inspect(browser, url, clicks, axe_disable, parts)
    finally:
        browser.set_window_size(size["width"], size["height"])


def _inspect(
    browser: Any,
    url: str,
    clicks: Iterable[str],
    axe_disable: Iterable[str],
    parts: Iterable[str] | None,
) -> Visit:
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
    # The page is the example's own: "axe" above already ran every page-level rule.
    collect("page_axe", lambda: None)
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


@dataclass(frozen=True)
class Member:
    """An example on a batch page, in `state`, and a page with it alone (`solo_url`): the
    shared page's console errors are traced back by loading that (and clicking `clicks`)."""

    example: Example
    solo_url: str
    state: str = "initial"
    clicks: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Its container's key on the page (batches.Shared.id)."""
        return Shared(self.example, self.state).id


def inspect_batch(browser: Any, url: str, members: Sequence[Member]) -> dict[str, Visit]:
    """Open the batch page `url` once and collect every part for each member, in its container
    (tests/batches.py): example id -> its Visit.

    Per example: axe's findings in its container (as a run with the container as context
    would give them, with only the example's own opt-outs: axe runs once for the page, see
    run_axe_by_region), the accessibility tree, probes, focus, forced colours, motion and
    reflow under the component. Per page, given to every example: "page_axe", axe's findings
    on the page outside the containers, where the page-level rules (landmark-one-main,
    page-has-heading-one, bypass, html-has-lang, ...) report; and console errors, which the
    page cannot tell apart: when there are any, each example's own page is inspected alone;
    errors that come back there are that example's, and any the shared page logged that no
    example's page logs alone fail every example of the page. A part that fails to collect
    fails only the examples it concerns.
    Each emulation (viewport, forced colours, reduced motion) is set once for the page.
    """
    ids = [member.key for member in members]
    records = {
        example_id: Visit(
            url,
            example=example_id,
            shared_with=tuple(other for other in ids if other != example_id),
        )
        for example_id in ids
    }
    roots = [root_expression(example_id) for example_id in ids]
    start = time.perf_counter()
    open_page(browser, url)
    # The members in a state: each reached by clicks inside its own container.
    click_all(
        browser,
        tuple(
            f"{container_selector(member.key)} {selector}"
            for member in members
            for selector in member.clicks
        ),
    )
    opened = time.perf_counter() - start
    for record in records.values():
        record.seconds["open"] = opened / len(records)

    def each(part: str, how: Callable[[Member, str], Any]) -> None:
        """Collect `part` for each member: how(member, its root expression)."""
        for member, root in zip(members, roots, strict=True):
            record = records[member.key]
            start = time.perf_counter()
            try:
                record.results[part] = how(member, root)
            except Exception:
                record.errors[part] = traceback.format_exc()
            record.seconds[part] = time.perf_counter() - start

    def together(parts: str | tuple[str, ...], how: Callable[[], list[Any]]) -> None:
        """Collect `parts` for every member in one go: how() returns, per member in order, the
        result (a tuple, one per part, for several parts) or the exception it met."""
        names = (parts,) if isinstance(parts, str) else parts
        start = time.perf_counter()
        try:
            found: list[Any] = how()
        except Exception:
            found = [traceback.format_exc()] * len(members)
        seconds = (time.perf_counter() - start) / len(members)
        for member, result in zip(members, found, strict=True):
            record = records[member.key]
            record.seconds["+".join(names)] = seconds
            if isinstance(result, str | Exception):
                error = result if isinstance(result, str) else repr(result)
                record.errors.update(dict.fromkeys(names, error))
            else:
                record.results.update(
                    zip(names, (result,) if isinstance(parts, str) else result, strict=True)
                )

    # One axe run for the whole page, each container's nodes given to its example (minus its
    # own opt-outs) and the rest to every example as "page_axe": the page-level rules
    # (landmark-one-main, page-has-heading-one, bypass, html-has-lang, ...) run there.
    start = time.perf_counter()
    try:
        by_example, page = run_axe_by_region(
            browser,
            CONTAINER_ATTRIBUTE,
            {member.key: member.example.axe_disable for member in members},
        )
        for example_id, record in records.items():
            record.results["axe"], record.results["page_axe"] = by_example[example_id], page
    except Exception:
        error = traceback.format_exc()
        for record in records.values():
            record.errors.update(dict.fromkeys(("axe", "page_axe"), error))
    for record in records.values():
        record.seconds["axe"] = (time.perf_counter() - start) / len(records)
    together("ax_tree", lambda: component_ax_trees(browser, roots))
    each(
        "probes",
        lambda member, _: devtools(browser).run(all_probes(container_expression(member.key))),
    )
    for record in records.values():
        if "probes" in record.results:
            record.results.update(zip(PROBES, record.results.pop("probes"), strict=True))
        elif "probes" in record.errors:
            record.errors.update(dict.fromkeys(PROBES, record.errors.pop("probes")))
    # One page prepared for screenshots (and one viewport change) for every example's focus
    # and forced-colours checks, each checking every example at once; forced colours emulated
    # once for all of them.
    try:
        with still_page(browser, *roots) as still:
            together("focus", lambda: focus_evidence_here(browser, still))
            with media(browser, forced_colors="active"):
                together(
                    "forced_colors",
                    lambda: forced_colors_here(
                        browser, still, focus_limit=FORCED_COLORS_FOCUS_LIMIT
                    ),
                )
    except Exception:
        error = traceback.format_exc()
        for record in records.values():
            for part in ("focus", "forced_colors"):
                if part not in record.results:
                    record.errors.setdefault(part, error)
    together(("long_motion", "reflow"), lambda: motion_and_reflow_each(browser, roots, VIEWPORTS))
    # Last, as on a page of one: whatever the emulation made USWDS's JS log counts too.
    together("console_errors", lambda: [console_errors(browser)] * len(members))
    logged = records[ids[0]].results.get("console_errors")
    if logged:
        _trace_console_errors(browser, url, members, records, logged)
    return records


# Where Chromium says a console message came from ("<url> <line>:<column> "): the same error
# comes from another place on a batch page than on the example's own page.
_SOURCE = re.compile(r"^\S+ \d+:\d+ ")


def _trace_console_errors(
    browser: Any,
    url: str,
    members: Sequence[Member],
    records: dict[str, Visit],
    logged: list[str],
) -> None:
    """Give each example the errors its own page logs alone, and every example the shared
    page's errors that no example's page logs alone, saying so."""
    alone = {
        member.key: inspect(
            browser, member.solo_url, clicks=member.clicks, axe_disable=member.example.axe_disable
        ).results.get("console_errors", [])
        for member in members
    }
    explained = {_SOURCE.sub("", error) for errors in alone.values() for error in errors}
    unexplained = [error for error in logged if _SOURCE.sub("", error) not in explained]
    note = f"logged on the shared page {url} ({', '.join(alone)}); no example logs it alone"
    for example_id, errors in alone.items():
        records[example_id].results["console_errors"] = [
            f"{error} (logged on {url}, and on this example's page alone)" for error in errors
        ] + [f"{error} ({note})" for error in unexplained]


def preview_url(base_url: str, example: Example) -> str:
    return f"{base_url}/{example.component}/{example.name}.html"


# Every (example, state) that shares a page -> its batch page.
BATCH_OF = {
    visit_id(member.example, member.state): batch for batch in BATCHES for member in batch.members
}


def visit(browser: Any, base_url: str, example: Example, state: str) -> Visit:
    """The session's one visit of an example in `state` ("initial" or one of the example's
    states): on its batch page, collected with every other example there, or on its own
    preview page."""
    key = (base_url, example.id, state)
    if key not in _VISITS:
        batch = BATCH_OF.get(visit_id(example, state))
        if batch is not None:
            members = [
                Member(
                    shared.example,
                    preview_url(base_url, shared.example),
                    shared.state,
                    shared.clicks,
                )
                for shared in batch.members
            ]
            found = inspect_batch(browser, f"{base_url}/{batch.path}", members)
            for member in members:
                _VISITS[(base_url, member.example.id, member.state)] = found[member.key]
        else:
            reached = get_spec(example.component).states[state] if state != "initial" else None
            _VISITS[key] = inspect(
                browser,
                preview_url(base_url, example),
                clicks=reached.click if reached else (),
                width=reached.width if reached else None,
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
# The scheduler's scope of each visit's tests: its batch page, or the visit itself.
SCOPE_OF = {case.id: BATCH_OF[case.id].key if case.id in BATCH_OF else case.id for case in CASES}
_SCOPES = frozenset(SCOPE_OF.values())
_PARAM_ID = re.compile(r"\[([^\[\]]+)\]$")


def visit_of(nodeid: str) -> str | None:
    """The visit a test's node id names (its parameter id is a visit id), else None."""
    found = _PARAM_ID.search(nodeid)
    return found.group(1) if found and found.group(1) in _VISIT_IDS else None


def scope_of(nodeid: str) -> str | None:
    """The page a test's visit is collected on (a batch page's key, or the visit id when it has
    its page to itself), else None: the scheduler keeps each on one worker."""
    found = visit_of(nodeid)
    return None if found is None else SCOPE_OF[found]


def modules_before_visits(queue: OrderedDict[str, T]) -> OrderedDict[str, T]:
    """The scheduler's work queue (scope -> tests) with every visit page's scope moved after
    the others, each part in its own order."""
    first = [(scope, tests) for scope, tests in queue.items() if scope not in _SCOPES]
    last = [(scope, tests) for scope, tests in queue.items() if scope in _SCOPES]
    return OrderedDict(first + last)


def visits_so_far() -> dict[tuple[str, str, str], Visit]:
    """The session's visits (for measuring where the browser time goes)."""
    return dict(_VISITS)
