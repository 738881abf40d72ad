"""The front end's server-side promises: no inline code (for the CSP), the demo banner, badges, error pages."""

import re

import pytest
from django.template.loader import render_to_string

from catalogue.models import EvidenceLevel
from tests.factories import CaseStudyPageFactory, GuidancePageFactory, InterventionPageFactory

# Data blocks (JSON-LD metadata) are never executed, so the CSP allows them; code must come from a file.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src=|type=\"application/(?:ld\+)?json\"))[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"|\son[a-z]+=\"", re.IGNORECASE)


@pytest.mark.django_db
def test_public_pages_have_no_inline_scripts_or_styles_and_keep_the_site_notice(client, catalogue):
    entries = [
        factory(parent=catalogue, title=f"A {factory._meta.model.__name__}")
        for factory in (InterventionPageFactory, GuidancePageFactory, CaseStudyPageFactory)
    ]
    urls = ["/", "/catalogue/", "/catalogue/?q=x&region=london", "/how-we-rate-evidence/", "/no-such-page/"]
    for url in urls + [entry.url for entry in entries]:
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_STYLE.search(html), url
        assert "Entries summarise the published sources they link to" in html, url
        assert '/static/build/main.css"' in html and '/static/js/site.js"' in html, url


def test_the_500_page_needs_no_database_request_or_context_processors(django_db_blocker):
    with django_db_blocker.block():  # any query would raise
        html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "Entries summarise the published sources they link to" in html
    assert '/static/build/main.css"' in html
    assert not INLINE_SCRIPT.search(html) and not INLINE_STYLE.search(html)


@pytest.mark.django_db
def test_every_evidence_level_has_words_and_its_own_shape(rf):
    shapes = {}
    for level in EvidenceLevel.objects.all():
        html = render_to_string(
            "includes/evidence_badge.html", {"level": level, "scale_url": "/scale/", "linked": True}
        )
        assert level.name in html
        assert f'href="/scale/#level-{level.slug}"' in html
        assert 'aria-hidden="true"' in html  # the shape is decoration; the words carry the meaning
        shapes[level.slug] = re.search(r"<svg.*</svg>", html, re.DOTALL).group(0)
    assert len(set(shapes.values())) == len(shapes), "two levels share a shape"


@pytest.mark.django_db
def test_the_scale_page_shows_each_badge_as_a_label_not_a_link(client, site_tree):
    html = client.get("/how-we-rate-evidence/").content.decode()
    for level in EvidenceLevel.objects.all():
        assert f'<span class="evidence-badge evidence-badge--{level.slug} ' in html


@pytest.mark.django_db
def test_badges_lead_to_the_rating_rationale(client, catalogue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = InterventionPageFactory(parent=catalogue, title="Rated service", evidence="promising")
    card = client.get("/catalogue/").content.decode()
    assert (
        f'class="evidence-badge evidence-badge--promising evidence-badge--research" href="{entry.url}#rating-rationale"'
    ) in card
    page = client.get(entry.url).content.decode()
    assert 'href="#rating-rationale"' in page and 'id="rating-rationale"' in page  # the summary's badge
    assert 'href="/how-we-rate-evidence/#level-promising"' in page  # the rationale's badge: the scale's rule
