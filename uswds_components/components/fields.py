"""The one wiring of a form control's label, hint and error, shared by every form control.

A sighted user sees a field's hint and error next to it; a screen reader user hears them only if
the control names them in `aria-describedby` (WCAG 1.3.1, 3.3.1). Every control's hooks call
`wire()` and its macro prints what it returns through the macros of `field.html`, so the ids,
their order and `aria-invalid` are decided here once:

- the hint is `<id>-hint`, the error message `<id>-error`; `aria-describedby` names the hint,
  then any ids the control adds (a character count's status), then the error, as USWDS and
  GOV.UK order them, so the instruction comes before what went wrong;
- a single control with an error gets `aria-invalid="true"`;
- a group (checkboxes or radios in a fieldset) carries hint and error on the fieldset's
  `aria-describedby`, read as the user enters the group, and no `aria-invalid` on its inputs:
  the error is about the question, not about each option (a "choose one" error does not make
  the option "Yes" wrong), ARIA 1.3 leaves `aria-invalid` off the `radio` role, and GOV.UK
  does the same.

`error_title()` is the page title's "Error: " prefix, for layouts (WCAG 3.3.1: the title is the
first thing a screen reader reads on the page that comes back with errors).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import ComponentError
from ..registry import get_spec


def check_not_blank(
    component: str, params: Mapping[str, Any], names: Iterable[str], where: str = ""
) -> None:
    """A label, hint or error given as whitespace only would be an empty, unnamed slot.

    `where` prefixes the param in errors: "items[2]." for an item's fields."""
    for name in names:
        value = params.get(name)
        if value is not None and not str(value).strip():
            raise ComponentError(
                component, f"{where}{name}", "is empty; give the text, or leave it out"
            )


def wire(
    component: str,
    params: Mapping[str, Any],
    *,
    group: bool = False,
    extra_describedby: Iterable[str] = (),
) -> dict[str, Any]:
    """The field's wiring: `{hint_id, error_id, describedby, invalid, group}`.

    `params` are a control's validated params: `id`, `hint` (and `hint_html` where the control
    has it) and `error`. `extra_describedby` are ids the control itself adds between the hint
    and the error. Raises ComponentError for a blank hint or error.
    """
    check_not_blank(component, params, ("hint", "error"))
    has_hint = params.get("hint") is not None or params.get("hint_html") is not None
    has_error = params.get("error") is not None
    base = params.get("id")
    if base is None and (has_hint or has_error):
        name = "hint" if has_hint else "error"
        raise ComponentError(component, "id", f"is required with a {name}: it prefixes its id")
    hint_id = f"{base}-hint" if has_hint else None
    error_id = f"{base}-error" if has_error else None
    described = [i for i in (hint_id, *extra_describedby, error_id) if i]
    return {
        "hint_id": hint_id,
        "error_id": error_id,
        "describedby": " ".join(described),
        "invalid": has_error and not group,
        "group": group,
    }


def error_title(title: str, errors: Any, lang: str = "en") -> str:
    """`title` with the "Error: " prefix (Spanish "Error: ") when `errors` holds any error.

    `errors` is whatever the page holds its errors in (a list, a mapping, a count): any truthy
    value prefixes. The result is plain text; the layout escapes it as it prints the title.
    """
    strings = get_spec("error_summary").strings
    if lang not in strings:
        raise ComponentError("error_summary", "lang", f"must be one of 'en', 'es'; got {lang!r}")
    if not errors:
        return title
    return f"{strings[lang]['title_prefix']}{title}"


def prepare_control(component: str, params: dict[str, Any]) -> dict[str, Any]:
    """A text input's, textarea's or select's params: label not blank, `name` defaulting to
    `id`, and the wiring."""
    check_not_blank(component, params, ("label",))
    return {
        **params,
        "name": params["id"] if params["name"] is None else params["name"],
        "field": wire(component, params),
    }


PLURAL = {"checkbox": "checkboxes", "radio": "radio buttons"}


def prepare_choices(component: str, params: dict[str, Any], kind: str) -> dict[str, Any]:
    """Checkboxes or radios (`kind`): one alone, or a group in a fieldset named by `legend`.

    Item ids: the first is the component's `id` (so an error summary links every control by
    the `id` it was given), the rest `<id>-2`, `<id>-3`, …, unless an item sets its own.
    No input gets the `required` attribute: on a group of checkboxes it would require every
    box, and Chromium exposes a required checkbox or radio as invalid before the user has done
    anything, so screen readers would say "invalid" on a fresh form. The legend (or a lone
    input's label) says "(required)" in visually hidden text instead (field.html).
    """
    items = params["items"]
    check_not_blank(component, params, ("legend",))
    if params["legend"] is None and len(items) > 1:
        raise ComponentError(
            component,
            "legend",
            f"is required for {len(items)} {PLURAL[kind]}: a group needs a fieldset and its legend "
            "(WCAG 1.3.1); give a legend, or one item",
        )
    if params["legend"] is None and params["legend_large"]:
        raise ComponentError(component, "legend_large", "needs a legend")
    ids: list[str] = []
    for index, item in enumerate(items):
        check_not_blank(component, item, ("label", "description"), f"items[{index}].")
        item_id = item["id"] or (params["id"] if index == 0 else f"{params['id']}-{index + 1}")
        if item_id in ids or item_id in (f"{params['id']}-hint", f"{params['id']}-error"):
            raise ComponentError(
                component, f"items[{index}].id", f"{item_id!r} is already used; give another"
            )
        ids.append(item_id)
    if kind == "radio":
        checked = [index for index, item in enumerate(items) if item["checked"]]
        if len(checked) > 1:
            raise ComponentError(
                component,
                f"items[{checked[1]}].checked",
                "only one radio of a group can be checked",
            )
    group = params["legend"] is not None
    return {
        **params,
        "items": [{**item, "id": item_id} for item, item_id in zip(items, ids, strict=True)],
        "field": wire(component, params, group=group),
    }
