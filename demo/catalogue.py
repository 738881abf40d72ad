"""
Loading the demonstration catalogue from fixtures/demo_catalogue.json (idempotent).

The file keeps each entry as first published ("entries") and, separately, the corrections made
since ("revisions", in order, each with the change summary shown in the entry's public version
history). A fresh load publishes the first version and then each correction as its own revision, so
the history says what changed and why; a later load publishes only corrections not yet applied.
Entries withdrawn from the demo ("withdrawn", in the main file or a part) are not created and get no
further corrections; where an older load created them, they are unpublished with a last revision saying why.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from catalogue.indexing import index_once_at_the_end
from catalogue.models import (
    AreaOfPractice,
    CaseStudyPage,
    CatalogueIndexPage,
    EntryPage,
    EvidenceLevel,
    GuidancePage,
    InterventionPage,
    JudgmentPage,
    LegislationPage,
    LocalAuthority,
    Outcome,
    PracticeToolPage,
    Reference,
    ReferenceOutcome,
    Region,
    RelatedEntry,
    Stage,
    Topic,
)
from catalogue.models.cited import cite

from .catalogue_extras import apply_extras, merge_references, save_reference

DEMO_FILE = Path(settings.BASE_DIR) / "fixtures" / "demo_catalogue.json"
# Further parts of the catalogue (one file per collection, same keys as DEMO_FILE), read in name order
# after it, so that a new collection of entries is a new file rather than an edit of a shared one.
PARTS_DIR = Path(settings.BASE_DIR) / "fixtures" / "catalogue"
PART_KEYS = ("references", "entries", "revisions", "withdrawn")
PAGE_CLASSES = {"intervention": InterventionPage, "guidance": GuidancePage, "case-study": CaseStudyPage}
PAGE_CLASSES |= {"legislation": LegislationPage, "judgment": JudgmentPage, "practice-tool": PracticeToolPage}
TYPE_FIELDS = {
    "intervention": ("provider", "target_population", "delivery", "cost", "website", "contact"),
    "guidance": ("issuing_body", "jurisdiction", "status", "publication_date", "version", "source_url"),
    "case-study": ("area_name", "is_fictional", "period", "what_changed", "contact"),
    "legislation": ("act", "section", "power", "who_can_use", "duration", "jurisdiction", "legislation_url"),
    "judgment": ("court", "neutral_citation", "decided_on", "judge", "principle", "practice_at_birth", "judgment_url"),
    "practice-tool": ("purpose", "users", "publisher", "author", "published", "free_to_use", "tool_url"),
}
COMMON_FIELDS = ("title", "summary", "evidence_rationale", "evidence_rated_on", "last_reviewed")
DATE_FIELDS = {"publication_date", "evidence_rated_on", "last_reviewed", "decided_on"}
TAXONOMIES = ("areas", "stages", "topics", "regions", "local_authorities")
FIRST_VERSION_SUMMARY = "First published in the demonstration catalogue."


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def read_demo(path: Path = DEMO_FILE, parts_dir: Path | None = PARTS_DIR) -> dict:
    """The catalogue file and its parts as one document (each key's lists concatenated in file order)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for part in sorted(parts_dir.glob("*.json")) if parts_dir and parts_dir.is_dir() else ():
        for key, items in json.loads(part.read_text(encoding="utf-8")).items():
            if key not in PART_KEYS:
                raise ValueError(f"{part.name}: unknown key {key!r} (expected one of {', '.join(PART_KEYS)})")
            data.setdefault(key, []).extend(items)
    data["references"] = merge_references(data.get("references", []))
    return data


def withdrawn_slugs(data: dict) -> set[str]:
    return {item["slug"] for item in data.get("withdrawn", [])}


def current_specs(data: dict) -> list[dict]:
    """Each live entry as it reads after every correction: what `load_demo` publishes (withdrawn ones left out)."""
    specs = {spec["slug"]: dict(spec) for spec in data["entries"]}
    for revision in data.get("revisions", []):
        specs[revision["slug"]].update(revision["changes"])
    withdrawn = withdrawn_slugs(data)
    return [spec for slug, spec in specs.items() if slug not in withdrawn]


def load_references(specs) -> dict[str, Reference]:
    outcomes = {outcome.slug: outcome for outcome in Outcome.objects.all()}
    references = {}
    for spec in specs:
        reference = save_reference(
            spec,
            {
                "authors": spec["authors"],
                "publisher": spec.get("publisher", ""),
                "url": spec.get("url", ""),
                "doi": spec.get("doi", ""),
                "design": spec.get("design", "other"),
                "country": spec.get("country", ""),
                "sample_size": spec.get("sample_size"),
            },
        )
        # The demo file lists outcomes measured without a direction of effect: record none rather than invent one.
        reference.outcomes.set(
            [outcomes[slug] for slug in spec.get("outcomes", [])],
            through_defaults={"direction": ReferenceOutcome.Direction.NOT_RECORDED},
        )
        references[spec["key"]] = reference
    return references


class Vocabulary:
    """Slug (or ONS code) look-ups for every taxonomy and the demo's references, loaded once."""

    def __init__(self, references):
        self.areas = {t.slug: t for t in AreaOfPractice.objects.all()}
        self.stages = {t.slug: t for t in Stage.objects.all()}
        self.topics = {t.slug: t for t in Topic.objects.all()}
        self.regions = {t.slug: t for t in Region.objects.all()}
        self.local_authorities = {t.ons_code: t for t in LocalAuthority.objects.all()}
        self.evidence = {t.slug: t for t in EvidenceLevel.objects.all()}
        self.references = references


def apply_spec(page: EntryPage, spec: dict, kind: str, vocabulary: Vocabulary) -> EntryPage:
    """Set on `page` every field that `spec` mentions (a whole entry, or just a correction's changes)."""
    for name in COMMON_FIELDS + TYPE_FIELDS[kind]:
        if name in spec:
            value = spec[name]
            setattr(page, name, _date(value) if name in DATE_FIELDS else ("" if value is None else value))
    if "last_reviewed" in spec:
        page.next_review_due = None  # recomputed from the new review date when the page is saved
    # Older entries gave their provider's site as the source link; an entry with programme facts names the
    # provider's site there (facts.provider_url), so its source link (a study, a story) is never taken for it.
    if kind == "intervention" and spec.get("source_url") and not page.website and "facts" not in spec:
        page.website = spec["source_url"]
    if "body" in spec:
        page.body = [(block_type, value) for block_type, value in spec["body"]]
    if "evidence_level" in spec:
        page.evidence_level = vocabulary.evidence[spec["evidence_level"] or "not-yet-rated"]
    for name in TAXONOMIES:
        if name in spec:
            terms = getattr(vocabulary, name)
            setattr(page, name, [terms[key] for key in spec[name]])
    if "references" in spec:
        cite(page, [vocabulary.references[key] for key in spec["references"]])  # in the fixture's order
    apply_extras(page, spec, kind, vocabulary)
    return page


def build_entry(spec, vocabulary: Vocabulary) -> EntryPage:
    page = PAGE_CLASSES[spec["type"]](slug=spec["slug"], evidence_level=vocabulary.evidence["not-yet-rated"])
    return apply_spec(page, spec, spec["type"], vocabulary)


def _link_related(page: EntryPage, slugs, by_slug):
    page.related_entries = [
        RelatedEntry(related=by_slug[slug], sort_order=order) for order, slug in enumerate(slugs) if slug in by_slug
    ]


def _create_missing(catalogue, data, vocabulary) -> int:
    existing = set(EntryPage.objects.child_of(catalogue).values_list("slug", flat=True))
    # An entry withdrawn later (a part file withdraws it, the main file still lists it) is never created afresh.
    skipped = existing | withdrawn_slugs(data)
    missing = [spec for spec in data["entries"] if spec["slug"] not in skipped]
    created = {}
    for spec in missing:
        page = build_entry(spec, vocabulary)
        page.live = False  # published below, once related entries can point at it
        created[spec["slug"]] = catalogue.add_child(instance=page)
    by_slug = {page.slug: page for page in EntryPage.objects.child_of(catalogue)}
    for spec in missing:
        page = created[spec["slug"]]
        _link_related(page, spec.get("related", []), by_slug)
        page.change_summary = spec.get("change_summary", FIRST_VERSION_SUMMARY)
        page.save_revision(log_action=True).publish()
    return len(created)


def _apply_revisions(catalogue, data, vocabulary) -> int:
    kinds = {spec["slug"]: spec["type"] for spec in data["entries"]}
    by_slug = {page.slug: page for page in EntryPage.objects.child_of(catalogue)}
    withdrawn = withdrawn_slugs(data)
    applied = 0
    for revision in data.get("revisions", []):
        # Publishing a correction would put a withdrawn entry back online.
        page = by_slug.get(revision["slug"]) if revision["slug"] not in withdrawn else None
        if page is None or page.revisions.filter(content__change_summary=revision["change_summary"]).exists():
            continue
        page = page.specific
        apply_spec(page, revision["changes"], kinds[revision["slug"]], vocabulary)
        if "related" in revision["changes"]:
            _link_related(page, revision["changes"]["related"], by_slug)
        page.change_summary = revision["change_summary"]
        page.save_revision(log_action=True).publish()
        applied += 1
    return applied


def _withdraw(catalogue, data) -> int:
    withdrawn = {item["slug"]: item["change_summary"] for item in data.get("withdrawn", [])}
    pages = EntryPage.objects.child_of(catalogue).live().filter(slug__in=withdrawn).specific()
    for page in pages:
        page.change_summary = withdrawn[page.slug]
        page.save_revision(log_action=True)
        page.unpublish(log_action=True)
    return len(pages)


@transaction.atomic
def load_demo_catalogue(
    catalogue: CatalogueIndexPage, path: Path = DEMO_FILE, parts_dir: Path | None = PARTS_DIR
) -> tuple[int, int]:
    """Create missing demo entries, publish new corrections, unpublish withdrawn ones; returns (created, revised)."""
    data = read_demo(path, parts_dir)
    with index_once_at_the_end():  # each entry is saved several times on its way to being published
        vocabulary = Vocabulary(load_references(data["references"]))
        created = _create_missing(catalogue, data, vocabulary)
        revised = _apply_revisions(catalogue, data, vocabulary) + _withdraw(catalogue, data)
    return created, revised
