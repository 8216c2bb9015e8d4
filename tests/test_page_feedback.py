"""The page_feedback component: DOM of each state in each language, and its bad input."""

from __future__ import annotations

import pytest
from conftest import parse, root_element
from markupsafe import Markup

from uswds_components import ComponentError, create_environment, get_spec, render
from uswds_components.assets import PACKAGE_STATIC
from uswds_components.testing.canonical import canonical_html

BASE = {"action": "/feedback", "page_url": "/about/"}
STRINGS = get_spec("page_feedback").strings
LANGS = ["en", "es"]


def feedback(**params):
    html = render("page_feedback", **{**BASE, **params})
    return root_element(html)


def hidden_fields(root) -> dict[str, str]:
    return {tag["name"]: tag["value"] for tag in root.find_all("input", type="hidden")}


def script_sources(root) -> list[str]:
    return [tag["src"] for tag in root.find_all("script")]


def textarea_value(textarea) -> str:
    """The value a browser gives the textarea: HTML drops one newline right after the tag."""
    text = textarea.get_text()
    return text[1:] if text.startswith("\n") else text


def error_text(root, error_id: str) -> str:
    """An error message's words without the hidden "Error: " every error message starts with."""
    message = root.find(id=error_id)
    prefix = message.find(class_="usa-sr-only")
    assert prefix.get_text().strip() == "Error:"
    return message.get_text()[len(prefix.get_text()) :]


def test_the_defaults_are_english_and_ask():
    assert feedback() == feedback(lang="en", state="ask", comment=True)


@pytest.mark.parametrize("lang", LANGS)
def test_ask_state(lang):
    t = STRINGS[lang]
    root = feedback(lang=lang)
    assert root.get("lang") == (None if lang == "en" else "es")
    assert root["id"] == "page-feedback"
    assert root.has_attr("data-page-feedback")
    form = root.find("form")
    assert (form["action"], form["method"]) == ("/feedback", "post")
    assert "usa-form" in form["class"]
    assert hidden_fields(root) == {
        "page_url": "/about/",
        "lang": lang,
        "form_id": "page-feedback",
        "step": "ask",
    }
    fieldset = form.find("fieldset")
    assert fieldset.find("legend", class_="usa-legend").get_text() == t["question"]
    radios = fieldset.find_all("input", type="radio")
    assert [(r["name"], r["value"]) for r in radios] == [("helpful", "yes"), ("helpful", "no")]
    for radio in radios:
        assert "usa-radio__input" in radio["class"]
        label = root.find("label", attrs={"for": radio["id"]})
        assert "usa-radio__label" in label["class"]
    assert [root.find("label", attrs={"for": r["id"]}).get_text() for r in radios] == [
        t["yes"],
        t["no"],
    ]
    # The reasons are in the page for the script to reveal, hidden until then.
    reasons = root.find(id="page-feedback-reasons")
    assert reasons.has_attr("hidden")
    assert reasons.find("legend").get_text() == t["reasons_legend"]
    assert len(reasons.find_all("input", type="checkbox")) == 6
    assert form.find("button", type="submit").get_text() == t["submit"]
    assert root.find(role="status").get_text(strip=True) == ""
    # page-feedback.js is the one script: the character count's own is left out.
    assert script_sources(root) == ["/assets/uswds-components/page-feedback.js"]
    script = root.find("script")
    assert script.has_attr("defer") and not script.has_attr("nonce")
    assert root.find(class_="uswds-components-page-feedback__errors") is None


@pytest.mark.parametrize("lang", LANGS)
def test_reasons_state(lang):
    t = STRINGS[lang]
    root = feedback(lang=lang, state="reasons")
    assert hidden_fields(root) == {
        "page_url": "/about/",
        "lang": lang,
        "form_id": "page-feedback",
        "step": "reasons",
        "helpful": "no",
    }
    assert root.find("input", type="radio") is None
    assert root.find(hidden=True, id="page-feedback-reasons") is None
    legend = root.find("legend")
    assert legend.get_text() == t["reasons_legend"]
    boxes = root.find_all("input", type="checkbox")
    assert [b["value"] for b in boxes] == list(t["reasons"])
    assert [root.find("label", attrs={"for": b["id"]}).get_text() for b in boxes] == list(
        t["reasons"].values()
    )
    assert all("usa-checkbox__input" in b["class"] and b["name"] == "reason" for b in boxes)
    count = root.find(class_="usa-character-count")
    textarea = count.find("textarea")
    assert (textarea["name"], textarea["maxlength"]) == ("comment", "500")
    assert "usa-character-count__field" in textarea["class"]
    assert root.find("label", attrs={"for": textarea["id"]}).get_text() == t["comment_label"]
    message = count.find(class_="usa-character-count__message")
    assert message.get_text() == t["comment_limit"].format(limit=500)
    # The shared order: the hint (the instruction), then the limit.
    assert textarea["aria-describedby"].split() == ["page-feedback-comment-hint", message["id"]]
    assert root.find(id="page-feedback-comment-hint").get_text() == t["comment_hint"]
    assert root.find("button").get_text() == t["submit"]


def test_english_reasons_are_the_ones_the_issue_asks_for():
    texts = list(STRINGS["en"]["reasons"].values())
    assert texts == [
        "is confusing",
        "is outdated or wrong",
        "is missing information",
        "has broken links",
        "doesn’t apply to me",
        "other",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_thanks_state_is_a_polite_live_region(lang):
    root = feedback(lang=lang, state="thanks")
    status = root.find(role="status")
    assert status.get_text(strip=True) == STRINGS[lang]["thanks"]
    assert status.find(class_="usa-alert--success") is not None
    assert root.find("form") is None
    assert root.find("script") is None  # nothing left to enhance


def test_every_string_is_translated():
    html = str(render("page_feedback", **BASE, lang="es", state="reasons"))
    html += str(render("page_feedback", **BASE, lang="es"))
    html += str(render("page_feedback", **BASE, lang="es", errors={"helpful": "x"}))
    text = parse(html).get_text(" ")
    for key, english in STRINGS["en"].items():
        if isinstance(english, str) and english != STRINGS["es"][key] and "{" not in english:
            assert english not in text, key
    for english in STRINGS["en"]["reasons"].values():
        assert english not in text


# --- errors -----------------------------------------------------------------------------------


def test_errors_in_the_reasons_state():
    root = feedback(
        state="reasons",
        selected_reasons=["missing"],
        comment_text="<b>too long</b>",
        errors={"reason": "Pick from the list", "comment": "Too long", "form": "Try again"},
    )
    summary = root.find(class_="uswds-components-page-feedback__errors")
    assert "usa-alert--error" in summary["class"] and summary["tabindex"] == "-1"
    assert summary.find("h2").get_text() == "There is a problem"
    items = summary.find_all("li")
    assert [li.get_text() for li in items] == ["Try again", "Pick from the list", "Too long"]
    assert items[0].find("a") is None  # the form as a whole has no field to link to
    links = [a["href"] for a in summary.find_all("a")]
    assert links == ["#page-feedback-reason-confusing", "#page-feedback-comment"]
    for href in links:
        assert root.find(id=href[1:]) is not None
    # The shared group wiring: the fieldset names the error; no checkbox is "invalid".
    fieldset = root.find("fieldset")
    assert fieldset["aria-describedby"] == "page-feedback-reasons-error"
    boxes = root.find_all("input", type="checkbox")
    assert all(not b.has_attr("aria-invalid") and not b.has_attr("aria-describedby") for b in boxes)
    assert error_text(root, "page-feedback-reasons-error") == "Pick from the list"
    assert [b["value"] for b in boxes if b.has_attr("checked")] == ["missing"]
    textarea = root.find("textarea")
    assert textarea["aria-invalid"] == "true"
    assert textarea["aria-describedby"].split() == [
        "page-feedback-comment-hint",
        "page-feedback-comment-info",
        "page-feedback-comment-error",
    ]
    assert error_text(root, "page-feedback-comment-error") == "Too long"
    assert "usa-input--error" in textarea["class"]
    assert textarea_value(textarea) == "<b>too long</b>"
    assert "usa-label--error" in root.find("label", attrs={"for": textarea["id"]})["class"]
    groups = root.find_all(class_="usa-form-group--error")
    assert len(groups) == 2
    assert "usa-error-message" in root.find(id="page-feedback-comment-error")["class"]


@pytest.mark.parametrize("lang", LANGS)
def test_errors_in_the_ask_state(lang):
    root = feedback(lang=lang, errors={"helpful": "Choose"}, heading_level=3)
    summary = root.find(class_="uswds-components-page-feedback__errors")
    assert summary.find("h3").get_text() == STRINGS[lang]["error_summary"]
    assert summary.find("a")["href"] == "#page-feedback-helpful-yes"
    fieldset = root.find("fieldset")
    assert fieldset["aria-describedby"] == "page-feedback-helpful-error"
    assert error_text(root, "page-feedback-helpful-error") == "Choose"
    for radio in root.find_all("input", type="radio"):
        assert not radio.has_attr("aria-invalid") and not radio.has_attr("aria-describedby")
    # The hidden reasons carry no error marks.
    assert root.find(id="page-feedback-reasons").find(attrs={"aria-invalid": True}) is None


def test_empty_error_messages_are_no_errors():
    assert feedback(errors={"helpful": ""}) == feedback()


@pytest.mark.parametrize("lang", LANGS)
def test_the_fields_are_the_form_control_components(lang):
    """Radio, checkbox and character_count render the fields, as each renders alone."""
    t = STRINGS[lang]
    root = feedback(
        lang=lang,
        state="reasons",
        selected_reasons=["other"],
        comment_text="Too\nlong",
        errors={"reason": "Pick", "comment": "Long"},
    )
    checkbox = render(
        "checkbox",
        id="page-feedback-reasons",
        name="reason",
        legend=t["reasons_legend"],
        lang=lang,
        error="Pick",
        items=[
            {"label": text, "value": value, "id": f"page-feedback-reason-{value}"}
            | ({"checked": True} if value == "other" else {})
            for value, text in t["reasons"].items()
        ],
    )
    count = render(
        "character_count",
        id="page-feedback-comment",
        name="comment",
        element="textarea",
        rows=5,
        maxlength=500,
        label=t["comment_label"],
        hint=t["comment_hint"],
        value="Too\nlong",
        lang=lang,
        error="Long",
        script=False,
    )
    assert canonical_html(str(root.find(class_="usa-form-group"))) == canonical_html(checkbox)
    assert canonical_html(str(root.find(class_="usa-character-count"))) == canonical_html(count)
    radio = render(
        "radio",
        id="page-feedback-helpful",
        name="helpful",
        legend=t["question"],
        legend_large=True,
        lang=lang,
        items=[
            {"label": t[value], "value": value, "id": f"page-feedback-helpful-{value}"}
            for value in ("yes", "no")
        ],
    )
    ask = feedback(lang=lang)
    assert canonical_html(str(ask.find(class_="usa-form-group"))) == canonical_html(radio)


def test_a_comment_keeps_its_lines_and_spaces():
    text = "First line\n  indented\n\nlast"
    textarea = feedback(state="reasons", comment_text=text).find("textarea")
    assert textarea_value(textarea) == text
    textarea = feedback(state="reasons", comment_text="\nstarts with a newline").find("textarea")
    assert textarea_value(textarea) == "\nstarts with a newline"


def test_reason_values_error_and_hint_take_no_message_ids():
    reasons = [{"value": "error", "text": "has an error"}, {"value": "hint", "text": "a hint"}]
    root = feedback(state="reasons", reasons=reasons, errors={"reason": "Pick"})
    ids = [tag["id"] for tag in root.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert {"page-feedback-reason-error", "page-feedback-reasons-error"} <= set(ids)
    assert root.find("fieldset")["aria-describedby"] == "page-feedback-reasons-error"


# --- options ----------------------------------------------------------------------------------


def test_custom_reasons_no_comment_and_a_csrf_token():
    root = feedback(
        state="reasons",
        reasons=[{"value": "too-long", "text": "is too long"}, {"value": "x_1", "text": "x"}],
        comment=False,
        csrf_token='a"b<c',
        csrf_field="_csrf",
    )
    assert [b["value"] for b in root.find_all("input", type="checkbox")] == ["too-long", "x_1"]
    assert root.find("textarea") is None
    assert hidden_fields(root)["_csrf"] == 'a"b<c'
    assert "csrf_token" not in hidden_fields(root)


def test_the_comment_limit_is_shown_and_enforced_in_markup():
    root = feedback(state="reasons", comment_limit=120, lang="es")
    assert root.find("textarea")["maxlength"] == "120"
    assert "120 caracteres" in root.find(class_="usa-character-count__message").get_text()


def test_the_honeypot_is_hidden_from_everyone_and_labelled():
    root = feedback()
    honeypot = root.find("input", attrs={"name": "website"})
    assert honeypot.find_parent("div").has_attr("hidden")
    assert root.find("label", attrs={"for": honeypot["id"]}).get_text()
    assert honeypot["autocomplete"] == "off"


def test_the_nonce_and_no_script():
    root = feedback(nonce="abc123+/=")
    assert [script["nonce"] for script in root.find_all("script")] == ["abc123+/="]
    assert feedback(script=False).find("script") is None
    assert feedback(script=False, nonce="abc123+/=").find("script") is None


def test_the_script_comes_from_the_configured_static_url():
    env = create_environment(static_url="https://cdn.example.gov/uswds-components/")
    html = env.from_string(
        '{% import "uswds/components.html" as usa %}'
        '{{ usa.page_feedback(action="/f", page_url="/") }}'
    ).render()
    assert script_sources(parse(html)) == [
        "https://cdn.example.gov/uswds-components/page-feedback.js"
    ]
    assert (PACKAGE_STATIC / "page-feedback.js").is_file()


def test_two_forms_on_one_page_do_not_collide():
    html = render("page_feedback", **BASE, id="top") + render("page_feedback", **BASE, id="end")
    ids = [tag["id"] for tag in parse(html).find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert {"top-helpful-no", "end-helpful-no", "top-reason-other", "end-comment"} <= set(ids)


def test_the_page_url_and_texts_are_escaped():
    root = feedback(page_url='/a?b="><script>x</script>', comment_text="</textarea><script>")
    assert root.find("script", src=False) is None
    assert hidden_fields(root)["page_url"] == '/a?b="><script>x</script>'


def test_reasons_text_is_escaped_even_as_markup():
    root = feedback(reasons=[{"value": "a", "text": Markup("<em>a</em>")}])
    assert root.find("em") is None


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"action": None}, r"param 'action': is required"),
        ({"page_url": None}, r"param 'page_url': is required"),
        ({"action": "javascript:alert(1)"}, r"param 'action': unsafe URL"),
        ({"page_url": "javascript:alert(1)"}, r"param 'page_url': scheme 'javascript'"),
        ({"page_url": "mailto:a@b.gov"}, r"param 'page_url': scheme 'mailto' is not allowed"),
        ({"page_url": " "}, r"param 'page_url': is empty"),
        ({"page_url": "//evil.example/"}, r"param 'page_url': a URL starting with '//'"),
        ({"page_url": "/\\evil.example"}, r"param 'page_url': backslashes are not allowed"),
        ({"page_url": "https:evil.example"}, r"param 'page_url': expected https://host/"),
        ({"page_url": "https://a@evil.example/"}, r"param 'page_url': user info"),
        ({"page_url": "/about/\r\nX: y"}, r"param 'page_url': control characters"),
        ({"csrf_field": "submission_id"}, r"param 'csrf_field': expected a field name"),
        ({"state": "done"}, r"param 'state': must be one of 'ask', 'reasons', 'thanks'"),
        ({"lang": "fr"}, r"param 'lang': must be one of 'en', 'es'"),
        (
            {"reasons": [{"value": "a", "text": "A"}, {"value": "a", "text": "B"}]},
            r"param 'reasons\[1\].value': duplicate 'a'",
        ),
        ({"reasons": [{"value": "a b", "text": "A"}]}, r"reasons\[0\].value': expected letters"),
        ({"reasons": [{"value": "a", "text": " "}]}, r"reasons\[0\].text': is empty"),
        ({"reasons": [{"value": "a"}]}, r"reasons\[0\].text': is required"),
        ({"reasons": [{"value": "a", "text": "A", "x": 1}]}, r"reasons\[0\].x': unknown key"),
        ({"reasons": []}, r"param 'reasons': needs at least 1"),
        ({"selected_reasons": ["nope"]}, r"selected_reasons\[0\]': 'nope' is not one of"),
        ({"selected_reasons": [{}]}, r"selected_reasons\[0\]': \{\} is not one of"),
        ({"errors": {"comment": "x"}}, r"param 'errors.comment': is not shown in the ask state"),
        ({"state": "reasons", "errors": {"helpful": "x"}}, r"'errors.helpful': is not shown"),
        ({"state": "thanks", "errors": {"form": "x"}}, r"'errors.form': is not shown in the th"),
        ({"errors": {"email": "x"}}, r"param 'errors.email': unknown key"),
        ({"errors": {"helpful": " \n"}}, r"page_feedback: param 'errors.helpful': is blank"),
        (
            {"state": "reasons", "errors": {"comment": " "}},
            r"page_feedback: param 'errors.comment': is blank",
        ),
        ({"csrf_field": "helpful"}, r"param 'csrf_field': expected a field name"),
        ({"csrf_field": 'a"b'}, r"param 'csrf_field': expected a field name"),
        ({"nonce": '"><script>'}, r"page_feedback: param 'nonce': expected a base64 CSP nonce"),
        ({"comment_limit": 0}, r"param 'comment_limit': must be at least 1"),
        ({"id": "two words"}, r"param 'id': expected an id"),
        ({"attributes": {"id": "x"}}, r"is set by the component itself"),
        ({"script": "yes"}, r"param 'script': expected True or False"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("page_feedback", **{**BASE, **params})


def test_our_classes_are_in_our_namespace_and_the_old_ones_stay_one_release():
    """`usa-` is USWDS's namespace, ours `uswds-components-`; the old names are deprecated."""
    for component, example in (("page_feedback", "errors-reasons"), ("last_updated", "seed")):
        params = get_spec(component).example(example).params
        doc = parse(str(render(component, **params)))
        classes = {c for tag in doc.find_all(class_=True) for c in tag["class"]}
        ours = {c for c in classes if c.startswith("uswds-components-")}
        old = {c for c in classes if c.startswith(("usa-page-feedback", "usa-last-updated"))}
        assert ours, component
        assert old == {c.replace("uswds-components-", "usa-") for c in ours}, component
