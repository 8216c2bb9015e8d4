"""The memo of component renders: a hit is only ever a repeat of params already validated.

Each test fails against a memo keyed loosely: on `==` of the params (str and Markup, 1 and True
compare equal), without the environment's settings, without the nonce, or filled before
validation succeeds. Renders kept around a per-page slot must equal whole renders, errors too.
"""

from __future__ import annotations

import copy
import datetime as dt

import jinja2
import pytest
from markupsafe import Markup

from uswds_components import (
    ComponentError,
    all_specs,
    create_environment,
    environment,
    get_spec,
    page,
    render_in,
)
from uswds_components.environment import (
    _SEEN_LIMIT,
    MEMO_SIZE,
    canonical_params,
    region_html,
)
from uswds_components.page import region_params
from uswds_components.spec import Param, changed

ALERT = {"status": "info", "heading": "Closed", "text": "<b>today</b>"}


def memo_entries(env: jinja2.Environment) -> int:
    return len(env.__dict__["_uswds_memo"].entries)


def test_a_memo_hit_returns_the_same_html_as_the_first_render():
    env = create_environment()
    first = render_in(env, "alert", **ALERT)
    assert memo_entries(env) == 1
    again = render_in(env, "alert", **dict(ALERT))  # equal params, new objects
    assert memo_entries(env) == 1  # a hit, not a second entry
    assert again == first and isinstance(again, Markup)
    uncached = create_environment().get_template("uswds/components/alert/macro.html")
    assert again == Markup(uncached.module.usa_alert(**ALERT))


def test_bad_params_raise_on_every_call_after_good_ones_were_kept():
    env = create_environment()
    render_in(env, "banner", lang="es")
    for _ in range(3):
        with pytest.raises(ComponentError, match="param 'lang': must be one of"):
            render_in(env, "banner", lang="fr")
        with pytest.raises(ComponentError, match="unsafe URL"):
            render_in(env, "alert", **ALERT, attributes={"ping": "javascript:x()"})
    assert memo_entries(env) == 1


def test_a_mutated_mapping_is_validated_again():
    env = create_environment()
    params = {"items": [{"text": "Home", "href": "/"}, {"text": "News"}]}
    render_in(env, "breadcrumb", **params)
    params["items"][0]["href"] = "javascript:alert(1)"
    with pytest.raises(ComponentError, match=r"items\[0\]\.href"):
        render_in(env, "breadcrumb", **params)


def test_str_and_markup_never_share_an_entry():
    env = create_environment()
    as_text = render_in(env, "alert", status="info", text="<b>bold</b>")
    as_html = render_in(env, "alert", status="info", html=Markup("<b>bold</b>"))
    assert "&lt;b&gt;bold&lt;/b&gt;" in as_text and "<b>bold</b>" in as_html
    # Markup given to a text param is escaped like text, but is a key of its own.
    assert canonical_params({"text": "<b>"}) != canonical_params({"text": Markup("<b>")})
    marked = render_in(env, "alert", status="info", text=Markup("<b>bold</b>"))
    assert marked == as_text
    assert render_in(env, "alert", status="info", text="<b>bold</b>") == as_text


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ({"v": 1}, {"v": True}),
        ({"v": 0.0}, {"v": -0.0}),
        ({"v": "x"}, {"v": Markup("x")}),
        ({"v": [1]}, {"v": (1,)}),
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}),  # attribute order shows in the output
        ({"d": dt.date(2018, 9, 20)}, {"d": dt.datetime(2018, 9, 20)}),
    ],
)
def test_keys_tell_apart_values_python_calls_equal(one, other):
    assert canonical_params(one) != canonical_params(other)


def test_aware_datetimes_at_one_instant_are_different_dates():
    utc = dt.datetime(2018, 9, 20, 1, tzinfo=dt.UTC)
    new_york = utc.astimezone(dt.timezone(dt.timedelta(hours=-4)))
    assert utc == new_york
    assert canonical_params({"date": utc}) != canonical_params({"date": new_york})
    env = create_environment()
    assert "09/20/2018" in render_in(env, "last_updated", date=utc)
    assert "09/19/2018" in render_in(env, "last_updated", date=new_york)


def test_values_of_other_types_are_rendered_without_the_memo():
    class Text(str):
        pass

    assert canonical_params({"text": Text("x")}) is None
    env = create_environment()
    html = render_in(env, "alert", status="info", text=Text("<i>"))
    assert "&lt;i&gt;" in html
    assert "_uswds_memo" not in env.__dict__ or memo_entries(env) == 0


def test_two_environments_with_different_assets_do_not_share():
    one = create_environment(assets_url="/one")
    two = create_environment(assets_url="/two")
    assert 'src="/one/img/us_flag_small.png"' in render_in(one, "banner")
    assert 'src="/two/img/us_flag_small.png"' in render_in(two, "banner")
    assert 'src="/one/img/us_flag_small.png"' in render_in(one, "banner")


def test_the_nonce_is_part_of_the_key():
    env = create_environment()
    fields = {"action": "/feedback", "page_url": "/news"}
    first = render_in(env, "page_feedback", **fields, nonce="aaaa")
    second = render_in(env, "page_feedback", **fields, nonce="bbbb")
    assert 'nonce="aaaa"' in first and 'nonce="bbbb"' in second
    layout = [
        page(title="T", page_feedback=fields, nonce=nonce, environment=env)
        for nonce in ("cccc", "dddd")
    ]
    assert layout[0].count('nonce="cccc"') == 3 and "dddd" not in layout[0]
    assert layout[1].count('nonce="dddd"') == 3 and "cccc" not in layout[1]


def test_autoescape_off_environments_still_escape_memo_hits():
    env = create_environment(autoescape=False)
    for _ in range(2):
        html = render_in(env, "alert", status="info", text="<script>x()</script>")
        assert "<script>" not in html and "&lt;script&gt;" in html
    assert memo_entries(env) == 1
    layout = jinja2.Environment(autoescape=False, loader=jinja2.DictLoader({}))
    from uswds_components import configure_environment

    configure_environment(layout)
    for _ in range(2):
        html = page(title="T", header={"title": "<b>Agency</b>"}, environment=layout)
        assert "<b>Agency</b>" not in html and "&lt;b&gt;Agency&lt;/b&gt;" in html


def test_the_memo_is_bounded():
    env = create_environment()
    sizes = []
    for number in range(3 * MEMO_SIZE):
        render_in(env, "skipnav", target=f"#t{number}")
        sizes.append(memo_entries(env))
    # Full, it drops its oldest eighth at once, and fills again.
    assert max(sizes) == MEMO_SIZE
    assert min(sizes[MEMO_SIZE:]) == MEMO_SIZE - MEMO_SIZE // 8 + 1
    assert 'href="#t0"' in render_in(env, "skipnav", target="#t0")


def test_a_new_loader_starts_a_new_memo():
    from uswds_components import configure_environment

    env = create_environment()
    render_in(env, "skipnav")
    configure_environment(env)
    assert "_uswds_memo" not in env.__dict__


# --- per-page params (spec.toml: per_page) -------------------------------------------------------

FEEDBACK = {"action": "/feedback", "page_url": "/about/"}
HOSTILE_URLS = [
    "/a?b=1&c=<2>",
    '/say"hi"/',
    "/it's/",
    "https://www.example.gov/search?q=%3Cscript%3E&x=1",
    "/uswds-components-per-page-page_url/",
]


def whole(env: jinja2.Environment, **params) -> Markup:
    """The form rendered by its macro directly: no memo, no per-page slot."""
    template = env.get_template("uswds/components/page_feedback/macro.html")
    return Markup(template.module.usa_page_feedback(**params))


@pytest.mark.parametrize("example", get_spec("page_feedback").examples, ids=lambda e: e.name)
def test_per_page_renders_equal_whole_renders_for_every_example(example):
    env = create_environment()
    for page_url in ["/about/", *HOSTILE_URLS]:
        params = {**example.params, "page_url": page_url}
        assert render_in(env, "page_feedback", **params) == whole(env, **params), page_url


def test_the_first_page_renders_whole_and_the_second_keeps_the_render_around_the_slot():
    # A kept render costs a second validation: only a second page with the same other params
    # pays it back.
    env = create_environment()
    render_in(env, "page_feedback", **{**FEEDBACK, "page_url": "/one/"})
    assert sorted(v for v in env.__dict__["_uswds_memo"].entries.values() if type(v) is str) == [
        "seen"
    ]
    render_in(env, "page_feedback", **{**FEEDBACK, "page_url": "/two/"})
    kept = [v for v in env.__dict__["_uswds_memo"].entries.values() if type(v) is tuple]
    assert len(kept) == 1
    before, after, *_ = kept[0]
    assert render_in(env, "page_feedback", **{**FEEDBACK, "page_url": "/three/"}) == Markup(
        before + "/three/" + after
    )


def test_the_rest_of_the_form_is_rendered_once_for_many_pages():
    env = create_environment()
    for number in range(50):
        render_in(env, "page_feedback", **{**FEEDBACK, "page_url": f"/news/{number}/"})
    # The render around the slot and the first page's whole render: pages seen once (a static
    # build's) are not kept, so they push out nothing that comes again.
    assert memo_entries(env) == 2


def test_the_pages_seen_once_are_forgotten_in_bounded_memory():
    env = create_environment()
    for number in range(_SEEN_LIMIT + 10):
        region_html(env, {"action": "/f", "page_url": f"/n/{number}/"}, "page_feedback", "en")
    seen_once = env.__dict__["_uswds_memo"].seen_once
    assert 0 < len(seen_once) <= _SEEN_LIMIT
    assert memo_entries(env) == 2


def test_a_page_made_around_the_slot_is_kept_when_it_comes_again():
    env = create_environment()
    render_in(env, "page_feedback", **{**FEEDBACK, "page_url": "/news/0/"})  # whole
    again = {**FEEDBACK, "page_url": "/news/1/"}
    renders = [render_in(env, "page_feedback", **again) for _ in range(4)]
    # Made around the slot twice (seen, then kept), then a lookup: the kept object itself.
    assert renders[0] is not renders[1]
    assert renders[2] is renders[1] and renders[3] is renders[1]
    assert renders[0] == whole(env, **again)
    assert memo_entries(env) == 3


def test_a_bad_page_url_raises_after_good_pages_were_kept():
    env = create_environment()
    render_in(env, "page_feedback", **FEEDBACK)
    with pytest.raises(ComponentError, match=r"'page_url'.*javascript"):
        render_in(env, "page_feedback", action="/feedback", page_url="javascript:alert(1)")
    with pytest.raises(ComponentError, match="'page_url': is empty"):
        render_in(env, "page_feedback", action="/feedback", page_url=" ")
    with pytest.raises(ComponentError, match="'action'"):
        render_in(env, "page_feedback", action="javascript:x()", page_url="/news/9/")


def test_the_placeholder_in_another_param_does_not_take_the_page_url():
    env = create_environment()
    params = {**FEEDBACK, "comment_text": "/uswds-components-per-page-page_url/", "page_url": "/x/"}
    params["state"] = "reasons"
    assert render_in(env, "page_feedback", **params) == whole(env, **params)


def test_an_unescaped_slot_is_caught(monkeypatch):
    # The broken variant: the page's value put in without escaping.
    import uswds_components.environment as environment

    monkeypatch.setattr(environment, "escape", lambda value: value)
    env = create_environment()
    render_in(env, "page_feedback", **{**FEEDBACK, "page_url": "/first/"})  # whole, see below
    params = {**FEEDBACK, "page_url": '/say"hi"/'}
    assert render_in(env, "page_feedback", **params) != whole(env, **params)


def test_only_top_level_text_can_be_per_page():
    from uswds_components.spec import SpecError, parse_spec

    with pytest.raises(SpecError, match="only a top-level text or url can be per_page"):
        parse_spec("x", {"params": {"n": {"type": "int", "per_page": True}}})


def test_an_environment_with_finalize_renders_the_form_whole():
    # finalize sees the placeholder, not the page's value: the slot would not be found.
    env = create_environment(finalize=lambda v: v.upper() if isinstance(v, str) else v)
    params = {**FEEDBACK, "page_url": "/news/1/"}
    assert 'value="/NEWS/1/"' in render_in(env, "page_feedback", **params)
    assert render_in(env, "page_feedback", **params) == whole(env, **params)


# --- every declared slot (breadcrumb's current title, last_updated's date, page_url) ------------

SLOT_VALUES: dict[str, list] = {
    "text": [
        "News",
        "<script>alert(1)</script>",
        'Say "hi" & <b>bye</b>',
        "It's",
        Markup("<i>marked</i>"),
        "/uswds-components-per-page-items-1-text/",
        "",
        "   ",
        "\t\n",
        " padded ",
        42,
        None,
    ],
    "url": [
        "/x/",
        "/a?b=1&c=<2>",
        "javascript:alert(1)",
        " ",
        "mailto:a@b.gov",
        "//evil.example/",
        "https://good@evil.example/",
        "https:evil.example",
        "/a\\b",
        "/line\nbreak",
        "/" + "x" * 2048,
        Markup("/marked/"),
        7,
    ],
    "date": [
        dt.date(2018, 9, 20),
        dt.date(2024, 2, 29),
        dt.datetime(2018, 9, 20, 23, 30, tzinfo=dt.UTC),
        "2018-09-21",
        "2018-09-21x",
        dt.date(1111, 11, 11),
        20180920,
    ],
}
SLOTTED = [spec for spec in all_specs().values() if spec.slot is not None]


def slot_param(spec) -> Param:
    param = spec.params[spec.slot.path[0]]
    for key in spec.slot.path[1:]:
        if isinstance(key, str):
            param = param.fields[key]
    return param


def whole_outcome(env: jinja2.Environment, component: str, params: dict):
    template = env.get_template(f"uswds/components/{component}/macro.html")
    try:
        return str(getattr(template.module, f"usa_{component}")(**params))
    except ComponentError as error:
        return f"error: {error}"


def memo_outcome(env: jinja2.Environment, component: str, params: dict):
    try:
        return str(render_in(env, component, **params))
    except ComponentError as error:
        return f"error: {error}"


def test_the_declared_slots():
    assert {spec.name: spec.slot.path for spec in SLOTTED} == {
        "breadcrumb": ("items", -1, "text"),
        "last_updated": ("date",),
        "page_feedback": ("page_url",),
    }


def region_outcome(env: jinja2.Environment, component: str, value: dict, lang: str):
    try:
        return str(region_html(env, value, component, lang))
    except ComponentError as error:
        return f"error: {error}"


def with_slot_value(spec, example, value) -> dict | None:
    """A copy of the example's params with `value` in the slot, or None if it has no slot."""
    params = copy.deepcopy(dict(example.params))
    if spec.slot.path[0] not in params:
        return None
    container = params
    for key in spec.slot.path[:-1]:
        container = container[key]
    container[spec.slot.path[-1]] = value
    return params


@pytest.mark.parametrize("auto_reload", [False, True], ids=["kept-macros", "auto-reload"])
@pytest.mark.parametrize("spec", SLOTTED, ids=lambda spec: spec.name)
def test_layout_regions_around_each_slot_equal_whole_renders(spec, auto_reload):
    # The layout's region of a slotted component, on its first page (whole), its second (the
    # held render made) and later ones (kept, or around the slot), in both languages: every
    # value, valid or not, gives what the macro gives. The same instant in two zones is two
    # dates.
    values = [
        *SLOT_VALUES[slot_param(spec).type],
        dt.datetime(2018, 9, 21, 1, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        dt.datetime(2018, 9, 20),
    ]
    for example in spec.examples:
        env = create_environment(auto_reload=auto_reload)
        for _ in range(3):
            for lang in ("en", "es"):
                for value in values:
                    params = with_slot_value(spec, example, value)
                    if params is None:
                        continue
                    expected = whole_outcome(
                        env, spec.name, region_params(spec.name, params, lang) or {}
                    )
                    outcome = region_outcome(env, spec.name, params, lang)
                    assert outcome == expected, (example.id, lang, value)


@pytest.mark.parametrize("spec", SLOTTED, ids=lambda spec: spec.name)
def test_renders_around_each_slot_equal_whole_renders(spec):
    # Warm and cold, valid and invalid values, for every example: the same HTML or error.
    values = SLOT_VALUES[slot_param(spec).type]
    for example in spec.examples:
        env = create_environment()
        for _ in range(2):  # the second pass finds every render kept
            for value in values:
                params = with_slot_value(spec, example, value)
                if params is None:
                    continue
                assert memo_outcome(env, spec.name, params) == whole_outcome(
                    env, spec.name, params
                ), (example.id, value)


@pytest.mark.parametrize("spec", SLOTTED, ids=lambda spec: spec.name)
def test_each_slot_has_its_own_rule_and_a_rule_that_skips_a_check_is_caught(spec, monkeypatch):
    # The per_page hooks are what makes a page cheap: each slot has one.
    assert spec.per_page_rule is not None
    # A rule that lets any value through (what forgetting prepare's check would do) gives a
    # different outcome than a whole render for some value the comparison above tries.
    lax = changed(spec, per_page_rule=lambda value, held: value)
    monkeypatch.setattr(
        environment, "get_spec", lambda name: lax if name == spec.name else get_spec(name)
    )
    values = SLOT_VALUES[slot_param(spec).type]
    example = spec.examples[0]
    env = create_environment()
    differs = []
    for value in values:
        params = copy.deepcopy(dict(example.params))
        container = params
        for key in spec.slot.path[:-1]:
            container = container[key]
        container[spec.slot.path[-1]] = value
        if memo_outcome(env, spec.name, params) != whole_outcome(env, spec.name, params):
            differs.append(value)
    assert differs, spec.name


def test_a_slot_printed_twice_is_rendered_whole():
    # JSON-LD prints the current title a second time: the kept render is not used.
    env = create_environment()
    items = [{"text": "Home", "href": "https://x.gov/"}, {"text": "A </script> title"}]
    params = {"items": items, "structured_data": "json-ld"}
    render_in(env, "breadcrumb", **{**params, "items": [items[0], {"text": "First"}]})
    assert render_in(env, "breadcrumb", **params) == Markup(
        whole_outcome(env, "breadcrumb", params)
    )
    held = [value for value in env.__dict__["_uswds_memo"].entries.values() if value == "whole"]
    assert held == ["whole"]


def test_pages_share_one_render_around_the_slot_in_the_layout():
    env = create_environment()
    crumbs = [{"text": "Home", "href": "/"}]
    for number in range(4):
        page(
            title=f"Page {number}",
            breadcrumb={"items": [*crumbs, {"text": f"Page {number}"}]},
            last_updated={"date": dt.date(2020, 1, 1 + number)},
            environment=env,
        )
    entries = env.__dict__["_uswds_memo"].entries
    kept = [key for key in entries if key[1] == "held"]
    assert len(kept) == 2  # one for the breadcrumb, one for the date, whatever the page
    # Skip link and banner: one region key each, reused by every page; the first page's two
    # regions, rendered whole. The later pages, seen once, keep nothing.
    assert len(entries) == len(kept) + 2 + 2


def test_a_bad_slot_value_raises_on_every_page_after_good_ones():
    env = create_environment()
    crumbs = [{"text": "Home", "href": "/"}]
    page(title="T", breadcrumb={"items": [*crumbs, {"text": "Fine"}]}, environment=env)
    for _ in range(3):
        with pytest.raises(ComponentError, match=r"items\[1\]\.text': is empty"):
            page(title="T", breadcrumb={"items": [*crumbs, {"text": " "}]}, environment=env)
        with pytest.raises(ComponentError, match="'date': expected an ISO date"):
            page(title="T", last_updated={"date": "20th"}, environment=env)


def test_eviction_is_least_recently_used():
    # Used on every page, it is never the oldest: the render kept first is the one returned
    # last (an evicted one would be rendered again, a new object).
    env = create_environment()
    kept = render_in(env, "skipnav", target="#kept")
    region = {"target": "#kept-region"}
    # Warmed twice: marshal marks objects by how shared they are, so equal params' bytes can
    # differ between calls (a render more, never a wrong one).
    region_html(env, region, "skipnav", "en")
    kept_region = region_html(env, region, "skipnav", "en")
    for number in range(2 * MEMO_SIZE):
        assert render_in(env, "skipnav", target="#kept") is kept
        assert region_html(env, region, "skipnav", "en") is kept_region
        render_in(env, "skipnav", target=f"#t{number}")
    entries = env.__dict__["_uswds_memo"].entries
    assert MEMO_SIZE - MEMO_SIZE // 8 < len(entries) <= MEMO_SIZE
    assert not any(b"#t0" in key[-1] for key in entries)  # the others were evicted


def test_a_setting_changed_after_renders_starts_a_new_memo():
    # finalize, autoescape and the loader decide what a template prints: renders kept under
    # other settings are not reused.
    env = create_environment()
    render_in(env, "skipnav")
    first = env.__dict__["_uswds_memo"]
    for change in (
        lambda: setattr(env, "autoescape", False),
        lambda: setattr(env, "finalize", lambda value: value),
        lambda: setattr(env, "loader", jinja2.ChoiceLoader([env.loader])),
    ):
        change()
        render_in(env, "skipnav")
        memo = env.__dict__["_uswds_memo"]
        assert memo is not first and memo_entries(env) == 1
        first = memo
