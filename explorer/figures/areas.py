"""
A family justice (DFJ) area: its local authorities, their infants entering care side by side and pooled
against England with exact Poisson funnel limits (chance-only, and widened for the over-dispersion estimated
from all areas, as the local authority funnel does: figures/overdispersion.py), their legal-status mix and
the residential family centres in them. Only authorities whose courts all lie in this one area are pooled;
authorities whose courts span several areas are listed with their candidate areas and left out of the pool.
"""

from dataclasses import dataclass, field

from catalogue.models import LocalAuthority

from ..models import AuthorityArea, DfjArea
from . import family_justice, overdispersion, statistics, under_one
from .versioned import kept_per_data_version

POOLED_STATUSES = (AuthorityArea.Status.SINGLE, AuthorityArea.Status.SINGLE_MAPPED, AuthorityArea.Status.PREDECESSOR)


@dataclass
class Member:
    """One local authority linked to the area, with the figures shown for it."""

    link: AuthorityArea
    authority: LocalAuthority | None
    pooled: bool  # True when all its courts with an area are in this one area
    infants: under_one.UnderOneFigure | None = None
    section_20: family_justice.Share | None = None
    placed_with_parents: family_justice.Share | None = None
    centres: family_justice.CentreCount | None = None

    @property
    def other_candidates(self) -> list[DfjArea]:
        return [area for area in self.link.candidates.all() if area.pk != self.link.area_id]


@dataclass
class PooledArea:
    """The area's infants entering care pooled over its members with a published count and births."""

    area: DfjArea
    year: int | None
    count: int = 0
    births: int = 0
    authorities: int = 0
    left_out: list[str] = field(default_factory=list)  # members with no count or no births
    england_rate: float | None = None
    limits: statistics.ControlLimits | None = None  # chance only
    dispersion: overdispersion.Overdispersion | None = None  # estimated from every area with a rate
    adjusted_limits: statistics.ControlLimits | None = None  # widened by sqrt(phi) when phi applies

    @property
    def rate(self) -> float | None:
        return statistics.rate_per_10000(self.count, self.births) if self.authorities else None

    @property
    def position(self) -> str | None:
        if self.rate is None or self.limits is None:
            return None
        return statistics.funnel_position(self.rate, self.limits)

    @property
    def adjusted_position(self) -> str | None:
        """Against the limits allowing for over-dispersion: the only position that names an outlier."""
        if self.rate is None or self.adjusted_limits is None:
            return None
        return statistics.funnel_position(self.rate, self.adjusted_limits)

    @property
    def expected(self) -> float | None:
        """The count expected at England's rate for the area's births."""
        if self.england_rate is None or not self.births:
            return None
        return self.england_rate * self.births / statistics.PER


def members_of(area: DfjArea) -> list[Member]:
    """Pooled members first (by name), then authorities for which this area is one of several candidates."""
    links = (AuthorityArea.objects.filter(candidates=area) | AuthorityArea.objects.filter(area=area)).distinct()
    authorities = _authorities_by_code()
    members = [
        Member(link, authorities.get(link.la_code), link.area_id == area.pk and link.status in POOLED_STATUSES)
        for link in links.prefetch_related("candidates").order_by("la_name")
    ]
    return sorted(members, key=lambda member: (not member.pooled, member.link.la_name))


@kept_per_data_version
def _authorities_by_code() -> dict[str, LocalAuthority]:
    """Every authority with its region, read once (the areas index asks for each of its 40-odd areas' members)."""
    return {la.ons_code: la for la in LocalAuthority.objects.select_related("region")}


def attach_figures(members: list[Member], year: int | None, figures=None) -> None:
    """Fill in each member's under-1 figure (for `year`), latest legal-status shares and latest centres."""
    figures = figures if figures is not None else (under_one.under1_figures(year) if year else {})
    _, section_20 = family_justice.latest_shares("section-20")
    _, placed = family_justice.latest_shares("placed-with-parents")
    latest_centres = max(family_justice.centre_years(), default=None)
    centres = family_justice.centres_by(lambda centre: centre.la_code, latest_centres)
    for member in members:
        code = member.link.la_code
        member.infants = figures.get(code)
        member.section_20 = section_20.get(code)
        member.placed_with_parents = placed.get(code)
        member.centres = centres.get((code, latest_centres), family_justice.CentreCount())


def pool(
    area: DfjArea, members: list[Member], year: int | None, england: under_one.UnderOneFigure | None
) -> PooledArea:
    result = PooledArea(area, year)
    for member in members:
        if not member.pooled:
            continue
        figure = member.infants
        if figure is None or figure.count is None or not figure.births:
            result.left_out.append(member.link.la_name)
            continue
        result.count += figure.count
        result.births += figure.births
        result.authorities += 1
    if england is not None and england.rate is not None and result.births:
        result.england_rate = england.rate
        result.limits = statistics.funnel_limits(england.rate, result.births)
    return result


@kept_per_data_version
def all_pooled(year: int | None) -> list[PooledArea]:
    """Every DFJ area's pooled figure for one year (the index page and the highest/lowest ranking)."""
    figures = under_one.under1_figures(year) if year else {}
    england = figures.get(under_one.ENGLAND_CODE)
    results = []
    for area in DfjArea.objects.exclude(code="HIGH_COURT"):
        members = members_of(area)
        for member in members:
            member.infants = figures.get(member.link.la_code)
        results.append(pool(area, members, year, england))
    dispersion = estimate_overdispersion(results)
    for result in results:
        allow_for(result, dispersion)
    return results


def estimate_overdispersion(pooled_areas: list[PooledArea]) -> overdispersion.Overdispersion | None:
    """Spiegelhalter's phi from every area with a pooled rate: its count against the count England's rate expects."""
    return overdispersion.estimate(
        [(item.count, item.expected) for item in pooled_areas if item.rate is not None and item.expected]
    )


def allow_for(pooled: PooledArea, dispersion: overdispersion.Overdispersion | None) -> PooledArea:
    """Attach the areas' phi and the limits widened by it (the same as chance-only when phi does not apply)."""
    pooled.dispersion = dispersion
    if pooled.limits is not None and pooled.england_rate is not None:
        inflation = dispersion.inflation if dispersion else 1.0
        pooled.adjusted_limits = overdispersion.adjusted(pooled.limits, pooled.england_rate, inflation)
    return pooled


def pool_among_all(area: DfjArea, members: list[Member], year: int | None, figures: dict):
    """This area pooled, with the allowance estimated from every area; and every area (for the funnel)."""
    every_area = all_pooled(year)
    pooled = pool(area, members, year, figures.get(under_one.ENGLAND_CODE))
    allow_for(pooled, every_area[0].dispersion if every_area else None)
    return pooled, every_area


def ranked(pooled_areas: list[PooledArea]) -> list[PooledArea]:
    """Areas with a pooled rate, highest first."""
    return sorted((item for item in pooled_areas if item.rate is not None), key=lambda item: -item.rate)
