"""Forms validate input and turn it into service arguments; they never save (services do)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperatives import field_messages as msg


class DeedForm(forms.Form):
    number = forms.CharField(label=_("Deed number"), max_length=100)
    date = forms.DateField(label=_("Deed date"), widget=forms.DateInput(attrs={"type": "date"}))
    file = forms.FileField(
        label=_("Deed (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        error_messages={"required": msg.FILE_REQUIRED},
    )


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason for rejection"), widget=forms.Textarea(attrs={"rows": 3}))


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"), max_length=100, help_text=_("For example the office software that will use it.")
    )


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    province = forms.CharField(required=False, max_length=2)
    regency = forms.CharField(required=False, max_length=5)
