"""
/data/parent-and-child-units/: Ofsted-registered residential family centres 2015-2025 by year, region,
judgement and local authority, beside the authority's under-1 rate.
"""

from collections import defaultdict

from ..charts.chart import Chart, table
from ..charts.plots import Series, bar_svg, line_svg
from ..figures import family_justice as family
from ..figures import under_one
from ..figures.under_one import PAIRING
from ..formatting import fmt_count, fmt_rate, year_label
from ..models import ResidentialFamilyCentre
from ..sources import BIRTHS, DFE_STARTS, RFC
from .state import PageState, respond


def parent_and_child_units(request):
    state = PageState(request, under_one.years_with_births())
    charts = [centres_trend(), centres_by_region(), centres_by_judgement(), centres_by_authority(state.year)]
    return respond(request, "explorer/family_justice/centres.html", state, charts)


def centres_trend() -> Chart | None:
    totals = family.centres_by(lambda centre: "England")
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
            fmt_count(totals[("England", year)].places),
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


def centres_by_region() -> Chart | None:
    regions = family.region_of_code()
    groups = family.centres_by(family.centre_region(regions))
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
        [(name, groups.get((name, latest), family.CentreCount()).centres, False) for name in names],
        x_label="Centres",
    )
    rows = [
        [
            name,
            *[str(groups.get((name, year), family.CentreCount()).centres) for year in years],
            fmt_count(groups.get((name, latest), family.CentreCount()).places),
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


def centres_by_judgement() -> Chart | None:
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


def centres_by_authority(year: int | None) -> Chart | None:
    """Each LA with a centre in the latest register, beside its under-1 rate (if `year` has one)."""
    latest = max(family.centre_years(), default=None)
    if latest is None:
        return None
    groups = family.centres_by(lambda centre: (centre.la_code, centre.la_name), latest)
    figures = under_one.under1_figures(year) if year else {}
    rows = []
    for (code, name), _ in sorted(groups, key=lambda key: key[0][1]):
        count = groups[((code, name), latest)]
        figure = figures.get(code)
        rows.append(
            [
                name,
                str(count.centres),
                fmt_count(count.places),
                fmt_rate(figure.rate) if figure else "",
            ]
        )
    title = f"Local authorities with a residential family centre, 31 March {latest}"
    summary = (
        "Where the centres are, with each authority's rate of infants entering care. A centre serves "
        "families placed by authorities anywhere, so this does not show which authorities use centres."
    )
    rate_column = f"Infants entering care per 10,000 live births, {year_label(year)}" if year else "Rate"
    return table(
        "centres-authorities",
        title,
        summary,
        ["Local authority", "Centres", "Registered places", rate_column],
        rows,
        [RFC, DFE_STARTS, BIRTHS],
        [PAIRING],
    )
