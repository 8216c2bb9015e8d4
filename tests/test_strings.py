# ruff: noqa: E501  (each string stays on one line, as a reviewer compares it with the page)
"""Every built-in string of every component, in English and Spanish, pinned word for word.

The generated docs show the strings but are not a test: a changed string, with the docs
regenerated, must still fail here. A new component's strings are added by hand below, after a
reviewer has read them in both languages; `{limit}`-style fields are filled at render time.
"""

from __future__ import annotations

from typing import Any

import pytest
from markupsafe import Markup

from uswds_components.registry import all_specs

EXPECTED: dict[str, dict[str, dict[str, Any]]] = {
    "accordion": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "alert": {
        "en": {
            "status.info": "Information:",
            "status.warning": "Warning:",
            "status.error": "Error:",
            "status.success": "Success:",
            "status.emergency": "Emergency:",
        },
        "es": {
            "status.info": "Información:",
            "status.warning": "Advertencia:",
            "status.error": "Error:",
            "status.success": "Éxito:",
            "status.emergency": "Emergencia:",
        },
    },
    "archive_notice": {
        "en": {
            "heading": "Archived Content",
            "text": "In an effort to keep {site_name} current, the archive contains outdated information that may not reflect current policy or programs.",
            "archived_on": "This page was archived on {date}.",
            "date": "{month} {day}, {year}",
            "months": [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
        },
        "es": {
            "heading": "Contenido archivado",
            "text": "Con el fin de mantener {site_name} al día, el archivo contiene información desactualizada que puede no reflejar las políticas o los programas actuales.",
            "archived_on": "Esta página se archivó el {date}.",
            "date": "{day} de {month} de {year}",
            "months": [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
        },
    },
    "banner": {
        "en": {
            "text": "An official website of the United States government",
            "action": "Here’s how you know",
            "aria_label": "Official website of the United States government",
        },
        "es": {
            "text": "Un sitio oficial del Gobierno de Estados Unidos",
            "action": "Así es como usted puede verificarlo",
            "aria_label": "Un sitio oficial del Gobierno de Estados Unidos",
        },
    },
    "breadcrumb": {
        "en": {
            "aria_label": "Breadcrumbs",
        },
        "es": {
            "aria_label": "Migas de pan",
        },
    },
    "button": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "button_group": {"en": {}, "es": {}},
    "card": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "card_group": {"en": {}, "es": {}},
    "character_count": {
        "en": {
            "message": "You can enter up to {limit} characters",
            "allowed": "{count} characters allowed",
            "left_one": "{count} character left",
            "left": "{count} characters left",
            "over_one": "{count} character over limit",
            "over": "{count} characters over limit",
            "exceeded": "Character limit exceeded.",
            "too_long": "The content is too long.",
        },
        "es": {
            "message": "Puede escribir hasta {limit} caracteres",
            "allowed": "{count} caracteres permitidos",
            "left_one": "Queda {count} carácter",
            "left": "Quedan {count} caracteres",
            "over_one": "{count} carácter por encima del límite",
            "over": "{count} caracteres por encima del límite",
            "exceeded": "Se superó el límite de caracteres.",
            "too_long": "El texto es demasiado largo.",
        },
    },
    "checkbox": {"en": {}, "es": {}},  # words from hint (asterisk title) and error_message
    "collection": {
        "en": {
            "meta_label": "More information",
            "tags_label": "Topics",
            "months": [
                "JAN",
                "FEB",
                "MAR",
                "APR",
                "MAY",
                "JUN",
                "JUL",
                "AUG",
                "SEP",
                "OCT",
                "NOV",
                "DEC",
            ],
        },
        "es": {
            "meta_label": "Más información",
            "tags_label": "Temas",
            "months": [
                "ENE",
                "FEB",
                "MAR",
                "ABR",
                "MAY",
                "JUN",
                "JUL",
                "AGO",
                "SEPT",
                "OCT",
                "NOV",
                "DIC",
            ],
        },
    },
    # The blank option is the select's string; these are USWDS's JS's, said by combo-box.js.
    "combo_box": {
        "en": {
            "clear_input": "Clear the select contents",
            "toggle_list": "Toggle the dropdown list",
            "no_results_found": "No results found",
            "results_one": "{count} result available.",
            "results_many": "{count} results available.",
            "no_results": "No results.",
        },
        "es": {
            "clear_input": "Borrar la selección",
            "toggle_list": "Mostrar u ocultar la lista",
            "no_results_found": "No se encontraron resultados",
            "results_one": "{count} resultado disponible.",
            "results_many": "{count} resultados disponibles.",
            "no_results": "No hay resultados.",
        },
    },
    "date_picker": {"en": {"format_hint": "mm/dd/yyyy"}, "es": {"format_hint": "mm/dd/aaaa"}},
    "date_range_picker": {"en": {}, "es": {}},  # the format hint is the date picker's string
    "error_message": {"en": {"prefix": "Error:"}, "es": {"prefix": "Error:"}},
    "error_summary": {
        "en": {"heading": "There is a problem", "title_prefix": "Error: "},
        "es": {"heading": "Hay un problema", "title_prefix": "Error: "},
    },
    "fieldset": {"en": {}, "es": {}},  # words from hint and error_message
    "file_input": {
        "en": {
            "invalid": "Error: This is not a valid file type.",
            "drag_one": "Drag file here or",
            "drag_many": "Drag files here or",
            "choose": "choose from folder",
            "choose_start": "Choose from folder",
            "none_one": "No file selected.",
            "none_many": "No files selected.",
            "selected_one": "You have selected the file: {files}",
            "selected_many": "You have selected {count} files: {files}",
            "heading_one": "Selected file",
            "heading_many": "{count} files selected",
            "change_one": "Change file",
            "change_many": "Change files",
        },
        "es": {
            "invalid": "Error: Este tipo de archivo no es válido.",
            "drag_one": "Arrastre el archivo aquí o",
            "drag_many": "Arrastre los archivos aquí o",
            "choose": "elíjalo de una carpeta",
            "choose_start": "Elija de una carpeta",
            "none_one": "No se seleccionó ningún archivo.",
            "none_many": "No se seleccionaron archivos.",
            "selected_one": "Seleccionó el archivo: {files}",
            "selected_many": "Seleccionó {count} archivos: {files}",
            "heading_one": "Archivo seleccionado",
            "heading_many": "{count} archivos seleccionados",
            "change_one": "Cambiar archivo",
            "change_many": "Cambiar archivos",
        },
    },
    "footer": {
        "en": {
            "return_to_top": "Return to top",
            "nav_label": "Footer navigation",
            "sign_up_heading": "Sign up",
            "sign_up_label": "Your email address",
            "sign_up_button": "Sign up",
        },
        "es": {
            "return_to_top": "Volver al inicio",
            "nav_label": "Navegación del pie de página",
            "sign_up_heading": "Suscríbase",
            "sign_up_label": "Su correo electrónico",
            "sign_up_button": "Suscribirse",
        },
    },
    "gov_notice": {
        "en": {
            "gov.heading": "Official websites use .gov",
            "gov.text_html": "A <strong>.gov</strong> website belongs to an official government organization in the United States.",
            "mil.heading": "Official websites use .mil",
            "mil.text_html": "A <strong>.mil</strong> website belongs to an official U.S. Department of Defense organization.",
        },
        "es": {
            "gov.heading": "Los sitios web oficiales usan .gov",
            "gov.text_html": "Un sitio web <strong>.gov</strong> pertenece a una organización oficial del Gobierno de Estados Unidos.",
            "mil.heading": "Los sitios web oficiales usan .mil",
            "mil.text_html": "Un sitio web <strong>.mil</strong> pertenece a una organización oficial del Departamento de Defensa de EE. UU.",
        },
    },
    "graphic_list": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "header": {
        "en": {
            "menu": "Menu",
            "close": "Close",
            "nav_label": "Primary navigation",
        },
        "es": {
            "menu": "Menú",
            "close": "Cerrar",
            "nav_label": "Navegación principal",
        },
    },
    "hero": {"en": {"label": "Introduction"}, "es": {"label": "Introducción"}},
    "hint": {
        "en": {"required": "required", "required_instructions": "indicates a required field."},
        "es": {"required": "obligatorio", "required_instructions": "indica un campo obligatorio."},
    },
    "https_notice": {
        "en": {
            "lock_title": "Lock",
            "lock_description": "Locked padlock icon",
            "gov.heading": "Secure .gov websites use HTTPS",
            "gov.pretext_html": "A <strong>lock</strong>",
            "gov.posttext_html": "or <strong>https://</strong> means you’ve safely connected to the .gov website. Share sensitive information only on official, secure websites.",
            "mil.heading": "Secure .mil websites use HTTPS",
            "mil.pretext_html": "A <strong>lock</strong>",
            "mil.posttext_html": "or <strong>https://</strong> means you’ve safely connected to the .mil website. Share sensitive information only on official, secure websites.",
        },
        "es": {
            "lock_title": "Candado",
            "lock_description": "Ícono de candado cerrado",
            "gov.heading": "Los sitios web seguros .gov usan HTTPS",
            "gov.pretext_html": "Un <strong>candado</strong>",
            "gov.posttext_html": "o <strong>https://</strong> significa que usted se conectó de forma segura a un sitio web .gov. Comparta información sensible sólo en sitios web oficiales y seguros.",
            "mil.heading": "Los sitios web seguros .mil usan HTTPS",
            "mil.pretext_html": "Un <strong>candado</strong>",
            "mil.posttext_html": "o <strong>https://</strong> significa que usted se conectó de forma segura a un sitio web .mil. Comparta información sensible sólo en sitios web oficiales y seguros.",
        },
    },
    "icon": {"en": {}, "es": {}},  # no built-in text: an icon's title is the site's own
    "icon_list": {"en": {}, "es": {}},
    "identifier": {
        "en": {
            "masthead_label": "Agency identifier",
            "identity_label": "Agency description",
            "content_prefix": "An",
            "content": "official website of the",
            "and_the": "and the",
            "taxpayer_disclaimer": "Produced and published at taxpayer expense.",
            "links_label": "Important links",
            "usagov_label": "U.S. government information and services",
            "usagov_description": "Looking for U.S. government information and services?",
            "usagov_link": "Visit USA.gov",
            "usagov_url": "https://www.usa.gov/",
            "required_links.about": "About",
            "required_links.accessibility": "Accessibility statement",
            "required_links.foia": "FOIA requests",
            "required_links.no_fear": "No FEAR Act data",
            "required_links.oig": "Office of the Inspector General",
            "required_links.performance": "Performance reports",
            "required_links.privacy": "Privacy policy",
        },
        "es": {
            "masthead_label": "Identificador de la agencia",
            "identity_label": "Descripción de la agencia",
            "content_prefix": "",
            "content": "Un sitio web oficial de",
            "and_the": "y",
            "taxpayer_disclaimer": "Producido y publicado con dinero de los contribuyentes de impuestos.",
            "links_label": "Enlaces importantes",
            "usagov_label": "Información y servicios del Gobierno de EE. UU.",
            "usagov_description": "¿Necesita información y servicios del Gobierno?",
            "usagov_link": "Visite USAGov en Español",
            "usagov_url": "https://www.usa.gov/es/",
            "required_links.about": "Acerca de",
            "required_links.accessibility": "Declaración de accesibilidad",
            "required_links.foia": "Solicitud a través de FOIA",
            "required_links.no_fear": "Datos de la ley No FEAR",
            "required_links.oig": "Oficina del Inspector General",
            "required_links.performance": "Informes de desempeño",
            "required_links.privacy": "Política de privacidad",
        },
    },
    "in_page_navigation": {
        "en": {"title": "On this page"},
        "es": {"title": "En esta página"},
    },
    "input_mask": {"en": {}, "es": {}},  # no built-in text
    "input_prefix_suffix": {"en": {}, "es": {}},  # no built-in text
    "language_selector": {
        "en": {
            "label": "Languages",
            "more": "Selected content in additional languages",
        },
        "es": {
            "label": "Idiomas",
            "more": "Contenido seleccionado en otros idiomas",
        },
    },
    "last_updated": {
        "en": {
            "label": "Last Updated",
            "date_format": "%m/%d/%Y",
            "months": [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
            "weekdays": [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ],
        },
        "es": {
            "label": "Última actualización",
            "date_format": "%d/%m/%Y",
            "months": [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            "weekdays": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
        },
    },
    "link": {
        "en": {
            "external": "(external link)",
            "new_tab": "(opens in a new tab)",
            "external_new_tab": "(external link, opens in a new tab)",
        },
        "es": {
            "external": "(enlace externo)",
            "new_tab": "(se abre en una pestaña nueva)",
            "external_new_tab": "(enlace externo, se abre en una pestaña nueva)",
        },
    },
    "list": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "media_block": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "memorable_date": {
        "en": {
            "month": "Month",
            "day": "Day",
            "year": "Year",
            "month_hint": "Select a month from the dropdown.",
            "month_input_hint": "Enter 1 or 2 digits for the month.",
            "day_hint": "Enter 1 or 2 digits for the day.",
            "year_hint": "Enter 4 digits for the year.",
            "months": [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
        },
        "es": {
            "month": "Mes",
            "day": "Día",
            "year": "Año",
            "month_hint": "Seleccione un mes de la lista desplegable.",
            "month_input_hint": "Escriba 1 o 2 dígitos para el mes.",
            "day_hint": "Escriba 1 o 2 dígitos para el día.",
            "year_hint": "Escriba 4 dígitos para el año.",
            "months": [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
        },
    },
    "modal": {
        "en": {"close": "Close this window"},
        "es": {"close": "Cerrar esta ventana"},
    },
    "page_feedback": {
        "en": {
            "question": "Was this page helpful?",
            "yes": "Yes",
            "no": "No",
            "reasons_legend": "This page was not helpful because the content…",
            "comment_label": "How can we improve this page?",
            "comment_hint": "Optional. Do not include personal information, like your Social Security number or email address.",
            "comment_limit": "You can enter up to {limit} characters",
            "submit": "Submit",
            "thanks": "Thank you for your feedback",
            "error_summary": "There is a problem",
            "honeypot": "Leave this field empty",
            "page_title": "Page feedback",
            "back": "Back to the page",
            "reasons.confusing": "is confusing",
            "reasons.outdated": "is outdated or wrong",
            "reasons.missing": "is missing information",
            "reasons.broken_links": "has broken links",
            "reasons.not_applicable": "doesn’t apply to me",
            "reasons.other": "other",
            "errors.helpful": "Select Yes or No",
            "errors.reason": "Select only reasons from the list",
            "errors.comment": "Your comment must be {limit} characters or fewer",
            "errors.page_url": "This feedback could not be sent: the page address is missing or not valid.",
            "errors.csrf": "This feedback could not be sent: the form has expired. Go back to the page, reload it and try again.",
            "errors.too_large": "This feedback could not be sent: it is too large.",
            "errors.bad_request": "This feedback could not be sent: the form was not valid.",
            "errors.cross_site": "This feedback could not be sent: it did not come from this website’s own form. Go back to the page and try again.",
            "errors.rate_limited": "This feedback could not be sent: too much feedback came from your connection. Wait a few minutes and try again.",
            "errors.busy": "This feedback could not be sent: the service is busy. Wait a moment and try again.",
            "errors.server_error": "This feedback could not be sent because of a problem on our side. Try again later.",
        },
        "es": {
            "question": "¿Le resultó útil esta página?",
            "yes": "Sí",
            "no": "No",
            "reasons_legend": "Esta página no fue útil porque el contenido…",
            "comment_label": "¿Cómo podemos mejorar esta página?",
            "comment_hint": "Opcional. No incluya información personal, como su número de Seguro Social o su correo electrónico.",
            "comment_limit": "Puede escribir hasta {limit} caracteres",
            "submit": "Enviar",
            "thanks": "Gracias por sus comentarios",
            "error_summary": "Hay un problema",
            "honeypot": "Deje este campo en blanco",
            "page_title": "Comentarios sobre la página",
            "back": "Volver a la página",
            "reasons.confusing": "es confuso",
            "reasons.outdated": "está desactualizado o es incorrecto",
            "reasons.missing": "no tiene toda la información",
            "reasons.broken_links": "tiene enlaces que no funcionan",
            "reasons.not_applicable": "no se aplica a mi caso",
            "reasons.other": "otro motivo",
            "errors.helpful": "Seleccione Sí o No",
            "errors.reason": "Seleccione solo motivos de la lista",
            "errors.comment": "Su comentario debe tener {limit} caracteres o menos",
            "errors.page_url": "No se pudieron enviar sus comentarios: falta la dirección de la página o no es válida.",
            "errors.csrf": "No se pudieron enviar sus comentarios: el formulario caducó. Vuelva a la página, cárguela de nuevo e inténtelo otra vez.",
            "errors.too_large": "No se pudieron enviar sus comentarios: son demasiado extensos.",
            "errors.bad_request": "No se pudieron enviar sus comentarios: el formulario no es válido.",
            "errors.cross_site": "No se pudieron enviar sus comentarios: no vienen del formulario de este sitio web. Vuelva a la página e inténtelo otra vez.",
            "errors.rate_limited": "No se pudieron enviar sus comentarios: llegaron demasiados desde su conexión. Espere unos minutos e inténtelo otra vez.",
            "errors.busy": "No se pudieron enviar sus comentarios: el servicio está ocupado. Espere un momento e inténtelo otra vez.",
            "errors.server_error": "No se pudieron enviar sus comentarios por un problema de nuestra parte. Inténtelo más tarde.",
        },
    },
    "pagination": {
        "en": {
            "aria_label": "Pagination",
            "page": "Page {page}",
            "last_page": "Last page, page {page}",
            "previous": "Previous",
            "previous_label": "Previous page",
            "next": "Next",
            "next_label": "Next page",
            "overflow": "ellipsis indicating non-visible pages",
        },
        "es": {
            "aria_label": "Paginación",
            "page": "Página {page}",
            "last_page": "Última página, página {page}",
            "previous": "Anterior",
            "previous_label": "Página anterior",
            "next": "Siguiente",
            "next_label": "Página siguiente",
            "overflow": "puntos suspensivos que indican páginas no visibles",
        },
    },
    "process_list": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "prose": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "radio": {"en": {}, "es": {}},  # words from hint and error_message
    "range": {"en": {"preposition": "of"}, "es": {"preposition": "de"}},
    "search": {
        "en": {"label": "Search"},
        "es": {"label": "Buscar"},
    },
    "select": {"en": {"blank": "- Select -"}, "es": {"blank": "- Seleccionar -"}},
    "side_navigation": {
        "en": {"aria_label": "Secondary navigation"},
        "es": {"aria_label": "Navegación secundaria"},
    },
    "site_alert": {
        "en": {
            "label": "Site alert",
        },
        "es": {
            "label": "Alerta del sitio",
        },
    },
    "skipnav": {
        "en": {
            "label": "Skip to main content",
        },
        "es": {
            "label": "Saltar al contenido principal",
        },
    },
    "step_indicator": {
        "en": {
            "step": "Step",
            "of": "of",
            "completed": "completed",
            "not_completed": "not completed",
        },
        "es": {
            "step": "Paso",
            "of": "de",
            "completed": "completado",
            "not_completed": "no completado",
        },
    },
    "summary_box": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    # No words of its own: USWDS's sort script writes its labels (in English only).
    "table": {"en": {}, "es": {}},
    "tag": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "text_input": {"en": {}, "es": {}},  # words from hint and error_message
    "textarea": {"en": {}, "es": {}},  # words from hint and error_message
    # The list's words are the combo box's strings (combo-box.js says them for both).
    "time_picker": {
        "en": {"format_hint": "hh:mm with am or pm, like 9:30am"},
        "es": {"format_hint": "hh:mm con am o pm, por ejemplo 9:30am"},
    },
    "tooltip": {"en": {}, "es": {}},  # no built-in text: every word is the site's own
    "validation": {
        "en": {"complete": "status complete", "incomplete": "status incomplete"},
        "es": {"complete": "requisito cumplido", "incomplete": "requisito pendiente"},
    },
}


def flattened(strings: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """`{"errors": {"helpful": "…"}}` as `{"errors.helpful": "…"}`, Markup as its text."""
    flat: dict[str, Any] = {}
    for key, value in strings.items():
        if isinstance(value, dict):
            flat.update(flattened(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = str(value) if isinstance(value, Markup) else value
    return flat


def test_every_component_has_its_strings_pinned() -> None:
    assert sorted(EXPECTED) == sorted(all_specs())


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("component", sorted(EXPECTED))
def test_the_strings_are_word_for_word(component: str, lang: str) -> None:
    assert flattened(dict(all_specs()[component].strings[lang])) == EXPECTED[component][lang]


def test_both_languages_have_the_same_keys() -> None:
    for component, languages in EXPECTED.items():
        assert languages["en"].keys() == languages["es"].keys(), component


def test_a_changed_spanish_string_is_caught() -> None:
    strings = flattened(dict(all_specs()["page_feedback"].strings["es"]))
    strings["errors.helpful"] = "Seleccione Sí o No, por favor"
    assert strings != EXPECTED["page_feedback"]["es"]
