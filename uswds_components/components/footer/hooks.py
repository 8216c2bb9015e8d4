"""Footer rules: contact links become `tel:` and `mailto:` URLs; no blank text."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from ...errors import ComponentError

# An address with one @, no spaces, no characters that would end or bend a mailto: URL.
_EMAIL = re.compile(r"^[^@\s<>\"'?&#,;:/\\]+@[^@\s<>\"'?&#,;:/\\]+\.[^@\s<>\"'?&#,;:/\\]+$")
# Digits with an optional leading +, and the separators people write: spaces - . ( ).
_PHONE_CHARS = "digits, an optional +, spaces, - . ( )"
_LETTERS_HINT = "; give phone_number to show a number with letters and dial its digits"
_PHONE_NUMBER = re.compile(r"^\+?\(?[0-9][0-9 .()\-]*[0-9]$")


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not params["agency_name"].strip():
        raise ComponentError("footer", "agency_name", "is empty")
    for index, link in enumerate(params["links"]):
        if not link["text"].strip():
            raise ComponentError("footer", f"links[{index}].text", "is empty")

    email, phone, number = params["email"], params["phone"], params["phone_number"]
    email_href = phone_href = None
    if email is not None:
        if not _EMAIL.match(email):
            raise ComponentError("footer", "email", f"expected an email address, got {email!r}")
        email_href = "mailto:" + quote(email, safe="@.+-_~!$*'")
    if number is not None and phone is None:
        raise ComponentError("footer", "phone_number", "needs phone, the number as shown")
    if phone is not None:
        if not phone.strip():
            raise ComponentError("footer", "phone", "is empty")
        dialled = phone if number is None else number
        if not _PHONE_NUMBER.match(dialled.strip()):
            where, hint = ("phone_number", "") if number is not None else ("phone", _LETTERS_HINT)
            raise ComponentError(
                "footer", where, f"expected a phone number ({_PHONE_CHARS}); got {dialled!r}{hint}"
            )
        phone_href = "tel:" + re.sub(r"[ .()]", "", dialled.strip())
    return {**params, "email_href": email_href, "phone_href": phone_href}
