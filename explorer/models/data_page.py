"""
The data wing's one Wagtail page, at /data/ in the demo: editors write its introduction and the opening
paragraph of each of its sections in the admin, and its routes (explorer/routes.py) serve every chart and
table page beneath it, so renaming or moving the page moves them all.
"""

from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from catalogue.extensions import RegisteredRoutesMixin

# The pages beneath the data page whose opening paragraph editors write (route name, label in the admin).
SECTIONS = [
    ("regions", "Regions compared"),
    ("funnel", "Outlier local authorities"),
    ("relationships", "Deprivation, spend, Ofsted and Cafcass"),
    ("local_authorities", "Local authority profiles"),
    ("questions", "What we asked, what the data show"),
    ("area_index", "Family justice areas"),
    ("legal_status", "Legal status and orders at home"),
    ("centres", "Parent-and-child units"),
    ("your_data", "Examine your own data"),
]
# The prose a new data page starts with (the text the pages carried in code before editors owned it;
# migration 0004 seeds an existing site's page with the same words).
INTRODUCTION = (
    "Published figures for every local authority in England (2011 to 2025) and Wales (2003 to 2018): compare "
    "areas and regions, find outliers, and see how rates relate to deprivation, spending, Ofsted and Cafcass."
)
LEDES = {
    "regions": "How the rate of infants (under 1) entering care differs between England's regions.",
    "funnel": "A funnel plot shows which local authorities' rates of infants entering care differ from "
    "England's by more than chance would explain, allowing for how many babies are born there.",
    "relationships": "How the rate of infants entering care relates to deprivation, spending on children's "
    "social care, Ofsted judgements and Cafcass care applications. A relationship between two measures "
    "does not show that one causes the other.",
    "local_authorities": "153 children's services authorities in England and 22 local authorities in Wales, by region.",
    "questions": "When the Born into Care figures were first presented, practitioners, managers and judges "
    "asked why rates of babies entering care differ so much between areas. This page takes each question in "
    "turn and shows what open data can say about it, and what they cannot.",
    "area_index": "HM Courts & Tribunals Service lists 43 Designated Family Judge (DFJ) areas in England and "
    "Wales. Each area's page shows its local authorities' figures side by side and pooled, with a printable "
    "layout and a download pack for a board meeting.",
    "legal_status": "How children come into care (a section 20 voluntary agreement or a court order) and how "
    "many children in care live with their parents, in England and its regions. Each local authority's own "
    "figures, against its region and statistical neighbours, are on its profile.",
    "centres": "Residential family centres, where parents and babies can be assessed together, registered "
    "with Ofsted in England from 2015 to 2025.",
    "your_data": "Upload your area's figures of infants entering care to see them on the same funnel plot and "
    "trend as the published figures. Your file is read and then discarded: nothing is stored on this site.",
}


def default_sections() -> list[tuple[str, dict]]:
    """The StreamField value a new data page starts with: one section introduction per page."""
    return [("section", {"section": name, "lede": LEDES[name]}) for name, _ in SECTIONS]


class SectionProseBlock(blocks.StructBlock):
    section = blocks.ChoiceBlock(choices=SECTIONS, help_text="The page this paragraph opens.")
    lede = blocks.TextBlock(help_text="The opening paragraph, in plain words.")

    class Meta:
        icon = "doc-full"
        label = "Section introduction"


class DataPage(RegisteredRoutesMixin, Page):
    """The data explorer: published figures on infants entering care, family justice areas and more."""

    introduction = models.TextField(blank=True, help_text="The opening paragraph of the data explorer.")
    sections = StreamField(
        [("section", SectionProseBlock())],
        blank=True,
        help_text="The opening paragraph of each page of the data explorer; a page with none shows no paragraph.",
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("sections")]
    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "data explorer page"

    @classmethod
    def get_subpage_urls(cls):
        from ..routes import page_routes  # deferred: the routes import every page module, which import models

        return page_routes()

    def lede(self, section: str) -> str:
        """The editors' opening paragraph of one section ("" if they wrote none)."""
        return next((block.value["lede"] for block in self.sections if block.value["section"] == section), "")

    def get_route_paths(self):
        """Every address beneath the page (Wagtail redirects each of them when editors rename or move it)."""
        from ..routes import sitemap_routes

        return ["/"] + ["/" + self.reverse_subpage(name, args=args) for name, args in sitemap_routes()]

    def get_sitemap_urls(self, request=None):
        """The page and every page beneath it that a search engine should know (profiles and areas included)."""
        from ..routes import sitemap_routes

        base = self.get_full_url(request)
        if not base:
            return []
        base = base if base.endswith("/") else base + "/"
        routes = [base + self.reverse_subpage(name, args=args) for name, args in sitemap_routes()]
        return [{"location": location} for location in [base, *routes]]
