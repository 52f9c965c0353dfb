"""Fixtures shared by the cooperatives tests: the language messages are asserted in, logged-in page and API clients,
and the cooperatives most tests start from."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from cooperatives import services
from cooperatives.models import Cooperative, Document, FoundingMember
from registry.models import Role
from tests.cooperatives import builders
from tests.factories import LAHAT_VILLAGE, UserFactory, make_nik


@pytest.fixture
def indonesian():
    """Messages are asserted in Indonesian (locale/id), the language officers read. Outside a request nothing else
    activates it, so the tests of services and rules ask for it (`pytestmark = usefixtures("indonesian")`)."""
    with translation.override("id"):
        yield


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """A MEDIA_ROOT of this test's own, to look at the files an upload left behind."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def colleague(db):
    """A second district officer of Muara Enim, saving while the first one has the form open."""
    return UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03", first_name="Rekan", last_name="Kerja")


# --- clients --------------------------------------------------------------------------------------------------------


@pytest.fixture
def officer_client(client, district_officer):
    """The test client with a session of Muara Enim's district officer."""
    client.force_login(district_officer)
    return client


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def login(api, request):
    """`login("provincial_staff")` → the API client with a session for that user fixture."""

    def as_user(fixture_name: str) -> APIClient:
        api.force_login(request.getfixturevalue(fixture_name))
        return api

    return as_user


@pytest.fixture
def officer_api(login) -> APIClient:
    return login("district_officer")


# --- cooperatives ---------------------------------------------------------------------------------------------------


@pytest.fixture
def coop(district_officer) -> Cooperative:
    """A cooperative just registered in Embawang (Muara Enim), stage `belum`, version 1."""
    return builders.register(district_officer)


@pytest.fixture
def members(district_officer, coop) -> list[FoundingMember]:
    """The nine founders of builders.FOUNDERS in `coop`, none seated yet."""
    return builders.add_founders(district_officer, coop)


@pytest.fixture
def lahat_coop(other_district_officer) -> Cooperative:
    return builders.register(other_district_officer, village_code=LAHAT_VILLAGE)


@pytest.fixture
def founded(district_officer) -> Cooperative:
    """A cooperative in Embawang at `rapat_pendirian`: Musdesus, 9 founders, board and supervisors, founding meeting."""
    return builders.founded(district_officer)


@pytest.fixture
def one_founder(district_officer) -> tuple[Cooperative, FoundingMember]:
    """A cooperative just registered, with Siti Aminah as its only founder (NIK 1603015403800001)."""
    coop = builders.register(district_officer)
    (member,) = builders.add_founders(district_officer, coop, count=1)
    return coop, member


@pytest.fixture
def roster(district_officer, colleague) -> Cooperative:
    """A cooperative at Musdesus with nine founders and a board; a tenth founder's NIK issued in Lahat (a warning on
    the founders tab), and Hendra Gunawan's NIK corrected by a colleague (a change on the history tab)."""
    coop = builders.with_musdesus(district_officer, builders.register(district_officer))
    members = builders.add_founders(district_officer, coop)
    builders.with_board(district_officer, coop, members)
    services.founding_member_add(
        actor=district_officer,
        cooperative=coop,
        founder=builders.founder(
            make_nik(regency="16.04", birth=dt.date(1982, 3, 3), serial=41),
            "Yusuf Lahat",
            birth_place="Lahat",
            address="Dusun 1",
        ),
    )
    builders.update_founder(colleague, members[8], nik=make_nik(birth=dt.date(1986, 2, 11), serial=88))
    return coop


@pytest.fixture
def minutes(district_officer) -> tuple[Cooperative, Document, bytes]:
    """A cooperative at Musdesus, the Musdesus minutes (its only document), and the stored bytes of that PDF."""
    coop = builders.with_musdesus(district_officer, builders.register(district_officer))
    document = coop.documents.get()
    with document.file.open("rb") as f:
        return coop, document, f.read()
