from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from lokal import format_rupiah

register = template.Library()


@register.filter
def rupiah(amount) -> str:
    """`1500000` → `Rp1.500.000`; sen are rounded half up to the whole rupiah (lokal-id does it exactly)."""
    if amount in (None, ""):
        return "–"
    return format_rupiah(amount if isinstance(amount, int | Decimal) else Decimal(str(amount)))


@register.filter
def count(value) -> str:
    """Thousands grouped for the active language: 83762 → 83.762 in Indonesian; "–" for no value."""
    if value in (None, ""):
        return "–"
    return intcomma(value)


@register.simple_tag
def progress_percent(done, target) -> str:
    """`done` of `target` as a percentage; a missing or zero target is "No target", never 0%."""
    target = getattr(target, "value", target)  # a TargetValue or a plain number
    if target in (None, 0):
        return _("No target")
    return f"{number_format(round(100 * (done or 0) / target, 1), decimal_pos=1)}%"


@register.filter
def target_display(target) -> str:
    """A TargetValue (or plain number) as text: the number, or "No target"."""
    value = getattr(target, "value", target)
    if value is None:
        return _("No target")
    return intcomma(value)


@register.filter
def person(user) -> str:
    """Who did something: the full name, else the username; "–" when the account is gone (SET_NULL)."""
    if user is None:
        return "–"
    return user.get_full_name() or user.username
