"""Parsed documents into the library: duplicates, document records, and which candidate."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from parsing.models import ParseResult
from storage.assemble import refresh_fields
from storage.files import TextQueue, hash_file, hash_text, store_original
from storage.migrations import now_iso
from storage.models import ImportedDocument, ImportItem, ImportSummary
from storage.paths import LibraryPaths
from storage.records import Raw, canonical, new_review
from storage.store import Batch


def as_item(item: ImportItem | ParseResult) -> ImportItem:
    return item if isinstance(item, ImportItem) else ImportItem(result=item)


def item_sha(item: ImportItem) -> str:
    if item.sha256:
        return item.sha256
    path = Path(item.source_path or item.result.path)
    return hash_file(path) if path.is_file() else hash_text(item.result.text)


def import_items(
    batch: Batch,
    paths: LibraryPaths,
    items: Iterable[ImportItem | ParseResult],
    texts: TextQueue,
) -> ImportSummary:
    summary = ImportSummary()
    seen: dict[str, int] = {}
    for given in items:
        if hasattr(given, "restore"):  # a candidate from a JSON export: export/json_import.py
            given.restore(batch, paths, texts, summary)
            continue
        item = as_item(given)
        path = item.source_path or item.result.path
        sha = item_sha(item)
        existing = batch.store.by_sha.get(sha, seen.get(sha))
        if existing is not None:
            summary.duplicates.append((path, existing))
            continue
        doc_id = batch.new_id("document")
        seen[sha] = doc_id
        texts.add(sha, item.result.text)
        rec = document_record(item.result, sha, path, _store_original(paths, sha, path))
        placed = place_document(batch, doc_id, rec)
        getattr(summary, _LISTS[placed.how]).append(placed)
    return summary


_LISTS = {"new": "new_candidates", "attached": "attached", "unassigned": "unassigned"}


def _store_original(paths: LibraryPaths, sha: str, path: str) -> str | None:
    # Already there when the import worker copied it (files.store_original): no copy here.
    source = Path(path)
    if not source.is_file():
        return None
    return store_original(paths, source, sha).relative_to(paths.root).as_posix()


def document_record(result: ParseResult, sha: str, path: str, stored: str | None) -> Raw:
    return {
        "sha256": sha,
        "file_name": Path(path).name,
        "source_path": str(Path(path).absolute()) if path else "",
        "stored": stored,
        "kind": result.kind,
        "pages": result.pages,
        "format": result.source_format,
        "warnings": list(result.warnings),
        "imported": now_iso(),
        "candidate": None,
        "profile": canonical(result.profile.to_dict()),
        "page_starts": list(result.page_starts),
        "seconds": round(result.seconds, 3),
    }


def _who(rec: Raw) -> tuple[str | None, list[str]]:
    profile = rec["profile"]
    name = (profile.get("name") or {}).get("text")
    return name, [e["text"] for e in profile.get("emails") or ()]


def place_document(batch: Batch, doc_id: int, rec: Raw) -> ImportedDocument:
    """Join the candidate this document's email or name points to, or start one, or wait."""
    name, emails = _who(rec)
    path = rec["source_path"]
    match = batch.store.identity.match(name, emails) if (name or emails) else None
    if match is None or match.ambiguous:
        batch.put("documents", doc_id, rec)  # nobody, or several: the reviewer decides
        return ImportedDocument(path, doc_id, None, "unassigned")
    if match.candidate_id is not None:
        cid, how = match.candidate_id, "attached"
    else:
        cid, how = batch.new_id("candidate"), "new"
        stamp = now_iso()
        batch.put("candidates", cid, {"fields": {}, "documents": [], "created": stamp})
        batch.put("reviews", cid, new_review())
    batch.put("documents", doc_id, {**rec, "candidate": cid})
    attach(batch, cid, [doc_id])
    return ImportedDocument(path, doc_id, cid, how)


def attach(batch: Batch, cid: int, doc_ids: list[int]) -> None:
    cand = dict(batch.need("candidates", cid))
    cand["documents"] = [*cand["documents"], *(d for d in doc_ids if d not in cand["documents"])]
    cand["fields"] = refresh_fields(cand, batch.docs(), changed=doc_ids)
    cand["updated"] = now_iso()
    batch.put("candidates", cid, cand)
    batch.reindex(cid)
