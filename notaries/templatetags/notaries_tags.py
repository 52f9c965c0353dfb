from django import template
from django.utils.translation import gettext as _

from notaries.models import SUPERSEDED, DeedStatus

register = template.Library()


@register.filter
def deed_status(value: str) -> str:
    """The label of a deed's shown status (a stored status, or "digantikan": superseded)."""
    if value == SUPERSEDED:
        return _("Superseded")
    try:
        return str(DeedStatus(value).label)
    except ValueError:
        return value or "–"
