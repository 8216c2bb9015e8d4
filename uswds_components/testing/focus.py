"""Is keyboard focus visible? Screenshots of focusable elements focused, against unfocused.

`focus_evidence(driver, root_expression)` checks every keyboard-reachable element under the
element the JS expression evaluates to (`focus_evidence_here` does several roots of one page
at once): it compares a screenshot around each element (the element, its labels, grown by a few
pixels) focused with the same region unfocused, and counts the pixels that differ (WCAG 2.4.7
Focus Visible).

A screenshot costs about 40 ms however small, so the elements are shown focused in groups: the
`:focus` and `:focus-visible` styles are forced on every element of a group at once (DevTools'
CSS.forcePseudoState), no two of whose regions meet, and one screenshot serves the group. Each
element is then focused for real, in one script, to learn whether it takes focus. An element
whose group moved anything when forced, that moves when focused (a skip link comes into view),
or that showed too little is checked again alone with real focus: that result stands. So a
group can only save time; it never decides that an element fails. Where no two elements could
share a group, forcing would save no screenshot, and each is focused alone from the start.

While a mobile menu or a modal is open, only the elements inside it are reachable: USWDS's focus
trap keeps Tab there. Text carets are hidden and transitions stopped for the duration, so neither
a blinking caret nor a half-run transition decides the result. Commands go over the page's own
DevTools socket (devtools.py).
"""

from __future__ import annotations

import base64
import contextlib
import io
from collections.abc import Iterator, Sequence
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
# Regions closer than this (CSS px, vertically) share one screenshot: a full-width band this
# tall costs about what a screenshot's fixed cost does.
BAND_GAP = 600

_STYLE_ID = "uswds-focus-test-style"
# Marks each element under check, so that DevTools can find its DOM node.
_CHECK_ATTRIBUTE = "data-uswds-focus-check"
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
# trap if there is one. JS defining `focusablesUnder(root)`.
_FOCUSABLES_UNDER = (
    OUTSIDE_OPEN_TRAP
    + """
const selector = "a[href], area[href], button, input:not([type=hidden]), select, textarea, "
  + "summary, iframe, [tabindex], [contenteditable=true]";
const focusablesUnder = root => [...(root.matches(selector) ? [root] : []),
                                 ...root.querySelectorAll(selector)]
  .filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]")
    && el.getClientRects().length > 0 && getComputedStyle(el).visibility === "visible"
    && !outsideOpenTrap(el));
"""
)
# JS defining `region(el)`: the element's box and its labels' (USWDS draws a radio's or a
# checkbox's ring on its label), page coordinates.
_REGION = """
function region(el) {
  const boxes = [el, ...(el.labels || [])].flatMap(e => [...e.getClientRects()]);
  return {left: Math.min(...boxes.map(b => b.left)) + scrollX,
          top: Math.min(...boxes.map(b => b.top)) + scrollY,
          right: Math.max(...boxes.map(b => b.right)) + scrollX,
          bottom: Math.max(...boxes.map(b => b.bottom)) + scrollY};
}
"""
# Hide carets and stop motion, drop focus, scroll to the top; find the roots and the focusable
# elements under each, in one round trip; report the page's size and how far down the
# components (and whatever they may reveal) reach. An open modal's wrapper is position: fixed
# with no box of its own; its content is fixed inside it.
_SETUP = (
    """
const roots = [__ROOTS__];
if (!document.getElementById("STYLE_ID")) {
  const style = document.createElement("style");
  style.id = "STYLE_ID";
  style.textContent = "*, *::before, *::after { caret-color: transparent !important; "
    + "transition: none !important; animation: none !important; }";
  document.head.append(style);
}
DROP_FOCUS
window.scrollTo(0, 0);
FOCUSABLES_UNDER
window.__uswdsStillRoots = roots;
window.__uswdsFocusSets = roots.map(focusablesUnder);
const doc = document.documentElement;
const bottoms = roots.map((root, i) => Math.max(root.getBoundingClientRect().bottom,
  ...window.__uswdsFocusSets[i].map(el => el.getBoundingClientRect().bottom)) + scrollY);
return {focusables: window.__uswdsFocusSets.map(set => set.length),
        page: [doc.scrollWidth, doc.scrollHeight], view: [innerWidth, innerHeight],
        bottom: Math.max(...bottoms)};
""".replace("STYLE_ID", _STYLE_ID)
    .replace("FOCUSABLES_UNDER", _FOCUSABLES_UNDER)
    .replace("DROP_FOCUS", _BLUR)
)
_TEARDOWN = f"""
for (const el of window.__uswdsChecked || []) el.removeAttribute("{_CHECK_ATTRIBUTE}");
delete window.__uswdsChecked;
delete window.__uswdsStillRoots;
delete window.__uswdsFocusSets;
document.getElementById("{_STYLE_ID}")?.remove();
{_BLUR}
"""
# Choose the first `arguments[0][i]` focusable elements under root i for checking, mark them,
# and return each one's root, region and a short description. Drops focus.
_CHOOSE = (
    _REGION
    + f"""
{_BLUR}
const limits = arguments[0];
for (const el of window.__uswdsChecked || []) el.removeAttribute("{_CHECK_ATTRIBUTE}");
const chosen = window.__uswdsFocusSets.flatMap((set, i) =>
  set.slice(0, limits[i]).map(el => [i, el]));
window.__uswdsChecked = chosen.map(([, el]) => el);
return chosen.map(([i, el], k) => {{
  el.setAttribute("{_CHECK_ATTRIBUTE}", k);
  const name = (el.getAttribute("aria-label") || el.labels?.[0]?.textContent || el.textContent
    || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 60);
  const id = el.id ? "#" + el.id : "";
  const element = `${{el.tagName.toLowerCase()}}${{id}} "${{name}}"`;
  return {{root: i, region: region(el), element}};
}});
"""
)
_REGIONS = (
    _REGION
    + "return {regions: window.__uswdsChecked.map(region),"
    + " height: document.documentElement.scrollHeight};"
)
# Focus each element under check as the keyboard would, one at a time: did it take focus, did
# it match :focus-visible, where is it while focused.
_FOCUS_EACH = (
    _REGION
    + f"""
const found = window.__uswdsChecked.map(el => {{
  {_BLUR}
  el.focus({{preventScroll: true, focusVisible: true}});
  return {{focused: document.activeElement === el, visible_match: el.matches(":focus-visible"),
          region: region(el)}};
}});
{_BLUR}
return found;
"""
)
# Focus element `arguments[0]` under check alone, and return its region before and after.
_FOCUS_ONE = (
    _REGION
    + f"""
const el = window.__uswdsChecked[arguments[0]];
{_BLUR}
const before = region(el);
el.focus({{preventScroll: true, focusVisible: true}});
return {{before, after: region(el), focused: document.activeElement === el,
        visible_match: el.matches(":focus-visible")}};
"""
)


@dataclass(frozen=True)
class FocusEvidence:
    """One element: how many pixels around it changed when it took focus. `forced` says the
    pixels came from its group's screenshot with focus styles forced, not from focusing it
    alone."""

    element: str
    changed_pixels: int
    region: tuple[int, int, int, int]  # left, top, width, height in CSS px
    took_focus: bool
    matched_focus_visible: bool
    forced: bool = False

    @property
    def visible(self) -> bool:
        return self.took_focus and self.changed_pixels >= MIN_CHANGED_PIXELS

    def describe(self) -> str:
        how = "styles forced in a group" if self.forced else "focused alone"
        return (
            f"{self.element}: {self.changed_pixels} pixels changed in {self.region}, {how} "
            f"(took focus: {self.took_focus}, :focus-visible: {self.matched_focus_visible})"
        )


Clip = tuple[int, int, int, int]  # left, top, width, height in CSS px


def screenshot(driver: Any, clip: Clip) -> Image.Image:
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


def _grown(region: dict[str, float], page: tuple[int, int]) -> Clip:
    left = max(0, int(region["left"]) - GROW)
    top = max(0, int(region["top"]) - GROW)
    right = min(page[0], int(region["right"] + 0.999) + GROW)
    bottom = min(page[1], int(region["bottom"] + 0.999) + GROW)
    return left, top, max(1, right - left), max(1, bottom - top)


def _meet(a: Clip, b: Clip) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _inside(inner: Clip, outer: Clip) -> bool:
    return (
        inner[0] >= outer[0]
        and inner[1] >= outer[1]
        and inner[0] + inner[2] <= outer[0] + outer[2]
        and inner[1] + inner[3] <= outer[1] + outer[3]
    )


def _bands(clips: Sequence[Clip]) -> list[Clip]:
    """Clips covering `clips`, one per run of them less than BAND_GAP apart vertically."""
    bands: list[list[int]] = []  # left, top, right, bottom
    for left, top, width, height in sorted(clips, key=lambda clip: clip[1]):
        if bands and top <= bands[-1][3] + BAND_GAP:
            band = bands[-1]
            band[0], band[2] = min(band[0], left), max(band[2], left + width)
            band[3] = max(band[3], top + height)
        else:
            bands.append([left, top, left + width, top + height])
    return [(left, top, right - left, bottom - top) for left, top, right, bottom in bands]


class Shots:
    """Screenshots of a few bands of the page that together cover some regions."""

    def __init__(self, driver: Any, clips: Sequence[Clip]) -> None:
        self.pieces = [(band, screenshot(driver, band)) for band in _bands(clips)]

    def covers(self, clip: Clip) -> bool:
        return any(_inside(clip, band) for band, _ in self.pieces)

    def crop(self, clip: Clip) -> Image.Image:
        band, image = next((band, image) for band, image in self.pieces if _inside(clip, band))
        left, top = clip[0] - band[0], clip[1] - band[1]
        return image.crop((left, top, left + clip[2], top + clip[3]))


@dataclass
class StillPage:
    """A page prepared for pixel comparisons: `area` (width, height) is what screenshots cover:
    the page's full width, from the top to a little below the components. `focusables` is how
    many keyboard-reachable elements each root holds, remembered in document order for
    focus_checks(). `css_agent` says DevTools' CSS agent is on, for forcing focus styles."""

    area: tuple[int, int]
    focusables: list[int]
    css_agent: bool = False


_ACTIVE: dict[int, StillPage] = {}


@contextlib.contextmanager
def still_page(driver: Any, *root_expressions: str) -> Iterator[StillPage]:
    """Prepare the page for pixel comparisons of the elements under these roots, and restore it
    on leaving; nested uses share one.

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
    found = tools.run(_SETUP.replace("__ROOTS__", ", ".join(root_expressions)))
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
        if still.css_agent:
            tools.send("CSS.disable")
            tools.send("DOM.disable")
        tools.send("Emulation.setFocusEmulationEnabled", {"enabled": False})
        if overridden:
            tools.send("Emulation.clearDeviceMetricsOverride")


@dataclass(frozen=True)
class Chosen:
    """The elements under check: which root each is under, its description and its clip."""

    roots: list[int]
    elements: list[str]
    clips: list[Clip]


def choose(driver: Any, still: StillPage, limits: Sequence[int] | None = None) -> Chosen:
    """Mark the first `limits[i]` focusable elements under each root i (all if None) for
    focus_checks(), and drop focus."""
    wanted = still.focusables if limits is None else limits
    found = devtools(driver).run(_CHOOSE, list(wanted))
    return Chosen(
        roots=[item["root"] for item in found],
        elements=[item["element"] for item in found],
        clips=[_grown(item["region"], still.area) for item in found],
    )


def reference(driver: Any, chosen: Chosen, also: Sequence[Clip] = ()) -> Shots:
    """Unfocused screenshots around the chosen elements and these other boxes."""
    return Shots(driver, [*chosen.clips, *also])


def group_clips(clips: Sequence[Clip]) -> list[list[int]]:
    """Indexes of `clips` in groups whose clips do not meet (first fit, in order)."""
    groups: list[list[int]] = []
    for index, clip in enumerate(clips):
        for group in groups:
            if not any(_meet(clip, clips[other]) for other in group):
                group.append(index)
                break
        else:
            groups.append([index])
    return groups


def _forced_pixels(
    driver: Any, still: StillPage, chosen: Chosen, unfocused: Shots, groups: list[list[int]]
) -> dict[int, int]:
    """Changed pixels of each chosen element whose group's forced focus styles moved nothing."""
    tools = devtools(driver)
    document = tools.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    if not still.css_agent:  # enabling it costs ~40 ms: once per still page
        tools.send("CSS.enable")
        still.css_agent = True
    nodes = {
        index: tools.send(
            "DOM.querySelector",
            {"nodeId": document, "selector": f'[{_CHECK_ATTRIBUTE}="{index}"]'},
        )["nodeId"]
        for index in range(len(chosen.clips))
    }
    still_layout = tools.run(_REGIONS)
    pixels = {}
    for group in groups:
        members = [index for index in group if nodes[index]]
        for index in members:
            tools.send(
                "CSS.forcePseudoState",
                {"nodeId": nodes[index], "forcedPseudoClasses": ["focus", "focus-visible"]},
            )
        try:
            if tools.run(_REGIONS) != still_layout:
                continue  # a style moved something: each is checked alone
            focused = Shots(driver, [chosen.clips[index] for index in members])
            for index in members:
                clip = chosen.clips[index]
                pixels[index] = changed_pixels(unfocused.crop(clip), focused.crop(clip))
        finally:
            for index in members:
                tools.send(
                    "CSS.forcePseudoState", {"nodeId": nodes[index], "forcedPseudoClasses": []}
                )
    return pixels


def _alone(
    driver: Any, still: StillPage, chosen: Chosen, unfocused: Shots, index: int
) -> FocusEvidence:
    """Focus chosen element `index` alone and compare its region with it unfocused (looking
    where it was and where it is: a skip link moves into view when focused)."""
    tools = devtools(driver)
    found = tools.run(_FOCUS_ONE, index)
    clip = _grown(_union(found["before"], found["after"]), still.area)
    if unfocused.covers(clip):
        before = unfocused.crop(clip)
    else:  # it moved out of the reference's region: take this region unfocused, then again
        tools.run(_BLUR)
        before = screenshot(driver, clip)
        found = tools.run(_FOCUS_ONE, index)
    focused = screenshot(driver, clip)
    tools.run(_BLUR)
    return FocusEvidence(
        element=chosen.elements[index],
        changed_pixels=changed_pixels(before, focused),
        region=clip,
        took_focus=found["focused"],
        matched_focus_visible=found["visible_match"],
    )


def _union(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    return {
        "left": min(a["left"], b["left"]),
        "top": min(a["top"], b["top"]),
        "right": max(a["right"], b["right"]),
        "bottom": max(a["bottom"], b["bottom"]),
    }


def focus_checks(
    driver: Any, still: StillPage, chosen: Chosen, unfocused: Shots
) -> list[list[FocusEvidence]]:
    """The evidence for each chosen element (see the module docstring), listed per root.
    Where no group would hold two elements, each is simply focused alone."""
    evidence: list[list[FocusEvidence]] = [[] for _ in still.focusables]
    groups = group_clips(chosen.clips)
    if len(groups) == len(chosen.clips):
        for index, root in enumerate(chosen.roots):
            evidence[root].append(_alone(driver, still, chosen, unfocused, index))
        return evidence
    pixels = _forced_pixels(driver, still, chosen, unfocused, groups)
    focused = devtools(driver).run(_FOCUS_EACH)
    for index, (root, element, clip) in enumerate(
        zip(chosen.roots, chosen.elements, chosen.clips, strict=True)
    ):
        real = focused[index]
        if (
            index in pixels
            and pixels[index] >= MIN_CHANGED_PIXELS
            and _grown(real["region"], still.area) == clip
        ):
            item = FocusEvidence(
                element=element,
                changed_pixels=pixels[index],
                region=clip,
                took_focus=real["focused"],
                matched_focus_visible=real["visible_match"],
                forced=True,
            )
        else:
            item = _alone(driver, still, chosen, unfocused, index)
        evidence[root].append(item)
    return evidence


def focus_evidence_here(
    driver: Any, still: StillPage, limits: Sequence[int] | None = None
) -> list[list[FocusEvidence]]:
    """Focus evidence for the first `limits[i]` focusable elements under each of the still
    page's roots (all if None)."""
    chosen = choose(driver, still, limits)
    if not chosen.clips:
        return [[] for _ in still.focusables]
    return focus_checks(driver, still, chosen, reference(driver, chosen))


def focus_evidence(
    driver: Any, root_expression: str, *, limit: int | None = None
) -> list[FocusEvidence]:
    """Check each keyboard-reachable element under the root (the first `limit` of them, if
    given); see the module docstring."""
    with still_page(driver, root_expression) as still:
        limits = None if limit is None else [min(count, limit) for count in still.focusables]
        return focus_evidence_here(driver, still, limits)[0]
