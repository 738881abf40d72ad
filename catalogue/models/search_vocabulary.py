"""What practitioners type, as editors teach the search: synonym groups, and what searches found."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from ..search.words import words_of

MAX_TERMS_PER_GROUP = 20


class SearchSynonymGroup(models.Model):
    """
    Words, phrases and acronyms that mean one thing to practitioners ("s20", "section 20",
    "voluntary accommodation"). A search for any of them also finds the others.
    """

    terms = models.TextField(
        help_text="One term a line: a word, a phrase or an acronym. Case, hyphens and full stops do not "
        "matter (‘s.20’ also covers ‘s20’ and ‘s 20’; ‘pre-birth’ covers ‘pre birth’ and ‘prebirth’)."
    )
    note = models.CharField(
        max_length=200, blank=True, help_text="Optional: why these belong together, for other editors."
    )

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = "search synonym group"
        ordering = ["terms"]

    def __str__(self):
        return " / ".join(self.term_list()) or "(empty)"

    def term_list(self) -> list[str]:
        """The group's terms, blank lines and repeats left out, in the order the editor wrote them."""
        seen, terms = set(), []
        for line in self.terms.splitlines():
            term = " ".join(line.split())
            if term and term.casefold() not in seen:
                seen.add(term.casefold())
                terms.append(term)
        return terms

    def clean(self):
        terms = self.term_list()
        if len(terms) < 2:
            raise ValidationError({"terms": "Give at least two terms, one a line: the group says they mean the same."})
        if len(terms) > MAX_TERMS_PER_GROUP:
            raise ValidationError({"terms": f"Give at most {MAX_TERMS_PER_GROUP} terms; split a longer list."})
        wordless = [term for term in terms if not words_of(term)]
        if wordless:
            raise ValidationError({"terms": f"‘{wordless[0][:40]}’ has no letters or numbers to search for."})
        self.terms = "\n".join(terms)


class SearchRecord(models.Model):
    """
    How often a search's words were used on one day and how many entries they found. Holds no
    personal data: no address, user, session or cookie, only the normalised words.
    """

    day = models.DateField(db_index=True)
    terms = models.CharField(max_length=200)
    searches = models.PositiveIntegerField(default=1)
    results = models.PositiveIntegerField(
        help_text="Entries the words found (before filters), at the day's last search."
    )

    class Meta:
        verbose_name = "search record"
        constraints = [models.UniqueConstraint(fields=["day", "terms"], name="one_search_record_a_day")]

    def __str__(self):
        return f"{self.terms} ({self.day})"
