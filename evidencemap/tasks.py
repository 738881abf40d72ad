"""
The evidence-map CSV on the task queue: the whole map is built after every publish (one build queued for
a burst of publishes, building the newest version), a filtered map the first time someone asks for it
(at most `matrix_files.max_pending` waiting per version).
"""

from django.http import QueryDict
from django_tasks import task

from catalogue.caches import content_version

from .downloads import build_matrix_csv, matrix_files
from .filters import MapFilters, known_values

WHOLE_MAP = ""  # the key of the unfiltered map


@task(backend="background")
def build_matrix_csv_task(query_string: str, version: int | None = None) -> str:
    """
    Build the CSV for one filter combination and version; with no version, the whole map for the version
    current when the build starts.
    """
    if version is None:
        matrix_files.start_latest()
        version = content_version()
    elif content_version() != version:
        return "skipped: the content has changed since; the newer version's build does this"
    if matrix_files.find(query_string, version):
        return "already built"
    filters = MapFilters.from_params(QueryDict(query_string), known_values())
    build_matrix_csv(filters, version)
    matrix_files.prune(version)
    return f"built for version {version}"


def request_matrix_csv(query_string: str, version: int) -> None:
    """Queue the build once, however many visitors ask for it meanwhile."""
    if query_string == WHOLE_MAP:
        request_whole_map()
    elif matrix_files.mark_pending(query_string, version):
        build_matrix_csv_task.enqueue(query_string, version)


def request_whole_map() -> None:
    if matrix_files.mark_latest_pending():
        build_matrix_csv_task.enqueue(WHOLE_MAP)


def after_publish(sender, number: int, **kwargs) -> None:
    """The whole map, unfiltered, for the new content version."""
    request_whole_map()
