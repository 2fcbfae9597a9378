"""The routes beside the Dash page: chart embeds and their files, the CSV and image downloads, and
the bilingual 404, over HTTP as a browser or a spreadsheet gets them, checked against the same
numbers the page counts."""

import csv
import html
import io
import json
import re
from datetime import date
from urllib.parse import quote

import pandas as pd
import pytest

from app import ROOT, AppConfig, create_app
from callbacks.common import repository
from components.chart_spec import ChartSpec, Counter, chart_overview, image_figure
from components.embed_page import EmbedAssets, embed_html
from components.i18n import fmt_int, t
from data.filters import FilterState
from data.query import overview
from data.view_query import ViewQuery, person_path
from tests.conftest import FIXTURES

CHARTS = ("map", "timeline", "sentences", "counters")
PAYLOAD = "</script><script>alert(1)</script>"
# Case groups that survive loading (markup is removed there) and still need escaping on a page.
GROUP = "Дело «</3» & x"
ANGLES = "1 < 2 > 0"
TITLES = {
    "ru": {
        "map": "Человек по региону дела",
        "timeline": "Аресты по времени",
        "sentences": "Реальные сроки лишения свободы",
        "counters": "Главные цифры",
    },
    "en": {
        "map": "Persons by region of prosecution",
        "timeline": "Arrests over time",
        "sentences": "Real prison terms",
        "counters": "Key numbers",
    },
}
ARTICLE_207_3 = {
    "ru": "Ст. 207.3 («Фейки» об армии)",
    "en": "Article 207.3 (“Fakes” about the army)",
}
SOURCE_LINE = {
    "ru": "Источник: демонстрационный набор (вымышленные записи) (на 01.11.2026)",
    "en": "Source: demo dataset (invented records) (as of 1 Nov 2026)",
}
NATURAL_EARTH = "Made with Natural Earth"
FORMULA_STARTS = ("=", "+", "-", "@")


@pytest.fixture(scope="module")
def data(app):
    return repository(app).current()


# --- helpers -------------------------------------------------------------------------------------


def element(page: str, cls: str) -> str:
    """The text of the first <p|h1|dl class="pp-..."> of an embed page, tags removed, unescaped."""
    found = re.search(rf'<(\w+) class="{cls}"[^>]*>(.*?)</\1>', page, re.S)
    assert found, f"no {cls} in the page"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(2)))


def figure_of(page: str) -> dict:
    """The figure JSON of an embed page, read up to the first '</script>' as a browser would."""
    found = re.search(r'<script type="application/json" id="pp-figure">(.*?)</script>', page, re.S)
    assert found, "no figure script in the page"
    return json.loads(found.group(1))


def split_csv(body: bytes) -> tuple[list[list[str]], pd.DataFrame]:
    """A download -> (header block rows, the table after the first empty line)."""
    assert body.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    text = body.decode("utf-8-sig")
    head, sep, table = text.partition("\r\n\r\n")
    assert sep, "no empty line after the header block"
    header = list(csv.reader(io.StringIO(head)))
    frame = pd.read_csv(io.StringIO(table), dtype=str, keep_default_na=False)
    return header, frame


def is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def formula_cells(frame: pd.DataFrame) -> list[str]:
    cells = [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    return [c for c in cells if c.startswith(FORMULA_STARTS) and not is_number(c)]


def fmt_date_of(lang: str) -> str:
    return "01.11.2026" if lang == "ru" else "1 Nov 2026"


# --- embeds --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("chart", CHARTS)
def test_embed_says_what_it_shows_in_both_languages(client, data, chart, lang):
    # A link as shared: not in canonical order, with a tracking parameter the page drops.
    query = f"lang={lang}&utm_source=tg&article=207.3"
    canonical = f"article=207.3&lang={lang}"
    assert ViewQuery.parse(query).to_query() == canonical
    response = client.get(f"/embed/{chart}?{query}")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert element(page, "pp-title") == TITLES[lang][chart]
    subtitle = element(page, "pp-subtitle")
    assert subtitle.startswith(ARTICLE_207_3[lang])
    assert "207.3" in subtitle
    source = element(page, "pp-source")
    assert source.startswith(SOURCE_LINE[lang])
    assert fmt_date_of(lang) in source
    assert element(page, "pp-demo") == t("demo.short", lang)
    assert 'role="alert"' in page
    link = re.search(r'<p class="pp-link"><a href="([^"]+)"', page)
    assert link and html.unescape(link.group(1)) == f"http://localhost/?{canonical}"
    assert element(page, "pp-link") == t("embed.open_full", lang)
    assert "pp-notice" not in page  # utm_ is dropped without a word
    if chart == "map":
        assert NATURAL_EARTH in source
    else:
        assert NATURAL_EARTH not in page
    assert '<script src="/embed/static/page.js"></script>' in page


@pytest.mark.parametrize("chart", ["map", "timeline", "sentences"])
def test_embed_figure_is_plotly_json_without_zoom_or_modebar(client, chart):
    page = client.get(f"/embed/{chart}?lang=ru&article=207.3").get_data(as_text=True)
    figure = figure_of(page)
    assert figure["data"], "an empty figure"
    assert figure["layout"]["dragmode"] is False
    assert figure["config"]["displayModeBar"] is False
    assert figure["config"]["locale"] == "ru"
    assert '<script src="/embed/static/plotly-bundle.min.js"></script>' in page
    assert '<script src="/embed/static/plotly-locale-ru.js"></script>' in page
    assert page.index('id="pp-figure"') < page.index("plotly-bundle.min.js")
    assert "plotly.min.js" not in page  # plotly's full bundle: 4.6 MB for our four traces


def test_map_embed_counts_every_region_and_the_counters_embed_the_numbers(client, data):
    state = FilterState(articles=("207.3",), regions=("RU-BA",))
    page = client.get("/embed/map?lang=en&article=207.3&region=RU-BA").get_data(as_text=True)
    trace = figure_of(page)["data"][0]
    counts = chart_overview("map", data, state).regions
    assert trace["locations"] == list(counts.codes)
    hovered = [int(re.match(r"\d+", text).group()) for text in trace["customdata"]]
    assert hovered == list(counts.counts)
    widths = dict(zip(trace["locations"], trace["marker"]["line"]["width"], strict=True))
    assert widths["RU-BA"] > widths["RU-MOW"]  # the selected region is outlined
    assert sum(counts.counts) > dict(zip(counts.codes, counts.counts, strict=True))["RU-BA"]

    page = client.get("/embed/counters?lang=ru&article=207.3&from=2022-03").get_data(as_text=True)
    numbers = overview(data, FilterState(articles=("207.3",), date_from=date(2022, 3, 1))).counters
    assert numbers.persons > 0
    assert f"<dt>Человек</dt><dd>{fmt_int(numbers.persons, 'ru')}</dd>" in page
    expected = f"<dt>Уголовных преследований</dt><dd>{fmt_int(numbers.prosecutions, 'ru')}</dd>"
    assert expected in page
    assert "аресты с марта 2022" in element(page, "pp-subtitle")
    assert 'id="pp-figure"' not in page and "plotly" not in page


def test_junk_in_the_link_is_named_in_the_embed(client):
    response = client.get("/embed/timeline?lang=en&unit=bogus&zzz=1")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    notice = element(page, "pp-notice")
    assert notice.startswith("Not applied")
    assert "unit=bogus" in notice and "zzz=1" in notice
    link = re.search(r'<p class="pp-link"><a href="([^"]+)"', page).group(1)
    assert html.unescape(link) == "http://localhost/?lang=en"  # junk is not part of the view
    ru = client.get("/embed/timeline?lang=ru&unit=bogus&zzz=1").get_data(as_text=True)
    assert element(ru, "pp-notice").startswith("Не применено")


@pytest.mark.parametrize(
    "query",
    [
        "from=2022-13&to=zz",
        "page=abc&sort=nope&lang=xx",
        "article=%00&region=RU-XX&held=%FF",
        "q=" + "a" * 5000,
        "article=207.3&article=207.3,280.3&by=decade&measure=??&view=%3Cx%3E",
        "%zz=%zz&=&&&",
    ],
)
@pytest.mark.parametrize(
    "path", ["/embed/map", "/embed/counters", "/download/cases.csv", "/download/timeline.csv"]
)
def test_a_mangled_link_never_answers_500(client, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200


# --- 404 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/embed/nope",
        "/embed/nope?lang=en",
        "/download/nope.csv",
        "/download/nope.figure.json",
        "/embed/static/nope.js",
        "/embed/static/embed-page.js",  # the file's own name is not a name the page asks for
        "/embed/map.csv",
    ],
)
def test_unknown_names_are_a_404_in_both_languages(client, path):
    response = client.get(path)
    assert response.status_code == 404
    text = response.get_data(as_text=True)
    assert "Такой страницы нет" in text
    assert "No such page" in text
    assert "map, timeline, sentences, counters" in text


def test_static_paths_never_serve_the_source(client):
    for path in (
        "/embed/static/../app.py",
        "/embed/static/..%2Fapp.py",
        "/embed/static/..%2F..%2Fapp.py",
    ):
        response = client.get(path)
        assert response.status_code != 500
        body = response.get_data(as_text=True)
        assert "def create_app" not in body
        assert "from __future__" not in body


def test_a_path_outside_the_embed_files_never_serves_a_file(client):
    """Dash answers any unknown path with the dashboard (as it does /no-such-page), never with
    a file outside the embed's own."""
    response = client.get("/embed/static/../app.py")
    assert response.status_code in (200, 404)
    assert "def create_app" not in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/embed/", "/embed/map/x", "/embed/static/page.js"])
def test_only_the_embeds_themselves_may_be_framed(client, path):
    response = client.get(path)
    dashboard = "_dash-config" in response.get_data(as_text=True)
    policy = response.headers["Content-Security-Policy"]
    assert not (dashboard and "frame-ancestors *" in policy)


# --- escaping ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A canonical file whose list name and case groups are markup, and whose names start like
    spreadsheet formulas."""
    folder = tmp_path_factory.mktemp("hostile")
    with (FIXTURES / "canonical_sample.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[0]["name"] = '=HYPERLINK("http://evil.example/","x")'
    rows[1]["name"] = "@SUM(A1:A9)"
    rows[2]["name"] = "+7 999 000"
    rows[3]["name"] = "-1+2"
    rows[0]["case_group"] = GROUP
    rows[2]["case_group"] = ANGLES
    path = folder / "cases.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    meta = {"source": "evil", "display_name": f"{PAYLOAD} <b>Список</b>", "as_of": "2025-03-30"}
    (folder / "cases.csv.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return create_app(AppConfig(data_path=path))


HOSTILE_QUERY = f"group={quote(GROUP)}&group={quote(ANGLES)}&source=evil"


def assert_no_markup(page: str, expected_scripts: int) -> None:
    assert PAYLOAD not in page
    assert "<script>alert" not in page
    assert "<b>" not in page
    assert page.count("<script") == expected_scripts
    assert page.count("</script") == expected_scripts


@pytest.mark.parametrize("chart", CHARTS)
def test_data_strings_are_escaped_in_the_embed(hostile, chart):
    client = hostile.server.test_client()
    response = client.get(f"/embed/{chart}?lang=en&{HOSTILE_QUERY}")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    figure = chart != "counters"
    # figure JSON, plotly-bundle.min.js, page.js; no locale in English
    assert_no_markup(page, 3 if figure else 1)
    assert html.escape(PAYLOAD, quote=False) in page
    assert html.escape(GROUP, quote=False) in page and "</3" not in page
    assert html.escape(ANGLES, quote=False) in page
    # The data strings are there, as text: the list name in the source line and the subtitle.
    assert element(page, "pp-source").startswith(f"Source: {PAYLOAD} <b>Список</b> (as of 30 Mar")
    subtitle = element(page, "pp-subtitle")
    assert GROUP in subtitle and ANGLES in subtitle
    assert element(page, "pp-title") == TITLES["en"][chart]
    assert "pp-demo" not in page  # a real (non-synthetic) list: no demo notice
    if figure:
        assert figure_of(page)["data"]  # the figure JSON is whole: nothing ended it early


def test_junk_in_the_link_is_escaped_in_the_notice(client):
    page = client.get(f"/embed/counters?lang=en&zzz={quote(PAYLOAD)}").get_data(as_text=True)
    assert_no_markup(page, 1)
    assert f"zzz={PAYLOAD}" in element(page, "pp-notice")


def test_embed_html_escapes_every_text_of_a_spec():
    text = f"{PAYLOAD}<b>x</b>&"
    figure = {
        "data": [{"type": "bar", "x": [1], "y": [2], "name": text, "hovertemplate": text}],
        "layout": {"title": {"text": text}, "margin": {"t": 40}},
    }
    spec = ChartSpec(
        chart="map",
        lang="ru",
        title=text,
        subtitle=text,
        caption=text,
        source=text,
        credit=text,
        demo=text,
        query="lang=ru",
        file_stem="map_all",
        figure=figure,
        legend_title="legend " + text,
        legend=(("#fff", text), ("#000", "2–3 " + text)),
        counters=(Counter(text, text, text),),
    )
    page = embed_html(spec, EmbedAssets(static="/s/", topojson="/t/"), "http://x/?lang=ru", (text,))
    # figure JSON, plotly-bundle.min.js, the Russian locale, page.js
    assert_no_markup(page, 4)
    assert "&lt;b&gt;x&lt;/b&gt;&amp;" in page
    parsed = figure_of(page)
    assert parsed["data"][0]["name"] == text
    assert parsed["layout"]["title"]["text"] == text
    assert parsed["layout"]["dragmode"] is False
    body = re.search(r'<script type="application/json" id="pp-figure">(.*?)</script>', page, re.S)
    assert "<" not in body.group(1) and ">" not in body.group(1) and "&" not in body.group(1)
    for cls in ("pp-title", "pp-subtitle", "pp-demo", "pp-caption", "pp-legend-title"):
        assert text in element(page, cls)
    assert element(page, "pp-source") == f"{text} · {text}"
    assert text in element(page, "pp-notice")


def test_image_figure_escapes_data_strings(hostile):
    client = hostile.server.test_client()
    body = client.get(f"/download/timeline.figure.json?lang=en&{HOSTILE_QUERY}").get_json()
    layout = body["figure"]["layout"]
    subtitle = layout["title"]["subtitle"]["text"]
    assert "«&lt;/3» &amp;" in subtitle and "1 &lt; 2 &gt; 0" in subtitle
    assert "</3" not in subtitle and "1 < 2" not in subtitle
    foot = layout["annotations"][-1]["text"]
    assert "&lt;b&gt;Список&lt;/b&gt;" in foot and "<b>Список" not in foot
    assert re.fullmatch(r"[A-Za-z0-9._-]+", body["filename"])


# --- headers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "framing"),
    [
        ("/embed/map", "frame-ancestors *"),
        ("/embed/counters?lang=en", "frame-ancestors *"),
        ("/", "frame-ancestors 'self'"),
        ("/download/cases.csv", "frame-ancestors 'self'"),
        ("/download/map.csv", "frame-ancestors 'self'"),
        ("/status", "frame-ancestors 'self'"),
    ],
)
def test_only_embeds_may_be_framed_by_other_sites(client, path, framing):
    response = client.get(path)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    directives = [d.strip() for d in policy.split(";")]
    assert framing in directives
    assert [d for d in directives if d.startswith("frame-ancestors")] == [framing]
    assert "default-src 'self'" in directives
    assert response.headers["X-Content-Type-Options"] == "nosniff"


# --- the cases as CSV ----------------------------------------------------------------------------

SELECTIONS = [
    ("article=207.3", FilterState(articles=("207.3",))),
    ("region=RU-BA", FilterState(regions=("RU-BA",))),
    ("punishment=fine", FilterState(punishments=("fine",))),
    ("from=2022-03", FilterState(date_from=date(2022, 3, 1))),
    (
        "article=207.3&region=RU-MOW,RU-SPE&from=2022-03&unit=prosecutions",
        FilterState(
            articles=("207.3",),
            regions=("RU-MOW", "RU-SPE"),
            date_from=date(2022, 3, 1),
            unit="prosecutions",
        ),
    ),
]


@pytest.mark.parametrize(("query", "state"), SELECTIONS, ids=[q for q, _ in SELECTIONS])
def test_cases_csv_has_the_rows_the_counters_count(client, data, query, state):
    response = client.get(f"/download/cases.csv?lang=ru&{query}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    header, table = split_csv(response.data)
    counters = overview(data, state).counters
    assert counters.prosecutions > 0
    assert len(table) == counters.prosecutions
    assert len(table[["source", "person_id"]].drop_duplicates()) == counters.persons
    assert list(table.columns[:4]) == ["person_id", "case_id", "source", "name"]
    # Cyrillic intact, in the header block and in the table
    labels = dict(row for row in header if len(row) == 2)
    assert header[0] == ["ВНИМАНИЕ", t("demo.short", "ru")]
    assert labels["Источник"] == "демонстрационный набор (вымышленные записи) (на 01.11.2026)"
    assert labels["Данные на"] == "01.11.2026"
    canonical = ViewQuery.parse(query + "&lang=ru").to_query()
    assert labels["Ссылка на эту выборку"] == f"http://localhost/?{canonical}"
    assert labels["Что это"].startswith("Уголовные дела") or labels["Что это"].startswith(
        "Выбранные уголовные дела"
    )
    assert "Не применено из ссылки" not in labels
    assert table["name"].str.contains("[а-яА-Я]", regex=True).all()
    assert not formula_cells(table)


def test_cases_csv_names_the_selection_in_words_and_the_file(client):
    response = client.get("/download/cases.csv?lang=ru&article=207.3&region=RU-BA")
    header, _table = split_csv(response.data)
    labels = dict(header)
    assert labels["Выборка"] == "Ст. 207.3 («Фейки» об армии) · Республика Башкортостан · люди"
    assert 'filename="cases_207.3_RU-BA.csv"' in response.headers["Content-Disposition"]
    en, _ = split_csv(client.get("/download/cases.csv?lang=en&article=207.3").data)
    assert dict(en)["Selection"] == f"{ARTICLE_207_3['en']} · persons"
    assert dict(en)["Source"] == "demo dataset (invented records) (as of 1 Nov 2026)"


def test_cases_csv_names_junk_from_the_link(client, data):
    header, table = split_csv(client.get("/download/cases.csv?lang=ru&unit=bogus&zzz=1").data)
    labels = dict(header)
    assert labels["Не применено из ссылки"] == "unit=bogus, zzz=1"
    assert len(table) == overview(data, FilterState()).counters.prosecutions


def test_cases_csv_neutralises_formulas_from_the_data(hostile):
    client = hostile.server.test_client()
    header, table = split_csv(client.get("/download/cases.csv?lang=en").data)
    names = set(table["name"])
    assert '\'=HYPERLINK("http://evil.example/","x")' in names
    assert "'@SUM(A1:A9)" in names
    assert "'+7 999 000" in names
    assert "'-1+2" in names
    assert not formula_cells(table)
    assert (
        len(table) == overview(repository(hostile).current(), FilterState()).counters.prosecutions
    )
    assert GROUP in set(table["case_group"])  # text stays text in a CSV: no HTML escaping
    assert "WARNING" not in dict(header)  # a real list


# --- each chart's numbers as CSV -----------------------------------------------------------------


def test_map_csv_is_the_map_counts(client, data):
    response = client.get("/download/map.csv?lang=en&article=207.3&region=RU-BA")
    assert response.status_code == 200
    assert 'filename="map_207.3_RU-BA.csv"' in response.headers["Content-Disposition"]
    header, table = split_csv(response.data)
    labels = dict(header)
    assert labels["What this is"] == TITLES["en"]["map"]
    assert labels["Selection"].startswith(ARTICLE_207_3["en"])
    assert labels["Source"] == "demo dataset (invented records) (as of 1 Nov 2026)"
    assert labels["Data as of"] == "1 Nov 2026"
    assert labels["Link to this view"] == "http://localhost/?article=207.3&region=RU-BA&lang=en"
    assert header[0][0] == "WARNING"
    regions = chart_overview("map", data, FilterState(articles=("207.3",), regions=("RU-BA",)))
    counts = regions.regions
    assert list(table["Region code"]) == list(counts.codes)
    column = table[TITLES["en"]["map"]].astype(int)
    assert column.sum() == sum(counts.counts)
    # The map counts every region (the selected one is outlined), not RU-BA alone.
    assert column.sum() > int(
        table.loc[table["Region code"] == "RU-BA", TITLES["en"]["map"]].iloc[0]
    )


def test_timeline_csv_is_the_timeline_counts(client, data):
    header, table = split_csv(
        client.get("/download/timeline.csv?lang=ru&article=207.3&by=year").data
    )
    labels = dict(header)
    assert labels["Что это"] == TITLES["ru"]["timeline"]
    assert labels["Источник"].endswith("(на 01.11.2026)")
    assert labels["Ссылка на эту выборку"] == "http://localhost/?article=207.3&by=year&lang=ru"
    timeline = overview(data, FilterState(articles=("207.3",), granularity="year")).timeline
    assert list(table.iloc[:, 0]) == [p.isoformat() for p in timeline.periods]
    assert table.iloc[:, 1].astype(int).sum() == sum(timeline.counts) > 0
    assert all(p.endswith("-01-01") for p in table.iloc[:, 0])


def test_sentences_csv_totals_are_the_sentences(client, data):
    header, table = split_csv(client.get("/download/sentences.csv?lang=en&article=207.3").data)
    assert dict(header)["What this is"] == TITLES["en"]["sentences"]
    dist = overview(data, FilterState(articles=("207.3",))).sentences
    expected = sum(sum(dist.counts[r]) for r in dist.regimes) + dist.life + dist.unknown_length
    assert table["Total"].astype(int).sum() == expected > 0


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_counters_csv_has_the_counters(client, data, lang):
    header, table = split_csv(
        client.get(f"/download/counters.csv?lang={lang}&article=207.3&from=2022-03").data
    )
    assert dict(header)[t("download.title", lang)] == TITLES[lang]["counters"]
    counters = overview(data, FilterState(articles=("207.3",), date_from=date(2022, 3, 1))).counters
    values = dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))
    assert int(values[t("counter.persons", lang)]) == counters.persons
    assert int(values[t("counter.prosecutions", lang)]) == counters.prosecutions
    assert int(values[t("counter.in_custody", lang)]) == counters.in_custody


@pytest.mark.parametrize("chart", CHARTS)
def test_every_chart_csv_has_a_header_block_and_names_junk(client, chart):
    response = client.get(f"/download/{chart}.csv?lang=en&unit=bogus&zzz=1")
    assert response.status_code == 200
    header, table = split_csv(response.data)
    assert [row[0] for row in header] == [
        "WARNING",
        "What this is",
        "Selection",
        "Source",
        "Data as of",
        "Link to this view",
        "Not applied from the link",
    ]
    assert dict(header)["Not applied from the link"] == "unit=bogus, zzz=1"
    assert dict(header)["What this is"] == TITLES["en"][chart]
    assert len(table) > 0
    assert not formula_cells(table)
    assert f'filename="{chart}_all.csv"' in response.headers["Content-Disposition"]


# --- the figure of an image download -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("chart", CHARTS)
def test_image_figure_carries_title_selection_and_source(client, chart, lang):
    response = client.get(f"/download/{chart}.figure.json?lang={lang}&article=207.3")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert body["filename"] == f"{chart}_207.3"
    assert body["filename"].isascii()
    layout = body["figure"]["layout"]
    assert TITLES[lang][chart] in layout["title"]["text"]
    assert ARTICLE_207_3[lang] in html.unescape(layout["title"]["subtitle"]["text"])
    foot = html.unescape(layout["annotations"][-1]["text"].replace("<br>", " "))
    assert SOURCE_LINE[lang] in foot
    assert t("demo.short", lang) in foot
    assert (NATURAL_EARTH in foot) == (chart == "map")
    assert layout["width"] == 1200
    assert layout["height"] >= 360
    assert layout["autosize"] is False
    if chart == "counters":
        texts = [a["text"] for a in layout["annotations"]]
        assert t("counter.persons", lang) in texts
        assert t("counter.prosecutions", lang) in texts
        assert body["figure"]["data"] == []
    else:
        assert body["figure"]["data"]


# --- the embed's files ---------------------------------------------------------------------------

PLOTLY_BUNDLE = ROOT / "assets" / "plotly-bundle.min.js"


@pytest.mark.parametrize(
    ("path", "file", "mimetype"),
    [
        ("/embed.js", ROOT / "assets" / "embed" / "host.js", "text/javascript"),
        ("/embed/static/page.js", ROOT / "assets" / "embed" / "embed-page.js", "text/javascript"),
        ("/embed/static/page.css", ROOT / "assets" / "embed" / "embed-page.css", "text/css"),
        ("/embed/static/plotly-bundle.min.js", PLOTLY_BUNDLE, "text/javascript"),
        # the name embed pages asked for before the bundle: a cached page still draws
        ("/embed/static/plotly.min.js", PLOTLY_BUNDLE, "text/javascript"),
        (
            "/embed/static/plotly-locale-ru.js",
            ROOT / "assets" / "plotly-locale-ru.js",
            "text/javascript",
        ),
    ],
)
def test_embed_files_are_served(client, path, file, mimetype):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.data == file.read_bytes()
    assert "max-age" in response.headers["Cache-Control"]
    response.close()


# --- the address links name ----------------------------------------------------------------------


def _links_of(client, headers: dict[str, str]) -> list[str]:
    page = client.get("/embed/timeline?lang=en", headers=headers).get_data(as_text=True)
    embed = re.search(r'<p class="pp-link"><a href="([^"]+)"', page).group(1)
    csv_text = client.get("/download/map.csv?lang=en", headers=headers).get_data(as_text=True)
    labels = dict(row[:2] for row in csv.reader(io.StringIO(csv_text)) if len(row) >= 2)
    return [html.unescape(embed), labels["Link to this view"]]


def test_a_configured_public_url_is_what_links_name_whatever_the_host_header(tmp_path):
    """Embeds and downloads are cached publicly: their links must not follow a request's Host."""
    app = create_app(AppConfig(demo_rows=300, demo_seed=11, public_url="https://news.example/pp"))
    client = app.server.test_client()
    forged = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    assert _links_of(client, forged) == ["https://news.example/pp/?lang=en"] * 2


def test_forwarded_headers_are_ignored_unless_proxies_are_trusted():
    forwarded = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"}
    plain = create_app(AppConfig(demo_rows=300, demo_seed=11)).server.test_client()
    assert _links_of(plain, forwarded) == ["http://localhost/?lang=en"] * 2
    proxied = create_app(AppConfig(demo_rows=300, demo_seed=11, proxy_count=1))
    assert (
        _links_of(proxied.server.test_client(), forwarded) == ["https://evil.example/?lang=en"] * 2
    )


def test_a_public_url_must_be_an_http_address():
    with pytest.raises(ValueError, match="PUBLIC_URL"):
        create_app(AppConfig(demo_rows=300, public_url="javascript:alert(1)"))


def test_image_figure_escapes_every_foot_line_even_one_that_says_span():
    """A caption, source, credit or legend title from the data that contains '<span' was
    passed to plotly as markup (the test for 'ours' was whether a line held '<span')."""
    text = "<span style='font-size:90px'>x</span><a href='javascript:alert(1)'>y</a>"
    spec = ChartSpec(
        chart="map",
        lang="en",
        title="t",
        subtitle="s",
        caption=text,
        source=text,
        credit=text,
        demo=text,
        query="lang=en",
        file_stem="map_all",
        figure={"data": [], "layout": {}},
        legend_title=text,
        legend=(("#123456", text),),
    )
    foot = image_figure(spec)["layout"]["annotations"][-1]["text"]
    # Our own coloured key is the one piece of markup; every text from the spec is inert.
    assert foot.count("<span") == 1 and "<span style='color:#123456'>■</span>" in foot
    assert "<a " not in foot and "font-size:90px'>" not in foot
    assert foot.count("&lt;span") == 6


def test_a_404_outside_the_embeds_does_not_talk_of_charts(client):
    response = client.get("/assets/no-such-file.css")
    assert response.status_code == 404
    text = response.get_data(as_text=True)
    assert "Такой страницы нет." in text and "No such page." in text
    assert "embed" not in text


def test_behind_a_proxy_the_mount_path_is_named_once(monkeypatch):
    monkeypatch.setenv("DASH_REQUESTS_PATHNAME_PREFIX", "/prisoners/")
    app = create_app(AppConfig(demo_rows=300, demo_seed=11, proxy_count=1))
    client = app.server.test_client()
    headers = {"X-Forwarded-Prefix": "/prisoners", "X-Forwarded-Host": "example.org"}
    page = client.get("/embed/timeline?lang=en", headers=headers).get_data(as_text=True)
    link = re.search(r'<p class="pp-link"><a href="([^"]+)"', page).group(1)
    assert html.unescape(link) == "http://example.org/prisoners/?lang=en"


@pytest.mark.parametrize(
    "path, headers, lang",
    [
        ("/no-such-page", {}, "ru"),
        ("/no-such-page?lang=en", {}, "en"),
        ("/compare/extra/parts", {"Accept-Language": "en-GB,en;q=0.8"}, "en"),
        ("/wp-login.php?lang=ru", {"Accept-Language": "en"}, "ru"),
        ("/person/nobody/0", {"Accept-Language": "de, en;q=0.5"}, "en"),
        ("/person/only-one-part", {}, "ru"),
    ],
)
def test_a_path_that_is_no_page_is_a_404_page_in_the_readers_language(client, path, headers, lang):
    """Dash answered every path with the dashboard and a 200."""
    response = client.get(path, headers=headers)
    assert response.status_code == 404
    assert response.content_type == "text/html; charset=utf-8"
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    heading = {"ru": "Страница не найдена", "en": "Page not found"}
    assert f"<h1>{heading[lang]}</h1>" in page
    other = "en" if lang == "ru" else "ru"
    assert f'href="?lang={other}"' in page and f'href="/?lang={lang}"' in page
    assert {"ru": ">English</a>", "en": ">Русский</a>"}[lang] in page  # the other language
    assert "_dash-" not in page  # a plain page: no dashboard behind it
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


def test_the_404_page_never_echoes_the_path(client):
    response = client.get('/"><script>alert(1)</script>?lang=<b>x</b>')
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "<script" not in page and "alert" not in page and "<b>" not in page


@pytest.mark.parametrize("path", ["/", "/compare", "/history/", "/status?lang=en"])
def test_the_pages_themselves_are_served(client, path):
    assert client.get(path).status_code == 200


def test_a_persons_page_is_served_while_the_person_is_on_the_lists(app, client):
    cases = repository(app).current().cases
    path = person_path(cases["source"].iloc[0], cases["person_id"].iloc[0])
    assert client.get(path).status_code == 200
    assert client.get(path + "x").status_code == 404


def test_behind_a_proxy_pages_are_served_and_unknown_paths_are_404s(monkeypatch):
    monkeypatch.setenv("DASH_REQUESTS_PATHNAME_PREFIX", "/prisoners/")
    client = create_app(AppConfig(demo_rows=300, demo_seed=11, proxy_count=1)).server.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/compare").status_code == 200
    assert client.get("/no-such-page").status_code == 404


@pytest.mark.parametrize("chart", ["map", "timeline", "sentences", "counters"])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_each_embed_says_what_its_chart_shows(app, client, chart, lang):
    from components.summaries import chart_summary

    page = client.get(f"/embed/{chart}?lang={lang}&article=207.3").get_data(as_text=True)
    result = chart_overview(chart, repository(app).current(), FilterState(articles=("207.3",)))
    summary = html.escape(chart_summary(chart, result, lang), quote=True)
    assert f'<p class="pp-summary" id="pp-summary">{summary}</p>' in page
    if chart != "counters":
        assert 'aria-describedby="pp-summary"' in page


@pytest.mark.parametrize("chart", ["map", "timeline", "sentences"])
def test_each_embed_holds_its_numbers_as_a_table(client, chart):
    """Behind "show as table" (a native <details>): the rows and columns of the chart's CSV (the
    map's without the region codes, largest first)."""
    page = client.get(f"/embed/{chart}?lang=en&article=207.3").get_data(as_text=True)
    _header, table = split_csv(client.get(f"/download/{chart}.csv?lang=en&article=207.3").data)
    block = page.split('<details class="pp-table">', 1)[1].split("</details>", 1)[0]
    assert "<summary>Show as table</summary>" in block
    headers = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', block)
    columns = list(table.columns)[1:] if chart == "map" else list(table.columns)
    assert [html.unescape(h) for h in headers] == columns
    assert block.count("<tr>") - 1 == len(table)  # the header row, then one per CSV row
    if chart == "map":
        counts = re.findall(r'<tr><td>[^<]*</td><td class="pp-num">([^<]*)</td>', block)
        numbers = [int(n.replace(",", "")) for n in counts if n]
        assert numbers == sorted(numbers, reverse=True) and numbers[0] > 0
