"""Batch pages: several examples on one page, each in its own container, so that one page load
serves the browser checks of all of them (issue #22; tests/visits.py runs the checks).

An example shares a page in its initial state, and in the states of a few components reached
by clicks inside its container (STATES_THAT_SHARE); only if its preview places it in <main> or
its root is a region landmark (a header, footer or skip link belongs to the page itself); and
only with examples whose rendered HTML has none of its `id`s (a duplicate id breaks
aria-controls, labels and USWDS's JS). Pages hold at most MAX_EXAMPLES: focus screenshots are
taken in page coordinates on a viewport as tall as the page, so a longer page makes each
screenshot dearer. Measured over 192 examples: 12 a page took 32 s, 24 took 19 s, 48 took 21 s
and 96 took 24 s.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

from markupsafe import Markup

from uswds_components import all_examples, get_spec
from uswds_components.environment import render_in
from uswds_components.gallery import PAGE_ASSETS_URL, gallery_environment
from uswds_components.spec import Example

MAX_EXAMPLES = 24
# Batch pages live one folder deep in the gallery, like the previews, so that the components'
# relative asset paths (../assets/...) resolve the same.
FOLDER = "_batches"
CONTAINER_ATTRIBUTE = "data-uswds-example"


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def ids_in(markup: str) -> frozenset[str]:
    """Every `id` attribute's value in `markup`."""
    parser = _Ids()
    parser.feed(markup)
    return frozenset(parser.ids)


_RENDERED: dict[str, str] = {}


def example_html(example: Example) -> str:
    """The example as its gallery preview renders it (same environment, same asset paths);
    rendered once a process: packing reads it for both placement and ids."""
    if example.id not in _RENDERED:
        _RENDERED[example.id] = str(
            render_in(gallery_environment(), example.component, **example.params)
        )
    return _RENDERED[example.id]


# A component placed at the top of its preview whose root is a <section>: a region landmark
# (the official-site banner, a site alert), named by its own label and meaningful anywhere, so
# it may sit in <main> beside others. A <header>, <footer> or skip link is the page's own: a
# banner or contentinfo landmark only outside <main>, and a skip link only as the first link.
_REGION_ROOT = re.compile(r"^\s*<section[\s>]")


def can_share(example: Example) -> bool:
    """Whether the example can sit in <main> beside others: its preview places it there, or
    its root is a region landmark."""
    placement = get_spec(example.component).preview_placement
    return placement == "main" or bool(_REGION_ROOT.match(example_html(example)))


# Components whose states stay as they are when another part of the page is clicked (a panel
# stays open, a column sorted, a radio chosen, a banner expanded): each such state of an example
# that can share is visited on a batch page too, reached by clicks inside its own container.
# Menus, lists, calendars, tooltips and modals close when focus leaves them: their states keep
# a page of their own, as does any state reached at a width of its own. The accessibility-tree
# snapshots, stored from pages of one, show that each shared state is the state.
STATES_THAT_SHARE = frozenset({"accordion", "banner", "page_feedback", "table"})


@dataclass(frozen=True)
class Shared:
    """An example in one state on a batch page."""

    example: Example
    state: str = "initial"

    @property
    def id(self) -> str:
        """Its container's key: the example's id, and the state's name if not "initial"."""
        return self.example.id if self.state == "initial" else f"{self.example.id}:{self.state}"

    @property
    def clicks(self) -> tuple[str, ...]:
        """What reaches the state, from a freshly loaded page."""
        if self.state == "initial":
            return ()
        return get_spec(self.example.component).states[self.state].click


@dataclass(frozen=True)
class Batch:
    """One batch page: `key` names it (and is the scheduler's scope for its tests)."""

    key: str
    members: tuple[Shared, ...]

    @property
    def examples(self) -> tuple[Example, ...]:
        return tuple(member.example for member in self.members)

    @property
    def path(self) -> str:
        """The page's path under the gallery folder (and the base URL)."""
        return f"{FOLDER}/{self.key}.html"


def pack(
    items: Sequence[Shared | Example],
    ids: dict[str, frozenset[str]],
    max_examples: int = MAX_EXAMPLES,
) -> list[Batch]:
    """Pages of at most `max_examples` items (examples, or examples in a state) whose id sets
    (`ids`, by item id) are pairwise disjoint.

    Items with the most ids are placed first (they are the hardest to fit), each on the least
    full page it fits on, a new page if none; a page lists its items in their given order.
    Deterministic: the xdist controller and each worker compute the same pages.
    """
    members = [item if isinstance(item, Shared) else Shared(item) for item in items]
    order = {member.id: index for index, member in enumerate(members)}
    pages: list[list[Shared]] = []
    page_ids: list[set[str]] = []
    for member in sorted(members, key=lambda m: (-len(ids[m.id]), order[m.id])):
        fits = [
            index
            for index, page in enumerate(pages)
            if len(page) < max_examples and not page_ids[index] & ids[member.id]
        ]
        if fits:
            index = min(fits, key=lambda i: (len(pages[i]), i))
        else:
            pages.append([])
            page_ids.append(set())
            index = len(pages) - 1
        pages[index].append(member)
        page_ids[index] |= ids[member.id]
    return [
        Batch(f"batch-{number:02d}", tuple(sorted(page, key=lambda m: order[m.id])))
        for number, page in enumerate(pages, start=1)
    ]


def shared_states(example: Example) -> list[str]:
    """The example's states that share batch pages (see STATES_THAT_SHARE)."""
    if example.component not in STATES_THAT_SHARE:
        return []
    states = get_spec(example.component).states
    return [state for state in example.states if states[state].width is None]


def _session_batches() -> list[Batch]:
    shareable = [example for example in all_examples() if can_share(example)]
    members = [Shared(example) for example in shareable] + [
        Shared(example, state) for example in shareable for state in shared_states(example)
    ]
    html_ids = {example.id: ids_in(example_html(example)) for example in shareable}
    return pack(members, {member.id: html_ids[member.example.id] for member in members})


BATCHES: list[Batch] = _session_batches()


def container_selector(example_id: str) -> str:
    """The CSS selector of an example's container on a batch page."""
    return f'[{CONTAINER_ATTRIBUTE}="{example_id}"]'


def container_expression(example_id: str) -> str:
    """A JS expression for the example's container."""
    return f"document.querySelector('{container_selector(example_id)}')"


def root_expression(example_id: str) -> str:
    """A JS expression for the component's element: the container's first element, as on a
    preview page it is the first element after the heading."""
    return f"{container_expression(example_id)}.firstElementChild"


def batch_page(title: str, parts: Iterable[tuple[str, str]]) -> str:
    """A page of the gallery's preview template (its <head>, USWDS's CSS and JS, <main> with a
    heading) holding each (example id, HTML) in its own container, a plain rule between."""
    containers = "\n<hr>\n".join(
        f'<div {CONTAINER_ATTRIBUTE}="{html.escape(example_id)}">\n{markup}\n</div>'
        for example_id, markup in parts
    )
    # The preview template reads only these fields; "main" puts the containers inside <main>.
    spec = SimpleNamespace(title=title, preview_placement="main")
    example = SimpleNamespace(name=title, description="examples checked together")
    return (
        gallery_environment()
        .get_template("uswds/gallery/preview.html")
        .render(
            spec=spec,
            example=example,
            component_html=Markup(containers),
            assets_url=PAGE_ASSETS_URL,
        )
    )


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader (another xdist worker's browser) never sees
    half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
    ) as handle:
        handle.write(text)
    os.replace(handle.name, path)


def write_batches(gallery_dir: Path, batches: Iterable[Batch] = BATCHES) -> None:
    """Write each batch page into the gallery folder."""
    for batch in batches:
        parts = [(member.id, example_html(member.example)) for member in batch.members]
        write_atomically(gallery_dir / batch.path, batch_page(batch.key, parts))
