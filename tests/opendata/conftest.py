import pytest
from wagtail.models import PageViewRestriction

from catalogue.indexing import index_once_at_the_end
from demo.site_tree import ensure_site_tree
from tests.conftest import built_once_for_the_module
from tests.factories import GuidancePageFactory, InterventionPageFactory


@pytest.fixture(scope="module")
def _mixed_catalogue(django_db_setup, django_db_blocker):
    yield from built_once_for_the_module(django_db_blocker, _build_mixed_catalogue)


@pytest.fixture
def mixed_catalogue(db, _mixed_catalogue):
    """
    Published entries across areas and regions, plus a draft and a private entry that must never show: built
    once a module (tests only read them), fetched afresh for each test.
    """
    return {
        name: [page.specific_class.objects.get(pk=page.pk) for page in value]
        if isinstance(value, list)
        else value.specific_class.objects.get(pk=value.pk)
        for name, value in _mixed_catalogue.items()
    }


def _build_mixed_catalogue():
    # Each entry is saved three times or more on its way: indexed once, when the catalogue is built.
    with index_once_at_the_end():
        return _mixed_entries()


def _mixed_entries():
    _, catalogue = ensure_site_tree()
    published = [
        InterventionPageFactory(
            parent=catalogue,
            title=f"Parent support {n}",
            areas=["post-removal-support"],
            regions=["north-west"] if n % 2 else ["london"],
            evidence="promising",
        )
        for n in range(6)
    ] + [
        GuidancePageFactory(
            parent=catalogue,
            title=f"Pre-birth guidance {n}",
            areas=["pre-birth-assessment"],
            evidence="not-yet-rated",
        )
        for n in range(4)
    ]
    draft = InterventionPageFactory(
        parent=catalogue,
        title="Draft parent support",
        live=False,
        publish=False,
        areas=["post-removal-support"],
        regions=["north-west"],
    )
    draft.save()  # its taxonomy links are in the database too, so only `live` keeps it out
    withdrawn = InterventionPageFactory(
        parent=catalogue, title="Withdrawn parent support", areas=["post-removal-support"], regions=["north-west"]
    )
    withdrawn.unpublish()
    private = InterventionPageFactory(
        parent=catalogue, title="Private parent support", areas=["post-removal-support"], regions=["north-west"]
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"published": published, "draft": draft, "private": private, "withdrawn": withdrawn}


HIDDEN_TITLES = ("Draft parent support", "Private parent support", "Withdrawn parent support")
