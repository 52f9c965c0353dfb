"""Input fields shared by the cooperative endpoints."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cooperatives.field_messages import AMOUNT_TOO_LARGE, NEGATIVE_AMOUNT
from cooperatives.money import INVALID_RUPIAH, parse_rupiah_text


@extend_schema_field(
    {
        "oneOf": [
            {"type": "integer", "minimum": 0, "format": "int64"},
            {"type": "string", "pattern": r"^\s*(?:[Rr][Pp]\.?)?\s*(?:\d{1,3}(?:\.\d{3})+|\d+)\s*$"},
        ],
        "example": "1.500.000",
    }
)
class RupiahField(serializers.IntegerField):
    """An amount in whole rupiah, as people type it: 1500000, "1.500.000", "Rp 1.500.000".

    Deliberately stricter than lokal's parse_rupiah, which also reads "2jt-an" or "sekitar 1,5 juta": a register
    wants the exact figure, so anything but digits (with an optional "Rp" and dots between thousands) is refused.
    """

    default_error_messages = {"invalid": INVALID_RUPIAH, "min_value": NEGATIVE_AMOUNT, "max_value": AMOUNT_TOO_LARGE}

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 9_223_372_036_854_775_807)  # PositiveBigIntegerField
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("invalid")
        if isinstance(data, int):
            return data
        try:
            return parse_rupiah_text(data)
        except ValueError:
            self.fail("invalid")
