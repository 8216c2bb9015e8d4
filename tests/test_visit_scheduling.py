"""The xdist scheduler in conftest keeps each visit's tests on one worker by their visit id."""

from __future__ import annotations

from visits import CASES, visit_of


def test_a_visit_test_is_grouped_by_its_visit():
    case = CASES[0].id
    assert visit_of(f"tests/test_a11y.py::test_example_has_no_accessibility_failures[{case}]") == (
        case
    )
    assert visit_of(f"tests/test_ax_tree.py::test_accessibility_tree_matches[{case}]") == case


def test_other_tests_are_not_grouped_as_visits():
    assert visit_of("tests/test_render.py::test_banner_renders") is None
    assert visit_of("tests/test_render.py::test_banner[lang-es]") is None
    assert visit_of("tests/test_a11y.py::test_x[alert/no-such-example:initial]") is None
