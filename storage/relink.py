"""Re-linking a document whose original file went missing from the library's files folder.

The library keeps a copy of every original, named by its sha256. If that copy is deleted
or moved outside the app, the reviewer can point at the file again: it is accepted only if
its content hash is the document's, copied back into the files folder and the record
pointed at it. The parse, the text and every edit are untouched.
"""

from __future__ import annotations

from pathlib import Path

from storage.errors import LibraryError
from storage.files import hash_file, store_original
from storage.library import Library


class RelinkMismatchError(LibraryError):
    """The chosen file is not the document (its content differs)."""


def original_missing(library: Library, document_id: int) -> bool:
    path = library.document(document_id).stored_path
    return path is None or not path.is_file()


def relink_document(library: Library, document_id: int, path: str | Path) -> Path:
    """Restore the library's copy of `document_id` from `path`; returns the stored path.

    Raises RelinkMismatchError when `path` holds other content, OSError when it cannot be
    read and LibraryWriteError when the copy cannot be written.
    """
    source = Path(path)
    doc = library.document(document_id)
    if hash_file(source) != doc.sha256:
        raise RelinkMismatchError(
            f"{source.name} is not the same file as {doc.file_name}: its content differs."
        )
    target = store_original(library.paths, source, doc.sha256)
    if doc.stored_path != target:
        _point_record_at(library, document_id, target.relative_to(library.path).as_posix())
    return target


def _point_record_at(library: Library, document_id: int, stored: str) -> None:
    # The library has no public way to change a document record's file; this is the same
    # batch mechanism its own methods use, kept here so library.py stays as it is.
    def work(batch) -> None:
        rec = batch.need("documents", document_id)
        batch.put("documents", document_id, {**rec, "stored": stored})

    library._change("relink", work)
