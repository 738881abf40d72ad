"""
Reading a CSV or .xlsx file of newborn care-proceedings figures (with catalogue/io/tabular.py), row by
row, into a report that says exactly which rows could not be read and why. Editors' uploads are
all-or-nothing (any error: nothing is written); "examine your own data" uses the rows that could be
read and lists the rest.

Expected columns (header names are case-insensitive; aliases in brackets):
  la_code (ons_code, la_code_dfe)  ONS code such as E06000001, or DfE number such as 805
  year (period)                    2019, or a financial year such as 2019/20, 2019-20 or 2019 to 2020
  babies_under_one_week (newborn_count)  babies under one week old subject to care proceedings
  issued_within_7_days             optional: of those, proceedings issued within 7 days of birth
  babies_of_recurrent_mothers      optional: of those, babies of mothers in earlier proceedings
"""

import re
from dataclasses import dataclass, field

from django.db import transaction

from catalogue.io.importing import ErrorReport, RowError, RowInvalid, check_rows
from catalogue.io.numbers import parse_int
from catalogue.io.tabular import ImportFileError, Table, TableSpec, read_table
from catalogue.io.tabular import read_upload as read_table_upload
from catalogue.models import LocalAuthority

from .models import NewbornCount, NewbornDataset

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_ROWS = 20_000
COLUMN_ALIASES = {
    "la_code": ("la_code", "ons_code", "la_code_dfe", "local_authority_code"),
    "year": ("year", "period"),
    "babies_under_one_week": ("babies_under_one_week", "newborn_count"),
    "starts_under1": ("starts_under1", "infants_starting_care"),
    "live_births": ("live_births",),
    "issued_within_7_days": ("issued_within_7_days",),
    "babies_of_recurrent_mothers": ("babies_of_recurrent_mothers",),
}
OPTIONAL_COUNTS = ("issued_within_7_days", "babies_of_recurrent_mothers")
# [0-9], not \d: \d also matches other scripts' digits, which int() would then accept.
YEAR_PATTERN = re.compile(r"^([0-9]{4})(?:\s*(?:/|-|to)\s*([0-9]{2}|[0-9]{4}))?$")
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


@dataclass
class ParsedRow:
    line: int
    local_authority: LocalAuthority
    year: int
    babies_under_one_week: int | None
    issued_within_7_days: int | None = None
    babies_of_recurrent_mothers: int | None = None
    year_is_period: bool = False  # written as 2019/20 rather than 2019
    starts_under1: int | None = None
    live_births: int | None = None


@dataclass
class UploadReport(ErrorReport):
    """What a file contained: the rows that could be read and the problems with the others."""

    rows: list[ParsedRow] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        """True only if every row was read and there is at least one."""
        return self.ok and bool(self.rows)


@dataclass(frozen=True)
class UploadFormat:
    """Which count column a kind of upload requires, and any extra (e.g. fictional example) areas it accepts."""

    count_column: str = "babies_under_one_week"
    optional: tuple[str, ...] = OPTIONAL_COUNTS
    extra_areas: tuple = ()

    @property
    def table(self) -> TableSpec:
        required = ("la_code", "year", self.count_column)
        return TableSpec(
            columns=tuple(COLUMN_ALIASES),
            required=required,
            max_bytes=MAX_UPLOAD_BYTES,
            max_rows=MAX_ROWS,
            max_columns=50,
            aliases={alias: name for name, aliases in COLUMN_ALIASES.items() for alias in aliases},
            ignore_unknown_columns=True,
            row_noun="data rows",
            layout_hint=f"The header row must name: {', '.join(required)}.",
        )


NEWBORN_FORMAT = UploadFormat()


def read_upload(uploaded_file, upload_format: UploadFormat = NEWBORN_FORMAT) -> UploadReport:
    """Read a Django UploadedFile (or any object with .size and .read()) without trusting it."""
    try:
        table = read_table_upload(uploaded_file, upload_format.table)
    except ImportFileError as error:
        return _file_error(error)
    return _check_figures(table, upload_format)


def read_figures(data: bytes, upload_format: UploadFormat = NEWBORN_FORMAT) -> UploadReport:
    """Read a CSV or .xlsx file's bytes into a report of its rows and problems."""
    try:
        table = read_table(data, upload_format.table)
    except ImportFileError as error:
        return _file_error(error)
    return _check_figures(table, upload_format)


def _check_figures(table: Table, upload_format: UploadFormat) -> UploadReport:
    report = UploadReport()
    if table.ignored_columns:
        report.notices.append("These columns were ignored: " + ", ".join(table.ignored_columns) + ".")
    authorities = _authorities_by_code()
    authorities.update({area.ons_code.upper(): area for area in upload_format.extra_areas})
    seen = {}

    def check(row) -> ParsedRow:
        if row.problem:
            raise RowInvalid([RowError(row.line, "", row.problem)])
        return _read_row(row.line, row.values, authorities, seen, upload_format)

    report.rows, report.errors = check_rows(table.rows, check)
    return report


def _file_error(error: ImportFileError) -> UploadReport:
    report = UploadReport()
    report.add_file_error(error)
    return report


def _authorities_by_code() -> dict[str, LocalAuthority]:
    lookup = {}
    for authority in LocalAuthority.objects.select_related("region"):
        lookup[authority.ons_code.upper()] = authority
        if authority.dfe_number:
            lookup[authority.dfe_number] = authority
    return lookup


def _read_row(line, values, authorities, seen, upload_format: UploadFormat) -> ParsedRow:
    problems = []
    code = values.get("la_code", "")
    authority = authorities.get(code.upper())
    if not code:
        problems.append("the local authority code is empty")
    elif authority is None:
        problems.append(
            f"'{code[:40]}' is not a known local authority code (use the ONS code, e.g. E06000001, or the DfE number)"
        )
    raw_year = values.get("year", "")
    year, year_problem = parse_year(raw_year)
    if year_problem:
        problems.append(year_problem)
    counts = {}
    for name in (upload_format.count_column, *upload_format.optional):
        value, count_problem = parse_count(values.get(name, ""), name, required=name == upload_format.count_column)
        counts[name] = value
        if count_problem:
            problems.append(count_problem)
    total = counts[upload_format.count_column]
    for name in upload_format.optional:
        if name in OPTIONAL_COUNTS and total is not None and counts[name] is not None and counts[name] > total:
            problems.append(f"{name} ({counts[name]}) is more than {upload_format.count_column} ({total})")
    if authority is not None and year is not None:
        key = (authority.ons_code, year)
        if key in seen:
            problems.append(f"duplicates line {seen[key]}: {authority.name} already has a row for {year}")
        else:
            seen[key] = line
    if problems:
        message = "; ".join(problems)
        if "_" not in message.split(" ", 1)[0]:  # keep column names such as year_of_birth as written
            message = message[0].upper() + message[1:]
        raise RowInvalid([RowError(line, "", message + ".")])
    return ParsedRow(
        line,
        authority,
        year,
        counts.get("babies_under_one_week"),
        counts.get("issued_within_7_days"),
        counts.get("babies_of_recurrent_mothers"),
        year_is_period=YEAR_PATTERN.match(raw_year).group(2) is not None,
        starts_under1=counts.get("starts_under1"),
        live_births=counts.get("live_births"),
    )


def parse_year(raw: str) -> tuple[int | None, str | None]:
    """'2019', '2019/20', '2019-20' or '2019/2020' -> 2019 (the year the period starts)."""
    match = YEAR_PATTERN.match(raw)
    if not raw:
        return None, "the year is empty"
    if not match:
        return None, f"'{raw[:40]}' is not a year (write 2019, or 2019/20 for a financial year)"
    start = int(match.group(1))
    if match.group(2):
        end = int(match.group(2))
        if (end if end >= 100 else start // 100 * 100 + end) != start + 1:
            return None, f"'{raw}' is not a one-year period"
    if not EARLIEST_YEAR <= start <= LATEST_YEAR:
        return None, f"{start} is outside {EARLIEST_YEAR}-{LATEST_YEAR}"
    return start, None


def parse_count(raw: str, name: str, required: bool) -> tuple[int | None, str | None]:
    """A whole number of babies, 0 or more; empty is allowed only for optional columns."""
    if not raw:
        return None, (f"{name} is empty" if required else None)
    value = parse_int(raw.replace(",", ""))
    if value is None:
        return None, f"{name} '{raw[:40]}' is not a whole number"
    if value < 0:
        return None, f"{name} {value} is negative"
    return value, None


@transaction.atomic
def publish_dataset(report: UploadReport, *, user=None, **metadata) -> NewbornDataset:
    """Store a fully valid upload as a new dataset version (which supersedes the previous one)."""
    if not report.is_valid:
        raise ValueError("Only an upload with no problems can be published.")
    dataset = NewbornDataset.objects.create(uploaded_by=user, **metadata)
    NewbornCount.objects.bulk_create(
        NewbornCount(
            dataset=dataset,
            local_authority=row.local_authority,
            year=row.year,
            babies_under_one_week=row.babies_under_one_week,
            issued_within_7_days=row.issued_within_7_days,
            babies_of_recurrent_mothers=row.babies_of_recurrent_mothers,
        )
        for row in report.rows
    )
    return dataset
