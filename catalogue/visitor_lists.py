"""
The lists every visitor's page shows (`catalogue.caches.visitor_list`: the footer, the law at each stage, the
map's questions...), worked out by the task worker after a publish and written to one file per content
version, which the web processes load instead of each rebuilding them in threads of their own.

The worker writes the file first in the search snapshot's task (`catalogue.search.snapshot_files`): it takes
tens of milliseconds, the snapshot about a second at 100,000 entries. Like the snapshot's, the file is a pickle
(model instances with their prefetched rows), written only by the site's own worker into GENERATED_FILES_ROOT,
a directory no visitor or editor can write.
"""

import logging
import pickle

from .caches import BuiltElsewhere, take_visitor_lists_from, visitor_lists
from .io.built_files import BuiltFiles

lists_files = BuiltFiles("visitor-lists", ".pickle")
KEY = "lists"
FORMAT = 1  # moved on when the payload changes shape: a file of another format is not read
# At most this long a visitor list is a publish behind while the worker is busy with something else. Unlike the
# search, whose rows are checked against the database, a list shows what it holds (a page since made private
# would keep its title in the footer), so a web process rebuilds them itself sooner than the search snapshot.
MOST_SECONDS_BEHIND = 5.0
logger = logging.getLogger(__name__)


def connect(patience) -> None:
    """
    Web processes take the lists from the worker's file, waiting for it at most `patience()` seconds (the search
    snapshot's), and never more than MOST_SECONDS_BEHIND.
    """
    take_visitor_lists_from(BuiltElsewhere(read_lists_file, lambda: min(patience(), MOST_SECONDS_BEHIND)))


def ensure_lists_file(version: int) -> None:
    """Write the lists for `version` unless the worker already has (a build for a burst of publishes)."""
    if not lists_files.find(KEY, version):
        write_lists_file(version)


def write_lists_file(version: int) -> int:
    """
    Work every visitor list out and write them for `version`; returns how many were written. A list that fails
    is left out (and logged): web processes then rebuild that one themselves, and the rest still come from here.
    """
    lists = {}
    for key, compute in visitor_lists().items():
        try:
            lists[key] = pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL)  # each alone: see read_lists_file
        except Exception:
            logger.exception("The task worker could not work out the visitor list %r", key)
    lists_files.write_payload(KEY, version, FORMAT, {"lists": lists})
    lists_files.prune(version)
    return len(lists)


def read_lists_file(version: int) -> dict | None:
    """{key: value} of every visitor list the worker wrote for `version`, or None if it has not yet."""
    payload = lists_files.read_payload(KEY, version, FORMAT)
    if payload is None:
        return None  # not written, pruned or unreadable: the lists are rebuilt here once the worker's time is up
    lists = {}
    for key, pickled in payload["lists"].items():
        try:
            lists[key] = pickle.loads(pickled)  # noqa: S301  (as above)
        except Exception:  # e.g. a class renamed since the worker wrote it: that list only is rebuilt here
            logger.warning("The visitor list %r for version %s could not be read", key, version, exc_info=True)
    return lists
