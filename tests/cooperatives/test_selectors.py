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
    (row,) = selectors.worklist_rows(selectors.worklist(region=region, search="Embawang").filter(code=EMBAWANG))
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


# --- the same cooperative name twice in a regency --------------------------------------------------------------------

SAME_NAME = "Koperasi Desa Merah Putih Pagar Dewa"


def test_duplicate_names_pairs_cooperatives_of_one_regency_case_and_spacing_aside(
    district_officer, other_district_officer
):
    here = register(district_officer, ANOTHER_DESA, name=SAME_NAME)
    spaced = register(district_officer, "16.03.19.2003", name="x")
    # Saved untidied (through the admin, say): the model keeps the key its name compares by.
    spaced.name = "  koperasi desa  merah\tputih PAGAR DEWA "
    spaced.save()
    alone_in_lahat = register(other_district_officer, "16.04.06.2023", name=SAME_NAME)
    lahat_pair = [
        register(other_district_officer, code, name="KDMP Lahat") for code in (LAHAT_VILLAGE, "16.04.01.2002")
    ]
    register(district_officer, name="Koperasi Embawang Jaya")

    rows = list(selectors.duplicate_names(Cooperative.objects.all()))

    assert rows == [here, spaced, *lahat_pair]
    assert alone_in_lahat not in rows


def test_duplicate_names_counts_active_cooperatives_only(district_officer):
    first = register(district_officer, ANOTHER_DESA, name=SAME_NAME)
    register(district_officer, "16.03.19.2003", name=SAME_NAME)
    services.cooperative_deactivate(actor=district_officer, cooperative=first, reason="Ganda", expected_version=None)

    assert list(selectors.duplicate_names(Cooperative.objects.all())) == []


def test_duplicate_names_are_found_in_one_pass_then_one_query_for_the_rows(district_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for code in ("16.03.19.2003", "16.03.25.2006", ANOTHER_DESA):
        register(district_officer, code, name=SAME_NAME)
    with CaptureQueriesContext(connection) as captured:
        rows = selectors.duplicate_names(Cooperative.objects.all())
        villages = [(c.village.name, c.village.parent.name) for c in rows[0:50]]

    # One window count per (regency, stored name key) over the area, then the page's rows (national scale: issue 8).
    assert len(captured.captured_queries) == 2
    assert "OVER (PARTITION BY" in captured.captured_queries[0]["sql"].upper()
    assert villages == [("Pagar Dewa", "Tanjung Agung"), ("Pagar Dewa", "Benakat"), ("Pagar Dewa", "Lubai Ulu")]


def test_name_duplicates_are_the_other_active_cooperatives_of_the_regency_with_that_name(
    district_officer, other_district_officer
):
    first = register(district_officer, ANOTHER_DESA, name=SAME_NAME)
    inactive = register(district_officer, "16.03.25.2006", name=SAME_NAME)
    Cooperative.objects.filter(pk=inactive.pk).update(is_active=False)
    register(other_district_officer, "16.04.06.2023", name=SAME_NAME)
    second = register(district_officer, "16.03.19.2003", name=SAME_NAME.upper())

    assert selectors.name_duplicates(second) == [first]
    assert selectors.name_duplicates(first) == [second]


def test_no_name_warning_when_an_edit_keeps_the_name_but_for_case_and_spacing(district_officer):
    register(district_officer, ANOTHER_DESA, name=SAME_NAME)
    second = register(district_officer, "16.03.19.2003", name=SAME_NAME)

    assert len(selectors.name_warnings(second)) == 1
    assert selectors.name_warnings(second, renamed_from=f" {SAME_NAME.lower()} ") == []
    assert len(selectors.name_warnings(second, renamed_from="Koperasi Benakat")) == 1
