"""Textarea rules: the shared label, hint and error wiring (components/fields.py)."""

from __future__ import annotations

from typing import Any

from ..fields import prepare_control

COMPONENT = "textarea"


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    return prepare_control(COMPONENT, params)
