"""A TinyDB storage that never writes the library file in place.

Every save writes a temporary file in the same folder, flushes and fsyncs it, renames it
over the old file and fsyncs the folder, so that a crash, a kill or a full disk leaves
either the old file or the new one, never a torn one (tech-risks R-DB1). The last state is
kept in memory, so reads never re-parse the file (R-DB2). With `deferred=True` TinyDB's
writes only update that memory state; `Library`'s writer thread saves it (R-DB3: unlike
CachingMiddleware, nothing is ever reported saved before it is on disk).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb import Storage

from storage.errors import LibraryWriteError

_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def describe_write_failure(exc: OSError, what: str = "the library") -> str:
    """A reason a reviewer can act on; the last good file is always kept when this is raised."""
    if exc.errno in _DISK_FULL:
        return f"the disk is full: {what} was not changed (last saved state kept)"
    if exc.errno in _READ_ONLY:
        return f"the library folder is read-only: {what} was not changed (last saved state kept)"
    reason = exc.strerror or str(exc)
    return f"cannot save {what}: {reason} (last saved state kept)"


def fsync_dir(folder: Path) -> None:
    """Persist a rename. Folders cannot be opened for fsync on Windows; there it is a no-op."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(
    path: Path,
    payload: bytes,
    before_replace: Callable[[], None] | None = None,
    what: str = "the library",
) -> None:
    """Write `payload` to `path` so that readers see the old bytes or the new, nothing between.

    `before_replace` runs after the new bytes are durable and before the rename (the backup
    hook: it hard-links the old file while it is still the current one).
    Raises LibraryWriteError with a human reason; the temporary file is always removed.
    """
    folder = path.parent
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh.fileno(), payload)
            os.fsync(fh.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
        tmp = None
        fsync_dir(folder)
    except OSError as exc:
        raise LibraryWriteError(describe_write_failure(exc, what)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _write_all(fd: int, payload: bytes) -> None:
    # os.write may write less than asked (and a patched one in tests may fail half-way).
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class AtomicJSONStorage(Storage):
    """TinyDB storage: orjson, atomic replace, in-memory read cache, optional deferred saving.

    One process, one owning thread (the caller serialises access; `Library` holds a lock).
    """

    def __init__(self, path: str | os.PathLike[str], deferred: bool = False):
        self.path = Path(path).absolute()
        self.deferred = deferred
        self._cache: dict[str, Any] | None = None
        self.generation = 0  # bumped by every write; the writer thread saves up to one of these
        self.before_replace: Callable[[], None] | None = None

    def load(self) -> dict[str, Any] | None:
        """Parse the file (None when it does not exist). Raises orjson.JSONDecodeError/OSError."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        self._cache = orjson.loads(raw)
        return self._cache

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            return self.load()
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        self._cache = data
        self.generation += 1
        if self.deferred:
            return
        try:
            self.save(self.serialise())
        except LibraryWriteError:
            self._cache = None  # TinyDB changed it in place: fall back to what is on disk
            raise

    def serialise(self) -> bytes:
        """The current state as bytes: done before any file is touched, so bad data never is."""
        return orjson.dumps(self._cache if self._cache is not None else {})

    def save(self, payload: bytes) -> None:
        atomic_write_bytes(self.path, payload, self.before_replace)

    def close(self) -> None:
        pass
