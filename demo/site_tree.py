"""The page tree every installation needs: home, catalogue, the data explorer and the standard pages."""

from wagtail.models import Page, Site

from catalogue.models import CatalogueIndexPage
from editorial.setup import ensure_editorial_setup
from explorer.models import DataPage
from explorer.models.data_page import INTRODUCTION, default_sections
from website.models import HomePage, StandardPage

from .evidence_rule import RATING_RULE_HTML, RATING_RULE_INTRODUCTION, publish_rating_rule

HOME_INTRODUCTION = (
    "The evidence and good practice on state intervention at birth in England and Wales: pre-birth "
    "assessment, help around the birth that keeps families safely together, and support for parents "
    "after a baby is removed, so that proceedings do not recur."
)

STANDARD_PAGES = [
    {
        "slug": "how-we-rate-evidence",
        "title": "How we rate evidence",
        "show_evidence_scale": True,
        "introduction": RATING_RULE_INTRODUCTION,
        "body": RATING_RULE_HTML,
    },
    {
        "slug": "about",
        "title": "About this site",
        "introduction": "Why Born into Care exists and who it is for.",
        "body": "<p>The number of newborn babies subject to care proceedings rose steeply in England between "
        "2007/08 and 2016/17 (from 1,039 to 2,447 babies under a week old), with wide regional "
        "variation (Broadhurst et al, 2018, <i>Born into care: Newborns in care proceedings in "
        "England</i>, Nuffield Family Justice Observatory). Practitioners, managers, courts and "
        "policy staff asked for the evidence and good practice in one place. This site collects it.</p>"
        "<p><b>About the entries.</b> Each entry summarises real programmes, guidance or local practice "
        "from the published sources it links to. A summary can leave out or misread something: check "
        "the source before relying on an entry for a practice decision.</p>",
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "introduction": "We want as many people as possible to be able to use this website.",
        "body": "<p>The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. "
        "Every page works without JavaScript, can be used with a keyboard alone and reflows on a "
        "small screen. Tell us about any problem you find and we will fix it.</p>",
    },
]


def ensure_site_tree() -> tuple[HomePage, CatalogueIndexPage]:
    """Create the home page (as the default site's root), the catalogue and standard pages if missing."""
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's migrations create a placeholder "Welcome" page (slug "home") as the site root.
        Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Born into Care", slug="home", introduction=HOME_INTRODUCTION))
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "site_name": "Born into Care", "root_page": home},
        )
    catalogue = CatalogueIndexPage.objects.first()
    if catalogue is None:
        catalogue = home.add_child(
            instance=CatalogueIndexPage(
                title="Catalogue",
                slug="catalogue",
                introduction="Interventions, guidance and good-practice case studies. Search, then narrow the "
                "results by area of practice, stage, region, topic and strength of evidence.",
            )
        )
        catalogue.save_revision().publish()
        # Roles' page permissions and the review workflow hang off the catalogue page.
        ensure_editorial_setup()
    ensure_data_page(home)
    existing = set(StandardPage.objects.values_list("slug", flat=True))
    for spec in STANDARD_PAGES:
        if spec["slug"] not in existing:
            page = home.add_child(instance=StandardPage(show_in_menus=True, **spec))
            page.save_revision().publish()
    publish_rating_rule()
    return home, catalogue


def ensure_data_page(home: HomePage) -> DataPage:
    """The data explorer's page at /data/, with the prose editors then own, if there is none."""
    page = DataPage.objects.first()
    if page is None:
        page = home.add_child(
            instance=DataPage(
                title="Data explorer", slug="data", introduction=INTRODUCTION, sections=default_sections()
            )
        )
        page.save_revision().publish()
    return page
