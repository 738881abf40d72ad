"""
The data behind the questions practitioners asked about variation between areas: Designated Family
Judge (DFJ) areas and which local authorities' cases go to their courts, children looked after by legal
status, Ofsted's residential family centres, under-18 conception rates, and dated events in law and
guidance that editors set beside the national trend. All but the events are loaded from
fixtures/seed-questions/ by `manage.py load_open_data`. The tables keep the names of the
`familyjustice` app these models came from (explorer migration 0003), so no row had to move.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class DfjArea(models.Model):
    """One of HMCTS's Designated Family Judge areas (or the High Court), from the FPL service's mapping."""

    code = models.CharField(max_length=60, unique=True, help_text="HMCTS code, e.g. CLEVELAND_AND_SOUTH_DURHAM.")
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    hmcts_region = models.CharField(max_length=40, blank=True, help_text="HMCTS grouping, not the ONS region.")

    class Meta:
        db_table = "familyjustice_dfjarea"  # kept from the folded familyjustice app
        ordering = ["name"]
        verbose_name = "DFJ area"

    def __str__(self):
        return self.name


class DfjCourt(models.Model):
    """A court where care applications are issued, and the DFJ area it belongs to."""

    area = models.ForeignKey(DfjArea, on_delete=models.CASCADE, related_name="courts")
    court_code = models.CharField(max_length=6, unique=True, help_text="Familyman court code.")
    name = models.CharField(max_length=120)

    class Meta:
        db_table = "familyjustice_dfjcourt"  # kept from the folded familyjustice app
        ordering = ["name"]


class AuthorityArea(models.Model):
    """
    Which DFJ area(s) a local authority's children's cases go to, **derived** from HMCTS Find a Court
    or Tribunal court links (March 2021): not an official Local Family Justice Board membership list.
    `area` is set only where every linked court with an area is in one area; `candidates` always holds
    every area reached, so authorities spanning several areas are shown with all of them.
    """

    class Status(models.TextChoices):
        SINGLE = "single", "Single DFJ area"
        SINGLE_MAPPED = "single_mapped", "Single DFJ area among mapped courts; other courts have no DFJ area"
        SEVERAL = "several", "Several DFJ areas"
        PREDECESSOR = "predecessor", "Via predecessor authority"
        NONE = "none", "No court with a DFJ area"

    la_code = models.CharField(max_length=9, unique=True)
    la_name = models.CharField(max_length=120)
    country = models.CharField(max_length=20)
    status = models.CharField(max_length=20, choices=Status.choices)
    area = models.ForeignKey(DfjArea, null=True, blank=True, on_delete=models.CASCADE, related_name="authorities")
    candidates = models.ManyToManyField(DfjArea, related_name="candidate_authorities", blank=True)
    courts = models.TextField(blank=True, help_text="Linked courts, 'name [code]' separated by ';'.")
    courts_without_dfj_area = models.TextField(blank=True)
    successor_note = models.CharField(max_length=300, blank=True)
    basis = models.CharField(max_length=80)

    class Meta:
        db_table = "familyjustice_authorityarea"  # kept from the folded familyjustice app
        ordering = ["la_name"]

    def __str__(self):
        return f"{self.la_name}: {self.get_status_display()}"

    @property
    def court_list(self) -> list[str]:
        return [court.strip() for court in self.courts.split(";") if court.strip()]


class LegalStatusFigure(models.Model):
    """
    DfE children looked after by legal status (all ages) for one area and year, as published: starts in
    the year ending 31 March, or children looked after at 31 March (with those placed with parents).
    A count is None where DfE suppressed it; its flag says why (c suppressed, x not available).
    """

    class Measure(models.TextChoices):
        STARTS = "starts", "Children starting to be looked after in the year"
        AT_31_MARCH = "at31march", "Children looked after at 31 March"

    measure = models.CharField(max_length=10, choices=Measure.choices)
    year = models.PositiveSmallIntegerField(help_text="Year ending 31 March.")
    la_code = models.CharField(max_length=9, db_index=True, help_text="Current ONS code (re-coded LAs joined).")
    la_name = models.CharField(max_length=120)
    geographic_level = models.CharField(max_length=20)
    section_20 = models.PositiveIntegerField(null=True)
    section_20_flag = models.CharField(max_length=1, blank=True)
    interim_care_order = models.PositiveIntegerField(null=True)
    interim_care_order_flag = models.CharField(max_length=1, blank=True)
    full_care_order = models.PositiveIntegerField(null=True)
    full_care_order_flag = models.CharField(max_length=1, blank=True)
    placement_order = models.PositiveIntegerField(null=True)
    placement_order_flag = models.CharField(max_length=1, blank=True)
    placed_with_parents = models.PositiveIntegerField(null=True, help_text="At 31 March only.")
    placed_with_parents_flag = models.CharField(max_length=1, blank=True)
    total = models.PositiveIntegerField(null=True)
    total_flag = models.CharField(max_length=1, blank=True)
    source_ids = models.CharField(max_length=60)

    class Meta:
        db_table = "familyjustice_legalstatusfigure"  # kept from the folded familyjustice app
        constraints = [
            models.UniqueConstraint(fields=["measure", "la_code", "year"], name="familyjustice_legal_status_unique")
        ]


class ResidentialFamilyCentre(models.Model):
    """A residential family centre on Ofsted's register at 31 March of `year` (its LA is where it is)."""

    year = models.PositiveSmallIntegerField()
    urn = models.CharField(max_length=12)
    name = models.CharField(max_length=200, blank=True, help_text="Empty where Ofsted redacted it.")
    sector = models.CharField(max_length=30)
    places = models.PositiveSmallIntegerField(null=True, help_text="Not published in 2015.")
    organisation = models.CharField(max_length=200, blank=True)
    la_code = models.CharField(max_length=9, db_index=True)
    la_name = models.CharField(max_length=120)
    region_name = models.CharField(max_length=60, blank=True, help_text="Government office region, as published.")
    latest_judgement = models.CharField(max_length=60, blank=True)
    latest_inspection_date = models.CharField(max_length=10, blank=True, help_text="dd/mm/yyyy, as published.")
    redacted = models.BooleanField(default=False)

    class Meta:
        db_table = "familyjustice_residentialfamilycentre"  # kept from the folded familyjustice app
        ordering = ["year", "la_name", "name"]
        constraints = [models.UniqueConstraint(fields=["year", "urn"], name="familyjustice_rfc_year_urn")]


class Under18Conception(models.Model):
    """ONS under-18 conceptions per 1,000 girls aged 15-17 (calendar year): a proxy for young parenthood."""

    year = models.PositiveSmallIntegerField()
    geographic_level = models.CharField(max_length=20)
    la_code = models.CharField(max_length=9, db_index=True)
    la_name = models.CharField(max_length=120)
    rate_per_1000 = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    flag = models.CharField(max_length=1, blank=True, help_text="'-' where LAIT holds no value.")

    class Meta:
        db_table = "familyjustice_under18conception"  # kept from the folded familyjustice app
        constraints = [models.UniqueConstraint(fields=["la_code", "year"], name="familyjustice_u18_unique")]


class TrendEvent(index.Indexed, models.Model):
    """
    A dated change of law, procedure or guidance, shown beside the national trend. Every event needs a
    source link: an event nobody can check is not shown. Dates known only to the month say so.
    """

    class Precision(models.TextChoices):
        DAY = "day", "Exact day"
        MONTH = "month", "Month only"

    date = models.DateField(help_text="The day it took effect or was published (the 1st if only the month is known).")
    date_precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="One or two plain sentences: what changed.")
    source_title = models.CharField(max_length=200)
    source_url = models.URLField(max_length=300, help_text="Required: where a reader can check the date.")

    panels = [
        FieldPanel("date"),
        FieldPanel("date_precision"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("source_title"),
        FieldPanel("source_url"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        db_table = "familyjustice_trendevent"  # kept from the folded familyjustice app
        ordering = ["date"]
        verbose_name = "trend event"

    def __str__(self):
        return f"{self.date_label}: {self.title}"

    @property
    def date_label(self) -> str:
        return (
            self.date.strftime("%B %Y")
            if self.date_precision == self.Precision.MONTH
            else f"{self.date.day} {self.date:%B %Y}"
        )

    @property
    def iso_date(self) -> str:
        """For <time datetime>: a month-only date is written as a month, not as the 1st."""
        return self.date.strftime("%Y-%m") if self.date_precision == self.Precision.MONTH else self.date.isoformat()

    @property
    def reporting_year(self) -> int:
        """The DfE reporting year (ending 31 March) the event falls in."""
        return self.date.year if self.date.month <= 3 else self.date.year + 1
