"""notaries/selectors/directory.py: name search as folded by `search_name_of` (titles and case aside)."""

from notaries import selectors
from tests.notaries.factories import NotaryFactory


def test_titles_and_case_are_ignored_in_the_search():
    NotaryFactory(name="Hj. SITI Nurul Hidayah, S.H., M.Kn.")
    NotaryFactory(name="Budi Santoso, S.H.")

    assert [n.name for n in selectors.directory(q="Siti nurul")] == ["Hj. SITI Nurul Hidayah, S.H., M.Kn."]


def test_an_inactive_notary_is_not_listed():
    NotaryFactory(name="Pensiun, S.H.", is_active=False)

    assert list(selectors.directory(q="pensiun")) == []
