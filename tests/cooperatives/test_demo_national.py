"""cooperatives.demo_national: the national picture `make run` shows, at a reduced size (the demo's 4,000
cooperatives are measured on SQLite in the README)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.db import transaction
from django.db.models import Count

from cooperatives import rollup
from cooperatives.demo_national import DEMO_USERNAME, demo_national_ensure
from cooperatives.models import Cooperative, FoundingMember, StageTransition
from cooperatives.nik import check_nik
from registry import codes
from registry.models import Progress, ProgressSnapshot, Region, RegionLevel
from registry.stages import STAGE_ORDER, Stage, stage_index

SIZE = 300
TODAY = dt.date(2025, 10, 1)  # a fixed clock inside the programme: the series runs from April to 30 September 2025
METRICS = ("cooperatives", "villages_served", "reached", "by_pattern", "by_kind", "founders", "founders_women")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Built once for the module, in a transaction rolled back at its end (each test runs in a savepoint of it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_national_ensure(size=SIZE, today=TODAY)
        transaction.set_rollback(True)


def demo_cooperatives():
    return Cooperative.objects.filter(created_by__username=DEMO_USERNAME)


def test_the_demo_spreads_its_cooperatives_over_every_province_in_proportion_to_villages(demo):
    assert demo == demo_cooperatives().count()
    assert abs(demo - SIZE) <= 20
    per_province = Counter(codes.province_code(v) for v in demo_cooperatives().values_list("village_id", flat=True))
    assert len(per_province) == Region.objects.filter(level=RegionLevel.PROVINCE).count() == 38
    villages = Counter(
        codes.province_code(v) for v in Region.objects.filter(level=RegionLevel.VILLAGE).values_list("code", flat=True)
    )
    jawa_tengah, dki = villages["33"] / villages["31"], per_province["33"] / per_province["31"]
    assert per_province["31"] >= 1
    assert jawa_tengah / 2 < dki < jawa_tengah * 2


def test_muara_enim_is_left_to_the_detailed_demo(demo):
    assert not demo_cooperatives().filter(codes.subtree_q("village_id", "16.03")).exists()


def test_the_stage_mix_is_the_programme_s_most_past_the_legal_entity_a_few_at_each_earlier_stage(demo):
    mix = Counter(demo_cooperatives().values_list("stage", flat=True))
    assert set(mix) >= {Stage.MUSDESUS, Stage.RAPAT_PENDIRIAN, Stage.AKTA, Stage.BADAN_HUKUM, Stage.TERDAFTAR}
    legal = sum(n for stage, n in mix.items() if stage_index(stage) >= stage_index(Stage.BADAN_HUKUM))
    assert 0.75 < legal / demo < 0.97


def test_each_cooperative_has_what_its_stage_needs_for_the_counts(demo):
    founded = demo_cooperatives().filter(
        stage__in=[s for s in STAGE_ORDER if stage_index(s) >= stage_index(Stage.RAPAT_PENDIRIAN)]
    )
    founders = dict(founded.annotate(n=Count("members")).values_list("id", "n"))
    assert min(founders.values()) >= 9
    assert not FoundingMember.objects.exclude(cooperative__in=founded).exists()
    assert not founded.filter(stage=Stage.BADAN_HUKUM, sk_ahu_number="").exists()
    assert not founded.filter(stage=Stage.TERDAFTAR, nib="").exists()
    assert not demo_cooperatives().filter(stage=Stage.OPERASIONAL, business_units__isnull=True).exists()
    moves = dict(StageTransition.objects.values("cooperative").annotate(n=Count("id")).values_list("cooperative", "n"))
    assert all(moves.get(c.pk, 0) == stage_index(c.stage) for c in demo_cooperatives())


def test_the_founders_niks_are_well_formed_and_unique(demo):
    founders = list(FoundingMember.objects.values_list("nik", "cooperative__village_id", "birth_date", "gender"))
    assert len({nik for nik, *_ in founders}) == len(founders) > 9 * 200
    checks = [
        check_nik(nik, village_code=village, founding_date=dt.date(2025, 6, 1), birth_date=birth, gender=gender)
        for nik, village, birth, gender in founders
    ]
    assert [(c.errors, c.warnings) for c in checks] == [([], [])] * len(founders)


def test_nothing_is_dated_on_or_after_the_day_the_demo_stands_on(demo):
    latest = max(demo_cooperatives().values_list("stage_changed_at", flat=True))
    assert latest.date() < TODAY
    assert min(demo_cooperatives().values_list("created_at", flat=True)).date() >= dt.date(2025, 3, 27)


def test_the_series_runs_every_day_to_yesterday_and_only_grows(demo):
    nation = list(ProgressSnapshot.objects.filter(code="").order_by("day"))
    days = [s.day for s in nation]
    assert days[-1] == TODAY - dt.timedelta(days=1)
    assert days == [days[0] + dt.timedelta(days=n) for n in range(len(days))]
    assert days[0] <= dt.date(2025, 4, 30)
    for stage in (Stage.MUSDESUS, Stage.BADAN_HUKUM):
        counts = [s.reached[stage.value] for s in nation]
        assert counts == sorted(counts)
    # Shaped like 2025: half the Musdesus by late May, nearly every legal entity by 18 July.
    by_day = {s.day: s for s in nation}
    musdesus = nation[-1].reached[Stage.MUSDESUS.value]
    assert 0.3 < by_day[dt.date(2025, 5, 23)].reached[Stage.MUSDESUS.value] / musdesus < 0.7
    legal = nation[-1].reached[Stage.BADAN_HUKUM.value]
    assert by_day[dt.date(2025, 6, 1)].reached[Stage.BADAN_HUKUM.value] / legal < 0.1
    assert by_day[dt.date(2025, 7, 18)].reached[Stage.BADAN_HUKUM.value] / legal > 0.9
    provinces = ProgressSnapshot.objects.filter(day=days[-1], level=1).count()
    assert provinces == 38


def test_the_last_day_of_the_series_equals_the_roll_up(demo):
    rollup.rollup_full()
    yesterday = TODAY - dt.timedelta(days=1)
    for code in ("", "33", "11.08"):
        row = Progress.objects.get(code=code)
        snapshot = ProgressSnapshot.objects.get(code=code, day=yesterday)
        assert [getattr(snapshot, f) for f in METRICS] == [getattr(row, f) for f in METRICS]


def test_a_second_run_creates_nothing(demo):
    counts = (Cooperative.objects.count(), FoundingMember.objects.count(), ProgressSnapshot.objects.count())
    assert demo_national_ensure(size=SIZE, today=TODAY) == 0
    assert (Cooperative.objects.count(), FoundingMember.objects.count(), ProgressSnapshot.objects.count()) == counts
