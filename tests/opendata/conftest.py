import pytest
from wagtail.models import PageViewRestriction

from tests.factories import GuidancePageFactory, InterventionPageFactory


@pytest.fixture
def mixed_catalogue(catalogue, django_capture_on_commit_callbacks):
    """Published entries across areas and regions, plus a draft and a private entry that must never show."""
    with django_capture_on_commit_callbacks(execute=True):
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
