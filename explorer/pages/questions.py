"""
"What we asked, what the data show": each question practitioners, managers and judges asked about
why rates differ, with the chart that bears on it, what it can and cannot tell, and where to read more.
A question with no open data says so rather than showing something that only looks relevant.
"""

from dataclasses import dataclass, field

from catalogue.models import CatalogueIndexPage, Topic
from evidencemap.models import ResearchQuestion

from ..figures import areas, under_one
from ..figures.versioned import kept_per_data_version
from ..links import data_url
from . import context_scatters
from . import family_justice_scatters as relationships
from .family_justice_area_funnel import funnel_chart
from .legal_status import infants_trend
from .state import PageState, respond


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


# Each question: its text, who asked, what the data can and cannot tell, the chart that bears on it (a key of
# `charts_for` or None), links (text, route name, and its arguments if any), catalogue topics and words that
# pick its research questions.
QUESTIONS = [
    {
        "slug": "areas",
        "question": "Why do rates differ so much between areas: cultures of practice and thresholds?",
        "asked": "Practitioners and managers asked whether each local authority's culture of practice and its "
        "thresholds for acting explain the differences.",
        "can_tell": "Which areas' rates differ from England's by more than chance, allowing for their size.",
        "cannot_tell": "No open data measure practice culture, so the data cannot say why an area differs; "
        "child protection rates (next question) reflect thresholds and need together.",
        "chart": None,
        "links": [
            ("Outlier local authorities (funnel plot)", "funnel"),
            ("Local authority profiles", "local_authorities"),
        ],
        "topics": [],
        "keywords": ["deprivation"],
    },
    {
        "slug": "thresholds",
        "question": "Do child protection thresholds differ, and do they go with more infants entering care?",
        "asked": "Practitioners and managers asked whether each authority's thresholds for acting explain the "
        "differences; local data leads asked to compare authorities on thresholds.",
        "can_tell": "How DfE's published rates of children on child protection plans, plans starting, children in "
        "need and section 47 enquiries relate, authority by authority, to the rate of infants entering care in "
        "the same years; and, on each profile, an authority's trend against its region, England and its "
        "comparators.",
        "cannot_tell": "These rates count children of all ages, not infants, and a rate reflects need as well as "
        "thresholds: a higher rate can mean more need, a lower threshold, or both. No open table of unborn "
        "children on plans by authority was found.",
        "chart": ("cpp-rate-per-10000-at-31-march",),
        "links": [("Relationships, including thresholds and workforce", "relationships")],
        "topics": [],
        "keywords": ["threshold"],
    },
    {
        "slug": "workforce",
        "question": "Does the social work workforce play a part: turnover, agency staff, vacancies and caseloads?",
        "asked": "Local data leads asked to compare authorities on their children's social work workforce as well "
        "as on infants entering care.",
        "can_tell": "How social worker turnover, the agency worker rate, vacancies and caseloads relate to the rate "
        "of infants entering care in the matching years, and each authority's trend on its profile.",
        "cannot_tell": "The figures describe all children and family social workers, not those working before "
        "birth or with infants. They are counted at 30 September, so each is paired with the April-to-March "
        "year containing that date.",
        "chart": ("turnover-rate-fte-pct", "agency-worker-rate-fte-pct"),
        "links": [("Relationships, including thresholds and workforce", "relationships")],
        "topics": [],
        "keywords": ["workforce", "social worker"],
    },
    {
        "slug": "courts",
        "question": "Do courts and family justice areas play a part?",
        "asked": "Judges and lawyers asked about the role of the court and of court directives, and whether Local "
        "Family Justice Boards should examine their own figures.",
        "can_tell": "How the pooled rate of each family justice area compares with England, and which authorities' "
        "cases go to its courts.",
        "cannot_tell": "Court directives and orders by area are not in open data: Family Court Statistics by DFJ area "
        "could not be obtained in machine-readable form, and the authority-to-area links are derived "
        "from HMCTS court data, not an official board list.",
        "chart": "funnel",
        "links": [("Family justice areas", "area_index")],
        "topics": ["advocacy-and-legal-advice"],
        "keywords": [],
    },
    {
        "slug": "section-20",
        "question": "Is section 20 (voluntary accommodation) used differently?",
        "asked": "Practitioners asked whether areas differ in using section 20 agreements rather than court orders.",
        "can_tell": "How the section 20 share of children starting care (all ages) relates, area by area, to the "
        "rate of infants entering care.",
        "cannot_tell": "Legal status is not published for infants by local authority, so an authority's mix for all "
        "ages may not reflect how it accommodates babies.",
        "chart": "section-20",
        "links": [("Legal status and orders at home", "legal_status")],
        "topics": ["section-20"],
        "keywords": ["section 20"],
    },
    {
        "slug": "orders-at-home",
        "question": "Are care orders at home used differently?",
        "asked": "Judges and managers asked about care orders with the child living at home.",
        "can_tell": "How the share of children in care placed with parents (all ages) relates to the rate of "
        "infants entering care: in the latest year, and averaged over the same years as the under-1 rate, with its "
        "interval.",
        "cannot_tell": "'Placed with parents' includes children under any legal status; it is a proxy for orders at "
        "home, not a count of them, and is for all ages.",
        "chart": ("placed-with-parents", "cla-placement-with-parents-pct"),
        "links": [
            ("Legal status and orders at home", "legal_status"),
            ("Relationships, including placement types", "relationships"),
        ],
        "topics": ["orders-at-home"],
        "keywords": [],
    },
    {
        "slug": "units",
        "question": "Where are parent-and-baby assessment units and foster placements used?",
        "asked": "Practitioners asked whether the availability of residential parent-and-baby assessment and "
        "parent-and-baby foster placements makes a difference.",
        "can_tell": "Where Ofsted-registered residential family centres are, how their number has changed, and "
        "whether authorities with more centres have different rates.",
        "cannot_tell": "A centre's local authority is where it is, not who places families there. Parent-and-baby "
        "foster placements are not published by local authority: there is no open data on them.",
        "chart": "centres",
        "links": [("Parent-and-child units", "centres")],
        "topics": ["residential-assessment", "parent-and-baby-foster"],
        "keywords": ["residential", "foster"],
    },
    {
        "slug": "young-parents",
        "question": "Do population demographics explain it: young parents, minority ethnic "
        "and asylum-seeking families?",
        "asked": "Managers asked about the age profile of parents and about minority ethnic and asylum-seeking "
        "families.",
        "can_tell": "How the under-18 conception rate, a proxy for young parenthood, relates to the rate of infants "
        "entering care.",
        "cannot_tell": "Births by mother's age by local authority were not found; conceptions include those ending in "
        "abortion. No open table of the ethnicity or immigration status of infants entering care by local "
        "authority was found. Each English authority's profile shows the ethnicity of all its children looked "
        "after at 31 March (DfE, all ages): that describes children in care, not the area's families or its "
        "infants, so it is not set against the rate of infants entering care here.",
        "chart": "conceptions",
        "links": [("Local authority profiles: ethnicity of children looked after (all ages)", "local_authorities")],
        "topics": ["young-parents", "black-and-minority-ethnic-families", "asylum-seeking-families"],
        "keywords": [],
    },
    {
        "slug": "deprivation",
        "question": "Do austerity, deprivation, early-help spending or Ofsted ratings explain it?",
        "asked": "Everyone asked about deprivation and austerity, early-help spending and Ofsted judgements.",
        "can_tell": "The data explorer relates rates to deprivation (IMD 2019), children's social care spend per "
        "child and Ofsted's judgement, each with a correlation and its interval.",
        "cannot_tell": "Spending lines are only a proxy for early help, and IMD 2019 mostly describes 2015/16.",
        "chart": None,
        "links": [
            ("Deprivation (IMD 2019) and the rate of infants entering care", "relationship", "under1-vs-imd"),
            ("Children's social care spend per child and the rate", "relationship", "under1-vs-spend"),
            ("Ofsted judgements and the rate", "relationship", "under1-vs-ofsted"),
            ("Every relationship, with its correlation (data explorer)", "relationships"),
        ],
        "topics": ["housing-and-poverty", "early-help"],
        "keywords": ["deprivation", "early help", "Ofsted"],
    },
]


QUESTION_CONTEXT_MEASURES = (
    "cpp_rate_per_10000_at_31_march",
    "turnover_rate_fte_pct",
    "agency_worker_rate_fte_pct",
    "cla_placement_with_parents_pct",
)


@kept_per_data_version  # `year` is one the data hold (PageState)
def charts_for(year: int | None) -> dict:
    """The charts the questions refer to, by key, for one reporting year."""
    charts = {chart.slug.removeprefix("under1-vs-"): chart for chart in relationships.all_scatters(year)}
    charts["funnel"] = funnel_chart(None, areas.all_pooled(year)) if year else None
    # The same years as the relationships page, whatever year is chosen here.
    for chart in context_scatters.context_scatters(QUESTION_CONTEXT_MEASURES):
        charts[chart.slug.removeprefix("under1-vs-")] = chart
    return charts


def _chart_keys(chart) -> tuple:
    """A question's chart key(s): None, one key, or a tuple of keys."""
    return tuple(chart) if isinstance(chart, tuple) else (chart,)


def build(year: int | None) -> list[Section]:
    charts = charts_for(year)
    specs = [
        {
            **spec,
            "charts": [charts[key] for key in _chart_keys(spec["chart"]) if charts.get(key)],
            "links": [(text, data_url(name, *args)) for text, name, *args in spec["links"]],
        }
        for spec in QUESTIONS
    ]
    return _resolve(specs)


def _resolve(specs) -> list[Section]:
    """Attach catalogue topics and research questions in two queries, whatever the number of sections."""
    index = CatalogueIndexPage.objects.live().first()
    catalogue_url = index.url if index else ""
    topics = {
        topic.slug: topic
        for topic in Topic.objects.filter(slug__in={slug for spec in specs for slug in spec["topics"]})
    }
    questions = list(ResearchQuestion.objects.order_by("sort_order"))
    sections = []
    for spec in specs:
        spec = dict(spec)
        keywords, slugs = spec.pop("keywords"), spec.pop("topics")
        spec.pop("chart")
        section = Section(**spec)
        if catalogue_url:
            section.topic_links = [
                (topics[slug].name, f"{catalogue_url}?topic={slug}") for slug in slugs if slug in topics
            ]
        section.research_questions = [q for q in questions if any(k.lower() in q.title.lower() for k in keywords)]
        sections.append(section)
    return sections


def questions_page(request):
    state = PageState(request, under_one.years_with_births())
    sections = build(state.year)
    trend = infants_trend()
    charts = [trend] + [chart for section in sections for chart in section.charts]
    return respond(request, "explorer/family_justice/questions.html", state, charts, sections=sections, trend=trend)
