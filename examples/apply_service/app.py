"""The apply service: two steps of questions, a check of the answers and a reference number.

See the package docstring (examples/apply_service/__init__.py) for the pages and how to run it.
"""

from __future__ import annotations

import datetime
import hmac
import os
import re
import secrets
from collections.abc import Mapping
from functools import cache
from typing import Any

import flask
from markupsafe import Markup
from werkzeug.datastructures import CombinedMultiDict, FileStorage
from werkzeug.exceptions import RequestEntityTooLarge
from wtforms import (
    EmailField,
    FileField,
    Form,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TelField,
)
from wtforms.csrf.core import CSRF
from wtforms.validators import DataRequired, Length, ValidationError

from uswds_components.environment import component_strings
from uswds_components.flask import USWDS
from uswds_components.wtforms import MemorableDateField, install

from .strings import STATES, STRINGS

LANGS = ("en", "es")
MAX_UPLOAD = 2 * 1024 * 1024
STEPS = ("details", "address", "check")
# Letters and digits that cannot be misread for each other (no 0/O, 1/I).
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
# The first bytes of each accepted type: a file's name is only the sender's word for it.
SIGNATURES = {
    ".pdf": b"%PDF-",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
    ".png": b"\x89PNG\r\n\x1a\n",
}
ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
ZIP = re.compile(r"[0-9]{5}(-?[0-9]{4})?")
PHONE_SEPARATORS = re.compile(r"[\s().-]")
STATE_NAMES = dict(STATES)


class SessionToken(CSRF):
    """A random token per session, kept in the signed session cookie and required in every
    post's `csrf_token` field: another site can make the browser post, but cannot read it."""

    def generate_csrf_token(self, csrf_token_field: Any) -> str:
        return flask.session.setdefault("csrf", secrets.token_urlsafe(32))

    def validate_csrf_token(self, form: Any, field: Any) -> None:
        expected = flask.session.get("csrf")
        given = field.data if isinstance(field.data, str) else ""
        # compare_digest on bytes: on str it refuses non-ASCII rather than answer.
        if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
            raise ValidationError("The form's token is missing or wrong")


class ServiceForm(Form):
    class Meta:
        csrf = True
        csrf_class = SessionToken


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


@cache
def details_form(lang: str) -> type[ServiceForm]:
    """Step 1's form, in `lang`."""
    t = STRINGS[lang]

    class Details(ServiceForm):
        name = StringField(
            t["name"],
            [DataRequired(t["name_required"]), Length(max=100, message=t["name_long"])],
            filters=[_strip],
        )
        dob = MemorableDateField(
            t["dob"],
            [DataRequired(t["dob_required"])],
            description=t["dob_hint"],
            messages={"incomplete": t["dob_incomplete"], "invalid": t["dob_invalid"]},
            render_kw={"autocomplete": "bday"},
        )
        contact = RadioField(
            t["contact"],
            [DataRequired(t["contact_required"])],
            choices=[
                SelectChoice("email", t["contact_email"]),
                SelectChoice("phone", t["contact_phone"]),
            ],
            validate_choice=False,  # checked below, in our words
        )
        email = EmailField(t["email"], description=t["email_hint"], filters=[_strip])
        phone = TelField(t["phone"], description=t["phone_hint"], filters=[_strip])

        def validate_dob(self, field: Any) -> None:
            if field.data >= datetime.date.today():
                raise ValidationError(t["dob_future"])
            if field.data.year < 1900:
                raise ValidationError(t["dob_too_early"])

        def validate_contact(self, field: Any) -> None:
            if field.data not in ("email", "phone"):
                raise ValidationError(t["contact_required"])

        def validate_email(self, field: Any) -> None:
            # Asked for only when chosen, but checked whenever given: it is kept.
            if not field.data:
                if self.contact.data == "email":
                    raise ValidationError(t["email_required"])
            elif len(field.data) > 254 or not EMAIL.fullmatch(field.data):
                raise ValidationError(t["email_format"])

        def validate_phone(self, field: Any) -> None:
            if not field.data:
                if self.contact.data == "phone":
                    raise ValidationError(t["phone_required"])
            elif phone_digits(field.data) is None:
                raise ValidationError(t["phone_format"])

    return Details


@cache
def address_form(lang: str) -> type[ServiceForm]:
    """Step 2's form, in `lang`. Set `kept_proof` to a file uploaded before: then the upload
    may be left empty."""
    t = STRINGS[lang]

    class Address(ServiceForm):
        kept_proof: str | None = None

        street = StringField(
            t["street"],
            [DataRequired(t["street_required"]), Length(max=100, message=t["street_long"])],
            filters=[_strip],
            render_kw={"autocomplete": "street-address"},
        )
        city = StringField(
            t["city"],
            [DataRequired(t["city_required"]), Length(max=100, message=t["city_long"])],
            filters=[_strip],
            render_kw={"autocomplete": "address-level2"},
        )
        state = SelectField(
            t["state"],
            [DataRequired(t["state_required"])],
            choices=[SelectChoice(value, name) for value, name in STATES],
            validate_choice=False,  # checked below, in our words
            render_kw={"autocomplete": "address-level1"},
        )
        zip = StringField(
            t["zip"],
            [DataRequired(t["zip_required"])],
            filters=[_strip],
            render_kw={"autocomplete": "postal-code", "inputmode": "numeric"},
        )
        proof = FileField(t["proof"], description=t["proof_hint"], render_kw={"accept": ACCEPT})

        def validate_state(self, field: Any) -> None:
            if field.data not in STATE_NAMES:
                raise ValidationError(t["state_required"])

        def validate_zip(self, field: Any) -> None:
            if not ZIP.fullmatch(field.data):
                raise ValidationError(t["zip_format"])

        def validate_proof(self, field: Any) -> None:
            upload = field.data
            if not isinstance(upload, FileStorage) or not upload.filename:
                if self.kept_proof is None:
                    raise ValidationError(t["proof_required"])
            elif not accepted_file(upload):
                raise ValidationError(t["proof_type"])

    return Address


class SendForm(ServiceForm):
    """The check page's form: only the token."""


def phone_digits(text: str) -> str | None:
    """A US phone number's 10 digits, or None: separators and a leading +1 or 1 allowed."""
    digits = PHONE_SEPARATORS.sub("", text).removeprefix("+")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits if len(digits) == 10 and digits.isascii() and digits.isdigit() else None


def accepted_file(upload: FileStorage) -> bool:
    """A PDF, JPG or PNG by its name's extension and by its first bytes."""
    name = upload.filename or ""
    extension = os.path.splitext(name.lower())[1]
    signature = SIGNATURES.get(extension)
    if signature is None:
        return False
    head = upload.stream.read(len(signature))
    upload.stream.seek(0)
    return head == signature


def file_name(upload: FileStorage) -> str:
    """The name to show: without a folder (some browsers send one), at most 100 characters."""
    name = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    return name[-100:]


def format_date(iso: str, lang: str) -> str:
    date = datetime.date.fromisoformat(iso)
    # The memorable date's month names: one list of them in the package, in each language.
    month = component_strings("memorable_date", lang)["months"][date.month - 1]
    return STRINGS[lang]["date_format"].format(month=month, day=date.day, year=date.year)


def new_reference() -> str:
    letters = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


# --- the session -------------------------------------------------------------------------------


def answers() -> dict[str, Any]:
    """What the user has answered: `details`, `address` and `proof` (the file's name)."""
    return dict(flask.session.get("answers", {}))


def save(**values: Any) -> None:
    flask.session["answers"] = {**answers(), **values}


def next_step() -> str:
    """The first step not yet answered, else the check page."""
    saved = answers()
    if "details" not in saved:
        return "details"
    if "address" not in saved or "proof" not in saved:
        return "address"
    return "check"


# --- pages -------------------------------------------------------------------------------------


def lang() -> str:
    return flask.request.blueprint or "en"


def link(endpoint: str, **values: Any) -> str:
    return flask.url_for(f"{lang()}.{endpoint}", **values)


def page(template: str, title_key: str, status: int = 200, **context: Any) -> Any:
    """Render `template` in the request's language with the site's header, the other
    language's link and the page title."""
    here, t = lang(), STRINGS[lang()]
    other = t["other_lang"]
    endpoint = (flask.request.endpoint or f"{here}.details").split(".", 1)[1]
    if endpoint not in (*STEPS, "done"):
        endpoint = "start"
    header = {
        "title": t["service"],
        "title_href": link("start"),
        "language_selector": {
            "items": [
                {
                    "text": t["other_language"],
                    "lang": other,
                    "href": flask.url_for(f"{other}.{endpoint}"),
                }
            ]
        },
    }
    html = flask.render_template(
        template,
        t=t,
        lang=here,
        heading=t[title_key],
        title=f"{t[title_key]} | {t['service']}",
        header=header,
        **context,
    )
    return html, status


def steps(current: str) -> list[dict[str, str]]:
    t, at = STRINGS[lang()], STEPS.index(current)
    return [
        {
            "label": t[f"{step}_title"],
            "status": "complete" if i < at else "current" if i == at else "incomplete",
        }
        for i, step in enumerate(STEPS)
    ]


def refuse_without_token(form: ServiceForm) -> None:
    """A post without this session's token may come from another site: 400, nothing kept."""
    if form.csrf_token.errors:
        flask.abort(400)


def form_page(template: str, step: str, form: ServiceForm, status: int = 200) -> Any:
    return page(
        template,
        f"{step}_title",
        status,
        form=form,
        errors=form.errors,
        steps=steps(step),
    )


bp = flask.Blueprint("apply", __name__)


@bp.get("/")
def start() -> Any:
    return flask.redirect(link(next_step()))


@bp.route("/details", methods=["GET", "POST"])
def details() -> Any:
    cls = details_form(lang())
    if flask.request.method == "GET":
        saved = answers().get("details")
        data = dict(saved, dob=datetime.date.fromisoformat(saved["dob"])) if saved else None
        return form_page("details.html", "details", cls(None, data=data))
    form = cls(flask.request.form)
    valid = form.validate()
    refuse_without_token(form)
    if not valid:
        return form_page("details.html", "details", form)
    save(
        details={
            "name": form.name.data,
            "dob": form.dob.data.isoformat(),
            "contact": form.contact.data,
            "email": form.email.data or "",
            "phone": form.phone.data or "",
        }
    )
    return flask.redirect(link(next_step()))


def describe_proof(form: Any) -> None:
    """The upload's hint and required state, from the file kept so far."""
    t = STRINGS[lang()]
    if form.kept_proof is None:
        form.proof.flags.required = True
    else:
        form.proof.flags.required = False
        form.proof.description = t["proof_kept"].format(file=form.kept_proof)


@bp.route("/address", methods=["GET", "POST"])
def address() -> Any:
    saved = answers()
    if "details" not in saved:
        return flask.redirect(link("details"))
    cls = address_form(lang())
    if flask.request.method == "GET":
        form = cls(None, data=saved.get("address"))
        form.kept_proof = saved.get("proof")
        describe_proof(form)
        return form_page("address.html", "address", form)
    form = cls(CombinedMultiDict((flask.request.files, flask.request.form)))
    form.kept_proof = saved.get("proof")
    valid = form.validate()
    refuse_without_token(form)
    upload = form.proof.data
    if not form.proof.errors and isinstance(upload, FileStorage) and upload.filename:
        # Only the name is kept; a real service would store the file here. It is kept even
        # when another answer is wrong, so the user need not choose it again.
        form.kept_proof = file_name(upload)
        save(proof=form.kept_proof)
    if not valid:
        describe_proof(form)
        return form_page("address.html", "address", form)
    save(
        address={
            "street": form.street.data,
            "city": form.city.data,
            "state": form.state.data,
            "zip": form.zip.data,
        }
    )
    return flask.redirect(link(next_step()))


def too_large(error: RequestEntityTooLarge) -> Any:
    """An upload over MAX_CONTENT_LENGTH: the address page again with the upload's error; the
    body is not read, so nothing posted is kept."""
    if flask.request.blueprint not in LANGS or flask.request.endpoint != f"{lang()}.address":
        return error
    saved = answers()
    form = address_form(lang())(None, data=saved.get("address"))
    form.kept_proof = saved.get("proof")
    describe_proof(form)
    form.proof.errors = [STRINGS[lang()]["proof_large"]]
    return form_page("address.html", "address", form, status=413)


def answer_rows(saved: Mapping[str, Any]) -> list[list[Any]]:
    """The check page's table rows: question, answer, and a link to change it."""
    t, here = STRINGS[lang()], lang()
    details, where = saved["details"], saved["address"]
    contact = details["contact"]
    rows = [
        ("name", "details", t["name"], details["name"]),
        ("dob", "details", t["dob"], format_date(details["dob"], here)),
        (
            "contact",
            "details",
            t["contact"],
            f"{t[f'contact_{contact}']}: {details[contact]}",
        ),
        (
            "street",
            "address",
            t["address"],
            Markup("{}<br>{}, {} {}").format(
                where["street"], where["city"], STATE_NAMES[where["state"]], where["zip"]
            ),
        ),
        ("proof", "address", t["proof"], saved["proof"]),
    ]
    return [
        [
            question,
            {"html": answer} if isinstance(answer, Markup) else answer,
            {
                "html": Markup(
                    '<a class="usa-link" href="{}">{}<span class="usa-sr-only">: {}</span></a>'
                ).format(f"{link(step)}#{field}", t["change"], question)
            },
        ]
        for field, step, question, answer in rows
    ]


@bp.route("/check", methods=["GET", "POST"])
def check() -> Any:
    if next_step() != "check":
        return flask.redirect(link(next_step()))
    form = SendForm(flask.request.form if flask.request.method == "POST" else None)
    if flask.request.method == "POST":
        if not form.validate():  # only the token can be wrong
            flask.abort(400)
        flask.session.pop("answers", None)
        flask.session["reference"] = new_reference()
        return flask.redirect(link("done"))
    return page(
        "check.html", "check_title", form=form, rows=answer_rows(answers()), steps=steps("check")
    )


@bp.get("/done")
def done() -> Any:
    reference = flask.session.get("reference")
    if reference is None:
        return flask.redirect(link("start"))
    reference_html = Markup(
        '<p class="font-mono-lg text-bold margin-top-0" id="reference">{}</p><p>{}</p>'
    ).format(reference, STRINGS[lang()]["reference_text"])
    return page("done.html", "done_title", reference_html=reference_html)


def bad_request(error: Exception) -> Any:
    if flask.request.blueprint not in LANGS:
        return error
    return page("problem.html", "problem_title", status=400)


def create_app(config: Mapping[str, Any] | None = None) -> flask.Flask:
    """The service. `config` overrides Flask's config (SECRET_KEY, MAX_CONTENT_LENGTH, ...)."""
    app = flask.Flask(__name__)
    app.config.update(
        # Without APPLY_SECRET_KEY every start makes a new key: sessions end with the process.
        SECRET_KEY=os.environ.get("APPLY_SECRET_KEY") or secrets.token_bytes(32),
        MAX_CONTENT_LENGTH=MAX_UPLOAD,
        # The cookie is not sent with another site's posts: a second guard besides the token.
        SESSION_COOKIE_SAMESITE="Lax",
    )
    app.config.update(config or {})
    USWDS(app)
    install(app.jinja_env)
    app.register_blueprint(bp, name="en")
    app.register_blueprint(bp, name="es", url_prefix="/es")
    app.register_error_handler(RequestEntityTooLarge, too_large)
    app.register_error_handler(400, bad_request)
    return app
