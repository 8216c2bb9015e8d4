"""What assistive technology gets: Chromium's accessibility tree, read over the DevTools protocol.

`component_ax_tree(driver, expression)` returns the tree under the element a JS expression
evaluates to, with ignored and purely presentational nodes dropped (their children kept), and
`AXNode.snapshot()` writes it as compact text: one line per node, indented by depth,
`role "name" state=value …`. The snapshot files beside each component hold that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .devtools import devtools

# Nodes that say nothing to a screen-reader user by themselves: their children move up.
_TRANSPARENT_ROLES = frozenset({"generic", "none", "presentation", "InlineTextBox", "LineBreak"})
# A list's bullets: CSS decoration, mostly silent.
_DROPPED_ROLES = frozenset({"ListMarker"})
# Chromium gives every list item a level (its list's nesting); only a heading's says something.
_LEVELLED_ROLES = frozenset({"heading"})
# States shown in snapshots, in this order. Focus, focusability and editability are left out:
# they follow from the role (or from where the test left focus), not from our markup.
_STATES = (
    "level",
    "checked",
    "pressed",
    "selected",
    "expanded",
    "current",
    "disabled",
    "readonly",
    "required",
    "invalid",
    "multiline",
    "haspopup",
    "modal",
    "live",
    "atomic",
    "relevant",
    "busy",
    "roledescription",
    "keyshortcuts",
    "lang",
)
# Chromium hands aria-current and lang to screen readers, but its DevTools protocol leaves them
# out of the accessibility tree's properties; they are read from the DOM node behind the
# accessible node instead.
_FROM_DOM = ("aria-current", "lang")
# Tokens that mean "not set" for a token state.
_UNSET = {"invalid": "false", "current": "false", "haspopup": "false"}
# Values every live region has unless told otherwise: noise in a snapshot.
_DEFAULTS = {"relevant": "additions text"}
# States whose false value is worth hearing ("collapsed", "not checked"); other false ones are
# left out.
_FALSE_MATTERS = frozenset({"checked", "pressed", "selected", "expanded"})
_WHITESPACE = re.compile(r"\s+")


def _text(value: str) -> str:
    return _WHITESPACE.sub(" ", value).strip()


@dataclass
class AXNode:
    """One node as a screen reader meets it: role, accessible name and description, states."""

    role: str
    name: str = ""
    description: str = ""
    value: str = ""
    states: dict[str, Any] = field(default_factory=dict)
    children: list[AXNode] = field(default_factory=list)

    def walk(self) -> Iterator[AXNode]:
        yield self
        for child in self.children:
            yield from child.walk()

    def find_all(self, role: str, name: str | None = None) -> list[AXNode]:
        return [
            node
            for node in self.walk()
            if node.role == role and (name is None or node.name == name)
        ]

    def text(self) -> str:
        """The text read inside this node: its text nodes, and the names of leaves (a link
        whose text only repeated its name), joined."""
        return _text(
            " ".join(n.name for n in self.walk() if n.role == "StaticText" or not n.children)
        )

    def line(self) -> str:
        parts = ["text" if self.role == "StaticText" else self.role]
        if self.name:
            parts.append(_quote(self.name))
        for state in _STATES:
            if state in self.states:
                value = self.states[state]
                if value is True and state not in _FALSE_MATTERS:
                    parts.append(state)
                else:
                    parts.append(f"{state}={_format(value)}")
        if self.value:
            parts.append(f"value={_quote(self.value)}")
        if self.description:
            parts.append(f"description={_quote(self.description)}")
        return " ".join(parts)

    def snapshot(self) -> str:
        """The tree as text, one node a line, two spaces of indent per level."""
        lines: list[str] = []

        def add(node: AXNode, depth: int) -> None:
            lines.append("  " * depth + node.line())
            for child in node.children:
                add(child, depth + 1)

        add(self, 0)
        return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _format(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _states(raw: dict[str, Any], role: str) -> dict[str, Any]:
    states: dict[str, Any] = {}
    for prop in raw.get("properties", []):
        name, value = prop["name"], prop["value"].get("value")
        if name not in _STATES or value is None or value == "":
            continue
        if name == "level" and role not in _LEVELLED_ROLES:
            continue
        if value is False and name not in _FALSE_MATTERS:
            continue
        if isinstance(value, str) and value in (_UNSET.get(name), _DEFAULTS.get(name)):
            continue
        states[name] = value
    return states


def _only_repeats(node: AXNode) -> bool:
    """True if node's children are just its name or value again (a link's or button's label,
    a text field's content)."""
    if not node.children or not (node.name or node.value):
        return False
    if any(child.role != "StaticText" or child.children for child in node.children):
        return False
    texts = [_text(child.name) for child in node.children]
    joined = {_text("".join(texts)), _text(" ".join(texts))}
    return bool({node.name, node.value} & joined)


def build_tree(
    nodes: list[dict[str, Any]],
    root_backend_id: int,
    dom_attributes: dict[int, dict[str, str]] | None = None,
) -> AXNode:
    """The readable tree under the node for DOM node `root_backend_id` from getFullAXTree's
    `nodes`; `dom_attributes` (backend DOM node id -> aria-current, lang) adds those states.
    Ignored and transparent nodes are dropped and their children kept in their place; if that
    leaves other than one node at the top, a `generic` node holds them."""
    by_id = {node["nodeId"]: node for node in nodes}
    root = next((n for n in nodes if n.get("backendDOMNodeId") == root_backend_id), None)
    if root is None:
        raise LookupError(f"no accessibility node for DOM node {root_backend_id}")

    def convert(raw: dict[str, Any]) -> list[AXNode]:
        children: list[AXNode] = []
        for child_id in raw.get("childIds", []):
            if child_id in by_id:
                children.extend(convert(by_id[child_id]))
        role = raw.get("role", {}).get("value", "")
        if role in _DROPPED_ROLES:
            return []
        if raw.get("ignored") or role in _TRANSPARENT_ROLES:
            # A dropped node's language still sets the voice of what it holds.
            lang = (dom_attributes or {}).get(raw.get("backendDOMNodeId", 0), {}).get("lang")
            for child in children if lang else []:
                child.states.setdefault("lang", lang)
            return children
        node = AXNode(
            role=role,
            name=_text(raw.get("name", {}).get("value") or ""),
            description=_text(raw.get("description", {}).get("value") or ""),
            value=_text(str(raw.get("value", {}).get("value") or "")),
            states=_states(raw, role),
            children=children,
        )
        for attribute, value in (
            (dom_attributes or {}).get(raw.get("backendDOMNodeId", 0), {}).items()
        ):
            if attribute == "aria-current" and value != "false":
                node.states["current"] = value
            elif attribute == "lang":
                node.states["lang"] = value
        if _only_repeats(node):
            node.children = []
        return [node]

    converted = convert(root)
    return converted[0] if len(converted) == 1 else AXNode(role="generic", children=converted)


def backend_node_id(driver: Any, expression: str) -> int:
    """The DevTools backend id of the DOM node a JS expression evaluates to."""
    tools = devtools(driver)
    found = tools.send("Runtime.evaluate", {"expression": expression})
    object_id = found["result"].get("objectId")
    if not object_id:
        raise LookupError(f"{expression} is not an element: {found['result']}")
    try:
        described = tools.send("DOM.describeNode", {"objectId": object_id})
    finally:
        tools.send("Runtime.releaseObject", {"objectId": object_id})
    return described["node"]["backendNodeId"]


def _dom_attributes(driver: Any) -> dict[int, dict[str, str]]:
    """backend DOM node id -> the _FROM_DOM attributes it has, for the whole document."""
    tools = devtools(driver)
    found: dict[int, dict[str, str]] = {}
    stack = [tools.send("DOM.getDocument", {"depth": -1})["root"]]
    # getDocument starts DOM events for the session: every later change would be sent.
    tools.send("DOM.disable")
    while stack:
        node = stack.pop()
        flat = node.get("attributes", [])
        attributes = dict(zip(flat[::2], flat[1::2], strict=True))
        wanted = {name: attributes[name] for name in _FROM_DOM if name in attributes}
        if wanted:
            found[node["backendNodeId"]] = wanted
        stack.extend(node.get("children", []))
    return found


def component_ax_tree(driver: Any, expression: str) -> AXNode:
    """The accessibility tree under the element `expression` evaluates to, on the current page."""
    root_id = backend_node_id(driver, expression)
    nodes = devtools(driver).send("Accessibility.getFullAXTree")["nodes"]
    return build_tree(
        _with_pruned_roots(driver, nodes, [root_id]), root_id, _dom_attributes(driver)
    )


def _with_pruned_roots(driver: Any, nodes: list[dict[str, Any]], root_ids: list[Any]) -> list:
    """`nodes`, plus the ignored node of each root Chromium left out of the full tree (a plain
    `<span>`, such as a tag, has none there; its text is its parent's): built from its children."""
    present = {node.get("backendDOMNodeId") for node in nodes}
    extra = [
        found
        for root_id in root_ids
        if isinstance(root_id, int) and root_id not in present
        for found in devtools(driver).send(
            "Accessibility.getPartialAXTree", {"backendNodeId": root_id, "fetchRelatives": False}
        )["nodes"]
    ]
    return nodes + extra


def component_ax_trees(driver: Any, expressions: list[str]) -> list[AXNode | Exception]:
    """component_ax_tree() for each of several elements of the current page, from one fetch of
    the page's tree; an element whose tree cannot be built gets its exception instead."""
    root_ids: list[int | Exception] = []
    for expression in expressions:
        try:
            root_ids.append(backend_node_id(driver, expression))
        except LookupError as error:
            root_ids.append(error)
    nodes = devtools(driver).send("Accessibility.getFullAXTree")["nodes"]
    nodes = _with_pruned_roots(driver, nodes, root_ids)
    attributes = _dom_attributes(driver)
    trees: list[AXNode | Exception] = []
    for root_id in root_ids:
        try:
            if isinstance(root_id, Exception):
                raise root_id
            trees.append(build_tree(nodes, root_id, attributes))
        except LookupError as error:
            trees.append(error)
    return trees
