"""Our markup equals USWDS 3.14.0's own twig templates rendered with their content files."""

from __future__ import annotations

import copy
import json

import jinja2
import pytest
from markupsafe import Markup

from uswds_components import all_specs, render
from uswds_components.assets import uswds_package
from uswds_components.testing.canonical import canonical_html

CASES = [
    pytest.param(spec.name, case, id=f"{spec.name}:{case.content[-1].rsplit('/', 1)[-1]}")
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


def render_reference(case) -> str:
    context = load_content(case.content)
    for dotted, value in case.overrides.items():
        *parents, last = dotted.split(".")
        target = context
        for key in parents:
            target = target[key]
        assert last in target, f"override {dotted} names no content key: stale"
        target[last] = value
    html = twig_environment().get_template(case.twig).render(**context)
    for old, new in case.replace.items():
        assert old in html, f"replacement {old!r} no longer matches the twig: stale"
        html = html.replace(old, new)
    return html


@pytest.mark.parametrize(("component", "case"), CASES)
def test_matches_uswds_reference(component, case):
    expected = canonical_html(render_reference(case), root_attributes=case.root_attributes)
    actual = canonical_html(render(component, **case.params))
    assert actual == expected


def test_banner_has_a_case_for_each_uswds_content_file():
    content_dir = uswds_package() / "packages" / "usa-banner" / "src" / "content"
    shipped = {f"usa-banner/src/content/{p.name}" for p in content_dir.glob("*.json")}
    covered = {case.content[-1] for case in all_specs()["banner"].conformance}
    assert covered == shipped


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
