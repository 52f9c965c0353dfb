from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format, number_format
from django.utils.timezone import localtime
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


@register.filter
def percent(value) -> str:
    """A percentage already in points (12.3) as "12,3%"; "No target" for None (never 0%)."""
    if value is None:
        return _("No target")
    return f"{number_format(value, decimal_pos=1)}%"


@register.simple_tag
def table_cell(row: dict, column) -> str:
    """One cell of a dashboard table (`registry.dashboards.tables`) formatted for the active language."""
    value = row.get(column.key)
    kind = str(column.kind)
    if value is None:
        return _("No target") if kind == "percent" or column.key == "target" else "–"
    if kind == "percent":
        return percent(value)
    if kind == "int":
        return intcomma(value)
    if kind == "date":
        return date_format(value, "SHORT_DATE_FORMAT")
    if kind == "datetime":
        return date_format(localtime(value), "SHORT_DATETIME_FORMAT")
    return str(value)


@register.simple_tag
def sort_value(row: dict, column) -> str:
    """The value a sortable table sorts the cell by (numbers as numbers; "no target" below every number)."""
    value = row.get(column.key)
    if value is None:
        return "-1" if column.numeric else ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@register.filter
def bar_width(value) -> str:
    """A percentage as a CSS width for a progress bar, clamped to 0-100, with a dot as decimal separator."""
    if value is None:
        return "0"
    return f"{max(0.0, min(100.0, float(value))):.1f}"


@register.filter
def cell(row: dict, key: str):
    return row.get(key)
