"""
/data/legal-status/: section 20 and placed-with-parents shares of children looked after (all ages), England
over time with the dated events in law and guidance, and by region; and the infants' trend with the events.
"""

from collections import defaultdict

from catalogue.models import LocalAuthority

from ..charts.chart import Chart, table
from ..charts.events import numbered_events
from ..charts.plots import Series, bar_svg, line_svg
from ..figures import family_justice as family
from ..figures import under_one
from ..figures.under_one import PAIRING
from ..figures.versioned import kept_per_data_version
from ..formatting import count_over_total, fmt_count, fmt_rate, fmt_share, year_label
from ..models import ENGLAND_CODE, LegalStatusFigure
from ..sources import BIRTHS, DFE_STARTS, LEGAL_STATUS
from .state import PageState, respond


def legal_status(request):
    return respond(request, "explorer/family_justice/legal_status.html", PageState(request), legal_status_charts())


@kept_per_data_version
def legal_status_charts() -> list[Chart | None]:
    return [
        infants_trend(),
        share_trend("section-20"),
        share_trend("placed-with-parents"),
        share_by_region("section-20"),
        share_by_region("placed-with-parents"),
    ]


def share_trend(
    kind: str,
    extra_series: dict[str, dict[int, family.Share]] | None = None,
    slug_suffix: str = "england",
    title_place: str = "England",
) -> Chart:
    """A share over the years: England (DfE's national row) and, if given, other named series."""
    _, _, label = family.SHARES[kind]
    series_map = (extra_series or {}) | {"England": family.share_series(kind, [ENGLAND_CODE])}
    years = sorted({year for values in series_map.values() for year in values})
    series = [
        Series(name, [(year, values[year].percent if year in values else None) for year in years])
        for name, values in series_map.items()
    ]
    title = f"{label[0].upper()}{label[1:]}, {title_place}"
    summary = (
        f"The {label} each year, all ages"
        + (f", for {', '.join(series_map)}." if len(series_map) > 1 else " (England).")
        + " Percentages are computed here from DfE's published counts."
    )
    events = numbered_events(years)
    svg = (
        line_svg(
            title,
            summary,
            series,
            x_labels={year: year_label(year) for year in years},
            y_label="Per cent",
            events=events,
        )
        if years
        else ""
    )
    columns = ["Year", *[f"{name} (%)" for name in series_map], *[f"{name}: count / total" for name in series_map]]
    rows = [
        [
            year_label(year),
            *[fmt_share(values[year]) if year in values else "" for values in series_map.values()],
            *[count_over_total(values[year]) if year in values else "" for values in series_map.values()],
        ]
        for year in years
    ]
    notes = [
        (
            "National counts are rounded by DfE to the nearest 10. Region and neighbour figures are pooled from "
            "local authority counts (authorities with a suppressed count are left out of that year)."
        )
    ]
    if kind == "placed-with-parents":
        notes.append("No local authority figures at 31 March 2018 or 2019 could be obtained.")
    chart = table(f"{kind}-{slug_suffix}", title, summary, columns, rows, [LEGAL_STATUS], notes, svg)
    chart.events = events
    return chart


@kept_per_data_version
def infants_trend() -> Chart | None:
    """England's infants entering care each year, with the dated events in law and guidance."""
    rows = under_one.figures(codes=[ENGLAND_CODE], level="National")
    if not rows:
        return None
    years = [figure.year for figure in rows]
    events = numbered_events(years)
    title = f"Infants entering care in England, years ending March {years[0]} to {years[-1]}"
    summary = (
        "Infants under 1 starting to be looked after in England each year ending 31 March, with changes of "
        "law and guidance (numbered) beside them. An event next to a change does not show that it caused it."
    )
    series = [
        Series("Infants under 1 starting to be looked after, England", [(figure.year, figure.count) for figure in rows])
    ]
    svg = line_svg(
        title,
        summary,
        series,
        x_labels={year: year_label(year) for year in years},
        y_label="Infants",
        events=events,
    )
    table_rows = [
        [
            year_label(figure.year),
            fmt_count(figure.count, figure.flag),
            fmt_count(figure.births),
            fmt_rate(figure.rate),
        ]
        for figure in rows
    ]
    chart = table(
        "infants-england-events",
        title,
        summary,
        [
            "Year",
            "Infants starting to be looked after aged under 1",
            "Live births (paired year)",
            "Rate per 10,000 live births",
        ],
        table_rows,
        [DFE_STARTS, BIRTHS],
        [PAIRING, "National counts are rounded by DfE to the nearest 10."],
        svg,
    )
    chart.events = events
    return chart


def share_by_region(kind: str, year: int | None = None) -> Chart | None:
    year, _ = family.latest_shares(kind, year)
    if year is None:  # nothing loaded
        return None
    regions = dict(LocalAuthority.objects.values_list("ons_code", "region__name"))
    measure, field, label = family.SHARES[kind]
    by_region = defaultdict(list)
    for figure in LegalStatusFigure.objects.filter(measure=measure, year=year, geographic_level="Local authority"):
        if figure.la_code in regions:
            by_region[regions[figure.la_code]].append(figure)
    pooled = {name: family.pooled_share(items, field) for name, items in sorted(by_region.items())}
    england = family.share_series(kind, [ENGLAND_CODE]).get(year)
    when = year_label(year) if measure == "starts" else f"31 March {year}"
    title = f"{label[0].upper()}{label[1:]} by region, {when}"
    summary = f"The {label} in each English region, pooled from its local authorities' published counts."
    bars = [(name, share.percent, False) for name, share in pooled.items()]
    reference = ("England", england.percent) if england and england.percent is not None else None
    svg = bar_svg(title, summary, bars, x_label="Per cent", reference=reference)
    rows = [[name, fmt_count(share.count), fmt_count(share.total), fmt_share(share)] for name, share in pooled.items()]
    return table(
        f"{kind}-regions",
        title,
        summary,
        ["Region", "Count", "All children", "Per cent"],
        rows,
        [LEGAL_STATUS],
        svg=svg,
    )
