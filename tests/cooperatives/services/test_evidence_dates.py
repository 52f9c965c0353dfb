"""Dates of the formation evidence: never in the future, never before the programme began (Inpres 9/2025), and in
order — Musdesus, founding meeting, deed, SK AHU — refused with a message naming both dates (testers' defect 3)."""

import datetime as dt

import pytest
from django.test import override_settings
from django.utils import timezone

from cooperatives import services
from cooperatives.choices import MeetingKind
from cooperatives.models import Cooperative
from registry.errors import ApplicationError
from registry.stages import Stage
from tests.cooperatives.builders import cooperative_at, register, update, with_musdesus


def test_an_sk_ahu_date_in_the_future_is_refused(district_officer):
    coop = register(district_officer)
    with pytest.raises(ApplicationError) as refused:
        update(district_officer, coop, sk_ahu_date=dt.date(2028, 1, 3))
    assert (refused.value.field, refused.value.message) == (
        "sk_ahu_date",
        "SK AHU (3 Januari 2028) tidak boleh bertanggal di masa depan.",
    )
    assert Cooperative.objects.get(pk=coop.pk).sk_ahu_date is None


def test_an_sk_ahu_date_before_the_musdesus_is_refused_naming_both_dates(district_officer):
    coop = with_musdesus(district_officer, register(district_officer), date=dt.date(2025, 6, 1))
    with pytest.raises(ApplicationError) as refused:
        update(district_officer, coop, sk_ahu_date=dt.date(2025, 5, 10))
    assert refused.value.message == "SK AHU (10 Mei 2025) tidak boleh bertanggal sebelum Musdesus (1 Juni 2025)."


def test_the_testers_sk_ahu_date_before_the_programme_is_refused(district_officer):
    coop = with_musdesus(district_officer, register(district_officer), date=dt.date(2025, 6, 1))
    with pytest.raises(ApplicationError) as refused:
        update(district_officer, coop, sk_ahu_date=dt.date(2025, 1, 10))
    assert refused.value.message == (
        "SK AHU (10 Januari 2025) bertanggal sebelum program dimulai (27 Maret 2025, Inpres 9/2025)."
    )


def test_an_sk_ahu_date_before_the_deed_is_refused(district_officer):
    coop = cooperative_at(district_officer, Stage.AKTA)  # deed of 1 July 2025
    with pytest.raises(ApplicationError) as refused:
        update(district_officer, coop, sk_ahu_date=dt.date(2025, 6, 30))
    assert refused.value.message == (
        "SK AHU (30 Juni 2025) tidak boleh bertanggal sebelum akta pendirian (1 Juli 2025)."
    )


def test_a_deed_dated_before_the_founding_meeting_is_refused(district_officer):
    coop = cooperative_at(district_officer, Stage.RAPAT_PENDIRIAN)  # founding meeting of 10 June 2025
    with pytest.raises(ApplicationError) as refused:
        services.cooperative_deed_verified(
            actor=district_officer, cooperative=coop, deed_number="7", deed_date=dt.date(2025, 6, 9)
        )
    assert (refused.value.field, refused.value.message) == (
        "deed_date",
        "Akta pendirian (9 Juni 2025) tidak boleh bertanggal sebelum rapat pendirian (10 Juni 2025).",
    )
    assert Cooperative.objects.get(pk=coop.pk).stage == Stage.RAPAT_PENDIRIAN


def test_a_deed_dated_in_the_future_is_refused(district_officer):
    coop = cooperative_at(district_officer, Stage.RAPAT_PENDIRIAN)
    with pytest.raises(ApplicationError, match="masa depan"):
        services.cooperative_deed_verified(
            actor=district_officer,
            cooperative=coop,
            deed_number="7",
            deed_date=timezone.localdate() + dt.timedelta(days=1),
        )


def test_the_founding_meeting_cannot_be_moved_after_the_deed(district_officer):
    coop = cooperative_at(district_officer, Stage.AKTA)
    with pytest.raises(ApplicationError) as refused:
        services.meeting_record(
            actor=district_officer,
            cooperative=coop,
            kind=MeetingKind.FOUNDING,
            date=dt.date(2025, 7, 5),
            place="Balai Desa",
            attendance=40,
        )
    assert refused.value.message == (
        "Rapat pendirian (5 Juli 2025) tidak boleh bertanggal sesudah akta pendirian (1 Juli 2025)."
    )


@pytest.mark.parametrize("kind", [MeetingKind.MUSDESUS, MeetingKind.FOUNDING])
def test_no_meeting_is_dated_before_the_programme_began(district_officer, kind):
    coop = register(district_officer)
    with pytest.raises(ApplicationError, match="sebelum program dimulai"):
        services.meeting_record(
            actor=district_officer,
            cooperative=coop,
            kind=kind,
            date=dt.date(2025, 3, 26),
            place="Balai Desa",
            attendance=40,
        )


@override_settings(KDMP_PROGRAMME_START=dt.date(2025, 6, 1))
def test_the_programme_start_is_a_setting(district_officer):
    coop = register(district_officer)
    with pytest.raises(ApplicationError, match=r"\(1 Juni 2025, Inpres 9/2025\)"):
        services.meeting_record(
            actor=district_officer,
            cooperative=coop,
            kind=MeetingKind.MUSDESUS,
            date=dt.date(2025, 5, 31),
            place="Balai Desa",
            attendance=40,
        )
