"""
The law of removal at birth, and the tools practitioners use before it: three entry types.

`LegislationPage` (a statutory power or duty), `JudgmentPage` (a leading judgment) and
`PracticeToolPage` (a published assessment framework, protocol or resource pack) are catalogue
entries like the others, on the shared `EntryPage` table, so search, facets ("Type of entry: Law /
Case law / Practice tool"), exports and the API see them. They state the law or describe a tool:
none of them carries an evidence rating, so their pages show a legal or document status instead
(`carries_evidence_rating = False`; the stored level stays "Not yet rated" for the editorial
workflow and is never shown as a rating).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .entries import ENTRY_TYPES, EntryPage

# Where each kind of source may be linked to: the official text, never a commentary on it.
LEGISLATION_HOSTS = ("legislation.gov.uk",)
JUDGMENT_HOSTS = ("caselaw.nationalarchives.gov.uk", "bailii.org", "hudoc.echr.coe.int")


def _host_is_one_of(url: str, hosts) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == allowed or host.endswith("." + allowed) for allowed in hosts)


class Jurisdiction(models.TextChoices):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"
    ENGLAND_AND_WALES = "england-wales", "England and Wales"


class LegislationPage(EntryPage):
    """A statutory power or duty used around birth: the Act and section, what it allows, who, how long."""

    act = models.CharField(max_length=255, help_text="e.g. Children Act 1989")
    section = models.CharField(max_length=120, blank=True, help_text="e.g. section 44 (or 'Article 8')")
    power = models.TextField("what the power or duty is", help_text="In plain words, from the text of the Act.")
    who_can_use = models.TextField("who can use it", blank=True)
    duration = models.CharField("for how long", max_length=255, blank=True)
    jurisdiction = models.CharField(max_length=20, choices=Jurisdiction.choices, default=Jurisdiction.ENGLAND_AND_WALES)
    legislation_url = models.URLField("link to legislation.gov.uk", max_length=500, blank=True)

    search_fields = EntryPage.search_fields + [index.SearchField("act"), index.SearchField("power")]
    edit_handler = EntryPage.build_edit_handler(
        [
            FieldPanel("act"),
            FieldPanel("section"),
            FieldPanel("power"),
            FieldPanel("who_can_use"),
            FieldPanel("duration"),
            FieldPanel("jurisdiction"),
            FieldPanel("legislation_url"),
        ]
    )
    template = "catalogue/entry_page.html"
    entry_type_label = "Law"
    carries_evidence_rating = False

    class Meta:
        verbose_name = "law (legislation)"
        verbose_name_plural = "law (legislation)"

    @property
    def source_url(self) -> str:
        """The entry page's "Source document" link and the link checker read this."""
        return self.legislation_url

    def key_facts(self):
        return [
            ("Status", "Legislation: the law itself, so it carries no evidence rating"),
            ("Act", self.act),
            ("Section", self.section),
            ("What it allows or requires", self.power),
            ("Who can use it", self.who_can_use),
            ("For how long", self.duration),
            ("Applies in", self.get_jurisdiction_display()),
        ]

    def clean(self):
        super().clean()
        if self.legislation_url and not _host_is_one_of(self.legislation_url, LEGISLATION_HOSTS):
            raise ValidationError({"legislation_url": "Link to the text on legislation.gov.uk."})


class JudgmentPage(EntryPage):
    """A leading judgment on removal at birth: the principle it decided and what it means in practice."""

    court = models.CharField(max_length=255, help_text="e.g. Court of Appeal (Civil Division)")
    neutral_citation = models.CharField(
        max_length=120, help_text="e.g. [2013] EWCA Civ 1146, or the application number for Strasbourg"
    )
    decided_on = models.DateField("date of judgment")
    judge = models.CharField("judge(s)", max_length=255, blank=True)
    principle = models.TextField(
        "the principle decided", help_text="Two or three plain sentences, quoting the judgment where it matters."
    )
    practice_at_birth = models.TextField("what it means for practice at birth", blank=True)
    judgment_url = models.URLField(
        "link to the judgment", max_length=500, blank=True, help_text="Find Case Law, BAILII or HUDOC."
    )

    search_fields = EntryPage.search_fields + [
        index.SearchField("neutral_citation"),
        index.SearchField("court"),
        index.SearchField("principle"),
    ]
    edit_handler = EntryPage.build_edit_handler(
        [
            FieldPanel("court"),
            FieldPanel("neutral_citation"),
            FieldPanel("decided_on"),
            FieldPanel("judge"),
            FieldPanel("principle"),
            FieldPanel("practice_at_birth"),
            FieldPanel("judgment_url"),
        ]
    )
    template = "catalogue/entry_page.html"
    entry_type_label = "Case law"
    carries_evidence_rating = False

    class Meta:
        verbose_name = "case law (judgment)"
        verbose_name_plural = "case law (judgments)"

    @property
    def source_url(self) -> str:
        return self.judgment_url

    def key_facts(self):
        decided = self.decided_on.strftime("%-d %B %Y") if self.decided_on else ""
        return [
            ("Status", f"Case law: a judgment of the {self.court}" if self.court else "Case law"),
            ("Citation", self.neutral_citation),
            ("Date of judgment", decided),
            ("Judge(s)", self.judge),
            ("The principle decided", self.principle),
            ("What it means at birth", self.practice_at_birth),
        ]

    def clean(self):
        super().clean()
        if self.judgment_url and not _host_is_one_of(self.judgment_url, JUDGMENT_HOSTS):
            raise ValidationError({"judgment_url": "Link to the judgment itself on Find Case Law, BAILII or HUDOC."})


class PracticeToolPage(EntryPage):
    """A published tool for pre-birth work: assessment framework, protocol, procedure or resource pack."""

    class FreeToUse(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        UNKNOWN = "unknown", "Not stated"

    purpose = models.TextField("what it is for")
    users = models.CharField("who uses it", max_length=255, blank=True)
    publisher = models.CharField(max_length=255)
    author = models.CharField(max_length=255, blank=True)
    published = models.CharField(max_length=10, blank=True, help_text="Year (2019) or date (2019-05-01).")
    free_to_use = models.CharField(max_length=10, choices=FreeToUse.choices, default=FreeToUse.UNKNOWN)
    tool_url = models.URLField("link to the tool", max_length=500, blank=True)

    search_fields = EntryPage.search_fields + [index.SearchField("publisher"), index.SearchField("purpose")]
    edit_handler = EntryPage.build_edit_handler(
        [
            FieldPanel("purpose"),
            FieldPanel("users"),
            FieldPanel("publisher"),
            FieldPanel("author"),
            FieldPanel("published"),
            FieldPanel("free_to_use"),
            FieldPanel("tool_url"),
        ]
    )
    template = "catalogue/entry_page.html"
    entry_type_label = "Practice tool"
    carries_evidence_rating = False

    class Meta:
        verbose_name = "practice tool"

    @property
    def source_url(self) -> str:
        return self.tool_url

    def key_facts(self):
        return [
            ("Status", "Practice tool: described, not rated for evidence"),
            ("What it is for", self.purpose),
            ("Who uses it", self.users),
            ("Published by", self.publisher),
            ("Author", self.author),
            ("Published", self.published),
            ("Free to use", self.get_free_to_use_display()),
        ]

    def clean(self):
        super().clean()
        value = self.published.strip()
        if value and not (len(value) == 4 and value.isdigit()) and not _is_iso_date(value):
            raise ValidationError({"published": "Give a year (2019) or a date (2019-05-01)."})


def _is_iso_date(value: str) -> bool:
    try:
        models.DateField().to_python(value)
    except ValidationError:
        return False
    return len(value) == 10


# The facet "Type of entry", the importer and the search index read ENTRY_TYPES, in this order.
ENTRY_TYPES.update({"legislation": LegislationPage, "judgment": JudgmentPage, "practice-tool": PracticeToolPage})
