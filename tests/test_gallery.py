"""The gallery: an index, a page per component, a standalone preview per example (no browser)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import jinja2
import pytest
from conftest import parse
from markupsafe import Markup

from uswds_components import (
    ComponentError,
    all_examples,
    all_specs,
    create_environment,
    get_spec,
    render,
)
from uswds_components.__main__ import main
from uswds_components.example_pages import EXAMPLE_PAGES
from uswds_components.gallery import SPANISH_PAGE, build, selected_examples, write_pages
from uswds_components.gallery.usage import (
    format_value,
    jinja_call,
    markdown_to_html,
    param_rows,
    python_call,
)

EXAMPLE_PAGE_FOLDERS = {page.name for page in EXAMPLE_PAGES}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gallery-cli")
    assert main(["gallery", "build", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def gallery_pages(built: Path) -> dict[Path, Any]:
    """The index and every component and example page (index*.html), each parsed once for the
    tests below, which read them and change none: parsing them is most of what they cost."""
    paths = [built / "index.html", *sorted(built.glob("*/index*.html"))]
    return {path: parse(path.read_text(encoding="utf-8")) for path in paths}


def local_refs(page, anchors: bool = True) -> list[str]:
    """Assets a page loads, and with `anchors` the pages it links."""
    refs = [t["href"] for t in page.find_all(["link", "a"] if anchors else "link", href=True)]
    refs += [t["src"] for t in page.find_all(["script", "img", "iframe"], src=True)]
    return [ref for ref in refs if "://" not in ref and not ref.startswith(("#", "data:"))]


def test_every_visible_example_has_its_preview_page_and_hidden_ones_do_not(built):
    for example in all_examples(include_hidden=False):
        page = parse((built / example.component / f"{example.name}.html").read_text("utf-8"))
        assert page.find("main", id="main-content") is not None
        assert page.find("html")["lang"] == "en"
    assert not (built / "banner" / "classes-attributes.html").exists()  # hidden: tests only


def test_the_index_links_every_component_page_preview_and_the_example_pages(built):
    index = parse((built / "index.html").read_text(encoding="utf-8"))
    links = {a["href"] for a in index.find_all("a")}
    for spec in all_specs().values():
        assert f"{spec.name}/index.html" in links
        row = index.select_one(f'table a[href="{spec.name}/index.html"]').find_parent("tr")
        # Code spans in a summary are shown as <code>, without their backticks.
        assert row.find("td").get_text() == spec.summary.replace("`", "")
    previews = {f"{e.component}/{e.name}.html" for e in all_examples(include_hidden=False)}
    assert previews <= links
    for example_page in EXAMPLE_PAGES:
        english, spanish = f"{example_page.name}/index.html", f"{example_page.name}/es/index.html"
        assert {english, spanish} <= links
        assert index.find("a", href=spanish)["lang"] == "es"
        assert index.find("h2", string=example_page.heading) is not None
    assert "Archived Content" in (built / "seed" / "index.html").read_text(encoding="utf-8")
    landing = (built / "agency-landing" / "index.html").read_text(encoding="utf-8")
    assert "Help after a disaster" in landing


def test_every_gallery_page_links_only_files_that_exist(built, gallery_pages):
    # The example pages link their own site's paths ("/"), which the gallery does not have.
    pages = [
        (path, page, True)
        for path, page in gallery_pages.items()
        if path.parent.name not in EXAMPLE_PAGE_FOLDERS
    ]
    # A preview's links are the example's own (href="/forms"): only its assets must be there.
    previews = [built / e.component / f"{e.name}.html" for e in all_examples(include_hidden=False)]
    pages += [(path, parse(path.read_text(encoding="utf-8")), False) for path in previews]
    for path, page, anchors in pages:
        for ref in local_refs(page, anchors):
            # The gallery is served from OUT's root, so "/x" is OUT/x.
            base = built if ref.startswith("/") else path.parent
            target = base.joinpath(ref.split("#")[0].lstrip("/")).resolve()
            assert target.is_file(), f"{path.relative_to(built)} links {ref}"


def test_a_component_page_shows_previews_code_params_notes_and_a_language_switch(built):
    spec = get_spec("banner")
    page = parse((built / "banner" / "index.html").read_text(encoding="utf-8"))
    english = [e for e in spec.examples if not e.hidden and e.params.get("lang") != "es"]
    frames = page.find_all("iframe")
    assert [f["src"] for f in frames] == [f"{e.name}.html" for e in english]
    assert all(f["title"].startswith("Preview: Banner") and int(f["height"]) > 100 for f in frames)
    codes = [pre.get_text() for pre in page.select("pre.gallery-code")]
    assert 'html = render("banner", tld="mil")' in "\n".join(codes)
    assert '{{ usa.banner(tld="mil") }}' in "\n".join(codes)
    assert any('<section class="usa-banner"' in code for code in codes)  # the rendered HTML
    assert all(pre.get("data-copy-label") for pre in page.select("pre.gallery-code"))
    params = [
        row.find("th").get_text(strip=True) for row in page.select("table.gallery-params tbody tr")
    ]
    assert params == [name for name, _ in param_rows(spec)]
    assert "screen readers heard the latter as “unofficial”" in page.get_text(" ")
    switch = page.find("nav", attrs={"aria-label": "Language of the examples"})
    current = switch.find("a", attrs={"aria-current": "page"})
    assert current["href"] == "index.html"
    assert switch.find("a", href=SPANISH_PAGE)["lang"] == "es"
    spanish = parse((built / "banner" / SPANISH_PAGE).read_text(encoding="utf-8"))
    assert [f["src"] for f in spanish.find_all("iframe")] == ["lang-es.html", "mil-lang-es.html"]
    strings = spanish.find("h2", id="strings").find_next("table").get_text(" ")
    assert "Así es como usted puede verificarlo" in strings


def test_a_page_without_check_results_has_no_badges(built):
    assert "gallery-badge" not in (built / "banner" / "index.html").read_text(encoding="utf-8")
    assert not (built / "check-results.json").exists()


def test_build_reports_progress_per_example_on_stderr(tmp_path, capsys):
    assert main(["gallery", "build", str(tmp_path), "--only", "banner,alert/info"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == ["build [1/6] alert/info", "build [2/6] banner/default"]
    assert err[-1].startswith("build: 6 previews")
    assert sorted(p.name for p in tmp_path.glob("alert/*.html")) == ["index.html", "info.html"]


def test_only_refuses_a_name_that_is_not_a_component_or_example():
    with pytest.raises(ValueError, match="banner/nope"):
        selected_examples(["banner", "banner/nope"])
    with pytest.raises(SystemExit, match="no component or example named bannr"):
        main(["gallery", "build", "/nonexistent-out", "--only", "bannr"])


# --- the calls shown are the calls that render the example ------------------------------------


@pytest.fixture(scope="module")
def environment() -> jinja2.Environment:
    """A site's environment, built once: its first render compiles every component (~0.9 s)."""
    return create_environment()


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e.id)
def test_the_jinja_shown_renders_exactly_the_example(example, environment):
    # The import line leaves its newline before the component.
    assert environment.from_string(jinja_call(example)).render().removeprefix("\n") == str(
        render(example.component, **example.params)
    )


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e.id)
def test_the_python_shown_renders_exactly_the_example(example):
    namespace: dict = {}
    exec(python_call(example), namespace)
    assert namespace["html"] == render(example.component, **example.params)


def test_markup_shown_without_safe_is_refused_so_the_comparison_can_fail():
    shown = jinja_call(get_spec("alert").example("html"))
    assert "|safe" in shown
    with pytest.raises(ComponentError, match=r"expected markupsafe\.Markup"):
        create_environment().from_string(shown.replace("|safe", "")).render()
    changed = shown.replace('status="info"', 'status="warning"')
    assert create_environment().from_string(changed).render().removeprefix("\n") != str(
        render("alert", **get_spec("alert").example("html").params)
    )


def test_values_are_written_as_python_and_jinja_literals():
    assert format_value(Markup('<a href="/x">x</a>'), "python") == "Markup('<a href=\"/x\">x</a>')"
    assert format_value(Markup("<b>x</b>"), "jinja") == '"<b>x</b>"|safe'
    assert format_value(True, "jinja") == "true"
    assert format_value(None, "python") == "None"
    assert format_value(dt.date(2018, 9, 20), "python") == "date(2018, 9, 20)"
    assert format_value(dt.date(2018, 9, 20), "jinja") == '"2018-09-20"'
    assert format_value('say "hi" it\'s', "python") == '"say \\"hi\\" it\'s"'


def test_the_notes_markdown_becomes_a_list_with_code_and_bold_escaped():
    html = markdown_to_html("- **Role.** a `<span>`\n  continues\n- two\n\nA paragraph <b>.")
    assert html == (
        '<ul class="usa-list">\n<li><strong>Role.</strong> a <code>&lt;span&gt;</code> continues'
        "</li>\n<li>two</li>\n</ul>\n<p>A paragraph &lt;b&gt;.</p>"
    )


# --- the seed page, inline code, tab stops, missing assets and snapshots -----------------------


@pytest.mark.parametrize(
    ("page", "lang", "h1"),
    [
        ("seed/index.html", "en", "Blue Campaign"),
        ("seed/es/index.html", "es", "Blue Campaign"),
        ("agency-landing/index.html", "en", "Disaster assistance"),
        ("agency-landing/es/index.html", "es", "Asistencia por desastre"),
    ],
)
def test_the_gallery_holds_the_example_pages_with_working_relative_asset_links(
    built, page, lang, h1
):
    path = built / page
    doc = parse(path.read_text(encoding="utf-8"))
    assert doc.find("html")["lang"] == lang
    assert doc.find("main", id="main-content").find("h1").get_text(" ", strip=True).startswith(h1)
    refs = local_refs(doc, anchors=False)
    assert {"uswds.min.css", "uswds-components.css", "uswds-init.min.js", "uswds.min.js"} <= {
        ref.rsplit("/", 1)[-1] for ref in refs
    }
    for ref in refs:
        # Relative, so the gallery works from any folder or URL prefix.
        assert not ref.startswith("/"), f"{page} links {ref}"
        assert (path.parent / ref).resolve().is_file(), f"{page} links {ref}"


def test_inline_code_in_summaries_and_descriptions_is_code_not_backticks(built, gallery_pages):
    index = gallery_pages[built / "index.html"]
    row = index.select_one('table a[href="last_updated/index.html"]').find_parent("tr")
    assert "<code>&lt;time&gt;</code>" in str(row.find("td"))
    skipnav = gallery_pages[built / "skipnav" / "index.html"]
    assert skipnav.find(id="default").find("p").find("code").get_text() == "#main-content"
    preview = parse((built / "skipnav" / "default.html").read_text(encoding="utf-8"))
    assert preview.find("h1").find("code").get_text() == "#main-content"
    for path, doc in gallery_pages.items():
        # Code shows backticks on purpose: every backtick on the page is inside some.
        code = [
            tag
            for tag in doc.find_all(["pre", "code", "script"])
            if not tag.find_parent(["pre", "code", "script"])
        ]
        in_code = sum(tag.get_text().count("`") for tag in code)
        assert doc.get_text().count("`") == in_code, path.relative_to(built)


def test_without_js_every_tab_stop_in_the_gallery_is_a_named_region(built, gallery_pages):
    found = 0
    for path, doc in gallery_pages.items():
        if path.parent.name in EXAMPLE_PAGE_FOLDERS:
            continue
        labels = []
        for tag in doc.find_all(attrs={"tabindex": "0"}):
            found += 1
            assert tag.get("role") == "region", (path.name, str(tag)[:80])
            assert tag.get("aria-label") and tag["aria-label"] == tag.get("data-scroll-label")
            labels.append(tag["aria-label"])
        # Landmarks of one role need names of their own.
        assert len(labels) == len(set(labels)), path.relative_to(built)
    assert found > 100


def test_gallery_build_without_assets_fails_in_one_line_and_writes_nothing(
    tmp_path, monkeypatch, capsys
):
    from uswds_components import assets

    empty = tmp_path / "no-bundle"
    empty.mkdir()
    monkeypatch.setattr(assets, "USWDS_BUNDLE", empty)
    out = tmp_path / "gallery"
    assert main(["gallery", "build", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("uswds-components gallery build: ")
    assert "no bundled USWDS" in err and "Traceback" not in err
    assert not out.exists()
    assert main(["gallery", "screenshots", str(out)]) == 2
    assert not out.exists()


def test_the_gallery_copies_uswds_from_the_bundle_the_package_carries(tmp_path, monkeypatch):
    from uswds_components import USWDS_VERSION, assets

    bundle = tmp_path / "bundle"
    shutil.copytree(assets.path(), bundle)
    (bundle / "from-the-bundle.txt").write_text("here", encoding="utf-8")
    monkeypatch.setattr(assets, "USWDS_BUNDLE", bundle)
    out = tmp_path / "gallery"
    assert main(["gallery", "build", str(out), "--only", "skipnav"]) == 0
    copied = out / "assets" / "uswds"
    assert (copied / "from-the-bundle.txt").read_text(encoding="utf-8") == "here"
    assert (copied / "VERSION").read_text(encoding="utf-8").strip() == USWDS_VERSION


def test_a_gallery_built_without_the_snapshots_leaves_out_only_their_section(tmp_path, monkeypatch):
    from uswds_components.gallery import usage

    # A wheel carries no accessibility-tree snapshots (test data): nothing may need them.
    monkeypatch.setattr(usage, "COMPONENTS_DIR", tmp_path / "no-snapshots")
    out = tmp_path / "gallery"
    build(out, only=["banner"])
    page = (out / "banner" / "index.html").read_text(encoding="utf-8")
    assert "What assistive technology gets" not in page and "Rendered HTML" in page
    monkeypatch.undo()
    write_pages(out)
    assert "What assistive technology gets" in (out / "banner" / "index.html").read_text("utf-8")
