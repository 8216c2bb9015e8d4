"""The bundled assets: USWDS 3.14.0's runtime files and axe-core 4.14.1, or a clear error.

The wheel itself is built and installed without Node.js in test_wheel.py; these tests cover the
bundle in this checkout and the refusals that make version skew impossible.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from uswds_components import USWDS_VERSION, assets
from uswds_components.__main__ import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_bundle_is_the_pinned_uswds_with_what_pages_load() -> None:
    folder = assets.path()
    assert (folder / "VERSION").read_text().strip() == USWDS_VERSION == "3.14.0"
    for name in ("css/uswds.min.css", "js/uswds.min.js", "js/uswds-init.min.js", "LICENSE.md"):
        assert (folder / name).is_file(), name
    # Every file USWDS's CSS points at is in the bundle: icons, checkbox marks, the fonts.
    css = (folder / "css" / "uswds.min.css").read_text(encoding="utf-8")
    targets = set(re.findall(r"url\(\"?\.\./([^)\"#?]+)", css))
    assert len(targets) > 30
    assert sorted(name for name in targets if not (folder / name).is_file()) == []
    assert not (folder / "img" / "material-icons").exists(), "8 MB of icon sources stay out"
    assert {path.suffix for path in (folder / "fonts").rglob("*.*")} == {".woff2"}


def test_the_lockfile_pins_the_versions_the_package_declares() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert lock["node_modules/@uswds/uswds"]["version"] == USWDS_VERSION
    assert lock["node_modules/axe-core"]["version"] == assets.AXE_VERSION == "4.14.1"


def test_the_bundled_axe_is_the_pinned_one() -> None:
    script = assets.axe_script()
    assert script.name == "axe.min.js"
    assert script.read_text(encoding="utf-8").startswith("/*! axe v4.14.1\n")
    assert "Mozilla Public License" in (script.parent / "LICENSE").read_text(encoding="utf-8")


def bundle_at(folder: Path, version: str | None) -> Path:
    folder.mkdir(parents=True)
    if version is not None:
        (folder / "VERSION").write_text(version + "\n")
    return folder


def test_another_bundled_uswds_version_is_refused(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(assets, "USWDS_BUNDLE", bundle_at(tmp_path / "uswds", "3.13.0"))
    with pytest.raises(assets.AssetsMissing, match=r"USWDS 3\.13\.0.*needs 3\.14\.0"):
        assets.path()


def test_a_package_built_without_assets_says_how_to_get_them(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(assets, "USWDS_BUNDLE", bundle_at(tmp_path / "uswds", None))
    with pytest.raises(assets.AssetsMissing, match=r"no bundled USWDS.*make python-deps"):
        assets.path()


def test_another_bundled_axe_version_is_refused(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(assets, "AXE_BUNDLE", bundle_at(tmp_path / "axe", "4.0.0"))
    with pytest.raises(assets.AssetsMissing, match=r"axe-core 4\.0\.0.*needs 4\.14\.1"):
        assets.axe_script()


def test_the_build_refuses_another_npm_uswds(tmp_path) -> None:
    import hatch_build as hook  # the repository root's build hook; hatchling is a dev dep

    package = tmp_path / "node_modules" / "@uswds" / "uswds"
    package.mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"version": "3.13.0"}))
    with pytest.raises(RuntimeError, match=r"USWDS 3\.13\.0; the markup targets 3\.14\.0"):
        hook.bundle_uswds(tmp_path / "node_modules", USWDS_VERSION)


def test_copy_gives_a_static_site_the_folder(tmp_path, capsys) -> None:
    assert main(["assets", "copy", str(tmp_path / "site" / "uswds")]) == 0
    copied = tmp_path / "site" / "uswds"
    assert (copied / "css" / "uswds.min.css").read_bytes() == (
        assets.path() / "css" / "uswds.min.css"
    ).read_bytes()
    assert (copied / "img" / "us_flag_small.png").is_file()
    assert str(copied) in capsys.readouterr().out


def test_path_prints_the_folder(capsys) -> None:
    assert main(["assets", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(assets.path())


def test_the_override_points_the_tests_at_another_node_modules(tmp_path, monkeypatch) -> None:
    package = tmp_path / "node_modules" / "@uswds" / "uswds"
    package.mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"version": "3.13.0"}))
    monkeypatch.setenv(assets.NODE_MODULES_ENV, str(tmp_path / "node_modules"))
    with pytest.raises(RuntimeError, match=r"USWDS 3\.13\.0.*3\.14\.0"):
        assets.node_modules()
    (package / "package.json").write_text(json.dumps({"version": USWDS_VERSION}))
    assert assets.node_modules() == tmp_path / "node_modules"


def test_node_modules_is_never_looked_for_above_the_checkout(tmp_path, monkeypatch) -> None:
    (tmp_path / "node_modules" / "@uswds" / "uswds").mkdir(parents=True)
    (tmp_path / "node_modules" / "@uswds" / "uswds" / "package.json").write_text(
        json.dumps({"version": USWDS_VERSION})
    )
    work = tmp_path / "project" / "sub"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    monkeypatch.delenv(assets.NODE_MODULES_ENV, raising=False)
    found = assets.node_modules()  # this checkout's own, not tmp_path's above the cwd
    assert found == ROOT / "node_modules"
