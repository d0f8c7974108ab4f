"""The packet: one zip with the PDF report and the original documents, named by rank
(`01_Hyndman_Rob-J_CV.pdf`) so a committee member's file list reads like the shortlist.
An anonymised packet holds the report only: the originals carry names on every page."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

from storage.export.facts import split_name
from storage.export.safety import safe_filename, safe_suffix
from storage.export.selection import Entry
from storage.models import Document

REPORT_NAME = "00_Report.pdf"
KIND_LABELS = {"cv": "CV", "statement": "Statement"}
MAX_STEM = 100


def _part(text: str, max_len: int = 40) -> str:
    # Separators and dots at the ends would only stack up against the "_" between parts.
    return safe_filename(text, max_len, fallback="").replace(" ", "-").strip("_-. ")


def original_name(entry: Entry, doc: Document, width: int, taken: set[str]) -> str:
    """`NN_Last_First_KIND.ext`, cleaned for every file system, unique within the packet."""
    last, first = split_name(entry.candidate.name)
    who = [_part(last), _part(first)] if last else [_part(entry.alias)]
    kind = KIND_LABELS.get(doc.kind, "Document")
    stem = "_".join(p for p in (f"{entry.position:0{width}d}", *who, kind) if p)
    stem = safe_filename(stem, MAX_STEM, fallback=f"{entry.position:0{width}d}_{kind}")
    source = doc.stored_path or Path(doc.file_name)
    suffix = safe_suffix(source.suffix or Path(doc.file_name).suffix)
    name, n = f"{stem}{suffix}", 2
    while name.casefold() in taken:  # two CVs of one candidate: _CV, _CV-2
        name, n = f"{stem}-{n}{suffix}", n + 1
    taken.add(name.casefold())
    return name


def write_packet(entries: Sequence[Entry], report: Path, output: Path) -> list[str]:
    """Write the zip; returns warnings (originals the library no longer has)."""
    warnings: list[str] = []
    width = max(2, len(str(len(entries))))
    taken = {REPORT_NAME.casefold()}
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(report, REPORT_NAME)
        for entry in entries:  # anonymised entries have no documents
            for doc in entry.documents:
                name = original_name(entry, doc, width, taken)
                if doc.stored_path is None or not doc.stored_path.is_file():
                    warnings.append(f"{doc.file_name}: the library has no copy of the original")
                    continue
                zf.write(doc.stored_path, name)
    return warnings
