"""The site's own pages: the home page and standard content pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from catalogue.caches import visitor_list


class HomePage(Page):
    """The site root: leads into the areas of practice, the stages and recent case studies."""

    introduction = models.TextField(blank=True, help_text="One paragraph: what the site is for.")

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["website.StandardPage", "catalogue.CatalogueIndexPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from catalogue.models import AreaOfPractice, Stage

        context = super().get_context(request, *args, **kwargs)
        context["areas"] = AreaOfPractice.objects.all()
        context["stages"] = Stage.objects.all()
        context["recent_case_studies"] = recent_case_studies()
        return context


def _recent_case_studies() -> list:
    """The three case studies published most recently, for the home page."""
    from catalogue.models import CaseStudyPage
    from catalogue.models.own_rows import from_own_rows
    from catalogue.models.visibility import without_private

    return list(from_own_rows(without_private(CaseStudyPage.objects.live())).order_by("-first_published_at")[:3])


recent_case_studies = visitor_list("recent-case-studies", _recent_case_studies)


class StandardPage(Page):
    """A plain content page: about, how we rate evidence, accessibility statement."""

    introduction = models.TextField(blank=True)
    body = RichTextField(blank=True)
    show_evidence_scale = models.BooleanField(
        default=False,
        help_text="List the evidence levels and their rules after the body "
        "(for 'How we rate evidence'; evidence badges link to the first such page).",
    )

    search_fields = Page.search_fields + [index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("show_evidence_scale"),
    ]
    parent_page_types = ["website.HomePage", "website.StandardPage"]
    subpage_types = ["website.StandardPage"]

    def get_context(self, request, *args, **kwargs):
        from catalogue.models import EvidenceLevel

        context = super().get_context(request, *args, **kwargs)
        if self.show_evidence_scale:
            context["evidence_levels"] = EvidenceLevel.objects.all()
        return context
