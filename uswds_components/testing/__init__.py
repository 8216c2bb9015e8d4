"""Browser and axe helpers for testing pages in headless Chromium (needs the `check` extra).

Names load on first use, so `uswds_components.testing.cli` imports without selenium.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "AXE_TAGS": "axe",
    "AxeError": "axe",
    "AxeResult": "axe",
    "preload_axe": "axe",
    "run_axe": "axe",
    "run_axe_by_region": "axe",
    "BrowserMissing": "browser",
    "browser_paths": "browser",
    "FailedRequest": "loads",
    "failed_requests": "loads",
    "open_uswds_page": "browser",
    "start_chromium": "browser",
    "wait_until": "browser",
    "serve_directory": "server",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
