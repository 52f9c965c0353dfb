from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from registry.models import ProgrammeSettings, Region, Target, User
from registry.services import user_apply_role_flags


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
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["region", "year", "value", "note"]
    list_filter = ["year", "region__level"]
    search_fields = ["region__name", "region__code"]
    autocomplete_fields = ["region"]
    list_select_related = ["region"]


@admin.register(ProgrammeSettings)
class ProgrammeSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "national_target"]

    def has_add_permission(self, request):
        return not ProgrammeSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
