"""
Large generated downloads (the evidence-map CSV, sitemap pages), built once per content version
and process, kept on local disk and streamed from there.

Building them walks the whole catalogue (seconds at 100,000 entries); every later request until
the next publish only streams a file. They are never put in the shared cache: they are too big for
it, and each process can rebuild its own copy after a publish. A store keeps at most `max_files`
variants (filter combinations, sitemap pages, sites) for the current version, dropping the least
recently used, so unusual query strings cannot fill the disk.
"""

import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

from catalogue.caches import per_content_version

_root: Path | None = None
_root_lock = threading.Lock()


def _process_directory() -> Path:
    global _root
    with _root_lock:
        if _root is None or not _root.exists():
            _root = Path(tempfile.mkdtemp(prefix=f"born-into-care-{os.getpid()}-"))
        return _root


class VersionedFiles:
    """Files named by a key, rebuilt when the content version moves on."""

    def __init__(self, name: str, max_files: int = 16):
        self.name = name
        self.max_files = max_files
        self._lock = threading.Lock()

    def _current(self) -> OrderedDict:
        # A fresh mapping per content version; making it clears the files of the version before.
        return per_content_version(("versioned-files", self.name), self._start_version)

    def _start_version(self) -> OrderedDict:
        directory = _process_directory() / self.name
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        return OrderedDict()

    def path(self, key: str, build: Callable[[], Iterable[str | bytes]]) -> Path:
        """The file for `key`, built from the chunks `build()` yields if this version has none yet."""
        with self._lock:
            files = self._current()
            path = files.get(key)
            if path is not None and path.exists():
                files.move_to_end(key)
                return path
            directory = _process_directory() / self.name
            directory.mkdir(parents=True, exist_ok=True)
            handle, partial = tempfile.mkstemp(dir=directory, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                for chunk in build():
                    out.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            path = Path(partial).with_suffix(".done")
            os.replace(partial, path)
            files[key] = path
            while len(files) > self.max_files:
                _, oldest = files.popitem(last=False)
                oldest.unlink(missing_ok=True)
            return path
