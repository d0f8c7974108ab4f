"""Experience entries: one per (organization, title) with its dates.

An entry's header is a few short lines (or one line in columns) carrying the organization,
the role and the dates, in any order; bullets and sentences after it are its description.
Several roles under one organization ("BBC" then "Senior Engineer", "Web Developer")
inherit the organization.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.fields.dates import find_date_ranges, strip_dates
from parsing.fields.entries import (
    ROLE,
    clean_value,
    columns,
    detail_mask,
    evidence_of,
    has_institution,
    has_organization,
    has_role,
    is_location,
    merge_split_ranges,
    strip_bullet,
    trim_place,
)
from parsing.models import Experience, Line

_AS_ROLE = re.compile(
    r"(?i)\b(?:as|worked as|joined as|serving as|作为)\s+(?:an?\s+|the\s+)?"
    r"((?:[\w-]+\s+){0,3}?(?:intern|engineer|developer|scientist|researcher|assistant|fellow|"
    r"consultant|analyst|postdoc|lecturer|instructor))\b"
)
_DEPARTMENT_PART = re.compile(r"(?i)^(?:department|dept\.?|school|faculty|division|institute) of\b")
# "Research Intern at X", "Stagiaire au LSEET", "Mitarbeiter an der Universität X"
_AT = re.compile(
    r"\s+(?:at|@|in|au|aux|chez|bei|an der|am|en el|en la)\s+|\s+à\s+(?:l['’])?|"
    r"\s+à\s+|,\s+"
)


@dataclass
class _Draft:
    lines: list[Line] = field(default_factory=list)
    organization: str | None = None
    title: str | None = None
    start: str | None = None
    end: str | None = None
    description: list[str] = field(default_factory=list)
    inherited: bool = False

    def has_header(self) -> bool:
        return bool(self.organization or self.title)


def parse_experience(lines: list[Line]) -> list[Experience]:
    drafts: list[_Draft] = [_Draft()]
    lines = merge_split_ranges(lines)
    for line, detail in zip(lines, detail_mask(lines), strict=True):
        _absorb(drafts, line, detail)
    return [_finish(d) for d in drafts if d.has_header() and (d.start or d.end or d.title)]


def _absorb(drafts: list[_Draft], line: Line, detail: bool) -> None:
    text = strip_bullet(line.text)
    current = drafts[-1]
    if detail or _course_line(text):
        if _course_line(text):
            _course_dates(current, text)
        current.description.append(text)
        current.lines.append(line)
        return
    ranges = find_date_ranges(text)
    rest = strip_dates(text) if ranges else text
    org, title = _split_header(rest)
    if org and title and current.organization and not current.title and not current.start:
        org = None  # "Research Intern in Robotics Group" under its organization line
    if _starts_new(current, org, title, bool(ranges)):
        drafts.append(_Draft())
        previous, current = current, drafts[-1]
        if not org and previous.organization and title:
            current.organization, current.inherited = previous.organization, True
    current.lines.append(line)
    if ranges and current.start is None and current.end is None:
        current.start, current.end = ranges[0].start, ranges[0].end
    elif not org and not title and not ranges:
        current.description.append(text)
    if org and (current.organization is None or current.inherited):
        current.organization, current.inherited = org, False
    current.title = current.title or title


def _starts_new(current: _Draft, org: str | None, title: str | None, dated: bool) -> bool:
    if not current.has_header() and not current.start:
        return False
    if org and current.organization and not current.inherited:
        return True
    if title and current.title:
        return True
    if dated and (current.start or current.end) and current.has_header():
        return True  # dates that open the next entry ("Jan 2019 – Present" above its role)
    return bool(current.description and current.has_header() and (org or title))


def _split_header(text: str) -> tuple[str | None, str | None]:
    """(organization, title) from a header line's text without its dates."""
    text = re.sub(r"^[^\w(]+", "", text).strip()
    if not text or len(text.split()) > 14:
        return None, None
    cells = columns(text) or [text]
    org = title = None
    for cell in cells:
        for part in re.split(r"\s[|–—]\s|\s-\s", cell):
            part = clean_value(part)
            if not part:
                continue
            role_match = ROLE.search(part)
            orgish = has_organization(part) or has_institution(part)
            if role_match and not orgish and title is None:
                title = _role_text(part)
                pieces = _CONNECTOR.split(part, maxsplit=1)
                if org is None and len(pieces) == 2 and pieces[1][:1].isupper():
                    org = _org_text(pieces[1])
            elif role_match and orgish and title is None and org is None:
                org, title = _role_and_org(part)
            elif title is None and org is None and (pair := _title_at_org(part)):
                org, title = pair
            elif org is None and not _is_place_only(part):
                org = _org_text(part)
    return org, title


_CONNECTOR = re.compile(r"\s+(?:at|bei|an der|am|chez|au|aux|en el|en la)\s+|\s+à\s+(?:l['’])?")


def _title_at_org(part: str) -> tuple[str | None, str] | None:
    """'Produktverantwortlicher EAI bei dm GmbH': an unknown role word before 'at <org>'."""
    pieces = _CONNECTOR.split(part, maxsplit=1)
    if len(pieces) != 2:
        return None
    first, second = pieces
    if not (has_organization(second) or has_institution(second)) or len(first.split()) > 8:
        return None
    return _org_text(second), clean_value(first)


def _role_and_org(part: str) -> tuple[str | None, str | None]:
    """'Research Intern at Google' / 'Consultant, Statistical Consulting Service'."""
    pieces = _AT.split(part, maxsplit=1)
    if len(pieces) == 2:
        first, second = pieces
        if has_role(first) and not (has_organization(first) or has_institution(first)):
            return _org_text(second), _role_text(first)
        if has_role(second) and not (has_organization(second) or has_institution(second)):
            return _org_text(first), _role_text(second)
        if has_role(first):
            return _org_text(second), _role_text(first)
    if has_institution(part) or has_organization(part):
        return _org_text(part), None
    return None, _role_text(part)


def _role_text(text: str) -> str:
    """The role itself: 'Research Intern in Robotics Group' -> 'Research Intern'."""
    text = re.split(
        r"\s+(?:in|at|for|with|on|@|au|aux|chez|bei|an der|am)\s+|\s+à\s+|,\s+|\(|：|:",
        text,
        maxsplit=1,
    )[0]
    return clean_value(text)


def _org_text(text: str) -> str | None:
    parts = [p.strip() for p in text.split(",")]
    kept = [p for p in parts if p and not _DEPARTMENT_PART.match(p)]
    if not kept:
        return None
    return trim_place(", ".join(kept), keep_one=True) or None


def _is_place_only(part: str) -> bool:
    pieces = [p.strip() for p in part.split(",") if p.strip()]
    return bool(pieces) and (is_location(pieces[-1]) and len(pieces) <= 2)


def _course_line(text: str) -> bool:
    return bool(re.match(r"^[A-Z]{2,5}[\s-]?\d{3,4}", text))


def _course_dates(draft: _Draft, text: str) -> None:
    """Teaching entries date themselves by the terms of the courses listed under them."""
    ranges = find_date_ranges(text)
    if not ranges:
        return
    first = ranges[0]
    draft.start = min(filter(None, [draft.start, first.start])) if first.start else draft.start
    ends = [e for e in (draft.end, first.end) if e and e != "present"]
    draft.end = max(ends) if ends else draft.end


def _finish(draft: _Draft) -> Experience:
    title = draft.title
    if title is None:
        title = _title_from_description(draft.description)
    confidence = 0.9 if draft.organization and title and draft.start else 0.6
    return Experience(
        organization=draft.organization,
        title=title,
        start=draft.start,
        end=draft.end,
        evidence=evidence_of(draft.lines),
        confidence=confidence,
    )


def _title_from_description(description: list[str]) -> str | None:
    if not description:
        return None
    match = _AS_ROLE.search(" ".join(description[:1])[:300])
    return match.group(1).strip().title() if match else None


__all__ = ["parse_experience"]
