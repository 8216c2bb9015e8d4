"""A canonical form of HTML, for comparing our markup with USWDS's reference markup.

Both sides are parsed; the comparison then ignores only what does not change the DOM a browser or
assistive tech sees: attribute order, class order, runs of whitespace, whitespace-only text between
elements, where images are served from, and the spelling of ids (compared by first appearance).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# Attributes whose value names ids: they are renumbered by first appearance on either side.
_ID_REFERENCES = frozenset(
    {
        "id",
        "for",
        "aria-controls",
        "aria-labelledby",
        "aria-describedby",
        "aria-owns",
        "aria-details",
        "aria-errormessage",
        "headers",
        "list",
    }
)
_IMAGE_SOURCES = frozenset({("img", "src"), ("image", "href"), ("source", "srcset")})


def canonical_html(html: str, *, root_attributes: Mapping[str, str] | None = None) -> str:
    """One line per node, indented by depth: compare two of these, and diff them on failure.

    `root_attributes` are added to the first element, for a reference that lacks them on purpose.
    """
    soup = BeautifulSoup(html, "html.parser")
    ids: dict[str, str] = {}
    lines: list[str] = []
    first = soup.find(True)
    if root_attributes and isinstance(first, Tag):
        first.attrs.update(root_attributes)
    for child in soup.children:
        _walk(child, 0, ids, lines)
    return "\n".join(lines)


def _walk(node: object, depth: int, ids: dict[str, str], lines: list[str]) -> None:
    indent = "  " * depth
    if isinstance(node, Comment):
        return
    if isinstance(node, NavigableString):
        text = " ".join(node.split())
        if text:
            # Keep one space where the source had any at either end: "A <b>" is not "A<b>".
            lead = " " if node[:1].isspace() else ""
            trail = " " if node[-1:].isspace() else ""
            lines.append(f"{indent}{lead}{text}{trail!s}|")
        return
    if not isinstance(node, Tag):
        return
    attrs = []
    for name in sorted(node.attrs):
        value = node.attrs[name]
        if isinstance(value, list):  # bs4 splits class-like attributes
            value = " ".join(value)
        if name == "class":
            value = " ".join(sorted(value.split()))
        elif name in _ID_REFERENCES:
            value = " ".join(ids.setdefault(token, f"id{len(ids) + 1}") for token in value.split())
        elif (node.name, name) in _IMAGE_SOURCES:
            value = posixpath.basename(value)
        elif name == "href" and value.startswith("#") and len(value) > 1:
            value = "#" + ids.setdefault(value[1:], f"id{len(ids) + 1}")
        attrs.append(f'{name}="{value}"')
    lines.append(f"{indent}<{node.name}{' ' if attrs else ''}{' '.join(attrs)}>")
    for child in node.children:
        _walk(child, depth + 1, ids, lines)
