"""
The board report's placement tables: for each of placement type and ethnicity, DfE's percentages of each
authority's children looked after at 31 March (all ages, England only), the latest year DfE publishes,
beside England. Only published percentages; a withheld one keeps DfE's symbol, never 0.
"""

from ..charts.chart import Chart, table
from ..figures import placements
from ..figures.areas import Member
from ..models import ENGLAND_CODE
from ..sources import CLA_CHARACTERISTICS, DFJ


def latest_year() -> int | None:
    found = placements.shares(placements.PLACEMENTS, [ENGLAND_CODE]).years
    return found[-1] if found else None


def group_table(area_name: str, members: list[Member], group: placements.Group, year: int) -> Chart:
    codes = [member.link.la_code for member in members]
    found = placements.shares(group, [*codes, ENGLAND_CODE])
    counts = placements.all_children([*codes, ENGLAND_CODE])
    named = [(member.link.la_code, member.link.la_name) for member in members] + [(ENGLAND_CODE, "England")]
    rows = []
    for code, name in named:
        total = counts.get(code, {}).get(year)
        cells = [placements.shown(found.of(code, year, category.key)) for category in group.categories]
        rows.append([name, placements.shown(total) if total else "", *cells])
    columns = [
        "Local authority",
        f"Children looked after, 31 March {year}",
        *[f"{category.short} (%)" for category in group.categories],
    ]
    title = f"Children looked after by {group.heading} at 31 March {year} in {area_name}'s local authorities"
    summary = f"{placements.ALL_AGES_ENGLAND} England's row is for comparison."
    notes = [
        placements.SYMBOLS + " An empty row: no figure in this source (Welsh authorities have none).",
    ]
    if group is placements.PLACEMENTS:
        notes.append(
            "With parents: placed with parents or another person with parental responsibility. Other: other "
            "placements, which include family centres and mother and baby units (not published separately)."
        )
    return table(f"board-{group.slug}", title, summary, columns, rows, [CLA_CHARACTERISTICS, DFJ], notes)


def placement_tables(area_name: str, members: list[Member]) -> tuple[int | None, list[Chart]]:
    year = latest_year()
    if year is None:
        return None, []
    return year, [group_table(area_name, members, group, year) for group in placements.GROUPS]
