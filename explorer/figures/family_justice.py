"""
Shares and counts computed from the loaded figures, in one place so pages, downloads and tests agree.

- Section 20 share of starts: children starting to be looked after under a section 20 voluntary
  agreement, as a percentage of all children starting (all ages), in the year ending 31 March.
- Placed-with-parents share: children looked after at 31 March who were placed with parents or another
  person with parental responsibility, as a percentage of all children looked after then (all ages).
A share is None where either count is suppressed or missing: it is never computed from a guess.
Region and statistical-neighbour figures are pooled from LA counts (sum of counts over sum of totals,
LAs with both counts only); England is DfE's own (rounded) national row.
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from catalogue.models import LocalAuthority

from ..models import LegalStatusFigure, ResidentialFamilyCentre, Under18Conception
from .versioned import kept_per_data_version

# A row of LegalStatusFigure's fields by name (`values_list(named=True)`), not a model instance: a model instance
# each was most of the time of reading a measure's few thousand rows.
LegalStatusRow = Any
STARTS = LegalStatusFigure.Measure.STARTS
AT_31_MARCH = LegalStatusFigure.Measure.AT_31_MARCH
# measure slug -> (DfE measure, count field, plain label)
SHARES = {
    "section-20": (STARTS, "section_20", "section 20 share of children starting to be looked after"),
    "placed-with-parents": (
        AT_31_MARCH,
        "placed_with_parents",
        "share of children looked after at 31 March placed with parents",
    ),
}


@dataclass(frozen=True)
class Share:
    """count / total as a percentage, with both counts kept so every table can show them."""

    count: int | None
    total: int | None
    flag: str = ""

    @property
    def percent(self) -> float | None:
        if self.count is None or not self.total:
            return None
        return self.count / self.total * 100


def share_of(figure: LegalStatusRow | None, field: str) -> Share:
    if figure is None:
        return Share(None, None, "missing")
    flag = getattr(figure, f"{field}_flag") or figure.total_flag
    return Share(getattr(figure, field), figure.total, flag)


def figures_by_code_year(measure: str) -> dict[tuple[str, int], LegalStatusRow]:
    return {(figure.la_code, figure.year): figure for figure in _figures(measure)}


def legal_status_years(measure: str) -> list[int]:
    return sorted({figure.year for figure in _figures(measure)})


@kept_per_data_version
def _figures(measure: str) -> tuple[LegalStatusRow, ...]:
    """Every row of one measure (a few thousand at most): a board report asked for them 13 times a request."""
    rows = LegalStatusFigure.objects.filter(measure=measure).order_by("la_code", "year")
    return tuple(rows.values_list(*(field.attname for field in LegalStatusFigure._meta.concrete_fields), named=True))


def pooled_share(figures, field: str) -> Share:
    """Sum of counts over sum of totals, over the figures where both are published."""
    usable = [figure for figure in figures if getattr(figure, field) is not None and figure.total]
    if not usable:
        return Share(None, None, "missing")
    return Share(sum(getattr(figure, field) for figure in usable), sum(figure.total for figure in usable))


@kept_per_data_version
def _figures_by_code(measure: str) -> dict[str, tuple[LegalStatusRow, ...]]:
    """Each area's rows of one measure, in year order: a profile pools a few areas' rows eight times a request."""
    by_code = defaultdict(list)
    for figure in _figures(measure):
        by_code[figure.la_code].append(figure)
    return {code: tuple(figures) for code, figures in by_code.items()}


def share_series(kind: str, codes: list[str]) -> dict[int, Share]:
    """{year: pooled share} over the LAs with these codes (one code gives that LA's own series)."""
    measure, field, _ = SHARES[kind]
    by_year = defaultdict(list)
    by_code = _figures_by_code(measure)
    for code in sorted(set(codes)):  # the order the rows are read in, so the years come out as before
        for figure in by_code.get(code, ()):
            by_year[figure.year].append(figure)
    if len(codes) == 1:
        return {year: share_of(items[0], field) for year, items in by_year.items()}
    return {year: pooled_share(items, field) for year, items in by_year.items()}


def latest_shares(kind: str, year: int | None = None) -> tuple[int | None, dict[str, Share]]:
    """{LA code: share} for one year (the latest with figures if none is given)."""
    measure, field, _ = SHARES[kind]
    rows = [figure for figure in _figures(measure) if figure.geographic_level == "Local authority"]
    year = year or max((figure.year for figure in rows), default=None)
    return year, {figure.la_code: share_of(figure, field) for figure in rows if figure.year == year}


@dataclass
class CentreCount:
    """Residential family centres on Ofsted's register at 31 March, and the sum of their published places."""

    centres: int = 0
    places_published: int = 0
    places_sum: int = 0

    def add(self, centre: ResidentialFamilyCentre) -> None:
        self.centres += 1
        if centre.places is not None:
            self.places_published += 1
            self.places_sum += centre.places

    @property
    def places(self) -> int | None:
        """None when no centre in the group has a published number of places (2015 has none)."""
        return self.places_sum if self.places_published else None


def centres_by(key, year: int | None = None) -> dict:
    """{(key(centre), year): CentreCount}; key is e.g. the LA code or the region name."""
    groups: dict = defaultdict(CentreCount)
    for centre in _centres():
        if year is None or centre.year == year:
            groups[(key(centre), centre.year)].add(centre)
    return dict(groups)


@kept_per_data_version
def _centres() -> tuple[ResidentialFamilyCentre, ...]:
    """Every centre of every year's register (a few hundred rows), read by every profile and area page."""
    return tuple(ResidentialFamilyCentre.objects.all())  # in the model's order: year, authority, name


def region_of_code() -> dict[str, str]:
    """ONS region name of each current LA code; centres in abolished LAs keep Ofsted's region."""
    return dict(LocalAuthority.objects.values_list("ons_code", "region__name"))


def centre_region(regions: dict[str, str]):
    return lambda centre: regions.get(centre.la_code) or centre.region_name or "Unknown"


def centre_years() -> list[int]:
    return sorted({centre.year for centre in _centres()})


def conception_rates(year: int | None = None) -> tuple[int | None, dict[str, float]]:
    rows = Under18Conception.objects.filter(rate_per_1000__isnull=False)
    year = year or rows.order_by("-year").values_list("year", flat=True).first()
    return year, {row.la_code: float(row.rate_per_1000) for row in rows.filter(year=year)}
