"""Template helpers for an entry's evidence: the rows of its rating basis and the rating rule's page."""

from django import template

from catalogue.extensions import evidence_scale_url
from catalogue.models import GuidanceStatus

register = template.Library()


@register.simple_tag
def rating_basis_rows(page) -> list:
    """The studies the rating rests on, with their references (one query; none on a preview or old version)."""
    if getattr(page, "_cluster_related_objects", None):
        return list(page.rating_basis.all())  # held in memory: a preview or an old revision
    return list(page.rating_basis.select_related("reference"))


@register.simple_tag
def evidence_scale_link() -> str:
    return evidence_scale_url()


@register.simple_tag
def guidance_status_label(status: str) -> str:
    """The readable name of a guidance status slug ("statutory-guidance" -> "Statutory guidance")."""
    return GuidanceStatus(status).label if status in GuidanceStatus.values else ""


@register.simple_tag
def reference_key(reference) -> str:
    """The reference's citation key, as its citation-file URLs use it."""
    return reference.key or f"reference-{reference.pk}"


def _family(author: str) -> str:
    """'Longhi E' -> 'Longhi'; a body's name ('HM Government') as it is."""
    family, _, initials = author.rpartition(" ")
    return family if family and initials.isupper() and len(initials) <= 4 else author


@register.simple_tag
def short_authors(reference) -> str:
    """'Longhi E, Murray L, Hunter R' -> 'Longhi et al'; two authors -> 'Coster and Brookes'."""
    parts = [part.strip() for part in reference.authors.split(",") if part.strip() and part.strip() != "et al"]
    if len(parts) > 2:
        return f"{_family(parts[0])} et al"
    return " and ".join(_family(part) for part in parts)
