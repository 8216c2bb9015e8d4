"""The xdist scheduler in conftest keeps the tests of each visit page on one worker: a batch
page's (tests/batches.py) by its key, a page of one by its visit id."""

from __future__ import annotations

from collections import OrderedDict

from batches import (
    BATCHES,
    MAX_EXAMPLES,
    can_share,
    example_html,
    ids_in,
    pack,
    shared_states,
)
from visits import BATCH_OF, CASES, SCOPE_OF, modules_before_visits, scope_of, visit_of

from uswds_components import get_spec


def nodeids(case: str) -> list[str]:
    return [
        f"tests/test_a11y.py::test_example_has_no_accessibility_failures[{case}]",
        f"tests/test_ax_tree.py::test_accessibility_tree_matches_its_snapshot[{case}]",
        f"tests/test_focus_visible.py::test_every_focusable_element_shows_focus[{case}]",
    ]


def test_a_visit_test_is_grouped_by_its_visit():
    case = CASES[0].id
    assert {visit_of(nodeid) for nodeid in nodeids(case)} == {case}


def test_the_tests_of_every_example_on_a_batch_page_share_one_scope():
    batch = BATCHES[0]
    assert len(batch.examples) > 1
    scopes = {
        scope_of(nodeid)
        for member in batch.members
        for nodeid in nodeids(f"{member.example.id}:{member.state}")
    }
    assert scopes == {batch.key}


def test_a_state_and_a_page_landmark_keep_their_own_page():
    opened = "header/default:mobile-menu-open"
    assert {scope_of(nodeid) for nodeid in nodeids(opened)} == {opened}
    assert {scope_of(nodeid) for nodeid in nodeids("header/default:initial")} == {
        "header/default:initial"
    }
    # A region landmark (the official-site banner) shares a batch page, as does its expanded
    # state, which stays expanded whatever else is clicked.
    for case in ("banner/default:initial", "banner/default:expanded"):
        assert {scope_of(nodeid) for nodeid in nodeids(case)} < {batch.key for batch in BATCHES}
    assert scope_of("tests/test_a11y.py::test_x[tooltip/default:shown]") == "tooltip/default:shown"


def test_other_tests_are_not_grouped_as_visits():
    assert visit_of("tests/test_render.py::test_banner_renders") is None
    assert visit_of("tests/test_render.py::test_banner[lang-es]") is None
    assert visit_of("tests/test_a11y.py::test_x[alert/no-such-example:initial]") is None
    assert scope_of("tests/test_a11y.py::test_x[alert/no-such-example:initial]") is None


def test_modules_are_handed_out_before_visit_pages():
    solo = next(case.id for case in CASES if case.id not in BATCH_OF)
    queue = OrderedDict(
        [(BATCHES[0].key, 1), ("tests/test_a.py", 2), (solo, 3), ("tests/test_b.py", 4)]
    )
    assert list(modules_before_visits(queue).items()) == [
        ("tests/test_a.py", 2),
        ("tests/test_b.py", 4),
        (BATCHES[0].key, 1),
        (solo, 3),
    ]


def test_batch_pages_hold_shareable_examples_with_disjoint_ids():
    for batch in BATCHES:
        assert 1 <= len(batch.members) <= MAX_EXAMPLES
        seen: set[str] = set()
        for member in batch.members:
            assert can_share(member.example), member.id
            ids = ids_in(example_html(member.example))
            assert not seen & ids, f"{member.id} shares ids {seen & ids} on {batch.key}"
            seen |= ids
    batched = {(member.example.id, member.state) for batch in BATCHES for member in batch.members}
    for case in CASES:
        example, state = case.values
        expected = can_share(example) and (state == "initial" or state in shared_states(example))
        assert ((example.id, state) in batched) == expected, case.id
        assert (case.id in BATCH_OF) == expected, case.id
        assert (SCOPE_OF[case.id] == case.id) != expected, case.id
    # Fewer pages than visits: the point of batching.
    assert len(BATCHES) < len(batched) / 3


def test_only_states_that_persist_share_and_never_those_at_a_width_of_their_own():
    accordion = get_spec("accordion").example("default")
    assert shared_states(accordion) == list(accordion.states)
    header = get_spec("header").example("default")
    assert shared_states(header) == []  # a mobile menu closes when focus leaves it
    tooltip = get_spec("tooltip").example("default")
    assert tooltip.states and shared_states(tooltip) == []
    banner = get_spec("banner").example("default")
    assert shared_states(banner) == ["expanded"]
    shared = next(member for member in BATCH_OF["banner/default:expanded"].members
                  if member.state == "expanded")  # fmt: skip
    assert shared.id == "banner/default:expanded"
    assert shared.clicks == (".usa-banner__button",)


def test_packing_keeps_shared_ids_apart_and_pages_bounded():
    examples = [get_spec("alert").example(name) for name in ("info", "warning", "error", "success")]
    ids = {
        examples[0].id: frozenset({"a"}),
        examples[1].id: frozenset({"a", "b"}),
        examples[2].id: frozenset(),
        examples[3].id: frozenset({"b"}),
    }
    pages = pack(examples, ids, max_examples=2)
    assert all(len(page.examples) <= 2 for page in pages)
    for page in pages:
        seen: list[str] = [i for item in page.examples for i in ids[item.id]]
        assert len(seen) == len(set(seen)), page
    assert sorted(item.id for page in pages for item in page.examples) == sorted(ids)
    assert len(pages) == 2
    assert len(pack(examples, dict.fromkeys(ids, frozenset()), max_examples=4)) == 1
