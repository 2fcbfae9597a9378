"""Shared fixtures, and the Chrome options dash[testing] uses for browser tests.

Browser tests run Debian's chromium through its chromedriver (both on PATH after
`apt-get install chromium chromium-driver`); nothing is downloaded.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from data import demo

FIXTURES = Path(__file__).parent / "fixtures"
AS_OF = date(2026, 11, 1)  # fixed, so tests see the same demo data whatever the day


def pytest_setup_options():
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in (
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1800",
    ):
        options.add_argument(argument)
    return options


@pytest.fixture(scope="session")
def dataset():
    """A small demo dataset: big enough for every chart, small enough to be fast."""
    return demo.generate(rows=900, seed=11, as_of=AS_OF)


@pytest.fixture(scope="session")
def sample_csv() -> Path:
    return FIXTURES / "canonical_sample.csv"
