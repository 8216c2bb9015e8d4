"""Package templates compiled ahead of time, so a first render does not parse and compile them.

Parsing and compiling a component's templates costs a process more than everything else it
does before its first render. The wheel therefore carries the Python module Jinja generates
from each component and layout template (as `jinja2.ModuleLoader` does), built by
hatch_build.py, with a manifest of the settings they were compiled under, each source's digest,
and the filters and tests each one calls.

`PackageTemplates` serves a compiled module only where the environment would generate that
very module from that very source: the same Jinja, syntax and whitespace settings, extensions,
optimizer, async mode, finalize (none), sandbox, autoescape for the template's name, and the
same filter and test functions (the code calls them in the way compiled in, and the optimizer
ran them on constants). Anything else, a template edited since the build included, compiles
from source as before. tests/test_precompiled.py checks the modules against `compile()` and
renders every example both ways.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import os
import pickle
import shutil
from collections.abc import Iterator, MutableMapping
from types import CodeType
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import nodes

if TYPE_CHECKING:
    from pathlib import Path

# Folders as text on the path every render takes: pathlib is about 3 ms of a cold start, and
# only building, the gallery and the tests need PACKAGE_DIR and COMPILED_DIR as Paths.
_PACKAGE_FOLDER = os.path.dirname(os.path.abspath(__file__))
_COMPILED_FOLDER = os.path.join(_PACKAGE_FOLDER, "_compiled")
MANIFEST_MODULE = "manifest"
# The templates every site renders through; the gallery's and Django's have environments of
# their own (other filters), so they compile as they always did.
PRECOMPILED_FOLDERS = ("components", "layouts")

Manifest = dict[str, Any]


def __getattr__(name: str) -> Path:
    # PACKAGE_DIR and COMPILED_DIR, made when first asked for (PEP 562).
    if name in ("PACKAGE_DIR", "COMPILED_DIR"):
        from pathlib import Path

        return Path(_PACKAGE_FOLDER if name == "PACKAGE_DIR" else _COMPILED_FOLDER)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def package_templates() -> Iterator[str]:
    """The loader names ("components/banner/macro.html") of the templates compiled ahead."""
    from pathlib import Path

    package = Path(_PACKAGE_FOLDER)
    for folder in PRECOMPILED_FOLDERS:
        for path in sorted((package / folder).rglob("*.html")):
            yield path.relative_to(package).as_posix()


def _qualified(obj: Any) -> tuple[str, str, str] | None:
    """Which function `obj` is, and how Jinja passes it context: comparable across processes."""
    if obj is None:
        return None
    pass_arg = getattr(obj, "jinja_pass_arg", None)
    return (
        getattr(obj, "__module__", None) or type(obj).__module__,
        getattr(obj, "__qualname__", None) or type(obj).__qualname__,
        getattr(pass_arg, "name", ""),
    )


# jinja2.Environment's arguments by what they change. A test fails when Jinja adds one, so a
# new setting is never left out of environment_settings() unseen.
COMPILE_SETTINGS = frozenset(
    {
        "block_start_string",
        "block_end_string",
        "variable_start_string",
        "variable_end_string",
        "comment_start_string",
        "comment_end_string",
        "line_statement_prefix",
        "line_comment_prefix",
        "trim_blocks",
        "lstrip_blocks",
        "newline_sequence",
        "keep_trailing_newline",
        "extensions",
        "optimized",
        "finalize",
        "autoescape",
        "enable_async",
    }
)
# The same code runs under any of these: they are read when a template renders or loads.
RUNTIME_SETTINGS = frozenset({"undefined", "loader", "cache_size", "auto_reload", "bytecode_cache"})


def environment_settings(env: jinja2.Environment) -> tuple[Any, ...]:
    """Every setting of `env` that changes the code Jinja generates from a template, but
    autoescape, which may differ by template name (see `_autoescape`)."""
    return (
        jinja2.__version__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        tuple(sorted(env.extensions)),
        env.optimized,
        env.is_async,
        _qualified(env.finalize),
        env.sandboxed,
        tuple(sorted(getattr(env, "intercepted_binops", ()))),
        tuple(sorted(getattr(env, "intercepted_unops", ()))),
        _qualified(env.code_generator_class),
        # The optimizer folds constant attribute and item lookups through these.
        _qualified(type(env).getattr),
        _qualified(type(env).getitem),
    )


def _autoescape(env: jinja2.Environment, name: str) -> bool:
    # As jinja2.nodes.EvalContext decides it for a template compiled under `name`.
    return bool(env.autoescape(name) if callable(env.autoescape) else env.autoescape)


def _called(env: jinja2.Environment, source: str, name: str) -> tuple[tuple, tuple]:
    """The filters and tests the template calls, each with the function `env` has for it."""
    tree = env.parse(source, name)
    filters = sorted({node.name for node in tree.find_all(nodes.Filter)})
    tests = sorted({node.name for node in tree.find_all(nodes.Test)})
    return (
        tuple((f, _qualified(env.filters.get(f))) for f in filters),
        tuple((t, _qualified(env.tests.get(t))) for t in tests),
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _module_name(name: str) -> str:
    return "t_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]


def build(env: jinja2.Environment | None = None, target: Path | None = None) -> Path:
    """Write every package template's compiled module, the manifest, and every spec.toml as
    tomllib reads it (a first render then neither imports tomllib nor parses TOML) into `target`
    (default: the package's `_compiled/`).

    `env` is the environment the modules are for; by default create_environment()'s.
    """
    import tomllib
    from pathlib import Path

    target = Path(_COMPILED_FOLDER if target is None else target)
    package = Path(_PACKAGE_FOLDER)

    if env is None:
        from .environment import create_environment  # it imports this module

        env = create_environment(auto_reload=False)

    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    templates: dict[str, tuple[str, str, tuple, tuple, bool]] = {}
    for name in package_templates():
        filename = str(package / name)
        source = Path(filename).read_text(encoding="utf-8")
        module = _module_name(name)
        code = env.compile(source, name, filename, raw=True)
        (target / f"{module}.py").write_text(code, encoding="utf-8")
        filters, tests = _called(env, source, name)
        templates[name] = (
            _digest(source.encode("utf-8")),
            module,
            filters,
            tests,
            _autoescape(env, name),
        )
    manifest = {"settings": environment_settings(env), "templates": templates}
    (target / "specs").mkdir()
    for spec_file in sorted((package / "components").glob("*/spec.toml")):
        raw = spec_file.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        with (target / "specs" / f"{spec_file.parent.name}.pickle").open("wb") as handle:
            pickle.dump((_digest(raw), data), handle, protocol=4)
    (target / "__init__.py").write_text(
        '"""Generated by uswds_components.precompiled.build(): do not edit."""\n',
        encoding="utf-8",
    )
    (target / f"{MANIFEST_MODULE}.py").write_text(f"MANIFEST = {manifest!r}\n", encoding="utf-8")
    return target


class Precompiled:
    """The compiled modules in one folder, read once a process."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = os.fspath(folder)
        self._manifest: Manifest | None = None
        self._codes: dict[str, CodeType] = {}

    def spec_data(self, name: str, raw: bytes) -> dict[str, Any] | None:
        """Component `name`'s spec.toml as tomllib reads it, if `raw` is what was read."""
        path = os.path.join(self.folder, "specs", f"{name}.pickle")
        try:
            with open(path, "rb") as handle:
                digest, data = pickle.load(handle)
        except FileNotFoundError:
            return None
        return data if digest == _digest(raw) else None

    @property
    def manifest(self) -> Manifest:
        if self._manifest is None:
            self._manifest = {"settings": None, "templates": {}}
            path = os.path.join(self.folder, f"{MANIFEST_MODULE}.py")
            if os.path.isfile(path):
                namespace: dict[str, Any] = {}
                exec(self._code(path), namespace)
                self._manifest = namespace["MANIFEST"]
        return self._manifest

    def _code(self, path: str) -> CodeType:
        file_name = os.path.basename(path)
        code = self._codes.get(file_name)
        if code is None:
            # Through importlib's own loader: the .pyc pip wrote at install is read, not the
            # source compiled again.
            stem = os.path.splitext(file_name)[0]
            loader = importlib.machinery.SourceFileLoader(f"_uswds_{stem}", path)
            code = loader.get_code(loader.name)
            assert code is not None
            self._codes[file_name] = code
        return code

    def code_for(self, env: jinja2.Environment, name: str, source: str) -> CodeType | None:
        """The compiled code of template `name` if `env` would compile `source` to it."""
        manifest = self.manifest
        entry = manifest["templates"].get(name)
        if entry is None:
            return None
        digest, module, filters, tests, autoescape = entry
        if (
            digest != _digest(source.encode("utf-8"))
            or autoescape != _autoescape(env, name)
            or manifest["settings"] != environment_settings(env)
            or any(_qualified(env.filters.get(f)) != kind for f, kind in filters)
            or any(_qualified(env.tests.get(t)) != kind for t, kind in tests)
        ):
            return None
        return self._code(os.path.join(self.folder, f"{module}.py"))


SHIPPED = Precompiled(_COMPILED_FOLDER)


class PackageTemplates(jinja2.FileSystemLoader):
    """The package's templates: each from its compiled module where that is the same code."""

    def __init__(self, precompiled: Precompiled | None = None) -> None:
        super().__init__(_PACKAGE_FOLDER)
        self.precompiled = precompiled if precompiled is not None else SHIPPED

    @jinja2.utils.internalcode
    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        code = self.precompiled.code_for(environment, name, source)
        if code is None:
            if environment.bytecode_cache is not None:
                return super().load(environment, name, globals)  # it reads and fills the cache
            code = environment.compile(source, name, filename)  # as super() would, read once
        template = environment.template_class.from_code(
            environment, code, globals if globals is not None else {}, uptodate
        )
        # from_code names the template after the code's file: the generated module, if any.
        template.filename = filename
        return template


def loaded_from_module(template: jinja2.Template) -> bool:
    """Whether `template` came from a compiled module (for tests and the bench)."""
    return template.filename != template.root_render_func.__code__.co_filename


__all__ = [
    "PackageTemplates",
    "Precompiled",
    "build",
    "environment_settings",
    "loaded_from_module",
    "package_templates",
]
