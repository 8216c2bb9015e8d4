"""Finding the npm packages: the pinned USWDS and axe-core, or a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from uswds_components import USWDS_VERSION
from uswds_components.assets import AXE_VERSION, NODE_MODULES_ENV, axe_script, node_modules


def fake_node_modules(root: Path, *, uswds: str, axe: str | None) -> Path:
    folder = root / "node_modules"
    for name, version in (("@uswds/uswds", uswds), ("axe-core", axe)):
        if version is None:
            continue
        (folder / name).mkdir(parents=True)
        (folder / name / "package.json").write_text(json.dumps({"version": version}))
    if axe is not None:
        (folder / "axe-core" / "axe.min.js").write_text("/* axe */")
    return folder


def test_the_override_points_at_another_node_modules(tmp_path, monkeypatch):
    folder = fake_node_modules(tmp_path, uswds=USWDS_VERSION, axe=AXE_VERSION)
    monkeypatch.setenv(NODE_MODULES_ENV, str(folder))
    assert node_modules() == folder
    assert axe_script() == folder / "axe-core" / "axe.min.js"


def test_another_axe_version_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv(
        NODE_MODULES_ENV, str(fake_node_modules(tmp_path, uswds=USWDS_VERSION, axe="4.0.0"))
    )
    with pytest.raises(RuntimeError, match=r"axe-core 4\.0\.0.*4\.14\.1.*npm ci"):
        axe_script()


def test_a_missing_axe_says_to_run_npm_ci(tmp_path, monkeypatch):
    monkeypatch.setenv(
        NODE_MODULES_ENV, str(fake_node_modules(tmp_path, uswds=USWDS_VERSION, axe=None))
    )
    with pytest.raises(RuntimeError, match=r"axe\.min\.js is missing.*npm ci"):
        axe_script()


def test_another_uswds_version_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv(
        NODE_MODULES_ENV, str(fake_node_modules(tmp_path, uswds="3.13.0", axe=AXE_VERSION))
    )
    with pytest.raises(RuntimeError, match=r"USWDS 3\.13\.0.*3\.14\.0"):
        node_modules()
