"""PNG screenshots of each preview, clipped to the component, in default and forced colors.

Chromium draws them through CDP (Page.captureScreenshot with a clip at scale 1), so they are
1x and hold the component with a small margin, not the whole viewport.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..registry import get_spec
from ..spec import Example
from .progress import Progress

MARGIN = 12
FORCED_COLORS = [{"name": "forced-colors", "value": "active"}]

# The component's box: for "top" placement every element before <main>, for "bottom" every
# element after it, otherwise every element in <main> after its <h1>. Invisible boxes (USWDS's
# closed overlay covers the viewport) are left out. A component that is all off-screen until
# focused (the skip link) is focused first.
_COMPONENT_BOX = """
const placement = arguments[0];
const main = document.getElementById('main-content');
const siblings = [...document.body.children];
let nodes = placement === 'top' ? siblings.slice(0, siblings.indexOf(main))
  : placement === 'bottom' ? siblings.slice(siblings.indexOf(main) + 1)
  : [...main.children].slice(1);
nodes = nodes.filter(n => n.tagName !== 'SCRIPT');
function box(list) {
  let top = Infinity, left = Infinity, bottom = -Infinity, right = -Infinity;
  for (const node of list) {
    const style = getComputedStyle(node);
    const hidden = style.visibility === 'hidden' || style.display === 'none';
    if (hidden || style.opacity === '0') continue;
    const r = node.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.right + scrollX <= 0 || r.bottom + scrollY <= 0) continue;
    top = Math.min(top, r.top); left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.bottom); right = Math.max(right, r.right);
  }
  return top === Infinity ? null
    : {x: left + scrollX, y: top + scrollY, width: right - left, height: bottom - top};
}
const focus = arguments[1];
if (focus) {
  const focusable = nodes[0].matches('a, button, [tabindex]') ? nodes[0]
    : nodes[0].querySelector('a, button, [tabindex]');
  if (focusable) focusable.focus();
}
return box(nodes);
"""
# USWDS slides the focused skip link in with a 0.15 s transition.
_TRANSITION_SECONDS = 0.4


def screenshot_paths(out: Path, example: Example) -> tuple[Path, Path]:
    """Where the default and forced-colors PNGs of `example` go under `out`."""
    folder = out / example.component
    return folder / f"{example.name}.png", folder / f"{example.name}.forced-colors.png"


def _capture(driver: Any, placement: str) -> bytes:
    found = driver.execute_script(_COMPONENT_BOX, placement, False)
    if not found:
        driver.execute_script(_COMPONENT_BOX, placement, True)
        time.sleep(_TRANSITION_SECONDS)
        found = driver.execute_script(_COMPONENT_BOX, placement, False)
    if not found:
        raise RuntimeError("the component has no visible box to capture")
    width, height = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    x = max(0, int(found["x"]) - MARGIN)
    y = max(0, int(found["y"]) - MARGIN)
    clip = {
        "x": x,
        "y": y,
        "width": min(width, int(found["x"] + found["width"]) + MARGIN) - x,
        "height": min(height, int(found["y"] + found["height"]) + MARGIN) - y,
        "scale": 1,
    }
    if clip["width"] < 1 or clip["height"] < 1:  # Chromium never answers an empty clip
        raise RuntimeError(f"the component's box is empty: {clip}")
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True}
    )
    return base64.b64decode(shot["data"])


def take_screenshots(
    driver: Any,
    base_url: str,
    examples: Iterable[Example],
    destination: Callable[[Example], tuple[Path, Path | None]],
    progress: Progress | None = None,
) -> list[Path]:
    """Capture each example; `destination` gives its default path and its forced-colors path
    (None for none). Returns the files written."""
    from ..testing import open_uswds_page

    written = []
    for example in examples:
        if progress:
            progress.step(example.id)
        default_path, forced_path = destination(example)
        placement = get_spec(example.component).preview_placement
        url = f"{base_url}/{example.component}/{example.name}.html"
        open_uswds_page(driver, url)
        default_path.parent.mkdir(parents=True, exist_ok=True)
        default_path.write_bytes(_capture(driver, placement))
        written.append(default_path)
        if forced_path is not None:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": FORCED_COLORS})
            try:
                forced_path.write_bytes(_capture(driver, placement))
            finally:
                driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
            written.append(forced_path)
    return written


def gallery_screenshots(
    out: Path, examples: list[Example], driver: Any, progress: Progress | None = None
) -> list[Path]:
    """Default and forced-colors PNGs beside each preview page in the gallery at `out`."""
    from ..testing import serve_directory

    with serve_directory(out) as base_url:
        return take_screenshots(
            driver, base_url, examples, lambda e: screenshot_paths(out, e), progress
        )
