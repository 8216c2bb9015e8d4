"""An example service: a two-step "apply" journey built from this library's components with
Flask and WTForms, in English (/...) and Spanish (/es/...).

    python -m examples.apply_service [--port 5000]   (serves http://127.0.0.1:5000/)
    flask --app examples.apply_service.app run         (Flask calls create_app())

The pages, the same under /es/ with Spanish words and `lang="es"`:

- /details: full name, date of birth (a memorable date, through
  `uswds_components.wtforms.MemorableDateField`), how to contact you (radios) and the email
  address or phone number.
- /address: street, city, state (a select), ZIP code and a proof of address (a file input: PDF,
  JPG or PNG, checked by name and first bytes, at most 2 MB).
- /check: the answers in a table, each with a link back to its question; "Send application".
- /done: "Application received" and a reference number.

A form that comes back with errors has "Error: " in its title, the error summary (focused by
its script) with a link to each field, and each field in USWDS's error state. Answers are kept
in Flask's signed session cookie, no database; of the upload only the file's name is kept.
Every post carries the session's token (`csrf_token`): one without it, or with another
session's, gets 400 and changes nothing. Set APPLY_SECRET_KEY to keep sessions across restarts.
"""

from .app import create_app

__all__ = ["create_app"]
