"""Seeded roll-up data for the dashboard tests: cooperatives at every stage in Muara Enim, a few in Lahat and Jawa
Barat, one founder with a name and NIK (which must never reach a public page), the real roll-up, and a daily series."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from cooperatives import rollup
from registry.models import Progress, ProgressSnapshot, Region, RegionLevel
from registry.stages import STAGE_ORDER
from tests.factories import CooperativeFactory, FoundingMemberFactory, make_nik

FOUNDER_NAME = "Siti Rahmawati Lestari"
FOUNDER_NIK = make_nik(regency="16.03", kecamatan="07", serial=4321)
SERIES_DAYS = 20


def villages_of(prefix: str, n: int) -> list[str]:
    return list(
        Region.objects.filter(code__startswith=f"{prefix}.", level=RegionLevel.VILLAGE)
        .order_by("code")
        .values_list("code", flat=True)[: n * 7 : 7]
    )


@pytest.fixture
def seeded(db):
    cache.clear()
    stages = [s.value for s in STAGE_ORDER]
    for village, stage in zip(villages_of("16.03", 14), stages * 2, strict=True):
        CooperativeFactory(village_id=village, stage=stage)
    for village, stage in zip(villages_of("16.04", 3), ["belum", "musdesus", "akta"], strict=True):
        CooperativeFactory(village_id=village, stage=stage)
    for village in villages_of("32.01", 4):
        CooperativeFactory(village_id=village, stage="badan_hukum")
    coop = CooperativeFactory(village_id="16.03.07.1002", stage="rapat_pendirian")
    FoundingMemberFactory(cooperative=coop, full_name=FOUNDER_NAME, nik=FOUNDER_NIK, gender="P")
    rollup.rollup_full()
    today = timezone.localdate()
    for code in ("", "16", "16.03"):
        row = Progress.objects.get(code=code)
        for i in range(SERIES_DAYS):
            day = today - datetime.timedelta(days=SERIES_DAYS - i)
            ProgressSnapshot.objects.create(
                code=code,
                level=row.level,
                day=day,
                computed_at=timezone.now(),
                villages=row.villages,
                villages_served=i,
                target=row.target,
                cooperatives=i,
                reached={s: i // 2 for s in stages},
            )
    cache.clear()
    return {p.code: p for p in Progress.objects.filter(code__in=["", "16", "32", "16.03", "16.04", "16.03.07"])}
