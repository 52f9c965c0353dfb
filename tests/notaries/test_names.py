"""The folding of a notary's name for search (notaries/names.py)."""

import pytest

from notaries.names import search_name_of


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Hj. Siti Nurul Hidajah, S.H., M.Kn.", "siti nurul hidajah"),
        ("Drs.H.Jufri Effendi, S.H.,M.M..,M.Kn.", "jufri effendi"),
        ("Vediyas Puspa Yunansa S.H., M.H.., M.Kn.", "vediyas puspa yunansa"),
        ("Hendri Anggoro Budi, St.,S.E.,S.H., M.Kn.", "hendri anggoro budi"),
        ("Prof. Dr. Nanang Ferwandy T, S.H.", "nanang ferwandy t"),
        ("Ny. Agus Praptini, S.H.", "agus praptini"),
        ("Anom Junprahadi, S.H., C.N.", "anom junprahadi"),
        ("Dr. Ir. José Ramos, SH", "jose ramos"),
        ("Asnahwati H. Herwidhi, S.H.", "asnahwati h herwidhi"),
    ],
)
def test_search_name_drops_titles_case_and_punctuation(name, folded):
    assert search_name_of(name) == folded


def test_search_name_joins_an_apostrophe_and_the_broken_character_in_its_place():
    assert search_name_of("Abdul Rafi\ufffdI, S.H., M.Kn.") == search_name_of("Abdul Rafi'i, S.H.") == "abdul rafii"


def test_search_name_keeps_a_name_made_only_of_titles():
    assert search_name_of("S.H.") == "s h"


def test_search_name_of_nothing_is_empty():
    assert search_name_of("") == ""
