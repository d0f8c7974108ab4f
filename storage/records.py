"""The JSON records in the library file, and their conversion to the objects of models.py.

candidate: {"fields": {field: {"source": doc_id, "pinned"?: true, "pending"?: doc_id}
                            | {"source": "reviewer", "value": raw, "edited_at": ts,
                               "pending"?: doc_id}},
            "documents": [doc ids], "created", "updated"}
  An unedited field stores only which document it comes from, so a profile is never held
  twice (the document has it) and the file stays small.
document:  {"sha256", "file_name", "source_path", "stored", "kind", "pages", "format",
            "warnings", "imported", "candidate", "profile" (Profile.to_dict), "page_starts",
            "seconds"}
review:    {"status", "scores": {criterion: {"value": 1..5, "blind": bool}}, "tags", "notes",
            "shortlisted", "rank", "updated"}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from parsing.models import Profile, profile_from_dict
from storage.models import (
    PROFILE_FIELDS,
    REVIEWER,
    SCORE_RANGE,
    STATUSES,
    Document,
    FieldInfo,
    Pending,
    Review,
    Score,
)

Raw = dict[str, Any]


def canonical(value: Any) -> Any:
    """JSON-shaped copy (tuples become lists), so stored and fresh values compare equal."""
    return orjson.loads(orjson.dumps(value))


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def normalise_value(field: str, value: Any) -> Any:
    """Any accepted form of a field value (typed, schema-plain, full dict) -> stored raw form."""
    if field not in PROFILE_FIELDS:
        raise ValueError(f"unknown profile field {field!r}")
    profile = profile_from_dict({field: _jsonable(value)})
    return canonical(profile.to_dict()[field])


def is_empty(raw: Any) -> bool:
    return raw is None or raw == [] or raw == ""


def typed(field: str, raw: Any) -> Any:
    return getattr(profile_from_dict({field: raw}), field)


# --------------------------------------------------------------------------- documents


def document_value(doc: Raw, field: str) -> Any:
    return doc["profile"].get(field)


def document_from_record(doc_id: int, rec: Raw, root: Path) -> Document:
    stored = rec.get("stored")
    return Document(
        id=doc_id,
        sha256=rec["sha256"],
        file_name=rec["file_name"],
        source_path=rec["source_path"],
        stored_path=root / stored if stored else None,
        kind=rec["kind"],
        pages=rec["pages"],
        source_format=rec["format"],
        warnings=tuple(rec["warnings"]),
        imported=rec["imported"],
        candidate_id=rec["candidate"],
        profile=profile_from_dict(rec["profile"]),
        page_starts=tuple(rec.get("page_starts", (0,))),
        parse_seconds=rec.get("seconds", 0.0),
    )


# --------------------------------------------------------------------------- candidates


def field_raw(state: Raw | None, docs: Mapping[int, Raw], field: str) -> Any:
    """The value a candidate's field shows, following a document reference."""
    if not state:
        return None
    if state["source"] == REVIEWER:
        return state["value"]
    doc = docs.get(state["source"])
    return document_value(doc, field) if doc else None


def field_info(state: Raw | None, docs: Mapping[int, Raw], field: str) -> FieldInfo:
    if not state:
        return FieldInfo(source=None)
    pending = None
    if state.get("pending") is not None and state["pending"] in docs:
        new = document_value(docs[state["pending"]], field)
        current = field_raw(state, docs, field)
        pending = Pending(state["pending"], typed(field, new), typed(field, current))
    return FieldInfo(
        source=state["source"],
        edited=state["source"] == REVIEWER,
        pinned=bool(state.get("pinned")),
        edited_at=state.get("edited_at"),
        pending=pending,
    )


def profile_of(rec: Raw, docs: Mapping[int, Raw]) -> Profile:
    fields = rec["fields"]
    data = {f: field_raw(fields.get(f), docs, f) for f in PROFILE_FIELDS}
    kinds = [docs[d]["kind"] for d in rec["documents"] if d in docs]
    data["kind"] = "cv" if "cv" in kinds else (kinds[0] if kinds else "other")
    return profile_from_dict(data)


# --------------------------------------------------------------------------- reviews


def new_review() -> Raw:
    return {
        "status": "new",
        "scores": {},
        "tags": [],
        "notes": "",
        "shortlisted": False,
        "rank": None,
        "updated": None,
    }


def review_from_record(rec: Raw | None) -> Review:
    rec = rec or new_review()
    scores = {k: Score(v["value"], bool(v.get("blind"))) for k, v in rec["scores"].items()}
    return Review(
        status=rec["status"],
        scores=scores,
        tags=tuple(rec["tags"]),
        notes=rec["notes"],
        shortlisted=rec["shortlisted"],
        rank=rec["rank"],
        updated=rec["updated"],
    )


def _score_raw(criterion: str, score: Any) -> Raw:
    value, blind = (score.value, score.blind) if isinstance(score, Score) else (score, False)
    if isinstance(score, Mapping):
        value, blind = score["value"], bool(score.get("blind", False))
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCORE_RANGE:
        raise ValueError(f"score for {criterion!r} must be an integer 1..5, not {value!r}")
    return {"value": value, "blind": blind}


def apply_review_changes(rec: Raw, changes: Mapping[str, Any]) -> Raw:
    """A new review record with `changes` applied and checked; raises ValueError."""
    out = dict(rec)
    for key, value in changes.items():
        if key == "status" and value not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        if key == "scores":
            value = {str(k): _score_raw(k, v) for k, v in value.items()}
        elif key == "tags":
            value = list(dict.fromkeys(str(t).strip() for t in value if str(t).strip()))
        elif key == "notes":
            value = str(value)
        elif key == "shortlisted":
            value = bool(value)
        elif (
            key == "rank"
            and value is not None
            and (isinstance(value, bool) or not isinstance(value, int))
        ):
            raise ValueError("rank must be an integer or None")
        elif key not in ("status", "rank"):
            raise ValueError(f"unknown review field {key!r}")
        out[key] = value
    return out
