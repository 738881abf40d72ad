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
import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import numpy as np

from catalogue.caches import content_version, per_content_version
from catalogue.io.built_files import BuiltFiles
from catalogue.search.facet_kinds import locate

from .export_stamps import public_entry_stamps, shared_stamp
from .records import CHUNK, RecordBuilder, csv_columns, csv_row

export_files = BuiltFiles("export-records")
RETRY_SECONDS = 15


def records_key(part: str) -> str:
    """A file of the records with today's columns: a deploy that adds or removes a facet never reads older ones."""
    return f"{part}:{','.join(csv_columns())}"


class _Echo:
    def write(self, value):
        return value


def build_export_records(version: int) -> None:
    """
    Write this version's records of every live public entry (run by the task worker). A record whose entry and
    shared stamps (`export_stamps`) are those of the previous version's files is copied from them; only the
    others are built.
    """
    builder = RecordBuilder()
    writer = csv.writer(_Echo())
    ids, stamps = public_entry_stamps()
    shared = shared_stamp(builder.csv_columns)
    positions = np.zeros((len(ids), 4), dtype=np.int64)  # csv offset, csv length, json offset, json length
    kept = np.zeros(len(ids), dtype=np.int64)
    count = 0
    with (
        export_files.writing(records_key("csv"), version) as csv_out,
        export_files.writing(records_key("json"), version) as json_out,
        _previous_lines(version, shared) as previous,
    ):
        for start in range(0, len(ids), CHUNK):
            chunk, chunk_stamps = ids[start : start + CHUNK], stamps[start : start + CHUNK]
            copied = previous.lines_for(chunk, chunk_stamps)
            built = _built_lines(builder, writer, [pk for pk in chunk.tolist() if pk not in copied])
            for pk in chunk.tolist():
                lines = copied.get(pk) or built.get(pk)
                if lines is None:  # withdrawn between the two queries
                    continue
                csv_line, json_line = lines
                positions[count] = (csv_out.tell(), len(csv_line), json_out.tell(), len(json_line))
                kept[count] = pk
                csv_out.write(csv_line)
                json_out.write(json_line)
                count += 1
    export_files.write(records_key("header.csv"), version, [writer.writerow(builder.csv_columns)])
    found = np.searchsorted(ids, kept[:count])
    with export_files.writing(records_key("index"), version) as index_out:
        np.savez(index_out, ids=kept[:count], positions=positions[:count], stamps=stamps[found], shared=shared)


def _built_lines(builder: RecordBuilder, writer, ids: list[int]) -> dict[int, tuple[bytes, bytes]]:
    built = {}
    for record in builder.records(ids) if ids else ():
        csv_line = writer.writerow(csv_row(record, builder.csv_columns)).encode("utf-8")
        built[record["id"]] = (csv_line, json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return built


class _PreviousLines:
    """The newest earlier version's records, mapped, to copy the lines of entries that did not change."""

    def __init__(self, records: "ExportRecords | None" = None, csv_data=None, json_data=None):
        self.records, self.csv_data, self.json_data = records, csv_data, json_data

    def lines_for(self, ids: np.ndarray, stamps: np.ndarray) -> dict[int, tuple[bytes, bytes]]:
        """{id: (csv line, json line)} for the ids whose record the previous version holds with the same stamp."""
        if self.records is None or not len(self.records.ids):
            return {}
        previous = self.records
        where, found = locate(previous.ids, ids)
        same = found & (previous.stamps[where] == stamps)
        lines = {}
        for pk, (csv_at, csv_length, json_at, json_length) in zip(
            ids[same].tolist(), previous.positions[where[same]].tolist(), strict=True
        ):
            lines[pk] = (self.csv_data[csv_at : csv_at + csv_length], self.json_data[json_at : json_at + json_length])
        return lines


@contextmanager
def _previous_lines(version: int, shared: str):
    """The lines to copy from, or none: no earlier version kept, another shared stamp, or files gone meanwhile."""
    with ExitStack() as opened:
        try:
            previous = _open_previous(version, shared, opened)
        except (OSError, KeyError, ValueError):  # pruned by another worker meanwhile, or a damaged file
            previous = _PreviousLines()
        yield previous


def _open_previous(version: int, shared: str, opened: ExitStack) -> _PreviousLines:
    earlier = export_files.find_latest(records_key("index"), version - 1)
    records = ExportRecords(earlier.version) if earlier else None
    if records is None or records.shared != shared:
        return _PreviousLines()
    paths = [export_files.path(records_key(fmt), records.version) for fmt in ("csv", "json")]
    files = [opened.enter_context(path.open("rb")) for path in paths]
    return _PreviousLines(records, *(opened.enter_context(_mapped(file)) for file in files))


@contextmanager
def _mapped(file):
    if os.fstat(file.fileno()).st_size == 0:  # mmap refuses an empty file; nothing to copy from it anyway
        yield b""
        return
    with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        yield mapped


class ExportRecords:
    """One version's prepared records, read by position."""

    def __init__(self, version: int):
        self.version = version
        with export_files.path(records_key("index"), version).open("rb") as index_file:
            index = np.load(index_file)
            self.ids, self.positions = index["ids"], index["positions"]
            # What each record was built from (`export_stamps`); files written before stamps were kept have none.
            self.stamps = index["stamps"] if "stamps" in index.files else None
            self.shared = str(index["shared"]) if "shared" in index.files else None
        self.header = export_files.path(records_key("header.csv"), version).read_text(encoding="utf-8")

    def lines(self, ids, fmt: str) -> Iterator[bytes]:
        """The prepared line of each id (UTF-8), in the order given (ids without a record are left out)."""
        column = 0 if fmt == "csv" else 2
        where, found = locate(self.ids, np.asarray(ids, dtype=np.int64))
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
