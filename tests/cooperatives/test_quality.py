"""cooperatives.selectors.quality: the lists of cooperatives stalled in one stage and of regencies serving more
villages than they have (the duplicate lists: test_selectors.py)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cooperatives import selectors
from cooperatives.models import Cooperative
from registry import codes
from registry.models import Progress, ProgressLevel
from registry.stages import Stage
from tests.cooperatives.builders import register

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def entered(coop: Cooperative, *, days_before_now: float, stage: Stage | None = None) -> Cooperative:
    changes = {"stage_changed_at": NOW - dt.timedelta(days=days_before_now)}
    if stage is not None:
        changes["stage"] = stage
    Cooperative.objects.filter(pk=coop.pk).update(**changes)
    return coop


def test_a_cooperative_sixty_days_in_its_stage_is_stalled_one_at_fifty_nine_is_not(district_officer):
    sixty = entered(register(district_officer, "16.03.01.2011"), days_before_now=60)
    entered(register(district_officer, "16.03.01.2012"), days_before_now=59.9)
    assert list(selectors.stalled(Cooperative.objects.all(), now=NOW)) == [sixty]


def test_every_stage_before_operational_can_stall(district_officer):
    stages = [s for s in Stage if s != Stage.OPERASIONAL]
    coops = [
        entered(register(district_officer, f"16.03.01.20{i + 11:02d}"), days_before_now=100 - i, stage=stage)
        for i, stage in enumerate(stages)
    ]
    assert list(selectors.stalled(Cooperative.objects.all(), now=NOW)) == coops


def test_operational_and_inactive_cooperatives_do_not_stall(district_officer):
    entered(register(district_officer, "16.03.01.2011"), days_before_now=400, stage=Stage.OPERASIONAL)
    inactive = entered(register(district_officer, "16.03.01.2012"), days_before_now=400)
    Cooperative.objects.filter(pk=inactive.pk).update(is_active=False)
    assert list(selectors.stalled(Cooperative.objects.all(), now=NOW)) == []


def test_the_stall_threshold_is_a_parameter(district_officer):
    coop = entered(register(district_officer, "16.03.01.2011"), days_before_now=10)
    assert list(selectors.stalled(Cooperative.objects.all(), days=7, now=NOW)) == [coop]


def test_served_over_villages_reads_regency_rows_only_and_names_them(db):
    now = timezone.now()
    row = {"villages": 10, "villages_served": 11, "computed_at": now}
    Progress.objects.create(code="16.03", level=ProgressLevel.REGENCY, **row)
    Progress.objects.create(code="16.03.01", level=ProgressLevel.KECAMATAN, **row)
    Progress.objects.create(code="16", level=ProgressLevel.PROVINCE, **row)
    Progress.objects.create(code="16.04", level=ProgressLevel.REGENCY, villages=10, villages_served=10, computed_at=now)
    rows = list(selectors.served_over_villages(codes.subtree_q("code", "16")))
    assert [(r.code, r.name) for r in rows] == [("16.03", "Kabupaten Muara Enim")]
