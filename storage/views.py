"""Candidates as JSON and as text, for `list` and `show` (and any export that wants them)."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Sequence
from typing import Any

from storage.models import Candidate, CandidateSummary, Document, FieldInfo

MISSING = "[original missing from the library folder: re-link it in the window]"


def original_missing(doc: Document) -> bool:
    """The library's copy of the file is gone (deleted or moved outside the app); the
    profile and the text stay, and `storage.relink` can bring the copy back."""
    return doc.stored_path is None or not doc.stored_path.is_file()


def summary_json(row: CandidateSummary) -> dict[str, Any]:
    return dataclasses.asdict(row)


def _field_json(info: FieldInfo) -> dict[str, Any]:
    data: dict[str, Any] = {"source": info.source, "edited": info.edited, "pinned": info.pinned}
    if info.pending:
        data["pending"] = {
            "document_id": info.pending.document_id,
            "stored": _plain(info.pending.stored),
            "new": _plain(info.pending.new),
        }
    return data


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def _document_json(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "file_name": doc.file_name,
        "source_path": doc.source_path,
        "stored_path": str(doc.stored_path) if doc.stored_path else None,
        "original_missing": original_missing(doc),
        "sha256": doc.sha256,
        "kind": doc.kind,
        "pages": doc.pages,
        "format": doc.source_format,
        "warnings": list(doc.warnings),
        "imported": doc.imported,
    }


def candidate_json(candidate: Candidate, documents: Sequence[Document]) -> dict[str, Any]:
    review = candidate.review
    return {
        "id": candidate.id,
        "profile": candidate.profile.to_schema(),
        "profile_full": candidate.profile.to_dict(),
        "provenance": {f: _field_json(i) for f, i in candidate.fields.items()},
        "review": {
            **dataclasses.asdict(review),
            "scores": {k: dataclasses.asdict(v) for k, v in review.scores.items()},
        },
        "documents": [_document_json(d) for d in documents],
        "created": candidate.created,
        "updated": candidate.updated,
    }


def _width(text: str) -> int:
    """Terminal columns: CJK and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns and padded to exactly that width."""
    out = ""
    for ch in text:
        if _width(out + ch) > width - (1 if _width(text) > width else 0):
            out += "…"
            break
        out += ch
    return out + " " * max(0, width - _width(out))


def summary_table(rows: Sequence[CandidateSummary], loose: Sequence[Document]) -> str:
    if not rows and not loose:
        return "The library is empty: add documents with `python main.py import PATH...`."
    lines = [f"{'ID':>4}  {'NAME':<28} {'EMAIL':<32} {'DOCS':<10} {'STATUS':<11} ★"]
    for r in rows:
        docs = "+".join(k[:2] for k in r.kinds) or "-"
        star = "★" if r.shortlisted else ""
        name = _cut(r.name or "(no name)", 28)
        email = _cut(r.emails[0] if r.emails else "", 32)
        lines.append(f"{r.id:>4}  {name} {email} {docs:<10} {r.status:<11} {star}")
    lines.append(f"{len(rows)} candidates")
    if loose:
        lines.append(f"{len(loose)} unassigned documents:")
        lines.extend(f"  doc {d.id}: {d.file_name} ({d.kind})" for d in loose)
    return "\n".join(lines)


def _line(label: str, values: Sequence[str]) -> str | None:
    return f"{label:<19}{'; '.join(values)}" if values else None


def candidate_text(candidate: Candidate, documents: Sequence[Document]) -> str:
    p, review = candidate.profile.to_schema(), candidate.review
    out = [f"#{candidate.id} {p['name'] or '(no name)'}"]
    for label, key in (("Emails", "emails"), ("Phones", "phones"), ("Links", "links")):
        out.append(_line(label, p[key]))
    out.append(
        _line("Education", [_entry(e, "degree", "field", "institution") for e in p["education"]])
    )
    out.append(_line("Experience", [_entry(e, "title", "organization") for e in p["experience"]]))
    out.append(_line("Publications", [f"{len(p['publications'])}"] if p["publications"] else []))
    out.append(_line("Awards", [a["title"] or "" for a in p["awards"]]))
    out.append(_line("Skills", p["skills"]))
    out.append(_line("Interests", p["research_interests"]))
    edited = [f for f, i in candidate.fields.items() if i.edited]
    out.append(_line("Edited by you", edited))
    out.append(_line("Pending changes", list(candidate.pending)))
    scores = [f"{k} {v.value}" for k, v in review.scores.items()]
    status = f"{review.status}{', shortlisted' if review.shortlisted else ''}"
    out.append(_line("Review", [status, *scores, *(f"#{t}" for t in review.tags)]))
    out.append(_line("Notes", [review.notes] if review.notes else []))
    out.append("Documents:")
    for d in documents:
        gone = f" {MISSING}" if original_missing(d) else ""
        out.append(f"  doc {d.id}: {d.file_name} ({d.kind}, {d.pages} p.){gone}")
    return "\n".join(line for line in out if line is not None)


def _entry(entry: dict[str, Any], *keys: str) -> str:
    return ", ".join(str(entry[k]) for k in keys if entry.get(k))
