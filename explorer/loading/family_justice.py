"""
Loading fixtures/seed-questions/: DFJ areas and their courts, legal status, residential family centres,
under-18 conceptions. Everything is read and checked first,
then every table is replaced in one transaction: running it again gives the same result, and a missing
or malformed file stops the load with a message naming the file and row, leaving the previous data intact.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from ..models import (
    AuthorityArea,
    DfjArea,
    DfjCourt,
    LegalStatusFigure,
    ResidentialFamilyCentre,
    Under18Conception,
)
from . import reader

SEED_QUESTIONS = Path(settings.BASE_DIR) / "fixtures" / "seed-questions"
STATUSES = {
    "single DFJ area": AuthorityArea.Status.SINGLE,
    "single DFJ area among mapped courts; other courts have no DFJ area in HMCTS list": (
        AuthorityArea.Status.SINGLE_MAPPED
    ),
    "several DFJ areas": AuthorityArea.Status.SEVERAL,
    "via predecessor authority": AuthorityArea.Status.PREDECESSOR,
    "no court with a DFJ area": AuthorityArea.Status.NONE,
}
# Wide-file column stem -> model field, for the legal-status counts.
LEGAL_STATUS_FIELDS = {
    "s20": "section_20",
    "ico": "interim_care_order",
    "fco": "full_care_order",
    "placement_order": "placement_order",
    "placed_with_parents": "placed_with_parents",
    "total": "total",
}


def read_rows(filename: str, required_columns: set[str]):
    return reader.read_rows(SEED_QUESTIONS / filename, required_columns)


def read_areas():
    areas = {}
    for row in read_rows("dfj_areas.csv", {"dfj_area_code", "dfj_area_name", "hmcts_region"}):
        code = row.text("dfj_area_code")
        if code in areas:
            row.fail(f"DFJ area {code} appears twice")
        areas[code] = DfjArea(
            code=code,
            slug=slugify(code.replace("_", "-")),
            name=row.text("dfj_area_name"),
            hmcts_region=row.text("hmcts_region", required=False),
        )
    courts = []
    for row in read_rows("dfj_area_courts.csv", {"dfj_area_code", "court_code", "court_name"}):
        code = row.text("dfj_area_code")
        if code not in areas:
            row.fail(f"unknown DFJ area {code[:60]!r}")
        courts.append((code, DfjCourt(court_code=row.text("court_code"), name=row.text("court_name"))))
    return areas, courts


def read_authority_areas(areas: dict):
    links = []
    columns = {
        "la_code",
        "la_name",
        "country",
        "status",
        "dfj_area_code",
        "candidate_dfj_area_codes",
        "courts",
        "courts_without_dfj_area",
        "successor_note",
        "basis",
    }
    for row in read_rows("la_dfj_area.csv", columns):
        status = STATUSES.get(row.text("status"))
        if status is None:
            row.fail(f"unknown status {row.text('status')[:80]!r}")
        area_code = row.text("dfj_area_code", required=False)
        candidates = [code for code in row.text("candidate_dfj_area_codes", required=False).split(";") if code]
        for code in [area_code, *candidates]:
            if code and code not in areas:
                row.fail(f"unknown DFJ area {code[:60]!r}")
        link = AuthorityArea(
            la_code=row.text("la_code"),
            la_name=row.text("la_name"),
            country=row.text("country"),
            status=status,
            courts=row.text("courts", required=False),
            courts_without_dfj_area=row.text("courts_without_dfj_area", required=False),
            successor_note=row.text("successor_note", required=False),
            basis=row.text("basis"),
        )
        links.append((link, area_code, candidates))
    return links


def read_legal_status(filename: str, measure: str, prefix: str) -> list[LegalStatusFigure]:
    stems = [stem for stem in LEGAL_STATUS_FIELDS if stem != "placed_with_parents" or measure != "starts"]
    columns = {"year", "geographic_level", "la_code_current", "la_name", "source_ids"}
    columns |= {f"{prefix}_{stem}" for stem in stems} | {f"{prefix}_{stem}_flag" for stem in stems}
    figures = []
    for row in read_rows(filename, columns):
        counts = {}
        for stem in stems:
            field = LEGAL_STATUS_FIELDS[stem]
            counts[field] = row.integer(f"{prefix}_{stem}")
            counts[f"{field}_flag"] = row.flag(f"{prefix}_{stem}_flag")
        figures.append(
            LegalStatusFigure(
                measure=measure,
                year=row.year(),
                la_code=row.text("la_code_current"),
                la_name=row.text("la_name"),
                geographic_level=row.text("geographic_level"),
                source_ids=row.text("source_ids"),
                **counts,
            )
        )
    return figures


def read_centres() -> list[ResidentialFamilyCentre]:
    columns = {
        "year",
        "urn",
        "name",
        "sector",
        "places",
        "organisation",
        "la_code",
        "la_name",
        "government_office_region",
        "latest_full_inspection_overall",
        "latest_full_inspection_date",
        "details_redacted_by_ofsted",
    }
    return [
        ResidentialFamilyCentre(
            year=row.year(),
            urn=row.text("urn"),
            name=row.text("name", required=False),
            sector=row.text("sector"),
            places=row.integer("places"),
            organisation=row.text("organisation", required=False),
            la_code=row.text("la_code"),
            la_name=row.text("la_name"),
            region_name=row.text("government_office_region", required=False),
            latest_judgement=row.text("latest_full_inspection_overall", required=False),
            latest_inspection_date=row.text("latest_full_inspection_date", required=False),
            redacted=row.text("details_redacted_by_ofsted", required=False) == "True",
        )
        for row in read_rows("ofsted_residential_family_centres.csv", columns)
    ]


def read_conceptions() -> list[Under18Conception]:
    columns = {
        "year",
        "geographic_level",
        "la_code_current",
        "la_name",
        "under18_conceptions_per_1000_girls_15_17",
        "flag",
    }
    figures = []
    for row in read_rows("under18_conception_rate_la.csv", columns):
        flag = row.text("flag", required=False)
        if flag not in ("", "-"):
            row.fail(f"'flag' has an unknown value {flag[:10]!r}")
        figures.append(
            Under18Conception(
                year=row.year(),
                geographic_level=row.text("geographic_level"),
                la_code=row.text("la_code_current"),
                la_name=row.text("la_name"),
                rate_per_1000=row.decimal("under18_conceptions_per_1000_girls_15_17"),
                flag=flag,
            )
        )
    return figures


def load_family_justice() -> dict[str, int]:
    """Read and check every file, then replace every table in one transaction. Returns rows per table."""
    areas, courts = read_areas()
    links = read_authority_areas(areas)
    starts = read_legal_status("england_cla_starts_legal_status_wide.csv", "starts", "starts")
    at_31_march = read_legal_status("england_cla_at31march_legal_status_wide.csv", "at31march", "cla_at31march")
    centres = read_centres()
    conceptions = read_conceptions()
    with transaction.atomic():
        for model in (AuthorityArea, DfjCourt, DfjArea, LegalStatusFigure, ResidentialFamilyCentre, Under18Conception):
            reader.delete_all(model)
        DfjArea.objects.bulk_create(areas.values())
        saved = {area.code: area for area in DfjArea.objects.all()}
        for code, court in courts:
            court.area = saved[code]
        DfjCourt.objects.bulk_create(court for _, court in courts)
        for link, area_code, _ in links:
            link.area = saved.get(area_code)
        AuthorityArea.objects.bulk_create(link for link, _, _ in links)
        ids = dict(AuthorityArea.objects.values_list("la_code", "pk"))
        through = AuthorityArea.candidates.through
        through.objects.bulk_create(
            through(authorityarea_id=ids[link.la_code], dfjarea_id=saved[code].pk)
            for link, _, candidates in links
            for code in candidates
        )
        LegalStatusFigure.objects.bulk_create(starts + at_31_march, batch_size=500)
        ResidentialFamilyCentre.objects.bulk_create(centres, batch_size=500)
        Under18Conception.objects.bulk_create(conceptions, batch_size=500)
    return {
        "DFJ areas": len(areas),
        "courts": len(courts),
        "LA-to-area links": len(links),
        "legal-status rows": len(starts) + len(at_31_march),
        "residential family centres": len(centres),
        "under-18 conception rates": len(conceptions),
    }


LOADERS = {"family justice data": load_family_justice}
