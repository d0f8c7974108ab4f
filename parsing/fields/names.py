"""The candidate's name: the name line near the top, set larger than the rest where fonts exist."""

from __future__ import annotations

import re

from parsing.models import Evidence, Line, Value
from parsing.sections import heading_type

_NOT_NAME_WORDS = set(
    """
    university college institute school department faculty laboratory lab center centre
    academy hospital company inc ltd llc gmbh corporation group foundation society
    curriculum vitae resume résumé cv statement research teaching personal purpose cover
    letter interest interests introduction background education experience contact
    information engineer developer scientist professor student candidate manager analyst
    intern researcher fellow lecturer assistant associate director phd msc bsc doctor
    page email phone mobile address street road avenue the of and for in at on with to
    philosophy diversity summary profile objective about skills publications awards
    software full stack stack data machine learning learning computer science sciences
    dear sir madam committee http https www
    """.split()
)
_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "di",
    "du",
    "la",
    "le",
    "bin",
    "al",
    "del",
    "y",
}
_LABEL = re.compile(r"^(?:name|full name|nom|名前|姓名|nombre)\s*[:：]\s*(.+)$", re.I)
_CJK_NAME = re.compile(r"^[\u3400-\u9fff]{2,4}$")
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*\.?|[A-ZÀ-ÖØ-Þ]\.(?:[A-Z]\.)*|\([A-ZÀ-Þ][\w'’\-]*\)|"
    r"[\u3400-\u9fff]{2,4}|\"[A-Z][\w]*\")$"
)


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"\s+", text.strip()) if t]


def looks_like_name(text: str) -> bool:
    text = text.strip().strip(",;:")
    if not text or len(text) > 48 or re.search(r"[\d@/|•:;!?]|https?", text):
        return False
    if _CJK_NAME.match(text.replace(" ", "")):
        return True
    if heading_type(text):
        return False
    tokens = _tokens(text)
    if not 2 <= len(tokens) <= 5:
        return False
    lowered = {re.sub(r"[^\w]", "", t).casefold() for t in tokens}
    if lowered & _NOT_NAME_WORDS:
        return False
    tokens = [t.rstrip(",") for t in tokens]
    ok = [bool(_NAME_TOKEN.match(t)) or t.isupper() or t.casefold() in _PARTICLES for t in tokens]
    full_words = [t for t in tokens if len(t.strip('.()"')) > 1 and t.casefold() not in _PARTICLES]
    return all(ok) and len(full_words) >= 1 and not all(len(t.strip(".")) == 1 for t in tokens)


def display_name(text: str) -> str:
    """Title-case a name written in capitals ("CHRIS ASHTON" -> "Chris Ashton")."""
    text = re.sub(r"\s+", " ", text.strip().strip(",;"))
    letters = re.sub(r"[^A-Za-z]", "", text)
    if letters and letters.isupper() and len(letters) > 3:
        return " ".join(_title_word(w) for w in text.split())
    return text


def _title_word(word: str) -> str:
    if len(word.rstrip(".")) <= 1:
        return word
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _join_split_name(lines: list[Line]) -> list[Line]:
    """A name broken over two lines ('Priya Raghunathan-' / 'Okoye', 'Marcus J.' / 'Okonkwo')."""
    out = list(lines)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        head, tail = first.text.strip(), second.text.strip().split("\t")[0]
        same_big_font = bool(first.size and second.size and abs(first.size - second.size) < 0.3)
        broken = head.endswith("-") or re.search(r"\b[A-Z]\.$", head)
        broken = broken or (same_big_font and first.bold == second.bold and len(tail.split()) <= 2
                            and len(head.split()) <= 3 and looks_like_name(head))  # fmt: skip
        if (
            broken
            and re.fullmatch(r"[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)?", tail)
            and len(head) < 40
        ):
            glue = "" if head.endswith("-") else " "
            joined = head + glue + tail
            if looks_like_name(joined):
                out[i] = Line(joined, first.page, first.start, second.end, first.size, first.bold,
                              first.x, first.y, first.heading)  # fmt: skip
    return out


def find_name(top_lines: list[Line]) -> tuple[Value | None, Line | None]:
    """The name and the line it came from, from the first lines of a document."""
    joined = _join_split_name(top_lines)
    if joined != top_lines:
        value, line = find_name_in(joined)
        if line is not None and line not in top_lines:
            return value, top_lines[joined.index(line)]
        return value, line
    return find_name_in(top_lines)


def find_name_in(top_lines: list[Line]) -> tuple[Value | None, Line | None]:
    for line in top_lines:
        label = _LABEL.match(line.text.strip())
        if label and looks_like_name(label.group(1)):
            return _value(label.group(1), line, line.text.find(label.group(1))), line
    candidates = [line for line in top_lines if looks_like_name(_name_part(line.text))]
    if not candidates:
        return None, None
    sized = [line for line in candidates if line.size]
    if sized:
        biggest = max(sized, key=lambda line: (line.size or 0, -line.start))
        body = sorted(line.size for line in top_lines if line.size)
        if body and (biggest.size or 0) > body[len(body) // 2] * 1.1:
            return _value(_name_part(biggest.text), biggest), biggest
    best = candidates[0]
    confidence = 0.9 if best.heading or best.bold or best is top_lines[0] else 0.7
    text = _name_part(best.text)
    return _value(text, best, best.text.find(text), confidence), best


def _name_part(text: str) -> str:
    """A name line may carry a suffix: "Jane Doe, PhD" or "Jane Doe | CV"."""
    text = text.split("\t")[0]
    text = re.sub(
        r"(?i)^(?:cv|curriculum vitae|resume|résumé|lebenslauf)\s*(?:of|for|[-–:|])\s*", "", text
    )
    text = re.split(r"\s[|·•–—]\s|,\s*(?:ph\.?d|m\.?sc|b\.?sc|m\.?d)\b", text, flags=re.I)[0]
    return text.strip()


def _value(text: str, line: Line, offset: int = 0, confidence: float = 0.9) -> Value:
    start = line.start + max(offset, 0)
    return Value(display_name(text), Evidence(line.page, start, start + len(text)), confidence)
