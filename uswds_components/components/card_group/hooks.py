"""Each card of the group follows the card's own rules (card/hooks.py), named `items[i]`."""

from __future__ import annotations

from typing import Any

from ..card.hooks import check_card

COMPONENT = "card_group"


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    for index, item in enumerate(params["items"]):
        check_card(item, COMPONENT, f"items[{index}].")
    return params
