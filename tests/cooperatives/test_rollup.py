"""The progress roll-up (cooperatives.rollup): hand-computed numbers on a small fixture at every level, and a
property-based check that the incrementally refreshed rows always equal a full recompute."""

import io

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cooperatives import rollup, services
from cooperatives.models import Cooperative, FoundingMember
from cooperatives.tasks import refresh_progress
from registry import codes
from registry.models import Progress, Region, Target
from registry.selectors import current_year
from registry.stages import Stage
from tests.cooperatives import builders

# The region master (Kepmendagri 2025): villages per region.
VILLAGES = {"16.03.01": 14, "16.03.02": 16, "16.03": 256, "16.04": 378, "16.04.01": 14, "16": 3259, "": 83762}


def zero_funnel(**reached) -> dict:
    return {stage.value: reached.get(stage.value, 0) for stage in Stage}


@pytest.fixture
def fixture_area(district_officer, other_district_officer):
    """Muara Enim 16.03: kecamatan 16.03.01 (desa) holds A (rapat_pendirian, 9 founders of whom 4 women),
    B (joint: covers 16.03.01.2013, pengembangan) and C (a second cooperative in A's village, revitalisasi, belum,
    2 founders of whom 1 woman); kecamatan 16.03.02 (kelurahan) holds D (founded, then corrected back to musdesus,
    9 founders / 4 women), E (deactivated) and F (re-seated there from 16.03.01.2014). Lahat 16.04.01 holds G.
    Targets this year: 16.03.01 "no target", 16.03 fifty; the rest the default (the village count)."""
    officer = district_officer
    a = builders.founded(officer, "16.03.01.2011")
    b = builders.register(
        officer,
        "16.03.01.2012",
        pattern="pengembangan",
        existing_nik_koperasi="1603010000123",
        existing_grade="B",
        covered_villages=[Region.objects.get(code="16.03.01.2013")],
    )
    c = builders.register(
        officer,
        "16.03.01.2011",
        pattern="revitalisasi",
        revitalisation_method="reaktivasi",
        revitalised_cooperatives="KUD Sumber Rejeki",
        duplicate_reason="Dua dusun berjauhan",
    )
    builders.add_founders(officer, c, count=2, serial_offset=100)
    d = builders.founded(officer, "16.03.02.1006", serial_offset=200)
    services.cooperative_correct_stage(
        actor=officer, cooperative=d, to_stage=Stage.MUSDESUS, reason="Berita acara belum sah"
    )
    e = builders.register(officer, "16.03.02.1007", covered_villages=[Region.objects.get(code="16.03.02.1009")])
    services.cooperative_deactivate(actor=officer, cooperative=e, reason="Terdaftar ganda", expected_version=None)
    f = builders.register(officer, "16.03.01.2014")
    services.cooperative_reseat(
        actor=officer,
        cooperative=f,
        village=Region.objects.get(code="16.03.02.1008"),
        reason="Salah catat",
        expected_version=None,
    )
    g = builders.register(other_district_officer, "16.04.01.2001")
    Target.objects.create(region_id="16.03.01", year=current_year(), value=None)
    Target.objects.create(region_id="16.03", year=current_year(), value=50)
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g}


def metrics(row: Progress) -> dict:
    return {field: getattr(row, field) for field in rollup.METRIC_FIELDS}


def expected(
    code, *, served, coops, reached, pattern=(0, 0, 0), kind=(0, 0), founders=(0, 0), target=None, default=True
):
    return {
        "villages": VILLAGES[code],
        "villages_served": served,
        "target": VILLAGES[code] if default and target is None else target,
        "target_is_default": default,
        "cooperatives": coops,
        "reached": zero_funnel(**reached),
        "by_pattern": dict(zip(["pendirian_baru", "pengembangan", "revitalisasi"], pattern, strict=True)),
        "by_kind": dict(zip(["KDMP", "KKMP"], kind, strict=True)),
        "founders": founders[0],
        "founders_women": founders[1],
    }


KEC_01 = expected(
    "16.03.01",
    served=3,  # 2011 (A and C), 2012 (B), 2013 (covered by B); not 2014 (F moved away)
    coops=3,
    reached={"belum": 3, "musdesus": 1, "rapat_pendirian": 1},
    pattern=(1, 1, 1),
    kind=(3, 0),
    founders=(11, 5),
    target=None,
    default=False,  # a Target row without a value: "no target", not the village count
)
KEC_02 = expected(
    "16.03.02",
    served=2,  # 1006 (D) and 1008 (F); not 1007 nor 1009 (E is deactivated)
    coops=2,
    reached={"belum": 2, "musdesus": 1},  # D stepped back from rapat_pendirian
    pattern=(2, 0, 0),
    kind=(0, 2),
    founders=(9, 4),
)
REGENCY = expected(
    "16.03",
    served=5,
    coops=5,
    reached={"belum": 5, "musdesus": 2, "rapat_pendirian": 1},
    pattern=(3, 1, 1),
    kind=(3, 2),
    founders=(20, 9),
    target=50,
    default=False,
)
LAHAT = expected("16.04", served=1, coops=1, reached={"belum": 1}, pattern=(1, 0, 0), kind=(1, 0))
LAHAT_01 = expected("16.04.01", served=1, coops=1, reached={"belum": 1}, pattern=(1, 0, 0), kind=(1, 0))
PROVINCE = expected(
    "16",
    served=6,
    coops=6,
    reached={"belum": 6, "musdesus": 2, "rapat_pendirian": 1},
    pattern=(4, 1, 1),
    kind=(4, 2),
    founders=(20, 9),
)
NATION = {**PROVINCE, "villages": VILLAGES[""], "target": 80_000, "target_is_default": False}


def test_full_rollup_counts_every_level_by_hand(fixture_area):
    assert rollup.rollup_full() is True
    rows = {row.code: row for row in Progress.objects.all()}
    assert metrics(rows["16.03.01"]) == KEC_01
    assert metrics(rows["16.03.02"]) == KEC_02
    assert metrics(rows["16.03"]) == REGENCY
    assert metrics(rows["16.04.01"]) == LAHAT_01
    assert metrics(rows["16.04"]) == LAHAT
    assert metrics(rows["16"]) == PROVINCE
    assert metrics(rows[""]) == NATION
    assert rows[""].level == 0 and rows["16"].level == 1 and rows["16.03"].level == 2 and rows["16.03.01"].level == 3
    # An untouched kecamatan of Muara Enim and another province: a row with zeros and the default target.
    assert metrics(rows["16.03.03"])["cooperatives"] == 0
    assert rows["16.03.03"].target == rows["16.03.03"].villages == 16
    assert rows["11"].cooperatives == 0 and rows["11"].target_is_default
    assert Progress.objects.count() == Region.objects.filter(level__lt=4).count() + 1


def test_refreshing_a_regency_gives_the_same_rows_as_the_full_rollup(fixture_area):
    rollup.rollup_full()
    before = {row.code: metrics(row) for row in Progress.objects.all()}
    Progress.objects.filter(code__in=["16.03", "16.03.01", "16.03.02", "16", ""]).delete()
    Progress.objects.filter(code="16.04").update(cooperatives=1)  # as stored; the province sums what is stored
    refresh_progress("16.03")
    after = {row.code: metrics(row) for row in Progress.objects.all()}
    assert after == before
    assert metrics(Progress.objects.get(code="16.03.01")) == KEC_01
    assert metrics(Progress.objects.get(code="")) == NATION


def test_a_refresh_after_a_change_moves_every_level(fixture_area, district_officer):
    rollup.rollup_full()
    services.cooperative_deactivate(
        actor=district_officer, cooperative=fixture_area["a"], reason="Bubar", expected_version=None
    )
    refresh_progress("16.03")
    kec = Progress.objects.get(code="16.03.01")
    # A leaves: its village stays served by C, its 9 founders (4 women) and its funnel step leave.
    assert (kec.cooperatives, kec.villages_served, kec.founders, kec.founders_women) == (2, 3, 2, 1)
    assert kec.reached == zero_funnel(belum=2)
    assert Progress.objects.get(code="16.03").reached == zero_funnel(belum=4, musdesus=1)
    assert Progress.objects.get(code="16").cooperatives == 5
    nation = Progress.objects.get(code="")
    assert (nation.cooperatives, nation.founders, nation.founders_women) == (5, 11, 5)


def test_run_twice_and_out_of_order_give_the_same_rows(fixture_area):
    rollup.rollup_full()
    full = {row.code: metrics(row) for row in Progress.objects.all()}
    for _ in range(2):
        refresh_progress("16.04")
        refresh_progress("16.03")
        refresh_progress("16.04")
        assert rollup.rollup_full() is True
        refresh_progress("16.03")
    assert {row.code: metrics(row) for row in Progress.objects.all()} == full


def test_the_management_command_runs_the_same_code(fixture_area):
    call_command("rollup_progress", "--full", stdout=io.StringIO())
    assert metrics(Progress.objects.get(code="16.03")) == REGENCY
    Progress.objects.filter(code="16.03").delete()
    call_command("rollup_progress", "--regency", "16.03", stdout=io.StringIO())
    assert metrics(Progress.objects.get(code="16.03")) == REGENCY


# --- property: incremental equals full ------------------------------------------------------------------------------

VILLAGE_POOL = [
    "16.03.01.2011",
    "16.03.01.2012",
    "16.03.01.2013",
    "16.03.02.1006",
    "16.03.02.1007",
    "16.04.01.2001",
    "16.04.01.2002",
]
OPS = st.lists(
    st.tuples(
        st.sampled_from(["create", "advance", "correct", "deactivate", "reseat", "add_founder", "remove_founder"]),
        st.integers(min_value=0, max_value=50),
        st.integers(min_value=0, max_value=50),
    ),
    min_size=1,
    max_size=5,
)


def _apply(op: str, i: int, j: int, officers: dict, serial: list[int]) -> set[str]:
    """Apply one random change through the services; returns the regencies it touched (none when refused)."""
    from registry.errors import ApplicationError

    active = list(Cooperative.objects.filter(is_active=True).order_by("pk"))
    try:
        if op == "create" or not active:
            village = VILLAGE_POOL[i % len(VILLAGE_POOL)]
            covered = [Region.objects.get(code=VILLAGE_POOL[j % 3])] if j % 2 and village.startswith("16.03") else []
            covered = [v for v in covered if v.code != village]
            builders.register(
                officers[codes.regency_code(village)],
                village,
                covered_villages=covered,
                duplicate_reason=f"Alasan {serial[0]}",
            )
            serial[0] += 1
            return {codes.regency_code(village)}
        coop = active[i % len(active)]
        officer = officers[coop.regency_code]
        if op == "advance":
            nxt = {Stage.BELUM: Stage.MUSDESUS}.get(coop.stage)
            if nxt is None:
                return set()
            builders.with_musdesus(officer, coop)
        elif op == "correct":
            services.cooperative_correct_stage(actor=officer, cooperative=coop, to_stage=Stage.BELUM, reason="Koreksi")
        elif op == "deactivate":
            services.cooperative_deactivate(actor=officer, cooperative=coop, reason="Bubar", expected_version=None)
        elif op == "reseat":
            choices = [v for v in VILLAGE_POOL if codes.regency_code(v) == coop.regency_code and v != coop.village_id]
            services.cooperative_reseat(
                actor=officer,
                cooperative=coop,
                village=Region.objects.get(code=choices[j % len(choices)]),
                reason="Salah catat",
                expected_version=None,
                duplicate_reason="Alasan pindah",
            )
        elif op == "add_founder":
            builders.add_founders(officer, coop, count=1 + j % 2, serial_offset=1000 + serial[0] * 10)
            serial[0] += 1
        elif op == "remove_founder":
            member = FoundingMember.objects.filter(cooperative=coop).order_by("pk").first()
            if member is None:
                return set()
            services.founding_member_remove(actor=officer, member=member)
        return {coop.regency_code}
    except ApplicationError:
        return set()


@pytest.fixture
def rolled_up(db):
    """The baseline every incremental refresh builds on (seeding and beat run a full roll-up)."""
    rollup.rollup_full()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(OPS, min_size=1, max_size=3))
def test_incremental_refresh_always_equals_a_full_recompute(
    batches, rolled_up, district_officer, other_district_officer
):
    from django.db import transaction

    with transaction.atomic():  # rolled back: each example starts from the same rolled-up, empty state
        officers = {"16.03": district_officer, "16.04": other_district_officer}
        serial = [0]
        for batch in batches:
            touched: set[str] = set()
            for op, i, j in batch:
                touched |= _apply(op, i, j, officers, serial)
            for regency in sorted(touched):
                refresh_progress(regency)
            incremental = {row.code: metrics(row) for row in Progress.objects.all()}
            full = {row.code: metrics(row) for row in rollup.all_rows()}
            assert incremental == full
        transaction.set_rollback(True)


def test_the_first_refresh_of_a_new_installation_is_a_full_rollup(district_officer, other_district_officer):
    """Without any row yet, a refresh of one regency must not publish a nation made of that regency alone."""
    from cooperatives import rollup
    from registry.models import Progress
    from tests.cooperatives.builders import register

    register(district_officer)
    register(other_district_officer, "16.04.01.2001")
    Progress.objects.all().delete()
    rollup.refresh_regency("16.03")
    assert Progress.objects.get(code="").cooperatives == 2
    assert Progress.objects.get(code="16.04").cooperatives == 1


def test_a_rollup_that_dies_half_way_leaves_the_previous_numbers_whole(district_officer, other_district_officer):
    """A worker killed between the delete and the insert: the transaction rolls back, readers keep the old rows."""
    from unittest import mock

    from cooperatives import rollup, services
    from registry.models import Progress
    from tests.cooperatives.builders import register

    coop = register(district_officer)
    register(other_district_officer, "16.04.01.2001")
    rollup.rollup_full()
    before = {p.code: (p.cooperatives, p.computed_at) for p in Progress.objects.all()}
    services.cooperative_deactivate(actor=district_officer, cooperative=coop, reason="Ganda", expected_version=None)

    class Killed(BaseException):
        """Stands for the worker's process ending (not an Exception: nothing may catch it on the way)."""

    with mock.patch.object(Progress.objects, "bulk_create", side_effect=Killed), pytest.raises(Killed):
        rollup.refresh_regency("16.03")  # its own transaction is all that protects the rows
    after = {p.code: (p.cooperatives, p.computed_at) for p in Progress.objects.all()}
    assert after == before
    assert after[""][0] == 2  # the deactivation is not half-counted anywhere
