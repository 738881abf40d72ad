"""Research questions: what the evidence cannot yet answer, kept by editors and shown on the map."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from catalogue.models import AreaOfPractice, EntryPage, Outcome


def validate_data_explorer_path(value: str):
    """Only links into our own data explorer: a site path starting /data/, never another site."""
    if not value.startswith("/data/") or "//" in value or any(char.isspace() for char in value):
        raise ValidationError("Give a path on this site that starts with /data/, e.g. /data/regions/.")


class ResearchQuestion(index.Indexed, ClusterableModel):
    """A question the field asked that the catalogue's evidence cannot yet answer (or only in part)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open: no study answers it yet"
        UNDER_WAY = "under_way", "Research under way"
        PARTLY_ANSWERED = "partly_answered", "Partly answered"
        ANSWERED = "answered", "Answered"

    title = models.CharField(max_length=255, unique=True, help_text="The question, in plain English.")
    explanation = models.TextField(help_text="Why it matters and what is known so far.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    outcomes = ParentalManyToManyField(
        Outcome, blank=True, related_name="research_questions", help_text="Evidence-map columns this question is about."
    )
    areas = ParentalManyToManyField(
        AreaOfPractice,
        blank=True,
        related_name="research_questions",
        help_text="Evidence-map row groups this question is about.",
    )
    data_explorer_path = models.CharField(
        "data explorer view",
        max_length=300,
        blank=True,
        validators=[validate_data_explorer_path],
        help_text="Optional: a path on this site starting /data/ that shows the relevant figures.",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")
    entries = models.ManyToManyField(
        EntryPage, through="ResearchQuestionEntry", blank=True, related_name="research_questions"
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("explanation"),
        FieldPanel("status"),
        FieldPanel("sort_order"),
        FieldPanel("outcomes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
        FieldPanel("data_explorer_path"),
        InlinePanel("entry_links", heading="Related entries", label="Entry"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("explanation"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = "research question"

    def __str__(self):
        return self.title


class ResearchQuestionEntry(Orderable):
    """A catalogue entry that bears on a research question."""

    question = ParentalKey(ResearchQuestion, on_delete=models.CASCADE, related_name="entry_links")
    entry = models.ForeignKey(EntryPage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("entry")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["question", "entry"], name="unique_question_entry")]
