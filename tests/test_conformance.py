"""Our markup equals USWDS 3.14.0's own twig templates rendered with their content files."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from uswds_components import all_specs, render
from uswds_components.assets import node_modules, uswds_package
from uswds_components.spec import ComponentSpec, changed
from uswds_components.testing.canonical import canonical_html

CASES = [
    pytest.param(
        spec.name, case, id=f"{spec.name}:{(case.content or (case.twig,))[-1].rsplit('/', 1)[-1]}"
    )
    for spec in all_specs().values()
    for case in spec.conformance
]


def twig_environment() -> jinja2.Environment:
    # USWDS renders its twigs with twig.js, autoescape off; `raw` is twig's "trusted" marker.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(uswds_package() / "packages"), autoescape=False
    )
    env.filters["raw"] = Markup
    return env


def load_content(files) -> dict:
    merged: dict = {}
    for name in files:
        data = json.loads((uswds_package() / "packages" / name).read_text(encoding="utf-8"))
        merged = deep_merge(merged, data)
    return merged


def deep_merge(base: dict, extra: dict) -> dict:
    merged = copy.deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


# USWDS's own engine, for the twigs Jinja cannot render (embed, include … with, namespaces).
TWIG_JS = Path(__file__).resolve().parents[1] / "scripts" / "render-twig.cjs"


def reference_context(case) -> dict:
    context = load_content(case.content)
    for dotted, value in case.overrides.items():
        *parents, last = dotted.split(".")
        target = context
        for key in parents:
            target = target[key]
        assert last in target, f"override {dotted} names no content key: stale"
        target[last] = value
    return context


def apply_replacements(case, html: str) -> str:
    for old, new in case.replace.items():
        assert old in html, f"replacement {old!r} no longer matches the twig: stale"
        html = html.replace(old, new)
    return html


def render_reference(case) -> str:
    html = twig_environment().get_template(case.twig).render(**reference_context(case))
    return apply_replacements(case, html)


def render_with_twig_js(jobs: list[dict]) -> list[str]:
    """Render [{twig, context}] in one node process; twig paths are relative to packages/."""
    node = shutil.which("node")
    assert node, "node is not on PATH: the twig.js conformance cases need it"
    result = subprocess.run(
        [node, str(TWIG_JS), str(node_modules())],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rendered = json.loads(result.stdout)
    assert len(rendered) == len(jobs)
    return rendered


@pytest.fixture(scope="session")
def twig_js_references() -> dict[int, str]:
    """Every twig.js case's reference HTML, keyed by id(case): one node call per test run."""
    cases = [case for _, case in (p.values for p in CASES) if case.engine == "twig.js"]
    if not cases:
        return {}
    jobs = [{"twig": case.twig, "context": reference_context(case)} for case in cases]
    rendered = render_with_twig_js(jobs)
    return {
        id(case): apply_replacements(case, html) for case, html in zip(cases, rendered, strict=True)
    }


@pytest.mark.parametrize(("component", "case"), CASES)
def test_matches_uswds_reference(component, case, twig_js_references):
    reference = twig_js_references[id(case)] if case.engine == "twig.js" else render_reference(case)
    expected = canonical_html(reference, root_attributes=case.root_attributes)
    actual = canonical_html(render(component, **case.params))
    assert actual == expected


def uncovered_content(spec: ComponentSpec) -> tuple[set[str], set[str]]:
    """The USWDS content files of the twig packages `spec` mirrors that no case covers and no
    reason excuses, and the excused ones USWDS does not ship (stale excuses)."""
    packages = uswds_package() / "packages"
    mirrored = {case.twig.split("/")[0] for case in spec.conformance}
    shipped = {
        path.relative_to(packages).as_posix()
        for package in mirrored
        for path in (packages / package / "src").rglob("*.json")
    }
    covered = {case.content[-1] for case in spec.conformance if case.content}
    excused = set(spec.conformance_not_covered)
    return shipped - covered - excused, excused - shipped


@pytest.mark.parametrize("name", sorted(all_specs()))
def test_every_uswds_content_file_has_a_case_or_a_reason(name):
    missing, stale = uncovered_content(all_specs()[name])
    assert missing == set(), f"{name}: no conformance case for {sorted(missing)}"
    assert stale == set(), f"{name}: conformance_not_covered names files USWDS lacks: {stale}"


def test_a_content_file_without_a_case_is_caught():
    banner = all_specs()["banner"]
    fewer = changed(banner, conformance=banner.conformance[1:])
    missing, _ = uncovered_content(fewer)
    assert missing == {banner.conformance[0].content[-1]}


def test_comparison_catches_a_real_difference():
    case = all_specs()["banner"].conformance[0]
    reference = canonical_html(render_reference(case))
    ours = str(render("banner"))
    for broken in (
        ours.replace('aria-expanded="false"', 'aria-expanded="true"'),
        ours.replace("usa-banner__button-text", "usa-banner__button-label"),
        ours.replace("An official website", "An official web site"),
        ours.replace("A <strong>lock</strong> (", "A <strong>lock</strong>("),
        ours.replace(
            'aria-hidden="true" class="usa-banner__header-flag"', 'class="usa-banner__header-flag"'
        ),
    ):
        assert broken != ours
        assert canonical_html(broken) != reference


def test_twig_js_and_jinja_render_the_banner_alike():
    # The two engines agree where both can render: the twig.js path is no looser a reference.
    cases = all_specs()["banner"].conformance
    jobs = [{"twig": case.twig, "context": reference_context(case)} for case in cases]
    for case, html in zip(cases, render_with_twig_js(jobs), strict=True):
        assert canonical_html(apply_replacements(case, html)) == canonical_html(
            render_reference(case)
        )


def test_twig_js_reports_a_broken_template():
    with pytest.raises(AssertionError, match="no-such-component"):
        render_with_twig_js([{"twig": "usa-banner/src/no-such-component.twig", "context": {}}])


def test_an_unknown_conformance_engine_is_refused():
    from uswds_components.spec import SpecError, parse_spec

    raw = {"conformance": [{"twig": "x.twig", "content": "x.json", "engine": "nunjucks"}]}
    with pytest.raises(SpecError, match="unknown engine 'nunjucks'"):
        parse_spec("demo", raw)


def test_an_uncovered_content_file_needs_a_real_reason():
    from uswds_components.spec import SpecError, parse_spec

    raw = {"conformance_not_covered": {"usa-x/src/content/x.json": "later"}}
    with pytest.raises(SpecError, match="needs a real reason"):
        parse_spec("demo", raw)
