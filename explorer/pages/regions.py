"""/data/regions/: the rate of infants entering care by England's regions, in one year and over time."""

from catalogue.models import Region

from ..charts.chart import Chart
from ..charts.plots import Series, bar_svg, line_svg
from ..figures import under_one
from ..figures.under_one import PAIRING, UnderOneFigure
from ..formatting import fmt_count, fmt_rate, fmt_share, year_label, year_labels
from ..models import ENGLAND_CODE
from ..sources import BIRTHS, DFE_STARTS
from .overview import RATE_LABEL, ROUNDED_NOTE, STARTS
from .state import PageState, chart_page


def _region_names():
    return dict(Region.objects.filter(kind=Region.Kind.REGION, code__startswith="E12").values_list("code", "name"))


def regions(request):
    state = PageState(request, under_one.years_with_births())
    year = state.year
    figures = under_one.figures(STARTS, level="Regional") + under_one.figures(STARTS, level="National")
    names = _region_names()
    charts = [regions_compared(figures, year, names), regions_trend(figures, names)] if year else []
    return chart_page(request, state, charts, "Regions compared")


def regions_compared(figures: list[UnderOneFigure], year: int, region_names: dict[str, str]) -> Chart:
    """Regional rates from DfE's published regional counts (rounded to 10) and regional births."""
    regional = sorted(
        (f for f in figures if f.year == year and f.area_code in region_names), key=lambda f: -(f.rate or 0)
    )
    england = next((f for f in figures if f.year == year and f.area_code == ENGLAND_CODE), None)
    label = year_label(year)
    bars = [(region_names[f.area_code], f.rate, False) for f in regional]
    rows = [
        [
            region_names[f.area_code],
            fmt_count(f.count, f.flag),
            fmt_count(f.births),
            fmt_rate(f.rate),
            fmt_share(f.share_of_all_ages),
        ]
        for f in regional
    ]
    shown = [f for f in regional if f.rate is not None]
    title = f"Infants (under 1) starting to be looked after per 10,000 live births, by region, {label}"
    if shown:
        high, low = shown[0], shown[-1]
        summary = (
            f"In {label} the rate ranged from {high.rate:.1f} per 10,000 live births in "
            f"{region_names[high.area_code]} to {low.rate:.1f} in {region_names[low.area_code]}"
            + (f"; the England rate was {england.rate:.1f}. " if england and england.rate else ". ")
            + ROUNDED_NOTE
            + " "
            + PAIRING
        )
    else:
        summary = f"There are no regional rates for {label}: live births are published for 2013 to 2022 only."
    svg = bar_svg(
        title,
        summary,
        bars,
        x_label=RATE_LABEL,
        reference=("England", england.rate) if england and england.rate else None,
    )
    return Chart(
        "regions",
        title,
        summary,
        svg,
        [
            "Region",
            "Under 1 starting to be looked after (rounded to 10)",
            "Live births",
            RATE_LABEL,
            "Under-1 share of all starts",
        ],
        rows,
        [DFE_STARTS, BIRTHS],
    )


def regions_trend(figures: list[UnderOneFigure], region_names: dict[str, str]) -> Chart:
    """Every region's rate over the years with births: one line each."""
    rated = [f for f in figures if f.area_code in region_names and f.rate is not None]
    years = sorted({f.year for f in rated})
    by_key = {(f.area_code, f.year): f for f in rated}
    codes = sorted(region_names, key=lambda code: region_names[code])
    title = "Infants (under 1) starting to be looked after per 10,000 live births, regions over time"
    rows = [
        [year_label(year), *[fmt_rate(by_key[(code, year)].rate) if (code, year) in by_key else "" for code in codes]]
        for year in years
    ]
    summary = (
        (f"Regional rates for {len(years)} years. " + ROUNDED_NOTE + " " + PAIRING)
        if years
        else "There are no regional rates to show."
    )
    series = [
        Series(region_names[code], [(y, by_key[(code, y)].rate) for y in years if (code, y) in by_key])
        for code in codes
    ]
    svg = line_svg(title, summary, series, x_labels=year_labels(years), y_label=RATE_LABEL) if years else ""
    return Chart(
        "regions-trend", title, summary, svg, ["Year", *[region_names[c] for c in codes]], rows, [DFE_STARTS, BIRTHS]
    )
