"""The card and card group: heading levels, the required alt, and the linked card's one link."""

from __future__ import annotations

import pytest
from conftest import parse
from markupsafe import Markup

from uswds_components import ComponentError, get_spec, render

IMAGE = {"src": "/img/a.jpg", "alt": "A ranger at a trailhead"}


def test_heading_level_is_settable_on_a_card_and_on_a_group():
    assert parse(render("card", heading="Parks", heading_level=4)).find("h4").text == "Parks"
    group = render("card_group", heading_level=3, items=[{"heading": "A"}, {"heading": "B"}])
    assert [h.name for h in parse(group).find_all(class_="usa-card__heading")] == ["h3", "h3"]
    for level in (1, 7):
        with pytest.raises(ComponentError, match="heading_level"):
            render("card", heading="Parks", heading_level=level)


def test_an_image_needs_its_alt_given_even_if_empty():
    with pytest.raises(ComponentError, match=r"card: param 'image\.alt': is required"):
        render("card", heading="Parks", image={"src": "/img/a.jpg"})
    with pytest.raises(ComponentError, match=r"card_group: param 'items\[1\]\.image\.alt'"):
        render("card_group", items=[{"heading": "A"}, {"heading": "B", "image": {"src": "/a"}}])
    img = parse(render("card", heading="Parks", image={"src": "/img/a.jpg", "alt": ""})).img
    assert img["alt"] == ""
    assert parse(render("card", heading="Parks", image=IMAGE)).img["alt"] == IMAGE["alt"]


def test_variants_set_uswds_classes():
    html = render("card", heading="P", image=IMAGE, flag="right", media="inset", header_first=True)
    root = parse(html).find(class_="usa-card")
    assert set(root["class"]) == {
        "usa-card",
        "usa-card--flag",
        "usa-card--media-right",
        "usa-card--header-first",
    }
    assert parse(html).find(class_="usa-card__media")["class"] == [
        "usa-card__media",
        "usa-card__media--inset",
    ]
    assert parse(render("card", heading="P", image=IMAGE, flag="left")).div["class"] == [
        "usa-card",
        "usa-card--flag",
    ]


@pytest.mark.parametrize("param", [{"flag": "left"}, {"media": "exdent"}])
def test_flag_and_media_need_an_image(param):
    with pytest.raises(ComponentError, match="needs an image"):
        render("card", heading="Parks", **param)


def test_the_heading_comes_first_in_the_dom():
    html = render("card", heading="Parks", image=IMAGE, text="Body")
    classes = [
        tag["class"][0]
        for tag in parse(html).find(class_="usa-card__container").children
        if getattr(tag, "name", None)
    ]
    assert classes == ["usa-card__header", "usa-card__media", "usa-card__body"]


def test_a_footer_button_is_a_link_styled_as_a_button():
    html = render("card", heading="Loans", button={"text": "Compare loans", "href": "/loans"})
    button = parse(html).find(class_="usa-card__footer").a
    assert button["class"] == ["usa-button"] and button["href"] == "/loans"


def test_a_linked_card_has_one_link_in_its_heading():
    html = render("card", heading="Jobs", text="Search jobs.", image=IMAGE, href="/jobs")
    links = parse(html).find_all("a")
    assert len(links) == 1 and links[0].parent.name == "h2" and links[0].text == "Jobs"
    assert "uswds-components-card-link" in parse(html).div["class"]


def test_a_linked_card_refuses_a_footer_button():
    with pytest.raises(ComponentError, match=r"card: param 'button': a card linked as a whole"):
        render("card", heading="Jobs", href="/jobs", button={"text": "Go", "href": "/jobs"})
    with pytest.raises(ComponentError, match=r"card_group: param 'items\[0\]\.button'"):
        render(
            "card_group",
            items=[{"heading": "Jobs", "href": "/jobs", "button": {"text": "Go", "href": "/x"}}],
        )


@pytest.mark.parametrize(
    "body",
    ['<p><a href="/x">x</a></p>', "<button>x</button>", '<p tabindex="0">x</p>', "<INPUT>"],
)
def test_a_linked_card_refuses_interactive_html(body):
    with pytest.raises(ComponentError, match=r"card: param 'html'"):
        render("card", heading="Jobs", href="/jobs", html=Markup(body))
    # Without href the same body is fine.
    render("card", heading="Jobs", html=Markup(body))


def test_text_and_html_are_exclusive_and_html_fills_the_body():
    with pytest.raises(ComponentError, match="text or html, not both"):
        render("card", heading="H", text="t", html=Markup("<p>h</p>"))
    body = parse(render("card", heading="H", html=Markup("<ul><li>a</li></ul>")))
    assert body.find(class_="usa-card__body").ul is not None
    assert parse(render("card", heading="H")).find(class_="usa-card__body") is None


def test_a_group_is_a_list_of_cards():
    html = render("card_group", items=[{"heading": "A", "classes": "tablet:grid-col-6"}])
    ul = parse(html).ul
    assert ul["class"] == ["usa-card-group"]
    assert ul.li["class"] == ["usa-card", "tablet:grid-col-6"]
    with pytest.raises(ComponentError, match="items"):
        render("card_group", items=[])


def _shape(param):
    nested = {key: _shape(sub) for key, sub in param.fields.items()}
    return (param.type, param.description, param.required, param.default, param.allowed, nested)


def test_a_group_item_takes_exactly_the_cards_params():
    # card_group's spec repeats the card's params as item fields (a spec cannot refer to
    # another): this keeps the two from drifting apart.
    card = get_spec("card").params
    item = get_spec("card_group").params["items"].fields
    mine = {name for name in card if name not in ("heading_level", "classes", "attributes")}
    assert set(item) == mine | {"classes"}
    for name in mine:
        assert _shape(item[name]) == _shape(card[name]), name
