"""
The board report's trends: the area's infants entering care year by year (starts, and the rate per 10,000
live births beside England's), and the area's section 20 and placed-with-parents shares beside England's.

The area's figure is pooled over the authorities whose courts all lie in the area (as on the area page): a
suppressed count is left out of both sides, never counted as 0, and each row says how many authorities it
covers, so a year with fewer authorities is visible as such.
"""

from dataclasses import dataclass

from ..charts.chart import Chart, table
from ..charts.plots import Series, line_svg
from ..figures import family_justice as family
from ..figures import statistics, under_one
from ..figures.areas import Member
from ..figures.under_one import PAIRING
from ..formatting import fmt_count, fmt_rate, fmt_share, year_label, year_labels
from ..models import ENGLAND_CODE
from ..sources import BIRTHS, DFE_STARTS, DFJ, LEGAL_STATUS

RATE_LABEL = "Rate per 10,000 live births"


@dataclass
class AreaYear:
    """One reporting year of the area's pooled under-1 starts."""

    year: int
    starts: int = 0
    counted: int = 0  # authorities with a published count
    suppressed: int = 0  # authorities whose count is suppressed ([c]) that year
    rate_count: int = 0  # starts in authorities that also have live births (the rate's numerator)
    births: int = 0
    england_count: int | None = None
    england_rate: float | None = None

    @property
    def rate(self) -> float | None:
        return statistics.rate_per_10000(self.rate_count, self.births) if self.births else None


def area_years(members: list[Member]) -> list[AreaYear]:
    """The pooled members' starts for every year any authority has figures, oldest first."""
    codes = {member.link.la_code for member in members if member.pooled}
    by_year: dict[int, AreaYear] = {}
    for figure in under_one.figures(codes=codes | {ENGLAND_CODE}):
        row = by_year.setdefault(figure.year, AreaYear(figure.year))
        if figure.area_code == ENGLAND_CODE:
            row.england_count, row.england_rate = figure.count, figure.rate
        elif figure.geographic_level == "Local authority" and figure.suppressed:
            row.suppressed += 1
        elif figure.geographic_level == "Local authority":
            row.starts += figure.count
            row.counted += 1
            if figure.births:
                row.rate_count += figure.count
                row.births += figure.births
    return [by_year[year] for year in sorted(by_year) if by_year[year].counted or by_year[year].suppressed]


def starts_chart(area_name: str, rows: list[AreaYear]) -> Chart | None:
    if not rows:
        return None
    first, last = year_label(rows[0].year), year_label(rows[-1].year)
    title = f"Infants starting to be looked after in {area_name}, {first} until {last}"
    summary = (
        f"Infants under 1 who started to be looked after in the area's local authorities each year, {first} "
        f"until {last}: {fmt_count(rows[-1].starts)} in {last} from {rows[-1].counted} authorit"
        f"{'y' if rows[-1].counted == 1 else 'ies'} with a published count."
    )
    svg = line_svg(
        title,
        summary,
        [Series(f"{area_name} (pooled)", [(row.year, row.starts if row.counted else None) for row in rows])],
        x_labels=year_labels(row.year for row in rows),
        y_label="Infants starting care",
        y_format="{:,.0f}",
    )
    columns = [
        "Year (April to March)",
        "Infants starting care aged under 1 (area)",
        "Authorities with a published count",
        "Authorities with a suppressed count",
        "England (rounded to 10 by DfE)",
    ]
    table_rows = [
        [year_label(r.year), fmt_count(r.starts), str(r.counted), str(r.suppressed), fmt_count(r.england_count)]
        for r in rows
    ]
    notes = ["A suppressed count ([c]) is left out of the area's total, never counted as 0."]
    return table("board-trend-starts", title, summary, columns, table_rows, [DFE_STARTS, DFJ], notes, svg)


def rate_chart(area_name: str, rows: list[AreaYear]) -> Chart | None:
    rows = [row for row in rows if row.births or row.england_rate is not None]
    if not rows:
        return None
    first, last = year_label(rows[0].year), year_label(rows[-1].year)
    title = f"Infants entering care per 10,000 live births: {area_name} and England, {first} until {last}"
    latest = rows[-1]
    summary = (
        f"The area's pooled rate of infants under 1 starting to be looked after per 10,000 live births, beside "
        f"England's, {first} until {last} (the years with live births to pair): in {last}, "
        f"{fmt_rate(latest.rate) or 'no figure'} in the area and {fmt_rate(latest.england_rate) or 'no figure'} "
        "in England."
    )
    series = [
        Series(f"{area_name} (pooled)", [(row.year, row.rate) for row in rows]),
        Series("England", [(row.year, row.england_rate) for row in rows]),
    ]
    svg = line_svg(title, summary, series, x_labels=year_labels(row.year for row in rows), y_label=RATE_LABEL)
    columns = [
        "Year (April to March)",
        "Infants starting care (authorities with births)",
        "Live births (paired calendar year)",
        f"{area_name}: rate per 10,000",
        "England: rate per 10,000",
    ]
    table_rows = [
        [year_label(r.year), fmt_count(r.rate_count), fmt_count(r.births), fmt_rate(r.rate), fmt_rate(r.england_rate)]
        for r in rows
    ]
    return table("board-trend-rate", title, summary, columns, table_rows, [DFE_STARTS, BIRTHS, DFJ], [PAIRING], svg)


SHARE_MEASURES = {
    "section-20": ("Section 20 share of children starting to be looked after", "Starts in the year ending 31 March"),
    "placed-with-parents": ("Children looked after placed with parents", "Looked after at 31 March"),
}


def share_trend(kind: str, area_name: str, members: list[Member]) -> Chart | None:
    """The area's pooled share (all ages) beside England's, every year both exist."""
    codes = [member.link.la_code for member in members if member.pooled]
    area, england = family.share_series(kind, codes), family.share_series(kind, [ENGLAND_CODE])
    years = sorted(year for year in area if area[year].percent is not None)
    if not years:
        return None
    what, when = SHARE_MEASURES[kind]
    span = f"{years[0]} to {years[-1]}"
    title = f"{what}: {area_name} and England, years ending 31 March {span}"
    summary = (
        f"{what} (children of all ages: no breakdown for infants is published by local authority), pooled over "
        f"the area's authorities, beside England, years ending 31 March {span}."
    )
    series = [
        Series(f"{area_name} (pooled)", [(year, area[year].percent) for year in years]),
        Series("England", [(year, england[year].percent if year in england else None) for year in years]),
    ]
    labels = {year: str(year) for year in years}
    svg = line_svg(title, summary, series, x_labels=labels, y_label="Per cent", x_label=f"{when} (year)")
    columns = [f"{when} (year)", f"{area_name}: count / total", f"{area_name} (%)", "England (%)"]
    rows = [
        [
            str(year),
            f"{fmt_count(area[year].count, area[year].flag)} / {fmt_count(area[year].total)}",
            fmt_share(area[year]),
            fmt_share(england[year]) if year in england else "",
        ]
        for year in years
    ]
    notes = ["An authority with a suppressed count ([c]) is left out of the pooled share that year."]
    return table(f"board-{kind}-trend", title, summary, columns, rows, [LEGAL_STATUS, DFJ], notes, svg)
