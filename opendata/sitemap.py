"""
sitemap.xml as a sitemap index, with files of at most SITEMAP_PAGE_URLS addresses each (the protocol
allows 50,000 a file), built by the task worker after each publish (opendata/tasks.py) and only served
by the web processes: no visitor's request builds a sitemap file (issue 25). Until the new version's
files are built a visitor gets the previous version's, or a 503 "being prepared" with Retry-After.

Wagtail's own sitemap view renders every live public page through `.specific()` and the template
engine on every request: 4.7 MB and about 8 s at 100,000 entries. This lists the same pages (live,
public, under the default site's root, with Wagtail's `lastmod`: last published, else last revised) from
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

from catalogue.caches import content_version
from catalogue.io.built_files import BuiltFiles, being_prepared
from catalogue.models.visibility import without_private
from website.site_url import base_url

SITEMAP_PAGE_URLS = 50_000
MAX_FILES = 10_000  # 500 million pages: a larger number is not ours
XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
RETRY_SECONDS = 10
INDEX = "index"  # written after the numbered files: a version whose index exists is complete
sitemap_files = BuiltFiles("sitemaps", suffix=".xml")


def _public_pages(site: Site):
    return without_private(site.root_page.get_descendants(inclusive=True).live()).order_by("path")


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


def build_sitemap(version: int) -> None:
    """Write this version's numbered files, then its index (run by the task worker)."""
    site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        files = 0
    else:
        pages, routes = _public_pages(site), _route_addresses(site)
        page_count = pages.count()
        files = max(1, math.ceil((page_count + len(routes)) / SITEMAP_PAGE_URLS))
        for number in range(1, files + 1):
            sitemap_files.write(str(number), version, _file_lines(site, pages, page_count, routes, number))
    sitemap_files.write(INDEX, version, _index_lines(files))


def _index_lines(files: int):
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{XMLNS}">\n'
    for number in range(1, files + 1):
        location = base_url() + reverse("opendata-sitemap-page", args=[number])
        yield f"<sitemap><loc>{escape(location)}</loc></sitemap>\n"
    yield "</sitemapindex>\n"


def _file_lines(site: Site, pages, page_count: int, routes: list[str], number: int):
    """One file: pages in tree order, then the routes' addresses, SITEMAP_PAGE_URLS of them at most."""
    start, end = (number - 1) * SITEMAP_PAGE_URLS, number * SITEMAP_PAGE_URLS
    root_path = site.root_page.url_path
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


def _built(key: str):
    """The built file for `key` (this version's, else the previous one's), a 404, or a 503 while it is built."""
    from .tasks import request_sitemap

    version = content_version()
    found = sitemap_files.find_latest(INDEX, version)
    if found is None or found.version != version:
        request_sitemap()
        found = sitemap_files.find_latest(INDEX, version)  # built already if a test runs tasks at once
    if found is None:
        return being_prepared("The sitemap is being prepared. Please try again in a few seconds.", RETRY_SECONDS)
    path = sitemap_files.path(key, found.version)
    if not path.exists():
        raise Http404("There is no sitemap file with that number.")
    response = FileResponse(path.open("rb"), content_type="application/xml; charset=utf-8")
    response["X-Content-Version"] = str(found.version)
    return response


@require_safe
def sitemap_index(request):
    """The index: one <sitemap> per file of up to SITEMAP_PAGE_URLS pages."""
    return _built(INDEX)


@require_safe
def sitemap_page(request, number: int):
    """One file of the sitemap, as the worker built it."""
    if not 1 <= number <= MAX_FILES:
        raise Http404("There is no sitemap file with that number.")
    return _built(str(number))
