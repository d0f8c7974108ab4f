"""cv | statement | other, from the title, the headings and the shape of the text."""

from __future__ import annotations

import re

from parsing.models import Kind, Line
from parsing.sections import Section

_STATEMENT_TITLE = re.compile(
    r"(?i)\b(?:research|personal|teaching|diversity|academic|professional)\s+statement\b|"
    r"\bstatement of (?:purpose|research|teaching|interest)|\bcover\s*letter\b|"
    r"\bmotivation letter\b|\blettre de motivation\b|\bmotivationsschreiben\b|"
    r"\bcarta de motivación\b|\bresearch (?:interests?|proposal|plan)\b|\bsop\b|"
    r"个人陈述|研究计划|自我介绍|求职信"
)
_CV_TITLE = re.compile(r"(?i)\b(?:curriculum vitae|résumé|resume|\bcv\b|lebenslauf|简历|履历)\b")
_CV_KINDS = {"education", "experience", "publications", "awards", "skills", "projects"}
_SALUTATION = re.compile(r"(?i)^\s*(?:dear|to whom it may concern|madame|monsieur|sehr geehrte)")
_FIRST_PERSON = re.compile(r"(?i)\b(?:i|my|me|i'm|i've)\b")
_DATE_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:(?:19|20)\d\d|present|now|至今)", re.I)


def classify(lines: list[Line] | tuple[Line, ...], sections: list[Section]) -> Kind:
    cv_headings = {s.kind for s in sections if s.kind in _CV_KINDS}
    top = " ".join(line.text for line in lines[:12])
    title = " ".join(line.text for line in lines[:3])
    if len(cv_headings) >= 3 or _CV_TITLE.search(title):
        return "cv"
    if _STATEMENT_TITLE.search(title) and not _CV_TITLE.search(top):
        return "statement"
    if any(_SALUTATION.match(line.text) for line in lines[:25]):
        return "statement"
    text = " ".join(line.text for line in lines)
    words = max(len(text.split()), 1)
    prose_lines = sum(1 for line in lines if len(line.text.split()) >= 18)
    prose_share = prose_lines / max(len(lines), 1)
    first_person = len(_FIRST_PERSON.findall(text)) / words
    dated = len(_DATE_RANGE.findall(text))
    if _CV_TITLE.search(top):
        return "cv"
    if len(cv_headings) >= 2 and (dated >= 2 or prose_share < 0.3):
        return "cv"
    if prose_share >= 0.3 and first_person >= 0.01:
        return "statement"
    if dated >= 3 or len(cv_headings) >= 2:
        return "cv"
    if first_person >= 0.015 and words >= 150:
        return "statement"
    return "other"
