"""Factories for catalogue content; taxonomies come from the seeded vocabularies."""

import datetime

import factory
import wagtail_factories

from catalogue.models import (
    AreaOfPractice,
    CaseStudyPage,
    EvidenceLevel,
    GuidancePage,
    InterventionPage,
    Reference,
    Region,
    Stage,
    Topic,
)


def _set_terms(page, model, slugs, field):
    if slugs is not None:
        getattr(page, field).set(list(model.objects.filter(slug__in=slugs)))


class EntryFactoryMixin(factory.Factory):
    """Shared fields; taxonomies given as slug lists, e.g. areas=["post-removal-support"]."""

    title = factory.Sequence(lambda n: f"Entry {n}")
    summary = factory.Faker("sentence", nb_words=20)
    evidence_level = factory.LazyAttribute(lambda o: EvidenceLevel.objects.get(slug=o.evidence))
    evidence_rationale = factory.LazyAttribute(lambda o: "" if o.evidence == "not-yet-rated" else "Test rationale.")
    evidence_rated_on = factory.LazyAttribute(
        lambda o: None if o.evidence == "not-yet-rated" else datetime.date(2026, 9, 1))
    last_reviewed = datetime.date(2026, 10, 1)

    class Meta:
        abstract = True

    class Params:
        evidence = "not-yet-rated"

    @factory.post_generation
    def areas(page, create, slugs, **kwargs):
        _set_terms(page, AreaOfPractice, slugs if slugs is not None else ["peri-natal-intervention"], "areas")

    @factory.post_generation
    def stages(page, create, slugs, **kwargs):
        _set_terms(page, Stage, slugs, "stages")

    @factory.post_generation
    def regions(page, create, slugs, **kwargs):
        _set_terms(page, Region, slugs, "regions")

    @factory.post_generation
    def topics(page, create, slugs, **kwargs):
        _set_terms(page, Topic, slugs, "topics")

    @factory.post_generation
    def publish(page, create, value, **kwargs):
        # Save the M2M values into a revision and publish it, as an editor would.
        if create and value is not False:
            page.save_revision().publish()


class InterventionPageFactory(EntryFactoryMixin, wagtail_factories.PageFactory):
    provider = "A provider"

    class Meta:
        model = InterventionPage
        skip_postgeneration_save = True


class GuidancePageFactory(EntryFactoryMixin, wagtail_factories.PageFactory):
    issuing_body = "Department for Education"

    class Meta:
        model = GuidancePage
        skip_postgeneration_save = True


class CaseStudyPageFactory(EntryFactoryMixin, wagtail_factories.PageFactory):
    area_name = "Northvale (fictional)"
    is_fictional = True

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True


class ReferenceFactory(factory.django.DjangoModelFactory):
    authors = "Author A"
    year = 2020
    title = factory.Sequence(lambda n: f"Study {n}")
    design = Reference.Design.QUALITATIVE

    class Meta:
        model = Reference
