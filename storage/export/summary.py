"""A candidate as a committee reads them, in short labelled pieces of plain text: shared by
the Markdown summary and the PDF report, so both say the same thing the same way."""

from __future__ import annotations

from collections.abc import Sequence

from parsing.models import Award, Education, Experience, Publication
from storage.export.facts import is_first_author, latest_degree, publication_counts
from storage.export.selection import Entry

MAX_LIST_ITEMS = 12  # skills and interests: the first dozen say enough


def fmt_score(total: float | None) -> str:
    return "–" if total is None else f"{total:.2f}"


def _short_list(items: Sequence[str]) -> str:
    shown = ", ".join(items[:MAX_LIST_ITEMS])
    more = len(items) - MAX_LIST_ITEMS
    return f"{shown} (+{more} more)" if more > 0 else shown


def own_name(entry: Entry) -> str | None:
    return entry.alias if entry.anonymised else entry.candidate.name


def publications_fact(entry: Entry) -> str:
    counts = publication_counts(own_name(entry), entry.candidate.profile.publications)
    if not counts["total"]:
        return "none listed"
    return (
        f"{counts['total']} ({counts['first_author']} first-author, "
        f"{counts['peer_reviewed']} peer-reviewed)"
    )


def degree_fact(entry: Entry) -> str:
    degree, institution = latest_degree(entry.candidate.profile.education)
    return ", ".join(p for p in (degree, institution) if p)


def position_fact(entry: Entry) -> str:
    jobs = entry.candidate.profile.experience
    return experience_line(jobs[0]) if jobs else ""


def status_text(entry: Entry) -> str:
    review = entry.candidate.review
    listed = review.shortlisted and review.status != "shortlisted"
    return review.status + (", on the shortlist" if listed else "")


def facts(entry: Entry) -> list[tuple[str, str]]:
    """(label, text) pairs for a candidate's header; empty ones are left out."""
    profile, review = entry.candidate.profile, entry.candidate.review
    pairs = [
        ("Score", fmt_score(entry.total)),
        ("Status", status_text(entry)),
        ("Emails", ", ".join(v.text for v in profile.emails)),
        ("Phones", ", ".join(v.text for v in profile.phones)),
        ("Links", ", ".join(v.text for v in profile.links)),
        ("Latest degree", degree_fact(entry)),
        ("Current position", position_fact(entry)),
        ("Publications", publications_fact(entry)),
        ("Research interests", _short_list([v.text for v in profile.research_interests])),
        ("Skills", _short_list([v.text for v in profile.skills])),
        ("Tags", ", ".join(review.tags)),
    ]
    return [(label, text) for label, text in pairs if text]


def _span(start: str | None, end: str | None) -> str:
    if start and end:
        return f"{start} – {end}"
    return start or end or ""


def education_line(e: Education) -> str:
    what = ", ".join(p for p in (e.degree, e.field) if p)
    text = " — ".join(p for p in (what, e.institution) if p)
    span = _span(e.start, e.end)
    return f"{text} ({span})" if span and text else text or span


def experience_line(e: Experience) -> str:
    text = ", ".join(p for p in (e.title, e.organization) if p)
    span = _span(e.start, e.end)
    return f"{text} ({span})" if span and text else text or span


def award_line(a: Award) -> str:
    return ", ".join(str(x) for x in (a.title, a.year) if x)


def publication_line(pub: Publication) -> tuple[str, str, str]:
    """(title, authors, where: venue, year and status when not simply published)."""
    where = ", ".join(str(p) for p in (pub.venue, pub.year) if p)
    if pub.status and pub.status != "published":
        where = f"{where} ({pub.status})" if where else pub.status
    return pub.title or "(untitled)", ", ".join(pub.authors), where


def first_author_mark(entry: Entry, pub: Publication) -> bool:
    return is_first_author(own_name(entry), pub)


def score_rows(entry: Entry, criteria: Sequence[str]) -> list[tuple[str, str, bool]]:
    """(criterion, score, given blind) for every criterion of the export; "–" if unscored."""
    scores = entry.candidate.review.scores
    rows = []
    for criterion in criteria:
        score = scores.get(criterion)
        rows.append((criterion, str(score.value) if score else "–", bool(score and score.blind)))
    return rows
