"""Key facts a committee asks for first, read from a profile: latest degree, how many
publications, how many as first author, how many peer-reviewed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from parsing.models import Education, Publication

_YEAR = re.compile(r"(?:19|20)\d\d")
_ONGOING = re.compile(r"present|current|now|expected|ongoing|today|至今|现在", re.IGNORECASE)
_NOT_REVIEWED = re.compile(
    r"arxiv|biorxiv|medrxiv|chemrxiv|psyarxiv|ssrn|preprint|working paper|technical report|"
    r"tech\. rep|thesis|dissertation|under review|submitted|in preparation|manuscript",
    re.IGNORECASE,
)
_AUTHOR_MARKS = re.compile(r"[*†‡§¶#0-9]")
_PARTS = re.compile(r"[\s.\-]+")


def _end_year(entry: Education) -> int:
    text = entry.end or ""
    if _ONGOING.search(text):
        return 9999
    return max((int(y) for y in _YEAR.findall(text)), default=0)


def latest_degree(education: Sequence[Education]) -> tuple[str, str]:
    """(degree, institution) of the entry that ends last; ongoing studies count as latest."""
    # An entry without a degree is often a visit or a membership: only a fallback.
    entries = [e for e in education if e.degree] or [e for e in education if e.institution]
    if not entries:
        return "", ""
    latest = max(entries, key=_end_year)  # the first of equals: CVs list the newest first
    degree = ", ".join(p for p in (latest.degree, latest.field) if p)
    return degree, latest.institution or ""


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _parts(name: str) -> list[str]:
    return [p for p in _PARTS.split(fold(name)) if p]


def _surname_and_given(author: str) -> tuple[str, list[str]]:
    author = _AUTHOR_MARKS.sub("", author).strip()
    if "," in author:  # "Hyndman, R. J."
        surname, _, given = author.partition(",")
        return (_parts(surname) or [""])[-1], _parts(given)
    parts = _parts(author)
    return (parts[-1], parts[:-1]) if parts else ("", [])


def is_same_person(name: str, author: str) -> bool:
    """Same surname and compatible first initials ("Rob J Hyndman" ~ "Hyndman, RJ");
    names without spaces (Chinese, Japanese) must match whole."""
    if not name or not author:
        return False
    parts = _parts(name)
    surname, given = _surname_and_given(author)
    if len(parts) < 2 or not surname:
        return bool(parts) and fold(name).replace(" ", "") == fold(author).replace(" ", "")
    if surname not in (parts[-1], parts[0]):  # also family-name-first order
        return False
    own_given = parts[:-1] if surname == parts[-1] else parts[1:]
    return not given or not own_given or given[0][0] == own_given[0][0]


def is_first_author(name: str | None, publication: Publication) -> bool:
    return bool(name and publication.authors and is_same_person(name, publication.authors[0]))


def is_peer_reviewed(publication: Publication) -> bool:
    """Published or accepted, at a venue that is not a preprint server, thesis or report."""
    if publication.status not in ("published", "accepted"):
        return False
    return not _NOT_REVIEWED.search(publication.venue or "")


def publication_counts(name: str | None, publications: Iterable[Publication]) -> dict[str, int]:
    pubs = list(publications)
    return {
        "total": len(pubs),
        "first_author": sum(is_first_author(name, p) for p in pubs),
        "peer_reviewed": sum(is_peer_reviewed(p) for p in pubs),
    }


def split_name(name: str | None) -> tuple[str, str]:
    """(last, first) for file names: "Hyndman, Rob J" and "Rob J Hyndman" both give
    ("Hyndman", "Rob J"); a name written without spaces (于海鑫) stays whole."""
    if not name or not name.strip():
        return "", ""
    if "," in name:
        last, _, first = name.partition(",")
        return last.strip(), first.strip()
    words = name.split()
    return (words[-1], " ".join(words[:-1])) if len(words) > 1 else (words[0], "")
