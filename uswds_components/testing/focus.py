"""Is keyboard focus visible? Screenshots of each focusable element focused, against unfocused.

`focus_evidence(driver, root_expression)` focuses every keyboard-reachable element under the
element the JS expression evaluates to, one at a time, takes a screenshot around it (the element,
its labels, grown by a few pixels) and counts the pixels that differ from the same region of one
unfocused screenshot of the box around all of them (WCAG 2.4.7 Focus Visible). While a mobile
menu or a modal is open, only the elements inside it are reachable: USWDS's focus trap keeps Tab
there. Text carets are hidden and transitions stopped for the duration, so neither a blinking
caret nor a half-run transition decides the result. Commands go over the page's own DevTools
socket (devtools.py).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageChops

from .devtools import devtools

# Pixels around the element's box where an indicator may be drawn (USWDS: a 4 px outline,
# offset up to 4 px).
GROW = 10
# A pixel counts as changed when a channel moves by more than this (of 255): anti-aliasing
# noise is zero in one renderer, and an indicator changing a colour by less is not visible.
CHANNEL_THRESHOLD = 24
# The least evidence of a focus indicator: a 1 px line 20 px long.
MIN_CHANGED_PIXELS = 20

_STYLE_ID = "uswds-focus-test-style"
# Drop focus (blurring <body>, when nothing has it, does nothing).
_BLUR = "document.activeElement?.blur();"
# The open USWDS focus traps: the mobile menu's nav and a modal. While one is open, Tab cycles
# inside it and the rest of the page (the "Menu" button under the overlay included) is inactive:
# it cannot be reached from the keyboard. JS defining `outsideOpenTrap(el)`.
FOCUS_TRAPS = ".usa-nav.is-visible, .usa-modal-wrapper.is-visible"
OUTSIDE_OPEN_TRAP = """
const openTraps = [...document.querySelectorAll("FOCUS_TRAPS")]
  .filter(trap => trap.getClientRects().length > 0);
const outsideOpenTrap = el => openTraps.length > 0 && !openTraps.some(trap => trap.contains(el));
""".replace("FOCUS_TRAPS", FOCUS_TRAPS)
# Keyboard-reachable: in the tab order, enabled, rendered, visible, and inside the open focus
# trap if there is one.
_FIND_FOCUSABLES = (
    OUTSIDE_OPEN_TRAP
    + """
const selector = "a[href], area[href], button, input:not([type=hidden]), select, textarea, "
  + "summary, iframe, [tabindex], [contenteditable=true]";
const candidates = [...(root.matches(selector) ? [root] : []), ...root.querySelectorAll(selector)];
window.__uswdsFocusables = candidates.filter(el =>
  el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") && el.getClientRects().length > 0
  && getComputedStyle(el).visibility === "visible" && !outsideOpenTrap(el));
"""
)
# How far down the root reaches: its box, or its focusable elements' if lower (an open modal's
# wrapper is position: fixed with no box of its own; its content is fixed inside it).
_REACH = (
    "Math.max(root.getBoundingClientRect().bottom,"
    " ...window.__uswdsFocusables.map(el => el.getBoundingClientRect().bottom)) + scrollY"
)
# Hide carets and stop motion, drop focus, scroll to the top; find the root element and the
# focusable elements in it, in one round trip; report the page's size and how far down the
# component (and whatever it may reveal) reaches.
_SETUP = (
    """
const root = (__ROOT__);
if (!document.getElementById("STYLE_ID")) {
  const style = document.createElement("style");
  style.id = "STYLE_ID";
  style.textContent = "*, *::before, *::after { caret-color: transparent !important; "
    + "transition: none !important; animation: none !important; }";
  document.head.append(style);
}
DROP_FOCUS
window.scrollTo(0, 0);
FIND_FOCUSABLES
window.__uswdsStillRoot = root;
const doc = document.documentElement;
return {focusables: window.__uswdsFocusables.length,
        page: [doc.scrollWidth, doc.scrollHeight], view: [innerWidth, innerHeight],
        bottom: REACH};
""".replace("STYLE_ID", _STYLE_ID)
    .replace("FIND_FOCUSABLES", _FIND_FOCUSABLES)
    .replace("DROP_FOCUS", _BLUR)
    .replace("REACH", _REACH)
)
# Point the still page at another root on the same page: its focusable elements, how far down
# it reaches, and the page's height (the most a screenshot can cover).
_TARGET = (
    """
const root = (__ROOT__);
DROP_FOCUS
FIND_FOCUSABLES
window.__uswdsStillRoot = root;
return {focusables: window.__uswdsFocusables.length,
        bottom: REACH,
        height: Math.max(document.documentElement.scrollHeight, innerHeight)};
""".replace("FIND_FOCUSABLES", _FIND_FOCUSABLES)
    .replace("DROP_FOCUS", _BLUR)
    .replace("REACH", _REACH)
)
_TEARDOWN = f"""
delete window.__uswdsStillRoot;
document.getElementById("{_STYLE_ID}")?.remove();
{_BLUR}
"""
# The box around the first `arguments[0]` focusable elements and their labels (page
# coordinates), or null.
_FOCUSABLES_BOX = """
const boxes = window.__uswdsFocusables.slice(0, arguments[0])
  .flatMap(el => [el, ...(el.labels || [])]).flatMap(e => [...e.getClientRects()]);
if (!boxes.length) return null;
return {left: Math.min(...boxes.map(b => b.left)) + scrollX,
        top: Math.min(...boxes.map(b => b.top)) + scrollY,
        right: Math.max(...boxes.map(b => b.right)) + scrollX,
        bottom: Math.max(...boxes.map(b => b.bottom)) + scrollY};
"""
# Blur the last element, focus element `index` as the keyboard would, and return its region
# before and after (its box and its labels', page coordinates: USWDS draws a radio's or a
# checkbox's ring on its label) and a short description.
_FOCUS = """
const index = arguments[0];
const el = window.__uswdsFocusables[index];
document.activeElement?.blur();
function region() {
  const boxes = [el, ...(el.labels || [])].flatMap(e => [...e.getClientRects()]);
  return {left: Math.min(...boxes.map(b => b.left)) + scrollX,
          top: Math.min(...boxes.map(b => b.top)) + scrollY,
          right: Math.max(...boxes.map(b => b.right)) + scrollX,
          bottom: Math.max(...boxes.map(b => b.bottom)) + scrollY};
}
const before = region();
el.focus({preventScroll: true, focusVisible: true});
const after = region();
const name = (el.getAttribute("aria-label") || el.labels?.[0]?.textContent || el.textContent
  || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 60);
const id = el.id ? "#" + el.id : "";
return {before, after, focused: document.activeElement === el,
        visible_match: el.matches(":focus-visible"),
        element: `${el.tagName.toLowerCase()}${id} "${name}"`};
"""


@dataclass(frozen=True)
class FocusEvidence:
    """One element: how many pixels around it changed when it took focus."""

    element: str
    changed_pixels: int
    region: tuple[int, int, int, int]  # left, top, width, height in CSS px
    took_focus: bool
    matched_focus_visible: bool

    @property
    def visible(self) -> bool:
        return self.took_focus and self.changed_pixels >= MIN_CHANGED_PIXELS

    def describe(self) -> str:
        return (
            f"{self.element}: {self.changed_pixels} pixels changed in {self.region} "
            f"(took focus: {self.took_focus}, :focus-visible: {self.matched_focus_visible})"
        )


def screenshot(driver: Any, clip: tuple[int, int, int, int]) -> Image.Image:
    """A PNG of the page region (left, top, width, height) at one device pixel per CSS pixel."""
    left, top, width, height = clip
    shot = devtools(driver).send(
        "Page.captureScreenshot",
        {
            "format": "png",
            "clip": {"x": left, "y": top, "width": width, "height": height, "scale": 1},
            # Still lossless; a faster zlib level halves a small clip's cost (90 -> 47 ms).
            "optimizeForSpeed": True,
        },
    )
    return Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")


def changed_pixels(before: Image.Image, after: Image.Image) -> int:
    """Pixels where some channel differs by more than CHANNEL_THRESHOLD."""
    red, green, blue = ImageChops.difference(before, after).split()
    strongest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    return sum(strongest.histogram()[CHANNEL_THRESHOLD + 1 :])


def _grown(region: dict[str, float], page: tuple[int, int]) -> tuple[int, int, int, int]:
    left = max(0, int(region["left"]) - GROW)
    top = max(0, int(region["top"]) - GROW)
    right = min(page[0], int(region["right"] + 0.999) + GROW)
    bottom = min(page[1], int(region["bottom"] + 0.999) + GROW)
    return left, top, max(1, right - left), max(1, bottom - top)


def _union(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    return {
        "left": min(a["left"], b["left"]),
        "top": min(a["top"], b["top"]),
        "right": max(a["right"], b["right"]),
        "bottom": max(a["bottom"], b["bottom"]),
    }


@dataclass(frozen=True)
class Reference:
    """An unfocused screenshot of part of the page: `clip` is (left, top, width, height)."""

    image: Image.Image
    clip: tuple[int, int, int, int]

    def covers(self, clip: tuple[int, int, int, int]) -> bool:
        left, top, width, height = clip
        own_left, own_top, own_width, own_height = self.clip
        return (
            left >= own_left
            and top >= own_top
            and left + width <= own_left + own_width
            and top + height <= own_top + own_height
        )

    def crop(self, clip: tuple[int, int, int, int]) -> Image.Image:
        left, top, width, height = clip
        left, top = left - self.clip[0], top - self.clip[1]
        return self.image.crop((left, top, left + width, top + height))


@dataclass
class StillPage:
    """A page prepared for pixel comparisons: `area` (width, height) is what screenshots cover:
    the page's full width, from the top to a little below the component. `focusables` is how
    many keyboard-reachable elements the root element (the page's `window.__uswdsStillRoot`)
    holds, remembered in document order for focus_checks(); `left_focused` says that
    focus_checks() left the last of them focused."""

    area: tuple[int, int]
    focusables: int
    left_focused: bool = False


_ACTIVE: dict[int, StillPage] = {}


@contextlib.contextmanager
def still_page(driver: Any, root_expression: str) -> Iterator[StillPage]:
    """Prepare the page for pixel comparisons and restore it on leaving; nested uses share one.

    Carets are hidden, transitions and animations stopped, focus dropped and the page scrolled
    to the top. If the page is taller than the viewport, the viewport is made as tall as the
    page at device scale 1, so nothing scrolls and a pixel is a CSS pixel.
    """
    if id(driver) in _ACTIVE:
        yield _ACTIVE[id(driver)]
        return
    tools = devtools(driver)
    # A window without system focus (an earlier test tabbed out into the browser's toolbar)
    # draws no focus ring and matches no :focus-visible: the check would blame the component.
    tools.send("Emulation.setFocusEmulationEnabled", {"enabled": True})
    found = tools.run(_SETUP.replace("__ROOT__", root_expression))
    (page_width, page_height), (view_width, view_height) = found["page"], found["view"]
    overridden = page_height > view_height or page_width > view_width
    if overridden:
        tools.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": view_width, "height": page_height, "deviceScaleFactor": 1, "mobile": False},
        )
    bottom = min(max(page_height, view_height), int(found["bottom"]) + 4 * GROW)
    area = (max(page_width, view_width), bottom)
    _ACTIVE[id(driver)] = still = StillPage(area, found["focusables"])
    try:
        yield still
    finally:
        del _ACTIVE[id(driver)]
        tools.run(_TEARDOWN)
        tools.send("Emulation.setFocusEmulationEnabled", {"enabled": False})
        if overridden:
            tools.send("Emulation.clearDeviceMetricsOverride")


def retarget(driver: Any, still: StillPage, root_expression: str) -> None:
    """Point the active still page at the element `root_expression` evaluates to, on the same
    page: one set-up (and its viewport change) then serves every example on a page of many."""
    found = devtools(driver).run(_TARGET.replace("__ROOT__", root_expression))
    still.focusables = found["focusables"]
    still.left_focused = False
    still.area = (still.area[0], min(found["height"], int(found["bottom"]) + 4 * GROW))


def reference(
    driver: Any,
    still: StillPage,
    count: int | None = None,
    also: tuple[tuple[int, int, int, int], ...] = (),
) -> Reference | None:
    """An unfocused screenshot of the region around the still page's first `count` focusable
    elements (all if None) and their labels, and `also` these boxes (left, top, width, height);
    None if there is nothing to cover. Drops focus first if a check left some."""
    tools = devtools(driver)
    if still.left_focused:  # it would show in the reference
        tools.run(_BLUR)
        still.left_focused = False
    boxes = [
        {"left": left, "top": top, "right": left + width, "bottom": top + height}
        for left, top, width, height in also
    ]
    found = tools.run(_FOCUSABLES_BOX, still.focusables if count is None else count)
    boxes += [found] if found else []
    if not boxes:
        return None
    # Only this region is encoded as PNG: most pages are much wider and taller than it.
    clip = _grown(functools.reduce(_union, boxes), still.area)
    return Reference(screenshot(driver, clip), clip)


def focus_checks(
    driver: Any, still: StillPage, unfocused: Reference, count: int
) -> list[FocusEvidence]:
    """Focus the first `count` of the still page's focusable elements, one at a time, and
    compare each one's region with the same region of `unfocused`. The last stays focused:
    leaving the still page, or the next check, drops it."""
    evidence = []
    tools = devtools(driver)
    for index in range(count):
        found = tools.run(_FOCUS, index)
        # A skip link moves into view when focused: look where it was and where it is.
        clip = _grown(_union(found["before"], found["after"]), still.area)
        if unfocused.covers(clip):
            before = unfocused.crop(clip)
        else:  # it moved out of the reference's region: take this region unfocused, then again
            tools.run(_BLUR)
            before = screenshot(driver, clip)
            found = tools.run(_FOCUS, index)
        focused = screenshot(driver, clip)
        evidence.append(
            FocusEvidence(
                element=found["element"],
                changed_pixels=changed_pixels(before, focused),
                region=clip,
                took_focus=found["focused"],
                matched_focus_visible=found["visible_match"],
            )
        )
    still.left_focused = count > 0
    return evidence


def focus_evidence(
    driver: Any, root_expression: str, *, limit: int | None = None
) -> list[FocusEvidence]:
    """Focus each keyboard-reachable element under the root in turn (the first `limit` of
    them, if given); see the module docstring."""
    with still_page(driver, root_expression) as still:
        count = still.focusables if limit is None else min(still.focusables, limit)
        unfocused = reference(driver, still) if count else None
        if unfocused is None:
            return []
        return focus_checks(driver, still, unfocused, count)
