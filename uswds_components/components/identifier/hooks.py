"""Identifier rules: one or two agencies, a logo per agency at most, each with alt text."""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not params["domain"].strip():
        raise ComponentError("identifier", "domain", "is empty")
    agencies = params["agencies"]
    if len(agencies) > 2:
        raise ComponentError(
            "identifier", "agencies", f"takes one or two agencies (USWDS), got {len(agencies)}"
        )
    for index, agency in enumerate(agencies):
        for key in ("name", "shortname"):
            value = agency[key]
            if value is not None and not value.strip():
                raise ComponentError("identifier", f"agencies[{index}].{key}", "is empty")
    logos = params["logos"]
    if len(logos) > len(agencies):
        raise ComponentError(
            "identifier",
            "logos",
            f"one logo per agency at most: {len(logos)} logos for {len(agencies)} agencies "
            "(each logo links to its agency)",
        )
    for index, logo in enumerate(logos):
        # The image is the link's only content: its alt text is the link's name.
        if not logo["alt"].strip():
            raise ComponentError(
                "identifier", f"logos[{index}].alt", "is empty; the logo is its link's only name"
            )
    for key, href in params["links"].items():
        if not href.strip():
            raise ComponentError("identifier", f"links.{key}", "is empty: every link is required")
    return params
