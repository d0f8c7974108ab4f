"""Changing who is who: merge two candidates, split a document off, assign, delete."""

from __future__ import annotations

from collections.abc import Mapping

from storage.assemble import merged_fields, refresh_fields
from storage.importer import attach
from storage.migrations import now_iso
from storage.records import Raw, new_review
from storage.store import Batch


def merged_review(a: Raw, b: Raw) -> Raw:
    """Nothing the reviewer wrote on either side is dropped: notes and tags are joined."""
    notes = "\n\n".join(n for n in (a["notes"].strip(), b["notes"].strip()) if n)
    return {
        **a,
        "status": a["status"] if a["status"] != "new" else b["status"],
        "scores": {**b["scores"], **a["scores"]},
        "tags": list(dict.fromkeys([*a["tags"], *b["tags"]])),
        "notes": notes,
        "shortlisted": a["shortlisted"] or b["shortlisted"],
        "rank": a["rank"] if a["rank"] is not None else b["rank"],
        "updated": now_iso(),
    }


def merge(batch: Batch, keep_id: int, other_id: int, choices: Mapping[str, str]) -> None:
    if keep_id == other_id:
        raise ValueError("cannot merge a candidate with itself")
    keep, other = batch.need("candidates", keep_id), batch.need("candidates", other_id)
    docs = batch.docs()
    members = [*keep["documents"], *other["documents"]]
    fields = merged_fields(keep, other, docs, choices)
    batch.put("candidates", keep_id, {**keep, "fields": fields, "documents": members})
    for doc_id in other["documents"]:
        batch.put("documents", doc_id, {**batch.need("documents", doc_id), "candidate": keep_id})
    review = merged_review(
        batch.get("reviews", keep_id) or new_review(),
        batch.get("reviews", other_id) or new_review(),
    )
    batch.put("reviews", keep_id, review)
    batch.put("candidates", other_id, None)
    batch.put("reviews", other_id, None)
    _refresh(batch, keep_id, [])


def detach(batch: Batch, doc_id: int) -> int | None:
    """Take a document off its candidate (whose fields fall back on the others)."""
    doc = batch.need("documents", doc_id)
    cid = doc["candidate"]
    if cid is None:
        return None
    cand = batch.need("candidates", cid)
    fields = {f: s for f, s in cand["fields"].items() if s.get("source") != doc_id}
    remaining = [d for d in cand["documents"] if d != doc_id]
    batch.put("candidates", cid, {**cand, "fields": fields, "documents": remaining})
    batch.put("documents", doc_id, {**doc, "candidate": None})
    _refresh(batch, cid, [])
    return cid


def assign(batch: Batch, doc_id: int, cid: int | None) -> int | None:
    """Move a document to candidate `cid` (None: unassigned); returns where it was."""
    if cid is not None:
        batch.need("candidates", cid)
    was = detach(batch, doc_id)
    if cid is not None:
        batch.put("documents", doc_id, {**batch.need("documents", doc_id), "candidate": cid})
        attach(batch, cid, [doc_id])
    return was


def split(batch: Batch, doc_id: int) -> tuple[int | None, int]:
    """A document becomes a candidate of its own; returns (old candidate, new candidate)."""
    was = detach(batch, doc_id)
    cid = batch.new_id("candidate")
    batch.put("candidates", cid, {"fields": {}, "documents": [], "created": now_iso()})
    batch.put("reviews", cid, new_review())
    batch.put("documents", doc_id, {**batch.need("documents", doc_id), "candidate": cid})
    attach(batch, cid, [doc_id])
    return was, cid


def delete_candidate(batch: Batch, cid: int) -> list[tuple[str, str | None]]:
    """Remove a candidate with its documents; returns (sha256, stored path) of their files."""
    cand = batch.need("candidates", cid)
    files = []
    for doc_id in cand["documents"]:
        doc = batch.get("documents", doc_id)
        if doc is not None:
            files.append((doc["sha256"], doc.get("stored")))
            batch.put("documents", doc_id, None)
    batch.put("candidates", cid, None)
    batch.put("reviews", cid, None)
    batch.reindex(cid)
    return files


def delete_document(batch: Batch, doc_id: int) -> tuple[str, str | None]:
    detach(batch, doc_id)
    doc = batch.need("documents", doc_id)
    batch.put("documents", doc_id, None)
    return doc["sha256"], doc.get("stored")


def _refresh(batch: Batch, cid: int, changed: list[int]) -> None:
    cand = batch.need("candidates", cid)
    fields = refresh_fields(cand, batch.docs(), changed)
    batch.put("candidates", cid, {**cand, "fields": fields, "updated": now_iso()})
    batch.reindex(cid)
