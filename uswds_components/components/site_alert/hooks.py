"""The site alert follows the alert's body rules: one place for them, in alert/hooks.py."""

from __future__ import annotations

from typing import Any

from ..alert.hooks import check_body, refuse_blank


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_body("site_alert", params)
    refuse_blank("site_alert", params, "label")
    return params
