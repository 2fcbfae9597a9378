"""normalise_articles: the ways sources write charges, and what is reported as not understood."""

import pytest

from data.articles import article_key, normalise_articles
from data.reference import article_display

CASES = [
    # One article per string, in every written form
    ("ст. 275.1 УК РФ", ("275.1",)),
    ("207.3 Part 2", ("207.3 ч.2",)),
    ("Part 2 of Article 207.3", ("207.3 ч.2",)),
    ("Part 2 of Article 207.3 of the Criminal Code of the Russian Federation", ("207.3 ч.2",)),
    ("ч. 2 ст. 205.5", ("205.5 ч.2",)),
    ("ч.2 ст.205.5 УК РФ", ("205.5 ч.2",)),
    ("205.5 ч.2", ("205.5 ч.2",)),
    ("205.5ч.2", ("205.5 ч.2",)),
    ("статья 282.2 часть 1", ("282.2 ч.1",)),
    ("Статья 205.2 часть 2 УК РФ", ("205.2 ч.2",)),
    ("части 2 статьи 280.3", ("280.3 ч.2",)),
    ("282.2(1)", ("282.2 ч.1",)),
    ("282.2 (2)", ("282.2 ч.2",)),
    ("УК РФ 280.3", ("280.3",)),
    ("art. 318 part 1", ("318 ч.1",)),
    ("Art.318(1)", ("318 ч.1",)),
    ("Article 280.3 (1)", ("280.3 ч.1",)),
    ("278", ("278",)),
    ("ч. 2.1 ст. 205.1", ("205.1 ч.2.1",)),
    ("205,5 ч.2", ("205.5 ч.2",)),  # a decimal comma
    ("207.3 ч.2 (фейки об армии)", ("207.3 ч.2",)),  # a description in brackets
    ("ст. 228 хранение наркотиков", ("228",)),
    # Points
    ("207.3 ч. 2 п. «д»", ("207.3 ч.2 п.д",)),
    ("ч. 2 ст. 207.3 п. «д»", ("207.3 ч.2 п.д",)),
    ("п. «а» ч. 2 ст. 105", ("105 ч.2 п.а",)),
    ('п."а" ч.2 ст.105', ("105 ч.2 п.а",)),
    ("пункт «б» части 2 статьи 213", ("213 ч.2 п.б",)),
    ("пп. «а», «в» ч. 2 ст. 105", ("105 ч.2 п.а п.в",)),
    ("п. «a» ч. 2 ст. 105", ("105 ч.2 п.а",)),  # a Latin "a" typed for the Cyrillic one
    # Art. 30 and 33 qualify the article after them
    ("30 ч.1, 278", ("30 ч.1 - 278",)),
    ("ч. 1 ст. 30, ст. 278", ("30 ч.1 - 278",)),
    ("ч. 1 ст. 30, ч. 2 ст. 205.5", ("30 ч.1 - 205.5 ч.2",)),
    ("ч.1 ст.30 ч.2 ст.205.5 УК РФ", ("30 ч.1 - 205.5 ч.2",)),
    ("ч.3 ст.30, п.«а» ч.2 ст.105", ("30 ч.3 - 105 ч.2 п.а",)),
    ("Part 3 of Article 30, Article 205 Part 1", ("30 ч.3 - 205 ч.1",)),
    ("ч. 5 ст. 33, ч. 3 ст. 30, ч. 1 ст. 205", ("33 ч.5 - 30 ч.3 - 205 ч.1",)),
    ("30 ч.3", ("30 ч.3",)),  # nothing after it: kept as written
    # Several articles in one string
    ("ст. 275.1 УК РФ, ст. 205.2 ч. 2 УК РФ", ("275.1", "205.2 ч.2")),
    ("207.3 ч.2; 280.3 ч.1", ("207.3 ч.2", "280.3 ч.1")),
    ("207.3 ч.2 | 280.3 ч.1", ("207.3 ч.2", "280.3 ч.1")),
    ("207.3 ч.2\n280.3 ч.1", ("207.3 ч.2", "280.3 ч.1")),
    ("207.3 ч.2 и 280.3 ч.1", ("207.3 ч.2", "280.3 ч.1")),
    ("ст. 207.3 ч. 2 и ст. 280.3 ч. 1 УК РФ", ("207.3 ч.2", "280.3 ч.1")),
    ("ч. 1 и 2 ст. 282.2", ("282.2 ч.1", "282.2 ч.2")),  # a list of parts
    ("parts 1 and 2 of article 282.2", ("282.2 ч.1", "282.2 ч.2")),
    ("282.2 ч. 1, 2", ("282.2 ч.1", "282.2 ч.2")),
    ("Art. 207.3, Part 2", ("207.3 ч.2",)),  # the part completes the article before it
    # Duplicates go
    ("207.3 ч.2, ч. 2 ст. 207.3, 207.3 Part 2", ("207.3 ч.2",)),
    # Canonical forms read back unchanged
    ("30 ч.1 - 278", ("30 ч.1 - 278",)),
    ("33 ч.5 - 30 ч.3 - 205 ч.1", ("33 ч.5 - 30 ч.3 - 205 ч.1",)),
    ("105 ч.2 п.а п.в", ("105 ч.2 п.а п.в",)),
    ("205.1 ч.2.1", ("205.1 ч.2.1",)),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_articles(value, expected):
    assert normalise_articles(value) == (expected, ())


def test_enough_cases():
    assert len(CASES) + len(NOT_UNDERSTOOD) + len(LISTS) >= 40


NOT_UNDERSTOOD = [
    ("unknown", (), ("unknown",)),
    ("неизвестно", (), ("неизвестно",)),
    ("ст. 400", (), ("ст. 400",)),  # beyond the Code's 361 articles
    ("2023", (), ("2023",)),
    ("205.5.2", (), ("205.5.2",)),
    ("ч. 12 ст. 205", (), ("ч. 12 ст. 205",)),
    ("2 эпизода", (), ("2 эпизода",)),  # a bare number among words is no article
    ("Part 2", (), ("Part 2",)),  # a part with no article before it
    ("207.3 ч.2, unknown, 280.3", ("207.3 ч.2", "280.3"), ("unknown",)),
    ("ст. 207.3, ст. 999", ("207.3",), ("ст. 999",)),
    # A Latin point letter: its Cyrillic letter is unknown, the charge is kept without it
    ("art. 105 part 2 (a)", ("105 ч.2",), ("art. 105 part 2 (a)",)),
]


@pytest.mark.parametrize(("value", "articles", "rest"), NOT_UNDERSTOOD)
def test_not_understood(value, articles, rest):
    assert normalise_articles(value) == (articles, rest)


@pytest.mark.parametrize(
    "value", [None, "", "   ", "УК РФ", "Criminal Code", "уголовного кодекса РФ", "-", [], [""], ()]
)
def test_nothing_to_read(value):
    assert normalise_articles(value) == ((), ())


LISTS = [
    (["205.5 ч.2", "278"], ("205.5 ч.2", "278"), ()),
    (["207.3 Part 2", "280.3 Part 1"], ("207.3 ч.2", "280.3 ч.1"), ()),
    (["30 ч.1", "278"], ("30 ч.1 - 278",), ()),
    (["205.5 ч.2", "205.5 ч.2", "ч. 2 ст. 205.5"], ("205.5 ч.2",), ()),
    (("280.3 ч.1", "207.3 ч.2"), ("280.3 ч.1", "207.3 ч.2"), ()),
    (["207.3 ч.2", None, "", "УК РФ"], ("207.3 ч.2",), ()),
    (["207.3 ч.2", "не указано"], ("207.3 ч.2",), ("не указано",)),
    (["ст. 275.1 УК РФ, ст. 205.2 ч. 2 УК РФ", "ст. 275.1"], ("275.1", "205.2 ч.2"), ()),
]


@pytest.mark.parametrize(("value", "articles", "rest"), LISTS)
def test_lists(value, articles, rest):
    assert normalise_articles(value) == (articles, rest)


def test_missing_values_in_a_list_are_skipped():
    assert normalise_articles(["278", float("nan")]) == (("278",), ())


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_canonical_output_reads_back_unchanged(value, expected):
    assert normalise_articles(list(expected)) == (expected, ())


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("ч. 1 ст. 30, ст. 278", "278"),
        ("207.3 ч. 2 п. «д»", "207.3"),
        ("пп. «а», «в» ч. 2 ст. 105", "105"),
        ("ч. 2.1 ст. 205.1", "205.1"),
        ("ч. 5 ст. 33, ч. 3 ст. 30, ч. 1 ст. 205", "205"),
    ],
)
def test_output_fits_the_reference_helpers(value, key):
    """The canonical strings go through article_key and data.reference's article_display."""
    (article,), _ = normalise_articles(value)
    assert article_key(article) == key
    assert "ч." not in article_display(article, "en")


@pytest.mark.parametrize(
    "value",
    [
        "278«Совершение преступной организацией действий, направленных на насильственный "
        "захват власти»; до 20 лет лишения свободы, 205.5 ч.2«Участие в деятельности "
        "террористической организации»; до 20 лет лишения свободы",
        [
            "278«Совершение преступной организацией действий»; до 20 лет лишения свободы",
            "205.5 ч.2«Участие в деятельности террористической организации»; от 10 до 20 лет",
        ],
        "278«Совершение…»; до 20 лет | 205.5 ч.2«Участие…»; штраф до 1 млн рублей",
    ],
)
def test_articles_glued_to_their_names_and_sanctions(value):
    """Memorial's clauses arrive glued to the article's tooltip; the name in guillemets and the
    sanction are not charges, and a comma inside the name never costs the next article."""
    assert normalise_articles(value) == (("278", "205.5 ч.2"), ())


def test_a_point_letter_in_guillemets_is_not_a_name():
    assert normalise_articles("пп. «а», «в» ч. 2 ст. 105") == (("105 ч.2 п.а п.в",), ())
