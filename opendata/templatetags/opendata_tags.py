"""Template tags that put citing, version history, open-data links and comparison on public pages."""

import json
from urllib.parse import urlencode

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.safestring import mark_safe

from catalogue.extensions import subpage_url
from catalogue.models import InterventionPage
from catalogue.navigation import site_navigation
from website.site_url import absolute_url

from ..citation import DOWNLOADS, formatted_all
from ..versions import current_version, published_versions
from ..views import cited

register = template.Library()


def _citing(context, page) -> dict:
    """Versions and the cited version for this page, worked out once per request."""
    request = context["request"]
    cache = request.__dict__.setdefault("_opendata_citing", {})
    if page.pk not in cache:
        shown = context.get("shown_version")
        entry = context.get("current_entry") or page
        versions = context.get("versions") or published_versions(entry)
        version = shown or current_version(entry, versions)
        cache[page.pk] = {
            "versions": versions,
            "version": version,
            "shown_version": shown,
            "cited": cited(request, page, version),
            "entry": entry,
        }
    return cache[page.pk]


@register.inclusion_tag("opendata/tags/entry_metadata.html", takes_context=True)
def entry_metadata(context, page):
    """Reference-manager meta tags and schema.org JSON-LD for an entry or one of its versions."""
    citing = _citing(context, page)
    cited_version = citing["cited"]
    request = context["request"]
    # The live page describes the entry at its stable URL; a version page describes that version.
    url = cited_version.url if citing["shown_version"] else absolute_url(citing["entry"].get_url(request))
    return {"cited": cited_version, "json_ld": _json_ld(page, cited_version, url)}


def _json_ld(page, cited_version, url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "additionalType": page.entry_type_label,
        "name": page.title,
        "headline": page.title,
        "description": page.summary,
        "url": url,
        "inLanguage": "en-GB",
        "publisher": {"@type": "Organization", "name": cited_version.publisher},
        "about": [term.name for term in [*page.areas.all(), *page.topics.all()]],
        "spatialCoverage": [{"@type": "Place", "name": region.name} for region in page.regions.all()],
        "citation": [
            {
                "@type": "CreativeWork",
                "name": ref.title,
                "author": ref.authors,
                **({"datePublished": str(ref.year)} if ref.year else {}),
                **({"url": ref.link} if ref.link else {}),
            }
            for ref in page.references.all()
        ],
    }
    if cited_version.version:
        data["version"] = str(cited_version.version.number)
    if cited_version.issued:
        data["dateModified"] = cited_version.issued.isoformat()
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script>, "</" or "<!--" in an editor's text must not end the element early.
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@register.inclusion_tag("opendata/tags/version_notice.html", takes_context=True)
def version_notice(context):
    """On an old version's page: which version this is and where the current one is."""
    shown = context.get("shown_version")
    if not shown:
        return {}
    entry = context["current_entry"]
    current = context.get("current_version")
    return {
        "shown_version": shown,
        "entry_url": entry.get_url(context["request"]),
        "is_current": current is not None and current.number == shown.number,
    }


def _bibliography_url(request) -> str:
    catalogue = site_navigation(request).catalogue
    return subpage_url(catalogue, "bibliography", request=request) if catalogue else ""


@register.inclusion_tag("opendata/tags/cite_this.html", takes_context=True)
def cite_this(context, page):
    """Formatted citations, citation downloads and the public version history."""
    citing = _citing(context, page)
    version, entry, request = citing["version"], citing["entry"], context["request"]

    def download_url(fmt: str) -> str:
        if citing["shown_version"]:
            return subpage_url(entry, "version_cite", version.number, fmt, request=request)
        return subpage_url(entry, "cite", fmt, request=request)

    return {
        "citations": formatted_all(citing["cited"]),
        "downloads": [(label, download_url(fmt)) for fmt, label in DOWNLOADS.items()],
        # The sources themselves, for citing them rather than our summary (the current references).
        "reference_downloads": [
            (label, subpage_url(entry, "references_export", fmt, request=request)) for fmt, label in DOWNLOADS.items()
        ]
        if page.references.all()
        else [],
        "bibliography_url": _bibliography_url(request),
        "cited": citing["cited"],
        "versions": list(reversed(citing["versions"])),
        "shown_version": citing["shown_version"],
        "current_version": current_version(citing["entry"], citing["versions"]),
    }


@register.inclusion_tag("opendata/tags/compare_related.html", takes_context=True)
def compare_related(context, page):
    """On an intervention: compare it with the related interventions the editor linked."""
    if not isinstance(page, InterventionPage) or context.get("shown_version"):
        return {}
    related = [entry for entry in context.get("related_entries", []) if isinstance(entry, InterventionPage)]
    return {"page": page, "related": related[:3]}


@register.filter
def is_intervention(entry) -> bool:
    return entry.content_type_id == ContentType.objects.get_for_model(InterventionPage).pk


@register.simple_tag
def search_params(query) -> str:
    """The search's parameters as a query string ('' for all entries), for export and feed links."""
    params = query.as_params()
    return "?" + urlencode(params) if params else ""
