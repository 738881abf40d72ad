"""
What an entry page shows besides its own fields, in as few queries as the page allows.

The summary box, the JSON-LD and the reference list all read the entry's classification. Loaded one
relation at a time that was ten queries (four of them twice); here it is one query over the five
link tables plus one for the references, with the small vocabularies (areas, stages, regions,
topics, local authorities, evidence levels) memoised per content version. The loaded lists are
put where `page.areas.all()` and friends look first (Django's prefetch cache), so templates and
template tags keep their ordinary spelling.
"""

from django.db.models import CharField, Value

from ..caches import visitor_list
from .facts import DeliverySetting
from .taxonomy import AreaOfPractice, EvidenceLevel, LocalAuthority, Region, Stage, Topic
from .visibility import view_restrictions, without_private

# relation name on EntryPage -> vocabulary model
VOCABULARIES = {
    "areas": AreaOfPractice,
    "stages": Stage,
    "topics": Topic,
    "regions": Region,
    "local_authorities": LocalAuthority,
    "delivery_settings": DeliverySetting,  # interventions' programme facts
}


def _terms(model) -> dict:
    """{pk: term} in the model's own order (dicts keep insertion order)."""
    return {term.pk: term for term in model.objects.all()}


def _every_vocabulary() -> dict[str, dict]:
    return {model._meta.label: _terms(model) for model in (*VOCABULARIES.values(), EvidenceLevel)}


# Every vocabulary's terms, once per content version; after a publish the task worker works them out
# (`visitor_list`), so the first visitor to an entry page does not (about 2.5 ms at 100,000 entries).
every_vocabulary = visitor_list("entry-vocabularies", _every_vocabulary)


def _vocabulary(model, wanted=()) -> dict:
    """
    {pk: term} of one vocabulary. A visitor may be answered from the previous version's for a moment after a
    publish; a term that publish added (one of `wanted` not in it) is read from the database then.
    """
    terms = every_vocabulary()[model._meta.label]
    if any(pk not in terms for pk in wanted):
        return _terms(model)
    return terms


def attach_classification(page) -> None:
    """Load the page's areas, stages, topics, regions, local authorities, references and rating."""
    if getattr(page, "_cluster_related_objects", None):
        return  # a preview or an old revision: its links are in memory already, not in the tables
    from .entries import EntryPage  # deferred: entries imports this module

    links = None
    for name in VOCABULARIES:
        through = EntryPage._meta.get_field(name).remote_field.through
        column = f"{EntryPage._meta.get_field(name).related_model._meta.model_name}_id"
        rows = (
            through.objects.filter(entrypage_id=page.pk)
            .order_by()
            .annotate(relation=Value(name, output_field=CharField()))
            .values_list("relation", column)
        )
        links = rows if links is None else links.union(rows, all=True)
    chosen = {name: set() for name in VOCABULARIES}
    for name, term_id in links:
        chosen[name].add(term_id)
    cache = page.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, model in VOCABULARIES.items():
        terms = [term for pk, term in _vocabulary(model, chosen[name]).items() if pk in chosen[name]]
        cache[name] = _filled(getattr(page, name), terms)
    cache["references"] = _filled(page.references, list(page.references.all()))
    if page.evidence_level_id is not None:
        level = _vocabulary(EvidenceLevel, (page.evidence_level_id,)).get(page.evidence_level_id)
        if level is not None:
            page.evidence_level = level


def _filled(manager, items):
    """A queryset of the relation that answers from `items` without querying (as prefetching does)."""
    queryset = manager.get_queryset() if not hasattr(manager, "get_live_queryset") else manager.get_live_queryset()
    queryset._result_cache = items
    queryset._prefetch_done = True
    return queryset


def related_pages(page) -> list:
    """The entries the editor linked, in the editor's order; drafts and private pages left out."""
    from .entries import EntryPage  # deferred: entries imports this module

    order = list(page.related_entries.values_list("related_id", flat=True))
    if not order:
        return []
    # Titles, URLs and types are all the page shows, so the type-specific tables are not read.
    pages = {
        related.pk: related
        for related in without_private(EntryPage.objects.live().filter(pk__in=order)).specific(defer=True)
    }
    return [pages[pk] for pk in order if pk in pages]


def restrictions_for(page) -> list[int]:
    """Ids of the view restrictions on the page or any ancestor (from the memo: no query)."""
    return [pk for pk, path in view_restrictions() if page.path.startswith(path)]
