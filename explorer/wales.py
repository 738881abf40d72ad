"""
What the data wing holds for Welsh authorities, read from the data actually loaded: for every tidy download
(explorer.downloads.registry) and every profile measure kept outside them, whether any figure exists for the
authorities of a Welsh page, and for which years. Welsh pages show it at the top
(templates/explorer/includes/wales_coverage.html), so nobody reads a missing measure as a zero.
"""

from dataclasses import dataclass

from .downloads.registry import DOWNLOADS
from .downloads.tidy import year_span
from .figures.versioned import kept_per_data_version
from .models import ChildrensServicesSpend, Deprivation, OfstedJudgement, ResidentialFamilyCentre, StatisticalNeighbour


@dataclass(frozen=True)
class Coverage:
    label: str
    span: tuple[int, int] | None  # (first, last) year held for these authorities
    present: bool

    @property
    def years(self) -> str:
        if not self.span:
            return ""
        first, last = self.span
        return str(first) if first == last else f"{first} to {last}"


def _held(model, code_field):
    return lambda codes: model.objects.filter(**{f"{code_field}__in": list(codes)}).exists()


# Profile measures that are not (yet) tidy downloads: (label, does the table hold any row for these codes?).
OTHER_MEASURES = [
    ("Ofsted inspection judgement (ILACS)", _held(OfstedJudgement, "local_authority__ons_code")),
    ("English Indices of Deprivation 2019", _held(Deprivation, "local_authority__ons_code")),
    ("Spend on children's social care (RO3)", _held(ChildrensServicesSpend, "local_authority__ons_code")),
    ("DfE statistical neighbours", _held(StatisticalNeighbour, "local_authority__ons_code")),
]
CENTRES = ("Residential family centres on Ofsted's register", year_span(ResidentialFamilyCentre.objects, "la_code"))


@kept_per_data_version
def coverage(codes: tuple[str, ...]) -> tuple[Coverage, ...]:
    """
    Every measure, held or not, for these authorities; years are those held for them. Kept per content version
    (15 queries, about 7 ms a Welsh page); `codes` are those of a Welsh authority or area the data hold.
    """
    codes = list(codes)
    found = []
    for download in DOWNLOADS:
        span = download.span_for(codes)
        found.append(Coverage(download.title, span, span is not None))
    label, spans = CENTRES
    span = spans(codes)
    found.append(Coverage(label, span, span is not None))
    found += [Coverage(label, None, held(codes)) for label, held in OTHER_MEASURES]
    return tuple(found)


def welsh_codes(context) -> tuple[str, tuple[str, ...]]:
    """(the page's name, its Welsh authorities' codes) for a Welsh profile or family justice area, else ("", ())."""
    authority, area = context.get("authority"), context.get("area")
    if authority is not None and getattr(authority, "country", "") == "Wales":
        return authority.name, (authority.ons_code,)
    if area is not None and getattr(area, "hmcts_region", "") == "Wales":
        from .models import AuthorityArea

        links = AuthorityArea.objects.filter(candidates=area) | AuthorityArea.objects.filter(area=area)
        return f"the {area.name} family justice area", tuple(sorted(set(links.values_list("la_code", flat=True))))
    return "", ()
