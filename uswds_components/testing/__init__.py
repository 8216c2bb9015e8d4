"""Browser and axe helpers for testing pages in headless Chromium (needs the `test` extra)."""

from .axe import AXE_TAGS, AxeError, AxeResult, preload_axe, run_axe
from .browser import BrowserMissing, start_chromium
from .server import serve_directory

__all__ = [
    "AXE_TAGS",
    "AxeError",
    "AxeResult",
    "BrowserMissing",
    "preload_axe",
    "run_axe",
    "serve_directory",
    "start_chromium",
]
