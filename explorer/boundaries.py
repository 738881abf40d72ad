"""
Boundary and code changes that affect joining the open data, as recorded in
fixtures/open-data/README.md, shown on the profiles of the local authorities concerned.
"""

import csv
from functools import lru_cache

from .open_data import OPEN_DATA

BOUNDARY_CHANGES = {
    "E06000060": "Became a unitary authority on 1 April 2020 (formerly county E10000002), on the same boundaries.",
    "E06000061": "Created on 1 April 2021 when Northamptonshire (E10000021) was split in two.",
    "E06000062": "Created on 1 April 2021 when Northamptonshire (E10000021) was split in two.",
    "E06000063": "Created on 1 April 2023 when Cumbria (E10000006) was split; live births exist only from 2022.",
    "E06000064": "Created on 1 April 2023 when Cumbria (E10000006) was split; live births exist only from 2022.",
    "E06000065": "Became a unitary authority on 1 April 2023 (formerly county E10000023), on the same boundaries.",
    "E06000066": "Became a unitary authority on 1 April 2023 (formerly county E10000027), on the same boundaries.",
}


@lru_cache(maxsize=1)
def _imd_matches() -> dict[str, str]:
    with open(OPEN_DATA / "la_lookup.csv", encoding="utf-8", newline="") as handle:
        return {row["ons_code"]: row["imd2019_match"] for row in csv.DictReader(handle)}


def boundary_notes(authority) -> list[str]:
    notes = []
    if authority.ons_code in BOUNDARY_CHANGES:
        notes.append(BOUNDARY_CHANGES[authority.ons_code])
    match = _imd_matches().get(authority.ons_code, "")
    if match.startswith("none"):
        notes.append("There is no IMD 2019 summary for this area: it was " + match.removeprefix("none (").rstrip(")")
                     + ". The explorer shows no deprivation figure rather than the parent county's.")
    return notes
