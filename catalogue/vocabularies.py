"""Seeding the controlled vocabularies from fixtures/ (used by a data migration; idempotent)."""

import csv
import json
from pathlib import Path

from django.conf import settings

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def seed_vocabularies(get_model) -> None:
    """Create or update every vocabulary; `get_model(name)` returns the (historical) model."""
    data = json.loads((FIXTURES / "vocabularies.json").read_text(encoding="utf-8"))
    for key, model_name in (
        ("areas", "AreaOfPractice"),
        ("stages", "Stage"),
        ("topics", "Topic"),
        ("outcomes", "Outcome"),
    ):
        model = get_model(model_name)
        for order, (name, slug, *rest) in enumerate(data[key]):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "sort_order": order, "description": rest[0] if rest else ""}
            )
    Region = get_model("Region")
    for order, (name, slug, code, kind) in enumerate(data["regions"]):
        Region.objects.update_or_create(
            slug=slug, defaults={"name": name, "code": code, "kind": kind, "sort_order": order}
        )
    EvidenceLevel = get_model("EvidenceLevel")
    for rank, name, slug, kind, description, crosswalk in data["evidence_levels"]:
        EvidenceLevel.objects.update_or_create(
            slug=slug,
            defaults={"rank": rank, "name": name, "kind": kind, "description": description, "crosswalk": crosswalk},
        )
    seed_local_authorities(get_model("LocalAuthority"), Region)


def seed_local_authorities(LocalAuthority, Region) -> None:
    """The 153 English children's-services authorities and 22 Welsh LAs (OGL v3.0; see fixtures)."""
    regions = {region.code: region for region in Region.objects.filter(kind="region")}
    with open(FIXTURES / "open-data" / "la_lookup.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            LocalAuthority.objects.update_or_create(
                ons_code=row["ons_code"],
                defaults={
                    "dfe_number": row["la_code_dfe"],
                    "name": row["la_name"],
                    "name_welsh": row["la_name_welsh"],
                    "country": row["country"],
                    "region": regions[row["region_code"]],
                    "la_type": row["la_type"],
                },
            )
