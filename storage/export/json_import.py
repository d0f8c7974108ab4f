"""`python main.py import shortlist.json`: a JSON export becomes candidates again.

An export is recognised by content (a .json file whose top-level "format" is
"shortlist-export"), not by name. Each candidate comes back as it was: its documents with
their parse and text, which field comes from which document, the reviewer's edits (with
their dates), pinned choices, pending changes, and the review. Ids are the new library's
own; the originals are copied in again when they are still where they were imported from.

Records are written inside the library's own import batch (storage/importer.py hands
every item with a `restore` method its batch), so the import is one change like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from parsing.models import profile_from_dict
from storage.export.json_export import FORMAT, VERSION
from storage.files import TextQueue, hash_file, store_original
from storage.library import Library
from storage.migrations import now_iso
from storage.models import PROFILE_FIELDS, REVIEWER, ImportedDocument, ImportSummary
from storage.paths import LibraryPaths
from storage.records import Raw, apply_review_changes, canonical, new_review, normalise_value
from storage.store import Batch

REVIEW_KEYS = ("status", "scores", "tags", "notes", "shortlisted", "rank")


class ExportFileError(ValueError):
    """The file says it is an export but cannot be imported (and why, for the reviewer)."""


def read_export(path: str | Path) -> dict[str, Any] | None:
    """The export's data, or None when the file is not a Shortlist export."""
    path = Path(path)
    if path.suffix.lower() != ".json" or not path.is_file():
        return None
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def is_export(path: str | Path) -> bool:
    return read_export(path) is not None


def _check(data: Mapping[str, Any]) -> list[Raw]:
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise ExportFileError(
            f"made by a newer Shortlist (export version {data.get('version')}): update first"
        )
    if data.get("anonymised"):
        raise ExportFileError("an anonymised export has no documents to rebuild candidates from")
    records = data.get("candidates")
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ExportFileError("it has no list of candidates")
    for record in records:
        _validate(record)
    return sorted(records, key=lambda r: int(r.get("id") or 0))  # keeps the ids' order


def _validate(record: Raw) -> None:
    """Check a record before the batch, so a bad one fails the file, not half of it."""
    _review_record(record.get("review") or {})
    profile_from_dict(record.get("profile") or {})
    for doc in record.get("documents") or []:
        missing = [k for k in ("id", "sha256", "file_name", "kind", "imported") if k not in doc]
        if missing:
            raise ExportFileError(f"a document lacks {', '.join(missing)}")
        profile_from_dict(doc.get("profile") or {})


@dataclass(frozen=True)
class RestoredCandidate:
    """One exported candidate on its way into a library's import batch."""

    record: Raw
    source: str  # the export file, for the import summary

    def restore(
        self, batch: Batch, paths: LibraryPaths, texts: TextQueue, summary: ImportSummary
    ) -> None:
        restore_candidate(batch, paths, texts, self.record, summary)


def import_exports(library: Library, paths: Iterable[str | Path]) -> ImportSummary:
    """Import each export file; a broken one is reported in `failed`, never half-imported."""
    summary = ImportSummary()
    for path in paths:
        try:
            items = [RestoredCandidate(r, str(path)) for r in _check(read_export(path) or {})]
            summary.extend(library.add_parse_results(items))  # type: ignore[arg-type]
        except (ExportFileError, KeyError, TypeError, ValueError) as exc:
            summary.failed.append((str(path), f"not importable: {exc}"))
    return summary


# --------------------------------------------------------------------------- one candidate


def _existing(batch: Batch, sha: str) -> int | None:
    found = batch.store.by_sha.get(sha)
    if found is not None and batch.get("documents", found) is not None:
        return found
    for doc_id, rec in batch.changes["documents"].items():
        if rec is not None and rec["sha256"] == sha:
            return doc_id
    return None


def restore_candidate(
    batch: Batch, paths: LibraryPaths, texts: TextQueue, record: Raw, summary: ImportSummary
) -> None:
    docs = record.get("documents") or []
    dupes = [(d, _existing(batch, d["sha256"])) for d in docs]
    dupes = [(d, found) for d, found in dupes if found is not None]
    if dupes:  # the library already has this person's documents: its own record wins
        summary.duplicates.extend((d["source_path"] or d["file_name"], f) for d, f in dupes)
        return
    cid = batch.new_id("candidate")
    id_map = {int(d["id"]): batch.new_id("document") for d in docs}
    for doc in docs:
        new_id = id_map[int(doc["id"])]
        texts.add(doc["sha256"], str(doc.get("text") or ""))
        batch.put("documents", new_id, _document_record(doc, cid, paths))
        summary.new_candidates.append(ImportedDocument(doc["source_path"], new_id, cid, "new"))
    batch.put("candidates", cid, _candidate_record(record, id_map))
    batch.put("reviews", cid, _review_record(record.get("review") or {}))
    batch.reindex(cid)


def _document_record(doc: Raw, cid: int, paths: LibraryPaths) -> Raw:
    return {
        "sha256": str(doc["sha256"]),
        "file_name": str(doc["file_name"]),
        "source_path": str(doc.get("source_path") or ""),
        "stored": _original(paths, doc),
        "kind": doc["kind"] if doc["kind"] in ("cv", "statement", "other") else "other",
        "pages": int(doc.get("pages") or 1),
        "format": str(doc.get("format") or ""),
        "warnings": [str(w) for w in doc.get("warnings") or ()],
        "imported": str(doc["imported"]),
        "candidate": cid,
        "profile": canonical(profile_from_dict(doc["profile"]).to_dict()),
        "page_starts": [int(p) for p in doc.get("page_starts") or (0,)],
        "seconds": float(doc.get("seconds") or 0.0),
    }


def _original(paths: LibraryPaths, doc: Raw) -> str | None:
    """Copy the original in again when it is still where it was imported from, unchanged."""
    source = Path(doc.get("source_path") or "")
    try:
        if not source.is_file() or hash_file(source) != doc["sha256"]:
            return None
        return store_original(paths, source, doc["sha256"]).relative_to(paths.root).as_posix()
    except OSError:
        return None


def _field_state(field: str, state: Raw, value: Any, id_map: Mapping[int, int]) -> Raw | None:
    if state.get("source") == REVIEWER:
        out: Raw = {"source": REVIEWER, "value": normalise_value(field, value)}
        out["edited_at"] = state.get("edited_at")
    elif state.get("source") is not None and int(state["source"]) in id_map:
        out = {"source": id_map[int(state["source"])]}
        if state.get("pinned"):
            out["pinned"] = True
    else:
        return None
    if state.get("pending") is not None and int(state["pending"]) in id_map:
        out["pending"] = id_map[int(state["pending"])]
    return out


def _candidate_record(record: Raw, id_map: Mapping[int, int]) -> Raw:
    profile = record.get("profile") or {}
    fields: dict[str, Raw] = {}
    for field, state in (record.get("provenance") or {}).items():
        if field in PROFILE_FIELDS and isinstance(state, dict):
            restored = _field_state(field, state, profile.get(field), id_map)
            if restored is not None:
                fields[field] = restored
    created = str(record.get("created") or now_iso())
    return {
        "fields": fields,
        "documents": list(id_map.values()),
        "created": created,
        "updated": str(record.get("updated") or created),
    }


def _review_record(review: Raw) -> Raw:
    changes = {k: review[k] for k in REVIEW_KEYS if k in review}
    return {**apply_review_changes(new_review(), changes), "updated": review.get("updated")}
