"""The candidate list's columns: title, text, sort key, width, shown by default.

Every text is a plain string taken from a `ListRow`; nothing here is ever rendered as
markup. A sort key of None means "empty": empties sort last in either direction. Tags,
import date and email start hidden so the default fits beside the profile pane on a
1440-pixel screen; the header's context menu brings them back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from storage.queries import ListRow

STATUS_LABELS = {
    "new": "New",
    "reviewing": "Reviewing",
    "maybe": "Maybe",
    "shortlisted": "Shortlisted",
    "rejected": "Rejected",
    "unassigned": "Unassigned",
}


class Col(IntEnum):
    SHORTLISTED = 0
    NAME = 1
    STATUS = 2
    SCORE = 3
    DOCUMENTS = 4
    DEGREE = 5
    INSTITUTION = 6
    PUBLICATIONS = 7
    FIRST_AUTHOR = 8
    TAGS = 9
    IMPORTED = 10
    EMAIL = 11
    TOP_VENUES = 12
    RANK = 13


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[ListRow], str]
    key: Callable[[ListRow], Any]
    width: int
    visible: bool = True
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    tip: str = ""


def display_name(row: ListRow) -> str:
    """The name, else the email, else (for a document nobody claims) its file name."""
    if row.name:
        return row.name
    if row.is_unassigned:
        return row.file_names[0] if row.file_names else "Unassigned document"
    return row.email or "(no name)"


def natural(text: str) -> tuple:
    """A sort key that puts "Candidate 9" before "Candidate 10" (blind review's aliases)."""
    parts = re.split(r"(\d+)", text.casefold())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts))


def documents_text(row: ListRow) -> str:
    parts = []
    for count, what in ((row.cvs, "CV"), (row.statements, "statement")):
        if count:
            parts.append(what if count == 1 else f"{count} {what}s")
    return " + ".join(parts) or "other"


def _score_text(row: ListRow) -> str:
    return f"{row.score:.1f}" if row.score is not None else ""


def _count_text(value: int, row: ListRow) -> str:
    # Statements do not list publications: a 0 would read as "none", blank says "not known".
    return str(value) if row.cvs and not row.is_unassigned else ""


def _empty_last(value: Any) -> Any:
    return value if value not in ("", None) else None


_RIGHT = Qt.AlignmentFlag.AlignRight
_CENTER = Qt.AlignmentFlag.AlignHCenter

COLUMNS: dict[Col, Column] = {
    Col.SHORTLISTED: Column(
        "★",
        lambda r: "",
        lambda r: 0 if r.shortlisted else None,
        30,
        align=_CENTER,
        tip="Shortlisted",
    ),
    Col.NAME: Column("Name", display_name, lambda r: natural(display_name(r)), 170),
    Col.STATUS: Column(
        "Status", lambda r: STATUS_LABELS.get(r.status, r.status), lambda r: r.status, 92
    ),
    Col.SCORE: Column("Score", _score_text, lambda r: r.score, 50, align=_RIGHT),
    Col.DOCUMENTS: Column("Documents", documents_text, documents_text, 118),
    Col.DEGREE: Column(
        "Degree", lambda r: r.degree, lambda r: _empty_last(r.degree.casefold()), 84
    ),
    Col.INSTITUTION: Column(
        "Institution",
        lambda r: r.institution,
        lambda r: _empty_last(r.institution.casefold()),
        160,
    ),
    Col.PUBLICATIONS: Column(
        "Pubs",
        lambda r: _count_text(r.publications, r),
        lambda r: r.publications,
        44,
        align=_RIGHT,
        tip="Publications listed",
    ),
    Col.FIRST_AUTHOR: Column(
        "1st",
        lambda r: _count_text(r.first_author, r),
        lambda r: r.first_author,
        36,
        align=_RIGHT,
        tip="Publications where the candidate is the first author",
    ),
    Col.TAGS: Column(
        "Tags",
        lambda r: ", ".join(r.tags),
        lambda r: _empty_last(", ".join(r.tags)),
        110,
        visible=False,
    ),
    Col.IMPORTED: Column(
        "Imported", lambda r: r.imported[:10], lambda r: r.imported, 86, visible=False
    ),
    Col.EMAIL: Column(
        "Email", lambda r: r.email, lambda r: _empty_last(r.email.casefold()), 200, visible=False
    ),
    Col.TOP_VENUES: Column(
        "Top venues",
        lambda r: r.top_venues,
        lambda r: _empty_last(r.top_venues.casefold()),
        120,
        tip="Recognised venues the candidate published at, most often first",
    ),
    # The model writes the Rank cells: a tie ("=2") depends on the other rows.
    Col.RANK: Column(
        "Rank",
        lambda r: "",
        lambda r: r.rank if r.shortlisted else None,
        56,
        visible=False,
        align=_RIGHT,
        tip="Place on the ranked shortlist (=2: a tie)",
    ),
}
