"""
Programme facts: what practitioners compare across interventions (as the Foundations Guidebook does).

Who it is for and the provider's own page are the intervention's existing fields (`target_population`,
`website`); cost is its `cost` field, now with the address of the page that publishes it. The delivery
settings are a small vocabulary on `EntryPage` (so the catalogue can filter on it like any other facet);
only interventions fill it.
"""

from django import forms
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .taxonomy import Term

# The settings a programme can be delivered in: (slug, name), in display order. Seeded by a migration.
DELIVERY_SETTINGS = (
    ("home", "At home"),
    ("community", "Community venue"),
    ("group", "In a group"),
    ("hospital", "Hospital or clinic"),
    ("court", "Court"),
    ("residential", "Residential"),
    ("prison", "Prison"),
    ("online", "Online"),
)


class DeliverySetting(Term):
    """Where a programme is delivered: at home, in a group, in court, in prison..."""

    class Meta(Term.Meta):
        verbose_name = "delivery setting"


class Running(models.TextChoices):
    YES = "yes", "Running"
    CLOSED = "closed", "Closed"
    UNKNOWN = "unknown", "Not known"


class ProgrammeFacts(models.Model):
    """The programme-fact fields an intervention adds to its page (an abstract mixin: no table of its own)."""

    age_stage = models.CharField(
        "stage and age", max_length=255, blank=True, help_text="e.g. 'From 12 weeks of pregnancy to 6 months'."
    )
    duration = models.CharField(
        "duration and intensity", max_length=255, blank=True, help_text="e.g. 'Seven weekly two-hour sessions'."
    )
    delivered_by = models.CharField(
        "who delivers it and their training", max_length=255, blank=True, help_text="Roles and required training."
    )
    where_available = models.TextField(
        "where it runs now", blank=True, help_text="Areas of England and Wales where it is offered, as the source says."
    )
    running = models.CharField(
        "still running",
        max_length=10,
        choices=Running.choices,
        default=Running.UNKNOWN,
        blank=True,
        help_text="'Closed' when the source says it has stopped; 'Not known' unless a current source says it runs.",
    )
    cost_source_url = models.URLField(
        "source of the cost", max_length=500, blank=True, help_text="The page that publishes the cost."
    )

    facts_panels = [
        MultiFieldPanel(
            [
                FieldPanel("target_population"),
                FieldPanel("age_stage"),
                FieldPanel("delivery_settings", widget=forms.CheckboxSelectMultiple),
                FieldPanel("delivery"),
                FieldPanel("duration"),
                FieldPanel("delivered_by"),
                FieldPanel("provider"),
                FieldPanel("where_available"),
                FieldPanel("running"),
                FieldPanel("cost"),
                FieldPanel("cost_source_url"),
                FieldPanel("website"),
                FieldPanel("contact"),
            ],
            heading="Programme facts",
        )
    ]

    class Meta:
        abstract = True

    def programme_facts(self) -> list[tuple[str, str]]:
        """The summary table's rows as (label, text); rows no source fills are left empty (and not shown)."""
        settings = ", ".join(setting.name for setting in self.delivery_settings.all())
        running = "" if self.running in ("", Running.UNKNOWN) else self.get_running_display()
        where = "; ".join(part for part in (self.where_available, running) if part)
        return [
            ("Who it is for", self.target_population),
            ("Stage and age", self.age_stage),
            ("Delivery setting", settings),
            ("How it is delivered", self.delivery),
            ("Duration and intensity", self.duration),
            ("Who delivers it", self.delivered_by),
            ("Provided by", self.provider),
            ("Where it runs now", where),
            ("Cost", self.cost),
            ("Contact", self.contact),
        ]

    def facts_record(self) -> dict:
        """The facts as open data (the fixture's `facts` keys)."""
        return facts_record(self, [setting.slug for setting in self.delivery_settings.all()])


FACT_FIELDS = {  # open-data / fixture key -> InterventionPage field
    "for_whom": "target_population",
    "age_stage": "age_stage",
    "duration": "duration",
    "delivered_by": "delivered_by",
    "where_available": "where_available",
    "running": "running",
    "cost": "cost",
    "cost_source_url": "cost_source_url",
    "provider_url": "website",
}


def facts_record(values, settings: list[str]) -> dict:
    """{key: value} for an intervention (an object or a dict of its fields) and its setting slugs."""
    get = values.get if isinstance(values, dict) else lambda name: getattr(values, name)
    record = {key: get(field) or "" for key, field in FACT_FIELDS.items()}
    record["running"] = record["running"] or Running.UNKNOWN
    record["settings"] = settings
    return record
