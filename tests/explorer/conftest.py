"""Fixtures for the data explorer: the real open data, constructed under-1 figures, an editor, fixture readers."""

import csv

import pytest

from catalogue.models import LocalAuthority
from explorer.infant_care import INFANT_CARE
from explorer.models import InfantCareFigure, LiveBirths
from explorer.open_data import OPEN_DATA, load_all


@pytest.fixture
def open_data(db):
    return load_all()


def fixture_rows(filename: str) -> list[dict]:
    """A fixture CSV as the tests read it, independently of the loader."""
    folder = INFANT_CARE if (INFANT_CARE / filename).exists() else OPEN_DATA
    with open(folder / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def make_figures(rows, *, year=2020, births=2000, england=None):
    """Under-1 starts for `rows` = [(ons_code, count or None if suppressed)], each LA with `births` live births
    in the paired calendar year; England's published count is `england` (default: the sum of the rows)."""
    total = england if england is not None else sum(count or 0 for _, count in rows)
    for code, count in rows:
        authority = LocalAuthority.objects.get(ons_code=code)
        LiveBirths.objects.update_or_create(
            area_code=code, year=year - 1, defaults={"area_name": authority.name, "live_births": births}
        )
        InfantCareFigure.objects.create(
            measure="starts",
            country="England",
            geographic_level="Local authority",
            year=year,
            area_code=code,
            area_code_as_published=code,
            area_name=authority.name,
            region_code=authority.region.code,
            count=count,
            flag="" if count is not None else "c",
            rounding="unrounded",
            publication="test",
            source_file="test",
        )
    LiveBirths.objects.update_or_create(
        area_code="E92000001", year=year - 1, defaults={"area_name": "England", "live_births": births * len(rows)}
    )
    InfantCareFigure.objects.create(
        measure="starts",
        country="England",
        geographic_level="National",
        year=year,
        area_code="E92000001",
        area_code_as_published="E92000001",
        area_name="England",
        count=total,
        rounding="test",
        publication="test",
        source_file="test",
    )


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
