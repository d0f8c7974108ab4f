"""Which candidates an export holds, and in what order.

The order is the shortlist's: the reviewer's rank first (unranked after ranked), then the
total score (best first, unscored last), then the name. "all" and "selection" use the same
order, with shortlisted candidates ahead, so the committee always reads the best first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from storage.aliases import alias_for
from storage.library import Library
from storage.models import Candidate, Document
from storage.scoring import Rubric, weighted_total

Scope = Literal["shortlist", "selection", "all"]
SCOPES: tuple[Scope, ...] = ("shortlist", "selection", "all")


@dataclass(frozen=True)
class Entry:
    """One candidate as an export shows them: `position` is 1 for the first of the list."""

    position: int
    candidate: Candidate
    documents: tuple[Document, ...]
    alias: str
    total: float | None
    anonymised: bool = False

    @property
    def display_name(self) -> str:
        if self.anonymised:
            return self.alias
        return self.candidate.name or f"({self.alias}, no name)"


def order_key(candidate: Candidate, total: float | None) -> tuple:
    review = candidate.review
    return (
        not review.shortlisted,
        review.rank is None,
        review.rank or 0,
        total is None,
        -(total or 0.0),
        (candidate.name or "").casefold(),
        candidate.id,
    )


def _ids(library: Library, scope: Scope, ids: Iterable[int] | None) -> list[int]:
    if scope == "shortlist":
        return [s.id for s in library.candidates() if s.shortlisted]
    if scope == "all":
        return [s.id for s in library.candidates()]
    if scope == "selection":
        return list(dict.fromkeys(ids or ()))
    raise ValueError(f"unknown scope {scope!r}: one of {', '.join(SCOPES)}")


def select(
    library: Library,
    scope: Scope = "shortlist",
    ids: Iterable[int] | None = None,
    rubric: Rubric | None = None,
) -> list[Entry]:
    """The entries of an export, ordered and numbered. Unknown ids raise UnknownIdError."""
    chosen: list[tuple[Candidate, float | None]] = []
    for cid in _ids(library, scope, ids):
        candidate = library.candidate(cid)  # raises UnknownIdError for a wrong id
        chosen.append((candidate, weighted_total(candidate.review.scores, rubric)))
    chosen.sort(key=lambda pair: order_key(*pair))
    return [
        Entry(
            position=n,
            candidate=candidate,
            documents=tuple(library.documents(candidate.id)),
            alias=alias_for(library, candidate.id),
            total=total,
        )
        for n, (candidate, total) in enumerate(chosen, start=1)
    ]
