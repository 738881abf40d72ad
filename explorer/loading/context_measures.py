"""
Loading the context measures in fixtures/context-measures/ (copied from the project's shared
context-measures folder, which records where every cell came from). Only published values are kept:
no rate is computed here. A joint workforce return ("E09000021 / E09000027") is stored once for each
authority in it, marked `joint_return`, so a profile can show it and a correlation can leave it out.
"""

import re
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from ..figures.cla_characteristics import BY_SOURCE as CLA_CATEGORIES
from ..models import ContextFigure
from .reader import read_rows, replace_rows

CONTEXT_MEASURES = Path(settings.BASE_DIR) / "fixtures" / "context-measures"
# The files and, for each, the measures the site shows (the rest, e.g. LAIT's copies of counts kept only
# for the upstream cross-check, are not loaded).
FILES = {
    "england_cin_cpp_rates_la_lait.csv": {
        "cin_rate_per_10000_at_31_march",
        "cpp_rate_per_10000_at_31_march",
        "cpp_starts_rate_per_10000_in_year",
        "referrals_rate_per_10000_in_year",
        "s47_enquiries_rate_per_10000_in_year",
        "icpc_rate_per_10000_in_year",
    },
    "england_social_work_workforce_la.csv": {
        "turnover_rate_fte_pct",
        "agency_worker_rate_fte_pct",
        "vacancy_rate_fte_pct",
        "average_caseload_fte",
        "social_workers_fte",
    },
    "england_lait_other_context_la.csv": {"children_in_low_income_families_pct"},
}
# Children looked after at 31 March (a subset of the shared file: subset_cla_placements.py): each
# (measure, category) the site shows becomes one measure key (figures/cla_characteristics.py).
CATEGORY_FILES = {"england_cla_31march_placements_ethnicity_subset.csv": CLA_CATEGORIES}
COLUMNS = (
    "year",
    "year_label",
    "geographic_level",
    "la_code",
    "la_code_current",
    "la_name",
    "region_code",
    "measure",
    "value",
    "flag",
    "unit",
    "source_file",
)
LEVELS = {"National", "Regional", "Local authority"}
# The upstream README's flags: DfE's c, x, z; GSS u (low reliability) and low; k; LAIT's '-'.
FLAGS = {"", "c", "x", "z", "u", "low", "k", "-"}
GSS_CODE = re.compile(r"[EWN]\d{8}", re.ASCII)
MAX_DECIMALS = 4  # the model's decimal places: a longer value would be rounded silently, so it stops the load


def _codes(row) -> list[str]:
    """The GSS code(s) of a row: one, or each authority of a joint return such as 'E09000021 / E09000027'."""
    codes = [part.strip() for part in row.text("la_code_current").split("/")]
    if not all(GSS_CODE.fullmatch(code) for code in codes):
        row.fail(f"'la_code_current' is not a GSS code: {row['la_code_current'][:30]!r}")
    return codes


def _value(row) -> Decimal | None:
    if not row.get("value", "").isascii():  # Decimal() alone would read Arabic-Indic or full-width digits
        row.fail(f"'value' is not a number written in ASCII digits: {row['value'][:30]!r}")
    value, flag = row.decimal("value"), row.flag("flag", FLAGS)
    if (value is None) == (flag == ""):
        row.fail("a row needs either a value or a flag, not both or neither")
    if value is not None and -value.as_tuple().exponent > MAX_DECIMALS:
        row.fail(f"'value' has more than {MAX_DECIMALS} decimal places: {row['value'][:30]!r}")
    return value


def _figures(row, measure: str):
    """One ContextFigure for each authority of the row (two for a joint workforce return)."""
    level = row.text("geographic_level")
    if level not in LEVELS:
        row.fail(f"'geographic_level' is not one of {', '.join(sorted(LEVELS))}: {level[:30]!r}")
    codes, value = _codes(row), _value(row)
    for code in codes:
        yield ContextFigure(
            measure=measure,
            year=row.year(),
            year_label=row.text("year_label"),
            geographic_level=level,
            area_code=code,
            area_code_as_published=row.text("la_code"),
            area_name=row.text("la_name"),
            region_code=row.text("region_code", required=False),
            value=value,
            flag=row["flag"].strip(),
            joint_return=len(codes) > 1,
            unit=row.text("unit"),
            source_file=row.text("source_file"),
        )


def read_file(filename: str, measures: set[str]):
    for row in read_rows(CONTEXT_MEASURES / filename, COLUMNS):
        if row.text("measure") in measures:
            yield from _figures(row, row["measure"])


def read_category_file(filename: str, categories: dict[tuple[str, str], str]):
    """Rows whose (measure, category) the site shows, each stored under the site's key for that pair."""
    for row in read_rows(CONTEXT_MEASURES / filename, (*COLUMNS, "category")):
        key = categories.get((row.text("measure"), row.text("category", required=False)))
        if key is not None:
            yield from _figures(row, key)


def load_context_measures() -> int:
    """Replace every context figure with the files' rows (inside load_all's one transaction)."""
    figures = [figure for filename, measures in FILES.items() for figure in read_file(filename, measures)]
    for filename, categories in CATEGORY_FILES.items():
        figures += read_category_file(filename, categories)
    return replace_rows(ContextFigure, figures)


LOADERS = {"context measures": load_context_measures}
