"""A founder under 17 on the founding date: founders are typed before the founding meeting is recorded, when their
age is measured on today. Recording or re-dating the meeting re-checks them, the stage guard checks them, and the
founders tab and the API show the error (testers' defect 1)."""

import datetime as dt

import pytest

from cooperatives import services
from cooperatives.choices import MeetingKind
from cooperatives.models import Meeting
from registry.errors import ApplicationError
from registry.stages import Stage
from tests.cooperatives.builders import add_founders, founder, register, with_board, with_musdesus
from tests.factories import pdf_file

TEEN_NIK = "1603010103090001"  # born 1 March 2009: 16 on 20 June 2025, 17 today


def _teen_and_eight(officer):
    coop = with_musdesus(officer, register(officer), date=dt.date(2025, 6, 1))
    teen, warnings = services.founding_member_add(
        actor=officer, cooperative=coop, founder=founder(TEEN_NIK, "Putri Remaja")
    )
    assert warnings == []  # accepted when typed: 17 today
    members = add_founders(officer, coop, count=8, serial_offset=20)
    with_board(officer, coop, members)
    return coop, teen


def _founding(officer, coop, date):
    return services.meeting_record(
        actor=officer,
        cooperative=coop,
        kind=MeetingKind.FOUNDING,
        date=date,
        place="Balai Desa",
        attendance=40,
        minutes=pdf_file(),
    )


def test_recording_the_founding_meeting_refuses_a_founder_under_17_on_that_day_naming_them(district_officer):
    coop, _teen = _teen_and_eight(district_officer)
    with pytest.raises(ApplicationError) as refused:
        _founding(district_officer, coop, dt.date(2025, 6, 20))
    assert refused.value.field == "date"
    assert "Putri Remaja berusia 16 tahun pada 20 Juni 2025; pendiri minimal berusia 17 tahun." in refused.value.message
    assert not Meeting.objects.filter(cooperative=coop, kind=MeetingKind.FOUNDING).exists()


def test_re_dating_the_founding_meeting_at_the_founding_stage_re_checks_the_founders(district_officer):
    coop, _teen = _teen_and_eight(district_officer)
    _founding(district_officer, coop, dt.date(2026, 3, 2))  # she is 17 by then
    coop = services.cooperative_advance(actor=district_officer, cooperative=coop)
    assert coop.stage == Stage.RAPAT_PENDIRIAN
    with pytest.raises(ApplicationError, match="Putri Remaja berusia 16 tahun"):
        _founding(district_officer, coop, dt.date(2025, 6, 20))
    assert Meeting.objects.get(cooperative=coop, kind=MeetingKind.FOUNDING).date == dt.date(2026, 3, 2)


def test_the_stage_guard_checks_every_founder_on_the_founding_date(district_officer):
    """Even if a meeting date slipped in another way, the step to the founding stage names the founder."""
    coop, _teen = _teen_and_eight(district_officer)
    _founding(district_officer, coop, dt.date(2026, 3, 2))
    Meeting.objects.filter(cooperative=coop, kind=MeetingKind.FOUNDING).update(date=dt.date(2025, 6, 20))
    with pytest.raises(ApplicationError) as refused:
        services.cooperative_advance(actor=district_officer, cooperative=coop)
    assert "Pendiri Putri Remaja: Pendiri harus berusia minimal 17 tahun" in refused.value.message


def test_the_founders_tab_and_the_api_show_the_error_not_only_warnings(client, district_officer, api):
    coop, teen = _teen_and_eight(district_officer)
    _founding(district_officer, coop, dt.date(2026, 3, 2))
    Meeting.objects.filter(cooperative=coop, kind=MeetingKind.FOUNDING).update(date=dt.date(2025, 6, 20))
    client.force_login(district_officer)
    html = client.get(f"/koperasi/{coop.pk}/pendiri/").content.decode()
    assert 'data-testid="member-error"' in html
    assert "Pendiri harus berusia minimal 17 tahun pada tanggal pendirian (20 Juni 2025)." in html
    api.force_login(district_officer)
    rows = {r["id"]: r for r in api.get(f"/api/v1/cooperatives/{coop.pk}/members/").json()["results"]}
    assert rows[teen.pk]["errors"] == ["Pendiri harus berusia minimal 17 tahun pada tanggal pendirian (20 Juni 2025)."]
