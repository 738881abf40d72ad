"""
/data/relationships/: scatter plots of the real under-1 rate against deprivation, spend per child, Ofsted judgement and
Cafcass care applications (and, from family_justice_scatters.py, legal status, residential family
centres and young parents; from context_scatters.py, child protection thresholds, the social work workforce
and placement types against the under-1 rate of the same years), each with its correlation and 95% interval in
plain words.

The under-1 rate is pooled over the latest five years with births (total infants over total live
births) because single-year LA counts are small and noisy; the Cafcass comparison uses one year,
the same financial year on both axes.

The page lists them, grouped, with each correlation in a line; each scatter, its table and its notes are on a
page of their own (/data/relationships/<slug>/). On one page the 21 made 1.6 MB of HTML, about 68,000 px
long on a phone.
"""

from django.db.models import Max, Min
from django.http import Http404
from django.utils.text import capfirst

from catalogue.models import LocalAuthority

from ..charts.chart import Chart
from ..charts.plots import ScatterPoint, scatter_svg
from ..figures import statistics, under_one
from ..figures.measures import pooled_over_years, spend_per_child, years_pooled
from ..figures.versioned import kept_per_data_version
from ..formatting import fmt_count, fmt_rate, year_label
from ..models import CafcassRate, Deprivation, OfstedJudgement
from ..sources import BIRTHS, CAFCASS, DFE_STARTS, IMD, OFSTED, SPEND
from . import context_scatters, family_justice_scatters
from .state import PageState, respond

OFSTED_GRADES = {1: "Outstanding", 2: "Good", 3: "Requires improvement", 4: "Inadequate"}
LABEL_EXTREMES = 4  # name the few highest areas on each scatter
POOLED_YEARS = 5
KINDS = ("imd", "spend", "ofsted", "cafcass")


TITLE = "Deprivation, spend, Ofsted, Cafcass, thresholds, workforce and placements"


def relationships(request):
    """The list of relationships, grouped. `?download=<slug>` still gives any scatter's CSV here."""
    state = PageState(request)
    groups = [(heading, charts) for heading, charts in grouped_scatters() if charts]
    every_chart = [chart for _, charts in groups for chart in charts]
    return respond(
        request,
        "explorer/relationships.html",
        state,
        [],
        downloadable=every_chart,
        page_title=TITLE,
        groups=[(heading, [Relationship(chart) for chart in charts]) for heading, charts in groups],
        # The correlations on the list are worked out from these: named here, as each chart's page names its own.
        sources=list(dict.fromkeys(source for chart in every_chart for source in chart.sources)),
    )


def relationship(request, slug):
    """One scatter with its table, notes and sources, and links to the others."""
    state = PageState(request)
    every_chart = every_scatter()
    chart = next((chart for chart in every_chart if chart.slug == slug), None)
    if chart is None:
        raise Http404("There is no relationship of that name: the relationships page lists them all.")
    return respond(
        request,
        "explorer/relationship.html",
        state,
        [chart],
        page_title=chart.title,
        relationship=Relationship(chart),
        others=[Relationship(other) for other in every_chart if other is not chart],
    )


def grouped_scatters() -> list[tuple[str, list[Chart]]]:
    """The scatters in the order the page lists them, under the headings of the three families they come from."""
    return [
        ("Deprivation, spending, Ofsted and Cafcass", all_scatters()),
        ("Legal status, family centres and young parents", family_justice_scatters.latest_scatters()),
        ("Child protection, social work, placements and low income", context_scatters.context_scatters()),
    ]


def every_scatter() -> list[Chart]:
    return [chart for _, charts in grouped_scatters() for chart in charts]


class Relationship:
    """A line of the list: what the under-1 rate is set against, and the correlation in figures and in words."""

    def __init__(self, chart: Chart):
        self.slug = chart.slug
        self.title = chart.title
        _, against, measure = chart.title.partition(" against ")
        self.measure = capfirst(measure) if against else chart.title
        self.correlation = getattr(chart, "correlation", None)
        self.in_words = statistics.relationship_in_words(self.correlation)


def explanatory_values(kind: str, year: int | None = None) -> dict[str, float]:
    """{ONS code: value} of the measure set against the under-1 rate."""
    if kind == "imd":
        return {
            code: float(score)
            for code, score in Deprivation.objects.values_list("local_authority__ons_code", "imd_average_score")
        }
    if kind == "spend":
        return spend_per_child()
    if kind == "cafcass":
        return {
            code: float(rate)
            for code, rate in CafcassRate.objects.filter(year=year, geographic_level="Local authority").values_list(
                "area_code", "rate_per_10000_children"
            )
        }
    return dict(OfstedJudgement.objects.values_list("local_authority__ons_code", "overall_effectiveness_grade"))


EXPLANATORY = {
    "imd": ("IMD 2019 average score", "deprivation (IMD 2019 average score)", IMD, "deprivation"),
    "spend": (
        "Children's social care spend per child, 2024-25 (£)",
        "spend per child",
        SPEND,
        "children's social care spend per child",
    ),
    "ofsted": (
        "Ofsted overall effectiveness (1 Outstanding to 4 Inadequate)",
        "the Ofsted grade (4 is the worst)",
        OFSTED,
        "Ofsted judgement",
    ),
    "cafcass": (
        "Cafcass care applications per 10,000 children aged 0-17",
        "the Cafcass care application rate",
        CAFCASS,
        "Cafcass care applications",
    ),
}


def under_one_rates(kind: str) -> tuple[dict[str, tuple[int, int, float, list[int]]], str, int | None]:
    """{code: (count, births, rate, years pooled)} for the kind's years, a label for them, and the last year."""
    years = under_one.years_with_births()
    if not years:
        return {}, "", None
    chosen = years[-1:] if kind == "cafcass" else years[-POOLED_YEARS:]
    figures = under_one.figures(level="Local authority", year=chosen[0] if len(chosen) == 1 else None)
    pooled = pooled_over_years([f for f in figures if f.country == "England"], chosen)
    rates = {
        code: (group.rate_count, group.births, group.rate, group.rate_years)
        for code, group in pooled.items()
        if group.rate is not None and group.suppressed_areas == 0
    }
    span = year_label(chosen[0]) if len(chosen) == 1 else f"years ending March {chosen[0]} to {chosen[-1]} pooled"
    return rates, span, chosen[-1]


def under_one_scatter(kind: str) -> Chart | None:
    rates, span, last_year = under_one_rates(kind)
    if not rates:
        return None
    x_axis, x_words, x_source, title_words = EXPLANATORY[kind]
    x_values = explanatory_values(kind, last_year)
    names = dict(LocalAuthority.objects.values_list("ons_code", "name"))
    codes = sorted((c for c in rates if c in x_values and c in names), key=lambda c: names[c])
    xs, ys = [x_values[c] for c in codes], [rates[c][2] for c in codes]
    y_words = f"rate of infants entering care ({span}, per 10,000 live births)"
    corr = (statistics.spearman if kind == "ofsted" else statistics.pearson)(xs, ys)
    extra = ""
    if kind != "ofsted" and corr is not None:
        ranked = statistics.spearman(xs, ys)  # a robustness check: a few extreme areas sway Pearson's r
        if ranked and ranked.low is not None:
            extra = (
                f"Using ranks instead, which a few extreme areas sway less, Spearman's r = {ranked.r:.2f} "
                f"(95% interval {ranked.low:.2f} to {ranked.high:.2f})."
            )
    summary = years_unpaired(kind, span, codes) + statistics.describe_correlation(corr, x_words, y_words, extra)
    extremes = set(sorted(codes, key=lambda c: rates[c][2])[-LABEL_EXTREMES:])
    title = f"Infants (under 1) entering care against {title_words}"
    svg = scatter_svg(
        title,
        summary,
        [ScatterPoint(x_values[c], rates[c][2], names[c], c in extremes) for c in codes],
        x_label=x_axis,
        y_label="Rate per 10,000 live births",
        categories=OFSTED_GRADES if kind == "ofsted" else None,
    )
    x_format = (lambda v: f"{int(v)} {OFSTED_GRADES[int(v)]}") if kind == "ofsted" else (lambda v: f"{v:,.2f}")
    rows = [
        [
            names[c],
            c,
            x_format(x_values[c]),
            fmt_count(rates[c][0]),
            fmt_count(rates[c][1]),
            fmt_rate(rates[c][2]),
            years_pooled(rates[c][3]),
        ]
        for c in codes
    ]
    chart = Chart(
        f"under1-vs-{kind}",
        title,
        summary,
        svg,
        [
            "Local authority",
            "ONS code",
            x_axis,
            f"Under 1 starting to be looked after ({span})",
            "Live births (paired years)",
            f"Rate per 10,000 live births ({span})",
            "Years pooled for this authority (years ending March)",
        ],
        rows,
        [DFE_STARTS, BIRTHS, x_source],
    )
    chart.correlation = corr
    chart.notes += _fewer_years_note(codes, rates, names)
    chart.notes += [
        f"{len(codes)} local authorities have both figures; the {LABEL_EXTREMES} highest rates are named.",
        "Left out: areas with a suppressed year in the period, or with no births figure for their "
        "boundaries (e.g. Cumbria's successors before 2023). " + under_one.PAIRING,
    ]
    if kind == "spend":
        chart.notes.append(
            "Spend includes the cost of looking after children, so part of this relationship is "
            "built in: more children in care means more spending."
        )
    if kind == "cafcass":
        chart.notes.append(
            "Cafcass rates count care applications for children of all ages per 10,000 children "
            "aged 0-17, in the same financial year as the under-1 figures."
        )
    return chart


def years_unpaired(kind: str, span: str, codes: list[str]) -> str:
    """
    Which years each side covers where the two cannot be paired by year, said first: the site holds one year of
    spend (RO3 2024 to 2025), each authority's latest Ofsted inspection and one edition of the IMD, while the
    under-1 rate needs live births (to 2022, so reporting years to 2023). Cafcass is paired year by year.
    """
    if kind == "cafcass":
        return f"Years: both sides are {span}. "
    rate_years = f"the under-1 rate pools {span.removesuffix(' pooled')} (the latest years with live births)"
    if kind == "spend":
        other = "spend per child is for 2024 to 2025 only (the one year of spending returns the site holds)"
    elif kind == "ofsted":
        dates = OfstedJudgement.objects.filter(local_authority__ons_code__in=codes).aggregate(
            first=Min("inspection_date"), last=Max("inspection_date")
        )
        if dates["first"] is None:
            return ""
        other = (
            "the Ofsted grade is each authority's latest inspection, inspected between "
            f"{dates['first']:%B %Y} and {dates['last']:%B %Y}"
        )
    else:
        other = "deprivation is the Index of Multiple Deprivation 2019, one edition"
    return f"Years: {rate_years}; {other}. They cannot be paired by year. "


def _fewer_years_note(codes, rates, names) -> list[str]:
    """Name the authorities whose pooled rate covers fewer years than the period (a pooled value never hides it)."""
    most = max((len(set(rates[c][3])) for c in codes), default=0)
    fewer = [f"{names[c]} ({years_pooled(rates[c][3])})" for c in codes if len(set(rates[c][3])) < most]
    if most < 2 or not fewer:
        return []
    return [f"Pooled over fewer than {most} years (no figure or no births for the others): " + "; ".join(fewer) + "."]


@kept_per_data_version
def all_scatters() -> list[Chart]:
    return [chart for chart in (under_one_scatter(kind) for kind in KINDS) if chart]
