"""Loading the demonstration catalogue from fixtures/demo_catalogue.json (idempotent)."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ..models import (AreaOfPractice, CaseStudyPage, CatalogueIndexPage, EntryPage, EvidenceLevel, GuidancePage,
                      InterventionPage, LocalAuthority, Outcome, Reference, ReferenceOutcome, Region, RelatedEntry,
                      Stage, Topic)

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo_catalogue.json"
PAGE_CLASSES = {"intervention": InterventionPage, "guidance": GuidancePage, "case-study": CaseStudyPage}
TYPE_FIELDS = {
    "intervention": ("provider", "target_population", "delivery", "cost", "website", "contact"),
    "guidance": ("issuing_body", "jurisdiction", "status", "publication_date", "version", "source_url"),
    "case-study": ("area_name", "is_fictional", "period", "what_changed", "contact"),
}
DATE_FIELDS = {"publication_date", "evidence_rated_on", "last_reviewed"}


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def load_references(specs) -> dict[str, Reference]:
    outcomes = {outcome.slug: outcome for outcome in Outcome.objects.all()}
    references = {}
    for spec in specs:
        reference, _ = Reference.objects.update_or_create(
            title=spec["title"], year=spec.get("year"),
            defaults={"authors": spec["authors"], "publisher": spec.get("publisher", ""),
                      "url": spec.get("url", ""), "doi": spec.get("doi", ""), "design": spec.get("design", "other"),
                      "country": spec.get("country", ""), "sample_size": spec.get("sample_size")},
        )
        # The demo file lists outcomes measured without a direction of effect: record none rather than invent one.
        reference.outcomes.set([outcomes[slug] for slug in spec.get("outcomes", [])],
                               through_defaults={"direction": ReferenceOutcome.Direction.NOT_RECORDED})
        references[spec["key"]] = reference
    return references


class Vocabulary:
    """Slug (or ONS code) look-ups for every taxonomy, loaded once."""

    def __init__(self):
        self.areas = {t.slug: t for t in AreaOfPractice.objects.all()}
        self.stages = {t.slug: t for t in Stage.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self.regions = {t.slug: t for t in Region.objects.all()}
        self.local_authorities = {t.ons_code: t for t in LocalAuthority.objects.all()}
        self.evidence = {t.slug: t for t in EvidenceLevel.objects.all()}


def build_entry(spec, vocabulary: Vocabulary, references) -> EntryPage:
    kind = spec["type"]
    fields = {name: spec.get(name) for name in TYPE_FIELDS[kind] if name in spec}
    for name in DATE_FIELDS & fields.keys():
        fields[name] = _date(fields[name])
    for name, value in list(fields.items()):
        if value is None and name not in DATE_FIELDS:
            fields[name] = ""
    if kind == "intervention" and spec.get("source_url") and not fields.get("website"):
        fields["website"] = spec["source_url"]
    page = PAGE_CLASSES[kind](
        title=spec["title"], slug=spec["slug"], summary=spec["summary"],
        body=[(block_type, value) for block_type, value in spec.get("body", [])],
        evidence_level=vocabulary.evidence[spec.get("evidence_level") or "not-yet-rated"],
        evidence_rationale=spec.get("evidence_rationale") or "",
        evidence_rated_on=_date(spec.get("evidence_rated_on")),
        last_reviewed=_date(spec.get("last_reviewed")),
        **fields,
    )
    page.areas = [vocabulary.areas[s] for s in spec.get("areas", [])]
    page.stages = [vocabulary.stages[s] for s in spec.get("stages", [])]
    page.topics = [vocabulary.topics[s] for s in spec.get("topics", [])]
    page.regions = [vocabulary.regions[s] for s in spec.get("regions", [])]
    page.local_authorities = [vocabulary.local_authorities[c] for c in spec.get("local_authorities", [])]
    page.references = [references[key] for key in spec.get("references", [])]
    return page


@transaction.atomic
def load_demo_catalogue(catalogue: CatalogueIndexPage, path: Path = DEMO_FILE) -> int:
    """Create every demo entry that does not exist yet (keyed on slug); returns how many were created."""
    data = json.loads(path.read_text(encoding="utf-8"))
    existing = set(EntryPage.objects.child_of(catalogue).values_list("slug", flat=True))
    missing = [spec for spec in data["entries"] if spec["slug"] not in existing]
    if not missing:
        return 0
    references = load_references(data["references"])
    vocabulary = Vocabulary()
    created = {}
    for spec in missing:
        page = build_entry(spec, vocabulary, references)
        page.live = False  # published below, once related entries can point at it
        created[spec["slug"]] = catalogue.add_child(instance=page)
    by_slug = {page.slug: page for page in EntryPage.objects.child_of(catalogue)}
    for spec in missing:
        page = created[spec["slug"]]
        page.related_entries = [RelatedEntry(related=by_slug[slug], sort_order=order)
                                for order, slug in enumerate(spec.get("related", [])) if slug in by_slug]
        page.save_revision(log_action=True).publish()
    return len(created)
