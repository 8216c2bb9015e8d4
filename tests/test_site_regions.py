"""The site's regions: furniture given once to the environment, rendered once per language."""

from __future__ import annotations

import pytest

from uswds_components import ComponentError, create_environment, page
from uswds_components.example_pages import SEED
from uswds_components.page import REGIONS

FURNITURE = ("skipnav", "banner", "header", "footer", "identifier")


def seed_site() -> dict:
    """The seed page's furniture as a site's regions, with its Spanish differences."""
    english, spanish = SEED.data("en"), SEED.data("es")
    site = {name: english[name] for name in FURNITURE if name in english}
    site["es"] = {name: spanish[name] for name in FURNITURE if spanish.get(name) != site.get(name)}
    return site


def page_fields(data: dict, *, furniture: bool) -> dict:
    """The page's regions and language, with the furniture or without it."""
    return {
        name: value
        for name, value in data.items()
        if (name in REGIONS and (furniture or name not in FURNITURE)) or name == "lang"
    }


@pytest.mark.parametrize("auto_reload", [False, True])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_page_with_the_sites_regions_equals_the_page_given_them(lang, auto_reload):
    site = seed_site()
    assert site["es"], "the seed's Spanish furniture differs: the override is what is tested"
    env = create_environment(regions=site, auto_reload=auto_reload)
    data = SEED.data(lang)
    whole = page(title="News", **page_fields(data, furniture=True))
    for _ in range(2):  # the first render, then the kept one
        assert page(title="News", **page_fields(data, furniture=False), environment=env) == whole


def test_a_pages_own_region_wins_false_switches_it_off_and_none_is_the_sites():
    env = create_environment(regions={"footer": {"agency_name": "Site agency"}})
    assert "Site agency" in page(title="A", environment=env)
    assert "Site agency" in page(title="A", footer=None, environment=env)
    own = page(title="A", footer={"agency_name": "Page agency"}, environment=env)
    assert "Page agency" in own and "Site agency" not in own
    assert "usa-footer" not in page(title="A", footer=False, environment=env)
    # Off for the site: the page may still switch it on.
    env = create_environment(regions={"banner": False})
    assert "usa-banner" not in page(title="A", environment=env)
    assert "usa-banner" in page(title="A", banner={}, environment=env)


def test_the_sites_regions_are_copied_when_the_environment_is_made():
    site = {"footer": {"agency_name": "Before", "links": [{"text": "A", "href": "/a"}]}}
    env = create_environment(regions=site)
    site["footer"]["agency_name"] = "After"
    site["footer"]["links"][0]["text"] = "Changed"
    html = page(title="A", environment=env)
    assert "Before" in html and "After" not in html and "Changed" not in html


def test_each_region_is_rendered_once_per_language():
    env = create_environment(regions={"footer": {"agency_name": "Agency"}}, auto_reload=False)
    for number in range(3):
        for lang in ("en", "es"):
            page(title=f"Page {number}", lang=lang, environment=env)
    kept = env.__dict__["_uswds_memo"].site
    assert sorted(key for key in kept if key[0] == "footer") == [
        ("footer", "en", None),
        ("footer", "es", None),
    ]


@pytest.mark.parametrize(
    ("regions", "param", "message"),
    [
        (["header"], "regions", "expected a mapping of region params"),
        ({"heder": {}}, "regions", "unknown region 'heder'; did you mean 'header'?"),
        ({"es": {"fotter": {}}}, "regions", "unknown region 'es.fotter'"),
        ({"es": ["footer"]}, "regions", "'es': expected a mapping"),
        ({"footer": "Agency"}, "footer", "expected a mapping of params, False or None"),
        ({"header": {"title": 5}}, "title", "expected text (str), got int"),
        ({"es": {"header": {"title": 5}}}, "title", "expected text (str), got int"),
        ({"header": {"title": "A", "title_href": "javascript:alert(1)"}}, "title_href", "URL"),
    ],
)
def test_a_sites_mistake_is_refused_when_the_environment_is_made(regions, param, message):
    with pytest.raises(ComponentError) as caught:
        create_environment(regions=regions)
    assert caught.value.param == param
    assert message in str(caught.value)
