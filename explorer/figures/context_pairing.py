"""
Pairing a context measure with the under-1 rate of the SAME years, authority by authority, for the
relationships page. The under-1 rate is pooled over the latest `POOLED_YEARS` reporting years that both
measures cover (total infants over total live births); the context value is the average of the published
annual values over exactly the years in that authority's pooled rate. An authority is left out, and named,
when its under-1 rate rests on a tiny denominator, has a suppressed year, or a context year is missing or is
a joint return shared with another authority.
"""

from dataclasses import dataclass, field

from . import under_one
from .context import MEASURES, context_year, under_one_year, values_by_area
from .context import years as context_years
from .measures import pooled_over_years

POOLED_YEARS = 5  # as the relationships page pools the under-1 rate for its other measures
# The stated rule for tiny denominators: fewer than 1,000 live births across the pooled years (about 200 a
# year), where one infant more or fewer moves the rate by 10 per 10,000 or more. It leaves out the Isles of
# Scilly and the City of London, whose five-year rates rest on a few hundred births or fewer.
MIN_POOLED_BIRTHS = 1_000


@dataclass
class PairedArea:
    code: str
    name: str
    count: int
    births: int
    rate: float  # under-1 starts per 10,000 live births, pooled over `years`
    years: list[int]  # reporting years pooled (ending 31 March)
    context: float  # the average of the published context values of the paired years


@dataclass
class Pairing:
    measure: str
    years: list[int]  # the under-1 reporting years paired (ending 31 March)
    areas: list[PairedArea] = field(default_factory=list)
    tiny: list[str] = field(default_factory=list)  # names left out under MIN_POOLED_BIRTHS
    suppressed: list[str] = field(default_factory=list)
    no_context: list[str] = field(default_factory=list)
    joint: list[str] = field(default_factory=list)
    unpaired_context_years: list[int] = field(default_factory=list)  # context years with no under-1 rate
    unpaired_under_one_years: list[int] = field(default_factory=list)  # under-1 years with no context value

    @property
    def context_years(self) -> list[int]:
        return [context_year(self.measure, year) for year in self.years]


def england_figures() -> list:
    """Every English authority's under-1 figures (read once when several measures are paired)."""
    return [f for f in under_one.figures(level="Local authority") if f.country == "England"]


def pair(measure: str, figures: list | None = None) -> Pairing:
    """Every English authority's pooled under-1 rate beside its context value of the same years."""
    rate_years = under_one.years_with_births()  # reporting years (ending 31 March) with live births
    covered = context_years(measure)
    paired = [year for year in rate_years if context_year(measure, year) in covered]
    result = Pairing(measure, paired[-POOLED_YEARS:])
    result.unpaired_context_years = [year for year in covered if under_one_year(measure, year) not in rate_years]
    result.unpaired_under_one_years = [year for year in rate_years if year not in paired]
    if not result.years:
        return result
    figures = england_figures() if figures is None else figures
    names = {f.area_code: f.area_name for f in figures}
    context = values_by_area(measure)  # an authority's rows are looked up by its code and paired years only
    for code, group in sorted(pooled_over_years(figures, result.years).items(), key=lambda item: names[item[0]]):
        name = names[code]
        if group.suppressed_areas or group.rate is None:
            result.suppressed.append(name)
            continue
        if group.births < MIN_POOLED_BIRTHS:
            result.tiny.append(name)
            continue
        rows = [context.get(code, {}).get(context_year(measure, year)) for year in group.rate_years]
        if any(row is not None and row.joint_return for row in rows):
            result.joint.append(name)
        elif any(row is None or row.value is None for row in rows):
            result.no_context.append(name)
        else:
            mean = sum(float(row.value) for row in rows) / len(rows)
            result.areas.append(
                PairedArea(code, name, group.rate_count, group.births, group.rate, sorted(group.rate_years), mean)
            )
    return result


def measure_name(measure: str) -> str:
    return MEASURES[measure].name
