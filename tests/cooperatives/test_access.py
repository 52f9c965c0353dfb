"""cooperatives.access in the services: each service checks the actor's area itself, so a caller that skipped the
scoping still cannot write elsewhere."""

import datetime as dt

import pytest

from cooperatives import services
from cooperatives.choices import MeetingKind
from cooperatives.models import Cooperative
from registry.errors import ApplicationError
from registry.models import Region
from tests.cooperatives.builders import founder, register
from tests.factories import EMBAWANG, make_nik, pdf_file

pytestmark = pytest.mark.usefixtures("indonesian")

OUTSIDE = "Anda tidak boleh mengubah koperasi di luar kabupaten/kota Anda."
NOT_AN_OFFICER = "Hanya petugas kabupaten/kota yang boleh mengoreksi tahap."

WRITES = {
    "register": lambda actor, coop: services.cooperative_register(
        actor=actor,
        village=Region.objects.get(code=EMBAWANG),
        profile=services.CooperativeProfile(pattern="pendirian_baru", duplicate_reason="uji"),
    ),
    "update": lambda actor, coop: services.cooperative_update(
        actor=actor,
        cooperative=coop,
        expected_version=None,
        profile=services.CooperativeProfile.of(coop).changed(name="Diubah dari luar"),
    ),
    "founder": lambda actor, coop: services.founding_member_add(
        actor=actor,
        cooperative=coop,
        founder=founder(make_nik(), "Orang Luar", birth_place="Lahat", address="Lahat"),
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
OUTSIDERS = ["other_district_officer", "provincial_staff", "national_admin"]
# A stage correction asks for the district officer's role before it looks at the area.
REFUSALS = [
    pytest.param(
        outsider,
        write,
        NOT_AN_OFFICER if write == "correct" and outsider != "other_district_officer" else OUTSIDE,
        id=f"{write}-{outsider}",
    )
    for outsider in OUTSIDERS
    for write in WRITES
]


@pytest.mark.parametrize(("outsider", "write", "message"), REFUSALS)
def test_a_write_by_someone_who_may_not_change_this_regency_is_refused(
    request, district_officer, outsider, write, message
):
    coop = register(district_officer)
    actor = request.getfixturevalue(outsider)
    before = (Cooperative.objects.count(), coop.members.count(), coop.meetings.count(), coop.documents.count())

    with pytest.raises(ApplicationError) as refused:
        WRITES[write](actor, coop)

    assert refused.value.message == message
    coop.refresh_from_db()
    assert coop.name == "Koperasi Desa Merah Putih Embawang"
    assert (Cooperative.objects.count(), coop.members.count(), coop.meetings.count(), coop.documents.count()) == before
