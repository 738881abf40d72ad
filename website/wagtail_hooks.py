"""The site's pages plug into the catalogue through its hooks (see catalogue.extensions)."""

from wagtail import hooks

from catalogue.caches import visitor_list
from catalogue.extensions import EVIDENCE_SCALE_URL_HOOK
from catalogue.models.own_rows import from_own_rows

from .models import StandardPage


def _evidence_scale_page_url() -> str:
    """Evidence badges link to the first standard page that lists the evidence scale."""
    page = from_own_rows(StandardPage.objects.live()).filter(show_evidence_scale=True).only("url_path").first()
    return page.url if page else ""


hooks.register(EVIDENCE_SCALE_URL_HOOK, visitor_list("evidence-scale-url", _evidence_scale_page_url))
