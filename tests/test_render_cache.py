"""The memo of component renders: a hit is only ever a repeat of params already validated.

Each test fails against a memo keyed loosely: on `==` of the params (str and Markup, 1 and True
compare equal), without the environment's settings, without the nonce, or filled before
validation succeeds.
"""

from __future__ import annotations

import datetime as dt

import jinja2
import pytest
from markupsafe import Markup

from uswds_components import ComponentError, create_environment, get_spec, page, render_in
from uswds_components.environment import MEMO_SIZE, canonical_params

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
    for number in range(MEMO_SIZE + 50):
        render_in(env, "skipnav", target=f"#t{number}")
    assert memo_entries(env) == MEMO_SIZE
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


def test_the_rest_of_the_form_is_rendered_once_for_many_pages():
    env = create_environment()
    for number in range(5):
        render_in(env, "page_feedback", **{**FEEDBACK, "page_url": f"/news/{number}/"})
    # One render around the slot, then one kept entry per page for repeats of that page.
    assert memo_entries(env) == 1 + 5


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
