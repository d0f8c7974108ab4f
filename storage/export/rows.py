"""A candidate as one flat row of named columns: what CSV and XLSX write, one column each.

`COLUMNS` is the one list of what can be exported, with labels and defaults (the export
dialog's checklist and `--columns` both read it). "criteria" stands for one column per
scored criterion, so a rubric change never needs a code change here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from storage.export.facts import latest_degree, publication_counts
from storage.export.selection import Entry

CellValue = str | int | float | None
Getter = Callable[[Entry], CellValue]
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    get: Getter
    default: bool = True
    kind: str = "text"  # text | number | long | links | emails
    identifying: bool = False  # never in an anonymised export


def _join(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(v for v in values if v)


def _texts(entry: Entry, field: str) -> str:
    return _join(v.text for v in getattr(entry.candidate.profile, field))


def _pubs(entry: Entry, key: str) -> int:
    # Anonymised, the alias stands for the person in the author lists.
    name = entry.alias if entry.anonymised else entry.candidate.name
    return publication_counts(name, entry.candidate.profile.publications)[key]


def _imported(entry: Entry) -> str:
    stamps = [d.imported for d in entry.documents] or [entry.candidate.created]
    return min(stamps)[:10]


def _position(entry: Entry) -> str:
    jobs = entry.candidate.profile.experience
    if not jobs:
        return ""
    return ", ".join(p for p in (jobs[0].title, jobs[0].organization) if p)


COLUMNS: tuple[Column, ...] = (
    Column("rank", "Rank", lambda e: e.position, kind="number"),
    Column("name", "Name", lambda e: e.display_name),
    Column("status", "Status", lambda e: e.candidate.review.status),
    Column("shortlisted", "Shortlisted", lambda e: "yes" if e.candidate.review.shortlisted else ""),
    Column("score", "Score", lambda e: e.total, kind="number"),
    Column("criteria", "Scores by criterion", lambda e: None, kind="number"),
    Column("emails", "Emails", lambda e: _texts(e, "emails"), kind="emails", identifying=True),
    Column("phones", "Phones", lambda e: _texts(e, "phones"), identifying=True),
    Column("links", "Links", lambda e: _texts(e, "links"), kind="links", identifying=True),
    Column("degree", "Latest degree", lambda e: latest_degree(e.candidate.profile.education)[0]),
    Column("institution", "Institution", lambda e: latest_degree(e.candidate.profile.education)[1]),
    Column("position", "Current position", _position, default=False),
    Column("publications", "Publications", lambda e: _pubs(e, "total"), kind="number"),
    Column("first_author", "First-author", lambda e: _pubs(e, "first_author"), kind="number"),
    Column("peer_reviewed", "Peer-reviewed", lambda e: _pubs(e, "peer_reviewed"), kind="number"),
    Column("interests", "Research interests", lambda e: _texts(e, "research_interests"), False),
    Column("skills", "Skills", lambda e: _texts(e, "skills"), default=False),
    Column("tags", "Tags", lambda e: _join(e.candidate.review.tags)),
    Column("notes", "Notes", lambda e: e.candidate.review.notes, kind="long"),
    Column(
        "documents",
        "Documents",
        lambda e: _join(d.file_name for d in e.documents),
        identifying=True,
    ),
    Column("imported", "Imported", _imported),
    Column("id", "ID", lambda e: e.candidate.id, default=False, kind="number"),
)
BY_KEY = {c.key: c for c in COLUMNS}
DEFAULT_KEYS: tuple[str, ...] = tuple(c.key for c in COLUMNS if c.default)
CRITERION_PREFIX = "score:"


def _criterion_column(criterion: str) -> Column:
    def get(entry: Entry) -> CellValue:
        score = entry.candidate.review.scores.get(criterion)
        return score.value if score else None

    return Column(CRITERION_PREFIX + criterion, criterion, get, kind="number")


def resolve_columns(
    keys: Sequence[str] | None, criteria: Sequence[str], anonymised: bool = False
) -> list[Column]:
    """The columns to write, in registry order; "criteria" becomes one per criterion.
    Unknown keys raise ValueError; identifying columns are left out when anonymised."""
    wanted = list(keys) if keys is not None else list(DEFAULT_KEYS)
    unknown = [k for k in wanted if k not in BY_KEY]
    if unknown:
        known = ", ".join(BY_KEY)
        raise ValueError(f"unknown column {', '.join(unknown)} (known: {known})")
    out: list[Column] = []
    for column in COLUMNS:
        if column.key not in wanted or (anonymised and column.identifying):
            continue
        if column.key == "criteria":
            out.extend(_criterion_column(c) for c in criteria)
        else:
            out.append(column)
    return out


def row_values(entry: Entry, columns: Sequence[Column]) -> list[CellValue]:
    return [column.get(entry) for column in columns]


def header(columns: Sequence[Column]) -> list[str]:
    return [column.label for column in columns]


def link_targets(entry: Entry, column: Column) -> list[str]:
    """The raw link texts behind a links/emails cell (the XLSX writer makes them clickable)."""
    field = {"links": "links", "emails": "emails"}.get(column.kind)
    if field is None:
        return []
    return [v.text for v in getattr(entry.candidate.profile, field)]
