"""JSON: whole candidate records (profile with evidence, provenance, review, documents with
their parse and extracted text), so another library can import them back with nothing lost
(`python main.py import shortlist.json`, see json_import.py). The originals stay out: the
packet carries them, and a JSON file with base64 PDFs is no longer something to read.

An anonymised export carries only the masked profile and the review: nothing to rebuild a
library from, and nothing that names the person.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from storage.export.selection import Entry
from storage.migrations import now_iso
from storage.models import Document, FieldInfo, Review
from storage.scoring import Rubric

FORMAT = "shortlist-export"
VERSION = 1

TextOf = Callable[[int], str]  # document id -> extracted text


def review_json(review: Review) -> dict[str, Any]:
    data = dataclasses.asdict(review)
    data["scores"] = {k: {"value": s.value, "blind": s.blind} for k, s in review.scores.items()}
    data["tags"] = list(review.tags)
    return data


def provenance_json(info: FieldInfo) -> dict[str, Any]:
    return {
        "source": info.source,
        "pinned": info.pinned,
        "edited_at": info.edited_at,
        "pending": info.pending.document_id if info.pending else None,
    }


def document_json(doc: Document, text: str) -> dict[str, Any]:
    return {
        "id": doc.id,
        "sha256": doc.sha256,
        "file_name": doc.file_name,
        "source_path": doc.source_path,
        "kind": doc.kind,
        "pages": doc.pages,
        "format": doc.source_format,
        "warnings": list(doc.warnings),
        "imported": doc.imported,
        "page_starts": list(doc.page_starts),
        "seconds": doc.parse_seconds,
        "profile": doc.profile.to_dict(),
        "text": text,
    }


def candidate_json(entry: Entry, text_of: TextOf) -> dict[str, Any]:
    cand = entry.candidate
    data: dict[str, Any] = {
        "rank": entry.position,
        "alias": entry.alias,
        "name": entry.display_name,
        "total_score": entry.total,
        "profile": cand.profile.to_dict(),
        "review": review_json(cand.review),
    }
    if entry.anonymised:
        return data
    data["id"] = cand.id
    data["provenance"] = {f: provenance_json(i) for f, i in cand.fields.items()}
    data["documents"] = [document_json(d, text_of(d.id)) for d in entry.documents]
    data["created"], data["updated"] = cand.created, cand.updated
    return data


def export_json(
    entries: Sequence[Entry],
    text_of: TextOf,
    scope: str,
    anonymised: bool,
    rubric: Rubric | None = None,
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": now_iso(),
        "generator": "Shortlist",
        "scope": scope,
        "anonymised": anonymised,
        "rubric": dict(rubric) if isinstance(rubric, Mapping) else None,
        "candidates": [candidate_json(e, text_of) for e in entries],
    }


def write_json(data: Mapping[str, Any], path: Path) -> None:
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
