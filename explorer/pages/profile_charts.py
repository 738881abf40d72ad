"""A local authority's profile: its under-1 figures over time against its region, its country and its
statistical neighbours (boundary changes as separate lines), with Ofsted, deprivation, spend and Cafcass."""

from dataclasses import dataclass, field, replace

from catalogue.models import LocalAuthority

from ..charts.chart import Chart
from ..charts.plots import Series, line_svg
from ..figures import under_one
from ..figures.boundaries import boundary_notes, predecessors
from ..figures.measures import pooled, spend_per_child
from ..figures.under_one import PAIRING
from ..formatting import fmt_count, fmt_rate, fmt_share, year_label
from ..models import (
    ENGLAND_CODE,
    WALES_CODE,
    CafcassRate,
    ChildrensServicesSpend,
    Deprivation,
    InfantCareFigure,
    OfstedJudgement,
    StatisticalNeighbour,
)
from ..sources import BIRTHS, CAFCASS, DFE_AT_31_MARCH, DFE_STARTS, NEIGHBOURS, STATSWALES
from .overview import RATE_LABEL

SPEND_LINES = (
    ("family_support_services", "Family support services (RO3 line 22)"),
    ("sure_start_children_centres_early_years", "Sure Start children's centres and early years (line 10)"),
    ("safeguarding_children_young_people", "Safeguarding children and young people's services (line 25)"),
    ("children_looked_after", "Children looked after (line 13)"),
    ("other_children_families_services", "Other children's and families services (line 15)"),
    ("total_childrens_social_care", "Total children's social care (line 30)"),
)


@dataclass
class Profile:
    local_authority: LocalAuthority
    ofsted: OfstedJudgement | None = None
    deprivation: Deprivation | None = None
    spend: ChildrensServicesSpend | None = None
    spend_lines: list = field(default_factory=list)
    spend_per_child: float | None = None
    neighbours: list = field(default_factory=list)
    compared: list = field(default_factory=list)  # the under-1 charts, drawn against the comparators
    cafcass: Chart | None = None  # the authority against England: the same whatever the comparators
    boundary_notes: list = field(default_factory=list)

    @property
    def charts(self) -> list[Chart]:
        return [chart for chart in (*self.compared, self.cafcass) if chart]


def build_profile(authority: LocalAuthority, comparator_codes=None, comparator_label="") -> Profile:
    """The profile; `comparator_codes` replace the statistical neighbours in the charts."""
    profile = Profile(authority, boundary_notes=boundary_notes(authority))
    profile.ofsted = OfstedJudgement.objects.filter(local_authority=authority).first()
    profile.deprivation = Deprivation.objects.filter(local_authority=authority).first()
    profile.spend = ChildrensServicesSpend.objects.filter(local_authority=authority).first()
    if profile.spend:
        profile.spend_lines = [(label, getattr(profile.spend, name)) for name, label in SPEND_LINES]
        profile.spend_per_child = spend_per_child().get(authority.ons_code)
    profile.neighbours = list(
        StatisticalNeighbour.objects.filter(local_authority=authority).select_related("neighbour").order_by("rank")
    )
    codes = [n.neighbour.ons_code for n in profile.neighbours] if comparator_codes is None else list(comparator_codes)
    profile.compared = compared_charts(authority, codes, comparator_label or "Statistical neighbours")
    profile.cafcass = cafcass_trend(authority)
    return profile


def against_comparators(profile: Profile, comparator_codes: list[str], comparator_label: str) -> Profile:
    """The profile with its charts drawn against a reader's comparators: only the charts that show them change
    (the Cafcass trend, section and all, is the profile's own)."""
    return replace(profile, compared=compared_charts(profile.local_authority, comparator_codes, comparator_label))


def compared_charts(authority: LocalAuthority, codes: list[str], label: str) -> list[Chart]:
    group = Comparison(authority, codes, label)
    return [chart for chart in (group.rate_chart(), group.share_chart(), group.at_31_march_chart()) if chart]


class Comparison:
    """One LA's under-1 figures beside its region, country, pooled neighbours and predecessor authorities."""

    def __init__(self, authority: LocalAuthority, neighbour_codes: list[str], label="Statistical neighbours"):
        self.authority = authority
        self.pooled_label = f"{label} (pooled)"
        self.neighbour_codes = neighbour_codes
        self.country_code = WALES_CODE if authority.country == "Wales" else ENGLAND_CODE
        self.region_code = authority.region.code if authority.country == "England" else ""
        self.predecessors = predecessors(authority.ons_code)

    def _figures(self, measure):
        codes = {
            self.authority.ons_code,
            self.country_code,
            self.region_code,
            *self.neighbour_codes,
            *(code for code, _ in self.predecessors),
        } - {""}
        return under_one.figures(measure, codes=codes)

    def _lines(self, figures, value, years):
        """(name, {year: figure}) for the LA, region, country and predecessors; then the pooled neighbours."""
        by_code = {}
        for f in figures:
            by_code.setdefault(f.area_code, {})[f.year] = f
        named = [(self.authority.ons_code, self.authority.name)]
        if self.region_code:
            named.append((self.region_code, self.authority.region.name))
        named.append((self.country_code, self.authority.country))
        named += [(code, f"{name} (before the boundary change)") for code, name in self.predecessors]
        lines = [
            (name, {y: value(f) for y, f in by_code.get(code, {}).items()}) for code, name in named if code in by_code
        ]
        neighbours = pooled([f for f in figures if f.area_code in self.neighbour_codes], lambda f: "neighbours")
        if self.neighbour_codes:
            lines.append(
                (
                    self.pooled_label,
                    {y: value(neighbours[("neighbours", y)]) for y in years if ("neighbours", y) in neighbours},
                )
            )
        return lines, by_code.get(self.authority.ons_code, {})

    def _chart(
        self, slug, title, measure, value, years, y_label, fmt, own_columns, sources, summary_of, label=year_label
    ):
        figures = self._figures(measure)
        lines, own = self._lines(figures, value, years)
        if not own:
            return None
        # A comparison line with no value in these years (e.g. Bournemouth's rate: no births figure) is left out.
        lines = lines[:1] + [
            (name, values) for name, values in lines[1:] if any(values.get(y) is not None for y in years)
        ]
        series = [Series(name, [(y, values.get(y)) for y in years]) for name, values in lines]
        rows = [[label(y), *own_columns(own.get(y)), *[fmt(values.get(y)) for _, values in lines]] for y in years]
        columns = [
            "Year (April to March)" if measure == InfantCareFigure.Measure.STARTS else "Year ending 31 March",
            *[f"{self.authority.name}: {c}" for c in ("under 1", *OWN_EXTRA[slug])],
            *[f"{name}: {y_label.lower()}" for name, _ in lines],
        ]
        summary = summary_of(own, lines)
        svg = line_svg(
            title,
            summary,
            series,
            x_labels={y: label(y) for y in years},
            y_label=y_label,
            y_format="{:,.1f}",
            x_label=columns[0],
        )
        return Chart(slug, title, summary, svg, columns, rows, sources)

    def rate_chart(self) -> Chart | None:
        years = under_one.years_with_births()
        title = f"Infants (under 1) starting to be looked after per 10,000 live births: {self.authority.name} compared"
        return self._chart(
            "la-under1-rate",
            title,
            InfantCareFigure.Measure.STARTS,
            lambda f: f.rate,
            years,
            RATE_LABEL,
            fmt_rate,
            lambda f: [fmt_count(f.count, f.flag), fmt_count(f.births)] if f else ["", ""],
            [DFE_STARTS, BIRTHS, NEIGHBOURS],
            self._rate_summary,
        )

    def share_chart(self) -> Chart | None:
        years = under_one.years(InfantCareFigure.Measure.STARTS)
        title = f"Under-1s as a share of all children starting to be looked after: {self.authority.name} compared"
        return self._chart(
            "la-under1-share",
            title,
            InfantCareFigure.Measure.STARTS,
            lambda f: f.share_of_all_ages,
            years,
            "Under-1 share of all starts (%)",
            fmt_share,
            lambda f: [fmt_count(f.count, f.flag), fmt_count(f.all_ages_count, f.all_ages_flag)] if f else ["", ""],
            [DFE_STARTS, NEIGHBOURS],
            self._share_summary,
        )

    def at_31_march_chart(self) -> Chart | None:
        measure = InfantCareFigure.Measure.AT_31_MARCH
        years = sorted({f.year for f in self._figures(measure) if f.area_code == self.authority.ons_code})
        if years:
            years = list(range(years[0], years[-1] + 1))  # gap years (e.g. 2018-2019) break the lines
        title = f"Under-1s as a share of all children looked after on 31 March: {self.authority.name} compared"
        sources = [STATSWALES] if self.authority.country == "Wales" else [DFE_AT_31_MARCH, NEIGHBOURS]
        chart = self._chart(
            "la-31-march",
            title,
            measure,
            lambda f: f.share_of_all_ages,
            years,
            "Under-1 share of all looked after (%)",
            fmt_share,
            lambda f: [fmt_count(f.count, f.flag), fmt_count(f.all_ages_count, f.all_ages_flag)] if f else ["", ""],
            sources,
            self._share_summary,
            label=str,
        )
        return chart

    def _rate_summary(self, own, lines) -> str:
        shown = [f for f in own.values() if f.rate is not None]
        if not shown:
            return (
                f"There is no rate for {self.authority.name}: no year has both a published count and live births "
                "for its area. " + PAIRING
            )
        latest = max(shown, key=lambda f: f.year)
        country = dict(lines).get(self.authority.country, {}).get(latest.year)
        return (
            f"In {year_label(latest.year)}, {latest.count:,} infants under 1 started to be looked after in "
            f"{self.authority.name}: {latest.rate:.1f} per 10,000 live births"
            + (f", against {country:.1f} for {self.authority.country}. " if country else ". ")
            + PAIRING
            + _suppressed_sentence(own)
        )

    def _share_summary(self, own, lines) -> str:
        shown = [f for f in own.values() if f.share_of_all_ages is not None]
        if not shown:
            return f"There is no published under-1 figure for {self.authority.name}." + _suppressed_sentence(own)
        first, latest = min(shown, key=lambda f: f.year), max(shown, key=lambda f: f.year)
        text = (
            f"{self.authority.name}: {first.count:,} of {first.all_ages_count:,} ({first.share_of_all_ages:.1f}%) "
            f"{period(first)}; {latest.count:,} of {latest.all_ages_count:,} "
            f"({latest.share_of_all_ages:.1f}%) {period(latest)}."
        )
        if self.authority.country == "Wales":
            text += " StatsWales rounds every figure to the nearest 5; the under-1 figure is boys plus girls."
        return text + _suppressed_sentence(own)


def period(figure) -> str:
    """'on 31 March 2018' or 'in 2017 to 2018', as the measure needs."""
    if figure.measure == InfantCareFigure.Measure.AT_31_MARCH:
        return f"on 31 March {figure.year}"
    return f"in {year_label(figure.year)}"


OWN_EXTRA = {"la-under1-rate": ("live births",), "la-under1-share": ("all ages",), "la-31-march": ("all ages",)}


def _suppressed_sentence(own) -> str:
    hidden = [period(f).split(" ", 1)[1] for _, f in sorted(own.items()) if f.suppressed]
    if not hidden:
        return ""
    return f" Suppressed (not 0, and not plotted): {', '.join(hidden)}."


def cafcass_trend(authority: LocalAuthority) -> Chart | None:
    """Cafcass care applications per 10,000 children (all ages), the LA against England."""
    rows = CafcassRate.objects.filter(area_code__in=[authority.ons_code, ENGLAND_CODE])
    values = {(row.area_code, row.year): float(row.rate_per_10000_children) for row in rows}
    if not any(code == authority.ons_code for code, _ in values):
        return None
    years = sorted({year for _, year in values})
    names = {authority.ons_code: authority.name, ENGLAND_CODE: "England"}
    series = [Series(name, [(y, values.get((code, y))) for y in years]) for code, name in names.items()]
    labels = {y: year_label(y) for y in years}
    own, england = values.get((authority.ons_code, years[-1])), values.get((ENGLAND_CODE, years[-1]))
    title = f"Cafcass care applications per 10,000 children: {authority.name} and England"
    summary = (
        f"In {labels[years[-1]]}: {fmt_rate(own) or 'no figure'} care applications per 10,000 children aged "
        f"0-17 in {authority.name}, against {fmt_rate(england)} in England. These cover children of all "
        "ages, not only infants."
    )
    svg = line_svg(
        title,
        summary,
        series,
        x_labels=labels,
        y_label="Care applications per 10,000 children",
        x_label="Financial year (April to March)",
    )
    table = [[labels[y], *[fmt_rate(values.get((code, y))) for code in names]] for y in years]
    return Chart(
        "la-cafcass", title, summary, svg, ["Financial year", *[f"{n}: rate" for n in names.values()]], table, [CAFCASS]
    )
