from datetime import date

import pandas as pd
import pytest

from data.__main__ import main
from data.loader import load_canonical
from data.schema import COLUMN_NAMES
from data.writer import write_canonical


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_round_trip_through_the_loader(tmp_path, dataset, suffix):
    path = tmp_path / f"demo{suffix}"
    write_canonical(dataset.cases, path)
    again, report = load_canonical(path)
    assert report.issues == ()
    canonical = list(COLUMN_NAMES)
    pd.testing.assert_frame_equal(again.cases[canonical], dataset.cases[canonical])


def test_csv_has_a_bom_for_spreadsheets(tmp_path, dataset):
    path = tmp_path / "demo.csv"
    write_canonical(dataset.cases, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfperson_id,case_id,source")


def test_cli_writes_the_demo(tmp_path, capsys):
    out = tmp_path / "demo.csv"
    assert (
        main(["demo", "--rows", "250", "--seed", "3", "--as-of", "2026-11-01", "--out", str(out)])
        == 0
    )
    assert f"{out}: 250 prosecutions of" in capsys.readouterr().out
    dataset, _ = load_canonical(out)
    assert len(dataset.cases) == 250 and dataset.synthetic
    assert dataset.cases["custody_date"].max() <= pd.Timestamp(date(2026, 11, 1))
