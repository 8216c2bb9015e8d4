"""Pagination: USWDS's slot rules at any page count, labels in both languages, hrefs, bad input."""

from __future__ import annotations

import pytest
from conftest import parse, root_element
from hypothesis import given
from hypothesis import strategies as st

from uswds_components import ComponentError, get_spec, render
from uswds_components.components.pagination.hooks import page_slots

SPEC = get_spec("pagination")
EXAMPLES = [pytest.param(e, id=e.name) for e in SPEC.examples]
HREF = "/news?page={page}"


def check_slot_rules(current: int, total: int | None) -> None:
    """USWDS's rules: ≤ 7 slots; first, (last,) current and neighbours present; an ellipsis only
    where two or more pages are skipped; page numbers increasing."""
    slots = page_slots(current, total)
    where = f"current={current}, total={total}: {slots}"
    assert len(slots) <= 7, where
    pages = [slot for slot in slots if slot is not None]
    assert pages == sorted(set(pages)), where
    assert pages[0] == 1 and slots[0] == 1, where
    assert current in pages, where
    if current > 1:
        assert current - 1 in pages, where
    if total is None:
        assert slots[-1] is None, where  # the pages beyond, count unknown
        assert current + 1 in pages, where
        inner = slots[:-1]
    else:
        assert slots[-1] == total and pages[-1] == total, where
        assert all(1 <= page <= total for page in pages), where
        if current < total:
            assert current + 1 in pages, where
        if total <= 7:
            assert slots == list(range(1, total + 1)), where
        else:
            assert len(slots) == 7, where
        inner = slots
    for index, slot in enumerate(inner):
        if slot is None:
            before, after = inner[index - 1], inner[index + 1]
            assert before is not None and after is not None, where  # never two in a row
            assert after - before >= 3, where  # at least two pages skipped
        elif index > 0 and inner[index - 1] is not None:
            assert slot == inner[index - 1] + 1, where  # no gap without an ellipsis


def test_the_slot_rules_hold_for_every_pair_up_to_200():
    for total in range(1, 201):
        for current in range(1, total + 1):
            check_slot_rules(current, total)
    for current in range(1, 201):
        check_slot_rules(current, None)


@given(
    st.integers(min_value=1, max_value=10**6).flatmap(
        lambda total: st.tuples(st.integers(min_value=1, max_value=total), st.just(total))
    )
)
def test_the_slot_rules_hold_up_to_a_million_pages(pair):
    current, total = pair
    check_slot_rules(current, total)


@given(st.integers(min_value=1, max_value=10**6))
def test_the_unbounded_slot_rules_hold_up_to_a_million(current):
    check_slot_rules(current, None)


@pytest.mark.parametrize(
    ("current", "total", "expected"),
    [
        (10, 24, [1, None, 9, 10, 11, None, 24]),
        (1, 24, [1, 2, 3, 4, 5, None, 24]),
        (4, 24, [1, 2, 3, 4, 5, None, 24]),
        (5, 24, [1, None, 4, 5, 6, None, 24]),
        (21, 24, [1, None, 20, 21, 22, 23, 24]),
        (20, 24, [1, None, 19, 20, 21, None, 24]),
        (3, 7, [1, 2, 3, 4, 5, 6, 7]),
        (4, 8, [1, 2, 3, 4, 5, None, 8]),
        (5, 8, [1, None, 4, 5, 6, 7, 8]),
        (1, 1, [1]),
        (500000, 10**6, [1, None, 499999, 500000, 500001, None, 10**6]),
        (10, None, [1, None, 9, 10, 11, 12, None]),
        (4, None, [1, 2, 3, 4, 5, None]),
        (5, None, [1, None, 4, 5, 6, 7, None]),
    ],
)
def test_the_slots_of_uswds_examples(current, total, expected):
    assert page_slots(current, total) == expected


def slots_of(html: str) -> list[str]:
    """Each slot as text: a page link's number (starred if current) or "…"."""
    found = []
    for li in root_element(html).find("ul").find_all("li", recursive=False):
        if "usa-pagination__overflow" in li["class"]:
            found.append("…")
        elif "usa-pagination__page-no" in li["class"]:
            link = li.find("a")
            star = "*" if link.get("aria-current") == "page" else ""
            found.append(star + link.get_text(strip=True))
    return found


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_marks_exactly_the_current_page(example):
    params = SPEC.validate(example.params)
    root = root_element(render("pagination", **example.params))
    assert root.name == "nav" and "usa-pagination" in root["class"]
    current = root.select('a[aria-current="page"]')
    assert len(current) == 1
    assert current[0].get_text(strip=True) == str(params["current"])
    assert current[0]["class"] == ["usa-pagination__button", "usa-current"]
    assert root.find(hidden=True) is None


def test_the_default_example_renders_uswds_slots_and_labels():
    html = render("pagination", current=10, total=24, href=HREF)
    assert slots_of(html) == ["1", "…", "9", "*10", "11", "…", "24"]
    root = root_element(html)
    assert root["aria-label"] == "Pagination"
    assert not root.has_attr("lang")
    labels = [a["aria-label"] for a in root.find_all("a")]
    assert labels == [
        "Previous page",
        "Page 1",
        "Page 9",
        "Page 10",
        "Page 11",
        "Last page, page 24",
        "Next page",
    ]
    assert [a["href"] for a in root.find_all("a")] == [
        "/news?page=9",
        "/news?page=1",
        "/news?page=9",
        "/news?page=10",
        "/news?page=11",
        "/news?page=24",
        "/news?page=11",
    ]
    texts = [s.get_text(strip=True) for s in root.select(".usa-pagination__link-text")]
    assert texts == ["Previous", "Next"]
    overflow = root.select(".usa-pagination__overflow")
    assert [li["aria-label"] for li in overflow] == ["ellipsis indicating non-visible pages"] * 2
    assert all(li.find("a") is None for li in overflow)


def test_spanish_labels():
    html = render("pagination", current=10, total=24, href=HREF, lang="es")
    root = root_element(html)
    assert root["aria-label"] == "Paginación"
    assert root["lang"] == "es"
    labels = [a["aria-label"] for a in root.find_all("a")]
    assert labels == [
        "Página anterior",
        "Página 1",
        "Página 9",
        "Página 10",
        "Página 11",
        "Última página, página 24",
        "Página siguiente",
    ]
    texts = [s.get_text(strip=True) for s in root.select(".usa-pagination__link-text")]
    assert texts == ["Anterior", "Siguiente"]
    overflow = root.select(".usa-pagination__overflow")
    assert overflow[0]["aria-label"] == "puntos suspensivos que indican páginas no visibles"


def test_the_strings_in_both_languages():
    assert dict(SPEC.strings["en"]) == {
        "aria_label": "Pagination",
        "page": "Page {page}",
        "last_page": "Last page, page {page}",
        "previous": "Previous",
        "previous_label": "Previous page",
        "next": "Next",
        "next_label": "Next page",
        "overflow": "ellipsis indicating non-visible pages",
    }
    assert dict(SPEC.strings["es"]) == {
        "aria_label": "Paginación",
        "page": "Página {page}",
        "last_page": "Última página, página {page}",
        "previous": "Anterior",
        "previous_label": "Página anterior",
        "next": "Siguiente",
        "next_label": "Página siguiente",
        "overflow": "puntos suspensivos que indican páginas no visibles",
    }


def test_previous_is_hidden_on_the_first_page_and_next_on_the_last():
    first = root_element(render("pagination", current=1, total=24, href=HREF))
    assert first.select(".usa-pagination__previous-page") == []
    assert first.select_one(".usa-pagination__next-page")["href"] == "/news?page=2"
    last = root_element(render("pagination", current=24, total=24, href=HREF))
    assert last.select(".usa-pagination__next-page") == []
    assert last.select_one(".usa-pagination__previous-page")["href"] == "/news?page=23"
    only = root_element(render("pagination", current=1, total=1, href=HREF))
    assert only.select(".usa-pagination__arrow") == []
    assert only.select_one("a")["aria-label"] == "Last page, page 1"


def test_unbounded_ends_with_an_ellipsis_and_always_has_next():
    html = render("pagination", current=10, href="/results/{page}")
    assert slots_of(html) == ["1", "…", "9", "*10", "11", "12", "…"]
    root = root_element(html)
    assert root.select_one(".usa-pagination__next-page")["href"] == "/results/11"
    assert "Last page" not in html
    first = render("pagination", current=1, href="/r/{page}")
    assert slots_of(first) == ["*1", "2", "3", "4", "5", "…"]


def test_a_million_pages_still_renders_seven_slots():
    html = render("pagination", current=999_999, total=10**6, href=HREF)
    assert slots_of(html) == ["1", "…", "999996", "999997", "999998", "*999999", "1000000"]
    assert 'aria-label="Last page, page 1000000"' in html


def test_the_href_pattern_is_filled_and_escaped():
    html = render("pagination", current=2, total=3, href="/search?q=a&b={page}#top")
    hrefs = [a["href"] for a in parse(html).find_all("a")]
    assert "/search?q=a&b=3#top" in hrefs
    assert 'href="/search?q=a&amp;b=3#top"' in html


@pytest.mark.parametrize(
    ("params", "path", "message"),
    [
        ({"current": 25, "total": 24, "href": HREF}, "current", "past the last page"),
        ({"current": 0, "total": 24, "href": HREF}, "current", "at least 1"),
        ({"current": 1, "total": 0, "href": HREF}, "total", "at least 1"),
        ({"current": 2, "total": 3, "href": "/news"}, "href", "has no {page}"),
        ({"current": 2, "total": 3, "href": "javascript:go({page})"}, "href", "unsafe URL"),
        ({"current": "2", "total": 3, "href": HREF}, "current", "expected an integer"),
        ({"current": 2, "href": HREF, "label": "  "}, "label", "is empty"),
        ({"current": 2, "href": HREF, "lang": "fr"}, "lang", "must be one of"),
        ({"total": 3, "href": HREF}, "current", "is required"),
        ({"current": 2, "total": 3}, "href", "is required"),
    ],
)
def test_bad_input_names_the_param(params, path, message):
    with pytest.raises(ComponentError) as caught:
        render("pagination", **params)
    assert caught.value.component == "pagination"
    assert caught.value.param == path
    assert message in str(caught.value)


def test_a_filled_href_is_checked_again(monkeypatch):
    from uswds_components.components.pagination import hooks

    monkeypatch.setattr(hooks, "unsafe_url_reason", lambda url: "refused" if "7" in url else None)
    with pytest.raises(ComponentError, match="unsafe URL '/p/7' for page 7"):
        hooks.page_href("/p/{page}", 7)


def test_the_label_names_the_nav():
    root = root_element(render("pagination", current=1, total=2, href=HREF, label="Results"))
    assert root["aria-label"] == "Results"
