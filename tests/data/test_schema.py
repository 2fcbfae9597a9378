from data.schema import COLUMN_NAMES, COLUMNS, REQUIRED_COLUMNS, Kind


def test_schema_matches_formats_md_column_order():
    assert COLUMN_NAMES == (
        "person_id",
        "case_id",
        "source",
        "name",
        "gender",
        "birth_year",
        "region_code",
        "city",
        "imprisonment_region_code",
        "facility",
        "articles",
        "case_group",
        "theme",
        "persecution_start",
        "custody_date",
        "verdict_date",
        "punishment_type",
        "regime",
        "sentence_months",
        "first_instance_months",
        "prison_months",
        "probation_months",
        "fine_rub",
        "status",
        "in_custody",
        "restraint",
        "recognized_political_prisoner",
        "source_url",
        "verdict_text",
    )


def test_required_columns():
    assert REQUIRED_COLUMNS == ("person_id", "source", "region_code")


def test_categories_are_declared_for_category_columns():
    for column in COLUMNS:
        assert bool(column.categories) == (column.kind is Kind.CATEGORY), column.name
    by_name = {c.name: c for c in COLUMNS}
    assert "none_yet" in by_name["punishment_type"].categories
    assert by_name["regime"].categories[-1] == "unknown"
    assert set(by_name["status"].categories) == {
        "investigation",
        "trial",
        "serving",
        "released",
        "emigrated",
        "died",
        "unknown",
    }


def test_numeric_columns_have_bounds():
    for column in COLUMNS:
        if column.kind in (Kind.INT, Kind.FLOAT):
            assert column.minimum is not None and column.maximum is not None, column.name
