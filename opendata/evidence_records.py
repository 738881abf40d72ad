"""
What open-data records say about an entry's evidence besides its rating: the programme facts of an
intervention, the status of guidance, and (in the API's detail) the rating basis. Read in one query
per kind for a chunk of entries.
"""

from catalogue.models import EntryPage, GuidancePage, InterventionPage, RatingBasis
from catalogue.models.facts import FACT_FIELDS, facts_record

# CSV columns for the facts (the API nests them under "programme_facts").
FACT_COLUMNS = tuple(f"facts_{key}" for key in (*FACT_FIELDS, "settings"))


def programme_facts(ids) -> dict[int, dict]:
    """{entry id: facts} for the interventions among `ids`."""
    rows = InterventionPage.objects.filter(pk__in=ids).values("pk", *FACT_FIELDS.values())
    through = EntryPage.delivery_settings.through
    settings: dict[int, list[str]] = {}
    links = through.objects.filter(entrypage_id__in=ids).order_by("deliverysetting__sort_order")
    for entry_id, slug in links.values_list("entrypage_id", "deliverysetting__slug"):
        settings.setdefault(entry_id, []).append(slug)
    return {row["pk"]: facts_record(row, settings.get(row["pk"], [])) for row in rows}


def guidance_statuses(ids) -> dict[int, str]:
    return dict(GuidancePage.objects.filter(pk__in=ids).values_list("pk", "guidance_status"))


def add_evidence_fields(records: list[dict]) -> None:
    """Put `programme_facts` (interventions, else None) and `guidance_status` (guidance, else None) in each."""
    ids = [record["id"] for record in records]
    facts, statuses = programme_facts(ids), guidance_statuses(ids)
    for record in records:
        record["programme_facts"] = facts.get(record["id"])
        record["guidance_status"] = statuses.get(record["id"]) or None


def fact_cell(record: dict, column: str):
    facts = record.get("programme_facts") or {}
    value = facts.get(column[len("facts_") :], "")
    return "; ".join(value) if isinstance(value, list) else value


def rating_basis(entry_id: int) -> list[dict]:
    rows = RatingBasis.objects.filter(page_id=entry_id).select_related("reference").order_by("sort_order")
    return [
        {
            "reference": row.reference.key or f"reference-{row.reference_id}",
            "title": row.reference.title,
            "design": row.reference.get_design_display(),
            "outcomes": row.outcomes,
            "finding": row.finding,
            "primary": row.primary,
        }
        for row in rows
    ]
