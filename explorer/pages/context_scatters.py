"""
The relationships page's context measures: each against the under-1 rate of the same years (see
figures/context_pairing.py), with Pearson's r and its 95% interval (Fisher z), Spearman's r as a check,
the years paired and the years that could not be, and every authority left out named with the reason.
"""

from ..charts.chart import Chart
from ..charts.plots import ScatterPoint, scatter_svg
from ..figures import cla_characteristics as cla
from ..figures import statistics
from ..figures.context import MEASURES
from ..figures.context_pairing import MIN_POOLED_BIRTHS, Pairing, england_figures, pair
from ..figures.measures import years_pooled
from ..figures.placements import ALL_AGES_ENGLAND
from ..figures.versioned import kept_per_data_version
from ..formatting import fmt_count, fmt_rate
from ..sources import BIRTHS, CLA_CHARACTERISTICS, CONTEXT_ALL_AGES, DFE_STARTS
from .context_profile import SHORT_SOURCE

# The placement types that bear on infants entering care: at home with parents (a proxy for orders at home),
# foster care, and children's homes (the residential end). "Other placements" is left out:
# sources disagree on whether it or "other residential settings" holds family centres and mother and baby units.
PLACEMENT_SCATTER_MEASURES = tuple(f"cla_placement_{key}_pct" for key in ("with_parents", "foster", "childrens_homes"))
CLA_AXIS = {category.key: category.short for category in cla.PLACEMENT_TYPES}
# As a sentence says them (DfE's own names read badly after "between" or "against").
CLA_WORDS = {
    "cla_placement_with_parents_pct": "the share of children looked after placed with parents",
    "cla_placement_foster_pct": "the share of children looked after in foster placements",
    "cla_placement_childrens_homes_pct": "the share of children looked after in secure homes and children's homes",
}
SCATTER_MEASURES = (
    "cpp_rate_per_10000_at_31_march",
    "turnover_rate_fte_pct",
    "agency_worker_rate_fte_pct",
    "cpp_starts_rate_per_10000_in_year",
    "cin_rate_per_10000_at_31_march",
    "s47_enquiries_rate_per_10000_in_year",
    "referrals_rate_per_10000_in_year",
    "vacancy_rate_fte_pct",
    "average_caseload_fte",
    "children_in_low_income_families_pct",
    *PLACEMENT_SCATTER_MEASURES,
)
LABEL_EXTREMES = 4
TINY_RULE = (
    f"Left out by the page's rule for tiny denominators (fewer than {MIN_POOLED_BIRTHS:,} live births across the "
    "years pooled, where one infant more or fewer moves the rate by 10 per 10,000 or more)"
)


def correlation(pairing: Pairing):
    """Pearson's r (with its Fisher-z interval) of the context value and the under-1 rate; None if too few."""
    return statistics.pearson([a.context for a in pairing.areas], [a.rate for a in pairing.areas])


def context_scatter(measure: str, figures: list | None = None) -> Chart | None:
    pairing = pair(measure, figures)
    if not pairing.areas:
        return None
    spec = MEASURES[measure]
    span = years_pooled(pairing.years)
    x_words = f"{_words(measure)} (average of the published values, {_context_span(pairing)})"
    y_words = f"rate of infants entering care (years ending March {span} pooled, per 10,000 live births)"
    corr = correlation(pairing)
    ranked = statistics.spearman([a.context for a in pairing.areas], [a.rate for a in pairing.areas])
    extra = ""
    if ranked and ranked.low is not None:
        extra = (
            f"Using ranks instead, Spearman's r = {ranked.r:.2f} (95% interval {ranked.low:.2f} to {ranked.high:.2f})."
        )
    summary = (
        f"Source: {SHORT_SOURCE[spec.source]}, {_context_span(pairing)}, against DfE's under-1 starts and ONS live "
        f"births, years ending March {span}. " + statistics.describe_correlation(corr, x_words, y_words, extra)
    )
    title = f"Infants (under 1) entering care against {_words(measure)}"
    extremes = {a.code for a in sorted(pairing.areas, key=lambda a: a.rate)[-LABEL_EXTREMES:]}
    svg = scatter_svg(
        title,
        summary,
        [ScatterPoint(a.context, a.rate, a.name, a.code in extremes) for a in pairing.areas],
        x_label=_axis(measure),
        y_label="Rate per 10,000 live births",
    )
    rows = [
        [
            a.name,
            a.code,
            f"{a.context:,.2f}",
            fmt_count(a.count),
            fmt_count(a.births),
            fmt_rate(a.rate),
            years_pooled(a.years),
        ]
        for a in pairing.areas
    ]
    columns = [
        "Local authority",
        "ONS code",
        f"{spec.short}: average of the paired years ({spec.unit})",
        "Under 1 starting to be looked after (paired years)",
        "Live births (paired years)",
        "Rate per 10,000 live births (paired years)",
        "Reporting years pooled (ending March)",
    ]
    chart = Chart(f"under1-vs-{measure.replace('_', '-')}", title, summary, svg, columns, rows, [DFE_STARTS, BIRTHS])
    chart.sources.append(spec.source)
    chart.correlation = corr
    chart.notes = _notes(pairing)
    return chart


def _axis(measure: str) -> str:
    """The x-axis label: a placement type by its short name (the long one does not fit a phone's width)."""
    if measure in CLA_AXIS:
        return f"{CLA_AXIS[measure]}, % of children looked after (all ages)"
    spec = MEASURES[measure]
    return f"{spec.short} ({spec.unit})"[:90]


def _words(measure: str) -> str:
    """The measure as a sentence says it: 'children on a child protection plan at 31 March'."""
    return CLA_WORDS.get(measure) or _lower_first(MEASURES[measure].name)


def _noun(measure: str) -> str:
    """What one value is called: 'child protection plan rate', or 'placement-type percentage'."""
    return "placement-type percentage" if measure in CLA_WORDS else MEASURES[measure].short.lower()


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """'Children on a plan at 31 March' -> 'children on a plan at 31 March' (proper nouns keep their capitals)."""
    return text[:1].lower() + text[1:]


def _context_span(pairing: Pairing) -> str:
    spec = MEASURES[pairing.measure]
    years = pairing.context_years
    return spec.span(years[0], years[-1]) if len(years) > 1 else spec.period(years[0])


def _notes(pairing: Pairing) -> list[str]:
    spec = MEASURES[pairing.measure]
    notes = [
        f"Same years: the under-1 rate of the reporting years ending March {years_pooled(pairing.years)} beside "
        f"{_words(pairing.measure)} ({_context_span(pairing)}). " + CONTEXT_ALL_AGES
    ]
    if spec.timing == "workforce":
        notes.append(
            "The workforce is counted on 30 September, which falls inside the April-to-March year of the under-1 "
            "figures that ends the next March (30 September 2022 is in the year ending March 2023), so each "
            "workforce year is paired with that year. Turnover counts leavers in the year to 30 September, so it "
            "overlaps two reporting years."
        )
    notes += _snapshot_notes(spec)
    unpaired = []
    if pairing.unpaired_context_years:
        unpaired.append(
            f"{_upper_first(_words(pairing.measure))} for {years_pooled(pairing.unpaired_context_years)} has no "
            "under-1 rate to pair with "
            "(live births by authority were found only to 2022, so rates end with the year ending March 2023)"
        )
    if pairing.unpaired_under_one_years:
        unpaired.append(
            f"the under-1 rate for years ending March {years_pooled(pairing.unpaired_under_one_years)} has no "
            f"{_noun(pairing.measure)} of the same year (the source starts later)"
        )
    if unpaired:
        notes.append("Could not be paired by year: " + "; ".join(unpaired) + ".")
    notes += [
        f"{len(pairing.areas)} English authorities are compared."
        + (f" {TINY_RULE}: {', '.join(pairing.tiny)}." if pairing.tiny else "")
    ]
    for names, why in (
        (pairing.suppressed, "a suppressed under-1 figure or no births figure in the years pooled"),
        (pairing.no_context, f"no published {_noun(pairing.measure)} in a year pooled"),
        (pairing.joint, "a joint workforce return shared with another authority"),
    ):
        if names:
            notes.append(f"Left out for {why}: {', '.join(names)}.")
    return notes


def _snapshot_notes(spec) -> list[str]:
    """How a 31 March count is paired, and, for placements, what the shares are and what leaving some out does."""
    notes = []
    if spec.timing == "at 31 March":
        notes.append(
            "A count at 31 March is taken on the last day of the April-to-March year of the under-1 figures that "
            "ends that day (31 March 2023 closes the year ending March 2023), so each is paired with that year."
        )
    if spec.source == CLA_CHARACTERISTICS:
        notes.append(
            ALL_AGES_ENGLAND + " Each share is DfE's whole-number percentage, averaged over the paired years. "
            "A share DfE suppressed ([c], to protect confidentiality) or marked not applicable ([z]) leaves its "
            "authority out, named below. Infants who entered care are among the children counted, so part of any "
            "relationship is built in; and a correlation across authorities says "
            "nothing about causes, nor about how any one authority places babies."
        )
    return notes


@kept_per_data_version
def context_scatters(measures=SCATTER_MEASURES) -> list[Chart]:
    figures = england_figures()
    return [chart for chart in (context_scatter(measure, figures) for measure in measures) if chart]
