"""
Boundary and code changes that affect joining the open data, as recorded in
fixtures/open-data/README.md, shown on the profiles of the local authorities concerned.
"""

import csv
from functools import lru_cache

from ..loading.open_data import OPEN_DATA

BOUNDARY_CHANGES = {
    "E06000060": "Became a unitary authority on 1 April 2020 (formerly county E10000002), on the same boundaries.",
    "E06000061": "Created on 1 April 2021 when Northamptonshire (E10000021) was split in two.",
    "E06000062": "Created on 1 April 2021 when Northamptonshire (E10000021) was split in two.",
    "E06000063": "Created on 1 April 2023 when Cumbria (E10000006) was split; live births exist only from 2022.",
    "E06000064": "Created on 1 April 2023 when Cumbria (E10000006) was split; live births exist only from 2022.",
    "E06000065": "Became a unitary authority on 1 April 2023 (formerly county E10000023), on the same boundaries.",
    "E06000066": "Became a unitary authority on 1 April 2023 (formerly county E10000027), on the same boundaries.",
}


# Boundary changes: the old authorities' figures are shown beside the new one's as separate lines (a series
# break), never joined into it, because they cover a different area. Pure re-codes (Gateshead, Northumberland,
# Buckinghamshire, North Yorkshire, Somerset) are joined into one series by the data itself (la_code_current).
PREDECESSORS = {
    "E06000058": (("E06000028", "Bournemouth"), ("E06000029", "Poole")),
    "E06000059": (("E10000009", "Dorset County Council"),),
    "E06000061": (("E10000021", "Northamptonshire"),),
    "E06000062": (("E10000021", "Northamptonshire"),),
    "E06000063": (("E10000006", "Cumbria"),),
    "E06000064": (("E10000006", "Cumbria"),),
}
BREAK_NOTES = {
    "E06000058": "Bournemouth, Christchurch and Poole was created on 1 April 2019 from Bournemouth, Poole and "
    "Christchurch (part of Dorset County Council): its figures start in 2019 to 2020. Bournemouth's "
    "and Poole's figures before then are shown as separate lines, not joined, because they cover a "
    "smaller area.",
    "E06000059": "Dorset Council was created on 1 April 2019; Dorset County Council's figures before then are shown "
    "as a separate line, not joined, because the county also covered Christchurch.",
    "E06000061": "North Northamptonshire was created on 1 April 2021; Northamptonshire's figures before then cover "
    "both North and West Northamptonshire and are shown as a separate line.",
    "E06000062": "West Northamptonshire was created on 1 April 2021; Northamptonshire's figures before then cover "
    "both North and West Northamptonshire and are shown as a separate line.",
    "E06000063": "Cumberland was created on 1 April 2023; Cumbria's figures before then cover both Cumberland and "
    "Westmorland and Furness and are shown as a separate line. No 2022 to 2023 figure was found.",
    "E06000064": "Westmorland and Furness was created on 1 April 2023; Cumbria's figures before then cover both "
    "Cumberland and Westmorland and Furness and are shown as a separate line. No 2022 to 2023 figure "
    "was found.",
}
RECODE_NOTES = {
    "E08000037": "Gateshead's code changed from E08000020 in 2013 with no change of area: one continuous series.",
    "E06000057": "Northumberland's code changed from E06000048 with no change of area: one continuous series.",
}


def former_authority_names() -> dict[str, str]:
    """{old code: name saying it is a former authority}, so 'Dorset' (county, to 2019) is not mistaken for today's."""
    return {code: f"{name} (former authority)" for pairs in PREDECESSORS.values() for code, name in pairs}


def predecessors(code: str) -> tuple[tuple[str, str], ...]:
    return PREDECESSORS.get(code, ())


@lru_cache(maxsize=1)
def _imd_matches() -> dict[str, str]:
    with open(OPEN_DATA / "la_lookup.csv", encoding="utf-8", newline="") as handle:
        return {row["ons_code"]: row["imd2019_match"] for row in csv.DictReader(handle)}


def boundary_notes(authority) -> list[str]:
    notes = []
    for table in (BOUNDARY_CHANGES, BREAK_NOTES, RECODE_NOTES):
        if authority.ons_code in table:
            notes.append(table[authority.ons_code])
    match = _imd_matches().get(authority.ons_code, "")
    if match.startswith("none"):
        notes.append(
            "There is no IMD 2019 summary for this area: it was "
            + match.removeprefix("none (").rstrip(")")
            + ". The explorer shows no deprivation figure rather than the parent county's."
        )
    return notes
