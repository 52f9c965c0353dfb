"""Forms validate input and turn it into service arguments; they never save (services do)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperatives import field_messages as msg
from cooperatives.choices import BOARD_POSITIONS, SUPERVISOR_POSITIONS, DocumentKind, MeetingKind, UnitKind, UnitStatus
from cooperatives.data import CooperativeProfile, FounderData
from cooperatives.models import MEMBER_FIELDS, PROFILE_FIELDS, Cooperative, FoundingMember
from cooperatives.money import INVALID_RUPIAH, parse_rupiah_text
from registry import codes
from registry.models import Region, RegionLevel
from registry.stages import Stage

MONEY_FIELDS = ("simpanan_pokok", "simpanan_wajib", "grants")


class RupiahField(forms.CharField):
    """Whole rupiah, typed the way people write it: `1500000`, `1.500.000`, `Rp 1.500.000`."""

    default_error_messages = {"invalid": INVALID_RUPIAH}

    def to_python(self, value):
        text = super().to_python(value).strip()
        if not text:
            return None
        try:
            return parse_rupiah_text(text)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{value:,}".replace(",", ".")
        return value


def village_with_kecamatan(village: Region) -> str:
    """How a village is offered in a choice of the whole regency, where its name may repeat (three "Pagar Dewa" in
    Muara Enim): with its kecamatan. The queryset selects the parent."""
    return f"{village.display_name} ({village.parent.display_name})"


class ServiceModelForm(forms.ModelForm):
    """A ModelForm used for its fields and widgets only: the service validates and saves, so the model's own
    validation (which would re-check constraints with generic messages) is skipped here."""

    def _post_clean(self):
        pass


class CooperativeForm(ServiceModelForm):
    covered_villages = forms.ModelMultipleChoiceField(
        queryset=Region.objects.none(),
        required=False,
        label=_("Other villages covered (joint cooperative)"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Cooperative
        fields = PROFILE_FIELDS
        widgets = {
            "sk_ahu_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "revitalised_cooperatives": forms.Textarea(attrs={"rows": 3}),
            "duplicate_reason": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "pattern": msg.pick(msg.PICK_PATTERN),
            "existing_grade": msg.pick(msg.PICK_GRADE),
            "revitalisation_method": msg.pick(msg.PICK_REVITALISATION_METHOD),
            "simpanan_wajib_period": msg.pick(msg.PICK_SAVINGS_PERIOD),
            "sk_ahu_date": {"invalid": msg.INVALID_DATE},
            "email": {"invalid": msg.INVALID_EMAIL},
        }

    def __init__(self, *args, village: Region, **kwargs):
        super().__init__(*args, **kwargs)
        for name in MONEY_FIELDS:
            self.fields[name] = RupiahField(label=Cooperative._meta.get_field(name).verbose_name, required=False)
            if self.instance.pk:
                self.initial[name] = getattr(self.instance, name)
        self.fields["name"].required = False
        self.fields["covered_villages"].queryset = (
            Region.objects.filter(codes.subtree_q("code", codes.regency_code(village.code)), level=RegionLevel.VILLAGE)
            .exclude(code=village.code)
            .select_related("parent")
            .order_by("parent__name", "name")
        )
        self.fields["covered_villages"].label_from_instance = village_with_kecamatan
        if self.instance.pk:
            self.initial["covered_villages"] = list(self.instance.covered_villages.all())

    def profile(self) -> CooperativeProfile:
        return CooperativeProfile(**{name: self.cleaned_data[name] for name in PROFILE_FIELDS})

    def covered(self) -> list[Region]:
        return list(self.cleaned_data["covered_villages"])


class MemberForm(ServiceModelForm):
    nik = forms.CharField(
        label=_("NIK"), max_length=32, help_text=_("16 digits from the KTP; spaces, dots and dashes are fine.")
    )

    class Meta:
        model = FoundingMember
        fields = list(MEMBER_FIELDS)
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {"gender": msg.pick(msg.PICK_GENDER), "birth_date": {"invalid": msg.INVALID_DATE}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birth_date"].required = False
        self.fields["gender"].required = False
        self.fields["birth_date"].help_text = _("Leave empty to take it from the NIK.")
        self.fields["gender"].help_text = _("Leave empty to take it from the NIK.")

    def founder(self) -> FounderData:
        return FounderData(**{name: self.cleaned_data[name] for name in MEMBER_FIELDS})


class OfficerForm(forms.Form):
    position = forms.ChoiceField(
        label=_("Position"),
        choices=[(p.value, p.label) for p in [*BOARD_POSITIONS, *SUPERVISOR_POSITIONS]],
        error_messages=msg.pick(msg.PICK_POSITION),
    )
    member = forms.ModelChoiceField(
        label=_("Founder"),
        queryset=FoundingMember.objects.none(),
        required=False,
        error_messages=msg.pick(msg.PICK_FOUNDER),
    )
    name = forms.CharField(
        label=_("Name of the kepala desa"),
        required=False,
        max_length=150,
        help_text=_("Only for the chair of the supervisors, who is the kepala desa ex officio."),
    )

    def __init__(self, *args, cooperative: Cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = cooperative.members.all()


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(
        choices=MeetingKind.choices, widget=forms.HiddenInput, error_messages=msg.pick(msg.UNKNOWN_MEETING_KIND)
    )
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": msg.MEETING_DATE_REQUIRED, "invalid": msg.INVALID_DATE},
    )
    place = forms.CharField(label=_("Place"), max_length=200, error_messages={"required": msg.MEETING_PLACE_REQUIRED})
    attendance = forms.IntegerField(
        label=_("Attendance"),
        min_value=1,
        error_messages={
            "required": msg.ATTENDANCE_REQUIRED,
            "invalid": msg.ATTENDANCE_NOT_A_NUMBER,
            "min_value": msg.ATTENDANCE_TOO_LOW,
        },
    )
    minutes = forms.FileField(
        label=_("Minutes (PDF, at most 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Document"),
        choices=[(k.value, k.label) for k in (DocumentKind.SK_AHU, DocumentKind.ASSESSMENT)],
        error_messages=msg.pick(msg.PICK_DOCUMENT_KIND),
    )
    file = forms.FileField(
        label=_("File (PDF, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        error_messages={"required": msg.FILE_REQUIRED},
    )


class BusinessUnitForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Business unit"), choices=UnitKind.choices, error_messages=msg.pick(msg.PICK_UNIT_KIND)
    )
    other_name = forms.CharField(label=_("Name (for “other”)"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=UnitStatus.choices, error_messages=msg.pick(msg.PICK_UNIT_STATUS)
    )


class CorrectionForm(forms.Form):
    to_stage = forms.ChoiceField(
        label=_("Back to stage"), choices=Stage.choices, error_messages=msg.pick(msg.PICK_STAGE)
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class DeactivateForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class ReseatForm(forms.Form):
    village = forms.ModelChoiceField(
        label=_("New seat village"), queryset=Region.objects.none(), error_messages=msg.pick(msg.PICK_VILLAGE)
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)
    duplicate_reason = forms.CharField(
        label=_("Reason for a second cooperative in this village"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when the new village already has an active cooperative."),
    )

    def __init__(self, *args, cooperative: Cooperative, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = (
            Region.objects.filter(codes.subtree_q("code", cooperative.regency_code), level=RegionLevel.VILLAGE)
            .exclude(code=cooperative.village_id)
            .select_related("parent")
            .order_by("parent__name", "name")
        )
        self.fields["village"].label_from_instance = village_with_kecamatan
