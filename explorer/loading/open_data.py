"""
Loading the open data in fixtures/open-data/ (births, children looked after, Ofsted, deprivation, spend,
statistical neighbours, headline figures). Every loader replaces its table's contents; `loading.load_all`
runs them all in one transaction.
"""

from decimal import Decimal
from pathlib import Path

from django.conf import settings

from catalogue.io.numbers import parse_int
from catalogue.models import LocalAuthority

from ..models import (
    ChildrenLookedAfter,
    ChildrensServicesSpend,
    Deprivation,
    HeadlineFigure,
    LiveBirths,
    OfstedJudgement,
    StatisticalNeighbour,
)
from . import reader
from .reader import delete_all, replace_rows, replace_verbatim

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


def read_rows(filename: str, folder: Path = OPEN_DATA):
    return reader.read_rows(folder / filename)


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
    rows = (
        LiveBirths(
            area_code=row["area_code"],
            area_name=row["area_name"],
            year=whole_number(row["year"]),
            live_births=whole_number(row["live_births"]),
        )
        for row in read_rows("live_births_by_la.csv")
    )
    return replace_rows(LiveBirths, rows)


def load_children_looked_after() -> int:
    delete_all(ChildrenLookedAfter)
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
    rows = (
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
    return replace_rows(OfstedJudgement, rows)


def load_deprivation() -> int:
    """Only areas whose 2019 boundaries match a current LA; split counties get no value."""
    authorities = _authorities()
    rows = (
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
    return replace_rows(Deprivation, rows)


def load_spend() -> int:
    authorities = _authorities()
    rows = (
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
    return replace_rows(ChildrensServicesSpend, rows)


def load_statistical_neighbours() -> int:
    """Rows naming Cumbria (abolished 2023) are left out: it is no longer an LA."""
    authorities = _authorities()
    rows = (
        StatisticalNeighbour(
            local_authority=authorities[row["ons_code"]],
            neighbour=authorities[row["neighbour_ons_code"]],
            rank=whole_number(row["neighbour_rank"]),
            closeness=row["closeness"],
        )
        for row in read_rows("statistical_neighbours_2021.csv")
        if row["ons_code"] in authorities and row["neighbour_ons_code"] in authorities
    )
    return replace_rows(StatisticalNeighbour, rows)


def load_headline_figures() -> int:
    """Kept verbatim: the value is stored as the text in the file, never re-computed or rounded."""
    columns = ("figure", "geography", "period", "value", "unit", "definition", "source_title", "source_url", "note")
    return replace_verbatim(HeadlineFigure, read_rows("born_into_care_headlines.csv"), columns)


LOADERS = {
    "live births": load_live_births,
    "children looked after": load_children_looked_after,
    "Ofsted judgements": load_ofsted,
    "IMD 2019": load_deprivation,
    "children's services spend": load_spend,
    "statistical neighbours": load_statistical_neighbours,
    "headline figures": load_headline_figures,
}
