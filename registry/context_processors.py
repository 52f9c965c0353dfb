from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from registry import access
from registry.models import Role


def navigation(request):
    """The header links for the current user's role."""
    user = getattr(request, "user", None)
    role = access.role_of(user) if user is not None else None
    items = []
    if role is not None:
        name, kwargs = access.landing(user)
        items.append((_("My area"), reverse(name, kwargs=kwargs)))
        if role != Role.NOTARY and access.area_code(user) == "":
            items.append((_("Regions"), reverse("region_index")))
        if role in (Role.PROVINCIAL_STAFF,):
            items.append((_("Cooperatives"), reverse("cooperatives:worklist", kwargs={"code": access.area_code(user)})))
        if role in (Role.PROVINCIAL_STAFF, Role.DISTRICT_OFFICER):
            items.append((_("Villages"), reverse("village_list", kwargs={"code": access.area_code(user)})))
        if role != Role.NOTARY:
            items.append((_("Data quality"), reverse("cooperatives:data_quality")))
        if role == Role.NOTARY:
            items.append((_("Villages"), reverse("village_list", kwargs={"code": access.area_code(user)})))
        if role == Role.NATIONAL_ADMIN:
            items.append((_("NIK log"), reverse("cooperatives:nik_views")))
        items.append((_("API"), reverse("api_docs")))
        if role == Role.NATIONAL_ADMIN:
            items.append((_("Administration"), reverse("admin:index")))
    return {"nav_items": items, "nav_role": role, "nav_is_national": role is not None and access.area_code(user) == ""}
