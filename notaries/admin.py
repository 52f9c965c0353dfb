"""The notary registry in the admin: search and filters over the 17k notaries of the NPAK list, editing by hand
through the services, and the page that imports the list (`notaries.npak.admin_views`)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db import transaction
from django.urls import path
from django.utils.translation import gettext_lazy as _

from notaries import access, services
from notaries.models import Notary
from notaries.names import search_name_of
from notaries.npak import admin_views
from notaries.services.common import validated_save
from registry import codes
from registry.admin import HistoryAdmin
from registry.models import Region, RegionLevel, Role, User


class ProvinceFilter(admin.SimpleListFilter):
    """The 38 provinces (a related-field filter would list every region of the master)."""

    title = _("province")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        return list(Region.objects.filter(level=RegionLevel.PROVINCE).order_by("name").values_list("code", "name"))

    def queryset(self, request, queryset):
        return queryset.filter(province_id=self.value()) if self.value() else queryset


class LinkedAccountFilter(admin.SimpleListFilter):
    title = _("user account")
    parameter_name = "account"

    def lookups(self, request, model_admin):
        return [("yes", _("linked")), ("no", _("not linked"))]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return queryset.filter(user__isnull=self.value() == "no")
        return queryset


class NotaryAdminForm(forms.ModelForm):
    class Meta:
        model = Notary
        # The province is the seat's (set on save): asking for it would only allow a contradiction.
        fields = [
            "name",
            "seat",
            "is_active",
            "user",
            "ahu_number",
            "appointment_sk",
            "npak_certificate",
            "office_address",
            "email",
            "phone",
            "phone_2",
            "office_phone",
        ]

    def clean(self):
        cleaned = super().clean()
        user, seat = cleaned.get("user"), cleaned.get("seat")
        if user is not None and seat is not None and user.role == Role.NOTARY:
            # The account moves to the seat with the link (saved by `notary_user_link`); the model checks the rest.
            user.region_id = seat.code
        return cleaned


@admin.register(Notary)
class NotaryAdmin(HistoryAdmin):
    form = NotaryAdminForm
    change_list_template = "admin/notaries/notary/change_list.html"
    list_display = ["name", "seat", "province", "npak_certificate", "ahu_number", "is_active", "user"]
    list_filter = ["is_active", ProvinceFilter, LinkedAccountFilter]
    search_fields = ["search_name", "name", "npak_certificate", "ahu_number", "seat__name"]
    list_select_related = ["seat", "province", "user"]
    autocomplete_fields = ["seat", "user"]
    readonly_fields = ["province", "import_key", "search_name", "created_at", "updated_at"]
    show_full_result_count = False
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("name", "seat", "province", "is_active", "user")}),
        (_("Appointment and NPAK"), {"fields": ("ahu_number", "appointment_sk", "npak_certificate")}),
        (_("Office and contacts"), {"fields": ("office_address", "email", "phone", "phone_2", "office_phone")}),
        (_("Import"), {"fields": ("import_key", "search_name", "created_at", "updated_at")}),
    )

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        # Through the services: full_clean and the acting user in the history; the account follows the seat.
        obj.search_name = search_name_of(obj.name)
        obj.province_id = codes.province_code(obj.seat_id)
        validated_save(obj, actor=request.user)
        if obj.user_id is not None:
            account = User.objects.get(pk=obj.user_id)
            if account.region_id != obj.seat_id:
                services.notary_user_link(actor=request.user, notary=obj, user=account)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_import_npak": access.can(request.user, "notary.import")}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        def view(function):
            def wrapped(request, *args, **kwargs):
                return function(self, request, *args, **kwargs)

            return wrapped

        own = [
            path("npak-import/", view(admin_views.upload), name="notaries_notary_npak_import"),
            path("npak-import/<str:task_id>/", view(admin_views.status), name="notaries_notary_npak_status"),
            path(
                "npak-import/<str:task_id>/progress/",
                view(admin_views.progress_part),
                name="notaries_notary_npak_progress",
            ),
            path("npak-import/<str:task_id>/report.csv", view(admin_views.report), name="notaries_notary_npak_report"),
        ]
        return own + super().get_urls()
