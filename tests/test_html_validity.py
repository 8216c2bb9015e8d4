"""HTML validity (the Nu HTML Checker, vnu-jar from npm) and unique ids across repeated components.

Every page is checked in one JVM start: the gallery (hidden examples too), the seed page and the
bare layout in English and Spanish, each component rendered twice on one page, and pages broken
on purpose to prove the checker reports.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from browser_helpers import open_page
from conftest import parse
from markupsafe import Markup

from uswds_components import all_specs, page, render
from uswds_components.assets import node_modules
from uswds_components.example_pages import EXAMPLE_PAGES
from uswds_components.gallery import preview_page
from uswds_components.testing import run_axe

VNU_JAR = node_modules() / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One run of a few seconds: the JVM's optimising compiler (C2) never pays back its threads'
# CPU, which on 2 cores is taken from the other pytest worker. With the quick compiler alone,
# this file took 11 s of CPU rather than 20, and its checker fixture 7 s rather than 10. Its
# deeper frames need a bigger stack than the default: without it the checker stops with a
# StackOverflowError.
JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-Xss16m")
LANGUAGES = ("en", "es")
# Attributes that point at an element by id: a duplicate among their targets is what axe's
# duplicate-id-aria rule can see (axe 4.14.1 deprecates `duplicate-id`: it never applies).
ID_REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "for")
DUPLICATE_ID = re.compile(r"^Duplicate ID “([^”]*)”\.$")


def run_nu_checker(files: list[Path]) -> dict[Path, list[str]]:
    """Nu's error messages for each file ("line: message"); one JVM for all of them."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "java is not on PATH: the Nu HTML Checker (vnu-jar) needs Java 11 or newer. "
            "Install a JRE (e.g. `apt-get install default-jre-headless`) and run the tests again."
        )
    if not VNU_JAR.is_file():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` (or `make node-deps`)")
    completed = subprocess.run(
        [java, *JVM_FLAGS, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        messages = json.loads(completed.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the Nu checker gave no JSON report:\n{completed.stdout}\n{completed.stderr}")
    by_file: dict[Path, list[str]] = {f.resolve(): [] for f in files}
    for message in messages:
        path = Path(message.get("url", "").removeprefix("file:")).resolve()
        line = message.get("lastLine", "?")
        by_file.setdefault(path, []).append(f"{line}: {message['message']}")
    return by_file


def id_params(component: str) -> list[str]:
    return [p.name for p in all_specs()[component].params.values() if p.type == "id"]


def rendered_twice(component: str, distinct: bool) -> Markup:
    """The component's first example twice; with `distinct`, each copy gets its own id params."""
    spec = all_specs()[component]
    example = spec.examples[0]
    copies = []
    for copy in ("one", "two"):
        params = dict(example.params)
        if distinct:
            for name in id_params(component):
                params[name] = f"{params.get(name) or spec.params[name].default}-{copy}"
        copies.append(str(render(component, **params)))
    return Markup("\n".join(copies))


def twice_page(component: str, distinct: bool) -> str:
    return preview_page(all_specs()[component].examples[0], rendered_twice(component, distinct))


def duplicate_ids(html: str) -> set[str]:
    counts = Counter(tag["id"] for tag in parse(html).find_all(id=True))
    return {value for value, count in counts.items() if count > 1}


def nu_duplicate_ids(errors: list[str]) -> set[str]:
    found = set()
    for error in errors:
        match = DUPLICATE_ID.match(error.split(": ", 1)[1])
        if match:
            found.add(match.group(1))
    return found


# Components with id params: twice with their defaults they collide, which is the broken case.
COMPONENTS = sorted(all_specs())
WITH_IDS = [name for name in COMPONENTS if id_params(name)]
BROKEN = {
    "duplicate-id": '<p id="same">One</p><p id="same">Two</p>',
    "div-in-span": "<span><div>A block in a phrase</div></span>",
}


@pytest.fixture(scope="module")
def checked_pages(gallery_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """Write every page to check, run the Nu checker once, return (pages, errors by file)."""
    out = tmp_path_factory.mktemp("nu")
    pages: dict[str, Path] = {}
    for preview in sorted(gallery_dir.glob("*/*.html")):
        if not preview.name.startswith("_test-"):
            pages[f"gallery/{preview.parent.name}/{preview.name}"] = preview
    pages["gallery/index.html"] = gallery_dir / "index.html"
    for example_page in EXAMPLE_PAGES:
        english, spanish = example_page.write(out / example_page.name, "../assets")
        pages.update({f"{example_page.name}/en": english, f"{example_page.name}/es": spanish})
    for lang in LANGUAGES:
        layout = out / f"layout-{lang}.html"
        layout.write_text(page(title="Layout check", lang=lang), encoding="utf-8")
        pages[f"layout/{lang}"] = layout
    for component in COMPONENTS:
        for distinct in (True, False):
            name = f"twice-{'distinct' if distinct else 'same'}-{component}"
            path = out / f"{name}.html"
            path.write_text(twice_page(component, distinct), encoding="utf-8")
            pages[name] = path
    for name, body in BROKEN.items():
        path = out / f"broken-{name}.html"
        path.write_text(
            f'<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>'
            f"<body><main>{body}</main></body></html>",
            encoding="utf-8",
        )
        pages[f"broken/{name}"] = path
    errors = run_nu_checker(list(pages.values()))
    return pages, {name: errors[path.resolve()] for name, path in pages.items()}


def test_every_page_we_make_is_valid_html(checked_pages):
    _, errors = checked_pages
    shipped = {
        name: found
        for name, found in errors.items()
        if not name.startswith(("broken/", "twice-same-"))
    }
    assert sum(name.startswith("gallery/") for name in shipped) > 60
    assert {"seed/en", "seed/es", "layout/en", "layout/es"} <= set(shipped)
    invalid = {name: found for name, found in shipped.items() if found}
    assert invalid == {}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_the_checker_reports_a_broken_page(checked_pages, name):
    _, errors = checked_pages
    expected = {"duplicate-id": "Duplicate ID “same”", "div-in-span": "“div” not allowed"}[name]
    assert any(expected in error for error in errors[f"broken/{name}"]), errors[f"broken/{name}"]


@pytest.mark.parametrize("component", COMPONENTS)
def test_a_component_twice_with_its_own_ids_has_no_duplicate_ids(checked_pages, component):
    _, errors = checked_pages
    html = twice_page(component, distinct=True)
    assert duplicate_ids(html) == set()
    assert nu_duplicate_ids(errors[f"twice-distinct-{component}"]) == set()


def own_ids(component: str, params: dict) -> set[str]:
    """The ids a render holds that are the component's, not the caller's: ids inside an `html`
    param (content the caller wrote, such as in_page_navigation's headings) are the caller's."""
    rendered = {tag["id"] for tag in parse(str(render(component, **params))).find_all(id=True)}
    callers = {tag["id"] for html in markup_in(params) for tag in parse(html).find_all(id=True)}
    return rendered - callers


def markup_in(value: object) -> list[str]:
    """Every trusted HTML value (Markup) anywhere in a component's params."""
    if isinstance(value, Markup):
        return [str(value)]
    if isinstance(value, dict):
        return [html for item in value.values() for html in markup_in(item)]
    if isinstance(value, list | tuple):
        return [html for item in value for html in markup_in(item)]
    return []


def test_every_id_a_component_renders_comes_from_an_id_param():
    # Only those components can render ids at all: the rest would collide with no way out.
    with_ids = {
        name
        for name, spec in all_specs().items()
        if any(own_ids(name, dict(e.params)) for e in spec.examples)
    }
    assert with_ids <= set(WITH_IDS)


def test_ids_inside_the_callers_html_are_the_callers():
    heading = Markup('<h2 id="apply">Apply</h2>')
    assert own_ids("prose", {"html": heading}) == set()
    accordion = {"items": [{"heading": "A", "html": heading}]}
    assert own_ids("accordion", accordion) == {"accordion-1"}
    assert own_ids("accordion", {"items": [{"heading": "A", "text": "apply"}]}) == {"accordion-1"}


@pytest.mark.parametrize("component", WITH_IDS)
def test_same_ids_twice_are_found_by_bs4_and_the_nu_checker_alike(checked_pages, component):
    _, errors = checked_pages
    same = duplicate_ids(twice_page(component, distinct=False))
    assert same, "the broken case must collide"
    assert nu_duplicate_ids(errors[f"twice-same-{component}"]) == same


def axe_duplicate_ids(browser) -> set[str]:
    """Ids axe's duplicate-id rules flag, as violations or needing review."""
    result = run_axe(browser, tags=("wcag2a", "wcag2a-obsolete"))
    found = set()
    for outcome in result.violations + result.incomplete:
        if outcome["id"].startswith("duplicate-id"):
            for node in outcome["nodes"]:
                found.update(re.findall(r'\bid="([^"]*)"', node["html"])[:1])
    return found


def referenced_ids(html: str) -> set[str]:
    return {
        value
        for tag in parse(html).find_all(True)
        for attribute in ID_REFERENCES
        for value in str(tag.get(attribute, "")).split()
    }


def refers_to_its_own_ids(component: str) -> bool:
    """A hint or an error message renders an id that only its control refers to: repeated, it
    gives axe nothing referenced to flag, so it has no broken case of its own here."""
    html = str(rendered_twice(component, distinct=False))
    return bool(duplicate_ids(html) & referenced_ids(html))


def test_only_referenced_by_others_are_the_form_messages():
    alone = {name for name in WITH_IDS if not refers_to_its_own_ids(name)}
    assert alone <= {"hint", "error_message"}


@pytest.mark.browser
@pytest.mark.parametrize("component", [name for name in WITH_IDS if refers_to_its_own_ids(name)])
def test_axe_agrees_about_duplicate_ids(browser, write_page, component):
    example = all_specs()[component].examples[0]
    for distinct in (True, False):
        html = str(rendered_twice(component, distinct))
        open_page(browser, write_page(f"twice-{distinct}", example, html))
        # The page as USWDS's JS left it: a combo box or time picker adds ids of its own.
        live = browser.execute_script("return document.body.outerHTML")
        expected = duplicate_ids(live) & referenced_ids(live)
        assert axe_duplicate_ids(browser) == expected
    assert expected, "the broken case must repeat an id that something refers to"
