"""
/data/: the national trend of infants (under 1) entering care, infants in care on 31 March in England
and Wales, and the published Born into Care rates, each chart with its summary written from the numbers it
plots.
"""

from ..charts.chart import Chart
from ..charts.plots import Series, line_svg
from ..figures import under_one
from ..figures.under_one import PAIRING, UnderOneFigure
from ..formatting import fmt_count, fmt_rate, fmt_share, year_label, year_labels
from ..models import ENGLAND_CODE, WALES_CODE, HeadlineFigure, InfantCareFigure, PublishedQuote
from ..sources import BIRTHS, DFE_AT_31_MARCH, DFE_STARTS, STATSWALES, Source
from .state import PageState, respond

RATE_LABEL = "Rate per 10,000 live births"
STARTS = InfantCareFigure.Measure.STARTS
ROUNDED_NOTE = (
    "England and regional counts are rounded to the nearest 10 by DfE, so they need not equal the sum "
    "of local authorities."
)


def overview(request):
    state = PageState(request)
    headline = list(HeadlineFigure.objects.all())
    national = under_one.figures(STARTS, level="National")
    at_31_march = under_one.figures(InfantCareFigure.Measure.AT_31_MARCH, level="National")
    charts = [national_starts(national), national_rate(national), in_care_on_31_march(at_31_march)]
    published = published_rates(headline)
    charts += [published] if published else []
    return respond(
        request,
        "explorer/overview.html",
        state,
        [chart for chart in charts if chart.rows],
        headline_figures=headline,
        quotes=PublishedQuote.objects.all(),
    )


def national_starts(figures: list[UnderOneFigure]) -> Chart:
    """England, every year: under-1 starts, all starts, the under-1 share, and the rate where births exist."""
    england = sorted((f for f in figures if f.area_code == ENGLAND_CODE), key=lambda f: f.year)
    title = "Infants (under 1) starting to be looked after in England, by year"
    rows = [
        [
            year_label(f.year),
            fmt_count(f.count, f.flag),
            fmt_count(f.all_ages_count, f.all_ages_flag),
            fmt_share(f.share_of_all_ages),
            fmt_count(f.births),
            str(f.births_year) if f.births else "",
            fmt_rate(f.rate),
        ]
        for f in england
    ]
    columns = [
        "Year (April to March)",
        "Under 1 starting to be looked after",
        "All ages starting to be looked after",
        "Under-1 share of all starts",
        "Live births (paired year)",
        "Births year",
        RATE_LABEL,
    ]
    if len(england) < 2:
        return Chart("england-starts", title, "The figures have not been loaded.", "", columns, rows, [DFE_STARTS])
    first, last = england[0], england[-1]
    peak = max(england, key=lambda f: f.count or 0)
    summary = (
        f"{first.count:,} infants under 1 started to be looked after in England in {year_label(first.year)} "
        f"and {last.count:,} in {year_label(last.year)}; the most was {peak.count:,} in "
        f"{year_label(peak.year)}. Under-1s were {last.share_of_all_ages:.1f}% of all children starting to "
        f"be looked after in {year_label(last.year)} ({first.share_of_all_ages:.1f}% in "
        f"{year_label(first.year)}). {ROUNDED_NOTE}"
    )
    svg = line_svg(
        title,
        summary,
        [Series("England: infants under 1 starting to be looked after", [(f.year, f.count) for f in england])],
        x_labels=year_labels(f.year for f in england),
        y_label="Infants under 1",
        y_format="{:,.0f}",
    )
    return Chart("england-starts", title, summary, svg, columns, rows, [DFE_STARTS, BIRTHS])


def national_rate(figures: list[UnderOneFigure]) -> Chart:
    """England's rate per 10,000 live births, only for the years whose paired births are published."""
    england = sorted((f for f in figures if f.area_code == ENGLAND_CODE and f.rate is not None), key=lambda f: f.year)
    title = "Infants (under 1) starting to be looked after per 10,000 live births, England"
    columns = ["Year (April to March)", "Under 1 starting to be looked after", "Live births", "Births year", RATE_LABEL]
    rows = [
        [year_label(f.year), fmt_count(f.count), fmt_count(f.births), str(f.births_year), fmt_rate(f.rate)]
        for f in england
    ]
    if not england:
        return Chart("england-rate", title, "There are no years with both figures.", "", columns, rows, [DFE_STARTS])
    first, last = england[0], england[-1]
    summary = (
        f"The rate was {first.rate:.1f} per 10,000 live births in {year_label(first.year)} and "
        f"{last.rate:.1f} in {year_label(last.year)}. Rates are shown only for the years whose paired live "
        f"births are published (births {england[0].births_year} to {england[-1].births_year}). {PAIRING}"
    )
    svg = line_svg(
        title,
        summary,
        [Series("England", [(f.year, f.rate) for f in england])],
        x_labels=year_labels(f.year for f in england),
        y_label=RATE_LABEL,
    )
    return Chart("england-rate", title, summary, svg, columns, rows, [DFE_STARTS, BIRTHS])


def in_care_on_31_march(figures: list[UnderOneFigure]) -> Chart:
    """England 2011-2025 and Wales 2003-2018: infants looked after on 31 March (the measure both countries share)."""
    countries = {ENGLAND_CODE: "England", WALES_CODE: "Wales"}
    by_key = {(f.area_code, f.year): f for f in figures if f.area_code in countries}
    years = sorted({year for _, year in by_key})
    title = "Infants (under 1) looked after on 31 March, England and Wales"
    columns = ["Year ending 31 March"] + [
        f"{name}: {part}" for name in countries.values() for part in ("under 1", "all ages", "under-1 share")
    ]
    rows = []
    for year in years:
        row = [str(year)]
        for code in countries:
            f = by_key.get((code, year))
            row += (
                [
                    fmt_count(f.count, f.flag),
                    fmt_count(f.all_ages_count, f.all_ages_flag),
                    fmt_share(f.share_of_all_ages),
                ]
                if f
                else ["", "", ""]
            )
        rows.append(row)
    series = [
        Series(name, [(year, by_key[(code, year)].count) for year in years if (code, year) in by_key])
        for code, name in countries.items()
    ]
    parts = []
    for code, name in countries.items():
        own = sorted((f for (c, _), f in by_key.items() if c == code and f.count is not None), key=lambda f: f.year)
        if own:
            parts.append(
                f"{name}: {own[0].count:,} on 31 March {own[0].year} and {own[-1].count:,} on 31 March {own[-1].year}"
            )
    summary = ("; ".join(parts) + ". " if parts else "") + (
        "England's figures are rounded to the nearest 10 by DfE; Wales's are boys plus girls, each rounded to the "
        "nearest 5 by StatsWales, so may be up to 4 out. Welsh figures by age after 2018 were not found."
    )
    svg = line_svg(
        title,
        summary,
        series,
        x_labels={year: str(year) for year in years},
        y_label="Infants under 1 on 31 March",
        x_label="31 March of year",
        y_format="{:,.0f}",
    )
    return Chart("in-care-31-march", title, summary, svg, columns, rows, [DFE_AT_31_MARCH, STATSWALES])


PUBLISHED_LICENCE = "Not Crown copyright, not OGL: quoted with attribution; see the publisher's terms"


def published_rates(figures) -> Chart | None:
    """The published rates per 10,000 live births by calendar year, values exactly as published."""
    rows = [
        figure
        for figure in figures
        if figure.unit == "per 10,000 live births" and figure.value and figure.period.isdigit()
    ]
    if not rows:
        return None
    lines = {}
    for figure in rows:
        age = "under 7 days" if "7_days" in figure.figure else "under 2 weeks"
        lines.setdefault(f"{figure.geography} (babies {age})", []).append((int(figure.period), float(figure.value)))
    years = sorted({int(figure.period) for figure in rows})
    parts = [
        f"{name}: {' then '.join(f'{value:g} in {year}' for year, value in points)}" for name, points in lines.items()
    ]
    summary = (
        "As published, newborns in care proceedings per 10,000 live births rose in both countries ("
        + "; ".join(parts)
        + "). England's figures count babies under 7 days old and Wales's babies "
        "under 2 weeks old, so the two countries cannot be compared directly. These count babies in care "
        "proceedings, a different measure from the infants entering care charted below."
    )
    title = "Published rates of newborns in care proceedings per 10,000 live births"
    svg = line_svg(
        title,
        summary,
        [Series(name, points) for name, points in lines.items()],
        x_labels={year: str(year) for year in range(years[0], years[-1] + 1)},
        y_label=RATE_LABEL,
        x_label="Calendar year",
    )
    sources = list(
        {
            figure.source_title: Source(figure.source_title, PUBLISHED_LICENCE, figure.definition, figure.source_url)
            for figure in rows
        }.values()
    )
    return Chart(
        "published-rates",
        title,
        summary,
        svg,
        ["Geography", "Year", "Value as published", "Unit", "Definition"],
        [[f.geography, f.period, f.value, f.unit, f.definition] for f in rows],
        sources,
    )
