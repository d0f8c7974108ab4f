"""The bulky parts of a library, outside the main file: original documents and their text.

Both are named by the document's sha256, so they are written once and never change. These
functions touch no database and may run on any thread (an import worker can hash and copy
while the GUI thread owns the library).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from storage.atomic_storage import atomic_write_bytes, describe_write_failure, fsync_dir
from storage.errors import LibraryWriteError
from storage.paths import LibraryPaths

_CHUNK = 1 << 20


def hash_file(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def hash_text(text: str) -> str:
    """Stands in for a file hash when a result arrives without its file (tests, pasted text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def store_original(paths: LibraryPaths, source: Path, sha256: str) -> Path:
    """Copy the reviewer's file in (never moving or changing it); returns the stored path."""
    target = paths.original(sha256, source.suffix)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".copy-", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, _CHUNK)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
        tmp = None
        fsync_dir(target.parent)
    except OSError as exc:
        raise LibraryWriteError(describe_write_failure(exc, "the document copy")) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target


def store_text(paths: LibraryPaths, sha256: str, text: str) -> None:
    target = paths.text_file(sha256)
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, text.encode("utf-8"), what="the document text")


def read_text(paths: LibraryPaths, sha256: str) -> str:
    try:
        return paths.text_file(sha256).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def remove_document_files(paths: LibraryPaths, sha256: str, stored: str | None) -> None:
    with contextlib.suppress(FileNotFoundError):
        paths.text_file(sha256).unlink()
    if stored:
        with contextlib.suppress(FileNotFoundError):
            (paths.root / stored).unlink()


class TextQueue:
    """Texts of documents imported but not yet saved: the writer thread writes them just
    before the library file that refers to them, so an import never waits for their fsyncs.
    Every method but `write` is called with the library's data lock held."""

    def __init__(self, paths: LibraryPaths):
        self.paths = paths
        self._pending: dict[str, str] = {}

    def add(self, sha256: str, text: str) -> None:
        self._pending[sha256] = text

    def get(self, sha256: str) -> str | None:
        return self._pending.get(sha256)

    def discard(self, sha256: str) -> None:
        self._pending.pop(sha256, None)

    def snapshot(self) -> dict[str, str]:
        return dict(self._pending)

    def write(self, texts: dict[str, str]) -> None:
        for sha256, text in texts.items():
            store_text(self.paths, sha256, text)

    def written(self, texts: dict[str, str]) -> None:
        for sha256, text in texts.items():
            if self._pending.get(sha256) is text:
                del self._pending[sha256]
