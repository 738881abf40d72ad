"""Catalogue entries: interventions, guidance and case studies on one shared base."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from ..blocks import EntryBodyBlock
from ..extensions import ENTRY_ROUTES_HOOK, EntryFormFromHooks, RegisteredRoutesMixin
from ..panels import FormFieldPanel
from .entry_data import attach_classification, related_pages, restrictions_for
from .facts import DeliverySetting, ProgrammeFacts
from .rating import GuidanceStatus
from .references import Reference
from .taxonomy import AreaOfPractice, EvidenceLevel, LocalAuthority, Region, Stage, Topic

REVIEW_INTERVAL_DAYS = 365 * 2


class EntryPage(RegisteredRoutesMixin, EntryFormFromHooks, Page):
    """
    What every catalogue entry shares. A concrete (multi-table) base rather than an abstract one,
    so that filters, facet counts, exports and the API query one table and one set of taxonomy
    links instead of three. Feature apps add routes (versions, citations), edit-form rules and page
    sections through hooks (see `catalogue.extensions`).
    """

    routes_hook = ENTRY_ROUTES_HOOK

    summary = models.TextField(max_length=600, help_text="Two or three plain-English sentences shown in results.")
    body = StreamField(EntryBodyBlock(), blank=True, help_text="The full description.")

    areas = ParentalManyToManyField(AreaOfPractice, related_name="entries", help_text="Area(s) of practice.")
    stages = ParentalManyToManyField(Stage, blank=True, related_name="entries")
    topics = ParentalManyToManyField(Topic, blank=True, related_name="entries")
    regions = ParentalManyToManyField(
        Region, blank=True, related_name="entries", help_text="Where it applies or is delivered."
    )
    local_authorities = ParentalManyToManyField(LocalAuthority, blank=True, related_name="entries")
    references = ParentalManyToManyField(Reference, blank=True, related_name="entries")
    # Filled for interventions only (catalogue/models/facts.py); here so the facet registry can read it.
    delivery_settings = ParentalManyToManyField(
        DeliverySetting, blank=True, related_name="entries", help_text="Where the programme is delivered (one or more)."
    )

    evidence_level = models.ForeignKey(
        EvidenceLevel,
        on_delete=models.PROTECT,
        null=True,
        related_name="entries",
        help_text="See 'How we rate evidence'.",
    )
    evidence_rationale = models.TextField(blank=True, help_text="Why this rating: the studies and their quality.")
    evidence_rated_on = models.DateField(null=True, blank=True)
    last_reviewed = models.DateField(null=True, blank=True, help_text="When the content was last checked.")
    next_review_due = models.DateField(null=True, blank=True, help_text="Defaults to two years after the last review.")
    # Wagtail's publish log has no message field; this one is stored in each revision, so every
    # published version keeps the summary written for it (shown in the public version history).
    change_summary = models.CharField(
        "what changed in this version",
        max_length=255,
        blank=True,
        help_text="Shown publicly in the entry's version history when you publish, e.g. 'Added the 2025 evaluation'.",
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),  # the summary's own column, weighted apart (search/fulltext/weights.py)
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("areas", [index.SearchField("name")]),
        index.FilterField("evidence_level"),
    ]

    # Small vocabularies as checkboxes (no Ctrl-click); the editorial form makes the long lists filterable.
    classification_panels = [
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("local_authorities"),
    ]
    evidence_panels = [
        MultiFieldPanel(
            [FieldPanel("evidence_level"), FieldPanel("evidence_rationale"), FieldPanel("evidence_rated_on")],
            heading="Evidence rating",
        ),
        # Chosen in order through a searchable chooser that can add a new reference (catalogue/models/cited.py).
        MultipleChooserPanel(
            "cited_references",
            chooser_field_name="reference",
            heading="References",
            label="Reference",
            help_text="The studies, evaluations and reports the rating and text rely on.",
        ),
        FormFieldPanel("find_reference"),  # declared by the editorial app's form, if installed
        FormFieldPanel("paste_references"),  # declared by the editorial app's form, if installed
        InlinePanel("rating_basis", heading="What the rating rests on", label="Study"),
        MultiFieldPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")], heading="Review"),
    ]
    related_panels = [InlinePanel("related_entries", label="Related entries and case studies")]

    parent_page_types = ["catalogue.CatalogueIndexPage"]
    subpage_types = []
    is_creatable = False
    entry_type_label = "Entry"

    class Meta:
        verbose_name = "catalogue entry"

    @classmethod
    def build_edit_handler(cls, type_panels):
        return TabbedInterface(
            [
                ObjectList(
                    Page.content_panels
                    + [FieldPanel("summary")]
                    + type_panels
                    + [FieldPanel("body"), FieldPanel("change_summary")],
                    heading="Content",
                ),
                ObjectList(cls.classification_panels, heading="Classification"),
                ObjectList(cls.evidence_panels, heading="Evidence and review"),
                ObjectList(cls.related_panels, heading="Related"),
                ObjectList(Page.promote_panels, heading="Promote"),
                ObjectList(Page.settings_panels, heading="Settings"),
            ]
        )

    def clean(self):
        super().clean()
        level = self.evidence_level
        if level is None:
            raise ValidationError({"evidence_level": "Choose an evidence level ('Not yet rated' if unsure)."})
        if level.kind != EvidenceLevel.Kind.UNRATED:
            errors = {}
            if not self.evidence_rationale.strip():
                errors["evidence_rationale"] = "Explain the rating: which studies, and how strong they are."
            if not self.evidence_rated_on:
                errors["evidence_rated_on"] = "Give the date the rating was made."
            if errors:
                raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.last_reviewed and not self.next_review_due:
            self.next_review_due = self.last_reviewed + datetime.timedelta(days=REVIEW_INTERVAL_DAYS)
        super().save(*args, **kwargs)

    def get_view_restrictions(self):
        """Wagtail's check before serving, from the per-version memo: no query for an unrestricted entry."""
        if self.alias_of_id:
            return super().get_view_restrictions()
        ids = restrictions_for(self)
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()

    def key_facts(self) -> list[tuple[str, str]]:
        """Type-specific facts for the summary box, as (label, text) pairs; empty ones left out."""
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attach_classification(self)  # first: an intervention's facts read its delivery settings from it
        context["key_facts"] = [(label, value) for label, value in self.key_facts() if value]
        related = related_pages(self)
        context["related_entries"] = [p for p in related if not isinstance(p, CaseStudyPage)]
        context["related_case_studies"] = [p for p in related if isinstance(p, CaseStudyPage)]
        return context


class RelatedEntry(Orderable):
    """A link from one entry to another entry or case study, in the editor's order."""

    page = ParentalKey(EntryPage, on_delete=models.CASCADE, related_name="related_entries")
    related = models.ForeignKey(EntryPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related")]


class InterventionPage(ProgrammeFacts, EntryPage):
    """A programme, service or practice model, peri-natal or post-removal."""

    provider = models.CharField("delivered by", max_length=255, blank=True)
    target_population = models.TextField(blank=True, help_text="Who it is for.")
    delivery = models.TextField("how it is delivered", blank=True, help_text="Setting, duration, intensity, staffing.")
    cost = models.CharField(max_length=255, blank=True, help_text="Published cost information, with its source.")
    website = models.URLField(max_length=500, blank=True)
    contact = models.CharField(max_length=255, blank=True)

    search_fields = EntryPage.search_fields + [index.SearchField("provider"), index.SearchField("target_population")]
    edit_handler = EntryPage.build_edit_handler(ProgrammeFacts.facts_panels)
    template = "catalogue/entry_page.html"
    entry_type_label = "Intervention"

    def key_facts(self):
        return self.programme_facts()

    class Meta:
        verbose_name = "intervention"


class GuidancePage(EntryPage):
    """National or local guidance, procedure, practice direction or best-practice guideline."""

    class Jurisdiction(models.TextChoices):
        ENGLAND = "england", "England"
        WALES = "wales", "Wales"
        ENGLAND_AND_WALES = "england-wales", "England and Wales"
        LOCAL = "local", "Local"

    class Status(models.TextChoices):
        CURRENT = "current", "Current"
        SUPERSEDED = "superseded", "Superseded"
        CONSULTATION = "consultation", "Draft for consultation"

    issuing_body = models.CharField(max_length=255)
    jurisdiction = models.CharField(max_length=20, choices=Jurisdiction.choices, default=Jurisdiction.ENGLAND)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CURRENT)
    guidance_status = models.CharField(
        "kind of document",
        max_length=30,
        choices=GuidanceStatus.choices,
        blank=True,
        help_text="Shown instead of an evidence rating.",
    )
    publication_date = models.DateField(null=True, blank=True)
    version = models.CharField(max_length=60, blank=True)
    source_url = models.URLField("link to the source document", max_length=500, blank=True)

    search_fields = EntryPage.search_fields + [index.SearchField("issuing_body")]
    edit_handler = EntryPage.build_edit_handler(
        [
            FieldPanel("issuing_body"),
            FieldPanel("jurisdiction"),
            FieldPanel("status"),
            FieldPanel("guidance_status"),
            FieldPanel("publication_date"),
            FieldPanel("version"),
            FieldPanel("source_url"),
        ]
    )
    template = "catalogue/entry_page.html"
    entry_type_label = "Guidance"

    def key_facts(self):
        published = self.publication_date.strftime("%-d %B %Y") if self.publication_date else ""
        return [
            ("Issued by", self.issuing_body),
            ("Applies in", self.get_jurisdiction_display()),
            ("Status", self.get_status_display()),
            ("Published", published),
            ("Version", self.version),
        ]

    class Meta:
        verbose_name = "guidance"
        verbose_name_plural = "guidance"


class CaseStudyPage(EntryPage):
    """A good-practice example from a named area. Carries practice evidence, never a research tier."""

    area_name = models.CharField("area", max_length=255, help_text="The local area or service described.")
    is_fictional = models.BooleanField(
        "illustrative (fictional area)",
        default=False,
        help_text="Tick when the area is invented to illustrate practice.",
    )
    period = models.CharField(max_length=120, blank=True, help_text="e.g. 2019 to 2023")
    what_changed = models.TextField(blank=True, help_text="What changed for families and services.")
    contact = models.CharField(max_length=255, blank=True)

    search_fields = EntryPage.search_fields + [index.SearchField("area_name")]
    edit_handler = EntryPage.build_edit_handler(
        [
            FieldPanel("area_name"),
            FieldPanel("is_fictional"),
            FieldPanel("period"),
            FieldPanel("what_changed"),
            FieldPanel("contact"),
        ]
    )
    template = "catalogue/entry_page.html"
    entry_type_label = "Case study"

    def key_facts(self):
        area = f"{self.area_name} (illustrative: a fictional area)" if self.is_fictional else self.area_name
        return [("Area", area), ("Period", self.period), ("What changed", self.what_changed), ("Contact", self.contact)]

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"

    def clean(self):
        super().clean()
        if self.evidence_level and self.evidence_level.kind == EvidenceLevel.Kind.RESEARCH:
            raise ValidationError(
                {
                    "evidence_level": "Case studies carry practice evidence: choose "
                    "'Practice-informed' or 'Not yet rated'."
                }
            )


# law.py adds "legislation", "judgment" and "practice-tool" (it subclasses EntryPage, so it cannot be imported here).
ENTRY_TYPES = {"intervention": InterventionPage, "guidance": GuidancePage, "case-study": CaseStudyPage}
