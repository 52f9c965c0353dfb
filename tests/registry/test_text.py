"""registry.text: the one normalisation of what people type into a search box, and of names compared for duplicates."""

import pytest

from cooperatives.models import Cooperative
from registry.text import name_key_of, search_term
from tests.cooperatives.builders import register


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("PAGAR  DEWA", "pagar dewa"),
        (" pagar\tdewa\n", "pagar dewa"),
        ("pagar\u00a0dewa", "pagar dewa"),
        ("Ds. Pagar Dewa", "pagar dewa"),
        ("ds.pagar dewa", "pagar dewa"),
        ("DS  Pagar Dewa", "pagar dewa"),
        ("Desa Pagar Dewa", "pagar dewa"),
        ("desa. pagar dewa", "pagar dewa"),
        ("Kel. Gelumbang", "gelumbang"),
        ("KEL.Gelumbang", "gelumbang"),
        ("Kelurahan  Gelumbang", "gelumbang"),
        ("16.03.01.2012", "16.03.01.2012"),
    ],
)
def test_search_term_drops_spacing_case_and_the_village_kind_in_front(typed, term):
    assert search_term(typed) == term


@pytest.mark.parametrize(
    ("typed", "term"),
    [
        ("Desa", "desa"),  # the word alone is still looked for
        ("  kel. ", "kel."),
        ("Kelapa Dua", "kelapa dua"),  # a name that starts with the letters, not the word
        ("Desaku", "desaku"),
        ("Tanjung Desa", "tanjung desa"),  # only in front
        ("", ""),
    ],
)
def test_search_term_keeps_what_is_not_a_prefix(typed, term):
    assert search_term(typed) == term


def test_the_stored_name_key_is_the_name_case_and_spacing_aside(district_officer):
    coop = register(district_officer, name="x")
    coop.name = "\t Koperasi  Desa\u00a0 Merah\nPutih  PAGAR DEWA "
    coop.save()
    stored = Cooperative.objects.values_list("name_key", flat=True).get(pk=coop.pk)
    assert stored == name_key_of(coop.name) == "koperasi desa merah putih pagar dewa"
