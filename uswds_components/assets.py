"""Where the USWDS files from npm live: installed by `npm ci`, never committed."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from . import USWDS_VERSION

NODE_MODULES_ENV = "USWDS_COMPONENTS_NODE_MODULES"
# The files a page needs: the CSS, both scripts, and what the CSS and components point at.
_DIST_PARTS = ("css/uswds.min.css", "js/uswds.min.js", "js/uswds-init.min.js", "img", "fonts")


def node_modules() -> Path:
    """The node_modules holding @uswds/uswds (and axe-core): $USWDS_COMPONENTS_NODE_MODULES, or
    the nearest one above the working directory or this package."""
    override = os.environ.get(NODE_MODULES_ENV)
    candidates = [Path(override)] if override else []
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        candidates += [folder / "node_modules" for folder in (start, *start.parents)]
    for candidate in candidates:
        manifest = candidate / "@uswds" / "uswds" / "package.json"
        if manifest.is_file():
            version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
            if version != USWDS_VERSION:
                raise RuntimeError(
                    f"{manifest} is USWDS {version}; uswds-components needs {USWDS_VERSION}. "
                    "Run `npm ci` in the project root."
                )
            return candidate
    raise RuntimeError(
        "@uswds/uswds was not found in any node_modules above the working directory. "
        f"Run `npm ci` in the project root, or set {NODE_MODULES_ENV}."
    )


def uswds_package() -> Path:
    """The root of the installed @uswds/uswds package (its `dist/` and `packages/`)."""
    return node_modules() / "@uswds" / "uswds"


AXE_VERSION = "4.14.1"


def axe_script() -> Path:
    """axe-core's browser build, from npm: the pinned version, since rules change between them."""
    package = node_modules() / "axe-core"
    script = package / "axe.min.js"
    if not script.is_file():
        raise RuntimeError(f"{script} is missing: run `npm ci` in the project root.")
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    if version != AXE_VERSION:
        raise RuntimeError(
            f"{package} is axe-core {version}; uswds-components checks with {AXE_VERSION}. "
            "Run `npm ci` in the project root."
        )
    return script


def copy_uswds_assets(destination: Path) -> None:
    """Copy the USWDS CSS, JS, images and fonts a page needs into `destination`."""
    dist = uswds_package() / "dist"
    for part in _DIST_PARTS:
        source, target = dist / part, destination / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)


PACKAGE_STATIC = Path(__file__).parent / "static"


def copy_package_static(destination: Path) -> None:
    """Copy this package's own static files (scripts, CSS fixes) into `destination`."""
    if PACKAGE_STATIC.is_dir():
        shutil.copytree(PACKAGE_STATIC, destination, dirs_exist_ok=True)
