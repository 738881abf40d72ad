"""
The order an entry cites its references in, as the editor chose them.

`EntryPage.references` (a many-to-many) stays the record that pages, exports, the API, the bibliography
and the evidence map read. These rows are how the entry form chooses references (Wagtail's
`MultipleChooserPanel`: a searchable chooser that can add a new reference in place) and keep the
editor's order; the form writes the many-to-many from them on every save (editorial/cited_references.py).
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .references import Reference


class CitedReference(Orderable):
    """One reference an entry cites, in the editor's order."""

    page = ParentalKey("catalogue.EntryPage", on_delete=models.CASCADE, related_name="cited_references")
    reference = models.ForeignKey(Reference, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("reference")]

    class Meta(Orderable.Meta):
        verbose_name = "reference"
        verbose_name_plural = "references"

    def __str__(self):
        return str(self.reference)


def cite(page, references) -> None:
    """Give a page these references, in this order: the many-to-many and the ordered rows together."""
    references = list(dict.fromkeys(references))
    page.references = references
    page.cited_references = [CitedReference(reference=ref, sort_order=n) for n, ref in enumerate(references)]


def in_citing_order(page) -> list[Reference]:
    """The references of a page's ordered rows (in memory on a form or revision), each once, in order."""
    rows = sorted(page.cited_references.all(), key=lambda row: (row.sort_order is None, row.sort_order or 0))
    return list(dict.fromkeys(row.reference for row in rows if row.reference_id))


def reconcile_cited(page) -> None:
    """
    Rows that agree with the many-to-many, which importers and loaders may have changed without them:
    rows keep their order, links made elsewhere are added at the end, rows for links removed elsewhere go.
    """
    linked = list(page.references.all())
    rows = sorted(page.cited_references.all(), key=lambda row: (row.sort_order is None, row.sort_order or 0))
    if [row.reference_id for row in rows] == list(dict.fromkeys(row.reference_id for row in rows)) and {
        row.reference_id for row in rows
    } == {ref.pk for ref in linked}:
        return
    by_id = {ref.pk: ref for ref in linked}
    kept = [by_id[ref_id] for ref_id in dict.fromkeys(row.reference_id for row in rows) if ref_id in by_id]
    cite(page, kept + [ref for ref in linked if ref not in kept])
