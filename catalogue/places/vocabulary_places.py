"""
The places the catalogue's own vocabularies know: its regions (each leading to the entries that
apply there) and its local authorities (leading to whatever page an app has for them).
"""

from urllib.parse import urlencode

from ..models import LocalAuthority, Region
from .index import Place, local_authority_key
from .where import REGION_PARAM


def region_places() -> list[Place]:
    """Every region, and the wider scopes read as a place ("England" for England-wide); two queries."""
    authorities: dict[int, list[str]] = {}
    for code, region_id in LocalAuthority.objects.values_list("ons_code", "region_id"):
        authorities.setdefault(region_id, []).append(local_authority_key(code))
    regions = list(Region.objects.all())
    region_names = {region.name.casefold() for region in regions if region.kind == Region.Kind.REGION}
    places = []
    for region in regions:
        names = ()
        if region.kind == Region.Kind.SCOPE:
            stem = region.name.removesuffix("-wide")
            if stem == region.name or stem.casefold() in region_names:
                continue  # "England and Wales", "International", "Wales-wide" (Wales is a region) are no place to go
            names = (stem,)
        places.append(
            Place(
                key=f"region:{region.slug}",
                kind="region",
                kind_label="Region: entries that apply there",
                name=region.name,
                url="?" + urlencode({REGION_PARAM: region.slug}),
                names=names,
                regions=(region.slug,),
                contains=tuple(authorities.get(region.pk, ())),
            )
        )
    return places


def authority_names(name: str, welsh: str) -> tuple[str, ...]:
    """Other names of an authority: its Welsh name, and "Bristol" / "City of Bristol" for "Bristol, City of"."""
    names = [welsh] if welsh and welsh != name else []
    if ", " in name:
        place, title = name.split(", ", 1)
        names += [place, f"{title} {place}"]
    return tuple(names)


def local_authority_places(url_for) -> list[Place]:
    """Every local authority (Welsh names as ONS publishes them, fixtures/open-data), leading to `url_for(code)`."""
    rows = LocalAuthority.objects.values_list("ons_code", "name", "name_welsh", "region__slug")
    return [
        Place(
            key=local_authority_key(code),
            kind="local-authority",
            kind_label="Local authority profile",
            name=name,
            url=url_for(code),
            names=authority_names(name, welsh),
            regions=(region,),
        )
        for code, name, welsh, region in rows
    ]
