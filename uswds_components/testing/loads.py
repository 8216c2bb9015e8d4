"""Requests of a page that failed: a stylesheet, script, font or image that answered 4xx/5xx
or never arrived. axe checks what it sees, so a page without its CSS mostly "passes" (missing
CSS showed up only as target-size); the checks fail such a page instead.

Chromium writes "<url> - Failed to load resource: ..." to the console for every failed request,
network errors included, with the URL and status: the session's console log (start_chromium
turns it on) is read after each check. The page's Resource Timing entries then say what asked
for each URL, so the page's own fetch/XHR calls (an API answering 404 on purpose) and the
favicon Chromium asks for by itself are left out. No selenium here.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

_FAILED = re.compile(
    r"^(?P<url>\S+) - Failed to load resource: (?:the server responded with a status of "
    r"(?P<status>\d+) \((?P<reason>[^)]*)\)|(?P<error>.+))$"
)
# Requests the page's scripts make: their errors are the scripts' to handle. "other" is what
# Chromium asks for by itself (the favicon).
_NOT_RESOURCES = frozenset({"fetch", "xmlhttprequest", "beacon", "other"})
_KINDS_BY_SUFFIX = {
    ".css": "stylesheet",
    ".js": "script",
    ".mjs": "script",
    ".woff2": "font",
    ".woff": "font",
    ".ttf": "font",
    ".otf": "font",
    ".eot": "font",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".gif": "image",
    ".svg": "image",
    ".webp": "image",
    ".avif": "image",
    ".ico": "image",
}
_KINDS_BY_INITIATOR = {
    "link": "stylesheet",
    "script": "script",
    "img": "image",
    "image": "image",
    "input": "image",
    "css": "file linked from CSS",
    "iframe": "frame",
}
# What asked for each failed URL (one URL may be asked for twice: axe fetches stylesheets again
# by XHR to read their rules), and when this document started (earlier console entries are a
# previous page's late requests).
_TIMING = """
const wanted = new Set(arguments[0]);
const initiators = {};
for (const entry of performance.getEntriesByType('resource')) {
  if (wanted.has(entry.name)) (initiators[entry.name] ||= []).push(entry.initiatorType);
}
return {initiators, timeOrigin: performance.timeOrigin, page: location.href};
"""
# Console timestamps and timeOrigin come from different clocks of one machine.
_CLOCK_SLACK_MS = 50
# Chromium may log a failed request before the page's timing list has its entry (seen with a
# script's fetch on a loaded machine): wait this long for entries before calling a URL the
# page's own. A network error (refused) never gets an entry, so this is paid only then.
_TIMING_WAIT_SECONDS = 0.5
_TIMING_POLL_SECONDS = 0.02


@dataclass(frozen=True)
class FailedRequest:
    """A resource the page asked for that did not load."""

    url: str
    kind: str  # stylesheet, script, font, image, file linked from CSS, frame, page, resource
    status: int | None  # the HTTP status; None for a network error (refused, blocked)
    error: str  # "HTTP 404 Not Found" or Chromium's net:: error

    def describe(self) -> str:
        return f"{self.kind} {self.url} failed to load: {self.error}"

    def as_json(self) -> dict[str, Any]:
        return {"url": self.url, "kind": self.kind, "status": self.status, "error": self.error}


def _kind(url: str, initiator: str | None, page: str) -> str:
    if url == page:
        return "page"
    path = urlsplit(url).path.lower()
    for suffix, kind in _KINDS_BY_SUFFIX.items():
        if path.endswith(suffix):
            return kind
    return _KINDS_BY_INITIATOR.get(initiator or "", "resource")


def forget_console(driver: Any) -> None:
    """Drop the console log so far: the next failed_requests() sees only what follows."""
    driver.get_log("browser")


def _timing(driver: Any, urls: list[str]) -> dict[str, Any]:
    """The page's timing entries for `urls`, waiting briefly for any still missing."""
    deadline = time.monotonic() + _TIMING_WAIT_SECONDS
    while True:
        timing = driver.execute_script(_TIMING, urls)
        unexplained = [
            url
            for url in urls
            if url not in timing["initiators"] and urlsplit(url).path != "/favicon.ico"
        ]
        if not unexplained or time.monotonic() >= deadline:
            return timing
        time.sleep(_TIMING_POLL_SECONDS)


def failed_requests(driver: Any) -> list[FailedRequest]:
    """The current page's failed requests since the last read of the console log (reading it
    empties it), each URL once, in the order they failed."""
    found: dict[str, tuple[int, int | None, str]] = {}  # url: (timestamp, status, error)
    for entry in driver.get_log("browser"):
        if entry.get("source") != "network":
            continue
        match = _FAILED.match(entry.get("message", ""))
        if not match or match["url"] in found:
            continue
        if match["status"]:
            status = int(match["status"])
            error = f"HTTP {status} {match['reason']}".strip()
        else:
            status, error = None, match["error"].strip()
        found[match["url"]] = (entry.get("timestamp", 0), status, error)
    if not found:
        return []
    timing = _timing(driver, list(found))
    failures = []
    for url, (timestamp, status, error) in found.items():
        initiators = timing["initiators"].get(url, [])
        wanted_by_page = [name for name in initiators if name not in _NOT_RESOURCES]
        if initiators and not wanted_by_page:
            continue
        initiator = wanted_by_page[0] if wanted_by_page else None
        if initiator is None and urlsplit(url).path == "/favicon.ico":
            continue  # asked for by Chromium, not the page; its timing entry may come later
        if timestamp and timestamp < timing["timeOrigin"] - _CLOCK_SLACK_MS:
            continue
        kind = _kind(url, initiator, timing["page"])
        failures.append(FailedRequest(url=url, kind=kind, status=status, error=error))
    return failures
