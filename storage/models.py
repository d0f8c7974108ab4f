"""What the library hands out: frozen snapshots of candidates, documents and reviews.

The records on disk are plain JSON (see `records.py`); these objects are built from them on
every read, so a caller can never change the library by mutating what it was given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from parsing.models import SCHEMA_FIELDS, Kind, Profile

REVIEWER: Literal["reviewer"] = "reviewer"
Source = int | Literal["reviewer"]  # a document id, or the reviewer

# Every part of a profile a candidate holds, each with its own provenance: the schema's
# fields but the document kind, plus the projects the app keeps.
PROFILE_FIELDS: tuple[str, ...] = (*SCHEMA_FIELDS[1:], "projects")

STATUSES: tuple[str, ...] = ("new", "reviewing", "maybe", "shortlisted", "rejected")
SCORE_RANGE = range(1, 6)


@dataclass(frozen=True)
class Pending:
    """A value a newer document (or a re-parse) offers for a field the reviewer edited."""

    document_id: int
    new: Any  # typed as the Profile attribute (Value, tuple[Education, ...], ...)
    stored: Any  # the reviewer's value it would replace


@dataclass(frozen=True)
class FieldInfo:
    """Where a field's value came from. `source` is None when no document has the field."""

    source: Source | None
    edited: bool = False  # the reviewer typed the value
    pinned: bool = False  # the reviewer chose this document's value (merge, accepted diff)
    edited_at: str | None = None
    pending: Pending | None = None


@dataclass(frozen=True)
class Score:
    value: int
    blind: bool = False  # given before the reviewer saw who the candidate is


@dataclass(frozen=True)
class Review:
    status: str = "new"
    scores: Mapping[str, Score] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    notes: str = ""
    shortlisted: bool = False
    rank: int | None = None
    updated: str | None = None


@dataclass(frozen=True)
class Document:
    id: int
    sha256: str
    file_name: str
    source_path: str
    stored_path: Path | None  # the library's copy of the original, None if it had no file
    kind: Kind
    pages: int
    source_format: str
    warnings: tuple[str, ...]
    imported: str
    candidate_id: int | None
    profile: Profile
    page_starts: tuple[int, ...] = (0,)
    parse_seconds: float = 0.0


@dataclass(frozen=True)
class Candidate:
    id: int
    profile: Profile
    fields: Mapping[str, FieldInfo]
    document_ids: tuple[int, ...]
    review: Review
    created: str
    updated: str

    @property
    def name(self) -> str | None:
        return self.profile.name.text if self.profile.name else None

    @property
    def pending(self) -> dict[str, Pending]:
        return {f: info.pending for f, info in self.fields.items() if info.pending}


@dataclass(frozen=True)
class CandidateSummary:
    """One row of the candidate list: cheap to build for thousands."""

    id: int
    name: str | None
    emails: tuple[str, ...]
    document_ids: tuple[int, ...]
    kinds: tuple[str, ...]
    status: str
    shortlisted: bool
    rank: int | None
    tags: tuple[str, ...]
    pending_fields: tuple[str, ...]
    updated: str


@dataclass(frozen=True)
class ImportItem:
    """One parsed document on its way in. Without `sha256` the library hashes the file
    (or, when there is no file, the text)."""

    result: Any  # parsing.models.ParseResult
    sha256: str | None = None
    source_path: str | None = None  # defaults to result.path


@dataclass(frozen=True)
class ImportedDocument:
    path: str
    document_id: int
    candidate_id: int | None
    how: Literal["new", "attached", "unassigned"]


@dataclass
class ImportSummary:
    new_candidates: list[ImportedDocument] = field(default_factory=list)
    attached: list[ImportedDocument] = field(default_factory=list)
    unassigned: list[ImportedDocument] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (path, existing doc id)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)

    @property
    def added(self) -> int:
        return len(self.new_candidates) + len(self.attached) + len(self.unassigned)

    def extend(self, other: ImportSummary) -> None:
        for name in ("new_candidates", "attached", "unassigned", "duplicates", "failed"):
            getattr(self, name).extend(getattr(other, name))


@dataclass(frozen=True)
class UndoToken:
    """Raw records as they were before a change (None: did not exist), per table."""

    before: Mapping[str, Mapping[int, dict[str, Any] | None]]
    label: str = ""


@dataclass(frozen=True)
class MergeResult:
    candidate_id: int  # the one kept
    removed_id: int
    undo: UndoToken


@dataclass(frozen=True)
class SplitResult:
    document_id: int
    from_candidate_id: int | None
    new_candidate_id: int
    undo: UndoToken
