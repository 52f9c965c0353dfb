"""Reads: the founder rules' context, which cooperative a village is shown with, the data-quality list."""

import datetime as dt

from cooperatives import selectors, services
from cooperatives.models import Cooperative
from registry.models import Region
from registry.stages import Stage
from tests.cooperatives.builders import add_founders, cooperative_at, register, with_musdesus
from tests.factories import EMBAWANG, LAHAT_VILLAGE, make_nik

ANOTHER_DESA = "16.03.01.2012"


def test_the_founder_context_is_loaded_in_a_fixed_number_of_queries_for_any_number_of_niks(
    district_officer, other_district_officer, django_assert_max_num_queries
):
    coop = with_musdesus(district_officer, register(district_officer))
    here = add_founders(district_officer, coop, count=2)
    lahat = with_musdesus(other_district_officer, register(other_district_officer, LAHAT_VILLAGE))
    there = add_founders(other_district_officer, lahat, count=2, serial_offset=50)
    niks = [m.nik for m in here + there] + [make_nik(serial=n) for n in range(900, 960)]
    with django_assert_max_num_queries(4):
        context = selectors.founder_context(coop, niks=niks)
    assert context.niks_here == {m.nik: m.pk for m in here}
    assert context.niks_elsewhere == {m.nik: "Kabupaten Lahat" for m in there}
    assert context.village_code == EMBAWANG


def test_the_founder_context_measures_age_on_the_founding_meeting_once_recorded(district_officer):
    coop = cooperative_at(district_officer, Stage.RAPAT_PENDIRIAN)
    assert selectors.founder_context(coop, niks=[]).founding_date == dt.date(2025, 6, 10)


def test_a_village_is_listed_with_its_first_active_cooperative(district_officer):
    first = register(district_officer)
    register(district_officer, duplicate_reason="Dua dusun berjauhan")
    assert Cooperative.objects.shown_for_village(EMBAWANG).first() == first
    region = Region.objects.get(code="16.03.01")
    row = selectors.worklist(region=region, search="Embawang").get(code=EMBAWANG)
    assert (row.coop_id, row.coop_count) == (first.pk, 2)


def test_the_data_quality_list_holds_both_cooperatives_of_a_shared_village_only(district_officer):
    first = register(district_officer)
    second = register(district_officer, duplicate_reason="Dua dusun berjauhan")
    register(district_officer, ANOTHER_DESA)
    lone_with_reason = register(district_officer, "16.03.01.2013", duplicate_reason="Catatan lama")
    rows = list(selectors.duplicate_villages(Cooperative.objects.all()))
    assert rows == [first, second]
    assert lone_with_reason not in rows


def test_the_data_quality_list_ignores_a_second_cooperative_once_the_first_is_inactive(district_officer):
    first = register(district_officer)
    register(district_officer, duplicate_reason="Dua dusun berjauhan")
    services.cooperative_deactivate(actor=district_officer, cooperative=first, reason="Ganda", expected_version=None)
    assert list(selectors.duplicate_villages(Cooperative.objects.all())) == []
