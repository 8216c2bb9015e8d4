"""Build hook: bundle USWDS's runtime files and axe-core into the package, from node_modules.

A site then needs `pip install` alone: no Node.js, no npm. Nothing bundled is committed; each
build copies it afresh from the versions package-lock.json pins, and refuses any other version, so
the assets are always exactly the USWDS the markup targets. A build from an sdist, which has no
node_modules, reuses the bundle the sdist carries after checking its version. The hook also
compiles the package templates ahead (uswds_components/precompiled.py), so a first render in a
fresh process skips Jinja's parser.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "uswds_components"
USWDS_BUNDLE = PACKAGE / "static" / "uswds"
AXE_BUNDLE = PACKAGE / "testing" / "axe-core"
VERSION_FILE = "VERSION"

# The runtime part of USWDS's dist/: what its CSS and JS load, what our components point at, and
# the web fonts in the one format every supported browser takes (the CSS names only .woff2).
USWDS_FILES = ("css/uswds.min.css", "js/uswds.min.js", "js/uswds-init.min.js")
USWDS_FOLDERS = {"img": "*", "fonts": "*.woff2"}
# Material Icons' 8 MB of sources stay out: usa-icons and sprite.svg are USWDS's build of them.
SKIPPED_IMAGE_FOLDERS = {"material-icons", "material-icons-deprecated"}
# Files our components and layouts use by name: a bundle without them is broken.
REQUIRED = (
    "img/us_flag_small.png",
    "img/icon-dot-gov.svg",
    "img/icon-https.svg",
    "img/usa-icons/close.svg",
    "img/usa-icons-bg/search--white.svg",
    "img/favicons/favicon.ico",
    "fonts/source-sans-pro/sourcesanspro-regular-webfont.woff2",
)


def _declared(module: Path, name: str) -> str:
    match = re.search(rf'^{name} = "([^"]+)"', module.read_text(encoding="utf-8"), re.M)
    if not match:
        raise RuntimeError(f"{module} does not declare {name}")
    return match.group(1)


def _npm_version(package: Path) -> str:
    return json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]


def _bundled_version(bundle: Path) -> str | None:
    marker = bundle / VERSION_FILE
    return marker.read_text(encoding="utf-8").strip() if marker.is_file() else None


def bundle_uswds(node_modules: Path, version: str) -> list[Path]:
    """Copy USWDS `version`'s runtime files into the package; returns the files written."""
    package = node_modules / "@uswds" / "uswds"
    found = _npm_version(package)
    if found != version:
        raise RuntimeError(
            f"{package} is USWDS {found}; the markup targets {version}. Run `npm ci`."
        )
    dist = package / "dist"
    shutil.rmtree(USWDS_BUNDLE, ignore_errors=True)
    sources = [dist / name for name in USWDS_FILES]
    for folder, pattern in USWDS_FOLDERS.items():
        sources += [
            path
            for path in sorted((dist / folder).rglob(pattern))
            if path.is_file()
            and not SKIPPED_IMAGE_FOLDERS.intersection(path.relative_to(dist).parts)
        ]
    written = []
    for source in sources:
        target = USWDS_BUNDLE / source.relative_to(dist)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        written.append(target)
    # USWDS's LICENSE.md covers all of it: CC0, the SIL OFL fonts, the Apache-2.0 icons, MIT.
    shutil.copy2(package / "LICENSE.md", USWDS_BUNDLE / "LICENSE.md")
    (USWDS_BUNDLE / VERSION_FILE).write_text(version + "\n", encoding="utf-8")
    missing = [name for name in REQUIRED if not (USWDS_BUNDLE / name).is_file()]
    if missing:
        raise RuntimeError(f"USWDS {version}'s dist/ lacks {', '.join(missing)}")
    return written


def bundle_axe(node_modules: Path, version: str) -> None:
    """Copy axe-core `version`'s browser build and its MPL-2.0 licence into the package."""
    package = node_modules / "axe-core"
    found = _npm_version(package)
    if found != version:
        raise RuntimeError(
            f"{package} is axe-core {found}; the checks pin {version}. Run `npm ci`."
        )
    shutil.rmtree(AXE_BUNDLE, ignore_errors=True)
    AXE_BUNDLE.mkdir(parents=True)
    for name in ("axe.min.js", "LICENSE"):
        shutil.copy2(package / name, AXE_BUNDLE / name)
    (AXE_BUNDLE / VERSION_FILE).write_text(version + "\n", encoding="utf-8")


def bundle(node_modules: Path = ROOT / "node_modules") -> None:
    """Bundle both from `node_modules`, or check the bundle an sdist brought."""
    uswds_version = _declared(PACKAGE / "__init__.py", "USWDS_VERSION")
    axe_version = _declared(PACKAGE / "assets.py", "AXE_VERSION")
    if (node_modules / "@uswds" / "uswds").is_dir():
        bundle_uswds(node_modules, uswds_version)
        bundle_axe(node_modules, axe_version)
        return
    for folder, version in ((USWDS_BUNDLE, uswds_version), (AXE_BUNDLE, axe_version)):
        if _bundled_version(folder) != version:
            raise RuntimeError(
                f"Building uswds-components needs {folder.relative_to(ROOT)} at {version}: run "
                "`npm ci` in the project root first (package-lock.json pins it)."
            )


def precompile() -> Path:
    """Compile the package templates ahead, for create_environment()'s settings, and keep each
    spec.toml as read: a first render then skips Jinja's parser and TOML's."""
    import sys

    sys.path.insert(0, str(ROOT))
    try:
        from uswds_components.precompiled import build

        return build()
    finally:
        sys.path.remove(str(ROOT))


class BundleAssetsHook(BuildHookInterface):  # type: ignore[type-arg]
    """Runs before every build: wheel, editable install and sdist alike."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        bundle()
        precompile()
        # Hatchling globbed license-files while validating metadata, before this hook wrote
        # the bundled licences: glob again so the wheel's dist-info lists them (test_wheel).
        self.metadata.core._license_files = None
