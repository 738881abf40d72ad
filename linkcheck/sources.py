"""Every URL the catalogue cites as a source: entries' websites and source documents, and references."""

from django.utils import timezone

from catalogue.models import GuidancePage, InterventionPage, Reference

from .models import LinkStatus


def catalogue_urls() -> list[str]:
    """Distinct http(s) URLs of interventions' websites, guidance source documents and references."""
    urls = []
    urls += InterventionPage.objects.exclude(website="").values_list("website", flat=True)
    urls += GuidancePage.objects.exclude(source_url="").values_list("source_url", flat=True)
    for url, doi in Reference.objects.values_list("url", "doi"):
        link = url or (f"https://doi.org/{doi}" if doi else "")
        if link:
            urls.append(link)
    return [url for url in dict.fromkeys(urls) if url.startswith(("http://", "https://"))]


def entry_sources(page) -> list[tuple[str, str]]:
    """(label, URL) for each source link on one entry page, in the order the page shows them, once each."""
    specific = page.specific
    sources = [("Website", getattr(specific, "website", "")), ("Source document", getattr(specific, "source_url", ""))]
    sources += [(_short_citation(reference), reference.link) for reference in page.references.all()]
    seen = set()
    return [(label, url) for label, url in sources if url and not (url in seen or seen.add(url))]


def _short_citation(reference) -> str:
    """'Robling M and others (2022)': enough to match the reference list above it."""
    first, *others = [name.strip() for name in reference.authors.split(",") if name.strip()] or ["Unknown author"]
    return f"{first}{' and others' if others else ''} ({reference.year or 'n.d.'})"


def record(result) -> LinkStatus | None:
    """Save one check's outcome, replacing the previous one for the same URL (a link not reached keeps it)."""
    if getattr(result, "skipped", False):
        return None
    status, _ = LinkStatus.objects.update_or_create(
        url=result.url,
        defaults={
            "status_code": result.status_code,
            "final_url": result.final_url[:2000],
            "error": result.error[:300],
            "checked_at": timezone.now(),
        },
    )
    return status
