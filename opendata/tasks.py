"""Open-data files on the task queue: every entry's export record and the sitemap files, built after each publish."""

from django_tasks import task

from catalogue.caches import content_version

from .export_store import build_export_records, export_files, records_key
from .sitemap import INDEX, build_sitemap, sitemap_files


@task(backend="background")
def build_export_records_task() -> str:
    """The records for the version current when the build starts (one build for a burst of publishes)."""
    export_files.start_latest()
    version = content_version()
    if export_files.find(records_key("index"), version):
        return "already built"
    build_export_records(version)
    export_files.prune(version)
    return f"built for version {version}"


def request_export_records() -> None:
    if export_files.mark_latest_pending():
        build_export_records_task.enqueue()


def after_publish(sender, number: int, **kwargs) -> None:
    request_export_records()
    request_sitemap()


@task(backend="background")
def build_sitemap_task() -> str:
    """The sitemap files for the version current when the build starts (one build for a burst of publishes)."""
    sitemap_files.start_latest()
    version = content_version()
    if sitemap_files.find(INDEX, version):
        return "already built"
    build_sitemap(version)
    sitemap_files.prune(version)
    return f"built for version {version}"


def request_sitemap() -> None:
    if sitemap_files.mark_latest_pending():
        build_sitemap_task.enqueue()
