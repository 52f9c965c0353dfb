"""The demo notaries for `make run` (notaries/npak/demo.py): the shared list when present, else a generated one."""

import pytest

from notaries.models import Notary
from notaries.npak import demo


@pytest.fixture
def no_shared_list(monkeypatch, tmp_path):
    monkeypatch.setattr(demo, "reference_path", lambda: tmp_path / "tidak-ada.csv")


def test_generated_list_seats_three_notaries_per_province_including_muara_enim_and_palembang(no_shared_list):
    result = demo.npak_demo_import()
    assert (result.created, result.resolution_rate, result.issues) == (38 * 3, 100.0, [])
    assert Notary.objects.filter(seat_id="16.03").count() == 2
    assert Notary.objects.filter(seat_id="16.71").count() == 1
    assert Notary.objects.values("province_id").distinct().count() == 38


def test_demo_import_twice_creates_nothing_the_second_time(no_shared_list):
    demo.npak_demo_import()
    again = demo.npak_demo_import()
    assert (again.created, again.changed) == (0, 0)


def test_demo_import_without_the_region_master_does_nothing(no_shared_list, monkeypatch):
    monkeypatch.setattr(demo.Region.objects, "filter", lambda **kwargs: demo.Region.objects.none())
    assert demo.npak_demo_import() is None
