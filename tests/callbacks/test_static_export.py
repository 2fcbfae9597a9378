"""`python app.py export-embeds`: embed pages as static files that draw with no app behind them,
each with the files it needs beside it, and nothing written for a URL that is not an embed."""

import html
import json
import re

import pytest

from app import ROOT, AppConfig, create_app, main
from callbacks.static_export import ExportError, export_embeds
from tests.conftest import AS_OF

STATIC_FILES = {"page.css", "page.js", "plotly-bundle.min.js", "plotly-locale-ru.js", "geometry.js"}
URLS = [
    "/embed/map?lang=en&article=207.3",
    "/embed/timeline?lang=ru",
    "http://example.org/embed/counters?lang=en",
]
BASE = "https://data.example.org"


@pytest.fixture(scope="module")
def app():
    return create_app(AppConfig(demo_rows=900, demo_seed=11, demo_as_of=AS_OF))


@pytest.fixture(scope="module")
def exported(app, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "embeds"
    pages = export_embeds(app, URLS, out, BASE)
    return out, pages


def figure_of(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="pp-figure">(.*?)</script>', page, re.S)
    assert found, "no figure in the page"
    return json.loads(found.group(1))


def link_of(page: str) -> str:
    found = re.search(r'<p class="pp-link"><a href="([^"]+)"', page)
    assert found, "no link back in the page"
    return html.unescape(found.group(1))


def text_of(page: str, cls: str) -> str:
    found = re.search(rf'<(\w+) class="{cls}"[^>]*>(.*?)</\1>', page, re.S)
    assert found, f"no {cls} in the page"
    return found.group(2)


def test_one_page_per_url_and_the_shared_files(exported):
    out, pages = exported
    assert pages == [
        out / "map_207.3_en.html",
        out / "timeline_all_ru.html",
        out / "counters_all_en.html",
    ]
    assert {p.name for p in out.glob("*.html")} == {p.name for p in pages}
    assert {p.name for p in (out / "static").iterdir()} == STATIC_FILES
    # the app's own bundle of the traces it draws, not plotly's full 4.6 MB
    bundle = ROOT / "assets" / "plotly-bundle.min.js"
    assert (out / "static" / "plotly-bundle.min.js").read_bytes() == bundle.read_bytes()
    css = ROOT / "assets" / "embed" / "embed-page.css"
    assert (out / "static" / "page.css").read_bytes() == css.read_bytes()
    js = ROOT / "assets" / "embed" / "embed-page.js"
    assert (out / "static" / "page.js").read_bytes() == js.read_bytes()


def test_pages_use_only_the_files_beside_them(exported):
    out, pages = exported
    for path in pages:
        page = path.read_text(encoding="utf-8")
        scripts = re.findall(r'<script[^>]* src="([^"]+)"', page)
        styles = re.findall(r'<link[^>]* href="([^"]+)"', page)
        assert scripts and styles == ["static/page.css"]
        for src in scripts + styles:
            assert src.startswith("static/"), src
            assert (out / src).is_file(), src
        assert "/assets/" not in " ".join(scripts + styles)
        assert "/embed/static/" not in page
        assert not [s for s in scripts if "http" in s]
    map_page = pages[0].read_text(encoding="utf-8")
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', map_page)
    assert scripts == ["static/geometry.js", "static/plotly-bundle.min.js", "static/page.js"]
    ru_page = pages[1].read_text(encoding="utf-8")
    assert re.findall(r'<script[^>]* src="([^"]+)"', ru_page) == [
        "static/geometry.js",
        "static/plotly-bundle.min.js",
        "static/plotly-locale-ru.js",
        "static/page.js",
    ]
    counters = pages[2].read_text(encoding="utf-8")  # no figure: no plotly
    assert re.findall(r'<script[^>]* src="([^"]+)"', counters) == ["static/page.js"]


def test_geometry_fills_plotly_geo_assets_with_the_map_geometry(exported):
    out, pages = exported
    geometry = (out / "static" / "geometry.js").read_text(encoding="utf-8")
    figure = figure_of(pages[0].read_text(encoding="utf-8"))
    url = figure["data"][0]["geojson"]
    assert isinstance(url, str) and url.endswith("regions.geojson")
    assignments = {}
    decoder = json.JSONDecoder()
    for found in re.finditer(r"window\.PlotlyGeoAssets(\.topojson)?\[(\"[^\"]+\")\] = ", geometry):
        key = ("topojson:" if found.group(1) else "") + json.loads(found.group(2))
        value, end = decoder.raw_decode(geometry, found.end())
        assert geometry[end:].lstrip().startswith(";")
        assignments[key] = value
    assert "window.PlotlyGeoAssets = window.PlotlyGeoAssets || {};" in geometry
    assert url in assignments
    regions = json.loads((ROOT / "assets" / "geo" / "regions.geojson").read_text(encoding="utf-8"))
    assert assignments[url] == regions
    codes = {f["properties"]["code"] for f in assignments[url]["features"]}
    assert set(figure["data"][0]["locations"]) <= codes
    assert assignments["topojson:world_110m"]["type"] == "Topology"
    assert any(key.endswith("tiles.geojson") for key in assignments)  # the tile grid view
    assert "Natural Earth" in geometry


def test_pages_say_what_the_served_embed_says(app, exported):
    _out, pages = exported
    client = app.server.test_client()
    for url, path in zip(URLS, pages, strict=True):
        served = client.get(re.sub(r"^https?://[^/]+", "", url)).get_data(as_text=True)
        page = path.read_text(encoding="utf-8")
        for cls in ("pp-title", "pp-subtitle", "pp-source", "pp-demo"):
            assert text_of(page, cls) == text_of(served, cls), cls
        if "pp-figure" in served:
            assert figure_of(page)["data"] == figure_of(served)["data"]
    assert "Made with Natural Earth" in text_of(pages[0].read_text(encoding="utf-8"), "pp-source")


def test_link_back_goes_to_the_base_url(exported):
    _out, pages = exported
    links = [link_of(p.read_text(encoding="utf-8")) for p in pages]
    assert links == [
        f"{BASE}/?article=207.3&lang=en",
        f"{BASE}/?lang=ru",
        f"{BASE}/?lang=en",
    ]


def test_link_back_without_a_base_url_goes_to_the_host_of_the_url(app, tmp_path):
    urls = ["https://example.org/embed/timeline?lang=en&article=207.3"]
    (page,) = export_embeds(app, urls, tmp_path)
    assert link_of(page.read_text(encoding="utf-8")) == "https://example.org/?article=207.3&lang=en"


def test_a_bare_path_without_a_base_url_is_refused_before_anything_is_written(app, tmp_path):
    """Its link back would name a host no reader can reach (it was 127.0.0.1 once)."""
    out = tmp_path / "site"
    urls = ["https://example.org/embed/timeline?lang=en", "/embed/sentences?lang=ru"]
    with pytest.raises(ExportError, match=r"/embed/sentences\?lang=ru: a path without a host"):
        export_embeds(app, urls, out)
    assert not out.exists()


def test_a_bare_path_links_to_the_configured_public_url(tmp_path):
    app = create_app(
        AppConfig(
            demo_rows=300, demo_seed=11, demo_as_of=AS_OF, public_url="https://news.example/pp/"
        )
    )
    (page,) = export_embeds(app, ["/embed/sentences?lang=ru"], tmp_path)
    assert link_of(page.read_text(encoding="utf-8")) == "https://news.example/pp/?lang=ru"
    # A base URL given for the export wins over the configured one.
    (page,) = export_embeds(app, ["/embed/sentences?lang=en"], tmp_path, BASE)
    assert link_of(page.read_text(encoding="utf-8")) == f"{BASE}/?lang=en"


def test_junk_in_a_url_is_named_in_its_page(app, tmp_path):
    (page,) = export_embeds(app, ["/embed/timeline?lang=en&unit=bogus&zzz=1"], tmp_path, BASE)
    notice = html.unescape(text_of(page.read_text(encoding="utf-8"), "pp-notice"))
    assert "unit=bogus" in notice and "zzz=1" in notice


@pytest.mark.parametrize(
    "bad",
    [
        "/download/map.csv",
        "/embed/nope",
        "/embed/static/page.js",
        "/",
        "https://example.org/embed/",
        "/embed/map/extra",
    ],
)
def test_a_url_that_is_not_an_embed_stops_the_export_before_anything_is_written(app, tmp_path, bad):
    out = tmp_path / "out"
    with pytest.raises(ExportError, match=re.escape(bad)):
        export_embeds(app, ["/embed/map?lang=en", bad], out, BASE)
    assert not out.exists()


def test_the_map_and_the_tile_grid_are_two_pages(app, tmp_path):
    pages = export_embeds(
        app, ["/embed/map?lang=en", "/embed/map?view=grid&lang=en"], tmp_path, BASE
    )
    assert len(set(pages)) == 2
    grids = [
        "tiles.geojson" in figure_of(p.read_text(encoding="utf-8"))["data"][0]["geojson"]
        for p in set(pages)
    ]
    assert sorted(grids) == [False, True]


def test_a_base_url_with_a_path_keeps_it(app, tmp_path):
    (page,) = export_embeds(
        app, ["/embed/timeline?lang=en"], tmp_path, "https://example.org/dashboard"
    )
    assert link_of(page.read_text(encoding="utf-8")) == "https://example.org/dashboard/?lang=en"


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture()
def no_data_env(monkeypatch):
    for name in ("DATA_DIR", "DATA_PATH", "DATA_FORMAT"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("no_data_env")
def test_the_command_writes_the_pages(tmp_path, capsys, sample_csv):
    out = tmp_path / "site"
    code = main(
        [
            "export-embeds",
            "/embed/timeline?lang=en",
            "/embed/map?lang=ru&article=207.3",
            "--out",
            str(out),
            "--base-url",
            BASE,
            "--data",
            str(sample_csv),
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    written = [out / "timeline_all_en.html", out / "map_207.3_ru.html"]
    assert captured.out.split() == [str(p) for p in written]
    for path in written:
        page = path.read_text(encoding="utf-8")
        assert link_of(page).startswith(f"{BASE}/?")
        assert "static/plotly-bundle.min.js" in page
    assert {p.name for p in (out / "static").iterdir()} == STATIC_FILES
    ru = (out / "map_207.3_ru.html").read_text(encoding="utf-8")
    assert "207.3" in text_of(ru, "pp-subtitle")


@pytest.mark.usefixtures("no_data_env")
def test_the_command_refuses_a_url_that_is_not_an_embed(tmp_path, capsys, sample_csv):
    out = tmp_path / "site"
    code = main(
        [
            "export-embeds",
            "/embed/timeline?lang=en",
            "/download/map.csv",
            "--out",
            str(out),
            "--base-url",
            BASE,
            "--data",
            str(sample_csv),
        ]
    )
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.startswith("error: ")
    assert "/download/map.csv" in captured.err and "not an embed URL" in captured.err
    assert captured.out == ""
    assert not out.exists()


@pytest.mark.usefixtures("no_data_env")
def test_the_command_says_when_the_data_is_missing(tmp_path, capsys):
    out = tmp_path / "site"
    missing = str(tmp_path / "no")
    code = main(
        ["export-embeds", "/embed/map", "--out", str(out), "--base-url", BASE, "--data", missing]
    )
    assert code == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.usefixtures("no_data_env")
def test_the_command_asks_for_a_base_url_for_a_bare_path(tmp_path, capsys, sample_csv, monkeypatch):
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    out = tmp_path / "site"
    code = main(["export-embeds", "/embed/map", "--out", str(out), "--data", str(sample_csv)])
    assert code == 2
    assert "--base-url" in capsys.readouterr().err
    assert not out.exists()


def test_a_full_url_under_a_mount_path_links_back_under_it(app, tmp_path):
    (page,) = export_embeds(app, ["https://example.org/prisoners/embed/counters?lang=en"], tmp_path)
    assert link_of(page.read_text(encoding="utf-8")) == "https://example.org/prisoners/?lang=en"


def test_a_base_url_must_be_an_http_address(app, tmp_path):
    with pytest.raises(ExportError, match="not an http"):
        export_embeds(app, ["/embed/map?lang=en"], tmp_path / "out", "example.org")
    assert not (tmp_path / "out").exists()
