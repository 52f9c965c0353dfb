"""Fixtures of the import tests: an import checked (the dry run) and saved through the same steps as the page."""

import pytest

from cooperatives.imports import run
from cooperatives.imports.models import ImportKind


@pytest.fixture(autouse=True)
def _private_media(media):
    """Stored files go to a folder of the test's own."""


@pytest.fixture
def upload_members(district_officer):
    def go(file, cooperative, actor=None):
        imp = run.import_upload(
            actor=actor or district_officer, kind=ImportKind.MEMBERS, upload=file, cooperative=cooperative
        )
        return run.import_check(imp=imp)

    return go


@pytest.fixture
def upload_cooperatives(district_officer, muara_enim):
    def go(file, actor=None, regency=None):
        imp = run.import_upload(
            actor=actor or district_officer, kind=ImportKind.COOPERATIVES, upload=file, regency=regency or muara_enim
        )
        return run.import_check(imp=imp)

    return go


@pytest.fixture
def commit(district_officer):
    def go(imp, actor=None):
        return run.import_commit(actor=actor or district_officer, imp=imp)

    return go
