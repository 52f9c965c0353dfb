"""Deactivating a cooperative and moving its seat: scope, reason, timeline, history, and what they free or change."""

import datetime as dt

import pytest

from cooperatives import services
from cooperatives.choices import CooperativeKind, TimelineEvent
from cooperatives.models import Cooperative, StageTransition
from registry.errors import ApplicationError, ConflictError
from registry.models import Region
from registry.stages import Stage
from tests.cooperatives.builders import cooperative_at, register, update
from tests.factories import EMBAWANG

ANOTHER_DESA = "16.03.01.2012"  # same kecamatan as Embawang
KELURAHAN = "16.03.02.1006"  # Kelurahan Tungkal, Muara Enim
LAHAT_VILLAGE = "16.04.01.2001"


def _deactivate(officer, coop, reason="Didaftarkan ganda karena salah input", version=None):
    return services.cooperative_deactivate(actor=officer, cooperative=coop, reason=reason, expected_version=version)


def _reseat(officer, coop, village=ANOTHER_DESA, reason="Kedudukan salah dicatat", version=None, **extra):
    return services.cooperative_reseat(
        actor=officer,
        cooperative=coop,
        village=Region.objects.get(code=village),
        reason=reason,
        expected_version=version,
        **extra,
    )


# --- deactivate -----------------------------------------------------------------------------------------------------


def test_deactivation_takes_the_cooperative_out_of_the_count_with_its_reason_on_the_timeline(district_officer):
    coop = register(district_officer)
    done = _deactivate(district_officer, coop, version=coop.version)
    assert done.is_active is False
    assert not Cooperative.objects.counted().filter(pk=coop.pk).exists()
    entry = StageTransition.objects.get(cooperative=coop)
    assert (entry.event, entry.reason, entry.actor) == (
        TimelineEvent.DEACTIVATED,
        "Didaftarkan ganda karena salah input",
        district_officer,
    )
    assert entry.from_stage == entry.to_stage == Stage.BELUM


def test_deactivation_is_recorded_in_the_history_with_the_officer(district_officer):
    coop = register(district_officer)
    _deactivate(district_officer, coop)
    last = Cooperative.history.filter(id=coop.pk).order_by("-history_id").first()
    assert (last.is_active, last.history_user) == (False, district_officer)


@pytest.mark.parametrize("reason", ["", "   "])
def test_deactivation_needs_a_reason(district_officer, reason):
    coop = register(district_officer)
    with pytest.raises(ApplicationError, match="Tulis alasan koperasi dinonaktifkan"):
        _deactivate(district_officer, coop, reason=reason)
    assert Cooperative.objects.get(pk=coop.pk).is_active


@pytest.mark.parametrize("outsider", ["other_district_officer", "provincial_staff", "national_admin", "notary"])
def test_deactivation_is_refused_outside_the_officers_regency_or_role(request, district_officer, outsider):
    coop = register(district_officer)
    with pytest.raises(ApplicationError):
        _deactivate(request.getfixturevalue(outsider), coop)
    assert Cooperative.objects.get(pk=coop.pk).is_active
    assert not StageTransition.objects.filter(cooperative=coop).exists()


def test_deactivation_with_a_stale_version_is_a_conflict(district_officer):
    coop = register(district_officer)
    update(district_officer, coop, address="Jalan Baru")
    with pytest.raises(ConflictError):
        _deactivate(district_officer, coop, version=coop.version)
    assert Cooperative.objects.get(pk=coop.pk).is_active


def test_a_deactivated_cooperative_changes_no_more(district_officer):
    coop = register(district_officer)
    _deactivate(district_officer, coop)
    with pytest.raises(ApplicationError, match="tidak aktif"):
        _deactivate(district_officer, coop)
    with pytest.raises(ApplicationError, match="tidak aktif"):
        update(district_officer, coop, address="Jalan Baru")


def test_deactivation_frees_the_village_and_the_founders(district_officer):
    founded = cooperative_at(district_officer, Stage.RAPAT_PENDIRIAN)
    _deactivate(district_officer, founded)
    again = cooperative_at(district_officer, Stage.RAPAT_PENDIRIAN)  # same village, same NIKs, no reason needed
    assert again.is_active and again.duplicate_reason == ""
    assert again.members.count() == 9


# --- reseat ---------------------------------------------------------------------------------------------------------


def test_reseat_moves_the_seat_and_puts_both_villages_and_the_reason_on_the_timeline(district_officer):
    coop = register(district_officer)
    moved = _reseat(district_officer, coop, version=coop.version)
    assert Cooperative.objects.get(pk=coop.pk).village_id == ANOTHER_DESA
    assert moved.version == coop.version + 1
    entry = StageTransition.objects.get(cooperative=coop)
    assert entry.event == TimelineEvent.RESEATED
    assert entry.actor == district_officer
    assert "Desa Embawang" in entry.reason
    assert Region.objects.get(code=ANOTHER_DESA).display_name in entry.reason
    assert "Kedudukan salah dicatat" in entry.reason


def test_reseat_is_recorded_in_the_history(district_officer):
    coop = register(district_officer)
    _reseat(district_officer, coop)
    last = Cooperative.history.filter(id=coop.pk).order_by("-history_id").first()
    assert (last.village_id, last.history_user) == (ANOTHER_DESA, district_officer)


def test_reseat_to_a_kelurahan_makes_it_a_kkmp(district_officer):
    coop = register(district_officer)
    _reseat(district_officer, coop, village=KELURAHAN)
    assert Cooperative.objects.get(pk=coop.pk).kind == CooperativeKind.KKMP


def test_the_new_seat_is_no_longer_a_covered_village(district_officer):
    coop = register(district_officer)
    services.cooperative_update(
        actor=district_officer,
        cooperative=coop,
        expected_version=None,
        profile=services.CooperativeProfile.of(coop),
        covered_villages=[Region.objects.get(code=ANOTHER_DESA)],
    )
    _reseat(district_officer, coop)
    assert list(Cooperative.objects.get(pk=coop.pk).covered_villages.all()) == []


@pytest.mark.parametrize("reason", ["", "  "])
def test_reseat_needs_a_reason(district_officer, reason):
    coop = register(district_officer)
    with pytest.raises(ApplicationError, match="Tulis alasan"):
        _reseat(district_officer, coop, reason=reason)
    assert Cooperative.objects.get(pk=coop.pk).village_id == EMBAWANG


@pytest.mark.parametrize("village", [LAHAT_VILLAGE, "16.03.01", EMBAWANG])
def test_reseat_stays_inside_the_regency_on_another_village(district_officer, village):
    coop = register(district_officer)
    with pytest.raises(ApplicationError):
        _reseat(district_officer, coop, village=village)
    assert Cooperative.objects.get(pk=coop.pk).village_id == EMBAWANG


@pytest.mark.parametrize("outsider", ["other_district_officer", "provincial_staff", "national_viewer"])
def test_reseat_is_refused_outside_the_officers_regency_or_role(request, district_officer, outsider):
    coop = register(district_officer)
    with pytest.raises(ApplicationError):
        _reseat(request.getfixturevalue(outsider), coop)
    assert Cooperative.objects.get(pk=coop.pk).village_id == EMBAWANG


def test_reseat_into_a_village_with_an_active_cooperative_needs_a_reason_for_the_second(district_officer):
    register(district_officer, ANOTHER_DESA)
    coop = register(district_officer)
    with pytest.raises(ApplicationError, match="sudah memiliki koperasi aktif"):
        _reseat(district_officer, coop)
    _reseat(district_officer, coop, duplicate_reason="Dua dusun terpisah sungai")
    assert Cooperative.objects.counted().filter(village_id=ANOTHER_DESA).count() == 2


def test_reseat_with_a_stale_version_is_a_conflict(district_officer):
    coop = register(district_officer)
    update(district_officer, coop, address="Jalan Baru")
    with pytest.raises(ConflictError):
        _reseat(district_officer, coop, version=coop.version)


# --- stage entered, deed verified twice -------------------------------------------------------------------------


def test_every_stage_move_records_when_the_stage_was_entered(district_officer):
    coop = cooperative_at(district_officer, Stage.MUSDESUS)
    entered = Cooperative.objects.get(pk=coop.pk).stage_changed_at
    last_move = StageTransition.objects.filter(cooperative=coop).latest("at").at
    assert abs((entered - last_move).total_seconds()) < 1
    corrected = services.cooperative_correct_stage(
        actor=district_officer, cooperative=coop, to_stage=Stage.BELUM, reason="Berita acara keliru"
    )
    assert corrected.stage_changed_at > entered


def test_verifying_the_same_deed_again_returns_the_cooperative_unchanged(district_officer):
    coop = cooperative_at(district_officer, Stage.RAPAT_PENDIRIAN)
    first = services.cooperative_deed_verified(
        actor=district_officer, cooperative=coop, deed_number="12", deed_date=dt.date(2025, 7, 1)
    )
    again = services.cooperative_deed_verified(
        actor=district_officer, cooperative=coop, deed_number=" 12 ", deed_date=dt.date(2025, 7, 1)
    )
    assert (again.stage, again.version) == (Stage.AKTA, first.version)
    assert StageTransition.objects.filter(cooperative=coop, to_stage=Stage.AKTA).count() == 1


def test_verifying_another_deed_for_a_cooperative_at_the_deed_stage_is_refused(district_officer):
    coop = cooperative_at(district_officer, Stage.AKTA)
    with pytest.raises(ApplicationError):
        services.cooperative_deed_verified(
            actor=district_officer, cooperative=coop, deed_number="99", deed_date=dt.date(2025, 7, 2)
        )


def test_the_deed_reason_on_the_timeline_is_in_the_users_language(district_officer):
    coop = cooperative_at(district_officer, Stage.RAPAT_PENDIRIAN)
    services.cooperative_deed_verified(
        actor=district_officer, cooperative=coop, deed_number="12", deed_date=dt.date(2025, 7, 1)
    )
    assert StageTransition.objects.get(cooperative=coop, to_stage=Stage.AKTA).reason == "Akta nomor 12"
