"""Examples on a shared batch page (tests/batches.py) are checked in isolation: a deliberately
broken example fails its own checks, and only its own; what only the whole page can show is
reported on every example there."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from batches import FOLDER, batch_page, example_html, write_atomically
from markupsafe import Markup
from test_ax_tree import snapshot_path
from test_display_modes import forced_colors_problems
from visits import Member, Visit, inspect_batch

from uswds_components import get_spec, render
from uswds_components.gallery import preview_page
from uswds_components.spec import Example, changed

GOOD = [("alert", "info"), ("gov_notice", "default"), ("breadcrumb", "custom-label")]


def example(component: str, name: str) -> Example:
    return get_spec(component).example(name)


NO_ALT = example("identifier", "logo")
NO_OUTLINE = example("breadcrumb", "default")
WIDE = example("gov_notice", "mil")


def write_shared_page(
    gallery_dir: Path,
    base_url: str,
    name: str,
    parts: list[tuple[Example, str]],
    page_edit: Callable[[str], str] | None = None,
) -> tuple[str, list[Member]]:
    """A batch page of `parts` (example, its HTML, maybe broken) and, for tracing console
    errors, a page of each alone; returns the batch page's URL and its members."""
    html = batch_page(name, [(item.id, markup) for item, markup in parts])
    html = page_edit(html) if page_edit else html
    write_atomically(gallery_dir / FOLDER / f"_test-{name}.html", html)
    members = []
    for item, markup in parts:
        solo = gallery_dir / item.component / f"_test-{name}-{item.name}.html"
        write_atomically(solo, preview_page(item, Markup(markup)))
        members.append(Member(item, f"{base_url}/{item.component}/{solo.name}"))
    return f"{base_url}/{FOLDER}/_test-{name}.html", members


def broken(item: Example, old: str, new: str) -> str:
    markup = example_html(item)
    assert old in markup, f"{old!r} is not in {item.id}'s markup"
    return markup.replace(old, new)


def scoped_style(item: Example, css: str) -> str:
    """A <style> that applies to one example's container only, after its component."""
    return f'<style>[data-uswds-example="{item.id}"] {css}</style>'


@pytest.fixture(scope="module")
def mixed_page(browser, gallery_dir: Path, base_url: str) -> dict[str, Visit]:
    """Good examples between three broken ones: an image without alt text, links whose focus
    indicator is removed, and a notice too wide for 320 px."""
    good = [example(component, name) for component, name in GOOD]
    parts = [
        (good[0], example_html(good[0])),
        (NO_ALT, broken(NO_ALT, ' alt="U.S. Department of Example logo"', "")),
        (good[1], example_html(good[1])),
        (
            NO_OUTLINE,
            example_html(NO_OUTLINE)
            + scoped_style(NO_OUTLINE, "a:focus { outline: none !important; }"),
        ),
        (good[2], example_html(good[2])),
        (
            WIDE,
            broken(
                WIDE,
                '<div class="usa-banner__guidance',
                '<div style="min-width: 800px" class="usa-banner__guidance',
            ),
        ),
    ]
    url, members = write_shared_page(gallery_dir, base_url, "isolation", parts)
    return inspect_batch(browser, url, members)


GOOD_IDS = [example(component, name).id for component, name in GOOD]

pytestmark = pytest.mark.browser


def test_axe_fails_the_image_without_alt_and_only_it(mixed_page):
    own = mixed_page[NO_ALT.id].get("axe")
    assert "image-alt" in own.rule_ids(), own.report()
    for example_id in mixed_page.keys() - {NO_ALT.id}:
        result = mixed_page[example_id].get("axe")
        assert result.failures == [], f"{example_id}: {result.report()}"
        assert result.passes > 0
    # Nothing outside the containers is wrong with the page itself.
    assert mixed_page[NO_ALT.id].get("page_axe").failures == []


def test_focus_fails_the_links_without_an_outline_and_only_them(mixed_page):
    own = mixed_page[NO_OUTLINE.id].get("focus")
    assert own and not any(item.visible for item in own), [item.describe() for item in own]
    assert not any(item.visible for item in mixed_page[NO_OUTLINE.id].get("forced_colors").focus)
    for example_id in mixed_page.keys() - {NO_OUTLINE.id}:
        evidence = mixed_page[example_id].get("focus")
        assert all(item.visible for item in evidence), [item.describe() for item in evidence]
        assert forced_colors_problems(mixed_page[example_id].get("forced_colors")) == []
    # The neighbours' elements were found and checked, not skipped, all on the page's shared
    # screenshots; the broken links were each checked again alone, and failed there.
    assert mixed_page[NO_ALT.id].get("focus") and mixed_page[GOOD_IDS[2]].get("focus")
    assert all(
        item.forced
        for example_id in mixed_page.keys() - {NO_OUTLINE.id}
        for item in mixed_page[example_id].get("focus")
    )
    assert not any(item.forced for item in own)


def test_reflow_fails_the_wide_notice_and_only_it(mixed_page):
    assert any(result.scrolls_sideways for result in mixed_page[WIDE.id].get("reflow"))
    for example_id in mixed_page.keys() - {WIDE.id}:
        results = mixed_page[example_id].get("reflow")
        assert [r.describe() for r in results if r.scrolls_sideways or r.clipped] == []
        assert mixed_page[example_id].get("long_motion") == []


def test_each_tree_is_its_own_component_and_matches_the_stored_snapshot(mixed_page):
    for example_id in GOOD_IDS:
        component, name = example_id.split("/")
        stored = snapshot_path(component, name, "initial").read_text(encoding="utf-8")
        assert mixed_page[example_id].get("ax_tree").snapshot() == stored, example_id


def test_no_console_errors_on_a_clean_shared_page(mixed_page):
    assert all(record.get("console_errors") == [] for record in mixed_page.values())


def test_a_page_level_failure_and_console_errors_are_attributed(
    browser, gallery_dir: Path, base_url: str
):
    culprit, bystander, other = (
        example("gov_notice", "default"),
        example("alert", "warning"),
        example("alert", "success"),
    )
    # The culprit's error is logged on its own page too. The other error only when two alerts
    # share a page: no example alone logs it, so it is every example's.
    pair_check = (
        "<script>if (document.querySelectorAll('.usa-alert').length > 1) "
        "console.error('two alerts on one page');</script>"
    )
    parts = [
        (culprit, example_html(culprit) + "<script>console.error('culprit broke');</script>"),
        (bystander, example_html(bystander)),
        # Last: its script runs when the page is parsed up to it.
        (other, example_html(other) + pair_check),
    ]
    url, members = write_shared_page(
        gallery_dir,
        base_url,
        "page-level",
        parts,
        # Page-level rules, not run in a container's context: no lang, no level-one heading.
        page_edit=lambda html: re.sub(
            r"<h1>.*?</h1>", "<p>No heading</p>", html.replace('<html lang="en">', "<html>", 1)
        ),
    )
    records = inspect_batch(browser, url, members)
    for item, _ in parts:
        record = records[item.id]
        # Found by the page's own run, reported on every example of the page.
        assert record.get("axe").failures == [], record.get("axe").report()
        assert record.get("page_axe").rule_ids() == {"html-has-lang", "page-has-heading-one"}
    culprits_own, shared = records[culprit.id].get("console_errors")
    assert "culprit broke" in culprits_own and "page alone" in culprits_own
    for item, _ in parts:
        errors = records[item.id].get("console_errors")
        assert errors[-1] == shared, errors
    assert "two alerts on one page" in shared and "no example logs it alone" in shared
    assert "_test-page-level.html" in shared
    assert len(records[bystander.id].get("console_errors")) == 1


def test_an_opt_out_applies_to_its_own_example_only(browser, gallery_dir: Path, base_url: str):
    # The same fault in two examples; one opts out of the rule that flags it.
    opted = changed(
        example("identifier", "logo"),
        axe_disable={"image-alt": "deliberately broken for this test, and so opted out"},
    )
    plain = example("identifier", "two-logos")
    parts = [(item, re.sub(r' alt="[^"]*logo"', "", example_html(item))) for item in (opted, plain)]
    url, members = write_shared_page(gallery_dir, base_url, "opt-out", parts)
    records = inspect_batch(browser, url, members)
    assert "image-alt" not in records[opted.id].get("axe").rule_ids()
    assert "image-alt" in records[plain.id].get("axe").rule_ids()


def test_a_neighbours_landmark_label_fails_no_one_but_an_examples_own_duplicate_does(
    browser, gallery_dir: Path, base_url: str
):
    # Every breadcrumb labels its <nav> "Breadcrumbs": on one page, axe's landmark-unique
    # (whose verdict on a node depends on the others) flags them all. Each example alone is
    # fine; the one that repeats its own landmark is not.
    first, second = example("breadcrumb", "default"), example("breadcrumb", "truncate")
    repeats = example("breadcrumb", "rdfa")
    parts = [
        (first, example_html(first)),
        (second, example_html(second)),
        (repeats, example_html(repeats) * 2),
    ]
    url, members = write_shared_page(gallery_dir, base_url, "landmarks", parts)
    records = inspect_batch(browser, url, members)
    for item in (first, second):
        result = records[item.id].get("axe")
        assert result.failures == [], f"{item.id}: {result.report()}"
    assert "landmark-unique" in records[repeats.id].get("axe").rule_ids()
    assert records[first.id].get("page_axe").failures == []


def test_a_state_is_reached_by_clicks_in_its_own_container_only(
    browser, gallery_dir: Path, base_url: str
):
    # Two accordions that USWDS's JS would treat alike: the state's click ("the first closed
    # button") must land in its own container, not in the first match on the page.
    neighbour = example("accordion", "bordered")
    opened = example("accordion", "default")
    neighbour_html = str(render("accordion", **{**neighbour.params, "id": "neighbour"}))
    clicks = get_spec("accordion").states["opened"].click
    members = [
        Member(neighbour, f"{base_url}/accordion/{neighbour.name}.html"),
        Member(opened, f"{base_url}/accordion/{opened.name}.html", "opened", clicks),
    ]
    html = batch_page(
        "state", [(members[0].key, neighbour_html), (members[1].key, example_html(opened))]
    )
    write_atomically(gallery_dir / FOLDER / "_test-state.html", html)
    url = f"{base_url}/{FOLDER}/_test-state.html"
    records = inspect_batch(browser, url, members)
    assert set(records) == {neighbour.id, f"{opened.id}:opened"}
    expanded = browser.execute_script(
        "return [...document.querySelectorAll('[data-uswds-example]')].map(c =>"
        " [...c.querySelectorAll('.usa-accordion__button')]"
        ".map(b => b.getAttribute('aria-expanded')))"
    )
    # The state's own accordion: its first item closed by opening the second. The neighbour's
    # first item is still open, as it loaded.
    assert expanded == [["true", "false", "false"], ["false", "true", "false"]], expanded
    stored = snapshot_path("accordion", "default", "opened").read_text(encoding="utf-8")
    assert records[f"{opened.id}:opened"].get("ax_tree").snapshot() == stored
