"""Fixtures of the notaries tests: a notary linked to the `notary` user, a cooperative at the founding meeting stage
assigned to them, and clients for the pages and the API."""

import datetime as dt

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from notaries import services
from notaries.models import Deed
from registry.models import Role
from tests.cooperatives import builders
from tests.factories import UserFactory
from tests.notaries.factories import NotaryFactory, deed_pdf

DEED_DATE = dt.date(2025, 7, 1)


@pytest.fixture
def indonesian():
    with translation.override("id"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def registry_notary(notary):
    """The registry entry of the `notary` user (seated in Muara Enim)."""
    return NotaryFactory(name="Hj. Siti Aminah, S.H., M.Kn.", user=notary)


@pytest.fixture
def other_notary(db):
    """A second notary of Muara Enim with an account of their own."""
    user = UserFactory(role=Role.NOTARY, region_id="16.03")
    NotaryFactory(name="Budi Hartono, S.H., M.Kn.", user=user)
    return user


@pytest.fixture
def palembang_notary_entry(db):
    return NotaryFactory(name="Rina Marlina, S.H.", seat_id="16.71")


@pytest.fixture
def jakarta_notary_entry(db):
    return NotaryFactory(name="Andi Wijaya, S.H., M.Kn.", seat_id="31.71")


@pytest.fixture
def founded(district_officer):
    """A cooperative in Embawang at `rapat_pendirian` (founding meeting on 10 June 2025)."""
    return builders.founded(district_officer)


@pytest.fixture
def assigned(district_officer, registry_notary, founded):
    """`founded`, assigned to the `notary`."""
    services.notary_assign(actor=district_officer, cooperative=founded, notary=registry_notary)
    return founded


@pytest.fixture
def deed(notary, assigned) -> Deed:
    """Deed 12 of 1 July 2025 for `assigned`, submitted by the notary."""
    deed, _created = services.deed_record(
        actor=notary, cooperative=assigned, number="12", date=DEED_DATE, file=deed_pdf()
    )
    return deed


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def notary_token(notary, registry_notary) -> str:
    _token, raw = services.api_token_create(actor=notary, name="Aplikasi kantor")
    return raw


@pytest.fixture
def notary_api(api, notary_token) -> APIClient:
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {notary_token}")
    return api
