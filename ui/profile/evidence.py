"""Finding a value's evidence in a document. No Qt.

Evidence is a span of the text the parser extracted (pypdf), while the viewer shows the
PDF through pdfium, whose text differs in white space, ligatures and case. So a span is
turned into a short snippet and found again by comparing both texts with all white space
removed and compatibility forms folded.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from parsing.models import Evidence
from storage.models import REVIEWER, Document
from ui.profile.profile_items import evidence_of, items

SNIPPET_CHARS = 60
SHORT_WORDS = 3  # a retry with the first few words, when the long snippet is not found


def span_text(text: str, evidence: Evidence) -> str:
    start = max(0, min(evidence.start, len(text)))
    return text[start : max(start, min(evidence.end, len(text)))]


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The first non-empty line of `text`, white space folded, cut at a word boundary."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    folded = " ".join(line.split())
    if len(folded) <= limit:
        return folded
    cut = folded[:limit]
    return cut[: cut.rfind(" ")] if " " in cut else cut


def search_snippets(text: str) -> list[str]:
    """Snippets to try in turn: the first line's start, then its first few words."""
    long = snippet(text)
    short = " ".join(long.split()[:SHORT_WORDS])
    return [s for s in dict.fromkeys((long, short)) if s]


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` without white space, NFKC-folded and lower-cased, with each char's origin."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for folded in unicodedata.normalize("NFKC", char).lower():
            if not folded.isspace():
                chars.append(folded)
                origin.append(index)
    return "".join(chars), origin


def locate(haystack: str, needle: str) -> tuple[int, int] | None:
    """The span of `haystack` that reads as `needle` (ignoring white space and case)."""
    hay, origin = _folded(haystack)
    pin, _ = _folded(needle)
    if not pin:
        return None
    at = hay.find(pin)
    if at < 0:
        return None
    return origin[at], origin[at + len(pin) - 1] + 1


def source_document(
    field: str, evidence: Evidence, source: Any, documents: Sequence[Document]
) -> int | None:
    """Which document's text `evidence` points into.

    A field from a document points there. A reviewer-edited field keeps the evidence of the
    entries it was edited from, so the document whose own parse has that evidence wins.
    """
    ids = [d.id for d in documents]
    if source != REVIEWER and source in ids:
        return source
    for doc in documents:
        if any(evidence_of(i) == evidence for i in items(doc.profile, field)):
            return doc.id
    return ids[0] if ids else None
