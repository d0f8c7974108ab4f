"""Projects (kept in the app's model, not scored): a name, dates and a short description."""

from __future__ import annotations

import re

from parsing.fields.dates import find_date_ranges, strip_dates
from parsing.fields.entries import evidence_of, is_bullet, is_prose, strip_bullet
from parsing.models import Line, Project


def parse_projects(lines: list[Line]) -> list[Project]:
    groups: list[list[Line]] = []
    for line in lines:
        text = strip_bullet(line.text)
        header = not is_prose(text) and (not is_bullet(line) or ":" in text[:60] or not groups)
        if header and (not groups or _closed(groups[-1])):
            groups.append([line])
        elif groups:
            groups[-1].append(line)
    return [p for p in (_project(g) for g in groups) if p.name]


def _closed(group: list[Line]) -> bool:
    return len(group) > 1 or is_bullet(group[0])


def _project(group: list[Line]) -> Project:
    head = strip_bullet(group[0].text)
    ranges = find_date_ranges(head)
    name = strip_dates(head) if ranges else head
    description = ""
    if ":" in name[:60]:
        name, description = (part.strip() for part in name.split(":", 1))
    name = re.sub(r"\s*[-–—]\s*\[?\w*\]?$", "", name).strip(" .,;")
    rest = " ".join(strip_bullet(line.text) for line in group[1:])
    description = " ".join(filter(None, [description, rest]))[:600]
    return Project(
        name=name[:120] or None,
        start=ranges[0].start if ranges else None,
        end=ranges[0].end if ranges else None,
        description=description,
        evidence=evidence_of(group),
        confidence=0.6,
    )
