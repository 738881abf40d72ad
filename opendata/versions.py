"""
Published versions of an entry, numbered 1, 2, 3... in the order they were published.

The numbering comes from Wagtail's own audit log ("wagtail.publish" entries, each pointing at the
revision it published), so it never changes once given: later edits only add versions.
"""

from dataclasses import dataclass, field
from datetime import datetime

from wagtail.models import PageLogEntry, Revision

from catalogue.extensions import subpage_url
from catalogue.models import EntryPage

PUBLISH_ACTION = "wagtail.publish"


@dataclass
class Version:
    """One published version of an entry: its number, when it went live and what changed."""

    number: int
    published_at: datetime
    revision_id: int | None
    change_summary: str
    entry: EntryPage = field(repr=False)

    @property
    def url(self) -> str:
        """Site-relative permalink of this version: a route of the entry page, wherever the entry lives."""
        return subpage_url(self.entry, "version", self.number)


def published_versions(entry: EntryPage) -> list[Version]:
    """Every published version of the entry, oldest first."""
    log = (
        PageLogEntry.objects.filter(page_id=entry.pk, action=PUBLISH_ACTION)
        .order_by("timestamp", "pk")
        .values_list("timestamp", "revision_id")
    )
    versions, seen = [], set()
    for timestamp, revision_id in log:
        # Republishing the same revision (e.g. after an unpublish) is not a new version.
        if revision_id is not None and revision_id in seen:
            continue
        seen.add(revision_id)
        versions.append(Version(len(versions) + 1, timestamp, revision_id, "", entry))
    _attach_change_summaries(versions)
    return versions


def _attach_change_summaries(versions: list[Version]) -> None:
    revision_ids = [v.revision_id for v in versions if v.revision_id]
    content = dict(Revision.objects.filter(pk__in=revision_ids).values_list("pk", "content"))
    previous = ""
    for version in versions:
        summary = (content.get(version.revision_id) or {}).get("change_summary", "") or ""
        # The field keeps its value between edits: a summary repeated unchanged from the version
        # before was not written for this one, so it is not shown again.
        version.change_summary = summary if summary != previous else ""
        previous = summary


def current_version(entry: EntryPage, versions: list[Version]) -> Version | None:
    """The version the live page shows: the one whose revision is live, else the latest."""
    for version in versions:
        if version.revision_id and version.revision_id == entry.live_revision_id:
            return version
    return versions[-1] if versions else None


def version_as_published(entry: EntryPage, version: Version) -> EntryPage:
    """The entry's text, taxonomy links and related entries exactly as that version published them."""
    revision = Revision.page_revisions.filter(pk=version.revision_id, object_id=str(entry.pk)).first()
    if revision is None:
        raise VersionNotKept(version)
    return revision.as_object()


class VersionNotKept(Exception):
    """The version is in the publishing log but its revision has been purged."""

    def __init__(self, version: Version):
        super().__init__(f"Version {version.number} is no longer kept")
        self.version = version
