"""The xdist scheduler in conftest keeps each visit's tests on one worker by their visit id."""

from __future__ import annotations

from collections import OrderedDict

from visits import CASES, modules_before_visits, visit_of


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


def test_modules_are_handed_out_before_visits():
    first, second = CASES[0].id, CASES[1].id
    queue = OrderedDict([(first, 1), ("tests/test_a.py", 2), (second, 3), ("tests/test_b.py", 4)])
    assert list(modules_before_visits(queue).items()) == [
        ("tests/test_a.py", 2),
        ("tests/test_b.py", 4),
        (first, 1),
        (second, 3),
    ]
