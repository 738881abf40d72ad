"""
One family justice area's board report: its sections in order, each with the years it covers and its
sources, and a line for the top of the report saying which years each section covers (the old pack mixed
2022 to 2023, 2024 to 2025 and 2025 without saying so). The HTML page and the PDF draw the same report.
"""

from dataclasses import dataclass, field

from ..charts.chart import Chart
from ..figures import areas, under_one
from ..figures import family_justice as family
from ..figures.versioned import RECENT_PLACES, kept_for_recent_arguments
from ..formatting import year_label
from ..models import DfjArea
from ..pages import family_justice_area_charts as area_charts
from ..sources import DERIVED_LINKS_CAVEAT, Source
from . import context, placements, trend


@dataclass
class Section:
    """A heading, the period it covers (said at its top) and its charts; sources are gathered from them."""

    slug: str
    heading: str
    period: str
    charts: list[Chart]

    @property
    def sources(self) -> list[Source]:
        seen: dict[str, Source] = {}
        for chart in self.charts:
            for source in chart.sources:
                seen.setdefault(source.title, source)
        return list(seen.values())


@dataclass
class BoardReport:
    area: DfjArea
    year: int | None  # the latest reporting year with live births to pair (the funnel's year)
    members: list
    pooled: areas.PooledArea
    sections: list[Section] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)  # headings of sections with no figure for the area
    caveat: str = DERIVED_LINKS_CAVEAT

    @property
    def coverage(self) -> list[tuple[str, str]]:
        """(section heading, years) for the line at the top of the report."""
        return [(section.heading, section.period) for section in self.sections]

    @property
    def charts(self) -> list[Chart]:
        return [chart for section in self.sections for chart in section.charts]


def span(first: int, last: int, label=year_label) -> str:
    """ "2013 to 2014 until 2022 to 2023": "to" joins the two halves of a reporting year, so not the range."""
    return label(first) if first == last else f"each year from {label(first)} until {label(last)}"


@kept_for_recent_arguments(RECENT_PLACES)  # the page, its PDF's digest and the worker's PDF all read it
def build_report(area: DfjArea) -> BoardReport:
    year = under_one.latest_year_with_births()
    members = areas.members_of(area)
    figures = under_one.under1_figures(year) if year else {}
    areas.attach_figures(members, year, figures)
    pooled, _ = areas.pool_among_all(area, members, year, figures)
    report = BoardReport(area, year, members, pooled)
    # Ofsted registers residential family centres in England only: no row is a 0 only for English authorities.
    english = any(member.authority and member.authority.country == "England" for member in members)
    built = {
        SECTION_HEADINGS["trend"]: _trend_section(area, members),
        SECTION_HEADINGS["authorities"]: _funnel_section(area, members, year),
        SECTION_HEADINGS["legal-status"]: _legal_status_section(area, members),
        SECTION_HEADINGS["placements"]: _placements_section(area, members),
        SECTION_HEADINGS["centres"]: _centres_section(area, members) if english else None,
        SECTION_HEADINGS["context"]: _context_section(area, members),
    }
    report.sections = [section for section in built.values() if section is not None]
    report.omitted = [heading for heading, section in built.items() if section is None]
    return report


SECTION_HEADINGS = {
    "trend": "Infants entering care: the trend",
    "authorities": "The area's authorities against England",
    "legal-status": "Legal status",
    "placements": "Placements",
    "centres": "Residential family centres (parent-and-child units)",
    "context": "Context measures",
}


def has_figures(chart: Chart | None) -> bool:
    """A table of authorities in which at least one authority has a figure (an all-empty table says nothing)."""
    return chart is not None and any(any(cell for cell in row[1:]) for row in chart.rows)


def _section(slug, period, charts) -> Section | None:
    charts = [chart for chart in charts if chart is not None]
    return Section(slug, SECTION_HEADINGS[slug], period, charts) if charts else None


def _trend_section(area, members) -> Section | None:
    rows = trend.area_years(members)
    if not rows:
        return None
    with_rates = [row for row in rows if row.births]
    period = f"starts {span(rows[0].year, rows[-1].year)}"
    if with_rates:
        period += f"; rates {span(with_rates[0].year, with_rates[-1].year)} (the years with live births)"
    charts = [trend.starts_chart(area.name, rows), trend.rate_chart(area.name, rows)]
    return _section("trend", period, charts)


def _funnel_section(area, members, year) -> Section | None:
    chart = context.authorities_funnel(area.name, members, year)
    return _section("authorities", year_label(year) if year else "", [chart if has_figures(chart) else None])


def _legal_status_section(area, members) -> Section | None:
    starts_year = family.latest_shares("section-20")[0]
    at_31_march_year = family.latest_shares("placed-with-parents")[0]
    trend_chart = trend.share_trend("section-20", area.name, members)
    period = ""
    if trend_chart:
        first, last = trend_chart.rows[0][0], trend_chart.rows[-1][0]
        period = f"section 20 share of starts, years ending 31 March {first} to {last}"
    charts = [trend_chart]
    by_authority = area_charts.legal_status_table(area.name, members, starts_year, at_31_march_year)
    if starts_year and has_figures(by_authority):
        period += f"; by authority: starts {year_label(starts_year)}, looked after at 31 March {at_31_march_year}"
        charts.append(by_authority)
    return _section("legal-status", period.strip("; "), charts)


def _placements_section(area, members) -> Section | None:
    trend_chart = trend.share_trend("placed-with-parents", area.name, members)
    at_31_march = context.infants_at_31_march(area.name, members)
    at_31_march = at_31_march if has_figures(at_31_march) else None
    parts = []
    if trend_chart:
        parts.append(f"placed with parents, 31 March {trend_chart.rows[0][0]} to {trend_chart.rows[-1][0]}")
    if at_31_march:
        parts.append(f"infants looked after, {at_31_march.columns[1][len('Under 1 on ') :]}")
    year, by_type = placements.placement_tables(area.name, members)
    # England's row is always there; a table is shown only if one of the area's authorities has a figure.
    by_type = [chart for chart in by_type if any(any(cell for cell in row[1:]) for row in chart.rows[:-1])]
    if by_type:
        parts.append(f"placement type and ethnicity (all ages), 31 March {year}")
    return _section("placements", "; ".join(parts), [trend_chart, at_31_march, *by_type])


def _centres_section(area, members) -> Section | None:
    year = max(family.centre_years(), default=None)
    if year is None:
        return None
    chart = area_charts.centres_table(area.name, members, year)
    return _section("centres", f"31 March {year}", [chart])


def _context_section(area, members) -> Section | None:
    years = context.context_years()
    period = (
        f"Ofsted {years['ofsted']}; deprivation {years['imd']}; spend {years['spend']}; care applications "
        f"{years['cafcass']}; conceptions {years['conceptions']}"
    )
    chart = context.context_table(area.name, members)
    return _section("context", period, [chart if has_figures(chart) else None])
