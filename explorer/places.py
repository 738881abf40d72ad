"""Family justice areas as places a catalogue search can name (through `register_place_index`)."""

import re

from catalogue.models import LocalAuthority
from catalogue.places.index import Place, local_authority_key

from .links import data_url
from .models import AuthorityArea, DfjArea, DfjCourt

NOT_PLACES = {"HIGH_COURT"}  # the High Court's Family Division covers no area
NOT_A_TOWN = re.compile(r"court|family|division|&", re.IGNORECASE)  # "Central Family Court", "Bournemouth & Dorset"


def court_towns() -> dict[int, list[str]]:
    """{area id: the towns its care courts are named after} ("Preston", "Fleetwood"; "Teesside (Middlesborough)"
    gives "Teesside"), so a board member finds the area by the town of their court as well."""
    towns: dict[int, list[str]] = {}
    for area_id, name in DfjCourt.objects.values_list("area_id", "name"):
        town = re.sub(r"\(.*?\)", "", name).strip()
        if town and not NOT_A_TOWN.search(town):
            towns.setdefault(area_id, []).append(town)
    return towns


def area_places() -> list[Place]:
    """Each area, also under the towns in its name ("Blackburn/Lancaster", "Essex & Suffolk") and its courts'
    towns; four queries."""
    region_of = dict(LocalAuthority.objects.values_list("ons_code", "region__slug"))
    members: dict[int, list[str]] = {}
    for code, area_id in AuthorityArea.candidates.through.objects.values_list("authorityarea__la_code", "dfjarea_id"):
        members.setdefault(area_id, []).append(code)
    places, towns = [], court_towns()
    for area in DfjArea.objects.exclude(code__in=NOT_PLACES):
        codes = members.get(area.pk, [])
        parts = [part.strip() for part in re.split(r"/|&| and ", area.name) if part.strip()]
        parts = list(dict.fromkeys(parts + [town for town in towns.get(area.pk, []) if town != area.name]))
        places.append(
            Place(
                key=f"family-justice-area:{area.slug}",
                kind="family-justice-area",
                kind_label="Family justice area",
                name=area.name,
                url=data_url("area_detail", area.slug),
                names=tuple(parts) if len(parts) > 1 else (),
                regions=tuple(dict.fromkeys(region_of[code] for code in codes if code in region_of)),
                contains=tuple(local_authority_key(code) for code in codes),
            )
        )
    return places
