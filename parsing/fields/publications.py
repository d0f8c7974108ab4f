"""Publications: entries split from a section, each into title, authors, venue, year, status.

Entry boundaries come from numbering ("[3]", "12."), bullets, author-year starts
("Mishra, A., Dey, D. (2017) ...") or, for CVs that list a title line followed by a venue
line and bullet points, from the title lines themselves.
"""

from __future__ import annotations

import re

from parsing.fields.entries import BULLET, evidence_of
from parsing.fields.pubtext import (
    clean_title,
    clean_venue,
    find_status,
    find_year,
    looks_like_authors,
    split_authors,
    split_structured,
    strip_leading_year,
    venue_start,
)
from parsing.models import Line, Publication

_NUMBERED = re.compile(r"^\s*(?:\[\s*\w{1,4}\s*\]|\d{1,3}\s*[.)](?!\d)|\(\d{1,3}\))\s*")
_AUTHOR_YEAR_START = re.compile(
    r"^\s*(?:[a-z]{1,3}\s)?[A-ZÀ-Þ][\w'’\-]+(?:\s[A-ZÀ-Þ][\w'’\-]+)?,\s*(?:[A-Z]\.?\s?-?){1,3}[.,]"
)
_DESCRIPTION = re.compile(
    r"(?i)^(?:we|our|this|these|it|i|propose[sd]?|develop(?:ed|s)?|introduce[sd]?|show(?:ed|s)?|"
    r"prove[sd]?|obtain(?:ed|s)?|apply|applied|present(?:ed|s)?|design(?:ed|s)?|study|studied|"
    r"demonstrate[sd]?|achiev(?:e|ed|es)|build|built|train(?:ed|s)?|via|based on|using)\b"
)
_FIRST_PERSON = re.compile(r"\bI (?:have|am|was|had|authored|published|wrote)\b|\b[Mm]y\s")
# Where a citation starts: "Mishra, A., ...", "2021 C. Durand ...", "T. Lindqvist, ..."
_CITATION_START = re.compile(
    _AUTHOR_YEAR_START.pattern
    + r"|^\s*(?:19|20)\d\d[a-z]?[.:]?\s+(?:[A-Z]\.\s?)+[A-ZÀ-Þ]"
    + r"|^\s*(?:[A-Z]\.\s?-?){1,3}\s?[A-ZÀ-Þ][\w'’-]+(?:,|\s+(?:and|&)\s)"
)
_STATUS_LINE = re.compile(
    r"(?i)^\s*(?:under review|under submission|in review|submitted|in preparation|"
    r"accepted|to appear|forthcoming|in press|preprint|working paper|published)\b"
)


def parse_publications(lines: list[Line], status_hint: str | None = None) -> list[Publication]:
    entries = split_entries(lines)
    out = []
    for entry in entries:
        publication = parse_entry(entry, status_hint)
        if publication and publication.title:
            out.append(publication)
    return out


def split_entries(lines: list[Line]) -> list[list[Line]]:
    if not lines:
        return []
    numbered = [ln for ln in lines if _NUMBERED.match(ln.text)]
    if len(numbered) >= 2 or (numbered and numbered[0] is lines[0] and len(lines) <= 4):
        return _split_at(lines, lambda ln: bool(_NUMBERED.match(ln.text)))
    author_year = [ln for ln in lines if _CITATION_START.match(ln.text)]
    if len(author_year) >= 2 or (author_year and author_year[0] is lines[0]):
        return _split_at(lines, lambda ln: bool(_CITATION_START.match(ln.text)))
    bullets = [ln for ln in lines if BULLET.match(ln.text)]
    if len(bullets) >= 2 and _bullets_are_entries(bullets, lines):
        return _split_at(lines, lambda ln: bool(BULLET.match(ln.text)))
    return _split_title_blocks(lines)


def _bullets_are_entries(bullets: list[Line], lines: list[Line]) -> bool:
    """Bullets list the papers themselves, unless they describe title lines above them."""
    plain = [ln for ln in lines if not BULLET.match(ln.text)]
    if lines[0] in plain and len(plain) >= 2:
        described = sum(1 for ln in bullets if _DESCRIPTION.match(BULLET.sub("", ln.text)))
        return described * 2 < len(bullets)
    return True


def _split_at(lines: list[Line], starts: object) -> list[list[Line]]:
    entries: list[list[Line]] = []
    for line in lines:
        if starts(line) or not entries:  # type: ignore[operator]
            entries.append([line])
        else:
            entries[-1].append(line)
    return entries


def _split_title_blocks(lines: list[Line]) -> list[list[Line]]:
    """Title line, then venue/author lines, then bullets; the next plain line starts anew."""
    entries: list[list[Line]] = []
    closed = True
    for line in lines:
        is_bullet = bool(BULLET.match(line.text))
        if is_bullet:
            if entries:
                entries[-1].append(line)
            else:
                entries.append([line])
            closed = True
            continue
        if entries and (_STATUS_LINE.match(line.text) or _is_venue_line(line.text)):
            entries[-1].append(line)
            closed = True
            continue
        if closed or not entries or _ends_title(entries[-1]):
            entries.append([line])
            closed = False
        else:
            entries[-1].append(line)
    return entries


def _is_venue_line(text: str) -> bool:
    return venue_start(text) == 0 or looks_like_authors(text)


def _ends_title(entry: list[Line]) -> bool:
    last = entry[-1].text.rstrip()
    return len(entry) >= 3 or last.endswith((".", "?", "!"))


def parse_entry(entry: list[Line], status_hint: str | None = None) -> Publication | None:
    head = [ln for ln in entry if ln is entry[0] or not BULLET.match(ln.text)]
    head_lines = [_strip_marker(ln.text) for ln in head]
    text = _join(head_lines)
    if not text or len(text) < 8:
        return None
    status = find_status(text) or status_hint or "published"
    text, leading_year = strip_leading_year(text)
    if leading_year:
        head_lines = (
            [text] if len(head_lines) == 1 else [text[: len(head_lines[0])], *head_lines[1:]]
        )
    title, authors, venue = split_structured(text, head_lines)
    title = clean_title(title or "")
    if not title or _FIRST_PERSON.search(title):
        return None  # "Since 1991 I have authored 265 papers ..." describes, it is no entry
    year = leading_year or find_year(text)
    venue = clean_venue(venue or "", title)
    if not venue and status != "published":
        venue = _status_words(text)
    confidence = 0.85 if venue and year else 0.65
    return Publication(
        title=title,
        authors=tuple(split_authors(authors or "")),
        venue=venue or None,
        year=year,
        status=status,
        evidence=evidence_of(entry),
        confidence=confidence,
    )


def _strip_marker(text: str) -> str:
    text = _NUMBERED.sub("", text, count=1)
    return BULLET.sub("", text, count=1).strip()


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if not out:
            out = part
        elif out.endswith("-") and part[:1].islower() and not out.endswith(" -"):
            out = out[:-1] + part
        else:
            out = out + " " + part
    return re.sub(r"\s+", " ", out).strip()


def _status_words(text: str) -> str | None:
    match = re.search(
        r"(?i)\b(under review|under submission|in review|submitted|in preparation|"
        r"working paper|preprint|to appear|forthcoming|in press)\b",
        text,
    )
    return match.group(1)[:1].upper() + match.group(1)[1:] if match else None
