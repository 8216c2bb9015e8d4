"""Build the seed page, an archived DHS.gov news release, from uswds-components.

It ships in the package so that a gallery built from the wheel links it too.

    python -m uswds_components.seed.build [OUT]   (default build/examples/dhs_archived_news)

OUT is self-contained: index.html (English), es/index.html (Spanish furniture), and the USWDS and
uswds-components assets beside them, linked by relative paths, so any static server can serve it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from markupsafe import Markup

from uswds_components.example_pages import SEED

HERE = SEED.folder
DEFAULT_OUT = Path("build/examples/dhs_archived_news")


def page_data(lang: str = "en") -> dict[str, Any]:
    """The page's content and regions, with the Spanish overrides applied for `lang="es"`."""
    return SEED.data(lang)


def render_page(lang: str = "en", *, assets_prefix: str = "assets") -> Markup:
    """The seed page's HTML; assets are linked under `assets_prefix` (relative or absolute)."""
    return SEED.render(lang, assets_prefix=assets_prefix)


def build(out: Path = DEFAULT_OUT) -> list[Path]:
    """Write the English and Spanish pages and their assets into `out`."""
    return SEED.build(out)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
