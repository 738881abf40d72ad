"""Keep every process's search snapshot in step with what the public can see."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .models import AreaOfPractice, ContentVersion, EntryPage, EvidenceLevel, Region, SearchSynonymGroup, Stage, Topic

# A synonym group edited takes effect on the next search: it moves the version on like a taxonomy.
TAXONOMIES = (AreaOfPractice, Stage, Topic, Region, EvidenceLevel, SearchSynonymGroup)


def _catalogue_changed(**kwargs):
    ContentVersion.bump()


for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
    signal.connect(_catalogue_changed, dispatch_uid=f"catalogue-version-{signal!r}")

for model in TAXONOMIES + (PageViewRestriction,):
    post_save.connect(_catalogue_changed, sender=model, dispatch_uid=f"catalogue-version-save-{model.__name__}")
    post_delete.connect(_catalogue_changed, sender=model, dispatch_uid=f"catalogue-version-del-{model.__name__}")


@receiver(post_delete, dispatch_uid="catalogue-version-entry-deleted")
def _entry_deleted(sender, instance, **kwargs):
    if isinstance(instance, EntryPage):
        ContentVersion.bump()
