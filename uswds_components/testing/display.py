"""Display modes in Chromium: reduced motion, forced colours, reflow at narrow widths and zoom.

Each function emulates one mode over the DevTools protocol, measures the component (the element
a JS expression evaluates to), and restores the page's normal media and viewport before it
returns.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from .browser import wait_until
from .devtools import devtools
from .focus import (
    CHANNEL_THRESHOLD,
    MIN_CHANGED_PIXELS,
    OUTSIDE_OPEN_TRAP,
    Clip,
    FocusEvidence,
    StillPage,
    choose,
    focus_checks,
    reference,
    still_page,
)

# prefers-reduced-motion: reduce allows motion this short (seconds): the usual "0.01s" reset.
MOTION_ALLOWANCE = 0.01

_DESCRIBE = """
function describe(el) {
  const id = el.id ? "#" + el.id : "";
  const classes = [...el.classList].slice(0, 2).map(c => "." + c).join("");
  return el.tagName.toLowerCase() + id + classes;
}
"""
_LONG_MOTION = (
    _DESCRIBE
    + """
const [root, allowance] = arguments;
const seconds = list => list.split(",").map(v => v.trim().endsWith("ms")
  ? parseFloat(v) / 1000 : parseFloat(v) || 0);
const found = [];
for (const el of [root, ...root.querySelectorAll("*")]) {
  for (const pseudo of [null, "::before", "::after"]) {
    const style = getComputedStyle(el, pseudo);
    if (pseudo && style.content === "none") continue;
    const transition = Math.max(...seconds(style.transitionDuration))
      + Math.max(...seconds(style.transitionDelay));
    const animation = style.animationName === "none" ? 0
      : Math.max(...seconds(style.animationDuration));
    if (transition > allowance) {
      found.push(`${describe(el)}${pseudo || ""}: transition ${style.transitionProperty} `
                 + `${style.transitionDuration} (delay ${style.transitionDelay})`);
    }
    if (animation > allowance) {
      found.push(`${describe(el)}${pseudo || ""}: animation ${style.animationName} `
                 + `${style.animationDuration}`);
    }
  }
}
return found;
"""
)
# Overflow at the current viewport: how far right the component reaches (its boxes, and
# content spilling out of boxes that let it show), the document's own width, and every element
# whose overflow is hidden or clipped and whose content is wider or taller than its box.
# Visually hidden text (usa-sr-only: 1 px, or moved off-screen) is meant to be clipped.
_REFLOW = (
    _DESCRIBE
    + """
const root = arguments[0];
const doc = document.documentElement;
const hides = v => v === "hidden" || v === "clip";
// A scroll container (a scrollable table's) holds what is wider than it: scrolled, not past the
// page's edge. axe's scrollable-region-focusable checks that a keyboard can scroll it.
const scrolls = v => v === "auto" || v === "scroll";
const offscreen = r => r.right <= 0 || r.bottom <= 0;
const result = {document_width: doc.scrollWidth, client_width: doc.clientWidth,
                past_edge: [], clipped: []};
for (const el of [root, ...root.querySelectorAll("*")]) {
  if (!el.getClientRects().length) continue;
  const rect = el.getBoundingClientRect();
  if (offscreen(rect)) continue;
  const style = getComputedStyle(el);
  const clips = hides(style.overflowX) || hides(style.overflowY);
  let reach = clips ? rect.right : Math.max(rect.right, rect.left + el.scrollWidth);
  // Not body or html: their overflow is the viewport's, which hides content beyond the edge.
  for (let above = el.parentElement; above && above !== document.body
       && reach > doc.clientWidth + 1; above = above.parentElement) {
    const overflowX = getComputedStyle(above).overflowX;
    if (hides(overflowX) || scrolls(overflowX)) {
      reach = Math.min(reach, above.getBoundingClientRect().right);  // cut off or scrolled
    }
  }
  if (reach > doc.clientWidth + 1) {
    result.past_edge.push(`${describe(el)} reaches ${Math.round(reach)} px`);
  }
  if (!(clips || style.textOverflow === "ellipsis")) continue;
  if (rect.width <= 1 || rect.height <= 1 || !el.textContent.trim()) continue;
  // Overflow along an axis that scrolls is reachable, not clipped.
  if ((el.scrollWidth > el.clientWidth + 1 && !scrolls(style.overflowX))
      || (el.scrollHeight > el.clientHeight + 1 && !scrolls(style.overflowY))) {
    result.clipped.push(`${describe(el)}: content ${el.scrollWidth}x${el.scrollHeight} px `
                        + `in a box of ${el.clientWidth}x${el.clientHeight} px`);
  }
}
return result;
"""
)
# In forced colours, in one round trip, under each root of the still page: alerts, whose
# background is gone, so a border must mark them out; and each visible button's label text (its
# text nodes' boxes, page coordinates): the part that must show, as an icon beside it does not
# say what the button does. Drops focus, for the screenshot that follows. Buttons outside an
# open mobile menu or modal are inactive, under its overlay.
_ALERTS_AND_BUTTONS = (
    _DESCRIBE
    + OUTSIDE_OPEN_TRAP
    + r"""
document.activeElement?.blur();
function alertsAndButtons(root) {
  const alerts = [...(root.matches(".usa-alert") ? [root] : []),
                  ...root.querySelectorAll(".usa-alert")];
  const alertSides = alerts.filter(a => a.getClientRects().length).map(alert => {
    const style = getComputedStyle(alert);
    const sides = ["top", "right", "bottom", "left"].filter(side =>
      parseFloat(style.getPropertyValue(`border-${side}-width`)) >= 1
      && !["none", "hidden"].includes(style.getPropertyValue(`border-${side}-style`))
      && !/^rgba\(.*,\s*0\)$|^transparent$/.test(style.getPropertyValue(`border-${side}-color`))
      && style.getPropertyValue(`border-${side}-color`) !== style.backgroundColor);
    return {alert: describe(alert), visible_sides: sides};
  });
  const buttons = [...(root.matches("button") ? [root] : []),
                   ...root.querySelectorAll("button")];
  return {alerts: alertSides, buttons: buttons
    .filter(b => b.getClientRects().length && getComputedStyle(b).visibility === "visible"
      && !outsideOpenTrap(b))
    .map(b => {
      const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      const boxes = [];
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(text);
        boxes.push(...range.getClientRects());
      }
      if (!boxes.length) boxes.push(b.getBoundingClientRect());
      const left = Math.min(...boxes.map(r => r.left)), top = Math.min(...boxes.map(r => r.top));
      const right = Math.max(...boxes.map(r => r.right));
      const bottom = Math.max(...boxes.map(r => r.bottom));
      return {button: describe(b),
              box: [left + scrollX, top + scrollY, right - left, bottom - top]};
    })};
}
return window.__uswdsStillRoots.map(alertsAndButtons);
"""
)


def _call(script: str, *arguments: str) -> str:
    """A JS expression: `script`, a function body, called with these JS expressions."""
    return f"(function () {{ {script} }}).apply(null, [{', '.join(arguments)}])"


def run_on(driver: Any, script: str, root_expression: str, *args: Any) -> Any:
    """Run `script` with the element `root_expression` evaluates to as arguments[0] and `args`
    (JSON-able) after it, in one round trip."""
    return devtools(driver).run(f"return {_call(script, root_expression, '...arguments')};", *args)


def emulate_media(driver: Any, **features: str) -> None:
    """Emulate CSS media features, e.g. forced_colors="active"; none given restores them."""
    devtools(driver).send(
        "Emulation.setEmulatedMedia",
        {
            "media": "",
            "features": [
                {"name": name.replace("_", "-"), "value": value} for name, value in features.items()
            ],
        },
    )


@contextlib.contextmanager
def media(driver: Any, **features: str) -> Iterator[None]:
    emulate_media(driver, **features)
    try:
        yield
    finally:
        emulate_media(driver)


def long_motion(driver: Any, root_expression: str) -> list[str]:
    """Transitions and animations longer than MOTION_ALLOWANCE on the component's elements
    (and their ::before/::after) under prefers-reduced-motion: reduce."""
    with media(driver, prefers_reduced_motion="reduce"):
        return run_on(driver, _LONG_MOTION, root_expression, MOTION_ALLOWANCE)


@dataclass(frozen=True)
class Reflow:
    """The component at one viewport: does it push the page sideways, is any text clipped.

    `document_width` is the whole page's scroll width, for the record: on a preview page the
    heading above the component counts in it too.
    """

    viewport: str
    client_width: int
    document_width: int
    past_edge: list[str]
    clipped: list[str]

    @property
    def scrolls_sideways(self) -> bool:
        return bool(self.past_edge)

    def describe(self) -> str:
        lines = [
            f"{self.viewport}: viewport {self.client_width} px, document {self.document_width} px"
        ]
        lines += [f"  past the edge: {item}" for item in self.past_edge]
        lines += [f"  clipped: {item}" for item in self.clipped]
        return "\n".join(lines)


def _at_viewports(
    driver: Any,
    root_expressions: list[str],
    viewports: dict[str, tuple[int, float]],
    *,
    motion: bool,
) -> list[tuple[dict[str, list[str]], list[Reflow]]]:
    """For each root: reflow at each viewport and, if `motion`, long motion at each and at the
    window's own size (finding -> the viewports it was found at). Each viewport is set once for
    all roots; it is restored after."""
    tools = devtools(driver)
    roots = f"const roots = [{', '.join(root_expressions)}];"
    motion_call = _call(_LONG_MOTION, "root", repr(MOTION_ALLOWANCE)) if motion else "[]"
    first = tools.run(
        f"{roots} return {{width: innerWidth, motion: roots.map(root => {motion_call})}};"
    )
    found_motion: list[dict[str, list[str]]] = [{} for _ in root_expressions]
    results: list[list[Reflow]] = [[] for _ in root_expressions]

    def note(motion_found: list[list[str]], viewport: str) -> None:
        for found, findings in zip(found_motion, motion_found, strict=True):
            for finding in findings:
                found.setdefault(finding, []).append(viewport)

    note(first["motion"], f"{first['width']} px window")
    try:
        for label, (width, scale) in viewports.items():
            tools.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 900, "deviceScaleFactor": scale, "mobile": False},
            )
            found = tools.run(
                f"{roots} return roots.map(root => "
                f"({{reflow: {_call(_REFLOW, 'root')}, motion: {motion_call}}}));"
            )
            note([each["motion"] for each in found], label)
            for reflows, each in zip(results, found, strict=True):
                reflows.append(
                    Reflow(
                        viewport=label,
                        client_width=each["reflow"]["client_width"],
                        document_width=each["reflow"]["document_width"],
                        past_edge=each["reflow"]["past_edge"],
                        clipped=each["reflow"]["clipped"],
                    )
                )
    finally:
        tools.send("Emulation.clearDeviceMetricsOverride")
        # The override is lifted asynchronously; the next page must not see the narrow viewport.
        wait_until(
            driver,
            lambda _: tools.run("return innerWidth") == first["width"],
            5,
            f"the viewport to return to {first['width']} px wide after the emulated widths",
            seen=lambda _: f"innerWidth {tools.run('return innerWidth')}",
        )
    return list(zip(found_motion, results, strict=True))


def reflow(
    driver: Any, root_expression: str, viewports: dict[str, tuple[int, float]]
) -> list[Reflow]:
    """Measure the component at each viewport: label -> (width in CSS px, device scale). A
    1280 px window at 200% zoom is 640 CSS px at scale 2. The viewport is restored after."""
    return _at_viewports(driver, [root_expression], viewports, motion=False)[0][1]


def motion_and_reflow(
    driver: Any, root_expression: str, viewports: dict[str, tuple[int, float]]
) -> tuple[list[str], list[Reflow]]:
    """long_motion() at the window's size and at each viewport, and reflow() at each, with
    reduced motion emulated once for all: every media change restyles the whole page, and a
    transition may belong to one layout only (a mobile menu's, say)."""
    return motion_and_reflow_each(driver, [root_expression], viewports)[0]


def motion_and_reflow_each(
    driver: Any, root_expressions: list[str], viewports: dict[str, tuple[int, float]]
) -> list[tuple[list[str], list[Reflow]]]:
    """motion_and_reflow() for each of several roots on one page, each mode set once for all."""
    with media(driver, prefers_reduced_motion="reduce"):
        found = _at_viewports(driver, root_expressions, viewports, motion=True)
    return [
        ([f"{finding} (at {', '.join(where)})" for finding, where in motion.items()], results)
        for motion, results in found
    ]


@dataclass(frozen=True)
class ForcedColors:
    """What stays visible with forced-colors: active."""

    alerts: list[dict[str, Any]] = field(default_factory=list)  # alert, visible_sides
    buttons: list[dict[str, Any]] = field(default_factory=list)  # button, ink_pixels (its text)
    focus: list[FocusEvidence] = field(default_factory=list)


def ink_pixels(image: Image.Image) -> int:
    """Pixels that differ from the image's most common colour (its background) by more than
    CHANNEL_THRESHOLD in some channel: the text and lines drawn on it."""
    colours: list[tuple[int, Any]] | None = image.getcolors(maxcolors=image.width * image.height)
    assert colours is not None  # maxcolors is every pixel
    background = max(colours)[1]
    return sum(
        count
        for count, colour in colours
        if max(abs(a - b) for a, b in zip(colour, background, strict=True)) > CHANNEL_THRESHOLD
    )


def forced_colors(
    driver: Any, root_expression: str, *, focus_limit: int | None = None
) -> ForcedColors:
    """Alerts' borders, buttons' ink and the focus indicator of the first `focus_limit`
    focusable elements (all if None), with forced colours emulated."""
    with media(driver, forced_colors="active"), still_page(driver, root_expression) as still:
        return forced_colors_here(driver, still, focus_limit=focus_limit)[0]


def _label_clip(box: list[float], area: tuple[int, int]) -> Clip:
    """A button label's box (left, top, width, height), whole pixels, kept on the page."""
    left, top = max(0, round(box[0])), max(0, round(box[1]))
    right = min(area[0], max(left + 1, round(box[0] + box[2])))
    bottom = min(area[1], max(top + 1, round(box[1] + box[3])))
    return left, top, max(1, right - left), max(1, bottom - top)


def forced_colors_here(
    driver: Any, still: StillPage, *, focus_limit: int | None = None
) -> list[ForcedColors]:
    """forced_colors() for each of the still page's roots, with forced colours already
    emulated: one reference screenshot and one focus check serve them all."""
    found = devtools(driver).run(_ALERTS_AND_BUTTONS)
    limits = [
        count if focus_limit is None else min(count, focus_limit) for count in still.focusables
    ]
    chosen = choose(driver, still, limits)
    labels = [
        [_label_clip(button["box"], still.area) for button in each["buttons"]] for each in found
    ]
    everything = [label for each in labels for label in each]
    if not chosen.clips and not everything:
        return [ForcedColors(alerts=each["alerts"]) for each in found]
    # One set of screenshots for the buttons' labels and the focus checks' regions.
    unfocused = reference(driver, chosen, also=everything)
    focus = (
        focus_checks(driver, still, chosen, unfocused)
        if chosen.clips
        else [[] for _ in still.focusables]
    )
    return [
        ForcedColors(
            alerts=each["alerts"],
            buttons=[
                {"button": button["button"], "ink_pixels": ink_pixels(unfocused.crop(label))}
                for button, label in zip(each["buttons"], own_labels, strict=True)
            ],
            focus=own_focus,
        )
        for each, own_labels, own_focus in zip(found, labels, focus, strict=True)
    ]


__all__ = [
    "MIN_CHANGED_PIXELS",
    "ForcedColors",
    "Reflow",
    "emulate_media",
    "forced_colors",
    "forced_colors_here",
    "ink_pixels",
    "long_motion",
    "media",
    "motion_and_reflow",
    "motion_and_reflow_each",
    "reflow",
    "run_on",
]
