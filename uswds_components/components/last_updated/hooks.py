"""The date, formatted in the component's language; `date_format` is a small strftime subset.

Python's strftime names months and weekdays in the process locale (English under C), so `%B`,
`%b`, `%A` and `%a` are filled in here from the component's strings: Spanish gets “septiembre”.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from ...errors import ComponentError
from ...registry import get_spec

COMPONENT = "last_updated"
# `%-d`, `%-m`, `%-j`: glibc's "no padding" flag, e.g. "May 1, 2018" rather than "May 01, 2018".
_DIRECTIVE = re.compile(r"%(-?)(.?)")
_NUMERIC = {"d": "%d", "m": "%m", "y": "%y", "Y": "%Y", "j": "%j"}
_UNPADDED = frozenset({"d", "m", "j"})


def format_date(day: dt.date, pattern: str, strings: Mapping[str, Any]) -> str:
    """`day` written by `pattern`; an unknown directive is a ComponentError on `date_format`."""

    def directive(match: re.Match[str]) -> str:
        flag, code = match.groups()
        if code == "%" and not flag:
            return "%"
        if code in ("B", "b", "A", "a") and not flag:
            names = strings["months"] if code in "Bb" else strings["weekdays"]
            name = names[day.month - 1] if code in "Bb" else names[day.weekday()]
            return name if code.isupper() else name[:3]
        if code in _NUMERIC and (not flag or code in _UNPADDED):
            text = day.strftime(_NUMERIC[code])
            return (text.lstrip("0") or "0") if flag else text
        allowed = "%d %m %y %Y %j %B %b %A %a %% and %-d %-m %-j"
        raise ComponentError(
            COMPONENT,
            "date_format",
            f"unknown directive {match.group(0)!r} in {pattern!r} (a date takes {allowed})",
        )

    return _DIRECTIVE.sub(directive, pattern)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    strings = get_spec(COMPONENT).strings[params["lang"]]
    for name in ("label", "date_format"):
        value = params[name]
        if value is not None and not value.strip():
            raise ComponentError(COMPONENT, name, "is empty; leave it out (None) for the default")
    pattern = strings["date_format"] if params["date_format"] is None else params["date_format"]
    day = params["date"]
    time = Markup('<time datetime="{}">{}</time>').format(
        day.isoformat(), format_date(day, pattern, strings)
    )
    label = strings["label"] if params["label"] is None else params["label"]
    return {**params, "text_html": Markup("{}: {}").format(label, time)}
