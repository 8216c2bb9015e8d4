"""What `uswds-components check` is pointed at: folders, .html files and localhost URLs.

No selenium here: usage errors are found before the browser (or the test extra) is needed.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
PAGE_SUFFIXES = (".html", ".htm")


class UsageError(ValueError):
    """A target the checker refuses or cannot find: exit code 2, not a failed page."""


@dataclass(frozen=True)
class Page:
    """One page to check: a URL as given, or a file served from `folder` at `path`."""

    label: str
    url: str | None = None
    folder: Path | None = None
    path: str = ""


def is_url(target: str) -> bool:
    return "://" in target


def check_local_url(url: str) -> str:
    """The URL if it is http(s) on this machine; the checker is for local builds."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UsageError(f"{url}: only http:// and https:// URLs can be checked")
    if parts.hostname not in LOCAL_HOSTS:
        raise UsageError(
            f"{url}: the checker is for local builds and only opens 127.0.0.1 or localhost. "
            "Serve the site locally, or point the checker at the folder of built HTML."
        )
    return url


def _excluded(names: Iterable[str], patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for name in names for pattern in patterns)


def collect_pages(targets: Sequence[str], exclude: Sequence[str] = ()) -> list[Page]:
    """Every page the targets name, in order, each file once; raises UsageError.

    A folder contributes each .html/.htm file below it (sorted), served with the folder as the
    site root; a single file is served from its own folder. `exclude` globs match a page's path
    relative to its folder, or its label; `*` crosses `/`.
    """
    pages: list[Page] = []
    seen: set[Path] = set()
    for target in targets:
        if is_url(target):
            url = check_local_url(target)
            if not _excluded([url], exclude):
                pages.append(Page(label=url, url=url))
            continue
        path = Path(target)
        if path.is_dir():
            files = sorted(
                file
                for file in path.rglob("*")
                if file.suffix.lower() in PAGE_SUFFIXES and file.is_file()
            )
            if not files:
                raise UsageError(f"{target}: no .html pages in this folder")
            prefix = "" if len(targets) == 1 else f"{target.rstrip('/')}/"
            for file in files:
                relative = file.relative_to(path).as_posix()
                label = prefix + relative
                if file.resolve() in seen or _excluded([relative, label], exclude):
                    continue
                seen.add(file.resolve())
                pages.append(Page(label=label, folder=path.resolve(), path=relative))
        elif path.is_file():
            if path.suffix.lower() not in PAGE_SUFFIXES:
                raise UsageError(f"{target}: not an .html file")
            if path.resolve() in seen or _excluded([path.name, target], exclude):
                continue
            seen.add(path.resolve())
            pages.append(Page(label=target, folder=path.resolve().parent, path=path.name))
        else:
            raise UsageError(f"{target}: no such file or folder")
    if not pages:
        raise UsageError("no pages left to check: --exclude matched every page")
    return pages
