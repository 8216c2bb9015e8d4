"""The component gallery: an index and a standalone preview page per example.

`OUT/<component>/<example>.html` is a contract: tests and other tools load those paths.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import USWDS_VERSION, __version__
from ..assets import copy_package_static, copy_uswds_assets
from ..environment import create_environment, render_in
from ..registry import all_specs
from ..spec import Example

PAGE_ASSETS_URL = "../assets/uswds"
PAGE_STATIC_URL = "../assets/uswds-components"


@functools.cache
def gallery_environment() -> jinja2.Environment:
    """Components render with image paths relative to a preview page, so OUT can live anywhere."""
    return create_environment(
        assets_url=PAGE_ASSETS_URL,
        static_url=PAGE_STATIC_URL,
        undefined=jinja2.StrictUndefined,
    )


def preview_page(example: Example, component_html: Markup | None = None) -> str:
    """The standalone preview page of one example; `component_html` replaces its rendering."""
    env = gallery_environment()
    spec = all_specs()[example.component]
    if component_html is None:
        component_html = render_in(env, example.component, **example.params)
    return env.get_template("uswds/gallery/preview.html").render(
        spec=spec, example=example, component_html=component_html, assets_url=PAGE_ASSETS_URL
    )


def build(out: Path, *, include_hidden: bool = False) -> list[Path]:
    """Write the gallery into `out`; return the preview pages written."""
    out.mkdir(parents=True, exist_ok=True)
    copy_uswds_assets(out / "assets" / "uswds")
    copy_package_static(out / "assets" / "uswds-components")
    env = gallery_environment()
    specs = list(all_specs().values())
    written = []
    for spec in specs:
        for example in spec.examples:
            if example.hidden and not include_hidden:
                continue
            page = out / spec.name / f"{example.name}.html"
            page.parent.mkdir(exist_ok=True)
            page.write_text(preview_page(example), encoding="utf-8")
            written.append(page)
    index = env.get_template("uswds/gallery/index.html").render(
        specs=specs, version=__version__, uswds_version=USWDS_VERSION
    )
    (out / "index.html").write_text(index, encoding="utf-8")
    return written


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve `root` over HTTP until interrupted."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    with http.server.ThreadingHTTPServer((host, port), handler) as server:
        print(f"Serving {root} at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
