"""cooperatives.demo_national on a region master with no village beside Muara Enim (the production smoke test's).

Apart from test_demo_national.py, whose module-wide demo set would make the builder stop before it looks."""

from cooperatives.demo_national import DEMO_USERNAME, demo_national_ensure
from cooperatives.models import Cooperative
from registry.models import ProgressSnapshot


def test_a_region_master_without_villages_beside_muara_enim_makes_no_national_set(monkeypatch):
    monkeypatch.setattr("cooperatives.demo_national.villages_spread", lambda size: [])
    assert demo_national_ensure(size=40) == 0
    assert not Cooperative.objects.filter(created_by__username=DEMO_USERNAME).exists()
    assert not ProgressSnapshot.objects.exists()
