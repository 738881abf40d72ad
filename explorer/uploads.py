"""
Reading a CSV of newborn care-proceedings figures, row by row, into a report that says exactly
which rows could not be read and why. Editors' uploads are all-or-nothing (any error: nothing is
written); "examine your own data" uses the rows that could be read and lists the rest.

Expected columns (header names are case-insensitive; aliases in brackets):
  la_code (ons_code, la_code_dfe)  ONS code such as E06000001, or DfE number such as 805
  year (period)                    2019, or a financial year such as 2019/20, 2019-20 or 2019 to 2020
  babies_under_one_week (newborn_count)  babies under one week old subject to care proceedings
  issued_within_7_days             optional: of those, proceedings issued within 7 days of birth
  babies_of_recurrent_mothers      optional: of those, babies of mothers in earlier proceedings
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction

from catalogue.io.numbers import parse_int
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
REQUIRED = ("la_code", "year", "babies_under_one_week")
OPTIONAL_COUNTS = ("issued_within_7_days", "babies_of_recurrent_mothers")
# [0-9], not \d: \d also matches other scripts' digits, which int() would then accept.
YEAR_PATTERN = re.compile(r"^([0-9]{4})(?:\s*(?:/|-|to)\s*([0-9]{2}|[0-9]{4}))?$")
MAX_PROBLEMS_SHOWN = 100
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


@dataclass
class RowProblem:
    """A reason one row (or the whole file, when line is None) could not be read."""

    line: int | None
    message: str


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
class UploadReport:
    """What a CSV contained: the rows that could be read and the problems with the others."""

    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    rows_seen: int = 0

    @property
    def file_problem(self) -> bool:
        return any(problem.line is None for problem in self.problems)

    @property
    def shown_problems(self) -> list[RowProblem]:
        """At most MAX_PROBLEMS_SHOWN problems, so a wholly wrong file still gives a readable page."""
        return self.problems[:MAX_PROBLEMS_SHOWN]

    @property
    def more_problems(self) -> int:
        return max(0, len(self.problems) - MAX_PROBLEMS_SHOWN)

    @property
    def is_valid(self) -> bool:
        """True only if every row was read and there is at least one."""
        return not self.problems and bool(self.rows)


@dataclass(frozen=True)
class UploadFormat:
    """Which count column a kind of upload requires, and any extra (e.g. fictional example) areas it accepts."""

    count_column: str = "babies_under_one_week"
    optional: tuple[str, ...] = OPTIONAL_COUNTS
    extra_areas: tuple = ()


NEWBORN_FORMAT = UploadFormat()


def read_upload(uploaded_file, upload_format: UploadFormat = NEWBORN_FORMAT) -> UploadReport:
    """Read a Django UploadedFile (or any object with .size and .read()) without trusting it."""
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        return _file_error(f"The file is {size:,} bytes; the largest accepted is {MAX_UPLOAD_BYTES:,} bytes.")
    data = uploaded_file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        return _file_error(f"The file is larger than {MAX_UPLOAD_BYTES:,} bytes, the largest accepted.")
    return read_csv_bytes(data, upload_format)


def read_csv_bytes(data: bytes, upload_format: UploadFormat = NEWBORN_FORMAT) -> UploadReport:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return _file_error(
            f"The file is not UTF-8 text (the first unreadable byte is on line {line}). If it came from "
            "Excel, save it again as 'CSV UTF-8 (comma delimited)'. Spreadsheet files (.xlsx) are not accepted."
        )
    if "\x00" in text:
        return _file_error("The file contains binary data; upload a plain CSV text file.")
    return read_csv_text(text, upload_format)


def read_csv_text(text: str, upload_format: UploadFormat = NEWBORN_FORMAT) -> UploadReport:
    report = UploadReport()
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        return _file_error(f"The header row could not be read as CSV: {error}.")
    if not header or not any(cell.strip() for cell in header):
        return _file_error("The file is empty: the first row must be a header naming the columns.")
    columns = _map_columns(header, report, upload_format)
    if report.problems:
        return report
    authorities = _authorities_by_code()
    authorities.update({area.ons_code.upper(): area for area in upload_format.extra_areas})
    seen = {}
    try:
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            report.rows_seen += 1
            if report.rows_seen > MAX_ROWS:
                report.problems.append(RowProblem(None, f"The file has more than {MAX_ROWS:,} rows."))
                break
            _read_row(line, cells, columns, authorities, seen, report, upload_format)
    except csv.Error as error:
        report.problems.append(RowProblem(None, f"The file stopped being readable as CSV: {error}."))
    if not report.rows_seen and not report.problems:
        report.problems.append(RowProblem(None, "The file has a header row but no data rows."))
    return report


def _file_error(message: str) -> UploadReport:
    return UploadReport(problems=[RowProblem(None, message)])


def _map_columns(header, report, upload_format: UploadFormat) -> dict[str, int]:
    names = [cell.strip().lower().replace(" ", "_") for cell in header]
    columns = {}
    for canonical, aliases in COLUMN_ALIASES.items():
        found = [i for i, name in enumerate(names) if name in aliases]
        if len(found) > 1:
            report.problems.append(RowProblem(None, f"More than one column gives '{canonical}'."))
        elif found:
            columns[canonical] = found[0]
    required = ("la_code", "year", upload_format.count_column)
    missing = [name for name in required if name not in columns]
    if missing:
        report.problems.append(
            RowProblem(
                None,
                "Missing required column(s): "
                + ", ".join(missing)
                + ". The header row must name: "
                + ", ".join(required)
                + ".",
            )
        )
    ignored = [
        header[i] for i, name in enumerate(names) if not any(name in aliases for aliases in COLUMN_ALIASES.values())
    ]
    if ignored:
        report.notices.append("These columns were ignored: " + ", ".join(ignored) + ".")
    return columns


def _authorities_by_code() -> dict[str, LocalAuthority]:
    lookup = {}
    for authority in LocalAuthority.objects.select_related("region"):
        lookup[authority.ons_code.upper()] = authority
        if authority.dfe_number:
            lookup[authority.dfe_number] = authority
    return lookup


def _cell(cells, columns, name) -> str:
    index = columns.get(name)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _read_row(line, cells, columns, authorities, seen, report, upload_format: UploadFormat) -> None:
    problems = []
    code = _cell(cells, columns, "la_code")
    authority = authorities.get(code.upper())
    if not code:
        problems.append("the local authority code is empty")
    elif authority is None:
        problems.append(
            f"'{code[:40]}' is not a known local authority code (use the ONS code, e.g. E06000001, or the DfE number)"
        )
    raw_year = _cell(cells, columns, "year")
    year, year_problem = parse_year(raw_year)
    if year_problem:
        problems.append(year_problem)
    counts = {}
    for name in (upload_format.count_column, *upload_format.optional):
        value, count_problem = parse_count(
            _cell(cells, columns, name), name, required=name == upload_format.count_column
        )
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
        report.problems.append(RowProblem(line, message + "."))
        return
    report.rows.append(
        ParsedRow(
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
