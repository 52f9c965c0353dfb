"""The province tile map: every province of the master once, no two on one tile."""

from registry.dashboards import tilemap
from registry.models import Region, RegionLevel


def test_tile_map_places_each_of_the_38_provinces_once(db):
    provinces = set(Region.objects.filter(level=RegionLevel.PROVINCE).values_list("code", flat=True))

    assert set(tilemap.TILES) == provinces
    assert len({(row, column) for row, column, _label in tilemap.TILES.values()}) == 38


def test_tile_map_puts_aceh_west_and_papua_east():
    assert tilemap.TILES["11"][1] == 0
    assert tilemap.TILES["91"][1] == tilemap.COLUMNS - 1


def test_colour_band_of_a_share():
    assert [tilemap.band(v) for v in (None, 0, 24.9, 25, 74.9, 90, 100, 130)] == [None, 0, 0, 1, 2, 4, 5, 5]
