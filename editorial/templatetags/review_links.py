"""`{% review_url page %}`: the edit URL of a page, on the review tab when it is an entry (editorial/review_tab.py)."""

from django import template

from editorial.review_tab import review_url as page_review_url

register = template.Library()


@register.simple_tag
def review_url(page):
    return page_review_url(page)
