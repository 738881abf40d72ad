"""Studies, evaluations and reports that entries cite and the evidence map counts."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from ..panels import CitingEntriesPanel
from .taxonomy import Outcome


class Reference(index.Indexed, ClusterableModel):
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

    class Kind(models.TextChoices):
        ARTICLE = "article", "Journal article"
        REPORT = "report", "Report"
        BOOK = "book", "Book"
        CHAPTER = "chapter", "Book chapter"
        WEBPAGE = "webpage", "Web page"
        LEGISLATION = "legislation", "Legislation"
        JUDGMENT = "judgment", "Judgment"
        GUIDANCE = "guidance", "Guidance"

    key = models.SlugField(
        "citation key",
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text="A stable short name, e.g. 'broadhurst2017-collateral'; used in citation files.",
    )
    kind = models.CharField("kind of publication", max_length=20, choices=Kind.choices, default=Kind.REPORT)
    authors = models.CharField(max_length=500, help_text="As cited, e.g. 'Broadhurst K, Mason C'.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=500)
    publisher = models.CharField("publisher or journal", max_length=300, blank=True)
    journal = models.CharField(max_length=300, blank=True, help_text="For a journal article: the journal's name.")
    volume = models.CharField(max_length=20, blank=True)
    issue = models.CharField(max_length=20, blank=True)
    pages = models.CharField(max_length=40, blank=True, help_text="e.g. '184-194', or an article number.")
    month = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 to 12, where the source gives it.")
    url = models.URLField("URL", max_length=500, blank=True, help_text="Prefer the DOI link where there is one.")
    doi = models.CharField("DOI", max_length=200, blank=True)
    design = models.CharField(max_length=20, choices=Design.choices, default=Design.OTHER)
    country = models.CharField(
        max_length=100, blank=True, help_text="Where the study took place, e.g. 'England', 'Wales', 'United States'."
    )
    sample_size = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Participants analysed (parents, families or babies); blank for reviews or when not reported.",
    )
    # Edited through the "outcomes measured" inline (ReferenceOutcome, which also records the direction
    # of effect); the many-to-many is kept so that queries and `outcomes.set()` read naturally.
    outcomes = models.ManyToManyField(Outcome, through="ReferenceOutcome", blank=True, related_name="references")

    panels = [
        FieldPanel("kind"),
        FieldPanel("authors"),
        FieldPanel("year"),
        FieldPanel("month"),
        FieldPanel("title"),
        FieldPanel("publisher"),
        FieldPanel("journal"),
        FieldPanel("volume"),
        FieldPanel("issue"),
        FieldPanel("pages"),
        FieldPanel("url"),
        FieldPanel("doi"),
        FieldPanel("design"),
        FieldPanel("country"),
        FieldPanel("sample_size"),
        FieldPanel("key"),
        InlinePanel(
            "outcome_findings",
            heading="Outcomes measured",
            label="Outcome",
            help_text="Each outcome the study measured, and the direction of effect it found.",
        ),
        CitingEntriesPanel(heading="Entries that cite this study"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("authors"),
        index.AutocompleteField("title"),
        index.AutocompleteField("authors"),  # the reference chooser's search box finds a study by its author
        index.FilterField("design"),
        index.FilterField("year"),
        index.FilterField("kind"),
        index.FilterField("country"),
    ]

    class Meta:
        ordering = ["-year", "title"]

    def __str__(self):
        return f"{self.authors} ({self.year or 'n.d.'}) {self.title}"

    @property
    def link(self) -> str:
        return self.url or (f"https://doi.org/{self.doi}" if self.doi else "")


class ReferenceOutcome(Orderable):
    """One outcome a study measured, with the direction of effect it reported for that outcome."""

    class Direction(models.TextChoices):
        BENEFIT = "benefit", "Benefit"
        NO_DIFFERENCE = "no_difference", "No difference"
        HARM = "harm", "Harm"
        MIXED = "mixed", "Mixed"
        # For studies entered before directions were recorded (and demo data): never guess an effect.
        NOT_RECORDED = "not_recorded", "Not recorded"

    reference = ParentalKey(Reference, on_delete=models.CASCADE, related_name="outcome_findings")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="findings")
    direction = models.CharField(
        "direction of effect", max_length=20, choices=Direction.choices, default=Direction.NOT_RECORDED
    )

    panels = [FieldPanel("outcome"), FieldPanel("direction")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["reference", "outcome"], name="unique_reference_outcome")]
        verbose_name = "outcome measured"
        verbose_name_plural = "outcomes measured"

    def __str__(self):
        return f"{self.outcome}: {self.get_direction_display()}"
