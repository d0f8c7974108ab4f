"""Publication insight: what a candidate's publication list says at a glance.

API (no Qt; for the list columns, the search index, the profile pane and the compare view):

    from storage.insight import publication_insight, candidate_insight

    insight = candidate_insight(candidate)            # a storage.models.Candidate
    insight = publication_insight(name, publications)  # any name + parsing Publications

    insight.total            # publications listed
    insight.first_author     # where the candidate is the first author
    insight.peer_reviewed    # published or accepted at a venue that is not a preprint server
    insight.under_review     # status "under review" (submitted, in revision)
    insight.preprints        # status "preprint" (arXiv and kin)
    insight.in_preparation   # status "in preparation"
    insight.other            # published, but a thesis, report or preprint venue
    insight.venues           # (("NeurIPS", 2), ("ACL", 1)): recognised venues, most first
    insight.areas            # (("ML", 2), ("NLP", 1)): fields of those venues, most first
    insight.years            # publication years, as listed (None left out)
    insight.papers           # one PaperInsight per publication, in the CV's order
    insight.top_venues()     # "NeurIPS×2, ACL" (the list column's text)

    paper.position           # 1-based place of the candidate among the authors, or None
    paper.authors            # how many authors
    paper.category           # "peer-reviewed" | "under review" | "preprint" |
                             # "in preparation" | "other"
    paper.venue_acronym, paper.venue_area   # from resources/venues.json, or None

The candidate is found among the authors with `storage.export.facts.is_same_person`
("Hyndman, R. J." and "Rob J Hyndman" are one person), the same rule the exports use.
Venues are recognised by `parsing.fields.venues.recognise`, behind a cache and a one-regex
pre-check: recognise() tries every listed name in turn, ~0.3 ms a venue, and a list of
5,000 candidates holds ~25,000 venue strings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from parsing.fields.venues import load_venues, recognise
from parsing.models import Publication
from storage.export.facts import is_peer_reviewed, is_same_person
from storage.models import Candidate
from storage.query import fold

PEER_REVIEWED = "peer-reviewed"
UNDER_REVIEW = "under review"
PREPRINT = "preprint"
IN_PREPARATION = "in preparation"
OTHER = "other"
_BY_STATUS = {"under review": UNDER_REVIEW, "preprint": PREPRINT, "in preparation": IN_PREPARATION}


@dataclass(frozen=True)
class PaperInsight:
    title: str
    venue: str
    year: int | None
    category: str
    position: int | None
    authors: int
    venue_acronym: str | None
    venue_area: str | None


@dataclass(frozen=True)
class PublicationInsight:
    total: int = 0
    first_author: int = 0
    peer_reviewed: int = 0
    under_review: int = 0
    preprints: int = 0
    in_preparation: int = 0
    other: int = 0
    venues: tuple[tuple[str, int], ...] = ()
    areas: tuple[tuple[str, int], ...] = ()
    years: tuple[int, ...] = ()
    papers: tuple[PaperInsight, ...] = ()

    def top_venues(self, limit: int = 3) -> str:
        """ "NeurIPS×2, ACL": the most frequent recognised venues."""
        shown = self.venues[:limit]
        return ", ".join(f"{name}×{n}" if n > 1 else name for name, n in shown)


def candidate_insight(candidate: Candidate) -> PublicationInsight:
    return publication_insight(candidate.name, candidate.profile.publications)


def publication_insight(
    name: str | None, publications: Iterable[Publication]
) -> PublicationInsight:
    papers = tuple(paper_insight(name, p) for p in publications)
    categories = Counter(p.category for p in papers)
    return PublicationInsight(
        total=len(papers),
        first_author=sum(p.position == 1 for p in papers),
        peer_reviewed=categories[PEER_REVIEWED],
        under_review=categories[UNDER_REVIEW],
        preprints=categories[PREPRINT],
        in_preparation=categories[IN_PREPARATION],
        other=categories[OTHER],
        venues=_most_first(p.venue_acronym for p in papers),
        areas=_most_first(p.venue_area for p in papers),
        years=tuple(p.year for p in papers if p.year is not None),
        papers=papers,
    )


def paper_insight(name: str | None, publication: Publication) -> PaperInsight:
    venue = recognised_venue(publication.venue)
    return PaperInsight(
        title=publication.title or "",
        venue=publication.venue or "",
        year=publication.year,
        category=category(publication),
        position=author_position(name, publication.authors),
        authors=len(publication.authors),
        venue_acronym=venue[0] if venue else None,
        venue_area=venue[1] if venue else None,
    )


def category(publication: Publication) -> str:
    if publication.status in _BY_STATUS:
        return _BY_STATUS[publication.status]
    return PEER_REVIEWED if is_peer_reviewed(publication) else OTHER


def author_position(name: str | None, authors: Iterable[str]) -> int | None:
    """1-based position of `name` among `authors`, or None when it is not found."""
    if not name:
        return None
    ends = _name_ends(name)
    for position, author in enumerate(authors, start=1):
        if _could_be(ends, author) and is_same_person(name, author):
            return position
    return None


# is_same_person() folds both names per call (a per-character loop): ~70 % of the time of
# an insight went there. It only says yes when the author, marks and spaces removed, holds
# the first or the last part of the name, which a plain substring test rules out first.
_MARKS = re.compile(r"[*†‡§¶#0-9]")
_SEPARATORS = re.compile(r"[\s.\-]+")


def _name_ends(name: str) -> tuple[str, ...]:
    parts = [p for p in _SEPARATORS.split(fold(name)) if p]
    return (parts[0], parts[-1]) if parts else ()


def _could_be(ends: tuple[str, ...], author: str) -> bool:
    # Both spellings is_same_person() compares: marks removed (a surname) or not (a name
    # written without spaces, compared whole).
    for squeezed in (_MARKS.sub("", author), author):
        folded = fold(squeezed).replace(" ", "")
        if any(end in folded for end in ends):
            return True
    return False


def _most_first(values: Iterable[str | None]) -> tuple[tuple[str, int], ...]:
    counts = Counter(v for v in values if v)
    # Equal counts keep the CV's order (Counter remembers insertion order).
    return tuple(sorted(counts.items(), key=lambda item: -item[1]))


# --------------------------------------------------------------------------- venues


@lru_cache(maxsize=65536)
def recognised_venue(venue: str | None) -> tuple[str, str] | None:
    """`recognise(venue)`, fast for the many venue strings that name no listed venue."""
    if not venue or not _could_name_a_venue().search(venue.casefold()):
        return None
    return recognise(venue)


@cache
def _could_name_a_venue() -> re.Pattern[str]:
    """Matches wherever one of recognise()'s own per-name tests would (a pre-check only:
    the answer still comes from recognise())."""
    keys = load_venues()
    short = sorted((re.escape(k) for k in keys if len(k) <= 8), key=len, reverse=True)
    long = sorted((re.escape(k) for k in keys if len(k) > 8), key=len, reverse=True)
    parts = []
    if short:
        parts.append(rf"(?<![\w-])(?:{'|'.join(short)})(?:(?![\w-])|(?=\d))")
    if long:
        parts.append(f"(?:{'|'.join(long)})")
    return re.compile("|".join(parts) or r"(?!)")
