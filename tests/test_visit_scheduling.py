"""The xdist scheduler in conftest keeps the tests of each visit page on one worker: a batch
page's (tests/batches.py) by its key, a page of one by its visit id."""

from __future__ import annotations

from collections import OrderedDict

from batches import BATCHES, MAX_EXAMPLES, can_share, example_html, ids_in, pack
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
        for example in batch.examples
        for nodeid in nodeids(f"{example.id}:initial")
    }
    assert scopes == {batch.key}


def test_a_state_and_a_page_landmark_keep_their_own_page():
    expanded = "banner/default:expanded"
    assert {scope_of(nodeid) for nodeid in nodeids(expanded)} == {expanded}
    assert {scope_of(nodeid) for nodeid in nodeids("banner/default:initial")} == {
        "banner/default:initial"
    }
    assert scope_of("tests/test_a11y.py::test_x[page_feedback/default:no]") == (
        "page_feedback/default:no"
    )


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


def test_batch_pages_hold_only_initial_main_examples_with_disjoint_ids():
    for batch in BATCHES:
        assert 1 <= len(batch.examples) <= MAX_EXAMPLES
        seen: set[str] = set()
        for example in batch.examples:
            assert get_spec(example.component).preview_placement == "main", example.id
            ids = ids_in(example_html(example))
            assert not seen & ids, f"{example.id} shares ids {seen & ids} on {batch.key}"
            seen |= ids
    batched = {example.id for batch in BATCHES for example in batch.examples}
    for case in CASES:
        example, state = case.values
        expected = example.id in batched and state == "initial"
        assert (case.id in BATCH_OF) == expected, case.id
        assert (SCOPE_OF[case.id] == case.id) != expected, case.id
    # Every example that can share does: none is left on a page of its own.
    assert batched == {case.values[0].id for case in CASES if can_share(case.values[0])}
    # Fewer pages than examples: the point of batching.
    assert len(BATCHES) < len(batched) / 3


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
