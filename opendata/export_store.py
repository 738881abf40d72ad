"""
Every public entry's export record, written once per content version by the task worker, so a visitor's
export only finds the matching ids (the catalogue's own search) and copies their prepared lines: no record
is built on a visitor's request. At 100,000 entries building the records took far longer than any page.

Per version: `csv` (one CSV line per entry), `json` (one JSON object per entry), `header.csv` and an
index (`index.npz`: ids in order, each line's offset and length in both files), written last, so a
version whose index exists is complete.
"""

import csv
import json
import mmap
from collections.abc import Iterator

import numpy as np

from catalogue.caches import content_version, per_content_version
from catalogue.io.built_files import BuiltFiles
from catalogue.models import EntryPage
from catalogue.models.visibility import without_private

from .records import RecordBuilder, csv_columns, csv_row

export_files = BuiltFiles("export-records")
RETRY_SECONDS = 15


def records_key(part: str) -> str:
    """A file of the records with today's columns: a deploy that adds or removes a facet never reads older ones."""
    return f"{part}:{','.join(csv_columns())}"


class _Echo:
    def write(self, value):
        return value


def build_export_records(version: int) -> None:
    """Write this version's records of every live public entry (run by the task worker)."""
    builder = RecordBuilder()
    writer = csv.writer(_Echo())
    ids = list(without_private(EntryPage.objects.live()).order_by("pk").values_list("pk", flat=True))
    positions = np.zeros((len(ids), 4), dtype=np.int64)  # csv offset, csv length, json offset, json length
    kept = np.zeros(len(ids), dtype=np.int64)
    count = 0
    with (
        export_files.writing(records_key("csv"), version) as csv_out,
        export_files.writing(records_key("json"), version) as json_out,
    ):
        for record in builder.stream(ids):
            csv_line = writer.writerow(csv_row(record, builder.csv_columns)).encode("utf-8")
            json_line = json.dumps(record, ensure_ascii=False).encode("utf-8")
            positions[count] = (csv_out.tell(), len(csv_line), json_out.tell(), len(json_line))
            kept[count] = record["id"]
            csv_out.write(csv_line)
            json_out.write(json_line)
            count += 1
    export_files.write(records_key("header.csv"), version, [writer.writerow(builder.csv_columns)])
    with export_files.writing(records_key("index"), version) as index_out:
        np.savez(index_out, ids=kept[:count], positions=positions[:count])


class ExportRecords:
    """One version's prepared records, read by position."""

    def __init__(self, version: int):
        self.version = version
        with export_files.path(records_key("index"), version).open("rb") as index_file:
            index = np.load(index_file)
            self.ids, self.positions = index["ids"], index["positions"]
        self.header = export_files.path(records_key("header.csv"), version).read_text(encoding="utf-8")

    def lines(self, ids, fmt: str) -> Iterator[bytes]:
        """The prepared line of each id (UTF-8), in the order given (ids without a record are left out)."""
        column = 0 if fmt == "csv" else 2
        wanted = np.asarray(ids, dtype=np.int64)
        where = np.searchsorted(self.ids, wanted)
        found = (where < len(self.ids)) & (self.ids[np.minimum(where, len(self.ids) - 1)] == wanted)
        spans = self.positions[where[found], column : column + 2].tolist()
        if not spans:
            return
        # Mapped rather than read line by line: a broad export copies 5,000 slices, with no system call for each.
        with export_files.path(records_key(fmt), self.version).open("rb") as data:
            with mmap.mmap(data.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                for offset, length in spans:
                    yield mapped[offset : offset + length]


def current_records() -> ExportRecords | None:
    """This content version's records, once the worker has built them; else None (a build is queued)."""
    from .tasks import request_export_records

    version = content_version()
    if not export_files.find(records_key("index"), version):
        request_export_records()
        if not export_files.find(records_key("index"), version):  # built already if a test runs tasks at once
            return None
    return per_content_version(("export-records", records_key("")), lambda: ExportRecords(version))
