"""A candidate's fields from its documents: which document each field comes from.

Rule per field: the best-ranked document that has a value wins (a CV over a statement over
anything else, the newest first among equals), so a statement only fills what the CV
lacks. A field the reviewer decided (edited it, or picked a document's value in a merge or
a diff) is never replaced: when a document that would have won brings a different value,
the field gets a pending diff the reviewer may accept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from storage.models import PROFILE_FIELDS, REVIEWER
from storage.records import Raw, canonical, document_value, field_raw, is_empty

KIND_RANK = {"cv": 0, "statement": 1}


def ranked(doc_ids: Iterable[int], docs: Mapping[int, Raw]) -> list[int]:
    # Document ids grow with import order, so -id puts the newest first.
    present = [d for d in doc_ids if d in docs]
    return sorted(present, key=lambda d: (KIND_RANK.get(docs[d]["kind"], 2), -d))


def best_source(field: str, order: list[int], docs: Mapping[int, Raw]) -> int | None:
    for doc_id in order:
        if not is_empty(document_value(docs[doc_id], field)):
            return doc_id
    return None


def refresh_fields(
    rec: Raw, docs: Mapping[int, Raw], changed: Iterable[int] = ()
) -> dict[str, Raw]:
    """New `fields` for a candidate after its documents changed (`changed`: new or re-parsed)."""
    changed = set(changed)
    order = ranked(rec["documents"], docs)
    out: dict[str, Raw] = {}
    for field in PROFILE_FIELDS:
        state = rec["fields"].get(field)
        best = best_source(field, order, docs)
        if state and _decided(state, field, rec["documents"], docs):
            out[field] = _keep_decision(field, state, best, changed, rec["documents"], docs)
        elif best is not None:
            out[field] = {"source": best}
    return out


def _decided(state: Raw, field: str, members: list[int], docs: Mapping[int, Raw]) -> bool:
    if state["source"] == REVIEWER:
        return True
    # A pinned document value holds while that document is here and still has it.
    return (
        bool(state.get("pinned"))
        and not is_empty(field_raw(state, docs, field))
        and (state["source"] in members)
    )


def _keep_decision(
    field: str, state: Raw, best: int | None, changed: set[int], members: list[int], docs
) -> Raw:
    new = dict(state)
    pending = new.get("pending")
    if pending is not None and (pending not in members or pending not in docs):
        pending = None
    if best is not None and best in changed:
        pending = best
    current = field_raw(state, docs, field)
    if pending is not None and _same(document_value(docs[pending], field), current):
        pending = None
    new["pending"] = pending
    if pending is None:
        new.pop("pending")
    return new


def _same(a: Any, b: Any) -> bool:
    return canonical(a) == canonical(b)


def conflicts(a: Raw, b: Raw, docs: Mapping[int, Raw]) -> dict[str, tuple[Any, Any]]:
    """Fields where both candidates have a value and the values differ (raw values)."""
    out = {}
    for field in PROFILE_FIELDS:
        va = field_raw(a["fields"].get(field), docs, field)
        vb = field_raw(b["fields"].get(field), docs, field)
        if not is_empty(va) and not is_empty(vb) and not _same(va, vb):
            out[field] = (va, vb)
    return out


def merged_fields(
    keep: Raw, other: Raw, docs: Mapping[int, Raw], choices: Mapping[str, str]
) -> dict[str, Raw]:
    """Per field: the kept candidate's state unless `choices[field] == "other"` or it is empty."""
    out = {}
    disputed = conflicts(keep, other, docs)
    for field in PROFILE_FIELDS:
        mine, theirs = keep["fields"].get(field), other["fields"].get(field)
        choice = choices.get(field)
        if choice not in (None, "keep", "other"):
            raise ValueError(f"choice for {field!r} must be 'keep' or 'other'")
        take_other = choice == "other" or (
            choice is None and is_empty(field_raw(mine, docs, field))
        )
        state = theirs if take_other else mine
        if state and field in disputed and state["source"] != REVIEWER:
            state = {**state, "pinned": True}  # what the reviewer chose must not drift
        if state:
            out[field] = state
    return out
