"""Whole pages built from the components, shipped so a gallery built from the wheel links them.

Each page is a folder holding `page.toml` (its content and the layout's regions, with the
Spanish version's differences under `[es]`) and the template that extends the layout.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import create_environment
from .assets import copy_package_static, copy_uswds_assets

PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class ExamplePage:
    """One example page: where it lives, its template, and where the gallery puts it."""

    name: str  # the gallery's folder for it, e.g. "seed"
    heading: str  # what the gallery's index calls it
    description: str  # one sentence for the gallery's index
    folder: Path
    template: str

    def data(self, lang: str = "en") -> dict[str, Any]:
        """The page's content and regions, with the Spanish overrides applied for "es"."""
        with (self.folder / "page.toml").open("rb") as handle:
            data = tomllib.load(handle)
        translations = data.pop("es")
        data["lang"] = "en"
        if lang == "es":
            data.update(translations)
        return data

    def render(self, lang: str = "en", *, assets_prefix: str = "assets") -> Markup:
        """The page's HTML; assets are linked under `assets_prefix` (relative or absolute)."""
        env = create_environment(
            loader=jinja2.FileSystemLoader(self.folder),
            assets_url=f"{assets_prefix}/uswds",
            static_url=f"{assets_prefix}/uswds-components",
        )
        return Markup(env.get_template(self.template).render(self.data(lang)))

    def write(self, out: Path, assets_prefix: str) -> list[Path]:
        """index.html (English) and es/index.html (Spanish) in `out`, their assets linked under
        `assets_prefix` as seen from `out` (one folder deeper for the Spanish page)."""
        pages = [(out / "index.html", "en", assets_prefix)]
        pages.append((out / "es" / "index.html", "es", f"../{assets_prefix}"))
        for path, lang, prefix in pages:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(self.render(lang, assets_prefix=prefix), encoding="utf-8")
        return [path for path, _, _ in pages]

    def build(self, out: Path) -> list[Path]:
        """A self-contained folder: both pages and the USWDS and package assets beside them."""
        written = self.write(out, "assets")
        for path in written:
            print(f"wrote {path}", flush=True)
        copy_uswds_assets(out / "assets" / "uswds")
        copy_package_static(out / "assets" / "uswds-components")
        print(f"copied assets into {out / 'assets'}", flush=True)
        return written


SEED = ExamplePage(
    name="seed",
    heading="The seed page",
    description="DHS.gov's archived news release, rebuilt from these components.",
    folder=PACKAGE / "seed",
    template="article.html",
)
AGENCY_LANDING = ExamplePage(
    name="agency-landing",
    heading="An agency landing page",
    description=(
        "A program's landing page: hero, cards, news, FAQs, key facts, how to apply and a "
        "sortable table, in the extended header's shell."
    ),
    folder=PACKAGE / "agency_landing",
    template="page.html",
)
EXAMPLE_PAGES = (SEED, AGENCY_LANDING)
