from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from registry.models import ProgrammeSettings, Region, Target, User
from registry.services import user_apply_role_flags


def _id_or_404(field, value: str) -> None:
    try:
        field.to_python(value)
    except ValidationError as error:
        raise Http404 from error


class HistoryAdmin(SimpleHistoryAdmin):
    """simple-history puts the ids of its history URLs into the query as typed: "abc" there was a 500, now a 404."""

    def history_view(self, request, object_id, extra_context=None):
        _id_or_404(self.model._meta.pk, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        history_model = getattr(self.model, self.model._meta.simple_history_manager_attribute).model
        _id_or_404(self.model._meta.pk, unquote(object_id))
        _id_or_404(history_model._meta.get_field("history_id"), version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """Read-only: the region master changes only through `import_regions`."""

    list_display = ["code", "name", "kind", "postal_code", "is_active"]
    list_filter = ["level", "kind", "is_active"]
    search_fields = ["code", "name"]
    ordering = ["code"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "region", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    search_fields = ["username", "first_name", "last_name", "email", "region__name"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Role and area"), {"fields": ("role", "region")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Status"), {"fields": ("is_active", "last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "password1", "password2")}),
        (_("Role and area"), {"fields": ("role", "region")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
    )
    readonly_fields = ["last_login", "date_joined"]

    def save_model(self, request, obj, form, change):
        # Admin access follows the role: national admins get it, everyone else loses it.
        user_apply_role_flags(user=obj)
        super().save_model(request, obj, form, change)


@admin.register(Target)
class TargetAdmin(HistoryAdmin):
    list_display = ["region", "year", "value", "note"]
    list_filter = ["year", "region__level"]
    search_fields = ["region__name", "region__code"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]


@admin.register(ProgrammeSettings)
class ProgrammeSettingsAdmin(HistoryAdmin):
    list_display = ["__str__", "national_target"]

    def has_add_permission(self, request):
        return not ProgrammeSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
