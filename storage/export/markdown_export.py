"""Markdown: a readable summary per candidate, for an email or a wiki page.

Every value from a document or the reviewer is escaped, so a title like `<img src=x>` or
`[click](javascript:…)` stays text in whatever renders the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from parsing.models import Publication
from storage.export.selection import Entry
from storage.export.summary import (
    award_line,
    education_line,
    experience_line,
    facts,
    first_author_mark,
    fmt_score,
    publication_line,
    score_rows,
)

# Inline Markdown only: values never start a line (a label, bullet or cell comes first).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&])")


def md(text: object) -> str:
    """Plain text as Markdown text: punctuation escaped, line breaks kept as spaces."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def markdown_text(entries: Sequence[Entry], criteria: Sequence[str], title: str) -> str:
    out = [f"# {md(title)}", "", f"{_when()} · {len(entries)} candidates, in rank order.", ""]
    out += _overview(entries)
    for entry in entries:
        out += ["", "---", "", *_candidate(entry, criteria)]
    return "\n".join(out).rstrip() + "\n"


def _when() -> str:
    return date.today().isoformat()


def _overview(entries: Sequence[Entry]) -> list[str]:
    lines = ["| Rank | Name | Score | Status |", "|---:|---|---:|---|"]
    for e in entries:
        status = e.candidate.review.status
        lines.append(f"| {e.position} | {md(e.display_name)} | {fmt_score(e.total)} | {status} |")
    return lines


def _candidate(entry: Entry, criteria: Sequence[str]) -> list[str]:
    profile = entry.candidate.profile
    out = [f"## {entry.position}. {md(entry.display_name)}", ""]
    out += [f"- **{label}:** {md(text)}" for label, text in facts(entry)]
    rows = score_rows(entry, criteria)
    if any(value != "–" for _, value, _ in rows):
        out += ["", "### Scores", "", "| Criterion | Score |", "|---|---:|"]
        out += [f"| {md(c)} | {v}{' (blind)' if blind else ''} |" for c, v, blind in rows]
    out += _section("Education", [md(education_line(e)) for e in profile.education])
    out += _section("Experience", [md(experience_line(e)) for e in profile.experience])
    out += _section("Publications", [_publication(entry, p) for p in profile.publications], True)
    out += _section("Awards", [md(award_line(a)) for a in profile.awards])
    notes = entry.candidate.review.notes.strip()
    if notes:
        out += ["", "### Notes", ""] + [
            f"> {md(line)}" if line.strip() else ">" for line in notes.splitlines()
        ]
    return out


def _publication(entry: Entry, pub: Publication) -> str:
    title, authors, where = publication_line(pub)
    mark = " **(first author)**" if first_author_mark(entry, pub) else ""
    parts = [f"*{md(title)}*", md(authors), md(where)]
    return ". ".join(p for p in parts if p) + mark


def _section(title: str, items: list[str], numbered: bool = False) -> list[str]:
    items = [i for i in items if i]
    if not items:
        return []
    bullet = [f"{n}. " if numbered else "- " for n in range(1, len(items) + 1)]
    return ["", f"### {title}", ""] + [b + i for b, i in zip(bullet, items, strict=True)]


def write_markdown(text: str, path: Path) -> None:
    path.write_text(text, encoding="utf-8")
