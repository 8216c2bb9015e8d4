"""What the gallery and the docs show from a spec: calls a user would write, params, strings.

The Jinja and Python calls are built from an example's params; tests render them back and
compare with the example's own rendering, so what we show is what produced the preview.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..registry import COMPONENTS_DIR
from ..spec import ComponentSpec, Example, Param

LINE_LENGTH = 88
INDENT = "    "
JINJA_IMPORT = '{% import "uswds/components.html" as usa %}'


def _quote(text: str) -> str:
    """A string literal both Python and Jinja read back as `text`."""
    quote = "'" if '"' in text and "'" not in text else '"'
    escaped = text.replace("\\", "\\\\").replace(quote, "\\" + quote)
    escaped = escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f"{quote}{escaped}{quote}"


def format_value(value: Any, language: str, indent: str = "") -> str:
    """`value` as a `language` ("jinja" or "python") literal, broken over lines when long."""
    flat = _flat(value, language)
    if len(indent) + len(flat) <= LINE_LENGTH or not isinstance(value, list | tuple | Mapping):
        return flat
    inner = indent + INDENT
    if isinstance(value, Mapping):
        items = [
            f"{inner}{_quote(str(key))}: {format_value(item, language, inner)},"
            for key, item in value.items()
        ]
        return "{\n" + "\n".join(items) + f"\n{indent}}}"
    items = [f"{inner}{format_value(item, language, inner)}," for item in value]
    return "[\n" + "\n".join(items) + f"\n{indent}]"


def _flat(value: Any, language: str) -> str:
    jinja = language == "jinja"
    if isinstance(value, Markup):
        # Jinja has no Markup(); `|safe` is how a template marks trusted HTML.
        return f"{_quote(str(value))}|safe" if jinja else f"Markup({_quote(str(value))})"
    if isinstance(value, bool):
        return ("true" if value else "false") if jinja else repr(value)
    if value is None:
        return "none" if jinja else "None"
    if isinstance(value, dt.datetime):
        if jinja:  # date params take ISO strings too
            return _quote(value.isoformat())
        return "datetime(" + ", ".join(str(part) for part in _datetime_parts(value)) + ")"
    if isinstance(value, dt.date):
        return (
            _quote(value.isoformat())
            if jinja
            else f"date({value.year}, {value.month}, {value.day})"
        )
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, Mapping):
        inner = ", ".join(f"{_quote(str(k))}: {_flat(v, language)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flat(item, language) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as a {language} literal")


def _datetime_parts(value: dt.datetime) -> list[int]:
    parts = [value.year, value.month, value.day, value.hour, value.minute, value.second]
    while len(parts) > 3 and parts[-1] == 0:
        parts.pop()
    return parts


def _call(
    head: str, positional: list[str], params: Mapping[str, Any], language: str, tail: str
) -> str:
    args = positional + [f"{name}={_flat(value, language)}" for name, value in params.items()]
    one_line = f"{head}{', '.join(args)}{tail}"
    if len(one_line) <= LINE_LENGTH:
        return one_line
    lines = [f"{INDENT}{arg}," for arg in positional] + [
        f"{INDENT}{name}={format_value(value, language, INDENT)}," for name, value in params.items()
    ]
    return head + "\n" + "\n".join(lines) + "\n" + tail


def jinja_call(example: Example) -> str:
    """The template lines that render `example`, import included."""
    call = _call(f"{{{{ usa.{example.component}(", [], example.params, "jinja", ") }}")
    return f"{JINJA_IMPORT}\n{call}"


def _python_imports(params: Mapping[str, Any]) -> list[str]:
    found: set[type] = set()

    def visit(value: Any) -> None:
        if isinstance(value, Markup):
            found.add(Markup)
        elif isinstance(value, dt.datetime):
            found.add(dt.datetime)
        elif isinstance(value, dt.date):
            found.add(dt.date)
        elif isinstance(value, Mapping):
            for item in value.values():
                visit(item)
        elif isinstance(value, list | tuple):
            for item in value:
                visit(item)

    for value in params.values():
        visit(value)
    lines = []
    dates = sorted(kind.__name__ for kind in (dt.date, dt.datetime) if kind in found)
    if dates:
        lines.append(f"from datetime import {', '.join(dates)}")
    lines.append("")
    if Markup in found:
        lines.append("from markupsafe import Markup")
    lines.append("from uswds_components import render")
    return lines if dates else lines[1:]


def python_call(example: Example) -> str:
    """The Python that renders `example`, imports included."""
    imports = _python_imports(example.params)
    call = _call("html = render(", [_quote(example.component)], example.params, "python", ")")
    return "\n".join([*imports, "", call])


# --- params and strings ----------------------------------------------------------------------


def param_rows(spec: ComponentSpec) -> Iterator[tuple[str, Param]]:
    """Every param, and after a list or mapping param its fields (`items[].text`, `links.foia`)."""
    for name, param in spec.params.items():
        yield name, param
        for field_name, field in param.fields.items():
            joiner = "[]." if param.type == "list" else "."
            yield f"{name}{joiner}{field_name}", field


def type_label(param: Param) -> str:
    if param.type == "list" and param.fields:
        return "list of mappings"
    if param.type == "html":
        return "html (Markup)"
    return param.type


def requirement_label(param: Param) -> str:
    if param.required:
        return "required"
    if param.default is None:
        return "optional"
    return f"default `{_flat(param.default, 'python')}`"


def allowed_label(param: Param) -> str:
    parts = []
    if param.allowed is not None:
        parts.append(", ".join(f"`{_flat(value, 'python')}`" for value in param.allowed))
    if param.minimum is not None or param.maximum is not None:
        low = "" if param.minimum is None else str(param.minimum)
        high = "" if param.maximum is None else str(param.maximum)
        parts.append(f"{low}–{high}")
    if param.min_items is not None:
        parts.append(f"at least {param.min_items} item(s)")
    return "; ".join(parts)


def flat_strings(strings: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """Nested strings as dotted keys; lists (month names) joined with commas."""
    flat: dict[str, str] = {}
    for key, value in strings.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flat_strings(value, f"{path}."))
        elif isinstance(value, list | tuple):
            flat[path] = ", ".join(str(item) for item in value)
        else:
            flat[path] = str(value)
    return flat


def string_rows(spec: ComponentSpec) -> list[tuple[str, str, str]]:
    """(key, English, Spanish) for every built-in string of a component with both."""
    english = flat_strings(spec.strings.get("en", {}))
    spanish = flat_strings(spec.strings.get("es", {}))
    return [(key, english.get(key, ""), spanish.get(key, "")) for key in english | spanish]


def has_spanish(spec: ComponentSpec) -> bool:
    return "es" in spec.strings or any(is_spanish(example) for example in spec.examples)


def is_spanish(example: Example) -> bool:
    return example.params.get("lang") == "es"


# --- accessibility-tree snapshots ------------------------------------------------------------


def accessibility_trees(spec: ComponentSpec) -> list[tuple[str, str, str]]:
    """(example, state, text) of the stored accessibility-tree snapshots, by example then state.

    They live at components/<name>/accessibility-tree/<example>--<state>.txt; "initial" is the
    page as loaded and comes first. Hidden (test-only) examples are left out, as everywhere in
    the docs and gallery.
    """
    folder = COMPONENTS_DIR / spec.name / "accessibility-tree"
    if not folder.is_dir():
        return []
    found: dict[tuple[str, str], Path] = {}
    for path in folder.glob("*--*.txt"):
        example_name, state = path.stem.split("--", 1)
        found[(example_name, state)] = path
    order: list[tuple[str, str]] = []
    for example in spec.examples:
        if not example.hidden:
            order += [(example.name, state) for state in ("initial", *example.states)]
    return [
        (example, state, found[(example, state)].read_text(encoding="utf-8").rstrip("\n"))
        for example, state in order
        if (example, state) in found
    ]


# --- a little markdown, for the accessibility notes in the gallery ---------------------------


def inline_markdown(text: str) -> str:
    # Code spans first, kept apart so bold markers inside code stay literal.
    pieces = re.split(r"(`[^`]+`)", text)
    out = []
    for piece in pieces:
        if piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            out.append(f"<code>{html.escape(piece[1:-1], quote=False)}</code>")
        else:
            escaped = html.escape(piece, quote=False)
            out.append(re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", escaped))
    return "".join(out)


def markdown_to_html(text: str) -> Markup:
    """The notes' markdown subset: paragraphs, "- " bullet lists, `code` and **bold**."""
    blocks: list[tuple[str, list[str]]] = []
    for line in text.strip().splitlines():
        stripped = line.strip()
        if not stripped:
            blocks.append(("break", []))
        elif stripped.startswith("- "):
            blocks.append(("item", [stripped[2:]]))
        elif blocks and blocks[-1][0] in ("item", "para"):
            blocks[-1][1].append(stripped)
        else:
            blocks.append(("para", [stripped]))
    parts: list[str] = []
    in_list = False
    for kind, lines in blocks:
        if kind != "item" and in_list:
            parts.append("</ul>")
            in_list = False
        if kind == "item":
            if not in_list:
                parts.append('<ul class="usa-list">')
                in_list = True
            parts.append(f"<li>{inline_markdown(' '.join(lines))}</li>")
        elif kind == "para":
            parts.append(f"<p>{inline_markdown(' '.join(lines))}</p>")
    if in_list:
        parts.append("</ul>")
    return Markup("\n".join(parts))
