"""What Compare shows: one column per candidate, the same facts on every row, so the eye
reads across. No Qt.

Rows: status, weighted total and each criterion of the rubric, latest degree and
institution, publication insight (total, first-author, peer-reviewed, under review or
preprint, top venues), key publications, awards, tags and notes. The best value of a
numeric row is marked, so a glance finds who leads where. In blind review every text goes
through the caller's mask and the name is the alias.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storage.insight import PEER_REVIEWED, PaperInsight, candidate_insight
from storage.models import Candidate
from storage.queries import latest_degree  # the list's rule: academic degrees first
from storage.rubric import Rubric
from storage.scoring import weighted_total
from ui.models.columns import STATUS_LABELS

KEY_PAPERS = 3
AWARDS = 4
Mask = Callable[[int, str], str]  # (candidate id, text) -> what may be shown


@dataclass(frozen=True)
class CompareRow:
    label: str
    cells: tuple[str, ...]
    best: frozenset[int] = frozenset()  # columns holding the row's best value
    section: bool = False  # a heading row ("Scores", "Publications")


def _best(values: Sequence[float | None]) -> frozenset[int]:
    present = [v for v in values if v is not None]
    if len(present) < 2 or len(set(present)) == 1:
        return frozenset()
    top = max(present)
    return frozenset(i for i, v in enumerate(values) if v == top)


def _counts(candidates: Sequence[Candidate], values: Sequence[int]) -> list[int | None]:
    # Statements list no publications: "–" (not known), not 0 (none), as in the list.
    return [v if c.profile.kind == "cv" else None for c, v in zip(candidates, values, strict=True)]


def _number_row(label: str, values: Sequence[float | None], fmt: str = "{:g}") -> CompareRow:
    cells = tuple(fmt.format(v) if v is not None else "–" for v in values)
    return CompareRow(label, cells, _best(values))


def _key_papers(papers: Sequence[PaperInsight]) -> list[PaperInsight]:
    """Peer-reviewed first-author papers first, then other peer-reviewed, then the rest."""

    def rank(p: PaperInsight) -> tuple:
        return (p.category != PEER_REVIEWED, p.position != 1, -(p.year or 0))

    return sorted(papers, key=rank)[:KEY_PAPERS]


def _paper_text(paper: PaperInsight) -> str:
    where = paper.venue_acronym or paper.venue
    bits = [b for b in (where, str(paper.year) if paper.year else "") if b]
    place = f"{paper.position}/{paper.authors} author" if paper.position else ""
    tail = ", ".join(b for b in (*bits, place) if b)
    return f"• {paper.title}" + (f" ({tail})" if tail else "")


def compare_rows(
    candidates: Sequence[Candidate],
    rubric: Rubric,
    name_for: Callable[[Candidate], str],
    mask: Mask | None = None,
) -> list[CompareRow]:
    show = mask or (lambda _cid, text: text)

    def texts(values: Sequence[str]) -> tuple[str, ...]:
        return tuple(show(c.id, v) for c, v in zip(candidates, values, strict=True))

    reviews = [c.review for c in candidates]
    insights = [candidate_insight(c) for c in candidates]
    degrees = [latest_degree(c.profile.education) for c in candidates]
    rows = [
        CompareRow("Candidate", tuple(name_for(c) for c in candidates)),
        CompareRow("Status", tuple(_status(r.status, r.shortlisted) for r in reviews)),
        CompareRow("Scores", (), section=True),
        _number_row(
            "Total", [weighted_total(r.scores, rubric.weights()) for r in reviews], "{:.2f}"
        ),
    ]
    for criterion in rubric.criteria:
        values = [
            r.scores[criterion.key].value if criterion.key in r.scores else None for r in reviews
        ]
        rows.append(_number_row(criterion.label, values))
    rows += [
        CompareRow("Education", (), section=True),
        CompareRow("Latest degree", texts([d for d, _ in degrees])),
        CompareRow("Institution", texts([i for _, i in degrees])),
        CompareRow("Publications", (), section=True),
        _number_row("Listed", _counts(candidates, [i.total for i in insights])),
        _number_row("First author", _counts(candidates, [i.first_author for i in insights])),
        _number_row("Peer-reviewed", _counts(candidates, [i.peer_reviewed for i in insights])),
        _number_row(
            "Under review / preprint",
            _counts(candidates, [i.under_review + i.preprints for i in insights]),
        ),
        CompareRow("Top venues", tuple(i.top_venues() or "–" for i in insights)),
        CompareRow(
            "Key publications",
            texts(["\n".join(_paper_text(p) for p in _key_papers(i.papers)) for i in insights]),
        ),
        CompareRow("Review", (), section=True),
        CompareRow("Awards", texts([_awards(c) for c in candidates])),
        CompareRow("Tags", texts([", ".join(r.tags) for r in reviews])),
        CompareRow("Notes", texts([r.notes for r in reviews])),
    ]
    return rows


def _status(status: str, shortlisted: bool) -> str:
    label = STATUS_LABELS.get(status, status)
    return f"★ {label}" if shortlisted else label


def _awards(candidate: Candidate) -> str:
    awards = candidate.profile.awards[:AWARDS]
    lines = [f"• {a.title}" + (f" ({a.year})" if a.year else "") for a in awards if a.title]
    more = len(candidate.profile.awards) - AWARDS
    return "\n".join(lines + ([f"and {more} more"] if more > 0 else []))
