"""The application form of the /apply/ page: one field of each kind USWDSRenderer renders."""

from __future__ import annotations

from typing import Any

from django import forms

from uswds_components.django.forms import DatePickerWidget, MemorableDateWidget

STATES = [("", "- Select -"), ("AK", "Alaska"), ("AL", "Alabama")]


class Application(forms.Form):
    name = forms.CharField(
        label="Full name",
        help_text="As on your ID",
        max_length=100,
        error_messages={"required": "Enter your full name"},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Email address", error_messages={"required": "Enter your email address"}
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    age = forms.IntegerField(
        label="Age",
        required=False,
        min_value=18,
        error_messages={"min_value": "You must be 18 or older"},
    )
    notes = forms.CharField(label="Anything else?", required=False, widget=forms.Textarea)
    state = forms.ChoiceField(
        label="State", choices=STATES, error_messages={"required": "Select your state"}
    )
    contact = forms.ChoiceField(
        label="How should we contact you?",
        choices=[("email", "Email"), ("phone", "Phone")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how we should contact you"},
    )
    benefits = forms.MultipleChoiceField(
        label="Which benefits do you get?",
        choices=[("housing", "Housing"), ("food", "Food")],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one benefit"},
    )
    agree = forms.BooleanField(
        label="I agree to the terms",
        error_messages={"required": "Agree to the terms to continue"},
    )
    born = forms.DateField(
        label="Date of birth",
        help_text="For example: January 19 2000",
        widget=MemorableDateWidget(attrs={"autocomplete": "bday"}),
        error_messages={
            "required": "Enter your date of birth",
            "invalid": "Date of birth must be a real date",
        },
    )
    start = forms.DateField(
        label="Start date",
        widget=DatePickerWidget(),
        error_messages={
            "required": "Enter a start date",
            "invalid": "Start date must be a real date, as mm/dd/yyyy",
        },
    )
    proof = forms.FileField(label="Proof of address", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        # A form-level error: about two answers, so listed in the summary as text.
        if data.get("contact") == "phone" and not data.get("phone"):
            raise forms.ValidationError("Give a phone number to be contacted by phone")
        return data
