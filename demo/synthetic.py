"""Clearly synthetic catalogue entries in bulk, for benchmarks (never for the public site)."""

import datetime
import random

from django.db import models, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import signal_handlers
from wagtail import signal_handlers as wagtail_signal_handlers
from wagtail.search.backends import get_search_backend

from catalogue.models import (
    AreaOfPractice,
    CatalogueIndexPage,
    ContentVersion,
    EntryPage,
    EvidenceLevel,
    InterventionPage,
    Region,
    Stage,
    Topic,
)

# Each theme word appears in a fifth of the entries (a broad query); each "cohort" word in 1/500
# of them (a narrow query). Benchmarks rely on these proportions.
THEMES = ["midwifery", "kinship", "doula", "tenancy", "mentoring"]  # in no vocabulary name
COHORTS = 500
BATCH = 2000


def synthetic_words(n: int) -> tuple[str, str]:
    return THEMES[n % len(THEMES)], f"cohort{n % COHORTS}"


def generate_entries(count: int, catalogue: CatalogueIndexPage, seed: int = 1) -> int:
    """Append `count` published synthetic interventions under the catalogue; returns how many."""
    rng = random.Random(seed)
    vocab = {
        "areas": list(AreaOfPractice.objects.all()),
        "stages": list(Stage.objects.all()),
        "regions": list(Region.objects.all()),
        "topics": list(Topic.objects.all()),
    }
    levels = list(EvidenceLevel.objects.exclude(kind="practice"))
    start = EntryPage.objects.child_of(catalogue).count()
    # Per-object search indexing and reference-index updates would cost ~10 ms an entry; the
    # batch indexes its pages in bulk instead, and synthetic pages reference nothing.
    handlers = [
        (signal_handlers.post_save_signal_handler, InterventionPage),
        (wagtail_signal_handlers.update_reference_index_on_save, InterventionPage),
    ]
    disconnected = [(handler, sender) for handler, sender in handlers if post_save.disconnect(handler, sender=sender)]
    try:
        for offset in range(0, count, BATCH):
            _create_batch(catalogue, start + offset, min(BATCH, count - offset), rng, vocab, levels)
    finally:
        for handler, sender in disconnected:
            post_save.connect(handler, sender=sender)
    ContentVersion.bump()
    return count


@transaction.atomic
def _create_batch(catalogue, first: int, size: int, rng, vocab, levels):
    catalogue = CatalogueIndexPage.objects.get(pk=catalogue.pk)  # fresh numchild
    now = timezone.now()
    pages = []
    for n in range(first, first + size):
        theme, cohort = synthetic_words(n)
        level = rng.choice(levels)
        rated = level.kind != EvidenceLevel.Kind.UNRATED
        slug = f"synthetic-{n}"
        page = InterventionPage(
            title=f"Synthetic entry {n}: {theme} service",
            slug=slug,
            draft_title=f"Synthetic entry {n}",
            url_path=f"{catalogue.url_path}{slug}/",
            path=catalogue._get_path(catalogue.path, catalogue.depth + 1, catalogue.numchild + 1 + n - first),
            depth=catalogue.depth + 1,
            numchild=0,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now - datetime.timedelta(minutes=n),
            last_published_at=now,
            summary=f"SYNTHETIC benchmark entry about {theme}, {cohort}. Not a real service.",
            provider="Synthetic data",
            evidence_level=level,
            evidence_rationale="Synthetic." if rated else "",
            evidence_rated_on=now.date() if rated else None,
            locale_id=catalogue.locale_id,
        )
        models.Model.save(page)  # skips Page.full_clean's per-page queries; the tree fields are set above
        pages.append(page)
    _link(pages, rng, vocab)
    CatalogueIndexPage.objects.filter(pk=catalogue.pk).update(numchild=models.F("numchild") + size)
    indexed = InterventionPage.objects.filter(pk__in=[p.pk for p in pages]).prefetch_related("topics", "areas")
    get_search_backend().add_bulk(InterventionPage, list(indexed))


def _link(pages, rng, vocab):
    for relation, terms in vocab.items():
        through = EntryPage._meta.get_field(relation).remote_field.through
        column = f"{EntryPage._meta.get_field(relation).related_model._meta.model_name}_id"
        rows = []
        for page in pages:
            for term in rng.sample(terms, rng.randint(1, 2)):
                rows.append(through(entrypage_id=page.pk, **{column: term.pk}))
        through.objects.bulk_create(rows)
