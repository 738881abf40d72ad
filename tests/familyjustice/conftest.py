"""Fixtures for the family-justice pages: the explorer's open data plus fixtures/seed-questions/, and readers
of the fixture CSVs so tests compare pages with the files rather than with numbers typed into the test."""

import csv
from pathlib import Path

import pytest

from explorer.open_data import load_all as load_open_data
from familyjustice.loading import load_all as load_family_justice

ROOT = Path(__file__).resolve().parents[2] / "fixtures"


def fixture_rows(folder: str, filename: str) -> list[dict]:
    with open(ROOT / folder / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def family_justice(db):
    return load_family_justice()


@pytest.fixture
def all_data(db):
    load_open_data()
    return load_family_justice()
