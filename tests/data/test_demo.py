"""The demo generator: deterministic, valid, and shaped like the real lists."""

from datetime import date

import pandas as pd

from data import demo
from data.loader import normalise

AS_OF = date(2026, 11, 1)


def test_same_seed_same_data():
    a = demo.generate_frame(rows=400, seed=3, as_of=AS_OF)
    b = demo.generate_frame(rows=400, seed=3, as_of=AS_OF)
    pd.testing.assert_frame_equal(a, b)
    c = demo.generate_frame(rows=400, seed=4, as_of=AS_OF)
    assert not a.equals(c)


def test_generated_rows_pass_the_loader_without_any_issue():
    frame = demo.generate_frame(rows=1500, seed=5, as_of=AS_OF)
    cases, report = normalise(frame, "demo")
    assert report.issues == () and len(cases) == 1500


def test_default_size_is_about_3000_persons_and_3500_prosecutions():
    dataset = demo.generate(as_of=AS_OF)
    assert len(dataset.cases) == 3500
    assert 2850 <= dataset.cases["person_id"].nunique() <= 3150


def test_realistic_shape():
    cases = demo.generate(rows=3500, as_of=AS_OF).cases
    # Every record says it is demo data, and the dataset says it is synthetic.
    assert set(cases["source"]) == {"demo"}
    # A surge after 24 February 2022.
    custody = cases["custody_date"].dropna()
    per_year = custody.dt.year.value_counts()
    assert per_year[2023] > 2 * per_year[2019]
    assert custody.min() >= pd.Timestamp("2012-01-01") and custody.max() <= pd.Timestamp(AS_OF)
    # Regions skewed toward Moscow and Crimea, with Bashkortostan and Dagestan well represented.
    top = cases["region_code"].value_counts()
    assert set(top.index[:3]) >= {"RU-MOW", "UA-43"}
    assert top["RU-BA"] > top.median() * 3 and top["RU-DA"] > top.median() * 2

    def terms(article: str) -> pd.Series:
        has = cases["articles"].map(
            lambda a: any(x.startswith(article + " ") or x == article for x in a)
        )
        real = cases["punishment_type"].eq("imprisonment")
        return cases.loc[has & real, "sentence_months"] / 12

    # Decades for 205.5, about 5-8 years for 207.3.
    assert terms("205.5").median() >= 10
    assert 3 <= terms("207.3").median() <= 8.5
    # Many 282.2 cases end in fines or suspended terms.
    jw = cases[cases["articles"].map(lambda a: any(x.startswith("282.2") for x in a))]
    assert jw["punishment_type"].isin(["fine", "suspended"]).mean() > 0.3
    assert set(cases["regime"].dropna()) >= {"general", "strict", "special", "settlement"}
    assert set(cases["gender"]) == {"male", "female", "unknown"}


def test_names_are_visibly_invented():
    frame = demo.generate_frame(rows=200, seed=1, as_of=AS_OF)
    assert frame["name"].map(lambda n: n.split()[0].rstrip("а") in demo.SURNAMES).all()


def test_verdict_text_matches_the_values():
    sentence = demo.Sentence("imprisonment", "strict", 204.0, 48.0)
    assert demo.verdict_text(sentence) == (
        "к 17 годам с отбыванием первых 4 лет в тюрьме, остальной срок — в колонии строгого режима"
    )
    assert demo.verdict_text(demo.Sentence("imprisonment", "general", 78.0)) == (
        "к 6 годам 6 месяцам колонии общего режима"
    )
    assert demo.verdict_text(demo.Sentence("fine", fine=500000)) == (
        "к штрафу в размере 500 000 рублей"
    )
    assert demo.verdict_text(demo.Sentence("suspended", None, 36.0, None, 24.0)) == (
        "к 3 годам лишения свободы условно с испытательным сроком 2 года"
    )


def test_demo_has_measures_of_restraint_and_terms_changed_on_appeal():
    cases = demo.generate(rows=3500, as_of=AS_OF).cases
    held = cases["in_custody"].fillna(False).astype(bool)
    assert (cases.loc[held, "restraint"] == "custody").all()
    before = cases["status"].isin(["investigation", "trial"]) & ~held
    assert set(cases.loc[before, "restraint"]) == {"house_arrest", "ban_of_actions", "recognizance"}
    changed = cases.dropna(subset=["first_instance_months"])
    assert len(changed) > 50
    assert (changed["first_instance_months"] > changed["sentence_months"]).all()
    # custody agrees with status: nobody free is held
    free = cases["status"].isin(["released", "emigrated", "died"])
    assert not held[free].any()
