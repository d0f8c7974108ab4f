"""The one list of accepted document types, and a sniffer that trusts content over suffix."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from parsing.models import (
    EmptyDocumentError,
    ExtractedText,
    ParseError,
    TooLargeError,
    UnsupportedError,
)

ACCEPTED_SUFFIXES: tuple[str, ...] = (".pdf", ".docx", ".txt", ".md", ".markdown")
FILE_DIALOG_FILTER = "Documents (*.pdf *.docx *.txt *.md *.markdown)"

# A CV or statement is a few MB at most; past these sizes the file is refused up front
# rather than letting a worker spend its whole time budget on it.
MAX_BYTES = {"pdf": 100 * 1024 * 1024, "docx": 50 * 1024 * 1024, "txt": 20 * 1024 * 1024}

_SUFFIX_FORMAT = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".md": "md", ".markdown": "md"}


def is_accepted(path: str | Path) -> bool:
    return Path(path).suffix.lower() in ACCEPTED_SUFFIXES


def _sniff(head: bytes) -> str | None:
    """What the first bytes say the file is, or None for 'could be text'."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    return None


_FOREIGN = {
    "html": "an HTML page",
    "image": "an image",
    "ole": "an old Word/Office binary file (save it as DOCX or PDF)",
    "zip": "a ZIP archive",
}


def detect_format(path: str | Path) -> str:
    """'pdf', 'docx', 'txt' or 'md', or a ParseError saying what the file really is."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(2048)
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}") from exc
    if size == 0:
        raise EmptyDocumentError("empty file (0 bytes)")
    claimed = _SUFFIX_FORMAT.get(path.suffix.lower())
    sniffed = _sniff(head)
    fmt = _reconcile(claimed, sniffed, path)
    limit = MAX_BYTES["txt" if fmt == "md" else fmt]
    if size > limit:
        raise TooLargeError(
            f"file too large: {size / 1e6:.0f} MB (limit {limit / 1e6:.0f} MB for {fmt.upper()})"
        )
    return fmt


def _reconcile(claimed: str | None, sniffed: str | None, path: Path) -> str:
    if sniffed == "pdf":
        return "pdf"
    if sniffed == "zip":
        if _is_docx(path):
            return "docx"
        return _refuse(claimed, "zip")
    if sniffed in _FOREIGN:
        return _refuse(claimed, sniffed)
    if claimed == "pdf":
        raise UnsupportedError("not a PDF: the file does not start with a PDF header")
    if claimed == "docx":
        raise UnsupportedError("not a DOCX: the file is not a Word (ZIP) document")
    if claimed in ("txt", "md"):
        return claimed
    raise UnsupportedError(f"unsupported file type {path.suffix or '(no suffix)'}")


def _refuse(claimed: str | None, sniffed: str) -> str:
    what = _FOREIGN[sniffed]
    if claimed:
        raise UnsupportedError(f"not a {claimed.upper()}: the file is {what}")
    raise UnsupportedError(f"unsupported file: it is {what}")


def _is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def extractor_for(fmt: str) -> Callable[[Path], ExtractedText]:
    # Imported lazily so that `parse` of a text file never pays for pypdf's import.
    if fmt == "pdf":
        from parsing.extract_pdf import extract_pdf

        return extract_pdf
    if fmt == "docx":
        from parsing.extract_docx import extract_docx

        return extract_docx
    from parsing.extract_text import extract_plain

    return extract_plain
