"""An HTML string served on 127.0.0.1, in front of the files it links: how axe_check loads HTML.

No selenium here.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..assets import PACKAGE_STATIC
from ..assets import path as assets_path
from ..environment import DEFAULT_ASSETS_URL, DEFAULT_STATIC_URL
from .server import serve_with

PAGE_NAME = "__axe_check__.html"
_DOCUMENT = re.compile(r"<!doctype|<html[\s>]", re.IGNORECASE)
_MAIN = re.compile(r"<main[\s>]", re.IGNORECASE)


class _LayeredHandler(http.server.SimpleHTTPRequestHandler):
    """Serves each request from the first layer (URL prefix, folder) that has the file."""

    def __init__(self, *args: Any, layers: Sequence[tuple[str, str]], **kwargs: Any) -> None:
        self.layers = layers  # set first: the base class handles the request in __init__
        super().__init__(*args, directory=layers[0][1], **kwargs)

    def translate_path(self, path: str) -> str:
        first_match = None
        for prefix, directory in self.layers:
            if not path.startswith(prefix):
                continue
            self.directory = directory
            candidate = super().translate_path(path[len(prefix) - 1 :])
            if os.path.exists(candidate):
                return candidate
            first_match = first_match or candidate
        self.directory = self.layers[0][1]
        return first_match or super().translate_path(path)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_layers(layers: Sequence[tuple[str, Path]]) -> Iterator[str]:
    """Serve folders stacked by URL prefix (each ending in `/`) on a free port of 127.0.0.1."""
    handler = functools.partial(
        _LayeredHandler, layers=[(prefix, str(folder)) for prefix, folder in layers]
    )
    with serve_with(handler) as url:
        yield url


def is_document(html: str) -> bool:
    """True for a whole page (a doctype or an <html> element), False for a fragment."""
    return bool(_DOCUMENT.search(html))


def as_document(html: str, *, uswds_assets: bool = False) -> str:
    """`html` itself if it is a whole page; else a minimal English page holding the fragment in
    <main> (unless it has its own), so axe does not report the wrapper's gaps (no lang, no
    title, content outside landmarks)."""
    if is_document(html):
        return html
    head = ""
    scripts = ""
    if uswds_assets:
        head = (
            f'<link rel="stylesheet" href="{DEFAULT_ASSETS_URL}/css/uswds.min.css">\n'
            f'<link rel="stylesheet" href="{DEFAULT_STATIC_URL}/uswds-components.css">\n'
            f'<script src="{DEFAULT_ASSETS_URL}/js/uswds-init.min.js"></script>\n'
        )
        scripts = f'<script src="{DEFAULT_ASSETS_URL}/js/uswds.min.js"></script>\n'
    body = html if _MAIN.search(html) else f"<main>\n{html}\n</main>"
    # The padding keeps text off the page's edges: there axe 4 files its contrast as
    # "incomplete" (elmPartiallyObscured), which counts as failing.
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<title>axe_check</title>\n<link rel="icon" href="data:,">\n'
        f"{head}<style>body {{ padding: 1rem 1rem 2rem; }}</style>\n</head>\n<body>\n"
        f"{body}\n{scripts}</body>\n</html>\n"
    )


@contextlib.contextmanager
def staged_page(
    html: str, *, base_dir: Path | None = None, uswds_assets: bool = False
) -> Iterator[str]:
    """Serve `html` at /__axe_check__.html; yields its URL.

    Other requests go to `base_dir` (the site root the page's links expect), then, with
    `uswds_assets`, to USWDS 3.14.0's dist/ at /assets/uswds and this package's static files at
    /assets/uswds-components: the page layout's default URLs.
    """
    with tempfile.TemporaryDirectory(prefix="uswds-axe-check-") as folder:
        Path(folder, PAGE_NAME).write_text(
            as_document(html, uswds_assets=uswds_assets), encoding="utf-8"
        )
        layers: list[tuple[str, Path]] = [("/", Path(folder))]
        if base_dir is not None:
            layers.append(("/", Path(base_dir)))
        if uswds_assets:
            layers.append((f"{DEFAULT_ASSETS_URL}/", assets_path()))
            layers.append((f"{DEFAULT_STATIC_URL}/", PACKAGE_STATIC))
        with serve_layers(layers) as base_url:
            yield f"{base_url}/{PAGE_NAME}"
