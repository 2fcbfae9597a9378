"""Build assets/geo/regions.geojson, the map's 89 regions, from Natural Earth admin-1.

    apt-get install qgis-common      # ships Natural Earth in world_map.gpkg (public domain)
    pip install ".[geo]"             # shapely, needed by this script only
    python -m data.build_geometry    # writes assets/geo/regions.geojson

The output is committed, so nobody needs this script (or shapely, or QGIS) to run the app.

Natural Earth has the 83 regions, Crimea, Sevastopol and the four occupied oblasts as separate
shapes, Chukotka already split at 180°, but no ISO codes and no Cyrillic names: they are joined
on the Natural Earth `name` with data/reference/regions_ru.csv. `shapely.coverage_simplify`
simplifies the regions together, so shared borders stay shared (no slivers, no gaps); plotly's
geo renderer needs outer rings clockwise (the usual GeoJSON orientation fills the globe).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import struct
import sys
from pathlib import Path

import numpy as np

from data.reference import regions, tile_geojson

GPKG = Path("/usr/share/qgis/resources/data/world_map.gpkg")
# qgis-common 3.22.16+dfsg-1 (Debian 12): the input this output was built from.
GPKG_SHA256 = "ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2"
OUTPUT = Path(__file__).resolve().parent.parent / "assets" / "geo" / "regions.geojson"
TILES_OUTPUT = OUTPUT.with_name("tiles.geojson")
TOLERANCE = 0.06  # degrees: 286 KB, under the 300 KB the map may cost a page
DECIMALS = 3  # about 100 m: far below what a country-wide map can show
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def gpkg_wkb(blob: bytes) -> bytes:
    """A GeoPackage geometry blob is a small header ('GP', version, flags, SRS id, envelope)
    followed by standard WKB."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = blob[3]
    envelope = _ENVELOPE_BYTES[(flags >> 1) & 0b111]
    struct.unpack("<i" if flags & 1 else ">i", blob[4:8])  # SRS id: WGS 84 in this file
    return blob[8 + envelope :]


def read_shapes(gpkg: Path) -> dict[str, object]:
    """Natural Earth name -> shapely geometry, for the names in the region table."""
    import shapely

    wanted = {r.ne_name for r in regions().values()}
    with sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT name, geom FROM states_provinces WHERE admin IN ('Russia', 'Ukraine')"
        ).fetchall()
    shapes = {name: shapely.from_wkb(gpkg_wkb(blob)) for name, blob in rows if name in wanted}
    missing = wanted - set(shapes)
    if missing:
        raise SystemExit(f"not in {gpkg.name}: {', '.join(sorted(missing))}")
    return shapes


def build(gpkg: Path = GPKG, tolerance: float = TOLERANCE) -> dict:
    import shapely

    shapes = read_shapes(gpkg)
    table = list(regions().values())
    geometries = np.array([shapes[r.ne_name] for r in table], dtype=object)
    simplified = shapely.coverage_simplify(geometries, tolerance)
    oriented = shapely.orient_polygons(simplified, exterior_cw=True)
    rounded = shapely.transform(oriented, lambda xy: np.round(xy, DECIMALS))
    features = []
    for region, geometry in zip(table, rounded, strict=True):
        if geometry.is_empty:
            raise SystemExit(f"{region.code} vanished in simplification")
        features.append(
            {
                "type": "Feature",
                "id": region.code,
                "properties": {
                    "code": region.code,
                    "name_ru": region.name_ru,
                    "name_en": region.name_en,
                    "kind": region.kind,
                },
                "geometry": json.loads(shapely.to_geojson(geometry)),
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "properties": {"source": "Made with Natural Earth (admin-1, public domain)"},
    }


def tiles_text() -> str:
    return json.dumps(tile_geojson(), separators=(",", ":")) + "\n"


def write_tiles(path: Path = TILES_OUTPUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tiles_text(), encoding="utf-8")
    print(f"{path}: {len(tile_geojson()['features'])} tiles")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gpkg", type=Path, default=GPKG)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    parser.add_argument(
        "--tiles-only",
        action="store_true",
        help="only the tile grid (from data/reference/tile_grid.csv)",
    )
    args = parser.parse_args(argv)
    write_tiles()
    if args.tiles_only:
        return 0
    if not args.gpkg.is_file():
        print(f"error: {args.gpkg} not found (apt-get install qgis-common)", file=sys.stderr)
        return 2
    checksum = sha256(args.gpkg)
    if checksum != GPKG_SHA256:
        print(
            f"error: {args.gpkg} has sha256 {checksum}, expected {GPKG_SHA256}; "
            "a different Natural Earth release may join differently: check, then update "
            "GPKG_SHA256",
            file=sys.stderr,
        )
        return 2
    collection = build(args.gpkg, args.tolerance)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(collection['features'])} regions, {len(text):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
