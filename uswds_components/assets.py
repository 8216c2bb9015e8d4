"""USWDS's runtime files and axe-core, bundled in the package when it is built.

`path()` is the folder a site serves: USWDS 3.14.0's CSS, JS, images and fonts, with USWDS's
licence. The build (hatch_build.py) copies it from the npm packages that package-lock.json pins,
so a site needs `pip install` alone, never Node.js. node_modules is only for this repository's
own tests, which read USWDS's twig templates and run the Nu HTML Checker.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from . import USWDS_VERSION

AXE_VERSION = "4.14.1"
_PACKAGE = Path(__file__).resolve().parent
# Bundled at build time and ignored by git (hatch_build.py writes both).
USWDS_BUNDLE = _PACKAGE / "static" / "uswds"
AXE_BUNDLE = _PACKAGE / "testing" / "axe-core"
# Our own static files: the feedback form's script and the CSS fixes.
PACKAGE_STATIC = _PACKAGE / "static" / "uswds-components"
NODE_MODULES_ENV = "USWDS_COMPONENTS_NODE_MODULES"
_REBUILD = (
    "Install uswds-components from its wheel, or in a checkout run `make python-deps` (npm ci, "
    "then pip install -e ., which bundles the assets)."
)


class AssetsMissing(RuntimeError):
    """The bundled assets are absent or of another version than the markup targets."""


def _checked(folder: Path, name: str, version: str) -> Path:
    marker = folder / "VERSION"
    if not marker.is_file():
        raise AssetsMissing(f"{folder} holds no bundled {name}. {_REBUILD}")
    found = marker.read_text(encoding="utf-8").strip()
    if found != version:
        raise AssetsMissing(
            f"{folder} holds {name} {found}, but this uswds-components needs {version}. {_REBUILD}"
        )
    return folder


def path() -> Path:
    """The folder of USWDS 3.14.0's runtime files: `css/`, `js/`, `img/`, `fonts/`, LICENSE.md.

    Serve it at the environment's `assets_url`. Raises AssetsMissing if the package was installed
    without its assets (a checkout that never ran the build) or with another USWDS version.
    """
    return _checked(USWDS_BUNDLE, "USWDS", USWDS_VERSION)


def copy_uswds_assets(destination: Path) -> Path:
    """Copy the bundled USWDS files into `destination` (created if needed); returns it."""
    shutil.copytree(path(), destination, dirs_exist_ok=True)
    return destination


def copy_package_static(destination: Path) -> Path:
    """Copy this package's own static files (scripts, CSS fixes) into `destination`."""
    shutil.copytree(PACKAGE_STATIC, destination, dirs_exist_ok=True)
    return destination


def axe_script() -> Path:
    """axe-core 4.14.1's browser build (MPL-2.0), bundled: rules change between versions."""
    return _checked(AXE_BUNDLE, "axe-core", AXE_VERSION) / "axe.min.js"


def node_modules() -> Path:
    """This checkout's npm packages, for the repository's own tests: $USWDS_COMPONENTS_NODE_MODULES,
    else `node_modules` in the working directory or beside this package's folder. Never further
    up: a checkout reads nothing outside itself."""
    override = os.environ.get(NODE_MODULES_ENV)
    candidates = (
        [Path(override)]
        if override
        else [Path.cwd() / "node_modules", _PACKAGE.parent / "node_modules"]
    )
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
    searched = ", ".join(str(candidate) for candidate in candidates)
    raise RuntimeError(
        f"@uswds/uswds was not found in {searched}. Run `npm ci` in the project root, or set "
        f"{NODE_MODULES_ENV}."
    )


def uswds_package() -> Path:
    """The npm package @uswds/uswds (its twig `packages/`), for the repository's own tests."""
    return node_modules() / "@uswds" / "uswds"
