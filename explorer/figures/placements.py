"""
Children looked after at 31 March by placement type and by ethnicity, as the profile and the board report
read them: DfE's own percentages (whole numbers, as published) for some areas in one year, and the year
each area's latest figures are for. All ages, England only. A withheld figure keeps DfE's symbol ([c]
suppressed, [z] not applicable, [k] under 0.5%) and is never shown as 0.
"""

from dataclasses import dataclass

from .cla_characteristics import ALL_CHILDREN_KEY, ETHNIC_GROUPS, PLACEMENT_TYPES, Category
from .context import ContextValue, context_table, years


@dataclass(frozen=True)
class Group:
    slug: str
    heading: str  # as a title says it: "placement type"
    categories: tuple[Category, ...]


PLACEMENTS = Group("placements", "placement type", PLACEMENT_TYPES)
ETHNICITY = Group("ethnicity", "ethnicity", ETHNIC_GROUPS)
GROUPS = (PLACEMENTS, ETHNICITY)
ALL_AGES_ENGLAND = (
    "DfE's percentages of the authority's children looked after at 31 March, children of all ages (not infants "
    "alone: no local authority table of placements or ethnicity for infants is published), England only."
)
SYMBOLS = "[c] suppressed by DfE, [z] not applicable, [k] a percentage under 0.5: never 0."


def shown(value: ContextValue | None) -> str:
    """A published percentage as DfE gives it (a whole number), or DfE's symbol in brackets."""
    if value is None:
        return ""
    if value.value is None:
        return f"[{value.flag}]" if value.flag else ""
    return f"{value.value:,.0f}"


@dataclass
class Shares:
    """One group's percentages for some areas: {area code: {year: {measure key: value}}}."""

    group: Group
    years: list[int]
    values: dict[str, dict[int, dict[str, ContextValue]]]

    def of(self, code: str, year: int, key: str) -> ContextValue | None:
        return self.values.get(code, {}).get(year, {}).get(key)

    def latest_year(self, code: str) -> int | None:
        """The latest year with at least one published percentage for this area."""
        by_year = self.values.get(code, {}).items()
        published = [year for year, row in by_year if any(value.value is not None for value in row.values())]
        return max(published, default=None)


def shares(group: Group, codes: list[str]) -> Shares:
    values: dict[str, dict[int, dict[str, ContextValue]]] = {}
    for category in group.categories:
        for code, by_year in context_table(codes, category.key).items():
            for year, value in by_year.items():
                values.setdefault(code, {}).setdefault(year, {})[category.key] = value
    return Shares(group, years(group.categories[0].key), values)


def all_children(codes: list[str]) -> dict[str, dict[int, ContextValue]]:
    """The number of children looked after at 31 March (DfE's count), by area and year."""
    return context_table(codes, ALL_CHILDREN_KEY)
