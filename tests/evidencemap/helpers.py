"""Building blocks for evidence-map tests: studies with outcome findings, linked to entries."""

from catalogue.models import Outcome, Reference, ReferenceOutcome


def make_reference(title, design="qualitative", country="", findings=None, **fields):
    """A study; `findings` maps outcome slug -> direction ("benefit", "harm"...)."""
    reference = Reference.objects.create(
        title=title,
        authors=fields.pop("authors", "Author A"),
        year=fields.pop("year", 2020),
        design=design,
        country=country,
        **fields,
    )
    outcomes = {outcome.slug: outcome for outcome in Outcome.objects.all()}
    ReferenceOutcome.objects.bulk_create(
        ReferenceOutcome(reference=reference, outcome=outcomes[slug], direction=direction)
        for slug, direction in (findings or {}).items()
    )
    return reference


def cite(page, *references, publish=True):
    """Link studies to an entry the way an editor does: in a revision, then published."""
    page.references = list(page.references.all()) + list(references)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
