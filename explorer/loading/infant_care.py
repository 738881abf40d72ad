"""
Loading the real under-1 figures in fixtures/infant-care/ (DfE, StatsWales, Cafcass via LAIT and
quoted Born into Care figures). Each value is stored exactly as published; a suppressed cell keeps
its flag and no count, so nothing downstream can mistake it for 0. Called by `loading.load_all`,
inside its transaction: a bad row raises `FixtureError` naming the file and line.
"""

from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings

from catalogue.io.numbers import parse_int

from ..models import WALES_CODE, CafcassRate, InfantCareFigure, PublishedQuote
from .reader import POSITION, FixtureError, delete_all, read_rows, replace_rows, replace_verbatim

INFANT_CARE = Path(settings.BASE_DIR) / "fixtures" / "infant-care"
ENGLAND_STARTS = "england_cla_starts_under1.csv"
ENGLAND_AT_31_MARCH = "england_cla_at31march_under1.csv"
WALES_AT_31_MARCH = "wales_cla_at31march_under1_la.csv"
CAFCASS = "england_cafcass_care_applications_rate_la.csv"
PUBLISHED = "published_born_into_care_figures.csv"

SUPPRESSION_FLAGS = {"c", "x", "*"}
ALL_AGES_FLAGS = SUPPRESSION_FLAGS | {"", "not in same publication"}
LEVELS = {level.value for level in InfantCareFigure.Level}
DFE_ROUNDING = {
    "National": "rounded to the nearest 10",
    "Regional": "rounded to the nearest 10",
    "Local authority": "unrounded",
}
WALES_ROUNDING = "boys and girls each rounded to 5 by StatsWales, then added (may differ by up to 4)"


def _fail(message: str):
    raise FixtureError(f"{POSITION.filename}, line {POSITION.line}: {message}")


def count_and_flag(raw: str, flag: str, allowed=SUPPRESSION_FLAGS) -> tuple[int | None, str]:
    """A published count with its flag: a number and no suppression flag, or no number and a flag."""
    flag = flag.strip()
    if flag not in allowed | {""}:
        _fail(f"unknown flag '{flag[:30]}'")
    if not raw.strip():
        if flag:
            return None, flag
        _fail("the count is empty but no suppression flag says why")
    value = parse_int(raw, minimum=0)
    if value is None:
        _fail(f"'{raw[:30]}' is not a whole number")
    if flag in SUPPRESSION_FLAGS:
        _fail(f"a count ({value}) is given for a cell flagged '{flag}' (suppressed)")
    return value, flag


def _year(raw: str) -> int:
    year = parse_int(raw, minimum=1990, maximum=2100)
    if year is None:
        _fail(f"'{raw[:30]}' is not a year")
    return year


def _dfe_figures(filename: str, measure: str, prefix: str):
    for row in read_rows(INFANT_CARE / filename):
        level = row["geographic_level"]
        if level not in LEVELS:
            _fail(f"unknown geographic level '{level[:30]}'")
        count, flag = count_and_flag(row[f"{prefix}under1"], row[f"{prefix}under1_flag"])
        all_ages, all_ages_flag = count_and_flag(
            row[f"{prefix}all_ages"], row[f"{prefix}all_ages_flag"], ALL_AGES_FLAGS
        )
        code = row["la_code_current"] or row["la_code"]
        if not code:
            _fail("the area code is empty")
        yield InfantCareFigure(
            measure=measure,
            country="England",
            geographic_level=level,
            year=_year(row["year"]),
            area_code=code,
            area_code_as_published=row["la_code"],
            area_name=row["la_name"],
            region_code=row["region_code"],
            count=count,
            flag=flag,
            all_ages_count=all_ages,
            all_ages_flag=all_ages_flag,
            rounding=DFE_ROUNDING[level],
            publication=row["publication"][:200],
            source_file=row["source_file"][:200],
        )


def _wales_figures():
    for row in read_rows(INFANT_CARE / WALES_AT_31_MARCH):
        level = "National" if row["geographic_level"] == "Country" else row["geographic_level"]
        if level not in LEVELS:
            _fail(f"unknown geographic level '{level[:30]}'")
        flags = {row["cla_at31march_under1_boys_flag"], row["cla_at31march_under1_girls_flag"]} - {""}
        count, flag = count_and_flag(row["under1_boys_plus_girls_sum_of_rounded"], "*" if flags else "")
        all_ages, all_ages_flag = count_and_flag(
            row["cla_at31march_all_ages"], row["cla_at31march_all_ages_flag"], ALL_AGES_FLAGS
        )
        yield InfantCareFigure(
            measure=InfantCareFigure.Measure.AT_31_MARCH,
            country="Wales",
            geographic_level=level,
            year=_year(row["year"]),
            area_code=row["la_code"],
            area_code_as_published=row["la_code"],
            area_name=row["la_name"],
            region_code=WALES_CODE,
            count=count,
            flag=flag,
            all_ages_count=all_ages,
            all_ages_flag=all_ages_flag,
            rounding=WALES_ROUNDING,
            publication="Welsh Government, StatsWales: Children looked after at 31 March by local authority, "
            "gender and age",
            source_file="statswales/CLA_31MAR_<year>.csv",
        )


def load_infant_figures() -> int:
    delete_all(InfantCareFigure)
    figures = [
        *_dfe_figures(ENGLAND_STARTS, InfantCareFigure.Measure.STARTS, "starts_"),
        *_dfe_figures(ENGLAND_AT_31_MARCH, InfantCareFigure.Measure.AT_31_MARCH, "cla_at31march_"),
        *_wales_figures(),
    ]
    return len(InfantCareFigure.objects.bulk_create(figures))


def _rate(raw: str) -> Decimal:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0:
        _fail(f"'{raw[:30]}' is not a rate")
    return value


def load_cafcass() -> int:
    rows = (
        CafcassRate(
            area_code=row["la_code_current"],
            area_name=row["la_name"],
            geographic_level=row["geographic_level"],
            financial_year=row["financial_year"],
            year=_year(row["lait_year_label"]),
            rate_per_10000_children=_rate(row["care_applications_per_10000_children"]),
            geography_note=row["geography_note"][:300],
        )
        for row in read_rows(INFANT_CARE / CAFCASS)
        if row["la_code_current"]
    )
    return replace_rows(CafcassRate, rows)


def load_published_quotes() -> int:
    """Kept verbatim, as the quoted sentence and the value in it, never re-computed."""
    columns = ("study", "geography", "period", "measure", "value", "unit", "url", "quote")
    return replace_verbatim(PublishedQuote, read_rows(INFANT_CARE / PUBLISHED), columns)


LOADERS = {
    "infants in care (England and Wales)": load_infant_figures,
    "Cafcass care application rates": load_cafcass,
    "published Born into Care figures": load_published_quotes,
}
