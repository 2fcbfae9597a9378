"""The committed map geometry: every region, valid, clockwise, small; and the tile grid."""

import json
from itertools import pairwise
from pathlib import Path

import pytest

from data.reference import TILE, regions, tile_geojson, tile_grid

ASSETS = Path(__file__).resolve().parents[2] / "assets"
REGIONS = ASSETS / "geo" / "regions.geojson"


@pytest.fixture(scope="module")
def collection():
    return json.loads(REGIONS.read_text(encoding="utf-8"))


def signed_area(ring):
    """Shoelace: negative for a clockwise ring (x east, y north)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    assert geometry["type"] == "MultiPolygon"
    return geometry["coordinates"]


def test_89_features_with_the_codes_of_the_region_table(collection):
    features = collection["features"]
    codes = [f["properties"]["code"] for f in features]
    assert len(features) == 89 and len(set(codes)) == 89
    assert set(codes) == set(regions())
    for feature in features:
        props = feature["properties"]
        region = regions()[props["code"]]
        assert feature["id"] == props["code"]
        assert (props["name_ru"], props["name_en"], props["kind"]) == (
            region.name_ru,
            region.name_en,
            region.kind,
        )


def test_outer_rings_are_clockwise_and_closed(collection):
    for feature in collection["features"]:
        for polygon in polygons(feature["geometry"]):
            outer = polygon[0]
            assert outer[0] == outer[-1], feature["id"]
            assert len(outer) >= 4, feature["id"]
            assert signed_area(outer) < 0, f"{feature['id']}: outer ring not clockwise"


def test_valid_geometry(collection):
    from shapely.geometry import shape  # a test and build dependency; the app does not need it

    for feature in collection["features"]:
        geometry = shape(feature["geometry"])
        assert geometry.is_valid and not geometry.is_empty, feature["id"]


def test_size_bound():
    assert REGIONS.stat().st_size < 300 * 1024


def test_chukotka_both_sides_of_180_and_the_occupied_territories(collection):
    by_code = {f["id"]: f for f in collection["features"]}
    longitudes = [x for polygon in polygons(by_code["RU-CHU"]["geometry"]) for x, _ in polygon[0]]
    assert min(longitudes) < -169 and max(longitudes) > 179
    for code in ("UA-43", "UA-40", "UA-14", "UA-09", "UA-23", "UA-65"):
        assert polygons(by_code[code]["geometry"]), code


def test_tile_grid_has_every_region_once_in_its_own_cell():
    grid = tile_grid()
    assert set(grid) == set(regions())
    cells = [(t.row, t.col) for t in grid.values()]
    assert len(set(cells)) == 89
    for tile in grid.values():
        assert tile.label_ru and tile.label_en and len(tile.label_ru) <= 7
    for code in ("RU-MOW", "RU-SPE", "UA-40"):  # small regions get a tile like any other
        assert code in grid


def test_tile_grid_keeps_neighbours_near():
    grid = tile_grid()

    def distance(a, b):
        return max(abs(grid[a].row - grid[b].row), abs(grid[a].col - grid[b].col))

    for a, b in [
        ("RU-MOW", "RU-MOS"),
        ("RU-SPE", "RU-LEN"),
        ("UA-43", "UA-40"),
        ("RU-BA", "RU-TA"),
        ("RU-CE", "RU-IN"),
        ("RU-KHA", "RU-PRI"),
        ("UA-14", "UA-09"),
        ("RU-ROS", "UA-09"),
    ]:
        assert distance(a, b) <= 2, (a, b)


def test_committed_tiles_match_the_grid():
    committed = json.loads((ASSETS / "geo" / "tiles.geojson").read_text(encoding="utf-8"))
    assert committed == tile_geojson()
    for feature in committed["features"]:
        ring = feature["geometry"]["coordinates"][0]
        assert signed_area(ring) < 0 and abs(abs(signed_area(ring)) - TILE * TILE) < 1e-6


def test_plotly_base_map_is_served_locally():
    world = ASSETS / "topojson" / "world_110m.json"
    assert world.is_file() and json.loads(world.read_text())["type"] == "Topology"
