"""notaries/demo.py: the demo notary, Muara Enim's assignments, deeds in every status, verified deeds in bulk."""

import pytest

from cooperatives.demo import demo_cooperatives_ensure
from cooperatives.models import Cooperative
from notaries import demo
from notaries.models import Assignment, Deed, DeedStatus, Notary
from registry.models import User
from registry.services import demo_users_ensure
from registry.stages import STAGE_ORDER, Stage, stage_index
from tests.notaries.factories import NotaryFactory


@pytest.fixture
def demo_world(db):
    demo_users_ensure()
    demo_cooperatives_ensure(officer=User.objects.get(username="petugas.muaraenim"))
    NotaryFactory(name="Affuroh, S.H.", seat_id="16.03")
    NotaryFactory(name="Rina Marlina, S.H.", seat_id="16.71")


def test_the_demo_links_the_notary_and_gives_deeds_in_every_status(demo_world):
    result = demo.demo_notaries_ensure()

    assert result.notary == Notary.objects.get(user__username="notaris.muaraenim")
    assert result.notary.name == "Affuroh, S.H."
    statuses = set(Deed.objects.filter(is_current=True).values_list("status", flat=True))
    assert statuses == {DeedStatus.DIAJUKAN, DeedStatus.DITOLAK, DeedStatus.TERVERIFIKASI}
    at_akta = Cooperative.objects.filter(stage__in=[s.value for s in STAGE_ORDER[stage_index(Stage.AKTA) :]])
    verified = Deed.objects.filter(status=DeedStatus.TERVERIFIKASI, is_current=True)
    assert set(verified.values_list("cooperative_id", flat=True)) == set(at_akta.values_list("id", flat=True))
    assert all(d.number == d.cooperative.deed_number for d in verified.select_related("cooperative"))


def test_the_demo_assigns_muara_enims_cooperatives_from_the_founding_meeting_on(demo_world):
    demo.demo_notaries_ensure()

    assigned = Assignment.objects.filter(is_active=True, notary__user__username="notaris.muaraenim")
    assert (
        assigned.count()
        == Cooperative.objects.filter(
            stage__in=[s.value for s in STAGE_ORDER[stage_index(Stage.RAPAT_PENDIRIAN) :]]
        ).count()
    )


def test_a_second_run_creates_nothing(demo_world):
    demo.demo_notaries_ensure()
    counts = (Deed.objects.count(), Assignment.objects.count())

    again = demo.demo_notaries_ensure()

    assert (again.assigned, again.submitted, again.rejected, again.verified) == (0, 0, 0, 0)
    assert (Deed.objects.count(), Assignment.objects.count()) == counts


def test_cooperatives_of_another_province_get_a_deed_from_a_notary_of_their_province(demo_world, district_officer):
    from tests.cooperatives import builders

    jakarta = NotaryFactory(name="Andi Wijaya, S.H.", seat_id="31.71")
    officer = User.objects.create(username="petugas.jakpus", role="district_officer", region_id="31.71")
    coop = builders.cooperative_at(officer, Stage.AKTA, village="31.71.01.1001")

    demo.demo_notaries_ensure()

    assert Deed.objects.get(cooperative=coop).notary == jakarta
