"""The package templates compiled ahead (uswds_components/precompiled.py): the same code as
compiling them, used only where an environment would compile exactly that code, and the specs
kept as tomllib reads them."""

from __future__ import annotations

import inspect
import tomllib
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from flask import Flask
from jinja2.sandbox import SandboxedEnvironment

from uswds_components import all_examples, all_specs, configure_environment, create_environment
from uswds_components import precompiled as pc
from uswds_components.environment import render_in
from uswds_components.registry import COMPONENTS_DIR


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> pc.Precompiled:
    """A fresh build for create_environment()'s settings, as the wheel's build hook makes it."""
    folder = pc.build(target=tmp_path_factory.mktemp("c") / "c")
    return pc.Precompiled(folder)


@pytest.fixture
def shipped(built: pc.Precompiled, monkeypatch: pytest.MonkeyPatch) -> pc.Precompiled:
    """`built` as the package's own: environments made from here on load from it."""
    monkeypatch.setattr(pc, "SHIPPED", built)
    return built


@pytest.fixture
def nothing_shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No compiled modules at all: every template compiles from its source."""
    monkeypatch.setattr(pc, "SHIPPED", pc.Precompiled(tmp_path / "absent"))


def package_template(env: jinja2.Environment, name: str) -> jinja2.Template:
    return env.get_template(f"uswds/{name}")


def test_each_module_is_the_code_jinja_compiles_from_the_template_now(built) -> None:
    env = create_environment(auto_reload=False)
    names = list(pc.package_templates())
    assert len(names) >= len(all_specs()) + 2  # every macro, the page layouts
    for name in names:
        module = built.manifest["templates"][name][1]
        filename = str(pc.PACKAGE_DIR / name)
        source = Path(filename).read_text(encoding="utf-8")
        expected = env.compile(source, name, filename, raw=True)
        assert (Path(built.folder) / f"{module}.py").read_text(encoding="utf-8") == expected, name


def test_every_example_renders_the_same_from_modules_as_from_source(
    built, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(pc, "SHIPPED", built)
    from_modules = create_environment()
    monkeypatch.setattr(pc, "SHIPPED", pc.Precompiled(tmp_path / "absent"))
    from_source = create_environment()
    for example in all_examples():
        expected = render_in(from_source, example.component, **example.params)
        assert render_in(from_modules, example.component, **example.params) == expected, example.id
    for name in pc.package_templates():
        assert pc.loaded_from_module(package_template(from_modules, name)), name
        assert not pc.loaded_from_module(package_template(from_source, name)), name


def test_a_module_keeps_the_template_s_own_file_name_for_tracebacks(shipped) -> None:
    template = package_template(create_environment(), "components/banner/macro.html")
    assert pc.loaded_from_module(template)
    assert template.filename == str(pc.PACKAGE_DIR / "components/banner/macro.html")
    assert template.is_up_to_date


def with_filter(name: str, function: Callable) -> Callable[[jinja2.Environment], None]:
    def change(env: jinja2.Environment) -> None:
        env.filters[name] = function

    return change


@pytest.mark.parametrize(
    ("make", "change", "from_module"),
    [
        pytest.param(lambda: create_environment(), None, True, id="defaults"),
        pytest.param(lambda: create_environment(auto_reload=False), None, True, id="no-reload"),
        pytest.param(
            lambda: create_environment(undefined=jinja2.StrictUndefined), None, True, id="strict"
        ),
        pytest.param(
            lambda: configure_environment(Flask(__name__).jinja_env), None, True, id="flask"
        ),
        pytest.param(lambda: create_environment(autoescape=False), None, False, id="no-escape"),
        pytest.param(lambda: create_environment(trim_blocks=True), None, False, id="trim"),
        pytest.param(lambda: create_environment(lstrip_blocks=True), None, False, id="lstrip"),
        pytest.param(lambda: create_environment(optimized=False), None, False, id="unoptimized"),
        pytest.param(
            lambda: create_environment(finalize=lambda value: value), None, False, id="finalize"
        ),
        pytest.param(
            lambda: create_environment(extensions=["jinja2.ext.loopcontrols"]),
            None,
            False,
            id="extension",
        ),
        pytest.param(
            lambda: configure_environment(SandboxedEnvironment(autoescape=True)),
            None,
            False,
            id="sandbox",
        ),
        pytest.param(
            lambda: create_environment(),
            with_filter("uswds_classes", lambda classes: f" {classes}" if classes else ""),
            False,
            id="own-classes-filter",
        ),
    ],
)
def test_modules_serve_only_environments_that_would_compile_the_same_code(
    shipped, make, change, from_module, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env = make()
    if change:
        change(env)
    names = ("components/banner/macro.html", "components/footer/macro.html")
    assert [pc.loaded_from_module(package_template(env, n)) for n in names] == [from_module] * 2
    # Either way, it renders what compiling the source renders.
    monkeypatch.setattr(pc, "SHIPPED", pc.Precompiled(tmp_path / "absent"))
    reference = make()
    if change:
        change(reference)
    for spec in (all_specs()["banner"], all_specs()["footer"]):
        for example in spec.examples:
            assert render_in(env, spec.name, **example.params) == render_in(
                reference, spec.name, **example.params
            ), example.id


def test_a_filter_of_the_site_s_own_under_a_name_a_template_calls_compiles_that_template(
    shipped,
) -> None:
    env = create_environment()
    env.filters["length"] = lambda value: 0
    calls_length = [
        name
        for name, entry in shipped.manifest["templates"].items()
        if any(filter_name == "length" for filter_name, _ in entry[2])
    ]
    assert calls_length
    for name in calls_length:
        assert not pc.loaded_from_module(package_template(env, name)), name
    # A template that does not call it still comes from its module.
    assert pc.loaded_from_module(package_template(env, "components/banner/macro.html"))


def test_a_template_changed_since_the_build_compiles_from_its_source(
    built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = Path(built.folder) / "manifest.py"
    stale = tmp_path / "stale"
    stale.mkdir()
    for path in Path(built.folder).iterdir():
        if path.is_file():
            (stale / path.name).write_bytes(path.read_bytes())
    name = "components/banner/macro.html"
    digest = built.manifest["templates"][name][0]
    text = manifest.read_text(encoding="utf-8").replace(digest, "0" * 64)
    (stale / "manifest.py").write_text(text, encoding="utf-8")
    monkeypatch.setattr(pc, "SHIPPED", pc.Precompiled(stale))
    env = create_environment()
    assert not pc.loaded_from_module(package_template(env, name))
    assert pc.loaded_from_module(package_template(env, "components/footer/macro.html"))


def test_every_setting_that_changes_compiled_code_is_in_the_key() -> None:
    arguments = set(inspect.signature(jinja2.Environment.__init__).parameters) - {"self"}
    # A Jinja release with a new setting fails here until it is classified.
    assert arguments == pc.COMPILE_SETTINGS | pc.RUNTIME_SETTINGS
    assert not pc.COMPILE_SETTINGS & pc.RUNTIME_SETTINGS
    base = pc.environment_settings(jinja2.Environment())
    changed = {
        "block_start_string": "<%",
        "block_end_string": "%>",
        "variable_start_string": "<<",
        "variable_end_string": ">>",
        "comment_start_string": "<#",
        "comment_end_string": "#>",
        "line_statement_prefix": "#",
        "line_comment_prefix": "##",
        "trim_blocks": True,
        "lstrip_blocks": True,
        "newline_sequence": "\r\n",
        "keep_trailing_newline": True,
        "extensions": ["jinja2.ext.loopcontrols"],
        "optimized": False,
        "finalize": str,
        "enable_async": True,
    }
    assert set(changed) == pc.COMPILE_SETTINGS - {"autoescape"}  # autoescape: per name, below
    for setting, value in changed.items():
        assert pc.environment_settings(jinja2.Environment(**{setting: value})) != base, setting


def test_specs_are_kept_as_tomllib_reads_them_and_a_changed_spec_is_read_again(built) -> None:
    for folder in sorted(COMPONENTS_DIR.iterdir()):
        if not (folder / "spec.toml").is_file():
            continue
        raw = (folder / "spec.toml").read_bytes()
        assert built.spec_data(folder.name, raw) == tomllib.loads(raw.decode("utf-8"))
        assert built.spec_data(folder.name, raw + b"\n# edited\n") is None
    assert built.spec_data("no_such_component", b"") is None
