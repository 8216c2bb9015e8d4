"""Property-based escaping: no text value adds markup, and no URL value can run script.

Every text-like param (text, id, classes; those with fixed `allowed` values aside), nested list
and mapping fields included, is filled with hostile text starting from an example that uses it;
the parsed DOM must keep the shape it has with a harmless placeholder in that slot.
"""

from __future__ import annotations

import copy
import functools
import html
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from uswds_components import ComponentError, all_specs, render
from uswds_components.spec import Param

TEXT_TYPES = ("text", "id", "classes")
PLACEHOLDER = "placeholder"
NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "</script><b>x</b>",
    "</textarea></title></style><i>",
    "{{ 7*7 }}",
    "{% raw %}{% endraw %}{{ config }}",
    "<!-- -->",
    "<![CDATA[x]]>",
    "&lt;b&gt; &amp; &#60;i&#62;",
    "\x00\x01\x08\x0b\x0c\x1b\x7f",
    "\ud800\udfff\udc00",
    "\u202e\u200f\u200e\u2066",
    "x" * 5000,
    "\ufeff\u2028\u2029",
]
hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(),
    st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=20)), max_size=6).map("".join),
)


def slots(params: dict[str, Param], prefix: tuple = ()) -> Iterator[tuple[tuple, Param]]:
    """(path, param) for every text-like param; a path is keys and list indexes."""
    for name, param in params.items():
        if param.type in TEXT_TYPES and param.allowed is None:
            yield (*prefix, name), param
        elif param.type == "list" and param.fields:
            yield from slots(param.fields, (*prefix, name, 0))
        elif param.type == "mapping":
            yield from slots(param.fields, (*prefix, name))


def starting_params(component: str, path: tuple) -> dict[str, Any]:
    """An example's params that reach `path` (a copy of its own)."""
    return copy.deepcopy(_starting_params(component, path))


@functools.cache
def _starting_params(component: str, path: tuple) -> dict[str, Any]:
    """An example's params that reach `path`: preferably one that fills that very slot. Chosen
    once per slot: choosing copied every example's params on each of thousands of inputs."""
    spec = all_specs()[component]
    reaching = []
    for candidate in spec.examples:
        params = copy.deepcopy(dict(candidate.params))
        container: Any = params
        for key in path[:-1]:
            if isinstance(key, int):
                if not isinstance(container, list) or len(container) <= key:
                    break
            elif isinstance(container, dict) and container.get(key) is None:
                container[key] = {}
            container = container[key]
        else:
            if isinstance(container.get(path[-1]), str):
                return params
            reaching.append(params)
    assert reaching, f"{component}: no example reaches {path}"
    return reaching[0]


def with_value(component: str, path: tuple, value: str) -> dict[str, Any]:
    params = starting_params(component, path)
    container: Any = params
    for key in path[:-1]:
        container = container[key]
    container[path[-1]] = value
    return params


# Elements the parser never waits to see closed.
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


class _Shape(HTMLParser):
    """Each start tag with its depth and attribute names: BeautifulSoup's tree, without the
    tree (several times faster over the tens of thousands of renders below)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, len(self.open), tuple(sorted({name for name, _ in attrs}))))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, len(self.open), tuple(sorted({name for name, _ in attrs}))))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:  # close it and whatever it left open, as a tree builder would
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]


def shape(markup: str) -> list[tuple]:
    """Elements, their depth and their attribute names in document order: the DOM without
    text or values."""
    parser = _Shape()
    parser.feed(markup)
    parser.close()
    return parser.found


def shape_with(component: str, path: tuple, value: str) -> list[tuple] | None:
    try:
        return shape(str(render(component, **with_value(component, path, value))))
    except ComponentError:
        return None


@functools.cache
def expected_shapes(component: str, path: tuple) -> tuple[list[tuple], list[tuple] | None]:
    """The shape with a harmless value in the slot (the example's own, or a plain word), and
    the shape with it empty: blank text may leave an optional part out, never add one."""
    value: Any = starting_params(component, path)
    for key in path:
        value = value[key] if isinstance(value, list) or key in value else None
        if value is None:
            break
    placeholder = value if isinstance(value, str) and value.strip() else PLACEHOLDER
    harmless = shape_with(component, path, placeholder)
    assert harmless is not None, f"{component}: {path} refuses {placeholder!r}"
    return harmless, shape_with(component, path, "")


SLOTS = [
    pytest.param(name, path, id=f"{name}:{'.'.join(map(str, path))}")
    for name, spec in sorted(all_specs().items())
    for path, _ in slots(dict(spec.params))
]


def test_every_component_has_text_slots_under_test():
    assert {name for name, *_ in (s.values for s in SLOTS)} == set(all_specs())


@pytest.mark.parametrize(("component", "path"), SLOTS)
@given(value=hostile_text)
@example(value="<b>bold</b>")
def test_hostile_text_adds_no_element_or_attribute(component, path, value):
    try:
        output = str(render(component, **with_value(component, path, value)))
    except ComponentError:
        return  # refusing a value is as safe as escaping it
    harmless, blank = expected_shapes(component, path)
    found = shape(output)
    if value.strip() and found != harmless:
        raise AssertionError(f"{value!r} changed the DOM:\n{output}")
    assert found in (harmless, blank)


def test_a_shape_change_is_noticed():
    # The comparison must see an element or an attribute that was not there before.
    base = shape('<p class="a">text</p>')
    assert shape('<p class="a"><b>text</b></p>') != base
    assert shape('<p class="a" onclick="x">text</p>') != base
    assert shape('<p class="a &quot;onclick=x">te&lt;b&gt;xt</p>') == base


# --- URLs --------------------------------------------------------------------------------------


def url_slots(params: dict[str, Param], prefix: tuple = ()) -> Iterator[tuple]:
    for name, param in params.items():
        if param.type == "url":
            yield (*prefix, name)
        elif param.type == "list" and param.fields:
            yield from url_slots(param.fields, (*prefix, name, 0))
        elif param.type == "mapping":
            yield from url_slots(param.fields, (*prefix, name))


URL_SLOTS = [
    pytest.param(name, path, id=f"{name}:{'.'.join(map(str, path))}")
    for name, spec in sorted(all_specs().items())
    for path in url_slots(dict(spec.params))
]


def random_case(word: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda flips: "".join(c.upper() if f else c for c, f in zip(word, flips, strict=True))
    )


def entity_encoded(text: str) -> st.SearchStrategy[str]:
    """`text` with some characters written as HTML character references."""
    forms = [lambda c: c, lambda c: f"&#{ord(c)};", lambda c: f"&#x{ord(c):x};"]
    return st.lists(st.sampled_from(forms), min_size=len(text), max_size=len(text)).map(
        lambda chosen: "".join(form(c) for form, c in zip(chosen, text, strict=True))
    )


scheme = st.sampled_from(["javascript", "vbscript", "data"]).flatmap(random_case)
dangerous_url = st.builds(
    lambda lead, url: lead + url,
    st.text(alphabet=[chr(c) for c in range(0x21)], max_size=4),
    st.one_of(
        st.builds(lambda s, rest: f"{s}:{rest}", scheme, st.sampled_from(["alert(1)", "x,<b>"])),
        scheme.flatmap(lambda s: entity_encoded(f"{s}:")).map(lambda u: u + "alert(1)"),
        scheme.map(lambda s: f"{s[:4]}\t{s[4:]}:alert(1)"),
        scheme.map(lambda s: f"{s}&colon;alert(1)"),
    ),
)


@pytest.mark.parametrize(("component", "path"), URL_SLOTS)
@given(url=dangerous_url)
@example(url="&#106;avascript:alert(1)")
@example(url=" \x01JaVaScRiPt:alert(1)")
def test_script_urls_are_refused(component, path, url):
    unescaped = html.unescape(url)
    assert any(
        s in unescaped.lower().replace("\t", "") for s in ("javascript:", "vbscript:", "data:")
    )
    with pytest.raises(ComponentError) as caught:
        render(component, **with_value(component, path, url))
    assert caught.value.component == component


SAFE_URLS = [
    "https://www.dhs.gov/news",
    "http://example.gov/a?b=c#d",
    "mailto:help@example.gov",
    "tel:+1-202-555-0100",
    "/about/",
    "relative/page.html",
    "../up",
    "?page=2",
    "#main-content",
]


@pytest.mark.parametrize(("component", "path"), URL_SLOTS)
@pytest.mark.parametrize("url", SAFE_URLS)
def test_ordinary_urls_pass_the_allow_list(component, path, url):
    # A component may narrow a URL further (skipnav's target is a fragment, breadcrumb's
    # base_url absolute); the shared allow-list itself must never be what refuses these.
    try:
        render(component, **with_value(component, path, url))
    except ComponentError as error:
        assert "unsafe URL" not in str(error)
