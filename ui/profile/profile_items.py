"""A profile as the pane walks it: field labels, the items of a field, and which to check.

No Qt: the readable view, the forms and the tests all ask the same questions here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from parsing.models import Evidence, Profile
from storage.models import Document

# Below this the parser was unsure enough that the reviewer should look first.
LOW_CONFIDENCE = 0.75
LOW_CONFIDENCE_TIP = "Check this: parsed with low confidence"

# (field, heading, one item's noun), in the order a one-page summary reads.
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "name"),
    ("emails", "Emails", "email"),
    ("phones", "Phones", "phone"),
    ("links", "Links", "link"),
    ("research_interests", "Research interests", "interest"),
    ("education", "Education", "degree"),
    ("experience", "Experience", "position"),
    ("publications", "Publications", "publication"),
    ("awards", "Awards", "award"),
    ("projects", "Projects", "project"),
    ("skills", "Skills", "skill"),
)
FIELD_NAMES: tuple[str, ...] = tuple(f for f, _, _ in FIELDS)
_HEADINGS = {f: h for f, h, _ in FIELDS}
_NOUNS = {f: n for f, _, n in FIELDS}


def heading(field: str) -> str:
    return _HEADINGS.get(field, field.replace("_", " ").capitalize())


def noun(field: str) -> str:
    return _NOUNS.get(field, "entry")


def items(profile: Profile, field: str) -> list[Any]:
    """The field's values as a list (a name is a list of at most one)."""
    return items_of_value(field, getattr(profile, field))


def evidence_of(item: Any) -> Evidence | None:
    return getattr(item, "evidence", None)


def is_flagged(item: Any) -> bool:
    return getattr(item, "confidence", 1.0) < LOW_CONFIDENCE


def flagged(profile: Profile) -> list[tuple[str, int]]:
    """(field, index) of every low-confidence value, in reading order."""
    return [
        (field, index)
        for field in FIELD_NAMES
        for index, item in enumerate(items(profile, field))
        if is_flagged(item)
    ]


KIND_LABELS = {"cv": "CV", "statement": "Statement", "other": "Document"}


def document_labels(documents: Sequence[Document]) -> dict[int, str]:
    """Short tab names: "CV", "Statement", and "CV 2" where a kind repeats."""
    labels: dict[int, str] = {}
    seen: dict[str, int] = {}
    for doc in documents:
        base = KIND_LABELS.get(doc.kind, "Document")
        seen[base] = seen.get(base, 0) + 1
        labels[doc.id] = base if seen[base] == 1 else f"{base} {seen[base]}"
    return labels


def describe(field: str, value: Any, limit: int = 140) -> str:
    """One line of plain text for a field's value (a pending change, a tooltip)."""
    parts = [_item_text(item) for item in (items_of_value(field, value))]
    text = "; ".join(p for p in parts if p) or "(nothing)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def items_of_value(field: str, value: Any) -> list[Any]:
    if field == "name":
        return [value] if value is not None else []
    return list(value or ())


def _item_text(item: Any) -> str:
    for attr in ("text", "title", "institution", "organization", "name"):
        text = getattr(item, attr, None)
        if text:
            return str(text)
    return ""
