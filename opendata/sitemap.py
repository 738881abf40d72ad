"""
sitemap.xml as a sitemap index, with pages of at most SITEMAP_PAGE_URLS addresses each (the
protocol allows 50,000 a file); both built once per content version and streamed from disk.

Wagtail's own sitemap view renders every live public page through `.specific()` and the template
engine on every request: 4.7 MB and about 8 s at 100,000 entries. This lists the same pages (live,
public, under the site's root, with Wagtail's `lastmod`: last published, else last revised) from
one query a file. The addresses start with SITE_BASE_URL, like every other absolute URL the site writes:
not the Wagtail Site's hostname (`localhost` unless an editor changes it), nor the request's Host header.
Pages whose type lists more addresses than its own (Wagtail's `get_sitemap_urls`, e.g. the data page's
routes: every chart page, profile and area) add them after the pages, in the last files.
"""

import math
from xml.sax.saxutils import escape

from django.http import FileResponse, Http404
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site, get_page_models

from catalogue.io.versioned_files import VersionedFiles
from website.site_url import base_url

SITEMAP_PAGE_URLS = 50_000
MAX_FILES = 10_000  # 500 million pages: a larger number is not ours (and would overflow OFFSET)
XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
sitemap_files = VersionedFiles("sitemaps", max_files=64)


def _site(request) -> Site:
    return Site.find_for_request(request) or Site.objects.select_related("root_page").get(is_default_site=True)


def _public_pages(site: Site):
    return site.root_page.get_descendants(inclusive=True).live().public().order_by("path")


def _route_addresses(site: Site) -> list[str]:
    """The addresses beneath pages whose type lists its routes (get_sitemap_urls), their own left out."""
    types = [model for model in get_page_models() if model.get_sitemap_urls is not Page.get_sitemap_urls]
    if not types:
        return []
    addresses, root = [], site.root_url
    for page in _public_pages(site).type(*types).specific():
        own = page.get_full_url()
        addresses += [
            # From SITE_BASE_URL, like the pages' own addresses, not the Wagtail Site's root URL.
            base_url() + url["location"].removeprefix(root)
            for url in page.get_sitemap_urls()
            if url["location"] != own
        ]
    return addresses


def _xml_response(path) -> FileResponse:
    return FileResponse(path.open("rb"), content_type="application/xml; charset=utf-8")


@require_safe
def sitemap_index(request):
    """The index: one <sitemap> per file of up to SITEMAP_PAGE_URLS pages."""
    site = _site(request)

    def build():
        files = max(1, math.ceil((_public_pages(site).count() + len(_route_addresses(site))) / SITEMAP_PAGE_URLS))
        yield f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{XMLNS}">\n'
        for number in range(1, files + 1):
            location = base_url() + reverse("opendata-sitemap-page", args=[number])
            yield f"<sitemap><loc>{escape(location)}</loc></sitemap>\n"
        yield "</sitemapindex>\n"

    return _xml_response(sitemap_files.path(f"{site.pk}:index", build))


@require_safe
def sitemap_page(request, number: int):
    """One file of the sitemap: pages in tree order, SITEMAP_PAGE_URLS of them at most."""
    site = _site(request)
    pages = _public_pages(site)
    start, end = (number - 1) * SITEMAP_PAGE_URLS, number * SITEMAP_PAGE_URLS
    if not 1 <= number <= MAX_FILES or (number > 1 and start >= pages.count() + len(_route_addresses(site))):
        raise Http404("There is no sitemap file with that number.")

    def build():
        root_path, page_count, routes = site.root_page.url_path, pages.count(), _route_addresses(site)
        rows = pages.values_list("url_path", "last_published_at", "latest_revision_created_at")[start:end]
        yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{XMLNS}">\n'
        for url_path, published, revised in rows.iterator(chunk_size=5000):
            location = base_url() + url_path[len(root_path) - 1 :]
            changed = published or revised
            lastmod = f"<lastmod>{changed.date().isoformat()}</lastmod>" if changed else ""
            yield f"<url><loc>{escape(location)}</loc>{lastmod}</url>\n"
        for location in routes[max(0, start - page_count) : max(0, end - page_count)]:
            yield f"<url><loc>{escape(location)}</loc></url>\n"
        yield "</urlset>\n"

    return _xml_response(sitemap_files.path(f"{site.pk}:{number}", build))
