"""The href allow-list shared by every component."""

from __future__ import annotations

import re

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Browsers drop ASCII tab and newlines anywhere in a URL and trim C0 controls and spaces at both
# ends, so "java\tscript:" runs as "javascript:". Look at the URL the way the browser will.
_DROPPED_ANYWHERE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_TRIMMED = "".join(map(chr, range(0x21)))  # C0 controls and space
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def unsafe_url_reason(url: str) -> str | None:
    """Why `url` may not be used as an href, or None when it is allowed.

    Allowed: http, https, mailto, tel, and relative references (paths, queries, fragments).
    """
    candidates = {url}
    if "&" in url:  # else html.unescape returns it unchanged; html.entities is slow to import
        from html import unescape

        candidates.add(unescape(url))
    for candidate in candidates:
        cleaned = _DROPPED_ANYWHERE.sub("", candidate).strip(_TRIMMED)
        if _CONTROL.search(cleaned):
            return "control characters are not allowed in a URL"
        match = _SCHEME.match(cleaned)
        if match and match.group(1).lower() not in ALLOWED_SCHEMES:
            allowed = ", ".join(sorted(ALLOWED_SCHEMES))
            return f"scheme {match.group(1)!r} is not allowed (allowed: {allowed}, or relative)"
    return None
