"""The notice's message, built as Markup here so that the alert gets one safe `html` value.

Every piece that comes from the caller is escaped by `escape` or `Markup.format`; only our own
strings and the `<time>` element are markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from ...errors import ComponentError
from ...registry import get_spec
from ..alert.hooks import refuse_blank


def archived_on_html(strings: Mapping[str, Any], day: dt.date) -> Markup:
    """“This page was archived on <time datetime="2018-09-20">September 20, 2018</time>.”"""
    spoken = strings["date"].format(
        day=day.day, month=strings["months"][day.month - 1], year=day.year
    )
    time = Markup('<time datetime="{}">{}</time>').format(day.isoformat(), spoken)
    return escape(strings["archived_on"]).format(date=time)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    for name in ("site_name", "heading", "text", "html"):
        refuse_blank("archive_notice", params, name)
    if params["text"] is not None and params["html"] is not None:
        raise ComponentError("archive_notice", "html", "give text or html, not both")
    strings = get_spec("archive_notice").strings[params["lang"]]
    if params["html"] is not None:
        message = params["html"]
    elif params["text"] is not None:
        message = escape(params["text"])
    else:
        message = escape(strings["text"]).format(site_name=params["site_name"])
    if params["archived_on"] is not None:
        message = Markup("{} {}").format(message, archived_on_html(strings, params["archived_on"]))
    heading = strings["heading"] if params["heading"] is None else params["heading"]
    return {**params, "heading": heading, "message_html": message}
