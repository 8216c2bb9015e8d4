"""Tooltip rules: a label and a tooltip that both say something, and say different things.

Without JS the tooltip's text is the trigger's accessible description through
`aria-description`; the `title` USWDS reads is kept for sighted mouse users. A tooltip that
repeats the label would be read twice (name, then description), and a blank one would show an
empty bubble: both are refused.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError

COMPONENT = "tooltip"


def check_texts(text: str, tooltip: str) -> None:
    if not text.strip():
        raise ComponentError(COMPONENT, "text", "is empty: it names the button or link")
    if not tooltip.strip():
        raise ComponentError(COMPONENT, "tooltip", "is empty: the tooltip would show nothing")
    if " ".join(tooltip.split()).casefold() == " ".join(text.split()).casefold():
        raise ComponentError(
            COMPONENT,
            "tooltip",
            "repeats the label: screen readers would read it twice; "
            "say something the label does not, or leave the tooltip out",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_texts(params["text"], params["tooltip"])
    return params
