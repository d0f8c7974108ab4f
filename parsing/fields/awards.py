"""Awards, honours, fellowships and scholarships: a title and the (first) year."""

from __future__ import annotations

import re

from parsing.fields.dates import find_date_ranges, year_of
from parsing.fields.entries import clean_value, is_bullet, is_prose, strip_bullet
from parsing.models import Award, Evidence, Line

_ELECTED = re.compile(r"(?i)\(\s*(?:elected|awarded|received|since)?\s*((?:19|20)\d\d)[^)]*\)")


def parse_awards(lines: list[Line]) -> list[Award]:
    candidates = [line for line in lines if _is_candidate(line)]
    bulleted = [line for line in candidates if is_bullet(line)]
    if len(bulleted) >= 2:
        candidates = bulleted
    dated = [line for line in candidates if find_date_ranges(strip_bullet(line.text))]
    if len(dated) * 2 >= len(candidates) and dated:
        candidates = dated  # undated lines among dated awards are descriptions
    awards = [_award(line) for line in candidates]
    return [a for a in awards if a.title]


def _is_candidate(line: Line) -> bool:
    """An award line is a name with a date, sometimes long, but not a paragraph."""
    text = strip_bullet(line.text)
    if len(text) < 4 or len(text.split()) > 22:
        return False
    return not (is_prose(text) and re.match(r"(?i)^(?:i|my|we|our|this|the)\b", text))


def _award(line: Line) -> Award:
    text = strip_bullet(line.text)
    elected = _ELECTED.search(text)
    if elected:
        title = text[: elected.start()] + text[elected.end() :]
        return _make(clean_value(title).rstrip(". "), int(elected.group(1)), line)
    ranges = find_date_ranges(text)
    if not ranges:
        return _make(clean_value(text).rstrip(". "), None, line, 0.7)
    first, last = ranges[0], ranges[-1]
    if first.span_start <= 2:  # "2025 Highly-cited researcher award"
        title = text[first.span_end :]
        chosen = first
    else:
        title = text[: last.span_start]
        chosen = last
    year = year_of(chosen.start) or year_of(chosen.end)
    return _make(clean_value(title).rstrip(". "), year, line)


def _make(title: str, year: int | None, line: Line, confidence: float = 0.85) -> Award:
    title = re.sub(r"\s*[,(]\s*$", "", title)
    evidence = Evidence(line.page, line.start, line.end)
    return Award(title=title or None, year=year, evidence=evidence, confidence=confidence)
