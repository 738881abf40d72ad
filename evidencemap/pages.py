"""
One page of the map as the map and its data table show it: the matrix (`matrix.build_matrix`) with the research
questions placed on it, built once per content version for the pages last asked for and kept on the search
snapshot, as the map's row order is (`matrix.map_rows`). At 100,000 entries building a page was about a quarter
of a warm request (its seven queries and the tally of its cells), the same for every visitor until the next
publish.

A page worked out from a previous version's values (a visitor answered while the new snapshot or questions are
being built) is used for that request only, never kept: the next request, once they are ready, builds it again.
While the previous snapshot answers, a visitor is shown the page that version showed, if it is still kept and
every intervention on it is still live and public (one query): building it again from the previous snapshot cost
the first visitors after a publish about 12 ms at 100,000 entries.

The map's first page, unfiltered (where most visits land), is built by the task worker with each snapshot, its
table drawn, and comes in its file (`first_page_with`), so the first visitor after a publish neither builds it
(about 12 ms at 100,000 entries) nor draws it (about 6 ms).
"""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from catalogue.caches import RecentValues, content_version, drawn_once, previous_version_served
from catalogue.models import EntryPage
from catalogue.models.visibility import without_private
from catalogue.search.snapshot import Snapshot, get_snapshot

from .filters import MapFilters
from .matrix import EvidenceMatrix, build_matrix
from .questions import attach_questions, questions_for_map

PAGES_KEPT = 8  # pages of the map (filters and page number) each process keeps, about 50 rows each
PAGES_MEMO = "evidence-map-pages"


def map_page(filters: MapFilters, page_number: int) -> tuple[EvidenceMatrix, dict]:
    """(the matrix of one page, outcome id -> questions for its column headings). Shared: callers must not change it."""
    snapshot = get_snapshot(previous_while_rebuilding=True)
    kept = snapshot.memo(PAGES_MEMO, lambda: RecentValues(PAGES_KEPT))
    version = content_version()
    if snapshot.version != version:  # a visitor answered from the previous snapshot while the worker builds
        shown = kept.find((snapshot.version, filters.query_string(), page_number))
        if shown is not None and _all_still_public(shown[0]):
            return shown
    key = (version, filters.query_string(), page_number)
    return kept.get(key, lambda: _built(filters, page_number), keep=lambda: not previous_version_served())


def _all_still_public(matrix: EvidenceMatrix) -> bool:
    """Whether every intervention on a previous version's page is still live and public (none withdrawn since)."""
    ids = {intervention.pk for intervention in matrix.interventions}
    return without_private(EntryPage.objects.live()).filter(pk__in=ids).count() == len(ids)


def first_page_with(sender, snapshot: Snapshot, **kwargs) -> dict:
    """The worker's part (`catalogue.search.snapshot_files.prebuilding`): the unfiltered first page, built on its
    new snapshot."""
    kept, filters = RecentValues(PAGES_KEPT), MapFilters()
    matrix, questions = kept.get((snapshot.version, filters.query_string(), 1), lambda: _built(filters, 1, snapshot))
    matrix_table_html(None, matrix, questions)  # its table too, drawn with no request: the site's one set of links
    return {PAGES_MEMO: kept}


def _built(filters: MapFilters, page_number: int, snapshot: Snapshot | None = None) -> tuple[EvidenceMatrix, dict]:
    matrix = build_matrix(filters, page_number, snapshot=snapshot)
    return matrix, attach_questions(matrix, questions_for_map())  # places them on the matrix's groups too


TABLE_TEMPLATE = "evidencemap/_matrix_table.html"


def matrix_table_html(request, matrix: EvidenceMatrix, column_questions: dict) -> SafeString:
    """
    The map's table for one page, rendered once and kept on the page's matrix, as the page itself is kept: its
    370 cells' links, the rows and the questions on the columns were about 6 ms of every warm request at 100,000
    entries. Its template escapes every text; the links are the matrix's own filters'.
    """
    context = {"matrix": matrix, "column_questions": column_questions, "filters": matrix.filters}
    table = drawn_once(matrix, "table", lambda: render_to_string(TABLE_TEMPLATE, context, request=request))
    return mark_safe(table)  # noqa: S308
