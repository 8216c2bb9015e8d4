"""Card rules the spec cannot say: which params need which, and a linked card's one link.

A card linked as a whole (`href`) is one link, in its heading, stretched over the card by CSS. Any
other link or control inside it would sit under that link: a click on it could land on either,
and a screen reader hears a link inside a link. So a linked card refuses a footer `button` and
body `html` holding an interactive element. The card group checks each of its cards here too,
naming the param `items[2].button`.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import ComponentError

COMPONENT = "card"
# Elements and attributes that make something interactive (keyboard-focusable or clickable).
_INTERACTIVE = re.compile(
    r"<\s*(a|button|input|select|textarea|details|summary|iframe|audio|video|embed|object)\b"
    r"|\btabindex\s*=|\bcontenteditable\b",
    re.IGNORECASE,
)


def check_card(card: dict[str, Any], component: str = COMPONENT, prefix: str = "") -> None:
    """Raise ComponentError for a card whose params contradict one another."""

    def fail(name: str, message: str) -> ComponentError:
        return ComponentError(component, f"{prefix}{name}", message)

    if not card["heading"].strip():
        raise fail("heading", "is empty; every card needs a heading")
    if card["text"] is not None and card["html"] is not None:
        raise fail("html", "give text or html, not both")
    if card["image"] is None:
        for name in ("media", "flag"):
            if card[name] is not None:
                raise fail(name, "needs an image: give image={'src': …, 'alt': …}")
    elif not card["image"]["src"].strip():
        raise fail("image.src", "is empty; give the image's URL")
    button = card["button"]
    if button is not None and not button["text"].strip():
        raise fail("button.text", "is empty; say where the button goes")
    if card["href"] is None:
        return
    if not card["href"].strip():
        raise fail("href", "is empty; give the page the card links to, or leave it out")
    if button is not None:
        raise fail(
            "button",
            "a card linked as a whole (href) is one link: it cannot hold a footer button too. "
            "Leave out href and keep the button, or drop the button",
        )
    if card["html"] is not None and _INTERACTIVE.search(card["html"]):
        raise fail(
            "html",
            "a card linked as a whole (href) is one link: its body cannot hold links or "
            "controls. Leave out href, or give the body without them",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_card(params)
    return params
