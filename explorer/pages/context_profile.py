"""
A profile's thresholds and workforce section: each context measure's trend for the authority against its
region, England and the chosen comparators (their median on the chart, each by name in the table), with
the years and the source named at the top; and one table of the latest year beside every comparator.
England only: DfE's children in need census and workforce collection do not cover Wales.
"""

from dataclasses import dataclass, field
from statistics import median

from catalogue.models import LocalAuthority

from ..charts.chart import Chart, table
from ..charts.plots import Series, line_svg
from ..figures.context import MEASURES, ContextValue, context_table, years
from ..models import ENGLAND_CODE
from ..sources import CIN_RATES, CLA_CHARACTERISTICS, CONTEXT_ALL_AGES, LOW_INCOME, WORKFORCE
from .comparators import Comparators
from .placements_profile import placement_charts

SHORT_SOURCE = {
    CIN_RATES: "DfE, Children in need 2025 release (published rates, via LAIT)",
    WORKFORCE: "DfE, Children's social work workforce 2025 release",
    LOW_INCOME: "DWP/HMRC, Children in low income families (via DfE LAIT)",
    CLA_CHARACTERISTICS: "DfE, Children looked after in England including adoptions 2025 release",
}
PROFILE_MEASURES = (
    "cpp_rate_per_10000_at_31_march",
    "turnover_rate_fte_pct",
    "agency_worker_rate_fte_pct",
    "cpp_starts_rate_per_10000_in_year",
    "cin_rate_per_10000_at_31_march",
    "s47_enquiries_rate_per_10000_in_year",
    "vacancy_rate_fte_pct",
    "average_caseload_fte",
    "children_in_low_income_families_pct",
)
# The three a board asks about first, with headings short enough for three columns to fit a phone.
AT_A_GLANCE = {
    "cpp_rate_per_10000_at_31_march": "CP plans per 10,000 at 31 Mar {}",
    "turnover_rate_fte_pct": "Turnover % to 30 Sep {}",
    "agency_worker_rate_fte_pct": "Agency % at 30 Sep {}",
}


@dataclass
class ContextPanel:
    authority: LocalAuthority
    comparators: Comparators
    england_only: bool = False
    glance: Chart | None = None
    charts: list[Chart] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # measures with no figure for this authority
    placements: list[Chart] = field(default_factory=list)  # placement type and ethnicity (placements_profile)

    @property
    def all_charts(self) -> list[Chart]:
        return [chart for chart in (self.glance, *self.charts, *self.placements) if chart]


@dataclass
class _Lines:
    """One measure's values for the profile's areas: the authority, region, England and each comparator."""

    key: str
    years: list[int]
    values: dict[str, dict[int, ContextValue]]

    def value(self, code, year) -> float | None:
        figure = self.values.get(code, {}).get(year)
        return figure.value if figure else None

    def shown(self, code, year) -> str:
        figure = self.values.get(code, {}).get(year)
        return figure.shown if figure else ""

    def median(self, codes, year) -> tuple[float | None, int]:
        present = [v for v in (self.value(code, year) for code in codes) if v is not None]
        return (median(present) if present else None), len(present)


def build_context_panel(authority: LocalAuthority, comparators: Comparators) -> ContextPanel:
    panel = ContextPanel(authority, comparators, england_only=authority.country != "England")
    if panel.england_only:
        return panel
    codes = [authority.ons_code, authority.region.code, ENGLAND_CODE, *comparators.codes]
    lines = {key: _Lines(key, years(key), context_table(codes, key)) for key in PROFILE_MEASURES}
    for key in PROFILE_MEASURES:
        chart = _trend(authority, comparators, lines[key])
        if chart:
            panel.charts.append(chart)
        else:
            panel.missing.append(MEASURES[key].name)
    panel.glance = _glance(authority, comparators, lines)
    panel.placements = placement_charts(authority, comparators)
    return panel


def _names(authority, comparators):
    return [
        (authority.ons_code, authority.name),
        (authority.region.code, authority.region.name),
        (ENGLAND_CODE, "England"),
    ]


def _trend(authority, comparators: Comparators, lines: _Lines) -> Chart | None:
    measure = MEASURES[lines.key]
    own = lines.values.get(authority.ons_code, {})
    if not lines.years or not any(v.value is not None for v in own.values()):
        return None
    named = _names(authority, comparators)
    group = f"{comparators.label} (median)"
    series = [Series(name, [(y, lines.value(code, y)) for y in lines.years]) for code, name in named]
    if comparators.chosen:
        series.append(Series(group, [(y, lines.median(comparators.codes, y)[0]) for y in lines.years]))
    title = f"{measure.name}: {authority.name} compared, {lines.years[0]} to {lines.years[-1]}"
    summary = _summary(authority, comparators, lines, named)
    svg = line_svg(
        title,
        summary,
        series,
        x_labels={y: str(y) for y in lines.years},
        y_label=measure.unit[:60],
        x_label="Year (" + ("30 September" if measure.timing == "workforce" else measure.timing) + ")",
    )
    columns = ["Period", *[name for _, name in named]]
    if comparators.chosen:
        columns += [group, *[la.name for la in comparators.chosen]]
    rows = []
    for year in lines.years:
        row = [measure.period(year), *[lines.shown(code, year) for code, _ in named]]
        if comparators.chosen:
            middle = lines.median(comparators.codes, year)[0]
            row += ["" if middle is None else f"{middle:,.1f}", *[lines.shown(c, year) for c in comparators.codes]]
        rows.append(row)
    chart = Chart(f"la-context-{lines.key.replace('_', '-')}", title, summary, svg, columns, rows, [measure.source])
    chart.notes = _notes(authority, comparators, lines)
    return chart


def _summary(authority, comparators, lines: _Lines, named) -> str:
    measure = MEASURES[lines.key]
    own = lines.values[authority.ons_code]
    latest = max(year for year, v in own.items() if v.value is not None)
    when = measure.period(latest)
    text = (
        f"Source: {SHORT_SOURCE[measure.source]}, {measure.span(lines.years[0], lines.years[-1])}. "
        f"{when[0].upper()}{when[1:]}: {authority.name} {own[latest].shown} ({measure.unit})"
    )
    others = [f"{name} {lines.shown(code, latest)}" for code, name in named[1:] if lines.shown(code, latest)]
    middle, count = lines.median(comparators.codes, latest)
    if middle is not None:
        others.append(f"the median of {count} {comparators.label.lower()} {middle:,.1f}")
    return text + (", against " + ", ".join(others) if others else "") + ". " + CONTEXT_ALL_AGES


def _notes(authority, comparators, lines: _Lines) -> list[str]:
    notes = []
    joint = sorted(
        {v.area_code_as_published for code in lines.values for v in lines.values[code].values() if v.joint_return}
    )
    if joint:
        notes.append(
            "A joint return (" + "; ".join(joint) + ") is one workforce figure for the authorities that share it; "
            "each of them is shown the same figure."
        )
    missing = [la.name for la in comparators.chosen if la.ons_code not in lines.values]
    if missing:
        notes.append("No figure in this source for: " + ", ".join(missing) + ".")
    notes.append(
        "A value in brackets is the source's own symbol for a figure it did not publish ([x] not available, [c] "
        "suppressed, [u] low reliability, [-] none held), never a 0; the lines break there."
    )
    return notes


def _glance(authority, comparators: Comparators, lines: dict[str, _Lines]) -> Chart | None:
    latest = {}
    for key in AT_A_GLANCE:
        own = lines[key].values.get(authority.ons_code, {})
        shown = [year for year, v in own.items() if v.value is not None]
        if shown:
            latest[key] = max(shown)
    if not latest:
        return None
    areas = [(authority.ons_code, authority.name)] + [(la.ons_code, la.name) for la in comparators.chosen]
    areas += _names(authority, comparators)[1:]
    columns = ["Area", *[AT_A_GLANCE[k].format(y) for k, y in latest.items()]]
    rows = [[name, *[lines[k].shown(code, y) or "no figure" for k, y in latest.items()]] for code, name in areas]
    title = f"{authority.name} beside {comparators.label.lower()}: the latest year of each measure"
    summary = (
        "Child protection (CP) plans per 10,000 children aged under 18, social worker turnover and the agency "
        f"worker rate, each in the latest year with a published figure for {authority.name}. Sources: "
        f"{SHORT_SOURCE[CIN_RATES]}; {SHORT_SOURCE[WORKFORCE]} (percentages of full-time equivalent social "
        "workers). " + CONTEXT_ALL_AGES
    )
    sources = sorted({MEASURES[k].source for k in latest}, key=lambda s: s.title)
    return table("la-context-latest", title, summary, columns, rows, sources)
