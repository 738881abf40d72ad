"""
Infants (under 1) starting to be looked after, by English LA, with their rate per 10,000 live births:
taken from the explorer's public API (`explorer.under_one`), so both apps show the same figures with
the same births pairing (reporting year ending 31 March Y with live births in calendar year Y-1).
"""

from explorer import under_one
from explorer.under_one import PAIRING, UnderOneFigure, births_by_code_year

ENGLAND_CODE = "E92000001"

__all__ = ["ENGLAND_CODE", "PAIRING", "UnderOneFigure", "births_by_code_year", "under1_figures", "years_with_rates"]


def under1_figures(year: int) -> dict[str, UnderOneFigure]:
    """{area code: figure} for every English LA and England in one reporting year."""
    result = {figure.area_code: figure for figure in under_one.figures(year=year, level="Local authority")}
    result.update(under_one.under_one_figures([ENGLAND_CODE], year))
    return result


def years_with_rates(births=None) -> list[int]:
    """Reporting years whose paired births year has figures."""
    return under_one.years_with_births()
