"""
Files the task worker builds after a publish (the evidence-map CSV, the export records, the sitemap
files) and the web processes only serve: no visitor's request builds one.

They live under GENERATED_FILES_ROOT, a directory on local disk that the worker and every web process
share, in one subdirectory per content version: `<root>/<name>/<version>/<key digest><suffix>`. A file is
written beside its final name and renamed into place, so a reader never sees half of one. The version
before the current one is kept, so a file not yet rebuilt can be served as it was ("the previous
version") while the worker catches up; older versions are pruned by the worker.

A file asked for that nobody has built yet is marked pending (an empty `.pending` file created with
O_EXCL), so a burst of requests queues one build, and at most `max_pending` builds are queued per
version: unusual requests cannot fill the queue.
"""

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse


@dataclass(frozen=True)
class BuiltFile:
    path: Path
    version: int  # the content version it was built for


class BuiltFiles:
    """One kind of built file (e.g. "evidence-map-csv"), keyed by text such as a filter query string."""

    def __init__(self, name: str, suffix: str = "", max_pending: int = 16):
        self.name, self.suffix, self.max_pending = name, suffix, max_pending

    def _directory(self, version: int) -> Path:
        return Path(settings.GENERATED_FILES_ROOT) / self.name / str(version)

    def path(self, key: str, version: int, suffix: str = "") -> Path:
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        return self._directory(version) / f"{digest}{suffix or self.suffix}"

    def find(self, key: str, version: int) -> BuiltFile | None:
        """The file built for this version, if there is one."""
        path = self.path(key, version)
        return BuiltFile(path, version) if path.exists() else None

    def find_latest(self, key: str, version: int) -> BuiltFile | None:
        """The file for this version, else the newest one kept from an earlier version."""
        for kept in [version, *self._versions_before(version)]:
            found = self.find(key, kept)
            if found:
                return found
        return None

    def write(self, key: str, version: int, chunks: Iterable[str | bytes], suffix: str = "") -> Path:
        """Build the file from `chunks`, atomically; clears its pending mark."""
        final = self.path(key, version, suffix)
        final.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=final.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                for chunk in chunks:
                    out.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            os.replace(partial, final)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        self.path(key, version, ".pending").unlink(missing_ok=True)
        return final

    @contextmanager
    def writing(self, key: str, version: int, suffix: str = ""):
        """An open binary file that becomes the built file when the block ends without an error."""
        final = self.path(key, version, suffix)
        final.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=final.parent, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as out:
                yield out
            os.replace(partial, final)
        finally:
            Path(partial).unlink(missing_ok=True)

    def write_payload(self, key: str, version: int, payload_format: int, payload: dict) -> None:
        """Pickle `payload` (Python objects for the web processes to load) as the file for `version`."""
        with self.writing(key, version) as out:
            stamped = {**payload, "format": payload_format, "version": version}
            pickle.dump(stamped, out, protocol=pickle.HIGHEST_PROTOCOL)

    def read_payload(self, key: str, version: int, payload_format: int) -> dict | None:
        """
        What `write_payload` pickled for `version`, or None: not built yet, pruned, unreadable, or of another
        format (written by an older release). Only the site's own task worker writes these files, into
        GENERATED_FILES_ROOT, a directory no visitor or editor can write: so they may be unpickled.
        """
        found = self.find(key, version)
        if found is None:
            return None
        try:
            with found.path.open("rb") as source:
                payload = pickle.load(source)  # noqa: S301  (written by the site's own worker: see above)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        if payload.get("format") != payload_format or payload.get("version") != version:
            return None
        return payload

    def mark_pending(self, key: str, version: int) -> bool:
        """True if this call marked the file pending (so the caller should queue its build)."""
        directory = self._directory(version)
        directory.mkdir(parents=True, exist_ok=True)
        if sum(1 for _ in directory.glob("*.pending")) >= self.max_pending:
            return False
        try:
            os.close(os.open(self.path(key, version, ".pending"), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def mark_latest_pending(self) -> bool:
        """
        True if this call marked "rebuild for the newest version" pending. A burst of publishes then
        queues one build, which clears the mark as it starts (`start_latest`) and builds whatever version
        is current by then; a publish during that build marks and queues again.
        """
        root = Path(settings.GENERATED_FILES_ROOT) / self.name
        root.mkdir(parents=True, exist_ok=True)
        try:
            os.close(os.open(root / "latest.pending", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def start_latest(self) -> None:
        (Path(settings.GENERATED_FILES_ROOT) / self.name / "latest.pending").unlink(missing_ok=True)

    def prune(self, version: int) -> None:
        """Delete every version's files but this one's and the one kept before it."""
        older = self._versions_before(version)
        for stale in older[1:]:
            shutil.rmtree(self._directory(stale), ignore_errors=True)

    def _versions_before(self, version: int) -> list[int]:
        """Versions with a directory, older than `version`, newest first."""
        root = Path(settings.GENERATED_FILES_ROOT) / self.name
        if not root.is_dir():
            return []
        found = (int(entry.name) for entry in root.iterdir() if entry.name.isascii() and entry.name.isdigit())
        return sorted((kept for kept in found if kept < version), reverse=True)


def being_prepared(message: str, retry_seconds: int, as_json: bool = False) -> HttpResponse:
    """
    The answer to a request for a file the worker has not built yet (and no earlier version is kept): 503
    with Retry-After, so a browser, a script or a crawler knows to come back rather than that it failed.
    """
    if as_json:
        response = HttpResponse(json.dumps({"message": message}), status=503, content_type="application/json")
    else:
        response = HttpResponse(message + "\n", status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_seconds)
    return response
