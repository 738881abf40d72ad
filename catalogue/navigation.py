"""Where the catalogue is and which pages the main menu lists, found by page type, never by slug."""

from dataclasses import dataclass, field

from wagtail.models import Page, Site

from .caches import visitor_list
from .models import CatalogueIndexPage
from .models.own_rows import from_own_rows
from .models.visibility import without_private


@dataclass
class SiteNavigation:
    """The catalogue page (None if the site has none yet) and the other top-level pages in the menu."""

    catalogue: CatalogueIndexPage | None = None
    catalogue_url: str = ""
    menu_pages: list = field(default_factory=list)


def site_navigation(request) -> SiteNavigation:
    """Worked out once per request (and per content version and site): every page's header needs it."""
    if request is not None and hasattr(request, "_site_navigation"):
        return request._site_navigation
    site = Site.find_for_request(request) if request is not None else None
    root_id = site.root_page_id if site else Page.objects.filter(depth=2).values_list("pk", flat=True).first()
    navigation = each_sites_navigation().get(root_id)
    if navigation is None and root_id is not None:  # a site added since the version moved: found here
        navigation = _find_navigation(Page.objects.get(pk=root_id), site)
    navigation = navigation or SiteNavigation()
    if request is not None:
        request._site_navigation = navigation
    return navigation


def _every_sites_navigation() -> dict[int, SiteNavigation]:
    """Site root page id -> that site's navigation, its addresses as seen from that site."""
    return {
        site.root_page_id: _find_navigation(site.root_page, site) for site in Site.objects.select_related("root_page")
    }


def _find_navigation(root, site) -> SiteNavigation:
    # The catalogue is found by its type, never by its slug: editors may rename it.
    catalogue = from_own_rows(CatalogueIndexPage.objects.live().descendant_of(root)).only("title", "url_path").first()
    menu = without_private(root.get_children().live()).in_menu().only("title", "url_path")
    if catalogue is not None:
        menu = menu.exclude(pk=catalogue.pk)
    return SiteNavigation(
        catalogue=catalogue,
        catalogue_url=catalogue.get_url(current_site=site) if catalogue else "",
        menu_pages=list(menu),
    )


each_sites_navigation = visitor_list("site-navigation", _every_sites_navigation)
