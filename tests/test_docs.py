"""docs/: a page per component, generated from the registry, so it cannot drift."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from uswds_components import all_examples, all_specs, get_spec
from uswds_components.__main__ import main
from uswds_components.gallery import docs as docs_module
from uswds_components.gallery import usage
from uswds_components.gallery.docs import (
    PNG_SIGNATURE,
    check_docs,
    component_page,
    documented_params,
    generate_docs,
    screenshot_path,
)
from uswds_components.gallery.usage import param_rows

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_committed_docs_are_what_the_generator_writes_now():
    assert check_docs(DOCS) == []
    assert docs_module.main(["check", str(DOCS)]) == 0


def test_docs_are_a_maintainers_command_not_one_of_the_package(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["docs", "check", str(DOCS)])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "usage: uswds-components [-h] {assets,gallery,check}" in err
    assert "invalid choice: 'docs'" in err


def test_docs_refuse_to_run_without_the_snapshots_an_installed_package_lacks(
    monkeypatch, tmp_path, capsys
):
    monkeypatch.setattr(docs_module, "COMPONENTS_DIR", tmp_path)
    assert docs_module.main(["check", str(DOCS)]) == 2
    assert "run this from a checkout" in capsys.readouterr().err


def test_every_component_has_a_page_documenting_exactly_its_params():
    for name, spec in all_specs().items():
        page = (DOCS / "components" / f"{name}.md").read_text(encoding="utf-8")
        assert documented_params(page) == [row for row, _ in param_rows(spec)]


def test_every_visible_example_has_a_small_png_screenshot():
    for example in all_examples(include_hidden=False):
        data = screenshot_path(DOCS, example).read_bytes()
        assert data.startswith(PNG_SIGNATURE), example.id
        assert len(data) < 100_000, (example.id, len(data))
        with Image.open(io.BytesIO(data)) as image:  # not blank: a tiny icon is 364 bytes
            extrema = image.convert("RGB").getextrema()
            assert any(low != high for low, high in extrema), example.id
    hidden = next(e for e in all_examples() if e.hidden)
    assert not screenshot_path(DOCS, hidden).exists()


def test_the_index_links_getting_started_testing_and_every_component():
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert "(getting-started.md)" in index and "(testing.md)" in index
    for name in all_specs():
        assert f"(components/{name}.md)" in index
    assert "(testing.md)" in (DOCS / "getting-started.md").read_text(encoding="utf-8")


@pytest.fixture
def broken_docs(tmp_path: Path) -> Path:
    """A copy of docs/ with a missing page, a bogus param row, an edited page, a missing
    screenshot and a broken link."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "components" / "alert.md").unlink()
    banner = docs / "components" / "banner.md"
    banner.write_text(
        banner.read_text(encoding="utf-8").replace(
            "| `tld` |", "| `colour` | text | optional |  | Not a param. |\n| `tld` |"
        ),
        encoding="utf-8",
    )
    header = docs / "components" / "header.md"
    header.write_text(
        header.read_text(encoding="utf-8").replace("| `items[].text` |", "| `items[].label` |"),
        encoding="utf-8",
    )
    skipnav = docs / "components" / "skipnav.md"
    skipnav.write_text(skipnav.read_text(encoding="utf-8") + "\nEdited by hand.\n", "utf-8")
    screenshot_path(docs, get_spec("footer").example("default")).unlink()
    (docs / "getting-started.md").write_text("See [nothing](nowhere.md).\n", encoding="utf-8")
    return docs


def test_the_check_reports_each_kind_of_drift(broken_docs):
    problems = "\n".join(check_docs(broken_docs))
    assert "missing page: components/alert.md" in problems
    assert "components/banner.md: documented param 'colour'" in problems
    assert "components/header.md: documented param 'items[].label'" in problems
    assert "'label' is not a field of header's items" in problems
    assert "stale: components/skipnav.md" in problems
    assert "stale: components/banner.md" in problems
    assert "missing screenshot: screenshots/footer/default.png" in problems
    assert "getting-started.md: broken link to nowhere.md" in problems
    assert docs_module.main(["check", str(broken_docs)]) == 1


def test_docs_build_repairs_the_pages_and_removes_a_page_of_no_component(broken_docs):
    (broken_docs / "components" / "carousel.md").write_text("# Carousel\n", encoding="utf-8")
    assert "components/carousel.md: there is no component 'carousel'" in check_docs(broken_docs)
    docs_module.write_docs(broken_docs)
    problems = check_docs(broken_docs)
    # What is left needs a browser (the screenshot) or a person (getting-started.md).
    assert problems == [
        "missing screenshot: screenshots/footer/default.png (footer/default)",
        "components/footer.md: broken link to ../screenshots/footer/default.png",
        "getting-started.md: broken link to nowhere.md",
    ]


def test_accessibility_tree_snapshots_are_shown_by_example_then_state(tmp_path, monkeypatch):
    folder = tmp_path / "banner" / "accessibility-tree"
    folder.mkdir(parents=True)
    for name, text in {
        "lang-es--initial": "banner 'Un sitio oficial'",
        "default--expanded": "button 'Here’s how you know' expanded",
        "default--initial": "button 'Here’s how you know' collapsed",
    }.items():
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    monkeypatch.setattr(usage, "COMPONENTS_DIR", tmp_path)
    page = component_page(get_spec("banner"))
    section = page.split("## What assistive technology gets", 1)[1]
    order = [section.index(text) for text in ("collapsed", "expanded", "Un sitio oficial")]
    assert order == sorted(order)
    assert "### `default`, as loaded\n\n```text\nbutton 'Here’s how you know' collapsed\n```" in (
        section
    )


def test_a_component_without_snapshots_has_no_assistive_technology_section(monkeypatch, tmp_path):
    monkeypatch.setattr(usage, "COMPONENTS_DIR", tmp_path)
    assert "What assistive technology gets" not in component_page(get_spec("banner"))


def test_generated_pages_hold_usage_variants_notes_and_spanish_strings():
    page = generate_docs()["components/banner.md"]
    assert '{{ usa.banner(lang="es") }}' in page
    assert 'html = render("banner", lang="es")' in page
    assert "![Banner, mil: English, for a .mil site.](../screenshots/banner/mil.png)" in page
    assert "## Accessibility: decisions and why" in page
    assert "uswds #4419" in page
    assert "| `action` | Here’s how you know | Así es como usted puede verificarlo |" in page
    assert "classes-attributes" not in page  # hidden examples are for tests only


def test_a_photo_screenshot_is_shrunk_under_the_limit(tmp_path):
    from uswds_components.gallery.docs import MAX_SCREENSHOT_BYTES, shrink_png

    noisy = Image.effect_noise((700, 400), 80).convert("RGB")
    path = tmp_path / "photo.png"
    noisy.save(path)
    assert path.stat().st_size > 3 * MAX_SCREENSHOT_BYTES
    shrink_png(path)
    assert path.read_bytes().startswith(PNG_SIGNATURE)
    assert path.stat().st_size <= MAX_SCREENSHOT_BYTES
