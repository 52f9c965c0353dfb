from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from registry.dashboards import projection


class ProjectionForm(forms.Form):
    """The trend's GET form: the window of the recent pace and the date the user wants the target reached by."""

    window = forms.TypedChoiceField(
        label=_("Recent pace over"),
        choices=[(w, _("the last %(days)s days") % {"days": w}) for w in projection.WINDOWS],
        coerce=int,
        required=False,
    )
    by = forms.DateField(
        label=_("Reach the target by"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Enter a date as YYYY-MM-DD, e.g. 2026-01-31.")},
    )

    def values(self) -> tuple[int, datetime.date | None]:
        """The window (default 14 days) and the date; an invalid field counts as not given (its error is shown)."""
        if not self.is_bound:
            return projection.DEFAULT_WINDOW, None
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("window") or projection.DEFAULT_WINDOW, data.get("by")
