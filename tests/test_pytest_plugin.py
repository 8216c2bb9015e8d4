"""The pytest plugin (entry point pytest11): `axe_check` and the session browser fixtures.

One pytester run in a subprocess (its own Chromium, as in a site's CI) holds the passing and the
deliberately failing uses; the in-process tests use this session's browser.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from uswds_components import get_spec, render
from uswds_components.testing import wait_until

SITE_TESTS = '''
FORM = """<h1>Apply</h1>
<button type="button" id="open" style="padding: 1em"
  onclick="document.getElementById('form').hidden = false">Start</button>
<div id="form" hidden><input type="text" id="name"></div>"""


def open_form(driver):
    driver.find_element("id", "open").click()


def test_the_first_page_has_focus_before_any_click(uswds_browser):
    # Else focus() draws no ring and keyboard checks see a page the user never chose.
    uswds_browser.get("data:text/html,<button>Go</button>")
    assert uswds_browser.execute_script("return document.hasFocus()") is True


def test_good_html_passes(axe_check):
    assert axe_check("<h1>Benefits</h1><p>Apply online.</p>") == []


def test_broken_html_fails(axe_check):
    axe_check('<h1>Chart</h1><img src="chart.png">')


def test_states_are_reached_by_selectors_and_callables(axe_check):
    # The unlabelled field is hidden until #open is clicked: only the opened states fail.
    states = {"form open": ["#open"], "opened in python": [open_form]}
    violations = axe_check(FORM, states=states, fail=False)
    assert sorted((item["state"], item["id"]) for item in violations) == [
        ("form open", "label"),
        ("opened in python", "label"),
    ]


def test_a_failing_state_fails_the_test(axe_check):
    axe_check(FORM, states={"form open": "#open"})


def test_a_missing_selector_fails_clearly(axe_check):
    axe_check(FORM, states={"nowhere": ["#no-such-button"]})


def test_links_resolve_against_base_dir(axe_check, tmp_path):
    (tmp_path / "site.css").write_text("p { color: #ccc; }", encoding="utf-8")
    html = '<link rel="stylesheet" href="/site.css"><h1>Faint</h1><p>Grey text</p>'
    violations = axe_check(html, base_dir=tmp_path, fail=False)
    assert violations.rule_ids() == {"color-contrast"}


def test_a_check_at_a_phone_width_that_then_fails(axe_check):
    axe_check("<h1>Menu</h1>", width=480, states={"nowhere": ["#no-such-button"]})


def test_the_next_test_has_the_window_at_its_size(uswds_browser):
    assert uswds_browser.get_window_size() == {"width": 1280, "height": 900}


def test_urls_and_paths_with_uswds_serve(axe_check, uswds_serve, tmp_path):
    page = tmp_path / "about.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>About</title></head>'
        "<body><main><h1>About</h1></main></body></html>",
        encoding="utf-8",
    )
    assert axe_check(f"{uswds_serve(tmp_path)}/about.html") == []
    assert axe_check(page) == []
'''


@pytest.mark.browser
def test_the_plugin_in_a_sites_own_test_suite(pytester: pytest.Pytester):
    pytester.makepyfile(test_site=SITE_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rf")
    result.assert_outcomes(passed=6, failed=4)
    output = result.stdout.str()
    broken = output[output.index("test_broken_html_fails") :]
    assert "axe-core found 1 accessibility failure(s) on the given HTML:" in broken
    assert "[initial] image-alt (critical): Images must have alternative text" in broken
    assert "help: https://dequeuniversity.com/rules/axe/4.14/image-alt" in broken
    assert "selector: img" in broken
    assert '<img src="chart.png">' in broken
    # chart.png is not there: the request's failure is reported too.
    assert "1 request(s) failed on the given HTML" in broken
    assert "/chart.png failed to load: HTTP 404" in broken
    # pytest.fail(pytrace=False): the report, not a traceback into the plugin.
    assert "uswds_components/testing" not in broken[: broken.index("image-alt")]
    state = output[output.index("_ test_a_failing_state_fails_the_test _") :]
    state = state[: state.index("test_a_missing_selector")]
    assert "[form open] label (critical): Form elements must have labels" in state
    assert "[initial]" not in state
    assert "axe_check state 'nowhere': no element matches '#no-such-button'" in output
    assert "Stacktrace" not in output


def test_a_missing_axe_script_option_fails_clearly(pytester: pytest.Pytester):
    pytester.makepyfile("def test_page(axe_check):\n    axe_check('<h1>Hi</h1>')\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "--uswds-axe-script", "/no/axe.min.js")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*--uswds-axe-script /no/axe.min.js: no such file*"])


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--uswds-chromium", "/no/chromium", "Chromium not found at /no/chromium."),
        ("--uswds-chromedriver", "/no/chromedriver", "chromedriver not found at /no/chromedriver."),
    ],
)
def test_browser_path_options_are_used(pytester: pytest.Pytester, option, value, message):
    pytester.makepyfile("def test_page(axe_check):\n    axe_check('<h1>Hi</h1>')\n")
    result = pytester.runpytest("-p", "no:cacheprovider", option, value)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*{message}*apt-get install chromium chromium-driver*"])
    assert "Traceback" not in result.stdout.str()


def test_the_suites_browser_is_the_plugins(browser, uswds_browser):
    assert browser is uswds_browser


@pytest.mark.browser
def test_axe_check_in_this_session_with_uswds_assets_and_states(axe_check):
    # The banner on the real USWDS CSS and JS, opened by a click, in this session's browser.
    def uswds_css_applied(driver):
        padding = "return getComputedStyle(document.querySelector('.usa-banner__header')).padding"
        assert driver.execute_script(padding) not in ("", "0px")

    violations = axe_check(
        f"<h1>Benefits</h1>{render('banner')}",
        uswds_assets=True,
        states={"open": ["button.usa-banner__button", uswds_css_applied]},
    )
    assert violations == []
    assert violations.report() == "axe-core found no accessibility failures on the given HTML"


HEADER = render("header", **get_spec("header").example("default").params)
BANNER = render("banner")


def nav_shown(driver):
    """The menu state is reached: USWDS's JS has shown the nav (it slides in over 0.3 s)."""
    nav = driver.find_element(By.CSS_SELECTOR, "header nav.usa-nav")
    wait_until(driver, lambda _: nav.is_displayed(), 3, "the mobile nav to show")


@pytest.mark.browser
def test_the_docs_mobile_menu_example_passes_at_a_phone_width(axe_check, uswds_browser):
    # docs/testing.md's example: the menu button shows only below USWDS's desktop width
    # (1024 px). Below 640 px an open menu's dimming overlay lies over the banner's text, which
    # axe cannot measure and which stays a failure; the header alone is checked at 480 px.
    before = uswds_browser.get_window_size()
    widths = []
    violations = axe_check(
        f"{BANNER}{HEADER}<main><h1>Benefits</h1></main>",
        uswds_assets=True,
        width=640,
        states={
            "menu open": [".usa-menu-btn", nav_shown],
            "banner expanded": ["button.usa-banner__button"],
            "measured": [lambda d: widths.append(d.execute_script("return innerWidth"))],
        },
    )
    assert violations == [], violations.report()
    assert widths == [640]
    header_only = f"{HEADER}<main><h1>Benefits</h1></main>"
    opened = axe_check(
        header_only,
        uswds_assets=True,
        width=480,
        states={"menu open": [".usa-menu-btn", nav_shown]},
    )
    assert opened == [], opened.report()
    assert uswds_browser.get_window_size() == before


@pytest.mark.browser
def test_a_hidden_button_fails_its_state_in_one_line(axe_check, uswds_browser):
    before = uswds_browser.get_window_size()
    with pytest.raises(pytest.fail.Exception) as raised:
        axe_check(
            f"{HEADER}<main><h1>Benefits</h1></main>",
            uswds_assets=True,
            states={"menu open": [".usa-menu-btn"]},
        )
    assert str(raised.value) == (
        "axe_check state 'menu open': could not click '.usa-menu-btn': element not interactable "
        "(hidden at 1280 px wide? pass width= for a mobile layout)"
    )
    assert raised.value.__cause__ is None and raised.value.__context__ is None
    # A failing state at a phone width still puts the window back.
    with pytest.raises(pytest.fail.Exception, match="no element matches '#no-such-button'"):
        axe_check("<h1>Menu</h1>", width=480, height=700, states={"gone": "#no-such-button"})
    assert uswds_browser.get_window_size() == before
