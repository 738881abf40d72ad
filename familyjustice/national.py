"""
England-wide and regional charts: legal status over time and by region, residential family centres by
year, region and local authority, the index table of family justice areas, and the download pack's README.
"""

from collections import defaultdict

from catalogue.models import LocalAuthority
from explorer import under_one
from explorer.plots import Series, bar_svg, line_svg

from . import measures, under1
from .charts import SafeChart, table
from .events import numbered_events, trend_with_events_svg
from .models import AuthorityArea, LegalStatusFigure, ResidentialFamilyCentre
from .sources import (
    BIRTHS,
    DERIVED_LINKS_CAVEAT,
    DFJ,
    LEGAL_STATUS,
    PAIRING_NOTE,
    RFC,
    UNDER1,
    reporting_year,
)


def fmt_rate(value) -> str:
    return "" if value is None else f"{value:.1f}"


def count_over_total(share: measures.Share) -> str:
    return f"{measures.fmt_count(share.count, share.flag)} / {measures.fmt_count(share.total)}"


def share_trend(
    kind: str,
    extra_series: dict[str, dict[int, measures.Share]] | None = None,
    slug_suffix: str = "england",
    title_place: str = "England",
) -> SafeChart:
    """A share over the years: England (DfE's national row) and, if given, other named series."""
    _, _, label = measures.SHARES[kind]
    series_map = (extra_series or {}) | {"England": measures.share_series(kind, [measures.ENGLAND_CODE])}
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
        trend_with_events_svg(
            title,
            summary,
            series,
            x_labels={year: reporting_year(year) for year in years},
            y_label="Per cent",
            events=events,
        )
        if years
        else ""
    )
    columns = ["Year", *[f"{name} (%)" for name in series_map], *[f"{name}: count / total" for name in series_map]]
    rows = [
        [
            reporting_year(year),
            *[measures.fmt_share(values[year]) if year in values else "" for values in series_map.values()],
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


def infants_trend() -> SafeChart | None:
    """England's infants entering care each year, with the dated events in law and guidance."""
    rows = under_one.figures(codes=[measures.ENGLAND_CODE], level="National")
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
    svg = trend_with_events_svg(
        title,
        summary,
        series,
        x_labels={year: reporting_year(year) for year in years},
        y_label="Infants",
        events=events,
    )
    table_rows = [
        [
            reporting_year(figure.year),
            measures.fmt_count(figure.count, figure.flag),
            measures.fmt_count(figure.births),
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
        [UNDER1, BIRTHS],
        [PAIRING_NOTE, "National counts are rounded by DfE to the nearest 10."],
        svg,
    )
    chart.events = events
    return chart


def share_by_region(kind: str, year: int | None = None) -> SafeChart | None:
    year, _ = measures.latest_shares(kind, year)
    if year is None:  # nothing loaded
        return None
    regions = dict(LocalAuthority.objects.values_list("ons_code", "region__name"))
    measure, field, label = measures.SHARES[kind]
    by_region = defaultdict(list)
    for figure in LegalStatusFigure.objects.filter(measure=measure, year=year, geographic_level="Local authority"):
        if figure.la_code in regions:
            by_region[regions[figure.la_code]].append(figure)
    pooled = {name: measures.pooled_share(items, field) for name, items in sorted(by_region.items())}
    england = measures.share_series(kind, [measures.ENGLAND_CODE]).get(year)
    when = reporting_year(year) if measure == "starts" else f"31 March {year}"
    title = f"{label[0].upper()}{label[1:]} by region, {when}"
    summary = f"The {label} in each English region, pooled from its local authorities' published counts."
    bars = [(name, share.percent, False) for name, share in pooled.items()]
    reference = ("England", england.percent) if england and england.percent is not None else None
    svg = bar_svg(title, summary, bars, x_label="Per cent", reference=reference)
    rows = [
        [name, measures.fmt_count(share.count), measures.fmt_count(share.total), measures.fmt_share(share)]
        for name, share in pooled.items()
    ]
    return table(
        f"{kind}-regions",
        title,
        summary,
        ["Region", "Count", "All children", "Per cent"],
        rows,
        [LEGAL_STATUS],
        svg=svg,
    )


def centres_trend() -> SafeChart | None:
    totals = measures.centres_by(lambda centre: "England")
    years = sorted(year for _, year in totals)
    if not years:
        return None
    title = "Residential family centres in England, 2015 to 2025"
    summary = (
        "Residential family centres (parent-and-child assessment units) on Ofsted's register at each 31 "
        "March, and their registered places."
    )
    series = [
        Series("Centres", [(year, totals[("England", year)].centres) for year in years]),
        Series("Registered places", [(year, totals[("England", year)].places) for year in years]),
    ]
    svg = line_svg(title, summary, series, x_labels={year: str(year) for year in years}, y_label="Number")
    rows = [
        [
            f"31 March {year}",
            str(totals[("England", year)].centres),
            measures.fmt_count(totals[("England", year)].places),
        ]
        for year in years
    ]
    return table(
        "centres-england",
        title,
        summary,
        ["Register date", "Centres", "Registered places"],
        rows,
        [RFC],
        ["Ofsted did not publish places in 2015."],
        svg,
    )


def centres_by_region() -> SafeChart | None:
    regions = measures.region_of_code()
    groups = measures.centres_by(measures.centre_region(regions))
    years = sorted({year for _, year in groups})
    if not years:
        return None
    names = sorted({name for name, _ in groups})
    latest = years[-1]
    title = "Residential family centres by region, 2015 to 2025"
    summary = f"Centres on Ofsted's register at 31 March in each region; the bars show 31 March {latest}."
    svg = bar_svg(
        f"Residential family centres by region, 31 March {latest}",
        summary,
        [(name, groups.get((name, latest), measures.CentreCount()).centres, False) for name in names],
        x_label="Centres",
    )
    rows = [
        [
            name,
            *[str(groups.get((name, year), measures.CentreCount()).centres) for year in years],
            measures.fmt_count(groups.get((name, latest), measures.CentreCount()).places),
        ]
        for name in names
    ]
    columns = ["Region", *[str(year) for year in years], f"Registered places, {latest}"]
    return table(
        "centres-regions",
        title,
        summary,
        columns,
        rows,
        [RFC],
        [
            (
                "Regions are ONS regions of the centre's local authority (Ofsted's own region for authorities "
                "since abolished)."
            )
        ],
        svg,
    )


JUDGEMENTS = (
    "Outstanding",
    "Good",
    "Requires improvement to be good",
    "Requires improvement",
    "Adequate",
    "Inadequate",
)


def centres_by_judgement() -> SafeChart | None:
    """How many centres on each register had each latest overall judgement (as Ofsted worded it then)."""
    counts = defaultdict(lambda: defaultdict(int))
    for year, judgement in ResidentialFamilyCentre.objects.values_list("year", "latest_judgement"):
        counts[year][judgement if judgement in JUDGEMENTS else ""] += 1
    years = sorted(counts)
    if not years:
        return None
    used = [name for name in JUDGEMENTS if any(counts[year][name] for year in years)]
    latest = years[-1]
    title = "Residential family centres by latest Ofsted judgement, 2015 to 2025"
    summary = (
        f"The overall judgement at each centre's latest full inspection, as on the register at 31 March; "
        f"the bars show 31 March {latest}."
    )
    bars = [(name, counts[latest][name], False) for name in used] + [("Not yet judged", counts[latest][""], True)]
    svg = bar_svg(
        f"Residential family centres by latest judgement, 31 March {latest}", summary, bars, x_label="Centres"
    )
    rows = [
        [name or "Not yet judged or not published", *[str(counts[year][name]) for year in years]]
        for name in [*used, ""]
    ]
    notes = [
        (
            "Ofsted's judgement changed: to 2018 'overall effectiveness' (including 'Adequate' under the older "
            "framework); from 2019 'overall experiences and progress of children and young people'. Counts are "
            "of judgements as published, not re-graded."
        )
    ]
    return table(
        "centres-judgements",
        title,
        summary,
        ["Latest overall judgement", *[str(year) for year in years]],
        rows,
        [RFC],
        notes,
        svg,
    )


def centres_by_authority(year: int | None) -> SafeChart | None:
    """Each LA with a centre in the latest register, beside its under-1 rate (if `year` has one)."""
    latest = max(measures.centre_years(), default=None)
    if latest is None:
        return None
    groups = measures.centres_by(lambda centre: (centre.la_code, centre.la_name), latest)
    figures = under1.under1_figures(year) if year else {}
    rows = []
    for (code, name), _ in sorted(groups, key=lambda key: key[0][1]):
        count = groups[((code, name), latest)]
        figure = figures.get(code)
        rows.append(
            [
                name,
                str(count.centres),
                measures.fmt_count(count.places),
                fmt_rate(figure.rate) if figure else "",
            ]
        )
    title = f"Local authorities with a residential family centre, 31 March {latest}"
    summary = (
        "Where the centres are, with each authority's rate of infants entering care. A centre serves "
        "families placed by authorities anywhere, so this does not show which authorities use centres."
    )
    rate_column = f"Infants entering care per 10,000 live births, {reporting_year(year)}" if year else "Rate"
    return table(
        "centres-authorities",
        title,
        summary,
        ["Local authority", "Centres", "Registered places", rate_column],
        rows,
        [RFC, UNDER1, BIRTHS],
        [PAIRING_NOTE],
    )


def area_index_table(pooled_areas, year) -> SafeChart:
    rows = [
        [
            item.area.name,
            item.area.hmcts_region,
            str(item.authorities),
            measures.fmt_count(item.count),
            measures.fmt_count(item.births),
            fmt_rate(item.rate),
            item.position or "",
        ]
        for item in sorted(pooled_areas, key=lambda item: item.area.name)
    ]
    label = reporting_year(year) if year else ""
    title = f"Family justice areas: infants entering care, {label}"
    summary = "Each area's pooled rate: its authorities' infants entering care over their live births."
    columns = [
        "Family justice area",
        "HMCTS region",
        "Local authorities pooled",
        f"Infants starting care aged under 1, {label}",
        f"Live births, {year - 1 if year else ''}",
        "Rate per 10,000 live births",
        "Against England (exact Poisson limits)",
    ]
    return table("areas", title, summary, columns, rows, [UNDER1, BIRTHS, DFJ], [PAIRING_NOTE])


def unresolved_links():
    return AuthorityArea.objects.exclude(
        status__in=[AuthorityArea.Status.SINGLE, AuthorityArea.Status.SINGLE_MAPPED, AuthorityArea.Status.PREDECESSOR]
    ).prefetch_related("candidates")


def pack_readme(area, charts, year) -> str:
    lines = [
        f"Born into Care: {area.name} family justice area",
        "",
        f"Figures for {reporting_year(year)} where a year applies." if year else "",
        "",
        "Files:",
    ]
    lines += [f"- {chart.csv_filename()}: {chart.title}" for chart in charts]
    lines += [
        "",
        "Caveats:",
        f"- {DERIVED_LINKS_CAVEAT}",
        f"- {PAIRING_NOTE}",
        "- [c] suppressed, [x] not available: never zero.",
        "",
        "Sources and licences:",
    ]
    seen = []
    for chart in charts:
        for source in chart.sources:
            if source.title not in seen:
                seen.append(source.title)
                lines.append(f"- {source.title}. Licence: {source.licence}. {source.url}")
    lines += [
        "",
        "Contains public sector information licensed under the Open Government Licence v3.0.",
        "Derived from HM Courts & Tribunals Service reference data, (c) HMCTS, MIT licence.",
    ]
    return "\n".join(lines) + "\n"
