"""
Do the measures people asked about relate to the rate of infants entering care? One scatter per
measure, LAs of England, with Spearman's rank correlation and its Fisher-z 95% interval (explorer's
statistics), described in plain words that never claim a cause.
"""

from dataclasses import dataclass

from ..charts.chart import Chart, table
from ..charts.plots import ScatterPoint, scatter_svg
from ..figures import family_justice as family
from ..figures import statistics, under_one
from ..figures.under_one import PAIRING
from ..figures.versioned import kept_per_data_version
from ..formatting import year_label
from ..sources import BIRTHS, CONCEPTIONS, DFE_STARTS, LEGAL_STATUS, RFC

LABEL_EXTREMES = 4


@dataclass(frozen=True)
class Measure:
    slug: str
    axis: str  # x-axis label
    words: str  # as used in a sentence
    source: object


MEASURES = {
    "section-20": Measure(
        "section-20",
        "Section 20 share of all starts (%)",
        "the section 20 share of children starting care",
        LEGAL_STATUS,
    ),
    "placed-with-parents": Measure(
        "placed-with-parents",
        "Placed with parents, share of children in care (%)",
        "the share of children in care placed with parents",
        LEGAL_STATUS,
    ),
    "centres": Measure(
        "centres",
        "Residential family centres per 10,000 live births",
        "residential family centres per 10,000 live births",
        RFC,
    ),
    "conceptions": Measure(
        "conceptions",
        "Under-18 conceptions per 1,000 girls aged 15-17 (proxy)",
        "the under-18 conception rate (a proxy for young parenthood)",
        CONCEPTIONS,
    ),
}


def explanatory(kind: str, year: int, figures) -> tuple[str, dict[str, float]]:
    """(what year the measure is for, {LA code: value}); the year closest to `year` that has figures."""
    if kind in ("section-20", "placed-with-parents"):
        available = family.legal_status_years(family.SHARES[kind][0])
        used = max((y for y in available if y <= year), default=None)
        if used is None:  # no legal-status figures loaded for this year or before
            return "", {}
        _, shares = family.latest_shares(kind, used)
        label = year_label(used) if kind == "section-20" else f"31 March {used}"
        return label, {code: share.percent for code, share in shares.items() if share.percent is not None}
    if kind == "centres":
        used = max((y for y in family.centre_years() if y <= year), default=None)
        if used is None:
            return "", {}
        counts = family.centres_by(lambda centre: centre.la_code, used)
        values = {
            code: counts.get((code, used), family.CentreCount()).centres / figure.births * 10_000
            for code, figure in figures.items()
            if figure.births
        }
        return f"31 March {used}, per live births in {year - 1}", values
    available = sorted(set(family.Under18Conception.objects.values_list("year", flat=True)))
    used = max((y for y in available if y <= year), default=available[-1] if available else None)
    if used is None:
        return "", {}
    _, rates = family.conception_rates(used)
    return str(used), rates


def scatter(kind: str, year: int, figures=None) -> Chart | None:
    figures = figures if figures is not None else under_one.under1_figures(year)
    measure = MEASURES[kind]
    x_year, x_values = explanatory(kind, year, figures)
    if not x_values:
        return None
    codes = sorted(
        (
            code
            for code, figure in figures.items()
            if code != under_one.ENGLAND_CODE and figure.rate is not None and code in x_values
        ),
        key=lambda code: figures[code].area_name,
    )
    xs, ys = [x_values[code] for code in codes], [figures[code].rate for code in codes]
    corr = statistics.spearman(xs, ys)
    y_words = f"rate of infants entering care ({year_label(year)})"
    summary = statistics.describe_correlation(corr, f"{measure.words} ({x_year})", y_words)
    title = f"Infants entering care against {measure.words}"
    extremes = set(sorted(codes, key=lambda code: figures[code].rate)[-LABEL_EXTREMES:])
    points = [
        ScatterPoint(x_values[code], figures[code].rate, figures[code].area_name, code in extremes) for code in codes
    ]
    svg = (
        scatter_svg(
            title,
            summary,
            points,
            x_label=f"{measure.axis}, {x_year}",
            y_label="Infants entering care per 10,000 live births",
        )
        if points
        else ""
    )
    rows = [[figures[code].area_name, f"{x_values[code]:.2f}", f"{figures[code].rate:.1f}"] for code in codes]
    chart = table(
        f"under1-vs-{kind}",
        title,
        summary,
        [
            "Local authority",
            f"{measure.axis}, {x_year}",
            f"Infants entering care per 10,000 live births, {year_label(year)}",
        ],
        rows,
        [DFE_STARTS, BIRTHS, measure.source],
        [
            PAIRING,
            (
                f"{len(codes)} English local authorities have both figures (suppressed counts "
                "are left out). Spearman's rank correlation with a Fisher-z 95% interval."
            ),
        ],
        svg,
    )
    chart.correlation = corr
    return chart


@kept_per_data_version
def all_scatters(year: int | None) -> list[Chart]:
    if not year:
        return []
    figures = under_one.under1_figures(year)
    return [chart for chart in (scatter(kind, year, figures) for kind in MEASURES) if chart]


def latest_scatters() -> list[Chart]:
    """The scatters for the latest reporting year with live births (for the explorer's relationships page)."""
    years = under_one.years_with_births()
    return all_scatters(years[-1] if years else None)
