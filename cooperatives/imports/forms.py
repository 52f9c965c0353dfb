"""The upload form of the import page: which kind of file, for which cooperative, and the file."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperatives import field_messages as msg
from cooperatives.imports.models import ImportKind
from cooperatives.models import Cooperative

CHOOSE_FILE = _("Choose the filled template (.xlsx or .csv).")
CHOOSE_KIND = _("Choose what the file lists: the founders of one cooperative, or the cooperatives of the regency.")
CHOOSE_COOPERATIVE = _("Choose the cooperative whose founders the file lists.")


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("The file lists"), choices=ImportKind.choices, error_messages=msg.pick(CHOOSE_KIND)
    )
    cooperative = forms.ModelChoiceField(
        label=_("Cooperative (for a founders file)"),
        queryset=Cooperative.objects.none(),
        required=False,
        error_messages=msg.pick(CHOOSE_COOPERATIVE),
    )
    file = forms.FileField(
        label=_("File (.xlsx or .csv)"),
        error_messages={"required": CHOOSE_FILE, "empty": CHOOSE_FILE},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, cooperatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cooperative"].queryset = cooperatives
        self.fields["cooperative"].label_from_instance = lambda c: f"{c.name} ({c.village.parent.name})"

    def clean(self):
        data = super().clean()
        if data.get("kind") == ImportKind.MEMBERS and not data.get("cooperative") and "cooperative" not in self.errors:
            self.add_error("cooperative", CHOOSE_COOPERATIVE)
        return data
