"""Education entries: institution, degree, field, dates and GPA, one entry per degree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.fields.dates import find_date_ranges, strip_dates
from parsing.fields.entries import (
    clean_value,
    columns,
    detail_mask,
    evidence_of,
    has_institution,
    has_role,
    merge_split_ranges,
    strip_bullet,
    trim_place,
)
from parsing.models import Education, Experience, Line

_DEGREE = re.compile(
    r"(?<![\w.])(?:"
    r"Ph\.?\s?D\.?|D\.?Phil\.?|Doctor(?:ate)?(?![a-z])(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?|"
    r"Doctorat|Doctorado|Dottorato|Promotion|Máster(?: Universitario)?|Grado(?= en)|"
    r"Diplôme d'ingénieur|Diplôme|Licenciado|Maestría|"
    r"Dr\.\s?rer\.\s?nat\.|"
    r"M\.?\s?Sc\.?|M\.?\s?S\.?(?=[\s,(]|$)|M\.?\s?A\.?(?=[\s,(]|$)|M\.?\s?Eng\.?|M\.?\s?Phil\.?|"
    r"M\.?\s?Res\.?|M\.?\s?B\.?\s?A\.?|MTech|M\.?\s?Tech\.?|LL\.?M\.?|"
    r"J\.?D\.?(?=[\s,]|$)|M\.?D\.?(?=[\s,]|$)|"
    r"Master(?:'s|’s|s)?(?: of [A-Z][a-z]+(?: and [A-Z][a-z]+)?)?|Magister|"
    r"B\.?\s?Sc\.?|B\.?\s?S\.?(?=[\s,(]|$)|B\.?\s?A\.?(?=[\s,(]|$)|B\.?\s?Eng\.?|B\.?\s?Tech\.?|"
    r"B\.?\s?E\.?(?=[\s,(]|$)|BBA|LL\.?B\.?|"
    r"Bachelor(?:'s|’s|s)?(?: of [A-Z][a-z]+(?: and [A-Z][a-z]+)?)?|Undergrad(?:uate)?|"
    r"A-Levels?|A Levels?|GCSEs?|High School Diploma|Baccalaur[ée]at|Abitur|Diplom[ae]?|"
    r"Licence|Licenciatura|Laurea(?: Magistrale)?|Ingénieur|Postgraduate Diploma|"
    r"Associate(?:'s)? Degree|Exchange(?: Student| Program)?|Visiting Student"
    r")(?:\s?\((?:Hons?\.?|Honours|Honors)\))?|博士|硕士|本科|学士|研究生|大专"
)
_GPA = re.compile(
    r"(?i)(?:c?gpa|grade point average|绩点|note|moyenne|nota|grade)\s*[:：]?\s*"
    r"(\d+(?:\.\d+)?\s*(?:/\s*\d+(?:\.\d+)?)?(?:\s*\(\s*\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?\s*\))?)"
)
_MAJOR = re.compile(
    r"(?i)\b(?:major(?:ing)?|specialization|concentration|field)\s*(?:in|:)\s*([^,;:(]+)"
)
_CN_MAJOR = re.compile(r"([\u3400-\u9fff]{2,12})专业")
_DEPARTMENT = re.compile(r"(?i)\b(?:department|dept\.?|school|faculty|college) of ([^,;(]+)")
_IN_FIELD = re.compile(r"^\s*(?:in|of|,|:|-|–)\s*(.+)$")
_ROLE_LIKE_DEGREE = re.compile(r"(?i)\bvisiting\b")


@dataclass
class _Draft:
    lines: list[Line] = field(default_factory=list)
    institution: str | None = None
    degree: str | None = None
    field: str | None = None
    major: str | None = None
    department: str | None = None
    start: str | None = None
    end: str | None = None
    gpa: str | None = None
    role: str | None = None

    def is_empty(self) -> bool:
        return not (self.institution or self.degree)


def parse_education(lines: list[Line]) -> tuple[list[Education], list[Experience]]:
    """Entries of an education section; appointments listed there go to experience."""
    drafts: list[_Draft] = [_Draft()]
    lines = merge_split_ranges(lines)
    for line, detail in zip(lines, detail_mask(lines), strict=True):
        _absorb(drafts, line, detail)
    education: list[Education] = []
    experience: list[Experience] = []
    for draft in drafts:
        if draft.is_empty():
            continue
        if not draft.degree and draft.role:
            experience.append(_as_experience(draft))
        else:
            education.append(_finish(draft))
    return education, experience


def _absorb(drafts: list[_Draft], line: Line, detail: bool) -> None:
    text = strip_bullet(line.text)
    current = drafts[-1]
    if detail:
        _details(current, text)
        current.lines.append(line)
        return
    ranges = find_date_ranges(text)
    rest = strip_dates(text) if ranges else text
    institution, degree, field_text = _split_header(rest)
    # A second degree on its own line is a new entry only when it carries its own dates.
    starts_new = (institution and current.institution) or (
        degree and current.degree and (ranges or institution)
    )
    dated = current.start is not None or current.end is not None
    starts_new = starts_new or (ranges and dated and (current.institution or current.degree))
    if starts_new and not current.is_empty():
        drafts.append(_Draft())
        current = drafts[-1]
    current.lines.append(line)
    if ranges:
        first = ranges[0]
        if current.end is None:
            current.start = None if first.single else first.start
            current.end = first.end
    current.institution = current.institution or institution
    current.degree = current.degree or degree
    current.field = current.field or field_text
    _details(current, rest)
    if not institution and not degree and has_role(rest) and not current.role:
        current.role = clean_value(rest)


def _split_header(text: str) -> tuple[str | None, str | None, str | None]:
    """(institution, degree, field) from one header line."""
    cells = columns(text)
    institution = degree = field_text = None
    for cell in cells:
        for part in _parts(cell):
            if institution is None:
                before, named = _institution_piece(part)
                if named:
                    institution, part = named, before
                    if not part:
                        continue
            if degree is None and _DEGREE.search(part):
                degree, field_text = _degree_and_field(part)
            elif degree is not None and field_text is None and _is_field(part):
                field_text = _field_clean(part)
    if institution and degree is None:
        degree = _abbreviation_before(text, institution)
    return (
        trim_place(clean_value(institution)) if institution else None,
        degree,
        field_text,
    )


def _institution_piece(part: str) -> tuple[str, str | None]:
    """('Ph.D Electrical Engineering', 'TU Berlin') from 'Ph.D Electrical Engineering, TU Berlin'.

    The institution starts at the comma-piece that names it; what comes before is the
    degree or the department, what comes after is its place.
    """
    pieces = [p.strip() for p in part.split(",")]
    for index, piece in enumerate(pieces):
        if _names_institution(piece):
            return ", ".join(pieces[:index]), ", ".join(pieces[index:])
    return part, None


def _is_field(part: str) -> bool:
    words = part.split()
    return 0 < len(words) <= 8 and part[:1].isupper() and not re.search(r"\d", part)


def _abbreviation_before(text: str, institution: str) -> str | None:
    """'A.Stat.  Statistical Society of Australia': a credential written before the body."""
    head = text[: text.find(institution)].strip(" ,\t")
    if re.fullmatch(r"[A-Z][A-Za-z]{0,5}\.(?:\s?[A-Za-z()]{1,6}\.?){0,3}", head):
        return head
    return None


def _names_institution(part: str) -> bool:
    """An institution's name starts the part: not 'Joint degree with X University'."""
    if not has_institution(part) or _DEPARTMENT.match(part):
        return False
    head = re.split(r"(?i)universit|college|institut|school|academy|society|大学|学院", part)[0]
    lowercase = [
        w
        for w in head.split()
        if w[:1].islower() and w not in ("of", "and", "the", "for", "de", "di", "da")
    ]
    return not lowercase


def _parts(cell: str) -> list[str]:
    """Split "University X, UK - PhD" / "北京邮电大学, 硕士" into meaningful parts."""
    pieces = re.split(r"\s[-–—|]\s|;|，|、", cell)
    out: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if has_institution(piece) and _DEGREE.search(piece):
            out.extend(_split_institution_degree(piece))
        else:
            out.append(piece)
    return out


def _split_institution_degree(piece: str) -> list[str]:
    """'B.Sc.(Hons) University of Melbourne' or 'Peking University, 本科' into two parts."""
    match = _DEGREE.search(piece)
    assert match is not None
    before, after = piece[: match.start()].strip(" ,"), piece[match.end() :].strip(" ,")
    if not before:
        return [match.group(0) + _field_tail(after)[1], _field_tail(after)[0]]
    return [before, piece[match.start() :].strip(" ,")]


def _field_tail(after: str) -> tuple[str, str]:
    """After a leading degree: ('University of X', ' in Field') split."""
    inst = re.search(
        r"(?i)(?:\b[A-Z][\w.&'-]*\s+)*(?:universit|college|institut|school|society)", after
    )
    if inst and inst.start() > 0:
        return after[inst.start() :], " " + after[: inst.start()].strip()
    return after, ""


def _degree_and_field(part: str) -> tuple[str, str | None]:
    match = _DEGREE.search(part)
    assert match is not None
    degree = match.group(0).strip()
    after_start = match.end()
    second = re.match(r"\s*(?:and|&|/|\+)\s*", part[after_start:])
    if second and (more := _DEGREE.match(part, after_start + second.end())):
        degree, after_start = part[match.start() : more.end()].strip(), more.end()
    before = part[: match.start()].strip(" ,(")
    after = part[after_start:].strip()
    paren = re.match(r"^\(([^)]*)\)", after)
    if paren and not re.search(r"(?i)hons|honours|honors", paren.group(1)):
        after = after[paren.end() :].strip()
    field_match = _IN_FIELD.match(after)
    if field_match:
        return degree, _field_clean(field_match.group(1))
    if before and not after.strip(" )"):
        return degree, _field_clean(before)  # "Energy Engineering (Bachelor)"
    if after and not re.match(r"^[\W\d]", after):
        return degree, _field_clean(after)
    return degree, None


def _field_clean(text: str) -> str | None:
    text = re.split(r"(?i);|\bgpa\b|\bgrade\b|\brank\b|\(|,\s*(?:with|minor)|\bthesis\b", text)[0]
    # "en informatique", "de mathématiques", "in Physik": the preposition is not the field
    text = re.sub(r"(?i)^(?:in|of|en|de|d['’]|du|des|di|im|in der)\s*(?=\w)", "", text.strip())
    text = clean_value(text)
    return text or None


def _details(draft: _Draft, text: str) -> None:
    gpa = _GPA.search(text)
    if gpa and not draft.gpa:
        draft.gpa = re.sub(r"\s+", "", gpa.group(1)).replace("(", " (")
    major = _MAJOR.search(text) or _CN_MAJOR.search(text)
    if major and not draft.major:
        draft.major = _field_clean(major.group(1))
    department = _DEPARTMENT.search(text)
    if department and not draft.department and not has_institution(department.group(1)):
        draft.department = _field_clean(department.group(1))


def _finish(draft: _Draft) -> Education:
    confidence = 0.9 if draft.institution and draft.degree else 0.6
    return Education(
        institution=draft.institution,
        degree=draft.degree,
        field=draft.major or draft.field or draft.department,
        start=draft.start,
        end=draft.end,
        gpa=draft.gpa,
        evidence=evidence_of(draft.lines),
        confidence=confidence,
    )


def _as_experience(draft: _Draft) -> Experience:
    title = draft.role
    if title:
        title = re.split(r",\s*", title)[0]
    return Experience(
        organization=draft.institution,
        title=title,
        start=draft.start,
        end=draft.end,
        evidence=evidence_of(draft.lines),
        confidence=0.6,
    )


__all__ = ["parse_education"]
