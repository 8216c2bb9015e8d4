"""A static site built with plain jinja2: one page per TOML file in content/.

    python -m examples.static_site.build [OUT] [--jobs N]   (OUT: build/examples/static_site)

Each content file gives a page's title, paragraphs and its own layout regions (breadcrumb,
last_updated, archive_notice, ...); site.toml gives the regions every page shares (header,
footer, identifier). Pages are rendered in parallel with --jobs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import jinja2

from uswds_components import create_environment
from uswds_components.assets import copy_package_static, copy_uswds_assets

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = Path("build/examples/static_site")
BATCHES_PER_JOB = 8  # enough to even out a slow batch, few enough to cost nothing


@cache
def environment() -> jinja2.Environment:
    """One environment per process: compiled templates are reused for every page, and the
    site's header, footer and identifier (site.toml) are rendered once per language."""
    with (HERE / "site.toml").open("rb") as handle:
        regions = tomllib.load(handle)
    return create_environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        assets_url="assets/uswds",
        static_url="assets/uswds-components",
        auto_reload=False,
        regions=regions,
    )


def render_page(source: Path) -> str:
    with source.open("rb") as handle:
        data = tomllib.load(handle)
    return environment().get_template("page.html").render(data)


def build_one(source: Path, out: Path) -> Path:
    target = out / f"{source.stem}.html"
    target.write_text(render_page(source), encoding="utf-8")
    return target


def copy_assets(out: Path) -> None:
    copy_uswds_assets(out / "assets" / "uswds")
    copy_package_static(out / "assets" / "uswds-components")


def build_batch(sources: list[Path], out: Path) -> list[Path]:
    return [build_one(source, out) for source in sources]


def build(content: Path, out: Path, *, jobs: int = 1, progress=print) -> list[Path]:
    """Render every content/*.toml into out/<name>.html and copy the assets beside them."""
    sources = sorted(content.glob("*.toml"))
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if jobs > 1:
        # A few large batches: per-page results and progress lines from the workers would keep
        # the parent busy on a core the workers need.
        size = max(1, -(-len(sources) // (jobs * BATCHES_PER_JOB)))
        batches = [sources[start : start + size] for start in range(0, len(sources), size)]
        # Compiled before the workers fork, so each starts with the page's templates ready.
        environment().get_template("page.html")
        with ProcessPoolExecutor(jobs) as pool:
            results = pool.map(build_batch, batches, [out] * len(batches))
            copy_assets(out)  # meanwhile: the parent is otherwise idle
            for batch in results:
                written.extend(batch)
                progress(f"[{len(written)}/{len(sources)}] {batch[-1].name}")
    else:
        for number, source in enumerate(sources, 1):
            written.append(build_one(source, out))
            progress(f"[{number}/{len(sources)}] {written[-1].name}")
        copy_assets(out)
    progress(f"done: {len(written)} pages in {out}")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?", default=DEFAULT_OUT)
    parser.add_argument("--content", type=Path, default=HERE / "content")
    parser.add_argument("--jobs", type=int, default=1, help=f"processes (cores: {os.cpu_count()})")
    args = parser.parse_args(argv)
    build(args.content, args.out, jobs=args.jobs, progress=lambda line: print(line, flush=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
