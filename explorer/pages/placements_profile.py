"""
A profile's placements and ethnicity of children looked after at 31 March (all ages, England only): for each
of placement type and ethnicity, the authority's latest year beside its region, England and the chosen
comparators (bars for the authority, every area in the table), and the authority's own years in a second
table. Only DfE's published percentages; a withheld one keeps DfE's symbol.
"""

from catalogue.models import LocalAuthority

from ..charts.chart import Chart, table
from ..charts.plots import bar_svg
from ..figures import placements
from ..figures.placements import Group, Shares
from ..models import ENGLAND_CODE
from ..sources import CLA_CHARACTERISTICS
from .comparators import Comparators

SOURCE_WORDS = "DfE, Children looked after in England including adoptions, 2025 release"
FLAG_WORDS = {"c": "suppressed", "k": "under 0.5%", "z": "not applicable", "x": "not available"}


def placement_charts(authority: LocalAuthority, comparators: Comparators) -> list[Chart]:
    """Two charts per group (latest year compared; the authority's years), or none where DfE has no figure."""
    named = [(authority.ons_code, authority.name), (authority.region.code, authority.region.name)]
    named += [(ENGLAND_CODE, "England")] + [(la.ons_code, la.name) for la in comparators.chosen]
    counts = placements.all_children([authority.ons_code])
    charts = []
    for group in placements.GROUPS:
        found = placements.shares(group, [code for code, _ in named])
        year = found.latest_year(authority.ons_code)
        if year is None:
            continue
        total = counts.get(authority.ons_code, {}).get(year)
        charts.append(_latest(authority, group, found, year, named, total))
        charts.append(_years(authority, group, found))
    return charts


def _latest(authority, group: Group, found: Shares, year: int, named, total) -> Chart:
    own = authority.ons_code
    bars, missing_text = [], {}
    for category in group.categories:
        value = found.of(own, year, category.key)
        bars.append((category.short, value.value if value else None, False))
        if value is not None and value.value is None and value.flag:
            missing_text[category.short] = f"[{value.flag}] {FLAG_WORDS.get(value.flag, 'not published')}"
    title = f"Children looked after by {group.heading} at 31 March {year}: {authority.name} compared"
    how_many = f" ({placements.shown(total)} children)" if total and total.value is not None else ""
    named_bars = [(category.name, bar[1]) for category, bar in zip(group.categories, bars, strict=True)]
    leading = max((bar for bar in named_bars if bar[1] is not None), key=lambda bar: bar[1], default=None)
    summary = f"Source: {SOURCE_WORDS}. At 31 March {year}, of the children {authority.name} looked after{how_many}"
    summary += f", the largest group was {leading[0]} ({leading[1]:.0f}%). " if leading else ". "
    summary += placements.ALL_AGES_ENGLAND
    svg = bar_svg(
        title,
        summary,
        bars,
        x_label=f"% of {authority.name}'s children looked after, 31 March {year}",
        value_format="{:,.0f}%",
        missing_text=missing_text,
    )
    columns = [group.heading.capitalize(), *[name for _, name in named]]
    rows = [
        [category.name, *[placements.shown(found.of(code, year, category.key)) for code, _ in named]]
        for category in group.categories
    ]
    notes = [
        "Percentages as DfE publishes them, rounded to whole numbers, so they may not add to 100. "
        + placements.SYMBOLS
        + " Bars show the authority only; the table gives its region, England and the comparators.",
    ]
    if group is placements.PLACEMENTS:
        notes.append(
            "Family centres and mother and baby units are not published separately: they are inside "
            "'Other placements'. The bars use short names; the table gives DfE's own."
        )
    first = group.categories[0].key
    missing = [name for code, name in named[3:] if found.of(code, year, first) is None]  # comparators
    if missing:
        notes.append(f"No figure for 31 March {year} in this source for: " + ", ".join(missing) + ".")
    return table(f"la-{group.slug}-latest", title, summary, columns, rows, [CLA_CHARACTERISTICS], notes, svg)


def _years(authority, group: Group, found: Shares) -> Chart:
    own = authority.ons_code
    held = [year for year in found.years if found.values.get(own, {}).get(year)]
    title = f"{authority.name}: children looked after by {group.heading} at 31 March, {held[0]} to {held[-1]}"
    summary = (
        f"Source: {SOURCE_WORDS}. Each year's percentages of the children {authority.name} looked after at "
        f"31 March. {placements.ALL_AGES_ENGLAND}"
    )
    columns = [group.heading.capitalize(), *[f"31 March {year}" for year in held]]
    rows = [
        [category.name, *[placements.shown(found.of(own, year, category.key)) for year in held]]
        for category in group.categories
    ]
    notes = [placements.SYMBOLS + " An empty cell: no row for that year in DfE's file."]
    return table(f"la-{group.slug}-years", title, summary, columns, rows, [CLA_CHARACTERISTICS], notes)
