"""
The board report's authority-level sections: the area's authorities on England's funnel plot (limits that
allow for over-dispersion, and chance-only), the infants looked after on 31 March, and the context
measures the site already holds for each authority (Ofsted, deprivation, spend, Cafcass, conceptions).
"""

from dataclasses import replace

from catalogue.models import LocalAuthority

from ..charts.chart import Chart, table
from ..figures import family_justice as family
from ..figures import under_one
from ..figures.areas import Member
from ..figures.boundaries import former_authority_names
from ..figures.measures import spend_per_child
from ..formatting import fmt_count, fmt_rate, fmt_share, year_label
from ..models import CafcassRate, Deprivation, InfantCareFigure, OfstedJudgement
from ..pages.outliers import funnel
from ..sources import BIRTHS, CAFCASS, CONCEPTIONS, DFE_AT_31_MARCH, DFE_STARTS, DFJ, IMD, OFSTED, SPEND

FUNNEL_COLUMNS = (0, 2, 3, 4, 6, 7, 10, 11, 13, 14)  # of explorer.pages.outliers.COLUMNS


def authorities_funnel(area_name: str, members: list[Member], year: int | None) -> Chart | None:
    """England's funnel plot of every authority, the area's own marked; the table keeps the area's rows only."""
    if year is None:
        return None
    codes = {member.link.la_code for member in members}
    figures = [replace(figure, own_data=figure.area_code in codes) for figure in under_one.figures(year=year)]
    names = {**former_authority_names(), **dict(LocalAuthority.objects.values_list("ons_code", "name"))}
    chart = funnel(figures, year, names=names, sources=[DFE_STARTS, BIRTHS, DFJ])
    chart.slug = "board-authorities-funnel"
    chart.title = f"{area_name}'s local authorities against England, {year_label(year)}"
    chart.svg = chart.svg.replace(">Your figures<", ">This area's authorities<")
    member_names = {names.get(code, code) for code in codes}
    # A4 holds ten columns: the 95% limits of both kinds and both positions (the 99.8% ones are on the chart).
    chart.columns = [chart.columns[i] for i in FUNNEL_COLUMNS]
    chart.rows = [[row[i] for i in FUNNEL_COLUMNS] for row in chart.rows if row[0] in member_names]
    chart.notes.insert(
        0,
        f"The chart shows every English local authority; {area_name}'s are the diamonds and the only rows in the "
        "table (the outliers page lists every authority).",
    )
    return chart


def infants_at_31_march(area_name: str, members: list[Member]) -> Chart | None:
    """Infants under 1 looked after on 31 March in each authority, latest year with authority figures."""
    measure = InfantCareFigure.Measure.AT_31_MARCH
    years = under_one.years(measure)
    if not years:
        return None
    year = years[-1]
    found = under_one.under_one_figures([member.link.la_code for member in members], year, measure)
    rows = []
    for member in members:
        figure = found.get(member.link.la_code)
        rows.append(
            [
                member.link.la_name,
                fmt_count(figure.count, figure.flag) if figure else "",
                fmt_count(figure.all_ages_count, figure.all_ages_flag) if figure else "",
                fmt_share(figure.share_of_all_ages) if figure else "",
            ]
        )
    title = f"Infants looked after on 31 March {year} in {area_name}'s local authorities"
    summary = (
        f"Children aged under 1 looked after on 31 March {year} (a placement count on one day, not the number "
        "who entered care in the year), and their share of all children looked after."
    )
    columns = ["Local authority", f"Under 1 on 31 March {year}", "All ages", "Under-1 share of all (%)"]
    notes = ["[c] suppressed, [x] not available: never 0. An empty cell: no figure published for that authority."]
    return table("board-at-31-march", title, summary, columns, rows, [DFE_AT_31_MARCH, DFJ], notes)


def context_years() -> dict[str, str]:
    """The period each context measure covers, as its column heading says it."""
    cafcass_year = CafcassRate.objects.order_by("-year").values_list("year", flat=True).first()
    conceptions_year, _ = family.conception_rates()
    return {
        "ofsted": "latest inspection as at 31 March 2025",
        "imd": "2019",
        "spend": "2024 to 2025",
        "cafcass": year_label(cafcass_year) if cafcass_year else "",
        "conceptions": str(conceptions_year) if conceptions_year else "",
    }


def context_table(area_name: str, members: list[Member]) -> Chart:
    """One row per authority: the measures the site's profiles and relationships page already show."""
    years = context_years()
    codes = [member.link.la_code for member in members]
    ofsted = {j.local_authority.ons_code: j for j in OfstedJudgement.objects.select_related("local_authority")}
    imd = {d.local_authority.ons_code: d for d in Deprivation.objects.select_related("local_authority")}
    spend = spend_per_child()
    cafcass_year = CafcassRate.objects.order_by("-year").values_list("year", flat=True).first()
    cafcass = dict(
        CafcassRate.objects.filter(year=cafcass_year, area_code__in=codes).values_list(
            "area_code", "rate_per_10000_children"
        )
    )
    _, conceptions = family.conception_rates()
    rows = []
    for member in members:
        code = member.link.la_code
        judgement = ofsted.get(code)
        deprivation = imd.get(code)
        rows.append(
            [
                member.link.la_name,
                f"{judgement.overall_effectiveness} ({judgement.inspection_date:%B %Y})" if judgement else "",
                f"{deprivation.imd_average_score} (rank {deprivation.imd_rank_of_average_score})"
                if deprivation
                else "",
                f"£{spend[code]:,.0f}" if code in spend else "",
                fmt_rate(cafcass.get(code)),
                fmt_rate(conceptions.get(code)),
            ]
        )
    columns = [
        "Local authority",
        f"Ofsted overall effectiveness ({years['ofsted']})",
        f"Index of Multiple Deprivation average score, {years['imd']} (rank of 151; 1 most deprived)",
        f"Children's social care spend per child aged 0-17, {years['spend']}",
        f"Care applications per 10,000 children, {years['cafcass']}",
        f"Under-18 conceptions per 1,000 girls aged 15-17, {years['conceptions']}",
    ]
    title = f"Context: {area_name}'s local authorities"
    summary = (
        "Measures of each authority's children's services and population that the site's profiles already "
        "show. Each covers a different period (given in its column) and children of all ages, not infants; "
        "none of them explains an authority's rate on its own."
    )
    notes = ["An empty cell: no figure published for that authority (Welsh authorities have none of these)."]
    return table("board-context", title, summary, columns, rows, [OFSTED, IMD, SPEND, CAFCASS, CONCEPTIONS], notes)
