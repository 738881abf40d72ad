"""Fixtures for the data explorer: the real open data, constructed under-1 figures, an editor, fixture readers."""

import csv

import pytest

from catalogue.models import LocalAuthority
from demo.site_tree import ensure_data_page, ensure_site_tree
from explorer.loading import load_all
from explorer.loading.family_justice import SEED_QUESTIONS
from explorer.loading.family_justice import load_family_justice as load_family_justice_only
from explorer.loading.infant_care import INFANT_CARE
from explorer.loading.open_data import OPEN_DATA
from explorer.models import InfantCareFigure, LiveBirths


@pytest.fixture(autouse=True)
def data_page(request):
    """The data wing's pages are routes of the data page: every test here has one (its site tree's)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return None  # the migration tests rebuild tables themselves
    if marker is None and "db" not in request.fixturenames:
        return None  # a test of pure functions touches no database
    request.getfixturevalue("db")
    home, _ = ensure_site_tree()
    return ensure_data_page(home)


@pytest.fixture
def open_data(db):
    return load_all()


ROOT = SEED_QUESTIONS.parent  # fixtures/


def fixture_rows(folder_or_filename: str, filename: str | None = None) -> list[dict]:
    """A fixture CSV as the tests read it, independently of the loader: fixture_rows("file.csv") from
    fixtures/infant-care/ or open-data/, or fixture_rows("seed-questions", "file.csv")."""
    if filename is not None:
        path = ROOT / folder_or_filename / filename
    else:
        filename = folder_or_filename
        path = (INFANT_CARE if (INFANT_CARE / filename).exists() else OPEN_DATA) / filename
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def family_justice(db):
    """The family justice tables only (fixtures/seed-questions/)."""
    return load_family_justice_only()


@pytest.fixture
def all_data(db):
    """Every dataset /data/ shows."""
    return load_all()


# Every dataset, loaded once for all the tests that only read it, in any module, and rolled back after the last
# of them; each test still runs in its own savepoint (tests/shared_builds.py). A module or class whose tests
# only read the data overrides `all_data` with `def all_data(all_data_once)`.


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
