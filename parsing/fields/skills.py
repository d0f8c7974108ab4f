"""Skills: single items from skills-type sections, category labels dropped.

Most CVs list skills ("Python, PyTorch, C/C++"); some describe them in sentences
("熟悉 C/Python/Rust 等"). From a sentence only tool-like tokens are taken: slash lists,
enumerations in brackets, and names written like software (KVM, LibVirt, C++).
"""

from __future__ import annotations

import re

from parsing.fields.entries import strip_bullet, wraps
from parsing.models import Evidence, Line, Value

_CATEGORY = re.compile(r"^\s*([^:：]{1,40})[:：]\s*")
_CATEGORY_WORDS = (
    r"(?:languages?|skills?|tools?|frameworks?|libraries|technologies|software|databases?|"
    r"platforms?|stack|toolkits?|programming|environments?|systems|packages|methods|others?)"
)
_LEADING_CATEGORY = re.compile(
    rf"^((?:[A-Z][\w/&-]*\s+){{0,3}}{_CATEGORY_WORDS})\s+(?=[A-Z])", re.I
)
# Categories that sit in skills sections but list no skills of the candidate's own.
_NOT_SKILLS = re.compile(
    r"(?i)contribution|open[- ]source|贡献|开源|interests?|hobbies|爱好|soft skills|软技能|"
    r"certifications?|awards?|证书"
)
_SPLIT = re.compile(r"\s*(?:[,;，；、|•·]|\band\b)\s*(?![^()]*\))")
_LEVEL = re.compile(
    r"(?i)\s*[(\[]?\s*(?:native|mother tongue|fluent|proficient|conversational|basic|"
    r"intermediate|advanced|working proficiency|[ABC][12])\s*[)\]]?\s*$"
)
_SLASH_LIST = re.compile(r"[\w+#.\-\u3400-\u9fff]+(?:/[\w+#.\-\u3400-\u9fff]+)+")
_TOOLISH = re.compile(
    r"^(?:[A-Z]{2,}[\w+#.-]*|[A-Za-z]+[A-Z][\w+#.-]*|[A-Za-z]\+\+|[A-Z]#|\w+\.js)$"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_ETC = re.compile(r"(?:等|etc\.?|and so on)$")


def parse_skills(lines: list[Line]) -> list[Value]:
    found: dict[str, Value] = {}
    for line, text in _logical_lines(lines):
        for item, start in _items(text):
            key = item.casefold()
            if key not in found:
                begin = line.start + max(start, 0)
                found[key] = Value(item, Evidence(line.page, begin, begin + len(item)), 0.8)
    return list(found.values())


def _logical_lines(lines: list[Line]) -> list[tuple[Line, str]]:
    """Wrapped lines joined back to the bullet they continue."""
    out: list[tuple[Line, str]] = []
    for index, line in enumerate(lines):
        if index and out and wraps(lines[index - 1], line):
            head, text = out[-1]
            glue = "" if _CJK.search(text[-1:]) or _CJK.search(line.text[:1]) else " "
            out[-1] = (head, text + glue + line.text.strip())
        else:
            out.append((line, line.text))
    return out


def _items(text: str) -> list[tuple[str, int]]:
    body = strip_bullet(text)
    offset = text.find(body)
    cells = body.split("\t")
    if len(cells) >= 2 and len(cells[0].split()) <= 3 and not re.search(r"[,;]", cells[0]):
        offset += len(cells[0]) + 1  # a table row: "Programming \t Python, C++"
        body = "\t".join(cells[1:]).replace("\t", ",")  # same length: evidence stays put
    category = _CATEGORY.match(body)
    if category:
        if _NOT_SKILLS.search(category.group(1)):
            return []
        offset += category.end()
        body = body[category.end() :]
    elif "," in body or ";" in body:
        leading = _LEADING_CATEGORY.match(body)
        if leading:
            offset += leading.end()
            body = body[leading.end() :]
    out: list[tuple[str, int]] = []
    pieces = _pieces(body)
    prose = _is_prose_line(body, pieces)
    for piece, position in pieces:
        if not prose and _is_listed_item(piece):
            out.append((_tidy(piece), offset + position))
        else:
            out.extend((token, offset + position) for token in _tokens_in_prose(piece))
    return [(item, pos) for item, pos in out if item]


def _pieces(body: str) -> list[tuple[str, int]]:
    out = []
    cursor = 0
    for piece in _SPLIT.split(body):
        position = body.find(piece, cursor)
        cursor = max(cursor, position)
        if piece.strip():
            out.append((piece.strip(), max(position, 0)))
    return out


def _is_prose_line(body: str, pieces: list[tuple[str, int]]) -> bool:
    """Skills described in sentences ('熟悉…；了解…。') rather than listed."""
    if re.search(r"[。；]|\.\s+[A-Z]", body):
        return True
    return bool(pieces) and sum(len(p) for p, _ in pieces) / len(pieces) > 24


def _is_listed_item(piece: str) -> bool:
    piece = _tidy(piece)
    if not piece or len(piece) > 30 or len(piece.split()) > 4:
        return False
    if len(_CJK.findall(piece)) > 6:
        return False
    if "/" in piece and not _SLASH_LIST.fullmatch(piece):
        return False
    return not re.fullmatch(r"[\W\d]+", piece)


def _tokens_in_prose(piece: str) -> list[str]:
    """Tool names inside a sentence: slash lists, bracketed lists, software-like words."""
    tokens: list[str] = []
    for match in _SLASH_LIST.finditer(piece):
        tokens.extend(part for part in match.group(0).split("/") if part)
    rest = _SLASH_LIST.sub(" ", piece)
    for word in re.findall(r"[A-Za-z][\w+#.-]*", rest):
        if _TOOLISH.match(word.rstrip(".")):
            tokens.append(word.rstrip("."))
    return [t for t in (_tidy(t) for t in tokens) if t and not re.fullmatch(r"[\W\d]+", t)]


def _tidy(item: str) -> str:
    item = _LEVEL.sub("", item).strip(" .。")
    item = _ETC.sub("", item).strip(" .")
    return _balanced(item)


def _balanced(item: str) -> str:
    """Drop a stray bracket left by the split, keep 'SGE(Sun Grid Engine)' whole."""
    for opening, closing in (("(", ")"), ("（", "）")):
        if item.count(opening) > item.count(closing):
            item = item.replace(opening, " ", 1) if item.startswith(opening) else item + closing
        if item.count(closing) > item.count(opening):
            item = item.rstrip(closing) if item.endswith(closing) else item.replace(closing, "", 1)
    return item.strip()
