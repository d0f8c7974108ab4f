"""Read-only questions the window asks the library, answered with plain rows (no Qt).

`all_rows` / `row_for` build rows of the candidate list: everything a column shows plus a
lower-case haystack for the search box, so the table model never has to look into profiles
while the reviewer types. Rows go through `Library`'s public API only; `DocumentFacts`
remembers the little a row needs from each document, because reading a whole document
(its profile) costs ~0.3 ms and a candidate may gather dozens of versions of a CV.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from parsing.models import Education, Profile, Publication
from storage.errors import UnknownIdError
from storage.insight import PublicationInsight, candidate_insight
from storage.library import Library
from storage.models import Candidate, Document
from storage.scoring import library_rubric, weighted_total

CANDIDATE = "candidate"
UNASSIGNED = "unassigned"

RowKey = tuple[str, int]  # (CANDIDATE, candidate id) or (UNASSIGNED, document id)


@dataclass(frozen=True)
class ListRow:
    key: RowKey
    name: str  # "" when the documents give none
    email: str
    status: str
    shortlisted: bool
    score: float | None  # the weighted total (storage.scoring)
    cvs: int
    statements: int
    degree: str
    institution: str
    publications: int
    first_author: int
    tags: tuple[str, ...]
    imported: str  # ISO timestamp of the first document
    file_names: tuple[str, ...]
    rank: int | None = None  # on the ranked shortlist (the review's rank)
    top_venues: str = ""  # "NeurIPS×2, ACL" (storage.insight)

    @property
    def is_unassigned(self) -> bool:
        return self.key[0] == UNASSIGNED

    @property
    def record_id(self) -> int:
        return self.key[1]

    @property
    def haystack(self) -> str:
        parts = (self.name, self.email, self.status, self.degree, self.institution)
        return fold(" ".join((*parts, *self.tags, *self.file_names)))


def fold(text: str) -> str:
    """Lower case without accents, so "muller" finds "Müller"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Facts:
    kind: str
    imported: str
    file_name: str
    source_path: str


class DocumentFacts:
    """Kind, import time, file name and origin of each document, read once. A document's
    facts never change (a re-parse may change its kind: `forget` it, or reload)."""

    def __init__(self) -> None:
        self._facts: dict[int, Facts] = {}

    def get(self, library: Library, document_id: int) -> Facts:
        facts = self._facts.get(document_id)
        if facts is None:
            facts = self.remember(library.document(document_id))
        return facts

    def remember(self, doc: Document) -> Facts:
        facts = Facts(doc.kind, doc.imported, doc.file_name, doc.source_path)
        self._facts[doc.id] = facts
        return facts

    def forget(self, document_ids: Iterable[int]) -> None:
        for document_id in document_ids:
            self._facts.pop(document_id, None)

    def clear(self) -> None:
        self._facts.clear()

    def source_paths(self) -> set[str]:
        """Where the documents seen so far were imported from (for the file browser)."""
        return {f.source_path for f in self._facts.values() if f.source_path}


# --------------------------------------------------------------------------- rows


def all_rows(library: Library, facts: DocumentFacts) -> list[ListRow]:
    rows = [
        candidate_row_from(library, library.candidate(s.id), facts) for s in library.candidates()
    ]
    rows.extend(_unassigned_row(doc, facts) for doc in library.unassigned_documents())
    return rows


def row_for(library: Library, key: RowKey, facts: DocumentFacts) -> ListRow | None:
    """The row as the library has it now, or None when the record is gone (or assigned)."""
    kind, record_id = key
    try:
        if kind == CANDIDATE:
            return candidate_row_from(library, library.candidate(record_id), facts)
        doc = library.document(record_id)
    except UnknownIdError:
        return None
    return _unassigned_row(doc, facts) if doc.candidate_id is None else None


def candidate_row_from(
    library: Library,
    candidate: Candidate,
    facts: DocumentFacts,
    insight: PublicationInsight | None = None,
) -> ListRow:
    insight = candidate_insight(candidate) if insight is None else insight
    docs = [facts.get(library, d) for d in candidate.document_ids]
    profile = candidate.profile
    degree, institution = latest_degree(profile.education)
    name = candidate.name or ""
    return ListRow(
        key=(CANDIDATE, candidate.id),
        name=name,
        email=profile.emails[0].text if profile.emails else "",
        status=candidate.review.status,
        shortlisted=candidate.review.shortlisted,
        score=weighted_total(candidate.review.scores, library_rubric(library)),
        cvs=sum(d.kind == "cv" for d in docs),
        statements=sum(d.kind == "statement" for d in docs),
        degree=degree,
        institution=institution,
        publications=len(profile.publications),
        first_author=insight.first_author,  # the exports' rule, as the search's firstauthor:
        tags=candidate.review.tags,
        imported=min((d.imported for d in docs), default=candidate.created),
        file_names=tuple(d.file_name for d in docs),
        rank=candidate.review.rank,
        top_venues=insight.top_venues(),
    )


def _unassigned_row(doc: Document, facts: DocumentFacts) -> ListRow:
    facts.remember(doc)
    profile: Profile = doc.profile
    return ListRow(
        key=(UNASSIGNED, doc.id),
        name="",
        email=profile.emails[0].text if profile.emails else "",
        status=UNASSIGNED,
        shortlisted=False,
        score=None,
        cvs=int(doc.kind == "cv"),
        statements=int(doc.kind == "statement"),
        degree="",
        institution="",
        publications=len(profile.publications),
        first_author=0,
        tags=(),
        imported=doc.imported,
        file_names=(doc.file_name,),
    )


# --------------------------------------------------------------------------- education

_YEAR = re.compile(r"(19|20)\d\d")
_ONGOING = re.compile(r"present|current|now|expected|ongoing|today", re.IGNORECASE)


def _end_year(entry: Education) -> int:
    text = entry.end or ""
    if _ONGOING.search(text):
        return 9999
    years = [int(m.group(0)) for m in _YEAR.finditer(text)]
    return max(years, default=0)


_ACADEMIC = re.compile(
    r"\b(ph\.?\s?d|d\.?\s?phil|doctor|doctorate|m\.?\s?sc|m\.?\s?s|m\.?\s?a|m\.?\s?eng|"
    r"m\.?\s?phil|mres|mba|master|b\.?\s?sc|b\.?\s?s|b\.?\s?a|b\.?\s?eng|bachelor|licen[cs]|"
    r"diplom|硕士|博士|学士)",
    re.IGNORECASE,
)


def latest_degree(education: Sequence[Education]) -> tuple[str, str]:
    """(degree, institution) of the academic degree that ends last (ongoing counts as
    latest). Accreditations ("A.Stat.") and entries without a degree are only fallbacks."""
    entries = (
        [e for e in education if e.degree and _ACADEMIC.search(e.degree)]
        or [e for e in education if e.degree]
        or [e for e in education if e.institution]
    )
    if not entries:
        return "", ""
    # max() keeps the first of equal keys: CVs usually list the newest entry first.
    latest = max(entries, key=_end_year)
    return latest.degree or "", latest.institution or ""


# --------------------------------------------------------------------------- authorship


def _name_parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s.\-]+", fold(name)) if p]


def _author_surname_and_initials(author: str) -> tuple[str, str]:
    author = re.sub(r"[*†‡§¶#0-9]", "", author).strip()
    if "," in author:  # "Hyndman, R. J."
        surname, _, given = author.partition(",")
        given_parts = _name_parts(given)
        surname_parts = _name_parts(surname)
    else:  # "R. J. Hyndman", "RJ Hyndman", "Rob J Hyndman"
        parts = _name_parts(author)
        if not parts:
            return "", ""
        surname_parts, given_parts = parts[-1:], parts[:-1]
    initials = "".join(p[0] for p in given_parts)
    return (surname_parts[-1] if surname_parts else ""), initials


def is_same_person(candidate_name: str, author: str) -> bool:
    """Surname equal and first initials compatible ("Rob J Hyndman" ~ "Hyndman, RJ")."""
    parts = _name_parts(candidate_name)
    surname, initials = _author_surname_and_initials(author)
    if not parts or not surname:
        return False
    if surname != parts[-1] and surname != parts[0]:  # also family-name-first orders
        return False
    given = parts[:-1] if surname == parts[-1] else parts[1:]
    return not initials or not given or initials[0] == given[0][0]


def first_author_count(candidate_name: str, publications: Iterable[Publication]) -> int:
    if not candidate_name:
        return 0
    return sum(
        1 for p in publications if p.authors and is_same_person(candidate_name, p.authors[0])
    )
