"""
The explorer's data: open data loaded from fixtures/open-data/ (births, children looked after,
Ofsted, deprivation, spend, statistical neighbours, published headline figures) and the
newborn care-proceedings datasets that editors upload. Local authorities and regions are the
catalogue's own vocabularies, so the explorer and the catalogue always agree on them.
"""

from django.conf import settings
from django.db import models

from catalogue.models import LocalAuthority

ENGLAND_CODE = "E92000001"
WALES_CODE = "W92000004"


class LiveBirths(models.Model):
    """ONS live births in a calendar year, by area of the mother's usual residence."""

    area_code = models.CharField(max_length=9, db_index=True)
    area_name = models.CharField(max_length=120)
    year = models.PositiveSmallIntegerField()
    live_births = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["area_code", "year"], name="explorer_births_area_year")]
        verbose_name_plural = "live births"

    def __str__(self):
        return f"{self.area_name} {self.year}: {self.live_births}"


class ChildrenLookedAfter(models.Model):
    """A DfE children-looked-after count and rate per 10,000 children aged 0-17 (reporting year)."""

    class Measure(models.TextChoices):
        STARTING = "starting", "Children starting to be looked after each year"
        LOOKED_AFTER = "looked_after", "Children looked after on 31 March each year"
        CEASING = "ceasing", "Children ceasing to be looked after each year"

    area_code = models.CharField(max_length=9, db_index=True)
    area_name = models.CharField(max_length=120)
    geographic_level = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField(help_text="Reporting year ending 31 March.")
    measure = models.CharField(max_length=20, choices=Measure.choices)
    population_estimate = models.PositiveIntegerField(null=True)
    children_count = models.PositiveIntegerField(null=True)
    rate_per_10000 = models.DecimalField(max_digits=8, decimal_places=1, null=True)
    symbol = models.CharField(max_length=1, blank=True, help_text="DfE symbol: x not available, z n/a, c suppressed.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["area_code", "year", "measure"], name="explorer_cla_unique")]
        verbose_name_plural = "children looked after"


class OfstedJudgement(models.Model):
    """The latest Ofsted ILACS judgement for an English LA, as at 31 March 2025."""

    local_authority = models.OneToOneField(LocalAuthority, on_delete=models.CASCADE, related_name="ofsted_judgement")
    inspection_date = models.DateField()
    publication_date = models.DateField(null=True)
    inspection_type = models.CharField(max_length=80)
    overall_effectiveness = models.CharField(max_length=60)
    overall_effectiveness_grade = models.PositiveSmallIntegerField(help_text="1 Outstanding ... 4 Inadequate.")
    impact_of_leaders = models.CharField(max_length=60, blank=True)
    help_and_protection = models.CharField(max_length=60, blank=True)
    children_in_care = models.CharField(max_length=60, blank=True)
    care_leavers = models.CharField(max_length=60, blank=True)
    report_url = models.URLField(blank=True)


class Deprivation(models.Model):
    """English Indices of Deprivation 2019, upper-tier summary (1 = most deprived)."""

    local_authority = models.OneToOneField(LocalAuthority, on_delete=models.CASCADE, related_name="deprivation")
    la_code_2019 = models.CharField(max_length=9)
    imd_average_score = models.DecimalField(max_digits=6, decimal_places=3)
    imd_rank_of_average_score = models.PositiveSmallIntegerField()
    idaci_average_score = models.DecimalField(max_digits=5, decimal_places=3)
    code_change_note = models.CharField(max_length=300, blank=True)


class ChildrensServicesSpend(models.Model):
    """MHCLG RO3 gross expenditure on children's social care, in £ thousand (cash)."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="spend")
    financial_year = models.CharField(max_length=7)
    return_status = models.CharField(max_length=20)
    note = models.CharField(max_length=300, blank=True)
    sure_start_children_centres_early_years = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    children_looked_after = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    other_children_families_services = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    family_support_services = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    safeguarding_children_young_people = models.DecimalField(max_digits=12, decimal_places=2, null=True)
    total_childrens_social_care = models.DecimalField(max_digits=12, decimal_places=2, null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["local_authority", "financial_year"], name="explorer_spend_unique")
        ]
        verbose_name_plural = "children's services spend"


class StatisticalNeighbour(models.Model):
    """DfE statistical neighbours (April 2021): rank 1 is the closest."""

    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="neighbours")
    neighbour = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    closeness = models.CharField(max_length=30)

    class Meta:
        ordering = ["local_authority", "rank"]
        constraints = [models.UniqueConstraint(fields=["local_authority", "rank"], name="explorer_neighbour_rank")]


class HeadlineFigure(models.Model):
    """A figure quoted from the published Born into Care reports (Nuffield; not OGL), kept verbatim."""

    position = models.PositiveSmallIntegerField(unique=True)
    figure = models.CharField(max_length=120)
    geography = models.CharField(max_length=60)
    period = models.CharField(max_length=40)
    value = models.CharField(max_length=20, blank=True, help_text="Exactly as published; empty if only described.")
    unit = models.CharField(max_length=40)
    definition = models.TextField()
    source_title = models.TextField()
    source_url = models.URLField(max_length=300)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]


class NewbornDataset(models.Model):
    """
    One uploaded version of the newborn care-proceedings figures. Uploads are never edited or
    deleted by the explorer: the newest published one is "current", earlier ones stay viewable.
    """

    class PeriodType(models.TextChoices):
        FINANCIAL = "financial", "Financial year (April to March), labelled by its first year"
        CALENDAR = "calendar", "Calendar year"

    title = models.CharField(max_length=200)
    source = models.CharField(max_length=300, help_text="Who produced the figures, e.g. Cafcass via Nuffield FJO.")
    source_url = models.URLField(blank=True)
    licence = models.CharField(max_length=200)
    definition = models.TextField(help_text="What is counted, including the age threshold.")
    period_type = models.CharField(max_length=10, choices=PeriodType.choices, default=PeriodType.FINANCIAL)
    is_synthetic = models.BooleanField(default=False, help_text="Made-up figures for demonstration only.")
    original_filename = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        # Ids only ever grow, so "newest" is the highest id even if two uploads share a timestamp.
        ordering = ["-pk"]

    def __str__(self):
        label = f"{self.title} (uploaded {self.uploaded_at:%d %B %Y %H:%M})" if self.uploaded_at else self.title
        return f"SYNTHETIC – {label}" if self.is_synthetic and "synthetic" not in label.lower() else label

    @classmethod
    def current(cls):
        """The newest upload: it supersedes every earlier one."""
        return cls.objects.order_by("-pk").first()

    @property
    def superseded_by(self):
        return NewbornDataset.objects.filter(pk__gt=self.pk).order_by("pk").first()


class NewbornCount(models.Model):
    """Babies under one week old subject to care proceedings, for one LA and year of one dataset."""

    dataset = models.ForeignKey(NewbornDataset, on_delete=models.PROTECT, related_name="counts")
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    babies_under_one_week = models.PositiveIntegerField()
    issued_within_7_days = models.PositiveIntegerField(null=True, blank=True)
    babies_of_recurrent_mothers = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dataset", "local_authority", "year"], name="explorer_newborn_unique")
        ]


class InfantCareFigure(models.Model):
    """
    One published count of infants (aged under 1) in care, for one area and reporting year
    (year ending 31 March), from fixtures/infant-care/. A suppressed cell has no count and its
    flag (c, x or *): it is never stored, shown or plotted as 0.
    """

    class Measure(models.TextChoices):
        STARTS = "starts", "Children who started to be looked after aged under 1 during the year"
        AT_31_MARCH = "at_31_march", "Children looked after on 31 March aged under 1"

    class Level(models.TextChoices):
        NATIONAL = "National", "Country"
        REGIONAL = "Regional", "Region"
        LOCAL_AUTHORITY = "Local authority", "Local authority"

    measure = models.CharField(max_length=12, choices=Measure.choices)
    country = models.CharField(max_length=10)
    geographic_level = models.CharField(max_length=20, choices=Level.choices)
    year = models.PositiveSmallIntegerField(
        help_text="Reporting year ending 31 March (2025 = April 2024 to March 2025)."
    )
    area_code = models.CharField(
        max_length=9, db_index=True, help_text="Today's code: pure re-codes (e.g. Gateshead) joined into one series."
    )
    area_code_as_published = models.CharField(max_length=9)
    area_name = models.CharField(max_length=120)
    region_code = models.CharField(max_length=9, blank=True)
    count = models.PositiveIntegerField(null=True, help_text="Empty when suppressed (see flag).")
    flag = models.CharField(max_length=30, blank=True, help_text="c, x (DfE) or * (StatsWales): suppressed.")
    all_ages_count = models.PositiveIntegerField(null=True, help_text="All ages, from the same publication.")
    all_ages_flag = models.CharField(max_length=30, blank=True)
    rounding = models.CharField(max_length=120, help_text="How the publisher rounded this figure.")
    publication = models.CharField(max_length=200)
    source_file = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["measure", "area_code", "year"], name="explorer_infant_unique")]
        indexes = [models.Index(fields=["measure", "year"], name="explorer_infant_measure_year")]

    def __str__(self):
        return f"{self.area_name} {self.year} {self.measure}: {self.count if self.count is not None else self.flag}"

    @property
    def suppressed(self) -> bool:
        return self.count is None


class CafcassRate(models.Model):
    """Cafcass care applications per 10,000 children aged 0-17 (all ages), as republished in DfE LAIT."""

    area_code = models.CharField(max_length=9, db_index=True)
    area_name = models.CharField(max_length=120)
    geographic_level = models.CharField(max_length=20)
    financial_year = models.CharField(max_length=7)
    year = models.PositiveSmallIntegerField(help_text="Year the financial year ends in (LAIT's label).")
    rate_per_10000_children = models.DecimalField(max_digits=6, decimal_places=1)
    geography_note = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["area_code", "year"], name="explorer_cafcass_unique")]


class PublishedQuote(models.Model):
    """A Born into Care figure quoted verbatim from a stored public page (Nuffield; not OGL)."""

    position = models.PositiveSmallIntegerField(unique=True)
    study = models.CharField(max_length=200)
    geography = models.CharField(max_length=300)
    period = models.CharField(max_length=40)
    measure = models.CharField(max_length=200)
    value = models.CharField(max_length=20, blank=True)
    unit = models.CharField(max_length=100)
    url = models.URLField(max_length=300)
    quote = models.TextField()

    class Meta:
        ordering = ["position"]


# The tables `load_open_data` fills (every model above except editors' newborn uploads).
OPEN_DATA_TABLES = (
    InfantCareFigure,
    CafcassRate,
    PublishedQuote,
    LiveBirths,
    ChildrenLookedAfter,
    OfstedJudgement,
    Deprivation,
    ChildrensServicesSpend,
    StatisticalNeighbour,
    HeadlineFigure,
)
