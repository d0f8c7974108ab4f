"""Running headers, footers and page numbers.

A line is page furniture when it sits in the top or bottom band of its page, among the
two outermost lines there, and either
- is a bare page number ("3", "- 2 -", "Page 2 of 5", "2/5", "1 of 5"): removed; or
- repeats on at least half of the pages (at least two) at about the same height, digits
  ignored ("Curriculum Vitae: Rob J Hyndman 2" / "... 3"): every copy but the first is
  removed, and the first loses a trailing page number. One copy is kept because a
  statement's footer is often the only place its author's name appears.
"""

from __future__ import annotations

import re
from collections import defaultdict

from parsing.pdf_layout import LineDraft

BAND = 0.15  # top and bottom share of the page height where furniture lives
OUTERMOST = 2  # lines looked at from each edge
SAME_HEIGHT = 15.0  # points
_PAGE_NUMBER = re.compile(
    r"^[-–—(\[]?\s*(?:page|p\.|seite|página|pagina)?\s*\d{1,3}\s*"
    r"(?:(?:/|of|von|de|sur|di)\s*\d{1,3})?\s*[-–—)\]]?$",
    re.IGNORECASE,
)
_TRAILING_NUMBER = re.compile(r"\s*(?:[-–—|·•]\s*)?(?:page\s*)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$")
_DIGITS = re.compile(r"\d+")

Pages = list[list[list[LineDraft]]]  # page -> block -> line


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _edge_lines(blocks: list[list[LineDraft]], height: float) -> list[LineDraft]:
    lines = sorted((line for block in blocks for line in block), key=lambda line: line.y)
    top = [line for line in lines[:OUTERMOST] if line.y <= BAND * height]
    bottom = [line for line in lines[-OUTERMOST:] if line.y >= (1 - BAND) * height]
    return list({id(line): line for line in top + bottom}.values())


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def remove_furniture(pages: Pages, heights: list[float]) -> None:
    """Drop page numbers and repeated headers/footers from `pages`, in place."""
    edges = [_edge_lines(blocks, height) for blocks, height in zip(pages, heights, strict=True)]
    doomed: set[int] = set()
    copies: dict[str, list[tuple[int, LineDraft]]] = defaultdict(list)
    for page, lines in enumerate(edges):
        for line in lines:
            if is_page_number(line.text):
                doomed.add(id(line))
            elif line.text:
                copies[_key(line.text)].append((page, line))
    for found in copies.values():
        pages_with = {page for page, _ in found}
        if len(pages_with) < 2 or len(pages_with) * 2 < len(pages):
            continue
        heights_seen = sorted(line.y for _, line in found)
        median = heights_seen[len(heights_seen) // 2]
        repeated = [line for _, line in found if abs(line.y - median) <= SAME_HEIGHT]
        if len({id(line) for line in repeated}) < 2:
            continue
        first, *rest = repeated
        first.text = _TRAILING_NUMBER.sub("", first.text).strip() or first.text
        doomed.update(id(line) for line in rest)
    if doomed:
        for blocks in pages:
            for block in blocks:
                block[:] = [line for line in block if id(line) not in doomed]
            blocks[:] = [block for block in blocks if block]
