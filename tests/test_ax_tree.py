"""What assistive technology gets: Chromium's accessibility tree of every example, in every state.

Each (example, state) has a snapshot beside its component,
`components/<name>/accessibility-tree/<example>--<state>.txt`, compared on every run;
`pytest --update-ax-snapshots` rewrites them. The assertions below hold whatever the snapshots say.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from browser_helpers import open_page
from visits import CASES, COMPONENT, initial_cases, visit

import uswds_components
from uswds_components import all_examples, get_spec, render
from uswds_components.testing.axtree import AXNode, build_tree, component_ax_tree

COMPONENTS_DIR = Path(uswds_components.__file__).parent / "components"
UPDATE_COMMAND = "pytest -m browser --update-ax-snapshots"


def snapshot_path(component: str, example: str, state: str) -> Path:
    return COMPONENTS_DIR / component / "accessibility-tree" / f"{example}--{state}.txt"


def check_snapshot(path: Path, actual: str, *, update: bool, ci: bool) -> str | None:
    """None if the stored snapshot equals `actual` (or was rewritten on request); else why not.

    A missing snapshot is written outside CI, for review, and still fails once; in CI it is
    never written.
    """
    if update and not ci:
        if not path.exists() or path.read_text(encoding="utf-8") != actual:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        return None
    if not path.exists():
        if ci:
            return f"no snapshot {path}: run `{UPDATE_COMMAND}` locally, review it, commit it"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return f"new snapshot written to {path}: review it (git diff), then run again"
    expected = path.read_text(encoding="utf-8")
    if expected == actual:
        return None
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"{path} (stored)",
            tofile="browser (now)",
        )
    )
    return f"the accessibility tree changed; if that is meant, run `{UPDATE_COMMAND}`:\n{diff}"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


# --- snapshots ----------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize(("example", "state"), CASES)
def test_accessibility_tree_matches_its_snapshot(request, browser, base_url, example, state):
    tree: AXNode = visit(browser, base_url, example, state).get("ax_tree")
    problem = check_snapshot(
        snapshot_path(example.component, example.name, state),
        tree.snapshot(),
        update=request.config.getoption("update_ax_snapshots"),
        ci=in_ci(),
    )
    assert problem is None, problem


def test_every_snapshot_file_belongs_to_an_example_and_state():
    expected = {
        snapshot_path(example.component, example.name, state)
        for example in all_examples()
        for state in ("initial", *example.states)
    }
    stored = set(COMPONENTS_DIR.glob("*/accessibility-tree/*"))
    assert sorted(map(str, stored - expected)) == []


def test_a_changed_tree_fails_with_a_readable_diff(tmp_path):
    path = tmp_path / "banner" / "default--initial.txt"
    path.parent.mkdir()
    path.write_text('region "Official website"\n  button "Here’s how you know"\n', encoding="utf-8")
    problem = check_snapshot(
        path, 'region "Official website"\n  button "Here"\n', update=False, ci=True
    )
    assert problem is not None
    assert '-  button "Here’s how you know"' in problem
    assert '+  button "Here"' in problem
    assert UPDATE_COMMAND in problem


def test_a_missing_snapshot_fails_and_is_not_written_in_ci(tmp_path):
    path = tmp_path / "x" / "default--initial.txt"
    problem = check_snapshot(path, "link\n", update=False, ci=True)
    assert problem is not None and UPDATE_COMMAND in problem
    assert not path.exists()
    # Outside CI it is written for review, and the test still fails this once.
    assert check_snapshot(path, "link\n", update=False, ci=False) is not None
    assert path.read_text(encoding="utf-8") == "link\n"
    assert check_snapshot(path, "link\n", update=False, ci=False) is None


def test_the_update_option_rewrites_a_snapshot(tmp_path):
    path = tmp_path / "default--initial.txt"
    path.write_text("old\n", encoding="utf-8")
    assert check_snapshot(path, "new\n", update=True, ci=False) is None
    assert path.read_text(encoding="utf-8") == "new\n"


def test_the_tree_drops_ignored_and_generic_nodes_but_keeps_their_children():
    nodes = [
        {"nodeId": "1", "backendDOMNodeId": 10, "role": {"value": "generic"}, "childIds": ["2"]},
        {"nodeId": "2", "ignored": True, "role": {"value": "none"}, "childIds": ["3", "4"]},
        {
            "nodeId": "3",
            "role": {"value": "button"},
            "name": {"value": "Here’s how you know"},
            "properties": [
                {"name": "expanded", "value": {"value": False}},
                {"name": "focusable", "value": {"value": True}},
            ],
            "childIds": ["5"],
        },
        {"nodeId": "4", "ignored": True, "role": {"value": "none"}, "childIds": []},
        {"nodeId": "5", "role": {"value": "StaticText"}, "name": {"value": "Here’s how you know"}},
    ]
    assert build_tree(nodes, 10).snapshot() == 'button "Here’s how you know" expanded=false\n'


# --- assertions that hold whatever the snapshots say --------------------------------------------

BANNER_NAMES = {
    "en": ("Official website of the United States government", "Here’s how you know"),
    "es": (
        "Un sitio oficial del Gobierno de Estados Unidos",
        "Así es como usted puede verificarlo",
    ),
}
# The only image a banner exposes: the lock inside the HTTPS notice, which is named.
BANNER_LOCK = {"Locked padlock icon", "Ícono de candado cerrado"}


def banner_problems(tree: AXNode, lang: str, expanded: bool) -> list[str]:
    region_name, button_name = BANNER_NAMES[lang]
    problems = []
    if tree.role != "region" or tree.name != region_name:
        problems.append(f"root is {tree.line()!r}, not region {region_name!r}")
    buttons = tree.find_all("button")
    if [b.name for b in buttons] != [button_name]:
        problems.append(f"buttons {[b.line() for b in buttons]}, not one named {button_name!r}")
    elif buttons[0].states.get("expanded") is not expanded:
        problems.append(f"button {buttons[0].line()!r} should have expanded={expanded}")
    images = [node.name for node in tree.walk() if node.role in {"image", "img"}]
    if not set(images) <= BANNER_LOCK or (images and not expanded):
        problems.append(f"images in the tree: {images} (the flag and icons must be hidden)")
    return problems


BANNER_CASES = [case for case in CASES if case.values[0].component == "banner"]


@pytest.mark.browser
@pytest.mark.parametrize(("example", "state"), BANNER_CASES)
def test_banner_region_and_button_are_named_and_the_flag_is_hidden(
    browser, base_url, example, state
):
    tree = visit(browser, base_url, example, state).get("ax_tree")
    lang = example.params.get("lang", "en")
    assert banner_problems(tree, lang, expanded=state == "expanded") == []


@pytest.mark.browser
def test_the_banner_buttons_expanded_state_follows_clicks(browser, base_url):
    open_page(browser, f"{base_url}/banner/default.html")
    seen = []
    for _ in range(3):
        seen.append(component_ax_tree(browser, COMPONENT).find_all("button")[0].states["expanded"])
        browser.find_element("css selector", ".usa-banner__button").click()
    assert seen == [False, True, False]


@pytest.mark.browser
def test_a_banner_flag_with_alt_text_and_no_aria_hidden_shows_up(browser, write_page):
    html = str(render("banner"))
    broken = html.replace('<img aria-hidden="true" class="usa-banner__header-flag"', "<img ", 1)
    broken = broken.replace('us_flag_small.png" alt=""', 'us_flag_small.png" alt="U.S. flag"')
    assert broken.count("U.S. flag") == 1
    open_page(browser, write_page("ax-flag", get_spec("banner").example("default"), broken))
    problems = banner_problems(component_ax_tree(browser, COMPONENT), "en", expanded=False)
    assert any("U.S. flag" in problem for problem in problems), problems


def breadcrumb_problems(tree: AXNode, label: str) -> list[str]:
    problems = []
    if tree.role != "navigation" or tree.name != label:
        problems.append(f"root is {tree.line()!r}, not navigation {label!r}")
    items = tree.find_all("listitem")
    current = [item for item in items if item.states.get("current") == "page"]
    if not items or current != [items[-1]]:
        problems.append("the last item, and only it, must be current=page")
    elif current[0].find_all("link"):
        problems.append(f"the current page is a link: {current[0].snapshot()}")
    elif not current[0].text():
        problems.append("the current page has no text")
    return problems


BREADCRUMB_LABELS = {"lang-es": "Migas de pan", "custom-label": "You are here"}


@pytest.mark.browser
@pytest.mark.parametrize("example", initial_cases("breadcrumb"))
def test_breadcrumb_is_a_named_landmark_whose_current_page_is_not_a_link(
    browser, base_url, example
):
    tree = visit(browser, base_url, example, "initial").get("ax_tree")
    label = BREADCRUMB_LABELS.get(example.name, "Breadcrumbs")
    assert breadcrumb_problems(tree, label) == []


@pytest.mark.browser
def test_a_breadcrumb_without_aria_current_is_caught(browser, open_broken):
    example = get_spec("breadcrumb").example("default")
    open_broken(example, ' aria-current="page"', "", "ax-no-current")
    assert breadcrumb_problems(component_ax_tree(browser, COMPONENT), "Breadcrumbs")


# The roles documented in alert/spec.toml (and site_alert's, archive_notice's): error and
# emergency alert, success status, info and warning none; a site alert is a region, no live role.
ALERT_ROLES = {"error": "alert", "emergency": "alert", "success": "status"}
LIVE = {"alert": "assertive", "status": "polite"}


def expected_alert_role(component: str, params: dict) -> str | None:
    if component == "site_alert":
        return "region"
    if component == "archive_notice":
        return None
    role = params.get("role")
    if role == "none":
        return None
    return role or ALERT_ROLES.get(params.get("status", "info"))


def alert_role_problems(tree: AXNode, expected: str | None, live: str | None = None) -> list[str]:
    """`live`: the aria-live a site alert was given through `attributes` (its documented way
    to announce a change), else None."""
    roles = {"alert", "status", "region"}
    found = [node for node in tree.walk() if node.role in roles]
    if expected is None:
        return [f"unexpected {n.line()!r}" for n in found] + [
            f"unexpected live region {n.line()!r}" for n in tree.walk() if "live" in n.states
        ]
    if tree.role != expected:
        return [f"root is {tree.line()!r}, not {expected}"]
    if expected in LIVE and tree.states.get("live") != LIVE[expected]:
        return [f"{tree.line()!r} is not live={LIVE[expected]}"]
    if expected == "region" and tree.states.get("live") != live:
        return [f"a site alert's live state should be {live}: {tree.line()!r}"]
    return []


ALERT_EXAMPLES = initial_cases("alert", "site_alert", "archive_notice")


@pytest.mark.browser
@pytest.mark.parametrize("example", ALERT_EXAMPLES)
def test_alerts_have_the_documented_roles(browser, base_url, example):
    tree = visit(browser, base_url, example, "initial").get("ax_tree")
    expected = expected_alert_role(example.component, dict(example.params))
    live = dict(example.params.get("attributes") or {}).get("aria-live")
    assert alert_role_problems(tree, expected, live) == []


@pytest.mark.browser
def test_an_error_alert_without_its_role_is_caught(browser, open_broken):
    open_broken(get_spec("alert").example("error"), ' role="alert"', "", "ax-no-role")
    assert alert_role_problems(component_ax_tree(browser, COMPONENT), "alert")


THANKS = {"en": "Thank you for your feedback", "es": "Gracias por sus comentarios"}


def feedback_problems(tree: AXNode) -> list[str]:
    """Groups named by their legends, every radio, checkbox and textbox named, invalid ones
    described by their error text, and a polite status region."""
    problems = []
    for group in tree.find_all("group"):
        legends = group.find_all("Legend")
        if not legends or group.name != legends[0].text() or not group.name:
            problems.append(f"group {group.line()!r} is not named by its legend")
    for node in tree.walk():
        if node.role in {"radio", "checkbox", "textbox"} and not node.name:
            problems.append(f"unnamed {node.line()!r}")
        if node.states.get("invalid") not in (None, "false") and not node.description:
            problems.append(f"invalid without an error description: {node.line()!r}")
    statuses = [n for n in tree.walk() if n.role == "status"]
    if len(statuses) != 1 or statuses[0].states.get("live") != "polite":
        problems.append(f"expected one polite status region, got {[s.line() for s in statuses]}")
    return problems


FEEDBACK_CASES = [case for case in CASES if case.values[0].component == "page_feedback"]


@pytest.mark.browser
@pytest.mark.parametrize(("example", "state"), FEEDBACK_CASES)
def test_feedback_form_is_named_and_announces(browser, base_url, example, state):
    tree = visit(browser, base_url, example, state).get("ax_tree")
    assert feedback_problems(tree) == []
    # An invalid control, or a group of radios or checkboxes whose fieldset names its error.
    errors = [
        n
        for n in tree.walk()
        if n.states.get("invalid") not in (None, "false") or (n.role == "group" and n.description)
    ]
    if example.name.startswith("errors"):
        assert errors, "an error state with no invalid control or group"
    for node in errors:
        # The error text ends the description: the hint comes first (components/fields.py).
        summary = [item.text() for item in tree.find_all("listitem") if item.text()]
        assert any(node.description.endswith(text) for text in summary), node.line()
    if example.name.startswith("thanks"):
        status = tree.find_all("status")[0]
        assert status.text() == THANKS[example.params.get("lang", "en")]


@pytest.mark.browser
def test_a_feedback_group_without_its_legend_is_caught(browser, write_page):
    example = get_spec("page_feedback").example("default")
    html = str(render("page_feedback", **example.params))
    start = html.index("<legend")
    broken = html[:start] + html[html.index("</legend>", start) + len("</legend>") :]
    open_page(browser, write_page("ax-no-legend", example, broken))
    problems = feedback_problems(component_ax_tree(browser, COMPONENT))
    assert any("not named by its legend" in problem for problem in problems), problems
