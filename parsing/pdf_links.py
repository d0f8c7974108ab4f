"""Hyperlinks of a page: link annotations with a URI action, and the text they cover.

The anchor is what the reader sees inside the annotation's rectangle ("GitHub", an
e-mail address, or nothing when the link sits on an icon), so the field parser can tell
a profile link from a paper link even when the visible text is a word.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from pypdf import PageObject
from pypdf.generic import DictionaryObject

from parsing.models import LinkTarget
from parsing.pdf_layout import SPACE_EM
from parsing.pdf_text import Frame, Run
from parsing.textnorm import clean_line, link_hyphen, strip_surrogates

MAX_LINKS_PER_PAGE = 500


def _uri(annotation: DictionaryObject) -> str | None:
    if annotation.get("/Subtype") != "/Link":
        return None
    action = annotation.get("/A")
    action = action.get_object() if action is not None else None
    if not isinstance(action, DictionaryObject) or action.get("/S") != "/URI":
        return None
    uri = action.get("/URI")
    uri = uri.get_object() if uri is not None else None
    if isinstance(uri, bytes):
        uri = uri.decode("utf-8", "replace")
    if not isinstance(uri, str):
        return None
    uri = strip_surrogates("".join(uri.split()).replace("\x00", ""))
    return uri or None


def _rect(annotation: DictionaryObject, frame: Frame) -> tuple[float, float, float, float] | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"][:4])
    except (KeyError, TypeError, ValueError):
        return None
    (ax, ay), (bx, by) = frame.point(x0, y0), frame.point(x1, y1)
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


class _RunIndex:
    """Runs sorted by baseline, so each link looks only at the runs near its rectangle."""

    def __init__(self, runs: list[Run]) -> None:
        self.runs = sorted(runs, key=lambda run: run.y0)
        self.baselines = [run.y0 for run in self.runs]
        self.reach = max((run.size for run in runs), default=0.0)

    def near(self, bottom: float, top: float) -> list[Run]:
        low = bisect_left(self.baselines, bottom - self.reach)
        high = bisect_right(self.baselines, top + self.reach)
        return self.runs[low:high]


def anchor_text(runs: list[Run], rect: tuple[float, float, float, float], url: str = "") -> str:
    """The text of `runs` whose characters' centres fall inside `rect` (frame space); lines
    joined as `url` spells them (see `join_anchor`)."""
    left, bottom, right, top = rect
    pieces: list[tuple[float, float, float, str, float]] = []  # (-y, x0, x1, text, size)
    for run in runs:
        low, high = run.y0 - 0.2 * run.size, run.y0 + 0.75 * run.size
        overlap = min(high, top) - max(low, bottom)
        if overlap < 0.3 * (high - low) or run.x1 < left or run.x0 > right:
            continue
        count = len(run.text)
        step = (run.x1 - run.x0) / count if count else 0.0
        chosen = [i for i in range(count) if left - 1.0 <= run.x0 + (i + 0.5) * step <= right + 1.0]
        if chosen:
            first, last = chosen[0], chosen[-1]
            text = run.text[first : last + 1]
            pieces.append(
                (-run.y0, run.x0 + first * step, run.x0 + (last + 1) * step, text, run.size)
            )
    pieces.sort()
    text = ""
    previous: tuple[float, float, float, str, float] | None = None
    for piece in pieces:
        if previous is None:
            text = piece[3]
        elif abs(piece[0] - previous[0]) > 0.5 * piece[4]:
            text = join_anchor(text, piece[3], url)  # the next line
        elif piece[1] - previous[2] >= SPACE_EM * piece[4]:
            text = f"{text} {piece[3]}"
        else:
            text += piece[3]
        previous = piece
    return clean_line(text)


def join_anchor(first: str, second: str, url: str) -> str:
    """Two lines of one link's text, joined as the target spells them: TeX breaks a long
    address over lines, with a hyphen ("luciafernan-" / "dez.github.io") or without
    (a \\url), and the target shows which it was. Anything else is two words."""
    if not first or not second:
        return first or second
    left, right = first.rsplit(None, 1)[-1], second.split(None, 1)[0]
    hyphen = link_hyphen(left, right, [url])
    if hyphen is False:
        return first[:-1] + second
    if hyphen or (len(left + right) >= 4 and (left + right).lower() in url.lower()):
        return first + second
    return f"{first} {second}"


def page_links(
    page: PageObject, runs: list[Run], frame: Frame, page_index: int
) -> list[LinkTarget]:
    """Every URI link annotation of `page`, with its anchor text, top to bottom."""
    annotations = page.get("/Annots")
    annotations = annotations.get_object() if annotations is not None else None
    if not isinstance(annotations, list):
        return []
    found: list[tuple[float, float, str, str]] = []
    index = _RunIndex(runs)
    for item in annotations[:MAX_LINKS_PER_PAGE]:
        annotation: Any = item.get_object() if item is not None else None
        if not isinstance(annotation, DictionaryObject):
            continue
        uri = _uri(annotation)
        rect = _rect(annotation, frame) if uri else None
        if uri is None or rect is None:
            continue
        anchor = anchor_text(index.near(rect[1], rect[3]), rect, uri)
        found.append((-rect[3], rect[0], uri, anchor))
    found.sort()
    return _merge([LinkTarget(url, page_index, anchor) for _, _, url, anchor in found])


def _merge(links: list[LinkTarget]) -> list[LinkTarget]:
    """One entry per URL and page: a link broken over two lines is two annotations."""
    merged: dict[str, LinkTarget] = {}
    for link in links:
        seen = merged.get(link.url)
        if seen is None:
            merged[link.url] = link
        elif link.anchor and link.anchor not in seen.anchor:
            anchor = join_anchor(seen.anchor, link.anchor, link.url)
            merged[link.url] = LinkTarget(link.url, link.page, anchor)
    return list(merged.values())
