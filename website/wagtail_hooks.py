"""The site's pages plug into the catalogue through its hooks (see catalogue.extensions)."""

from wagtail import hooks

from catalogue.caches import per_content_version
from catalogue.extensions import EVIDENCE_SCALE_URL_HOOK
from catalogue.models.own_rows import from_own_rows

from .models import StandardPage


@hooks.register(EVIDENCE_SCALE_URL_HOOK)
def evidence_scale_page_url():
    """Evidence badges link to the first standard page that lists the evidence scale."""

    def find():
        page = from_own_rows(StandardPage.objects.live()).filter(show_evidence_scale=True).only("url_path").first()
        return page.url if page else ""

    return per_content_version("evidence-scale-url", find, previous_while_rebuilding=True)
