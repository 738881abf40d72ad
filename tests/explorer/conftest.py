"""Fixtures for the data explorer: the open data, the synthetic dataset, constructed datasets, an editor."""

import pytest

from catalogue.models import LocalAuthority
from explorer.models import LiveBirths, NewbornCount, NewbornDataset
from explorer.open_data import load_all
from explorer.synthetic import ensure_synthetic_dataset


@pytest.fixture
def open_data(db):
    return load_all()


@pytest.fixture
def synthetic(open_data):
    return ensure_synthetic_dataset()


def make_dataset(rows, *, year=2020, births=2000, title="Constructed test dataset", synthetic=False):
    """A dataset with `rows` = [(ons_code, count)], every LA given `births` live births in `year`."""
    dataset = NewbornDataset.objects.create(title=title, source="Test", licence="Test licence",
                                            definition="Test definition", is_synthetic=synthetic)
    for code, count in rows:
        authority = LocalAuthority.objects.get(ons_code=code)
        LiveBirths.objects.update_or_create(area_code=code, year=year,
                                            defaults={"area_name": authority.name, "live_births": births})
        NewbornCount.objects.create(dataset=dataset, local_authority=authority, year=year,
                                    babies_under_one_week=count)
    return dataset


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
