"""The notary directory: search by name (folded like `Notary.search_name`), regency or province, indexed.

On PostgreSQL a name matches anywhere (`LIKE '%term%'`, answered by the pg_trgm GIN index of migration 0003); on
SQLite (development) the name or one of its words starts with the term (the b-tree index of `search_name`)."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet

from notaries.models import Notary
from notaries.names import search_name_of


def directory(*, q: str = "", province: str = "", regency: str = "") -> QuerySet[Notary]:
    qs = Notary.objects.filter(is_active=True).select_related("seat", "province")
    if province:
        qs = qs.filter(province_id=province)
    if regency:
        qs = qs.filter(seat_id=regency)
    term = search_name_of(q or "")
    if term:
        if connection.vendor == "postgresql":
            qs = qs.filter(search_name__contains=term)
        else:
            qs = qs.filter(Q(search_name__startswith=term) | Q(search_name__contains=f" {term}"))
    return qs.order_by("search_name", "id")
