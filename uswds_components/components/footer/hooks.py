"""Footer rules: contact links become `tel:` and `mailto:` URLs; no blank text; each variant
takes only the parts it has.

The three variants share one param list, but not one layout: the slim footer has no place for a
contact heading, social links or a sign-up form, and only the big footer has sections. A param
its variant cannot show would vanish silently, so it is refused, naming the variant to use.
Social icons are `<use href="sprite.svg#NAME">`, which draws nothing for a misspelt NAME: the
name is checked against USWDS's sprite, as the icon component does.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from ...errors import ComponentError
from ..icon.hooks import check_name

COMPONENT = "footer"

# An address with one @, no spaces, no characters that would end or bend a mailto: URL.
_EMAIL = re.compile(r"^[^@\s<>\"'?&#,;:/\\]+@[^@\s<>\"'?&#,;:/\\]+\.[^@\s<>\"'?&#,;:/\\]+$")
# Digits with an optional leading +, and the separators people write: spaces - . ( ).
_PHONE_CHARS = "digits, an optional +, spaces, - . ( )"
_LETTERS_HINT = "; give phone_number to show a number with letters and dial its digits"
_PHONE_NUMBER = re.compile(r"^\+?\(?[0-9][0-9 .()\-]*[0-9]$")


# The params only some variants show, and the variants that show them.
_ONLY_IN = {
    "links": ("slim", "medium"),
    "sections": ("big",),
    "sign_up_action": ("big",),
    "contact_heading": ("medium", "big"),
    "social_links": ("medium", "big"),
}


def check_variant(params: dict[str, Any]) -> None:
    """Refuse a param the chosen variant has no place for; the big footer needs sections."""
    variant = params["variant"]
    for name, variants in _ONLY_IN.items():
        if params[name] not in (None, []) and variant not in variants:
            shown = " or ".join(f"variant={v!r}" for v in variants)
            raise ComponentError(
                COMPONENT, name, f"the {variant} footer has no place for it; use {shown}"
            )
    if variant == "big" and not params["sections"]:
        raise ComponentError(
            COMPONENT, "sections", "the big footer's links are sections: give at least one"
        )


def check_texts(params: dict[str, Any]) -> None:
    """No blank names: an empty link, heading or social link would be unnamed to screen readers."""
    if not params["agency_name"].strip():
        raise ComponentError(COMPONENT, "agency_name", "is empty")
    for index, link in enumerate(params["links"]):
        if not link["text"].strip():
            raise ComponentError(COMPONENT, f"links[{index}].text", "is empty")
    for index, section in enumerate(params["sections"]):
        if not section["heading"].strip():
            raise ComponentError(COMPONENT, f"sections[{index}].heading", "is empty")
        for number, link in enumerate(section["links"]):
            if not link["text"].strip():
                raise ComponentError(
                    COMPONENT, f"sections[{index}].links[{number}].text", "is empty"
                )
    for index, social in enumerate(params["social_links"]):
        check_name(COMPONENT, f"social_links[{index}].icon", social["icon"])
        if not social["text"].strip():
            raise ComponentError(
                COMPONENT, f"social_links[{index}].text", "is empty: it names the icon-only link"
            )
    heading = params["contact_heading"]
    if heading is not None and not heading.strip():
        raise ComponentError(COMPONENT, "contact_heading", "is empty; leave it out instead")


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_variant(params)
    check_texts(params)

    email, phone, number = params["email"], params["phone"], params["phone_number"]
    email_href = phone_href = None
    if email is not None:
        if not _EMAIL.match(email):
            raise ComponentError(COMPONENT, "email", f"expected an email address, got {email!r}")
        email_href = "mailto:" + quote(email, safe="@.+-_~!$*'")
    if number is not None and phone is None:
        raise ComponentError(COMPONENT, "phone_number", "needs phone, the number as shown")
    if phone is not None:
        if not phone.strip():
            raise ComponentError(COMPONENT, "phone", "is empty")
        dialled = phone if number is None else number
        if not _PHONE_NUMBER.match(dialled.strip()):
            where, hint = ("phone_number", "") if number is not None else ("phone", _LETTERS_HINT)
            raise ComponentError(
                COMPONENT, where, f"expected a phone number ({_PHONE_CHARS}); got {dialled!r}{hint}"
            )
        phone_href = "tel:" + re.sub(r"[ .()]", "", dialled.strip())
    return {**params, "email_href": email_href, "phone_href": phone_href}
