"""Skills: single items from skills-type sections, category labels dropped."""

from __future__ import annotations

import re

from parsing.fields.entries import strip_bullet
from parsing.models import Evidence, Line, Value

_CATEGORY = re.compile(r"^\s*([^:：]{1,40})[:：]\s*")
_CATEGORY_WORDS = (
    r"(?:languages?|skills?|tools?|frameworks?|libraries|technologies|software|databases?|"
    r"platforms?|stack|toolkits?|programming|environments?|systems|packages|methods|others?)"
)
_LEADING_CATEGORY = re.compile(
    rf"^((?:[A-Z][\w/&-]*\s+){{0,3}}{_CATEGORY_WORDS})\s+(?=[A-Z])", re.I
)
_SPLIT = re.compile(r"\s*(?:[,;，；、|•·]|\s/\s|\band\b)\s*")
_LEVEL = re.compile(
    r"(?i)\s*[(\[]?\s*(?:native|mother tongue|fluent|proficient|conversational|basic|"
    r"intermediate|advanced|working proficiency|[ABC][12])\s*[)\]]?\s*$"
)


def parse_skills(lines: list[Line]) -> list[Value]:
    found: dict[str, Value] = {}
    for line in lines:
        for item, start in _items(line.text):
            key = item.casefold()
            if key not in found:
                begin = line.start + start
                found[key] = Value(item, Evidence(line.page, begin, begin + len(item)), 0.8)
    return list(found.values())


def _items(text: str) -> list[tuple[str, int]]:
    body = strip_bullet(text)
    offset = text.find(body)
    category = _CATEGORY.match(body)
    if category:
        offset += category.end()
        body = body[category.end() :]
    elif "," in body or ";" in body:
        leading = _LEADING_CATEGORY.match(body)
        if leading:
            offset += leading.end()
            body = body[leading.end() :]
    if len(body.split()) > 6 and not re.search(r"[,;，、|]", body):
        return []  # a sentence, not a list
    out = []
    cursor = 0
    for piece in _SPLIT.split(body):
        item = _LEVEL.sub("", piece).strip(" .")
        item = _balanced(item)
        position = body.find(piece, cursor)
        cursor = max(cursor, position)
        if _is_item(item):
            out.append((item, offset + max(position, 0)))
    return out


def _is_item(item: str) -> bool:
    if not item or len(item) > 40 or len(item.split()) > 4:
        return False
    if re.fullmatch(r"[\W\d]+", item):
        return False
    return True


def _balanced(item: str) -> str:
    """Drop a stray bracket left by the split, keep 'SGE(Sun Grid Engine)' whole."""
    if item.count("(") > item.count(")"):
        item = item.replace("(", " ", 1) if item.startswith("(") else item + ")"
    if item.count(")") > item.count("("):
        item = item.rstrip(")") if item.endswith(")") else item.replace(")", "", 1)
    return item.strip()
