"""Section headings in their many spellings and languages, and lines grouped under them.

A line is a heading when its words name a known section ("Honors & Awards", "教育经历",
"Expérience professionnelle") and it is short, or when the source marks it as a heading
(a Markdown `#`, a DOCX heading style, a PDF margin label) or sets it noticeably larger
than the body text. Unknown headings still close the section before them, so a
"Hobbies" list never ends up among the skills.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field

from parsing.models import Line
from parsing.section_words import VOCABULARY

_MAX_HEADING_WORDS = 6
_MODIFIERS = (
    "selected",
    "recent",
    "relevant",
    "refereed",
    "peer reviewed",
    "peer-reviewed",
    "other",
    "additional",
    "key",
    "main",
    "major",
    "academic",
    "professional",
    "research",
    "full",
    "list of",
    "technical",
    "current",
    "previous",
    "related",
    "select",
)
_KEYWORD_TYPES = {
    "education": "education",
    "experience": "experience",
    "employment": "experience",
    "publications": "publications",
    "papers": "publications",
    "honors": "awards",
    "honours": "awards",
    "awards": "awards",
    "fellowships": "awards",
    "skills": "skills",
    "interests": "interests",
    "projects": "projects",
    "references": "references",
    "talks": "talks",
    "presentations": "talks",
    "internships": "experience",
    "positions": "experience",
    "appointments": "experience",
    "preprints": "publications",
    "scholarships": "awards",
    "grants": "grants",
    "teaching": "teaching",
    "service": "service",
    "recognition": "awards",
    "prizes": "awards",
    "werdegang": "experience",
    "veröffentlichungen": "publications",
    "publikationen": "publications",
    "publicaciones": "publications",
    "premios": "awards",
    "becas": "awards",
    "distinctions": "awards",
}
_LEADING_TYPES = {
    k: v
    for k, v in _KEYWORD_TYPES.items()
    if k in ("education", "experience", "publications", "awards", "honors", "skills")
}
_LOOKUP: dict[str, str] = {p: t for t, phrases in VOCABULARY.items() for p in phrases}
_CJK = re.compile(r"[\u3400-\u9fff]")


def normalize_heading(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"^\s*(?:[•·\-–—*#>]+|\(?[0-9ivx]{1,4}[.)]|[a-h][.)])\s*", "", text)
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)  # "Veröffentlichungen (Auswahl)"
    text = text.replace("&", " and ").replace("/", " and ").replace("+", " and ")
    text = re.sub(r"[^\w\s'-]", " ", text)
    text = re.sub(r"\s(?:y|et|und|e|i|og|en)\s", " and ", f" {text} ").strip()
    text = re.sub(r"(?<=[^\W\d])\d{1,2}$", "", text.strip())  # a footnote mark
    return re.sub(r"\s+", " ", text).strip(" -'")


def heading_type(text: str) -> str | None:
    """The section a heading names, or None when the words name no known section."""
    return _heading_match(text)[0]


def _heading_match(text: str) -> tuple[str | None, bool]:
    """(kind, exact): exact when a listed phrase names it, not only its last word."""
    kind = _exact_type(text)
    if kind:
        return kind, True
    norm = normalize_heading(text)
    words = norm.split()
    if not words or len(words) > 5 or re.search(r"\d", norm):
        return None, False
    if len(words) <= 4 and words[-1] in _KEYWORD_TYPES:
        return _KEYWORD_TYPES[words[-1]], False
    if words[0] in _LEADING_TYPES:  # "Education et parcours universitaire"
        return _LEADING_TYPES[words[0]], False
    return None, False


def _exact_type(text: str) -> str | None:
    norm = normalize_heading(text)
    if not norm or len(norm) > 60 or len(norm.split()) > _MAX_HEADING_WORDS:
        return None
    if norm in _LOOKUP:
        return _LOOKUP[norm]
    core = _strip_modifiers(norm)
    if core in _LOOKUP:
        return _LOOKUP[core]
    if _CJK.search(norm):
        return _cjk_type(norm)
    return None


def _strip_modifiers(norm: str) -> str:
    changed = True
    while changed:
        changed = False
        for modifier in _MODIFIERS:
            if norm.startswith(modifier + " "):
                norm = norm[len(modifier) + 1 :]
                changed = True
    return norm


def _cjk_type(norm: str) -> str | None:
    compact = norm.replace(" ", "")
    for phrase, kind in _LOOKUP.items():
        if _CJK.search(phrase) and len(compact) <= len(phrase) + 4 and phrase in compact:
            return kind
    return None


@dataclass
class Section:
    kind: str  # a VOCABULARY key, "header" (before the first heading) or "unknown"
    heading: Line | None
    lines: list[Line] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""


def body_font_size(lines: list[Line] | tuple[Line, ...]) -> float | None:
    sizes = [round(line.size, 1) for line in lines if line.size]
    return statistics.mode(sizes) if sizes else None


def _looks_like_heading_format(line: Line, body: float | None) -> bool:
    """A short line set apart by the source: a heading style, a bigger font, or caps."""
    text = line.text.strip()
    words = text.split()
    if not words or len(words) > _MAX_HEADING_WORDS or len(text) > 50:
        return False
    if re.search(r"\d{3,}|@|https?:|www\.|[.,;]$", text):
        return False
    if line.heading:
        return True
    bigger = bool(body and line.size and line.size >= body * 1.18)
    caps = text.isupper() and len(re.sub(r"[^A-Za-z]", "", text)) >= 4
    return bigger and (line.bold or caps or line.size >= body * 1.35)


_DOCUMENT_TITLE = re.compile(
    r"(?i)^(?:curriculum vitae|cv|resume|résumé|lebenslauf|currículum(?: vitae)?|简历|履历)$"
)


def classify_line(line: Line, body: float | None) -> str | None:
    """Section kind if `line` is a heading, "unknown" for an unnamed heading, else None."""
    text = line.text.strip().rstrip(":：").strip()
    if _DOCUMENT_TITLE.match(text):
        return None  # the document's title, not a section
    if text.endswith(".") and not (line.bold or line.heading):
        return None
    kind, exact = _heading_match(text)
    if kind and exact:
        return kind if _heading_shape(line, text) else None
    if kind and _set_apart(line, text, body):
        return kind
    if _looks_like_heading_format(line, body):
        return "unknown"
    return None


def _set_apart(line: Line, text: str, body: float | None) -> bool:
    """Typography alone says heading: a heading style, capitals, or a larger font."""
    bigger = bool(body and line.size and line.size >= body * 1.15)
    return line.heading or bigger or (text.isupper() and len(text) > 3)


def _heading_shape(line: Line, text: str) -> bool:
    """Known words, but is it set as a heading and not a sentence that starts with them?"""
    if line.heading or line.bold or text.isupper() or line.text.rstrip().endswith((":", "：")):
        return True
    return len(text.split()) <= 4 and not re.search(r"[,;]", text)


def split_sections(
    lines: list[Line] | tuple[Line, ...], name_line: Line | None = None
) -> list[Section]:
    body = body_font_size(lines)
    sections = [Section("header", None)]
    page = 0
    for line in lines:
        kind = None if line is name_line else classify_line(line, body)
        run_in = None if kind else _run_in_interests(line)
        if run_in:
            sections.append(Section("interests", run_in[0]))
            sections[-1].lines.append(run_in[1])
        elif kind is not None:
            sections.append(Section(kind, line))
        elif line.page != page and sections[-1].heading is not None:
            _continuing_section(sections, line).lines.append(line)
        else:
            sections[-1].lines.append(line)
        page = line.page
    return sections


_RUN_IN = re.compile(r"^\s*((?:research |current )?interests?)\s*[.:]\s+(\S.*)$", re.IGNORECASE)


def _run_in_interests(line: Line) -> tuple[Line, Line] | None:
    """'Research interests. Concretely, my interests are:' opens an interests section.

    Only interests: other section words at a sentence start ('Research: ...') are too
    often ordinary prose to be taken as headings.
    """
    match = _RUN_IN.match(line.text)
    if not match:
        return None
    cut = line.start + match.start(2)
    heading = Line(match.group(1), line.page, line.start, line.start + len(match.group(1)),
                   line.size, line.bold, line.x, line.y, True)  # fmt: skip
    rest = Line(match.group(2), line.page, cut, line.end, line.size, line.bold, line.x, line.y)
    return heading, rest


def _continuing_section(sections: list[Section], line: Line) -> Section:
    """At a page break, the column a line sits in continues its own section.

    In a sidebar layout page 2's main column continues "Experience", not the sidebar
    section that happened to end page 1. Same column = headings at the same x.
    """
    last = sections[-1].heading
    if line.x is None or last is None or last.x is None or abs(last.x - line.x) < 150:
        return sections[-1]  # same column as the last heading (body text may sit indented)
    for section in reversed(sections):
        heading = section.heading
        if heading is None or heading.x is None:
            break
        if abs(heading.x - line.x) <= 24 and heading.page < line.page:
            if section is not sections[-1]:
                sections.append(Section(section.kind, section.heading))
            return sections[-1]
    return sections[-1]
