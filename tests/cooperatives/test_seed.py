"""`seed_national` (issue 8): synthetic national data for `make bench`. PostgreSQL only; these tests seed one regency
(`--regencies 16.04`), the full country runs in `make bench` only."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, Prefetch

from cooperatives import rules, seed
from cooperatives.models import Cooperative, FoundingMember, Meeting
from cooperatives.nik import check_nik
from registry import codes
from registry.stages import STAGE_ORDER, Stage, stage_index
from tests.cooperatives import builders

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="seed_national is PostgreSQL-only")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the refusal on SQLite")

# Kabupaten Lahat: its ~360 seeded cooperatives (the same as in the national seed: every draw hashes the village code)
# include every stage and pattern, jointly served villages, a second cooperative with a reason and inactive ones.
LAHAT = "16.04"


def _seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_national", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded(db) -> list[Cooperative]:
    _seed("--regencies", LAHAT)
    return list(
        Cooperative.objects.prefetch_related(
            "members",
            "officers__member",
            Prefetch("meetings", queryset=Meeting.objects.select_related("minutes")),
            "documents",
            "business_units",
            "covered_villages",
            "transitions",
        )
    )


@sqlite_only
def test_seed_national_refuses_sqlite_with_a_message_naming_postgresql(db):
    with pytest.raises(CommandError, match="hanya untuk PostgreSQL"):
        _seed("--regencies", LAHAT)


@postgres_only
def test_seed_national_refuses_a_database_with_real_cooperatives_without_force(district_officer):
    real = builders.register(district_officer)

    with pytest.raises(CommandError, match="1 koperasi yang bukan buatan seed_national"):
        _seed("--regencies", LAHAT)

    assert list(Cooperative.objects.values_list("pk", flat=True)) == [real.pk]


@postgres_only
def test_seed_national_with_force_replaces_real_cooperatives(district_officer):
    real = builders.register(district_officer)

    _seed("--regencies", LAHAT, "--force")

    assert not Cooperative.objects.filter(pk=real.pk, created_by=district_officer).exists()
    assert seed.real_cooperatives() == 0
    assert seed.seeded_cooperatives() > 200


@postgres_only
def test_second_run_replaces_the_previous_seed_instead_of_adding_to_it(seeded):
    _seed("--regencies", LAHAT)

    assert (Cooperative.objects.count(), FoundingMember.objects.count()) == (
        len(seeded),
        sum(len(c.members.all()) for c in seeded),
    )


@postgres_only
def test_seed_prints_a_progress_bar_and_what_it_made(db):
    out = _seed("--regencies", LAHAT)

    assert "[##############################]" in out
    assert "pendiri: " in out


@postgres_only
def test_seeded_founders_pass_the_nik_rules_for_their_village_on_the_founding_date(seeded):
    founders = [(c, m) for c in seeded for m in c.members.all()]
    sample = founders[:: len(founders) // 400]

    problems = [
        (m.nik, check.errors, check.warnings)
        for c, m in sample
        if (
            check := check_nik(
                m.nik,
                village_code=c.village_id,
                founding_date=rules.founding_date(c),
                birth_date=m.birth_date,
                gender=m.gender,
            )
        ).errors
        or check.warnings
    ]
    assert problems == []
    assert all(m.nik[:6] == codes.kecamatan_code(c.village_id).replace(".", "") for c, m in sample)


@postgres_only
def test_no_nik_founds_two_active_cooperatives(seeded):
    repeated = (
        FoundingMember.objects.filter(cooperative__is_active=True)
        .values("nik")
        .annotate(n=Count("cooperative", distinct=True))
        .filter(n__gt=1)
    )
    assert not repeated.exists()
    assert all(15 <= len(c.members.all()) <= 25 for c in seeded)


@postgres_only
def test_seed_has_every_stage_every_pattern_joint_duplicate_and_inactive_cooperatives(seeded):
    active = [c for c in seeded if c.is_active]

    assert set(Counter(c.stage for c in active)) == set(Stage.values)
    assert {c.pattern for c in active} == {"pendirian_baru", "pengembangan", "revitalisasi"}
    assert any(c.covered_villages.all() for c in active)
    assert any(c.duplicate_reason for c in active)
    assert any(not c.is_active for c in seeded)
    assert Counter(c.stage for c in active).most_common(2)[0][0] in {Stage.BADAN_HUKUM, Stage.TERDAFTAR}


@postgres_only
def test_each_seeded_cooperative_has_what_every_stage_it_reached_needs(seeded):
    # The deed stage is reached only through a verified deed: stage_missing always names that.
    missing = {
        (c.pk, stage): rules.stage_missing(c, stage)
        for c in seeded
        for stage in STAGE_ORDER[1 : stage_index(c.stage) + 1]
        if stage != Stage.AKTA and rules.stage_missing(c, stage)
    }
    assert missing == {}


@postgres_only
def test_seeded_timeline_runs_over_may_to_december_2025_and_ends_at_the_stage_entered(seeded):
    for coop in seeded:
        steps = sorted((t for t in coop.transitions.all() if t.event == "stage"), key=lambda t: t.at)
        assert [t.to_stage for t in steps] == [s.value for s in STAGE_ORDER[1 : stage_index(coop.stage) + 1]]
        assert all((t.at.year, t.at.month) >= (2025, 5) and t.at.year == 2025 for t in steps)
        assert coop.stage_changed_at == (steps[-1].at if steps else coop.created_at)


@postgres_only
def test_every_seeded_record_has_its_creation_in_the_history(seeded):
    coop_ids = {c.pk for c in seeded}
    history = set(Cooperative.history.filter(history_type="+").values_list("id", flat=True))
    member_history = FoundingMember.history.filter(history_type="+").count()

    assert history == coop_ids
    assert member_history == FoundingMember.objects.count()


@postgres_only
def test_seed_leaves_the_constraints_and_indexes_it_dropped_for_the_load(db):
    with connection.cursor() as cursor:
        before = {
            table: connection.introspection.get_constraints(cursor, table) for table in seed._cooperative_tables()
        }
        _seed("--regencies", LAHAT)
        after = {table: connection.introspection.get_constraints(cursor, table) for table in before}

    assert after == before


def test_founder_nik_has_an_index_for_the_check_across_cooperatives(db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, FoundingMember._meta.db_table)

    assert any(c["index"] and c["columns"] == ["nik"] for c in constraints.values())
