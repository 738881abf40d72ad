"""
Recommended results: the answer editors pin for a search, shown above the ranked results and labelled
"Recommended". Editors make them with Wagtail's own "Promoted search results"
(`wagtail.contrib.search_promotions`, Admin → Settings), usually from the "Searches that found little"
report, which links to a form with the words filled in.

A recommendation matches a search whose words are the same once normalised as search records are
("Domestic violence!" and "domestic violence"). All recommendations are read once per content version
(saving or deleting one moves the version on: `catalogue/signals.py`), so a search costs no extra query.
"""

from dataclasses import dataclass

from .records import normalise_terms


@dataclass(frozen=True)
class Recommendation:
    title: str
    url: str
    description: str


def _all_recommendations() -> dict[str, list[Recommendation]]:
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.models import Page

    from ..models.visibility import without_private

    promotions = list(SearchPromotion.objects.select_related("query").order_by("sort_order", "pk"))
    page_ids = {p.page_id for p in promotions if p.page_id}
    # Only what the public may see: a draft, unpublished or private page is never recommended.
    pages = {page.pk: page for page in without_private(Page.objects.live()).filter(pk__in=page_ids).specific()}
    found: dict[str, list[Recommendation]] = {}
    for promotion in promotions:
        page = pages.get(promotion.page_id)
        if page is not None:
            item = Recommendation(page.title, page.url, promotion.description or getattr(page, "summary", ""))
        elif promotion.external_link_url:
            item = Recommendation(
                promotion.external_link_text or promotion.external_link_url,
                promotion.external_link_url,
                promotion.description,
            )
        else:
            continue
        found.setdefault(normalise_terms(promotion.query.query_string), []).append(item)
    return found


def recommended_for(text: str, snapshot) -> list[Recommendation]:
    """The recommendations editors made for these search words, in their order."""
    terms = normalise_terms(text)
    if not terms:
        return []
    return snapshot.memo("recommended results", _all_recommendations).get(terms, [])
