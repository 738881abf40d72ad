"""Keep every process's search snapshot in step with what the public can see."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import ContentVersion, EntryPage, SearchSynonymGroup
from .search.facets import FACETS

# A synonym group or a recommended result edited takes effect on the next search: it moves the version
# on like a vocabulary.
ALSO_READ_BY_SEARCH = (SearchSynonymGroup, PageViewRestriction, SearchPromotion, Query)


def snapshot_models() -> set:
    """Models whose rows the snapshot reads besides entries: every facet's vocabulary, and the above."""
    return {*FACETS.vocabularies(), *ALSO_READ_BY_SEARCH}


def _catalogue_changed(**kwargs):
    ContentVersion.bump()


for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    signal.connect(_catalogue_changed, dispatch_uid=f"catalogue-version-{signal!r}")


# Connected for every sender and checked against the registry on each save, so a facet registered
# after start-up is covered too. Every model save in the site passes here: two tuple look-ups, no building.
@receiver(post_save, dispatch_uid="catalogue-version-vocabulary-saved")
@receiver(post_delete, dispatch_uid="catalogue-version-vocabulary-deleted")
def _vocabulary_changed(sender, **kwargs):
    if sender in ALSO_READ_BY_SEARCH or sender in FACETS.vocabularies():
        ContentVersion.bump()


@receiver(post_delete, dispatch_uid="catalogue-version-entry-deleted")
def _entry_deleted(sender, instance, **kwargs):
    if isinstance(instance, EntryPage):
        ContentVersion.bump()
