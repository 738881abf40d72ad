"""
Factories for every page type, snippet and StreamField block (wagtail-factories).

Taxonomies on entries come from the seeded vocabularies, given as slug lists
(`areas=["post-removal-support"]`); the snippet factories make new terms for tests that need their
own. Entry bodies: `InterventionPageFactory(body__0__heading="Aims", body__1__key_points__points__0="...")`,
or `body__0="quote"` for a block with its factory's defaults. Pages need a parent:
`HomePageFactory(parent=root)`, `CatalogueIndexPageFactory(parent=home)`, `InterventionPageFactory(parent=catalogue)`.
"""

import datetime

import factory
import wagtail_factories
from wagtail import blocks

from catalogue.blocks import EntryBodyBlock, KeyPointsBlock, QuoteBlock
from catalogue.models import (
    AreaOfPractice,
    CaseStudyPage,
    CatalogueIndexPage,
    EvidenceLevel,
    GuidancePage,
    InterventionPage,
    JudgmentPage,
    LegislationPage,
    LocalAuthority,
    Outcome,
    PracticeToolPage,
    Reference,
    ReferenceOutcome,
    Region,
    SearchSynonymGroup,
    Stage,
    Topic,
)
from evidencemap.models import ResearchQuestion
from explorer.models import TrendEvent
from website.models import HomePage, StandardPage

# StreamField blocks of an entry's body.


class RichTextBlockFactory(wagtail_factories.blocks.BlockFactory):
    value = "<p>A paragraph of the entry.</p>"

    class Meta:
        model = blocks.RichTextBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        # The block stores its HTML source; clean() expects the RichText object an editor's form gives.
        return block_class().to_python(kwargs["value"])


class KeyPointsBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Key points"
    points = wagtail_factories.ListBlockFactory(wagtail_factories.CharBlockFactory)

    class Meta:
        model = KeyPointsBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    quote = "We were listened to."
    attribution = "A mother"

    class Meta:
        model = QuoteBlock


class EntryBodyBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(wagtail_factories.CharBlockFactory)
    paragraph = factory.SubFactory(RichTextBlockFactory)
    key_points = factory.SubFactory(KeyPointsBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)

    class Meta:
        model = EntryBodyBlock


# Site pages.


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Born into Care"
    introduction = "Evidence and practice on state intervention at birth."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "An introduction."
    body = "<p>The body of the page.</p>"

    class Meta:
        model = StandardPage


class CatalogueIndexPageFactory(wagtail_factories.PageFactory):
    title = "Catalogue"
    slug = "catalogue"

    class Meta:
        model = CatalogueIndexPage


def _set_terms(page, model, slugs, field):
    if slugs is not None:
        getattr(page, field).set(list(model.objects.filter(slug__in=slugs)))


class EntryFactoryMixin(factory.Factory):
    """Shared fields; taxonomies given as slug lists, e.g. areas=["post-removal-support"]."""

    title = factory.Sequence(lambda n: f"Entry {n}")
    summary = factory.Faker("sentence", nb_words=20)
    body = wagtail_factories.StreamFieldFactory(EntryBodyBlockFactory)
    evidence_level = factory.LazyAttribute(lambda o: EvidenceLevel.objects.get(slug=o.evidence))
    evidence_rationale = factory.LazyAttribute(lambda o: "" if o.evidence == "not-yet-rated" else "Test rationale.")
    evidence_rated_on = factory.LazyAttribute(
        lambda o: None if o.evidence == "not-yet-rated" else datetime.date(2026, 9, 1)
    )
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


class LegislationPageFactory(EntryFactoryMixin, wagtail_factories.PageFactory):
    act = "Children Act 1989"
    section = "section 44"
    power = "An order for the emergency protection of a child."
    legislation_url = "https://www.legislation.gov.uk/ukpga/1989/41/section/44"

    class Meta:
        model = LegislationPage
        skip_postgeneration_save = True


class JudgmentPageFactory(EntryFactoryMixin, wagtail_factories.PageFactory):
    court = "Court of Appeal (Civil Division)"
    neutral_citation = factory.Sequence(lambda n: f"[2013] EWCA Civ {1000 + n}")
    decided_on = datetime.date(2013, 9, 17)
    principle = "The principle the judgment decided."
    judgment_url = "https://www.bailii.org/ew/cases/EWCA/Civ/2013/1146.html"

    class Meta:
        model = JudgmentPage
        skip_postgeneration_save = True


class PracticeToolPageFactory(EntryFactoryMixin, wagtail_factories.PageFactory):
    purpose = "Structured pre-birth assessment."
    publisher = "A safeguarding partnership"
    published = "2020"
    tool_url = "https://www.example.org/pre-birth-protocol"

    class Meta:
        model = PracticeToolPage
        skip_postgeneration_save = True


class ReferenceFactory(factory.django.DjangoModelFactory):
    authors = "Author A"
    year = 2020
    title = factory.Sequence(lambda n: f"Study {n}")
    design = Reference.Design.QUALITATIVE

    class Meta:
        model = Reference


class ReferenceOutcomeFactory(factory.django.DjangoModelFactory):
    """A study's finding on one outcome: ReferenceOutcomeFactory(reference=study, outcome=outcome)."""

    reference = factory.SubFactory(ReferenceFactory)
    outcome = factory.SubFactory("tests.factories.OutcomeFactory")
    direction = ReferenceOutcome.Direction.BENEFIT

    class Meta:
        model = ReferenceOutcome


# Snippets: the vocabularies, evidence levels, local authorities and research questions.


class TermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Test term {n}")
    slug = factory.Sequence(lambda n: f"test-term-{n}")
    description = "A term made for a test."
    sort_order = 900

    class Meta:
        abstract = True


class AreaOfPracticeFactory(TermFactory):
    class Meta:
        model = AreaOfPractice


class StageFactory(TermFactory):
    class Meta:
        model = Stage


class TopicFactory(TermFactory):
    class Meta:
        model = Topic


class OutcomeFactory(TermFactory):
    class Meta:
        model = Outcome


class RegionFactory(TermFactory):
    kind = Region.Kind.REGION

    class Meta:
        model = Region


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Test authority {n}")
    ons_code = factory.Sequence(lambda n: f"E99{n:06d}")
    country = "England"
    region = factory.SubFactory(RegionFactory)

    class Meta:
        model = LocalAuthority


class EvidenceLevelFactory(factory.django.DjangoModelFactory):
    rank = factory.Sequence(lambda n: 100 + n)
    name = factory.Sequence(lambda n: f"Test level {n}")
    slug = factory.Sequence(lambda n: f"test-level-{n}")
    kind = EvidenceLevel.Kind.RESEARCH
    description = "A rule made for a test."

    class Meta:
        model = EvidenceLevel


class ResearchQuestionFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Test research question {n}?")
    explanation = "Why it matters, for a test."
    status = ResearchQuestion.Status.OPEN

    class Meta:
        model = ResearchQuestion


class SearchSynonymGroupFactory(factory.django.DjangoModelFactory):
    """Terms one a line, as editors write them: `SearchSynonymGroupFactory(terms="s20\\nsection 20")`."""

    terms = factory.Sequence(lambda n: f"testword{n}a\ntestword{n}b")
    note = "A group made for a test."

    class Meta:
        model = SearchSynonymGroup


class TrendEventFactory(factory.django.DjangoModelFactory):
    """A dated change beside the national trends; the source link is required, as in the admin."""

    date = datetime.date(2020, 6, 1)
    title = factory.Sequence(lambda n: f"Test change {n}")
    description = "What changed, for a test."
    source_title = "A test source"
    source_url = factory.Sequence(lambda n: f"https://example.org/source/{n}")

    class Meta:
        model = TrendEvent
