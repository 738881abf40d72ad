"""
Pages and downloads for citing entries (version permalinks, cite-this files), and robots.txt.

The entry views are routes of the entry page (see routes.py): Wagtail's routing has already found
the live entry, wherever the catalogue lives, and passes it in.
"""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.models import Site

from catalogue.extensions import subpage_url
from catalogue.models import CatalogueIndexPage
from website.site_url import absolute_url

from .citation import WRITERS, CitedVersion
from .versions import VersionNotKept, current_version, published_versions, version_as_published


def cited(request, entry, version) -> CitedVersion:
    url = version.url if version else entry.get_url(request)
    return CitedVersion(entry=entry, version=version, url=absolute_url(url), accessed=timezone.localdate())


def _version_or_404(versions, number: int):
    if not 1 <= number <= len(versions):
        raise Http404("This entry has no version with that number")
    return versions[number - 1]


@require_GET
def entry_version(request, entry, number: int):
    """An entry exactly as one published version showed it, with a link to the current version."""
    versions = published_versions(entry)
    version = _version_or_404(versions, number)
    try:
        as_published = version_as_published(entry, version)
    except VersionNotKept:
        response = TemplateResponse(
            request, "opendata/version_gone.html", {"entry": entry, "shown_version": version}, status=410
        )
        return response
    context = as_published.get_context(request)
    context.update(
        shown_version=version, current_entry=entry, versions=versions, current_version=current_version(entry, versions)
    )
    return TemplateResponse(request, as_published.get_template(request), context)


@require_GET
def cite_download(request, entry, fmt: str, number: int | None = None):
    """BibTeX, RIS or CSL-JSON for the current version (no number) or for one version."""
    if fmt not in WRITERS:
        raise Http404("Unknown citation format")
    versions = published_versions(entry)
    version = current_version(entry, versions) if number is None else _version_or_404(versions, number)
    writer, content_type = WRITERS[fmt]
    response = HttpResponse(writer(cited(request, entry, version)), content_type=content_type)
    filename = f"{entry.slug}-v{version.number}" if version else entry.slug
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@require_GET
def robots_txt(request):
    """Crawlers may read the public site; filtered catalogue pages say noindex themselves."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        *[f"Disallow: {url}" for url in _export_urls(request)],
        "Disallow: /compare/",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _export_urls(request) -> list[str]:
    """The catalogue's export addresses on this site, wherever editors have put the catalogue."""
    site = Site.find_for_request(request)
    catalogue = site and CatalogueIndexPage.objects.live().descendant_of(site.root_page).first()
    if not catalogue:
        return []
    return [subpage_url(catalogue, name, request=request) for name in ("export_csv", "export_json")]
