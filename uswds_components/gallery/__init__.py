"""The component gallery: an index, a page per component and a standalone preview per example.

`OUT/<component>/<example>.html` is a contract: tests and other tools load those paths.
`OUT/<component>/index.html` is the component's page (English examples) and
`OUT/<component>/index-es.html` the same page with its Spanish examples. The index and component
pages are drawn from what OUT holds: the previews written, OUT/check-results.json from
`build --check`, and the PNGs from `gallery screenshots`.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import USWDS_VERSION, __version__, assets
from ..assets import AXE_VERSION, copy_package_static
from ..environment import create_environment, render, render_in
from ..example_pages import EXAMPLE_PAGES
from ..registry import all_specs, get_spec
from ..spec import ComponentSpec, Example
from .check import RESULTS_FILE, ExampleCheck, load_page_results, load_results
from .progress import Progress
from .usage import (
    accessibility_trees,
    allowed_label,
    inline_markdown,
    is_spanish,
    jinja_call,
    markdown_to_html,
    param_rows,
    python_call,
    requirement_label,
    string_rows,
    type_label,
)

PAGE_ASSETS_URL = "../assets/uswds"
PAGE_STATIC_URL = "../assets/uswds-components"
GALLERY_FILES = Path(__file__).parent
SPANISH_PAGE = "index-es.html"
# Iframe heights before the gallery's script fits them to their content (and without JS).
PREVIEW_HEIGHTS = {
    "banner": 200,
    "header": 260,
    "footer": 360,
    "identifier": 420,
    "page_feedback": 320,
    "skipnav": 140,
}
DEFAULT_PREVIEW_HEIGHT = 240


@functools.cache
def gallery_environment() -> jinja2.Environment:
    """Components render with image paths relative to a preview page, so OUT can live anywhere."""
    env = create_environment(
        assets_url=PAGE_ASSETS_URL,
        static_url=PAGE_STATIC_URL,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["inline_markdown"] = lambda text: Markup(inline_markdown(text))
    return env


def preview_page(example: Example, component_html: Markup | None = None) -> str:
    """The standalone preview page of one example; `component_html` replaces its rendering."""
    env = gallery_environment()
    spec = all_specs()[example.component]
    if component_html is None:
        component_html = render_in(env, example.component, **example.params)
    return env.get_template("uswds/gallery/preview.html").render(
        spec=spec, example=example, component_html=component_html, assets_url=PAGE_ASSETS_URL
    )


def selected_examples(
    only: Iterable[str] | None = None, include_hidden: bool = False
) -> list[Example]:
    """The examples named by `only` ("banner" for all of a component's, "banner/default" for
    one), or every example; hidden (test-only) ones only with `include_hidden`."""
    chosen = set(only or ())
    known = {spec.name for spec in all_specs().values()} | {
        example.id for spec in all_specs().values() for example in spec.examples
    }
    unknown = sorted(chosen - known)
    if unknown:
        raise ValueError(f"no component or example named {', '.join(unknown)}")
    return [
        example
        for spec in all_specs().values()
        for example in spec.examples
        if (include_hidden or not example.hidden)
        and (not chosen or spec.name in chosen or example.id in chosen)
    ]


def build(
    out: Path,
    *,
    include_hidden: bool = False,
    only: Iterable[str] | None = None,
    replace_html: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the gallery into `out`; return the preview pages written.

    `replace_html` maps example ids to HTML shown in place of their rendering (to prove that
    `--check` catches a broken example). A previous check's results are removed: they described
    the pages this build replaces. Raises assets.AssetsMissing, before writing anything, when
    the package holds no USWDS files to copy.
    """
    uswds = assets.path()
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(uswds, out / "assets" / "uswds", dirs_exist_ok=True)
    copy_package_static(out / "assets" / "uswds-components")
    gallery_assets = out / "assets" / "gallery"
    gallery_assets.mkdir(parents=True, exist_ok=True)
    for name in ("gallery.css", "gallery.js"):
        shutil.copy2(GALLERY_FILES / name, gallery_assets / name)
    (out / RESULTS_FILE).unlink(missing_ok=True)
    examples = selected_examples(only, include_hidden)
    replacements = replace_html or {}
    written = []
    for example in examples:
        if progress:
            progress.step(example.id)
        page = out / example.component / f"{example.name}.html"
        page.parent.mkdir(exist_ok=True)
        replacement = replacements.get(example.id)
        html = preview_page(example, None if replacement is None else Markup(replacement))
        page.write_text(html, encoding="utf-8")
        written.append(page)
    build_example_pages(out)
    write_pages(out)
    return written


def build_example_pages(out: Path) -> list[Path]:
    """The example pages (the seed, the agency landing page) at OUT/<name>/ and OUT/<name>/es/,
    sharing the gallery's assets (OUT/assets/) by relative links. They ship in the package, so a
    gallery built from the wheel has them too."""
    return [path for page in EXAMPLE_PAGES for path in page.write(out / page.name, "../assets")]


@dataclass(frozen=True)
class ExampleView:
    """One example as a component page shows it."""

    example: Example
    jinja: str
    python: str
    html: str
    check: ExampleCheck | None
    screenshots: list[tuple[str, str]]  # (label, file name beside the page)
    height: int


def _example_view(out: Path, example: Example, results: Mapping[str, ExampleCheck]) -> ExampleView:
    folder = out / example.component
    shots = [
        (label, name)
        for label, name in (
            ("Default", f"{example.name}.png"),
            ("Forced colors", f"{example.name}.forced-colors.png"),
        )
        if (folder / name).is_file()
    ]
    return ExampleView(
        example=example,
        jinja=jinja_call(example),
        python=python_call(example),
        html=str(render(example.component, **example.params)),
        check=results.get(example.id),
        screenshots=shots,
        height=PREVIEW_HEIGHTS.get(example.component, DEFAULT_PREVIEW_HEIGHT),
    )


def gallery_examples(out: Path) -> dict[str, list[Example]]:
    """The visible examples whose preview OUT holds, by component."""
    found: dict[str, list[Example]] = {}
    for spec in all_specs().values():
        for example in spec.examples:
            if not example.hidden and (out / spec.name / f"{example.name}.html").is_file():
                found.setdefault(spec.name, []).append(example)
    return found


def write_pages(out: Path) -> list[Path]:
    """(Re)write the index and the component pages from what OUT holds now."""
    env = gallery_environment()
    results = load_results(out)
    by_component = gallery_examples(out)
    specs = [get_spec(name) for name in by_component]
    pages = [
        (page, [(label, href) for label, href in languages if (out / href).is_file()])
        for page in EXAMPLE_PAGES
        for languages in [
            [("English", f"{page.name}/index.html"), ("Español", f"{page.name}/es/index.html")]
        ]
    ]
    pages = [(page, links) for page, links in pages if links]
    common: dict[str, Any] = {
        "specs": specs,
        "version": __version__,
        "uswds_version": USWDS_VERSION,
        "axe_version": AXE_VERSION,
        "results": results,
        "page_results": load_page_results(out),
    }
    written = []
    for spec in specs:
        views = [_example_view(out, example, results) for example in by_component[spec.name]]
        languages = _language_pages(views)
        for lang, file_name, lang_views in languages:
            page = env.get_template("uswds/gallery/component.html").render(
                **common,
                root="../",
                current=spec.name,
                spec=spec,
                views=lang_views,
                page_lang=lang,
                languages=[(code, name, len(v)) for code, name, v in languages],
                param_rows=_param_table(spec),
                string_rows=string_rows(spec),
                accessibility=markdown_to_html(spec.accessibility),
                trees=accessibility_trees(spec),
            )
            path = out / spec.name / file_name
            path.write_text(page, encoding="utf-8")
            written.append(path)
    index = env.get_template("uswds/gallery/index.html").render(
        **common, root="", current=None, examples=by_component, pages=pages
    )
    (out / "index.html").write_text(index, encoding="utf-8")
    written.append(out / "index.html")
    return written


def _language_pages(views: list[ExampleView]) -> list[tuple[str, str, list[ExampleView]]]:
    """(lang, file name, examples) per page: English on index.html, Spanish on index-es.html."""
    english = [view for view in views if not is_spanish(view.example)]
    spanish = [view for view in views if is_spanish(view.example)]
    pages = [("en", "index.html", english)]
    if spanish:
        pages.append(("es", SPANISH_PAGE, spanish))
    return pages


def _param_table(spec: ComponentSpec) -> list[dict[str, str]]:
    return [
        {
            "name": name,
            "type": type_label(param),
            "requirement": requirement_label(param),
            "allowed": allowed_label(param),
            "description": param.description,
        }
        for name, param in param_rows(spec)
    ]


def check_summary(results: Mapping[str, ExampleCheck]) -> tuple[int, int]:
    """(examples passing, examples checked)."""
    return sum(check.passed for check in results.values()), len(results)


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve `root` over HTTP until interrupted."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    with http.server.ThreadingHTTPServer((host, port), handler) as server:
        print(f"Serving {root} at http://{host}:{port}/ (Ctrl-C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
