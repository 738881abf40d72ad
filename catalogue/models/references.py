"""Studies, evaluations and reports that entries cite and the evidence map counts."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .taxonomy import Outcome


class Reference(index.Indexed, models.Model):
    """A study, evaluation or report, with its design and the outcomes it measured."""

    class Design(models.TextChoices):
        RCT = "rct", "Randomised controlled trial"
        QUASI_EXPERIMENTAL = "quasi", "Quasi-experimental"
        PRE_POST = "pre_post", "Pre/post"
        QUALITATIVE = "qualitative", "Qualitative"
        SYSTEMATIC_REVIEW = "review", "Systematic or scoping review"
        AUDIT = "audit", "Audit or case review"
        PROCESS_EVALUATION = "process", "Process or implementation evaluation"
        GUIDANCE = "guidance", "Guidance or policy document"
        OTHER = "other", "Other"

    authors = models.CharField(max_length=500, help_text="As cited, e.g. 'Broadhurst K, Mason C'.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=500)
    publisher = models.CharField("publisher or journal", max_length=300, blank=True)
    url = models.URLField("URL", max_length=500, blank=True, help_text="Prefer the DOI link where there is one.")
    doi = models.CharField("DOI", max_length=200, blank=True)
    design = models.CharField(max_length=20, choices=Design.choices, default=Design.OTHER)
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="references",
                                      help_text="Outcomes this study measured.")

    panels = [
        FieldPanel("authors"), FieldPanel("year"), FieldPanel("title"), FieldPanel("publisher"),
        FieldPanel("url"), FieldPanel("doi"), FieldPanel("design"), FieldPanel("outcomes"),
    ]
    search_fields = [
        index.SearchField("title"), index.SearchField("authors"), index.AutocompleteField("title"),
        index.FilterField("design"), index.FilterField("year"),
    ]

    class Meta:
        ordering = ["-year", "title"]

    def __str__(self):
        return f"{self.authors} ({self.year or 'n.d.'}) {self.title}"

    @property
    def link(self) -> str:
        return self.url or (f"https://doi.org/{self.doi}" if self.doi else "")
