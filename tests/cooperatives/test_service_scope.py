"""Services check the actor's area themselves: a caller that skipped the scoping still cannot write elsewhere."""

import datetime as dt

import pytest
from django.utils import translation

from cooperatives import services
from cooperatives.models import Cooperative, MeetingKind
from registry.errors import ApplicationError
from registry.models import Region
from tests.cooperatives.builders import register
from tests.factories import EMBAWANG, make_nik, pdf_file

WRITES = {
    "register": lambda actor, coop: services.cooperative_register(
        actor=actor, village=Region.objects.get(code=EMBAWANG), pattern="pendirian_baru", duplicate_reason="uji"
    ),
    "update": lambda actor, coop: services.cooperative_update(
        actor=actor, cooperative=coop, expected_version=None, name="Diubah dari luar"
    ),
    "founder": lambda actor, coop: services.founding_member_add(
        actor=actor, cooperative=coop, nik=make_nik(), full_name="Orang Luar", birth_place="Lahat", address="Lahat"
    ),
    "meeting": lambda actor, coop: services.meeting_record(
        actor=actor,
        cooperative=coop,
        kind=MeetingKind.MUSDESUS,
        date=dt.date(2025, 5, 20),
        place="Balai",
        attendance=10,
    ),
    "document": lambda actor, coop: services.document_upload(
        actor=actor, cooperative=coop, kind="sk_ahu", file=pdf_file()
    ),
    "unit": lambda actor, coop: services.business_unit_set(
        actor=actor, cooperative=coop, kind="sembako", status="planned"
    ),
    "advance": lambda actor, coop: services.cooperative_advance(actor=actor, cooperative=coop),
    "correct": lambda actor, coop: services.cooperative_correct_stage(
        actor=actor, cooperative=coop, to_stage="belum", reason="uji"
    ),
}


@pytest.mark.parametrize("write", list(WRITES))
@pytest.mark.parametrize("outsider", ["other_district_officer", "provincial_staff", "national_admin"])
def test_a_write_by_someone_who_may_not_change_this_regency_is_refused(request, district_officer, outsider, write):
    coop = register(district_officer)
    actor = request.getfixturevalue(outsider)
    before = (Cooperative.objects.count(), coop.members.count(), coop.meetings.count(), coop.documents.count())

    with translation.override("id"), pytest.raises(ApplicationError) as refused:
        WRITES[write](actor, coop)

    assert refused.value.message in {
        "Anda tidak boleh mengubah koperasi di luar kabupaten/kota Anda.",
        "Hanya petugas kabupaten/kota yang boleh mengoreksi tahap.",
    }
    coop.refresh_from_db()
    assert coop.name == "Koperasi Desa Merah Putih Embawang"
    assert (Cooperative.objects.count(), coop.members.count(), coop.meetings.count(), coop.documents.count()) == before
