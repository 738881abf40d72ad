"""
Many saves at once (loading the demo catalogue): Wagtail's search index and reference index are updated
once per object at the end, not once per save.

Every save of an indexed model queues one search-index update and one reference-index update (each a task,
run at once on the "default" backend: website/settings/base.py says why). A demo entry is saved four or five
times on its way to being published (created, its revision, its publish, a correction), and each of its
cited references, links and rating rows re-indexes it as well: loading the demo catalogue made about 3,500
index updates for a few hundred objects, over half of the load's time.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from modelsearch import index as search_index
from modelsearch import signal_handlers as search_signals
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

_held = threading.local()
_RECEIVER = "catalogue.indexing.note_saved"


def _note_saved(sender, instance, raw=False, **kwargs):
    saved = getattr(_held, "saved", None)
    if saved is not None and not raw:
        saved.setdefault(sender, set()).add(instance.pk)


@contextmanager
def index_once_at_the_end():
    """
    Within: saves update neither index. When the block ends without an error, every object saved within it
    that still exists is indexed once, as the per-save tasks would have left it. For commands and tests only:
    modelsearch has no per-thread switch, so its save signal is disconnected for the whole process while the
    block runs (the reference index's switch is Wagtail's own, per thread).
    """
    if getattr(_held, "saved", None) is not None:  # nested: the outermost block indexes
        yield
        return
    searchable = [model for model in search_index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in searchable:
        post_save.disconnect(search_signals.post_save_signal_handler, sender=model)
    post_save.connect(_note_saved, dispatch_uid=_RECEIVER)
    _held.saved = {}
    try:
        with disable_reference_index_auto_update():
            yield
        saved, _held.saved = _held.saved, None
        _index(saved, set(searchable))
    finally:
        _held.saved = None
        post_save.disconnect(dispatch_uid=_RECEIVER)
        for model in searchable:
            post_save.connect(search_signals.post_save_signal_handler, sender=model)


def _index(saved: dict, searchable: set) -> None:
    referencing = {}  # the objects whose references are recorded: a child row's are recorded on its parent
    for model, pks in saved.items():
        if not (model in searchable or model in ReferenceIndex.tracked_models):
            continue
        for instance in model._default_manager.filter(pk__in=pks).order_by("pk"):
            if model in searchable:
                search_index.insert_or_update_object(instance)
            if model in ReferenceIndex.tracked_models:
                owner = _owner(instance)
                if owner is not None:
                    base = (owner._meta.get_parent_list() or [type(owner)])[-1]  # a page's id is unique to Page
                    referencing[(base._meta.label, owner.pk)] = owner
    for owner in referencing.values():
        owner = getattr(owner, "specific", owner)  # a page's own fields too, whatever class it was reached by
        if ReferenceIndex.is_indexed(owner._meta.model):
            with transaction.atomic():
                ReferenceIndex.create_or_update_for_object(owner)


def _owner(instance):
    """What Wagtail's reference-index task records a saved object's references on (wagtail.tasks)."""
    while True:
        parental_keys = [field for field in instance._meta.get_fields() if isinstance(field, ParentalKey)]
        if not parental_keys:
            return instance
        instance = getattr(instance, parental_keys[0].name)
        if instance is None:
            return None
