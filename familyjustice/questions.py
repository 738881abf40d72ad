"""
"What we asked, what the data show": each question practitioners, managers and judges asked about
why rates differ, with the chart that bears on it, what it can and cannot tell, and where to read more.
A question with no open data says so rather than showing something that only looks relevant.
"""

from dataclasses import dataclass, field

from django.urls import reverse

from catalogue.models import CatalogueIndexPage, Topic
from evidencemap.models import ResearchQuestion

from . import area_charts, areas, relationships


@dataclass
class Section:
    slug: str
    question: str
    asked: str
    can_tell: str
    cannot_tell: str
    charts: list = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, href)
    topic_links: list[tuple[str, str]] = field(default_factory=list)  # catalogue entries on the same topic
    research_questions: list = field(default_factory=list)


def _section(slug, question, asked, can_tell, cannot_tell, *, charts=(), links=(), topics=(), keywords=()):
    return {"slug": slug, "question": question, "asked": asked, "can_tell": can_tell, "cannot_tell": cannot_tell,
            "charts": [chart for chart in charts if chart], "links": list(links), "topic_slugs": list(topics),
            "keywords": list(keywords)}


def build(year: int | None) -> list[Section]:
    scatters = {chart.slug.removeprefix("under1-vs-"): chart for chart in relationships.all_scatters(year)}
    funnel = area_charts.funnel_chart(None, areas.all_pooled(year)) if year else None
    explorer_relationships = ("Deprivation, spend and Ofsted (data explorer)", reverse("explorer:relationships"))
    specs = [
        _section("areas", "Why do rates differ so much between areas: cultures of practice and thresholds?",
                 "Practitioners and managers asked whether each local authority's culture of practice and its "
                 "thresholds for acting explain the differences.",
                 "Which areas' rates differ from England's by more than chance, allowing for their size.",
                 "No open data measure practice culture or thresholds, so the data cannot say why an area differs.",
                 links=[("Outlier local authorities (funnel plot)", reverse("explorer:funnel")),
                        ("Local authority profiles", reverse("explorer:local_authorities"))],
                 keywords=["deprivation"]),
        _section("courts", "Do courts and family justice areas play a part?",
                 "Judges and lawyers asked about the role of the court and of court directives, and whether Local "
                 "Family Justice Boards should examine their own figures.",
                 "How the pooled rate of each family justice area compares with England, and which authorities' "
                 "cases go to its courts.",
                 "Court directives and orders by area are not in open data: Family Court Statistics by DFJ area "
                 "could not be obtained in machine-readable form, and the authority-to-area links are derived from "
                 "HMCTS court data, not an official board list.",
                 charts=[funnel], links=[("Family justice areas", reverse("familyjustice:area_index"))],
                 topics=["advocacy-and-legal-advice"]),
        _section("section-20", "Is section 20 (voluntary accommodation) used differently?",
                 "Practitioners asked whether areas differ in using section 20 agreements rather than court orders.",
                 "How the section 20 share of children starting care (all ages) relates, area by area, to the rate "
                 "of infants entering care.",
                 "Legal status is not published for infants by local authority, so an authority's mix for all ages "
                 "may not reflect how it accommodates babies.",
                 charts=[scatters.get("section-20")], links=[("Legal status and orders at home",
                                                               reverse("familyjustice:legal_status"))],
                 topics=["section-20"], keywords=["section 20"]),
        _section("orders-at-home", "Are care orders at home used differently?",
                 "Judges and managers asked about care orders with the child living at home.",
                 "How the share of children in care placed with parents (all ages) relates to the rate of infants "
                 "entering care.",
                 "'Placed with parents' includes children under any legal status; it is a proxy for orders at home, "
                 "not a count of them, and is for all ages.",
                 charts=[scatters.get("placed-with-parents")],
                 links=[("Legal status and orders at home", reverse("familyjustice:legal_status"))],
                 topics=["orders-at-home"]),
        _section("units", "Where are parent-and-baby assessment units and foster placements used?",
                 "Practitioners asked whether the availability of residential parent-and-baby assessment and "
                 "parent-and-baby foster placements makes a difference.",
                 "Where Ofsted-registered residential family centres are, how their number has changed, and "
                 "whether authorities with more centres nearby have different rates.",
                 "A centre's local authority is where it is, not who places families there. Parent-and-baby foster "
                 "placements are not published by local authority: there is no open data on them.",
                 charts=[scatters.get("centres")],
                 links=[("Parent-and-child units", reverse("familyjustice:centres"))],
                 topics=["residential-assessment", "parent-and-baby-foster"],
                 keywords=["residential", "foster"]),
        _section("young-parents", "Do population demographics explain it: young parents, minority ethnic and "
                 "asylum-seeking families?",
                 "Managers asked about the age profile of parents and about minority ethnic and asylum-seeking "
                 "families.",
                 "How the under-18 conception rate, a proxy for young parenthood, relates to the rate of infants "
                 "entering care.",
                 "Births by mother's age by local authority were not found; conceptions include those ending in "
                 "abortion. No open data on the ethnicity or immigration status of infants entering care by local "
                 "authority is used on this site.",
                 charts=[scatters.get("conceptions")],
                 topics=["young-parents", "black-and-minority-ethnic-families", "asylum-seeking-families"]),
        _section("deprivation", "Do austerity, deprivation, early-help spending or Ofsted ratings explain it?",
                 "Everyone asked about deprivation and austerity, early-help spending and Ofsted judgements.",
                 "The data explorer relates rates to deprivation (IMD 2019), children's social care spend per "
                 "child and Ofsted's judgement, each with a correlation and its interval.",
                 "Spending lines are only a proxy for early help, and IMD 2019 mostly describes 2015/16.",
                 links=[explorer_relationships], topics=["housing-and-poverty", "early-help"],
                 keywords=["deprivation", "early help", "Ofsted"]),
    ]
    return _resolve(specs)


def _resolve(specs) -> list[Section]:
    """Attach catalogue topics and research questions in two queries, whatever the number of sections."""
    index = CatalogueIndexPage.objects.live().first()
    catalogue_url = index.url if index else ""
    topics = {topic.slug: topic for topic in Topic.objects.filter(
        slug__in={slug for spec in specs for slug in spec["topic_slugs"]})}
    questions = list(ResearchQuestion.objects.order_by("sort_order"))
    sections = []
    for spec in specs:
        keywords = spec.pop("keywords")
        slugs = spec.pop("topic_slugs")
        section = Section(**spec)
        if catalogue_url:
            section.topic_links = [(topics[slug].name, f"{catalogue_url}?topic={slug}") for slug in slugs
                                   if slug in topics]
        section.research_questions = [q for q in questions if any(k.lower() in q.title.lower() for k in keywords)]
        sections.append(section)
    return sections
