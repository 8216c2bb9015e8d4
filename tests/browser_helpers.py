"""Loading a preview page in Chromium and waiting until USWDS's JS has started."""

from __future__ import annotations

from typing import Any

from selenium.common.exceptions import (
    ElementNotInteractableException,
    NoSuchElementException,
    TimeoutException,
)
from selenium.webdriver.common.keys import Keys

from uswds_components.testing import open_uswds_page, wait_until
from uswds_components.testing.devtools import devtools


def open_page(driver: Any, url: str) -> None:
    driver.get_log("browser")  # drop messages from earlier pages
    open_uswds_page(driver, url)


# Resolves once no finite animation or transition has played for three polls in a row (75 ms):
# USWDS starts some after a timer (the tooltip's fade, 20 ms after focus). False after 3 s.
_COME_TO_REST = """
const done = arguments[arguments.length - 1];
const moving = () => document.getAnimations().some(a => a.playState === "running"
  && a.effect && a.effect.getComputedTiming().endTime !== Infinity);
const start = performance.now();
let quiet = 0;
const poll = () => {
  quiet = moving() ? 0 : quiet + 1;
  if (quiet >= 3) done(true);
  else if (performance.now() - start > 3000) done(false);
  else setTimeout(poll, 25);
};
setTimeout(poll, 25);
"""


# Find what a click at the element's centre would hit, as chromedriver does before a click:
# scrolled into view, rendered, and not covered by another element (a label may take its
# control's click). Returns the point, or why it cannot be clicked.
_CLICK_POINT = """
const [selector] = arguments;
const el = document.querySelector(selector);
if (!el) return {missing: `no element matches ${selector}`};
el.scrollIntoView({block: "center", inline: "center"});
const box = el.getClientRects()[0];
if (!box) return {error: `${selector} is not rendered`};
const x = box.left + box.width / 2, y = box.top + box.height / 2;
const hit = document.elementFromPoint(x, y);
const own = hit && (el.contains(hit) || [...(el.labels || [])].some(label => label.contains(hit)));
return own ? {x, y} : {error: `${selector} is covered by ${hit?.outerHTML.slice(0, 100)}`};
"""
# Transitions and animations play this many times faster while states are reached: the
# final state is the same, and a mobile menu slides in within ~15 ms rather than 300.
STATE_PLAYBACK_RATE = 20


def click_all(driver: Any, selectors: tuple[str, ...]) -> None:
    """Click each selector in turn, waiting after each click for what it set moving to come to
    rest: the next button may still be sliding in (a mobile menu's), and axe mid-fade would
    measure a colour that is not the final one.

    The clicks are real mouse events from the browser's input pipeline, as chromedriver sends,
    over the page's own DevTools socket (a chromedriver click costs ~80 ms, this ~10 ms)."""
    if not selectors:
        return
    tools = devtools(driver)
    tools.send("Animation.enable")
    tools.send("Animation.setPlaybackRate", {"playbackRate": STATE_PLAYBACK_RATE})
    try:
        for index, selector in enumerate(selectors):
            found = tools.run(_CLICK_POINT, selector)
            clicked = selectors[: index + 1]
            if "missing" in found:
                raise NoSuchElementException(found["missing"])
            if "error" in found:  # what chromedriver raises for the same
                raise ElementNotInteractableException(f"cannot click: {found['error']}")
            for event in ("mousePressed", "mouseReleased"):
                tools.send(
                    "Input.dispatchMouseEvent",
                    {"type": event, "x": found["x"], "y": found["y"], "button": "left",
                     "clickCount": 1},
                )  # fmt: skip
            assert driver.execute_async_script(_COME_TO_REST), f"still animating after {clicked}"
    finally:
        tools.send("Animation.setPlaybackRate", {"playbackRate": 1})
        tools.send("Animation.disable")


# Each selenium key: (DOM key, DOM code, Windows virtual key code, text it types).
_KEY_EVENTS = {
    Keys.TAB: ("Tab", "Tab", 9, ""),
    Keys.ENTER: ("Enter", "Enter", 13, "\r"),
    Keys.SPACE: (" ", "Space", 32, " "),
    Keys.ESCAPE: ("Escape", "Escape", 27, ""),
    Keys.BACKSPACE: ("Backspace", "Backspace", 8, ""),
    Keys.DELETE: ("Delete", "Delete", 46, ""),
    Keys.END: ("End", "End", 35, ""),
    Keys.HOME: ("Home", "Home", 36, ""),
    Keys.ARROW_LEFT: ("ArrowLeft", "ArrowLeft", 37, ""),
    Keys.ARROW_UP: ("ArrowUp", "ArrowUp", 38, ""),
    Keys.ARROW_RIGHT: ("ArrowRight", "ArrowRight", 39, ""),
    Keys.ARROW_DOWN: ("ArrowDown", "ArrowDown", 40, ""),
}
# Modifiers, as selenium holds them: from where they appear to the end of the sequence.
_MODIFIERS = {
    Keys.SHIFT: ("Shift", "ShiftLeft", 16, 8),
    Keys.CONTROL: ("Control", "ControlLeft", 17, 2),
}


def _key_event(kind: str, key: str, code: str, key_code: int, modifiers: int, text: str) -> dict:
    event = {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": key_code}
    event["modifiers"] = modifiers
    if text and kind == "keyDown":
        event["text"] = event["unmodifiedText"] = text
    return event


def press(driver: Any, *keys: str) -> None:
    """Press `keys` in the focused element, as selenium's send_keys on it would: each key down
    and up, a modifier (Shift, Control) held from where it appears to the end, other text typed
    a character at a time. The events go through the browser's input pipeline, as
    chromedriver's do, over the page's own DevTools socket (~3 ms a key, not ~50)."""
    tools = devtools(driver)
    modifiers, held = 0, []
    for key in "".join(keys):
        if key in _MODIFIERS:
            name, code, key_code, flag = _MODIFIERS[key]
            modifiers |= flag
            held.append((name, code, key_code, flag))
            tools.send(
                "Input.dispatchKeyEvent",
                _key_event("rawKeyDown", name, code, key_code, modifiers, ""),
            )
            continue
        if key in _KEY_EVENTS:
            name, code, key_code, text = _KEY_EVENTS[key]
        elif key.isprintable() and len(key) == 1:
            upper = key.upper()
            code = f"Key{upper}" if upper.isalpha() and upper.isascii() else ""
            # Letters and digits share their code with the key; another code (46 for ".")
            # would be a different key (Delete): those get none, and their text alone.
            key_code = ord(upper) if upper.isalnum() and upper.isascii() else 0
            name, text = key, key
        else:
            raise ValueError(f"press() has no key event for {key!r}")
        down = "keyDown" if text else "rawKeyDown"
        tools.send(
            "Input.dispatchKeyEvent", _key_event(down, name, code, key_code, modifiers, text)
        )
        tools.send(
            "Input.dispatchKeyEvent", _key_event("keyUp", name, code, key_code, modifiers, "")
        )
    for name, code, key_code, flag in reversed(held):
        modifiers &= ~flag
        up = _key_event("keyUp", name, code, key_code, modifiers, "")
        tools.send("Input.dispatchKeyEvent", up)


def console_errors(driver: Any) -> list[str]:
    """Errors the page logged: USWDS's JS reports broken markup here, not to axe."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def open_without_scripts(driver: Any, base_url: str, gallery_dir: Any, example_id: str) -> None:
    """Open the gallery preview of `example_id` ("banner/default") with every script removed:
    what a visitor without JS gets."""
    component, name = example_id.split("/")
    page = (gallery_dir / component / f"{name}.html").read_text(encoding="utf-8")
    stripped = "\n".join(line for line in page.splitlines() if "<script" not in line)
    assert stripped != page, f"{example_id}'s page has no script to remove"
    (gallery_dir / component / f"_test-no-js-{name}.html").write_text(stripped, encoding="utf-8")
    driver.get(f"{base_url}/{component}/_test-no-js-{name}.html")


def eventually(driver: Any, condition: Any, seconds: float = 3) -> bool:
    """True once `condition()` holds (a menu or dialog animating in), False after `seconds`."""
    try:
        wait_until(driver, lambda _: condition(), seconds, "the condition to hold")
    except TimeoutException:
        return False
    return True


# USWDS draws each accordion button's icon as `url(icon), linear-gradient(transparent,
# transparent)`: axe cannot see through a gradient, so it leaves the buttons' contrast incomplete,
# and the accordion's examples opt out of color-contrast in the shared axe run. Whoever runs
# color-contrast over an accordion (test_accordion_browser, test_example_pages) runs this first:
# it sets the background images aside once they are shown to be only the transparent gradient and
# an icon that sits in the button's padding, clear of the text, and returns what it found wrong.
SET_ASIDE_ACCORDION_ICONS = """
const problems = [];
for (const button of document.querySelectorAll(".usa-accordion__button:not(.usa-banner__button)")) {
  const image = getComputedStyle(button).backgroundImage;
  const layers = image.split(/,\\s*(?=url\\(|linear-gradient\\()/);
  for (const layer of layers) {
    if (layer.startsWith("linear-gradient(") &&
        layer !== "linear-gradient(rgba(0, 0, 0, 0), rgba(0, 0, 0, 0))") {
      problems.push(button.textContent.trim() + ": " + layer);
    }
  }
  const box = button.getBoundingClientRect();
  const text = document.createRange();
  text.selectNodeContents(button);
  const textBox = text.getBoundingClientRect();
  const style = getComputedStyle(button);
  const iconStart = box.right - parseFloat(style.paddingRight);
  const iconEnd = box.left + parseFloat(style.paddingLeft);
  if (textBox.right > iconStart + 0.5 || textBox.left < iconEnd - 0.5) {
    problems.push(button.textContent.trim() + ": text runs into the padding holding the icon");
  }
  button.style.backgroundImage = "none";
}
return problems;
"""


# The whole page but the extended header's empty search field: USWDS lays it over the navbar's
# box, and axe leaves its contrast incomplete ("overlapped") with nothing drawn over it. The same
# small search form is checked in full in the search component's own examples.
WHOLE_PAGE = {"include": [["html"]], "exclude": [[".usa-header--extended .usa-search input"]]}


# USWDS draws the select's arrow as `background-image: url(…unfold_more…)`, placed at the right
# edge: axe cannot see through an image, so it leaves the text's contrast incomplete, and the
# select's examples opt out of color-contrast in the shared axe run. Whoever runs color-contrast
# over a select (test_select_browser, the form journeys) runs this first: it sets the image aside
# once it is shown to be one icon inside the right padding, and returns what it found wrong.
SET_ASIDE_SELECT_ARROWS = """
const problems = [];
for (const select of document.querySelectorAll(".usa-select")) {
  const style = getComputedStyle(select);
  const layers = style.backgroundImage.split(/,\\s*(?=url\\()/);
  if (layers.length !== 1 || !layers[0].startsWith("url(")) problems.push(style.backgroundImage);
  const box = select.getBoundingClientRect();
  const right = parseFloat(style.paddingRight);
  const size = parseFloat(style.backgroundSize) || 0;
  if (size > right) problems.push(`arrow ${size}px wider than the padding ${right}px`);
  select.style.backgroundImage = "none";
  if (box.width <= right) problems.push("no room for text");
}
return problems;
"""
