"""The gallery: one standalone page per example at OUT/<component>/<example>.html."""

from __future__ import annotations

from conftest import parse

from uswds_components import all_examples
from uswds_components.__main__ import main


def test_build_writes_a_page_per_visible_example_and_an_index(tmp_path, capsys):
    assert main(["gallery", "build", str(tmp_path)]) == 0
    assert "preview pages" in capsys.readouterr().out
    index = parse((tmp_path / "index.html").read_text(encoding="utf-8"))
    links = {a["href"] for a in index.find_all("a")}
    visible = {f"{e.component}/{e.name}.html" for e in all_examples(include_hidden=False)}
    assert links == visible
    for link in links:
        page = parse((tmp_path / link).read_text(encoding="utf-8"))
        assert page.find("main", id="main-content") is not None
        assert page.find("html")["lang"] == "en"
        for ref in [t["href"] for t in page.find_all("link", rel="stylesheet")] + [
            t["src"] for t in page.find_all(["script", "img"], src=True)
        ]:
            # The gallery is served from OUT's root, so "/x" is OUT/x.
            base = tmp_path if ref.startswith("/") else (tmp_path / link).parent
            assert base.joinpath(ref.lstrip("/")).resolve().is_file(), ref
    assert not (tmp_path / "banner" / "classes-attributes.html").exists()  # hidden: tests only
