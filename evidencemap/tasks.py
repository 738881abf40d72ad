"""
The evidence-map CSV on the task queue: the whole map is built after every publish, a filtered map
the first time someone asks for it (at most `matrix_files.max_pending` waiting per version).
"""

from django.http import QueryDict
from django_tasks import task

from catalogue.caches import content_version

from .downloads import build_matrix_csv, matrix_files
from .filters import MapFilters, known_values


@task(backend="background")
def build_matrix_csv_task(query_string: str, version: int) -> str:
    """Build the CSV for one filter combination, unless the content has moved on since it was asked for."""
    if content_version() != version:
        return "skipped: the content has changed since; the newer version's build does this"
    filters = MapFilters.from_params(QueryDict(query_string), known_values())
    build_matrix_csv(filters, version)
    matrix_files.prune(version)
    return "built"


def request_matrix_csv(query_string: str, version: int) -> None:
    """Queue the build once, however many visitors ask for it meanwhile."""
    if matrix_files.mark_pending(query_string, version):
        build_matrix_csv_task.enqueue(query_string, version)


def after_publish(sender, number: int, **kwargs) -> None:
    """The whole map, unfiltered, for the new content version."""
    request_matrix_csv("", number)
