"""The charts and tables of one family justice area's page (and of its download pack)."""

from ..charts.chart import Chart, table
from ..charts.plots import bar_svg
from ..figures import family_justice as family
from ..figures.areas import Member, PooledArea
from ..figures.under_one import PAIRING
from ..formatting import fmt_count, fmt_rate, fmt_share, year_label
from ..models import ENGLAND_CODE, ResidentialFamilyCentre
from ..sources import BIRTHS, DFE_STARTS, DFJ, LEGAL_STATUS, RFC


def under1_chart(pooled: PooledArea, members: list[Member]) -> Chart:
    year = pooled.year
    bars, rows = [], []
    for member in members:
        figure = member.infants
        rate = figure.rate if figure else None
        label = member.link.la_name if member.pooled else f"{member.link.la_name} *"
        bars.append((label, rate, False))
        rows.append(
            [
                member.link.la_name,
                "yes" if member.pooled else "no (courts in several areas)",
                fmt_count(figure.count, figure.flag) if figure else "",
                fmt_count(figure.births) if figure else "",
                fmt_rate(rate),
            ]
        )
    if pooled.rate is not None:
        bars.append(("Whole area (pooled)", pooled.rate, True))
    reference = ("England", pooled.england_rate) if pooled.england_rate is not None else None
    title = f"Infants entering care in {pooled.area.name}, {year_label(year)}"
    summary = (
        f"Infants under 1 starting to be looked after per 10,000 live births in each local authority of the "
        f"area, the area pooled (hatched) and England (dashed line), {year_label(year)}."
    )
    svg = bar_svg(title, summary, bars, x_label="Rate per 10,000 live births", reference=reference) if bars else ""
    columns = [
        "Local authority",
        "In the area's pooled figure",
        f"Infants starting care aged under 1, {year_label(year)}",
        f"Live births, {year - 1}",
        "Rate per 10,000 live births",
    ]
    notes = [
        PAIRING,
        (
            "[c] suppressed by DfE, [x] not available. Suppressed counts are left out of charts, "
            "never drawn as 0. * Courts in several areas: not in the pooled figure."
        ),
    ]
    return table("area-under1", title, summary, columns, rows, [DFE_STARTS, BIRTHS, DFJ], notes, svg)


def legal_status_table(area_name: str, members: list[Member], starts_year, at_31_march_year) -> Chart:
    columns = [
        "Local authority",
        f"Starts {year_label(starts_year)}: all",
        "Section 20",
        "Section 20 (%)",
        f"Looked after at 31 March {at_31_march_year}: all",
        "Placed with parents",
        "Placed with parents (%)",
    ]
    rows = []
    for member in members:
        s20, placed = member.section_20, member.placed_with_parents
        rows.append(
            [
                member.link.la_name,
                fmt_count(s20.total) if s20 else "",
                fmt_count(s20.count, s20.flag) if s20 else "",
                fmt_share(s20) if s20 else "",
                fmt_count(placed.total) if placed else "",
                fmt_count(placed.count, placed.flag) if placed else "",
                fmt_share(placed) if placed else "",
            ]
        )
    title = f"Legal status and orders at home in {area_name}"
    summary = (
        "Share of children starting to be looked after under a section 20 voluntary agreement, and share of "
        "children looked after who were placed with parents (often under a care order at home). All ages: "
        "no breakdown for infants is published by local authority."
    )
    england = family.share_series("section-20", [ENGLAND_CODE]).get(starts_year)
    bars = [
        (member.link.la_name, member.section_20.percent if member.section_20 else None, False) for member in members
    ]
    svg = bar_svg(
        f"Section 20 share of children starting care, {year_label(starts_year)}",
        summary,
        bars,
        x_label="Per cent of all starts",
        reference=("England", england.percent) if england and england.percent is not None else None,
    )
    return table(
        "area-legal-status",
        title,
        summary,
        columns,
        rows,
        [LEGAL_STATUS, DFJ],
        [
            (
                "[c] suppressed, [x] not available; a share is shown only where both counts are published. "
                "The chart shows the section 20 share; the table also gives children placed with parents."
            )
        ],
        svg,
    )


def centres_table(area_name: str, members: list[Member], year: int | None) -> Chart:
    codes = {member.link.la_code: member.link.la_name for member in members}
    centres = ResidentialFamilyCentre.objects.filter(year=year, la_code__in=codes).order_by("la_name", "name")
    rows = [
        [
            centre.name or "(name withheld by Ofsted)",
            centre.la_name,
            centre.sector,
            fmt_count(centre.places),
            centre.latest_judgement or "Not yet inspected or not published",
        ]
        for centre in centres
    ]
    title = f"Residential family centres in {area_name}'s local authorities, 31 March {year}"
    summary = (
        f"{len(rows)} residential family centre{'' if len(rows) == 1 else 's'} (parent-and-child assessment "
        "units) on Ofsted's register in the area's local authorities. Families may be placed in a centre "
        "anywhere in the country; this counts where centres are, not where families come from."
    )
    columns = ["Centre", "Local authority", "Sector", "Registered places", "Latest overall judgement"]
    return table("area-centres", title, summary, columns, rows, [RFC, DFJ])


def members_table(area_name: str, members: list[Member]) -> Chart:
    rows = [
        [
            member.link.la_name,
            member.link.la_code,
            member.link.get_status_display(),
            "; ".join(area.name for area in member.link.candidates.all()),
            "; ".join(member.link.court_list),
        ]
        for member in members
    ]
    columns = ["Local authority", "ONS code", "Link to DFJ areas", "Candidate DFJ areas", "Courts (FaCT, March 2021)"]
    return table(
        "area-authorities",
        f"Local authorities linked to {area_name}",
        "Local authorities whose children's cases go to courts in this area, derived from HMCTS court data.",
        columns,
        rows,
        [DFJ],
    )
