"""The backfill of the daily series from the history (`rollup_progress --backfill-from`): it gives the numbers the
snapshots taken on those days hold (issue 11, point 3)."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cooperatives import backfill, rollup, services
from cooperatives.models import Cooperative, FoundingMember
from registry.models import ProgressSnapshot, Region
from registry.services import progress_snapshot_take
from registry.stages import Stage
from tests.cooperatives.builders import cooperative_at, register

ANOTHER_DESA = "16.03.01.2012"
THIRD_DESA = "16.03.01.2013"
LAHAT_VILLAGE = "16.04.01.2001"
METRICS = ("level", "villages", "villages_served", "target", "target_is_default", "cooperatives", "reached",
           "by_pattern", "by_kind", "founders", "founders_women")  # fmt: skip


def _series() -> dict:
    return {(s.code, s.day): tuple(getattr(s, f) for f in METRICS) for s in ProgressSnapshot.objects.all()}


def _written_before(moment: dt.datetime) -> None:
    """Date every history row written so far at `moment`: the arrangement happened then."""
    for model in (Cooperative, FoundingMember):
        model.history.model.objects.update(history_date=moment)
    through = Cooperative.history.model._meta.get_field("historicalcooperative_covered_villages").related_model
    assert through.objects.exists()  # the covered villages were recorded with their history


def test_the_backfill_equals_the_snapshots_taken_on_those_days(district_officer, other_district_officer):
    today = timezone.localdate(timezone=backfill.WIB)
    yesterday = today - dt.timedelta(days=1)
    noon_yesterday = dt.datetime.combine(yesterday, dt.time(12), tzinfo=backfill.WIB)

    # Yesterday: a founded cooperative, a joint one covering a second village, one in Lahat.
    founded = cooperative_at(district_officer, Stage.RAPAT_PENDIRIAN)
    joint = register(district_officer, ANOTHER_DESA)
    services.cooperative_update(
        actor=district_officer,
        cooperative=joint,
        expected_version=None,
        profile=services.CooperativeProfile.of(joint),
        covered_villages=[Region.objects.get(code=THIRD_DESA)],
    )
    lahat = register(other_district_officer, LAHAT_VILLAGE)
    rollup.rollup_full()
    progress_snapshot_take(now=noon_yesterday)
    _written_before(noon_yesterday)

    # Today: a correction back to Musdesus, a founder removed, a deactivation, a new seat.
    founded = services.cooperative_correct_stage(
        actor=district_officer, cooperative=founded, to_stage=Stage.MUSDESUS, reason="Daftar pendiri keliru"
    )
    services.founding_member_remove(actor=district_officer, member=founded.members.order_by("-id").first())
    services.cooperative_deactivate(
        actor=other_district_officer, cooperative=lahat, reason="Terdaftar ganda", expected_version=None
    )
    services.cooperative_reseat(
        actor=district_officer,
        cooperative=joint,
        village=Region.objects.get(code="16.03.02.2001"),
        reason="Salah catat",
        expected_version=None,
    )
    rollup.rollup_full()
    progress_snapshot_take()
    taken = _series()
    assert {day for _code, day in taken} == {yesterday, today}
    assert taken[("", yesterday)] != taken[("", today)]  # the two days differ, so the comparison means something

    ProgressSnapshot.objects.all().delete()
    backfill.backfill(yesterday, today)

    assert _series() == taken


def test_the_command_backfills_up_to_yesterday_by_default(district_officer):
    register(district_officer)
    out = io.StringIO()
    start = timezone.localdate(timezone=backfill.WIB) - dt.timedelta(days=3)
    call_command("rollup_progress", backfill_from=start.isoformat(), stdout=out)
    assert "3 hari" in out.getvalue()
    assert ProgressSnapshot.objects.filter(code="").count() == 3


def test_the_command_refuses_a_start_after_the_end():
    with pytest.raises(CommandError, match="sesudah tanggal akhir"):
        call_command("rollup_progress", backfill_from="2026-01-10", backfill_to="2026-01-01", stdout=io.StringIO())
