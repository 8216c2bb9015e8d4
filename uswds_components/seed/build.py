"""Build the seed page, an archived DHS.gov news release, from uswds-components.

It ships in the package so that a gallery built from the wheel links it too.

    python -m uswds_components.seed.build [OUT]   (default build/examples/dhs_archived_news)

OUT is self-contained: index.html (English), es/index.html (Spanish furniture), and the USWDS and
uswds-components assets beside them, linked by relative paths, so any static server can serve it.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from uswds_components import create_environment
from uswds_components.assets import copy_package_static, copy_uswds_assets

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = Path("build/examples/dhs_archived_news")


def page_data(lang: str = "en") -> dict[str, Any]:
    """The page's content and regions, with the Spanish overrides applied for `lang="es"`."""
    with (HERE / "page.toml").open("rb") as handle:
        data = tomllib.load(handle)
    translations = data.pop("es")
    data["lang"] = "en"
    if lang == "es":
        data.update(translations)
    return data


def render_page(lang: str = "en", *, assets_prefix: str = "assets") -> Markup:
    """The seed page's HTML; assets are linked under `assets_prefix` (relative or absolute)."""
    env = create_environment(
        loader=jinja2.FileSystemLoader(HERE),
        assets_url=f"{assets_prefix}/uswds",
        static_url=f"{assets_prefix}/uswds-components",
    )
    return Markup(env.get_template("article.html").render(page_data(lang)))


def build(out: Path = DEFAULT_OUT) -> list[Path]:
    """Write the English and Spanish pages and their assets into `out`."""
    pages = [(out / "index.html", "en", "assets"), (out / "es" / "index.html", "es", "../assets")]
    for path, lang, prefix in pages:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(lang, assets_prefix=prefix), encoding="utf-8")
        print(f"wrote {path}", flush=True)
    copy_uswds_assets(out / "assets" / "uswds")
    copy_package_static(out / "assets" / "uswds-components")
    print(f"copied assets into {out / 'assets'}", flush=True)
    return [path for path, _, _ in pages]


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
