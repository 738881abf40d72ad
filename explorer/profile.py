"""A local authority's profile: its measures over time against its region, England and its
statistical neighbours, with its Ofsted judgement, deprivation and spend."""

from dataclasses import dataclass, field

from catalogue.models import EntryPage, LocalAuthority

from .boundaries import boundary_notes
from .chart import BIRTHS, CLA, NEIGHBOURS, Chart, fmt_count, fmt_rate, newborn_source
from .measures import AreaRate, country_rates, pooled, region_rates, spend_per_child, year_label
from .models import ENGLAND_CODE, ChildrenLookedAfter, ChildrensServicesSpend, Deprivation, OfstedJudgement, StatisticalNeighbour
from .pages import RATE_LABEL
from .plots import Series, line_svg

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
    charts: list = field(default_factory=list)
    boundary_notes: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    region_entries: list = field(default_factory=list)


def build_profile(authority: LocalAuthority, dataset, rates: list[AreaRate]) -> Profile:
    profile = Profile(authority, boundary_notes=boundary_notes(authority))
    profile.ofsted = OfstedJudgement.objects.filter(local_authority=authority).first()
    profile.deprivation = Deprivation.objects.filter(local_authority=authority).first()
    profile.spend = ChildrensServicesSpend.objects.filter(local_authority=authority).first()
    if profile.spend:
        profile.spend_lines = [(label, getattr(profile.spend, name)) for name, label in SPEND_LINES]
        profile.spend_per_child = spend_per_child().get(authority.pk)
    profile.neighbours = list(StatisticalNeighbour.objects.filter(local_authority=authority)
                              .select_related("neighbour").order_by("rank"))
    if dataset is not None:
        profile.charts.append(newborn_trend(authority, dataset, rates, [n.neighbour for n in profile.neighbours]))
    cla_chart = cla_trend(authority, [n.neighbour for n in profile.neighbours])
    if cla_chart:
        profile.charts.append(cla_chart)
    entries = EntryPage.objects.live().public().specific()
    profile.entries = list(entries.filter(local_authorities=authority).order_by("title"))
    profile.region_entries = list(entries.filter(regions=authority.region).exclude(
        pk__in=[entry.pk for entry in profile.entries]).order_by("title")[:20])
    return profile


def newborn_trend(authority, dataset, rates, neighbours) -> Chart:
    own = {item.year: item for item in rates if item.local_authority.pk == authority.pk}
    region = region_rates(rates)
    country = country_rates(rates)
    neighbour_ids = {n.pk for n in neighbours}
    group = pooled([item for item in rates if item.local_authority.pk in neighbour_ids], lambda item: "neighbours")
    years = sorted({year for _, year in country})
    lines = [
        Series(authority.name, [(y, own[y].rate if y in own else None) for y in years]),
        Series(authority.region.name, [(y, region[(authority.region.name, y)].rate)
                                       for y in years if (authority.region.name, y) in region]),
        Series(authority.country, [(y, country[(authority.country, y)].rate) for y in years
                                   if (authority.country, y) in country]),
    ]
    if neighbour_ids:
        lines.append(Series("Statistical neighbours (pooled)",
                            [(y, group[("neighbours", y)].rate) for y in years if ("neighbours", y) in group]))
    rows = []
    for y in years:
        item = own.get(y)
        row = [year_label(dataset, y), fmt_count(item.count, item.suppressed) if item else "",
               f"{item.births or ''}" if item else "", fmt_rate(item.rate) if item else ""]
        row += [fmt_rate(dict(line.points).get(y)) for line in lines[1:]]
        rows.append(row)
    shown = [item for item in own.values() if item.rate is not None]
    if shown:
        latest = max(shown, key=lambda item: item.year)
        national = country.get((authority.country, latest.year))
        summary = (f"In {year_label(dataset, latest.year)}, {authority.name}'s rate was {latest.rate:.1f} per 10,000 "
                   f"live births" + (f", against {national.rate:.1f} for {authority.country}."
                                  if national and national.rate is not None else "."))
    else:
        summary = f"This dataset has no published rate for {authority.name}."
    if any(item.suppressed for item in own.values()):
        summary += " Years with fewer than 5 babies are suppressed and shown as [c]."
    title = f"Newborns in care proceedings per 10,000 live births: {authority.name} compared"
    svg = line_svg(title, summary, lines, x_labels={y: year_label(dataset, y) for y in years}, y_label=RATE_LABEL)
    columns = ["Year", f"{authority.name}: babies under one week", f"{authority.name}: live births",
               f"{authority.name}: rate"] + [f"{line.name}: rate" for line in lines[1:]]
    return Chart("la-newborn-trend", title, summary, svg, columns, rows, [newborn_source(dataset), BIRTHS, NEIGHBOURS])


def cla_trend(authority, neighbours=()) -> Chart | None:
    """Real DfE data: children starting to be looked after, LA against its region, England and neighbours."""
    codes = {authority.ons_code: authority.name, authority.region.code: authority.region.name,
             ENGLAND_CODE: "England"}
    rows = ChildrenLookedAfter.objects.filter(measure=ChildrenLookedAfter.Measure.STARTING, area_code__in=codes)
    values = {(row.area_code, row.year): row.rate_per_10000 for row in rows}
    if not any(code == authority.ons_code and value is not None for (code, _), value in values.items()):
        return None
    years = sorted({year for _, year in values})
    lines = [Series(name, [(y, float(values[(code, y)])) for y in years if values.get((code, y)) is not None])
             for code, name in codes.items()]
    if neighbours:
        lines.append(Series("Statistical neighbours (pooled)", neighbour_cla_rates(neighbours, years)))
    latest = years[-1]
    own, england = values.get((authority.ons_code, latest)), values.get((ENGLAND_CODE, latest))
    summary = (f"In the year to 31 March {latest}, {own if own is not None else 'no figure'} children per 10,000 "
               f"aged 0-17 started to be looked after in {authority.name}, against {england} in England. "
               "These are children of all ages, not only newborns.")
    title = f"Children starting to be looked after per 10,000 children: {authority.name} compared"
    svg = line_svg(title, summary, lines, x_labels={y: f"{y - 1}/{y % 100:02d}" for y in years},
                   y_label="Rate per 10,000 children aged 0-17")
    table = [[f"{y - 1}/{y % 100:02d}", *[fmt_rate(dict(line.points).get(y)) for line in lines]] for y in years]
    return Chart("la-cla-trend", title, summary, svg, ["Year", *[f"{line.name}: rate" for line in lines]],
                 table, [CLA] + ([NEIGHBOURS] if neighbours else []))


def neighbour_cla_rates(neighbours, years) -> list[tuple[int, float]]:
    """Pooled rate of the neighbours: their total children over their total population aged 0-17."""
    rows = ChildrenLookedAfter.objects.filter(measure=ChildrenLookedAfter.Measure.STARTING,
                                              area_code__in=[n.ons_code for n in neighbours],
                                              children_count__isnull=False, population_estimate__isnull=False)
    totals = {}
    for row in rows:
        count, population = totals.get(row.year, (0, 0))
        totals[row.year] = (count + row.children_count, population + row.population_estimate)
    return [(year, totals[year][0] / totals[year][1] * 10_000) for year in years if totals.get(year, (0, 0))[1]]
