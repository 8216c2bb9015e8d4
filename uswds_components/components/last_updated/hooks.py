"""The date, formatted in the component's language; `date_format` is a small strftime subset.

Python's strftime names months and weekdays in the process locale (English under C), so `%B`,
`%b`, `%A` and `%a` are filled in here from the component's strings: Spanish gets “septiembre”.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from ...errors import ComponentError
from ...registry import get_spec

COMPONENT = "last_updated"
# `%-d`, `%-m`, `%-j`: glibc's "no padding" flag, e.g. "May 1, 2018" rather than "May 01, 2018".
_DIRECTIVE = re.compile(r"%(-?)(.?)")
_NUMERIC = {"d": "%d", "m": "%m", "y": "%y", "Y": "%Y", "j": "%j"}
_UNPADDED = frozenset({"d", "m", "j"})


_ALLOWED = "%d %m %y %Y %j %B %b %A %a %% and %-d %-m %-j"
# A compiled pattern: literal text, or (code, unpadded) for one directive.
_Piece = str | tuple[str, bool]


@functools.lru_cache(maxsize=256)
def _compile(pattern: str) -> tuple[_Piece, ...]:
    """`pattern` split into its literal text and directives, once per pattern (not per page)."""
    pieces: list[_Piece] = []
    end = 0
    for match in _DIRECTIVE.finditer(pattern):
        if match.start() > end:
            pieces.append(pattern[end : match.start()])
        end = match.end()
        flag, code = match.groups()
        if code == "%" and not flag:
            pieces.append("%")
        elif (code in ("B", "b", "A", "a") and not flag) or (
            code in _NUMERIC and (not flag or code in _UNPADDED)
        ):
            pieces.append((code, bool(flag)))
        else:
            # Raised on every call: lru_cache keeps results, never exceptions.
            raise ComponentError(
                COMPONENT,
                "date_format",
                f"unknown directive {match.group(0)!r} in {pattern!r} (a date takes {_ALLOWED})",
            )
    if end < len(pattern):
        pieces.append(pattern[end:])
    return tuple(pieces)


def format_date(day: dt.date, pattern: str, strings: Mapping[str, Any]) -> str:
    """`day` written by `pattern`; an unknown directive is a ComponentError on `date_format`."""
    parts = []
    for piece in _compile(pattern):
        if isinstance(piece, str):
            parts.append(piece)
            continue
        code, unpadded = piece
        if code in "BbAa":
            names = strings["months"] if code in "Bb" else strings["weekdays"]
            name = names[day.month - 1] if code in "Bb" else names[day.weekday()]
            parts.append(name if code.isupper() else name[:3])
        else:
            text = _number(day, code)
            parts.append((text.lstrip("0") or "0") if unpadded else text)
    return "".join(parts)


def _number(day: dt.date, code: str) -> str:
    """What `day.strftime(_NUMERIC[code])` gives, without its cost (about 2 µs a call)."""
    if code == "d":
        return f"{day.day:02d}"
    if code == "m":
        return f"{day.month:02d}"
    if code == "Y" and day.year >= 1000:
        return str(day.year)  # glibc leaves years before 1000 unpadded: strftime says how
    if code == "y":
        return f"{day.year % 100:02d}"
    return day.strftime(_NUMERIC[code])


def text_html(day: dt.date, params: dict[str, Any]) -> Markup:
    """ "Last Updated: <time datetime="YYYY-MM-DD">…</time>" for `day`, as `params` (checked)
    say it: the label and the text escaped, in one Markup (every page of a site makes one)."""
    strings = get_spec(COMPONENT).strings[params["lang"]]
    pattern = strings["date_format"] if params["date_format"] is None else params["date_format"]
    text = escape(format_date(day, pattern, strings))
    label = escape(strings["label"] if params["label"] is None else params["label"])
    # date's own isoformat (not a subclass's) writes digits and hyphens: nothing to escape.
    return Markup(f'{label}: <time datetime="{dt.date.isoformat(day)}">{text}</time>')


def per_page(day: dt.date, held: dict[str, Any]) -> Markup:
    """The page's date, the per-page slot: no rule reads it; the text is made from it."""
    return text_html(day, held)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    for name in ("label", "date_format"):
        value = params[name]
        if value is not None and not value.strip():
            raise ComponentError(COMPONENT, name, "is empty; leave it out (None) for the default")
    return {**params, "text_html": text_html(params["date"], params)}
