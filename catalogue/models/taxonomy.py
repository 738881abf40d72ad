"""Controlled vocabularies that editors manage as snippets and practitioners filter by."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Term(index.Indexed, models.Model):
    """A named value in one vocabulary; `slug` is what appears in catalogue URLs."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, help_text="Used in catalogue URLs; keep it stable.")
    description = models.TextField(blank=True, help_text="One or two plain-English sentences.")
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class AreaOfPractice(Term):
    """Pre-birth assessment, peri-natal intervention or post-removal support."""

    class Meta(Term.Meta):
        verbose_name = "area of practice"
        verbose_name_plural = "areas of practice"


class Stage(Term):
    """A stage or legal milestone, from pregnancy to reunification."""


class Topic(Term):
    """A theme such as perinatal mental health or recurrent care proceedings."""


class Outcome(Term):
    """An outcome that studies measure; the columns of the evidence map."""


class Region(Term):
    """An English region or Wales (with its ONS code), or a wider scope such as England-wide."""

    class Kind(models.TextChoices):
        REGION = "region", "Region"
        SCOPE = "scope", "Wider scope"

    code = models.CharField(max_length=9, blank=True, help_text="ONS GSS code, e.g. E12000002.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REGION)
    # The hierarchy, modelled once: an entry tagged with a wider scope applies in every region it
    # contains, so editors tag what an entry is about and never tick five boxes to make it appear.
    within = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="contains",
        verbose_name="part of",
        help_text="The wider scopes this one lies within, e.g. North West: England-wide, England and Wales.",
    )

    panels = Term.panels + [FieldPanel("code"), FieldPanel("kind"), FieldPanel("within")]

    def scopes_containing(self) -> list["Region"]:
        """Every wider scope this one lies within, directly or through another (one query a level)."""
        found, level = {}, list(self.within.all())
        while level:
            level = [scope for scope in level if scope.pk not in found and scope.pk != self.pk]
            found.update((scope.pk, scope) for scope in level)
            level = [outer for scope in level for outer in scope.within.all()]
        return list(found.values())

    @classmethod
    def slugs_applying_in(cls, slugs) -> set[str]:
        """The tags whose entries apply in any of these regions: the regions and every scope containing them."""
        applying = set(slugs)
        for region in cls.objects.filter(slug__in=list(applying)).prefetch_related("within"):
            applying.update(scope.slug for scope in region.scopes_containing())
        return applying


class LocalAuthority(index.Indexed, models.Model):
    """A children's-services authority in England or a local authority in Wales."""

    ons_code = models.CharField("ONS code", max_length=9, unique=True)
    dfe_number = models.CharField("DfE LA number", max_length=3, blank=True, help_text="Welsh LAs have none.")
    name = models.CharField(max_length=120)
    name_welsh = models.CharField("Welsh name", max_length=120, blank=True)
    country = models.CharField(max_length=20)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="local_authorities")
    la_type = models.CharField("type", max_length=60, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_welsh"),
        FieldPanel("ons_code"),
        FieldPanel("dfe_number"),
        FieldPanel("country"),
        FieldPanel("region"),
        FieldPanel("la_type"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("region")]

    class Meta:
        ordering = ["name"]
        verbose_name = "local authority"
        verbose_name_plural = "local authorities"

    def __str__(self):
        return self.name


class EvidenceLevel(models.Model):
    """One step of the ordered evidence scale described on "How we rate evidence"."""

    class Kind(models.TextChoices):
        RESEARCH = "research", "Research evidence"
        PRACTICE = "practice", "Practice evidence"
        UNRATED = "unrated", "Not yet rated"

    rank = models.PositiveSmallIntegerField(unique=True, help_text="1 is the strongest evidence.")
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    description = models.TextField(help_text="The rule an entry must meet for this rating.")
    crosswalk = models.CharField(max_length=200, blank=True, help_text="Equivalent ratings elsewhere (EIF, CEBC...).")

    panels = [
        FieldPanel("rank"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("crosswalk"),
    ]

    class Meta:
        ordering = ["rank"]
        verbose_name = "evidence level"

    def __str__(self):
        return self.name

    @property
    def is_practice(self) -> bool:
        return self.kind == self.Kind.PRACTICE
