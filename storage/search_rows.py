"""The search rows: what the candidate list's search looks at, one per list row, folded.

A `SearchRow` holds, lower case and without accents, name, emails, everything the profile
says, the full text of every document, tags, notes, file names, and the numbers (score,
publications, first-author papers, publication years, rank). `prepare` builds the rows of
the list and their search rows from one read of each candidate, so a keystroke never reads
a profile. Document text is read apart (`fill_texts`, a slice at a time): reading 5,000
candidates' text takes ~1.5 s, which would otherwise hold up opening the library.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from parsing.models import Profile
from storage.errors import UnknownIdError
from storage.insight import PublicationInsight, candidate_insight, publication_insight
from storage.library import Library
from storage.models import Candidate, Document
from storage.queries import (
    CANDIDATE,
    UNASSIGNED,
    DocumentFacts,
    ListRow,
    RowKey,
    candidate_row_from,
    row_for,
)
from storage.query import fold, normalise

if TYPE_CHECKING:
    from storage.search_index import SearchIndex


@dataclass(frozen=True, slots=True)
class SearchRow:
    key: RowKey
    name: str
    emails: str
    profile: str  # every profile value, the reviewer's notes, tags and file names
    text: str  # profile, then the documents' text: where a free word or phrase is looked for
    words: str  # the distinct words of `text`, in first-seen order
    tags: tuple[str, ...]
    status: str
    flags: frozenset[str]  # "is:shortlisted", "has:email", …
    score: float | None
    pubs: int
    firstauthor: int
    rank: int | None  # only on the shortlist
    years: tuple[int, ...]
    venues: str  # recognised acronyms and the venues as written
    areas: frozenset[str]
    edu: str
    kinds: frozenset[str]
    interests: str
    skills: str
    notes: str
    files: str
    document_ids: tuple[int, ...] = ()
    texts_read: bool = True


# --------------------------------------------------------------------------- rows


def candidate_search_row(
    candidate: Candidate, row: ListRow, kinds: Sequence[str], insight: PublicationInsight
) -> SearchRow:
    review, profile = candidate.review, candidate.profile
    flags = {f"has:{k}" for k in kinds if k in ("cv", "statement")}
    flags |= {"is:shortlisted"} if review.shortlisted else set()
    flags |= {"is:scored", "has:score"} if row.score is not None else set()
    flags |= {"is:ranked"} if review.shortlisted and review.rank is not None else set()
    flags |= {"has:tags"} if review.tags else set()
    flags |= {"has:notes"} if review.notes.strip() else set()
    return _row(
        row,
        profile,
        insight,
        flags=frozenset(flags | _profile_flags(profile)),
        kinds=frozenset(kinds),
        notes=review.notes,
        rank=review.rank if review.shortlisted else None,
        document_ids=candidate.document_ids,
    )


def document_search_row(document: Document, row: ListRow) -> SearchRow:
    """An unassigned document's row (its own profile, nobody's review)."""
    insight = publication_insight(None, document.profile.publications)
    flags = {"is:unassigned", f"has:{document.kind}"} | _profile_flags(document.profile)
    return _row(
        row,
        document.profile,
        insight,
        flags=frozenset(flags),
        kinds=frozenset([document.kind]),
        notes="",
        rank=None,
        document_ids=(document.id,),
    )


def list_search_row(row: ListRow) -> SearchRow:
    """A row from what the list shows only (no profile, no documents): for a model given
    bare list rows, as in the model's own tests."""
    kinds = (["cv"] if row.cvs else []) + (["statement"] if row.statements else [])
    flags = {"is:shortlisted"} if row.shortlisted else set()
    flags |= {"is:unassigned"} if row.is_unassigned else set()
    insight = PublicationInsight(total=row.publications, first_author=row.first_author)
    bare = _row(row, Profile(), insight, frozenset(flags), frozenset(kinds), "", None, ())
    shown = normalise(f"{row.name} {row.email} {row.degree} {row.institution}")
    edu = normalise(f"{row.degree} {row.institution}")
    bare = replace(bare, edu=edu, emails=fold(row.email))
    return _with_profile(bare, f"{shown} {bare.profile}".strip())


def _row(
    row: ListRow,
    profile: Profile,
    insight: PublicationInsight,
    flags: frozenset[str],
    kinds: frozenset[str],
    notes: str,
    rank: int | None,
    document_ids: tuple[int, ...],
) -> SearchRow:
    tags = tuple(normalise(t) for t in row.tags)
    files = normalise(" ".join(row.file_names))
    venues = [a for a, _ in insight.venues] + [p.venue for p in insight.papers]
    search_row = SearchRow(
        key=row.key,
        name=normalise(row.name),
        emails=normalise(" ".join(v.text for v in profile.emails)),
        profile="",
        text="",
        words="",
        tags=tags,
        status=row.status,
        flags=flags,
        score=row.score,
        pubs=insight.total,
        firstauthor=insight.first_author,
        rank=rank,
        years=insight.years,
        venues=normalise(" | ".join(venues)),
        areas=frozenset(fold(a) for a, _ in insight.areas),
        edu=normalise(" | ".join(_education(profile))),
        kinds=kinds,
        interests=normalise(" | ".join(v.text for v in profile.research_interests)),
        skills=normalise(" | ".join(v.text for v in profile.skills)),
        notes=normalise(notes),
        files=files,
        document_ids=document_ids,
        texts_read=not document_ids,
    )
    own = " ".join([*_profile_values(profile), notes, " ".join(row.tags), " ".join(row.file_names)])
    return _with_profile(search_row, normalise(own))


def _with_profile(row: SearchRow, profile: str) -> SearchRow:
    text = f"{profile} {documents_text(row)}".strip()
    return replace(row, profile=profile, text=text, words=_distinct_words(text))


def with_texts(row: SearchRow, texts: Iterable[str]) -> SearchRow:
    """The row with its documents' text (as `Library.document_text` gives it)."""
    return _with_documents(row, normalise(" ".join(texts)))


def with_texts_of(row: SearchRow, old: SearchRow | None) -> SearchRow:
    """`row` (fresh from the library, without text) with the text `old` had read, when both
    hold the same documents: a review change does not read the documents again."""
    if old is None or not old.texts_read or old.document_ids != row.document_ids:
        return row
    return _with_documents(row, documents_text(old))


def documents_text(row: SearchRow) -> str:
    return row.text[len(row.profile) :].strip()


def _with_documents(row: SearchRow, documents: str) -> SearchRow:
    text = f"{row.profile} {documents}".strip()
    return replace(row, text=text, words=_distinct_words(text), texts_read=True)


def _distinct_words(text: str) -> str:
    return " ".join(dict.fromkeys(text.split()))


def _profile_flags(profile: Profile) -> set[str]:
    present = {
        "email": profile.emails,
        "phone": profile.phones,
        "links": profile.links,
        "publications": profile.publications,
        "education": profile.education,
    }
    return {f"has:{what}" for what, values in present.items() if values}


def _education(profile: Profile) -> Iterator[str]:
    for entry in profile.education:
        yield " ".join(p for p in (entry.institution, entry.degree, entry.field) if p)


def _profile_values(profile: Profile) -> Iterator[str]:
    singles = (profile.name, *profile.emails, *profile.phones, *profile.links, *profile.skills)
    yield from (v.text for v in (*singles, *profile.research_interests) if v)
    yield from _education(profile)
    for job in profile.experience:
        yield from (p for p in (job.organization, job.title) if p)
    for paper in profile.publications:
        yield from (p for p in (paper.title, *paper.authors, paper.venue) if p)
        yield str(paper.year or "")
    yield from (a.title for a in profile.awards if a.title)
    for project in profile.projects:
        yield from (p for p in (project.name, project.description) if p)


# --------------------------------------------------------------------------- from the library


def prepare(
    library: Library, keys: Iterable[RowKey], facts: DocumentFacts
) -> tuple[list[ListRow], list[SearchRow], list[RowKey]]:
    """(list rows, search rows, keys whose record is gone) for `keys`, as stored now.
    Search rows come without document text: see `fill_texts`."""
    rows, search_rows, gone = [], [], []
    for key in keys:
        pair = _prepare_one(library, key, facts)
        if pair is None:
            gone.append(key)
        else:
            rows.append(pair[0])
            search_rows.append(pair[1])
    return rows, search_rows, gone


def all_keys(library: Library) -> list[RowKey]:
    keys: list[RowKey] = [(CANDIDATE, s.id) for s in library.candidates()]
    return keys + [(UNASSIGNED, d.id) for d in library.unassigned_documents()]


def _prepare_one(
    library: Library, key: RowKey, facts: DocumentFacts
) -> tuple[ListRow, SearchRow] | None:
    kind, record_id = key
    try:
        if kind == CANDIDATE:
            candidate = library.candidate(record_id)
            insight = candidate_insight(candidate)
            row = candidate_row_from(library, candidate, facts, insight)
            kinds = [facts.get(library, d).kind for d in candidate.document_ids]
            return row, candidate_search_row(candidate, row, kinds, insight)
        row = row_for(library, key, facts)
        if row is None:
            return None
        return row, document_search_row(library.document(record_id), row)
    except UnknownIdError:
        return None


# A document's text never changes (it is stored by content hash), so its normalised form
# is kept: a candidate who gains a document reads only the new one, not all of them again.
_NORMALISED: dict[tuple[str, int], str] = {}
_NORMALISED_MAX = 50_000


def _document_text(library: Library, document_id: int) -> str:
    key = (str(library.path), document_id)
    cached = _NORMALISED.get(key)
    if cached is None:
        if len(_NORMALISED) >= _NORMALISED_MAX:
            _NORMALISED.clear()
        cached = _NORMALISED[key] = normalise(library.document_text(document_id))
    return cached


def fill_texts(index: SearchIndex, library: Library, seconds: float | None = None) -> bool:
    """Read document text into rows that lack it, for about `seconds` (None: all of it);
    True once every row has its text."""
    deadline = None if seconds is None else time.perf_counter() + seconds
    filled: list[SearchRow] = []
    waiting = index.without_texts()
    for key in waiting:
        row = index.get(key)
        assert row is not None
        try:
            texts = [_document_text(library, d) for d in row.document_ids]
        except (UnknownIdError, OSError):
            texts = []  # gone or unreadable: found by its profile all the same
        filled.append(_with_documents(row, " ".join(t for t in texts if t)))
        if deadline is not None and time.perf_counter() > deadline:
            break
    index.put(filled, keep_hits=True)
    return len(filled) == len(waiting)
