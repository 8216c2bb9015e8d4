"""Step indicator rules: two steps or more, exactly one current, no blank label or heading.

The heading's counter ("Step 3 of 5") is the current step's position, so there must be exactly
one step with `status="current"`; the heading text defaults to that step's label.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError

COMPONENT = "step_indicator"


def current_index(steps: list[dict[str, Any]]) -> int:
    current = [index for index, step in enumerate(steps) if step["status"] == "current"]
    if len(current) != 1:
        raise ComponentError(
            COMPONENT,
            "steps",
            f'needs exactly one step with status="current", got {len(current)}',
        )
    return current[0]


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    steps = params["steps"]
    if len(steps) < 2:
        raise ComponentError(
            COMPONENT, "steps", "needs at least two steps: one step is not a process"
        )
    for index, step in enumerate(steps):
        if not step["label"].strip():
            raise ComponentError(COMPONENT, f"steps[{index}].label", "is empty")
    heading = params["heading"]
    if heading is not None and not heading.strip():
        raise ComponentError(
            COMPONENT, "heading", "is empty: leave it out to use the current step's label"
        )
    index = current_index(steps)
    return {
        **params,
        "current_step": index + 1,
        "heading_text": steps[index]["label"] if heading is None else heading,
    }
