"""Fieldset rules: a legend that says something, an id for the hint's and error's ids, and
the group wiring of components/fields.py (hint and error on the fieldset's aria-describedby)."""

from __future__ import annotations

from typing import Any

from ..fields import check_not_blank, wire

COMPONENT = "fieldset"


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_not_blank(COMPONENT, params, ("legend", "html"))
    return {**params, "field": wire(COMPONENT, params, group=True)}
