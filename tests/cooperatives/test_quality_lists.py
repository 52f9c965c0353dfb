"""cooperatives.quality_lists: the registry of the named lists the data-quality page shows."""

from __future__ import annotations

import pytest

from cooperatives import quality_lists
from cooperatives.quality_lists import QualityList


def a_list(key: str, order: int) -> QualityList:
    return QualityList(
        key=key, title=key, description="", empty="", template="x.html", rows=lambda _user: [], order=order
    )


@pytest.fixture
def registry_copy(monkeypatch):
    monkeypatch.setattr(quality_lists, "_LISTS", dict(quality_lists._LISTS))


def test_the_cooperatives_app_registers_its_four_lists_in_page_order():
    keys = [q.key for q in quality_lists.registered() if q.key in {"villages", "names", "stalled", "served"}]
    assert keys == ["villages", "names", "stalled", "served"]


def test_a_registered_list_takes_its_place_by_its_order(registry_copy):
    quality_lists.register(a_list("between", 30))
    keys = [q.key for q in quality_lists.registered()]
    assert keys.index("names") < keys.index("between") < keys.index("stalled")


def test_registering_a_key_again_replaces_the_list(registry_copy):
    quality_lists.register(a_list("again", 30))
    quality_lists.register(a_list("again", 99))
    assert [q.order for q in quality_lists.registered() if q.key == "again"] == [99]


def test_the_stalled_list_title_is_translated_when_shown(settings):
    stalled = next(q for q in quality_lists.registered() if q.key == "stalled")
    from django.utils import translation

    with translation.override("en"):
        assert str(stalled.title) == "Cooperatives stalled for 60 days in one stage"
    with translation.override("id"):
        assert str(stalled.title) == "Koperasi tertahan 60 hari di satu tahap"
