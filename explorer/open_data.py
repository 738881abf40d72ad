"""
Loading the open data in fixtures/open-data/ (and, through infant_care.py, fixtures/infant-care/)
into the explorer's tables. Every loader replaces its table's contents and all of them run in one
transaction, so running it again gives the same result (idempotent), and a missing or malformed
file stops the load with a `FixtureError` naming the file and line, leaving the previous data intact.
"""

import csv
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction

from catalogue.io.numbers import parse_int
from catalogue.models import LocalAuthority

from .models import (
    ChildrenLookedAfter,
    ChildrensServicesSpend,
    Deprivation,
    HeadlineFigure,
    LiveBirths,
    OfstedJudgement,
    StatisticalNeighbour,
)

OPEN_DATA = Path(settings.BASE_DIR) / "fixtures" / "open-data"
CLA_MEASURES = {label: value for value, label in ChildrenLookedAfter.Measure.choices}
SPEND_COLUMNS = (
    "sure_start_children_centres_early_years",
    "children_looked_after",
    "other_children_families_services",
    "family_support_services",
    "safeguarding_children_young_people",
    "total_childrens_social_care",
)


class FixtureError(Exception):
    """A fixture file is missing or one of its rows cannot be read: the message names both."""


class _Position:
    """The file and line being read, so an error raised while converting a row can name them."""

    filename = ""
    line = 0


POSITION = _Position()


def read_rows(filename: str, folder: Path = OPEN_DATA):
    path = folder / filename
    if not path.is_file():
        raise FixtureError(f"{path}: the file is missing.")
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            POSITION.filename, POSITION.line = str(path), reader.line_num
            if None in row or None in row.values():
                raise FixtureError(f"{path}, line {reader.line_num}: the row does not have one value per column.")
            yield row


def _int_or_none(raw: str):
    return parse_int(raw)


def whole_number(raw: str) -> int:
    """A required count or year from a fixture: ASCII digits only (`int()` would accept '²')."""
    value = parse_int(raw, minimum=0)
    if value is None:
        raise ValueError(f"'{raw[:30]}' is not a whole number")
    return value


def _decimal_or_none(raw: str):
    try:
        return Decimal(raw) if raw.strip() else None
    except ArithmeticError:
        return None


def _authorities() -> dict[str, LocalAuthority]:
    return {authority.ons_code: authority for authority in LocalAuthority.objects.all()}


def load_live_births() -> int:
    LiveBirths.objects.all().delete()
    return len(
        LiveBirths.objects.bulk_create(
            LiveBirths(
                area_code=row["area_code"],
                area_name=row["area_name"],
                year=whole_number(row["year"]),
                live_births=whole_number(row["live_births"]),
            )
            for row in read_rows("live_births_by_la.csv")
        )
    )


def load_children_looked_after() -> int:
    ChildrenLookedAfter.objects.all().delete()
    records = []
    for row in read_rows("children_looked_after_rates.csv"):
        level = row["geographic_level"]
        if level == "National":
            code, name = row["country_code"], row["country_name"]
        elif level == "Regional":
            code, name = row["region_code"], row["region_name"]
        else:
            code, name = row["new_la_code"], row["la_name"]
        symbol = next(
            (row[column] for column in ("children_count", "rate_per_10000") if row[column] in ("x", "z", "c")), ""
        )
        records.append(
            ChildrenLookedAfter(
                area_code=code,
                area_name=name,
                geographic_level=level,
                year=whole_number(row["time_period"]),
                measure=CLA_MEASURES[row["population_type"]],
                population_estimate=_int_or_none(row["population_estimate"]),
                children_count=_int_or_none(row["children_count"]),
                rate_per_10000=_decimal_or_none(row["rate_per_10000"]),
                symbol=symbol,
            )
        )
    # Placeholder rows for LAs that no longer (or did not yet) exist repeat a code within a year.
    unique = {(record.area_code, record.year, record.measure): record for record in records if record.area_code}
    return len(ChildrenLookedAfter.objects.bulk_create(unique.values()))


def load_ofsted() -> int:
    authorities = _authorities()
    OfstedJudgement.objects.all().delete()
    return len(
        OfstedJudgement.objects.bulk_create(
            OfstedJudgement(
                local_authority=authorities[row["la_code"]],
                inspection_date=row["inspection_date"],
                publication_date=row["publication_date"] or None,
                inspection_type=row["inspection_type"],
                overall_effectiveness=row["overall_effectiveness"],
                overall_effectiveness_grade=whole_number(row["overall_effectiveness_grade"]),
                impact_of_leaders=row["impact_of_leaders"],
                help_and_protection=row["help_and_protection"],
                children_in_care=row["children_in_care"],
                care_leavers=row["care_leavers"],
                report_url=row["ofsted_report_url"],
            )
            for row in read_rows("ofsted_ilacs_judgements_2025.csv")
            if row["la_code"] in authorities
        )
    )


def load_deprivation() -> int:
    """Only areas whose 2019 boundaries match a current LA; split counties get no value."""
    authorities = _authorities()
    Deprivation.objects.all().delete()
    return len(
        Deprivation.objects.bulk_create(
            Deprivation(
                local_authority=authorities[row["la_code_current"]],
                la_code_2019=row["la_code_2019"],
                imd_average_score=Decimal(row["imd_average_score"]),
                imd_rank_of_average_score=whole_number(row["imd_rank_of_average_score"]),
                idaci_average_score=Decimal(row["idaci_average_score"]),
                code_change_note=row["code_change_note"],
            )
            for row in read_rows("imd2019_upper_tier.csv")
            if row["la_code_current"] in authorities
        )
    )


def load_spend() -> int:
    authorities = _authorities()
    ChildrensServicesSpend.objects.all().delete()
    return len(
        ChildrensServicesSpend.objects.bulk_create(
            ChildrensServicesSpend(
                local_authority=authorities[row["ons_code"]],
                financial_year="2024-25",
                return_status=row["return_status"],
                note=row["ro3_note"],
                **{column: _decimal_or_none(row[column]) for column in SPEND_COLUMNS},
            )
            for row in read_rows("childrens_services_spend_2024_25.csv")
            if row["ons_code"] in authorities
        )
    )


def load_statistical_neighbours() -> int:
    """Rows naming Cumbria (abolished 2023) are left out: it is no longer an LA."""
    authorities = _authorities()
    StatisticalNeighbour.objects.all().delete()
    return len(
        StatisticalNeighbour.objects.bulk_create(
            StatisticalNeighbour(
                local_authority=authorities[row["ons_code"]],
                neighbour=authorities[row["neighbour_ons_code"]],
                rank=whole_number(row["neighbour_rank"]),
                closeness=row["closeness"],
            )
            for row in read_rows("statistical_neighbours_2021.csv")
            if row["ons_code"] in authorities and row["neighbour_ons_code"] in authorities
        )
    )


def load_headline_figures() -> int:
    """Kept verbatim: the value is stored as the text in the file, never re-computed or rounded."""
    HeadlineFigure.objects.all().delete()
    return len(
        HeadlineFigure.objects.bulk_create(
            HeadlineFigure(
                position=position,
                **{
                    key: row[key]
                    for key in (
                        "figure",
                        "geography",
                        "period",
                        "value",
                        "unit",
                        "definition",
                        "source_title",
                        "source_url",
                        "note",
                    )
                },
            )
            for position, row in enumerate(read_rows("born_into_care_headlines.csv"), start=1)
        )
    )


LOADERS = {
    "live births": load_live_births,
    "children looked after": load_children_looked_after,
    "Ofsted judgements": load_ofsted,
    "IMD 2019": load_deprivation,
    "children's services spend": load_spend,
    "statistical neighbours": load_statistical_neighbours,
    "headline figures": load_headline_figures,
}


def load_all() -> dict[str, int]:
    """Every loader in one transaction: any error rolls back to the data as it was before."""
    from .infant_care import LOADERS as INFANT_LOADERS  # deferred: infant_care imports this module's reader

    POSITION.filename, POSITION.line = "", 0
    try:
        with transaction.atomic():
            return {name: loader() for name, loader in {**LOADERS, **INFANT_LOADERS}.items()}
    except FixtureError:
        raise
    except (ValueError, KeyError, TypeError, ArithmeticError, LookupError, DatabaseError) as error:
        # A database error (e.g. a value too long for its column) is reported from the last row read.
        where = f"{POSITION.filename}, line {POSITION.line}" if POSITION.filename else "a fixture file"
        raise FixtureError(f"{where}: {error.__class__.__name__}: {error}") from error
