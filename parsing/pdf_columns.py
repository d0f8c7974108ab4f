"""Column gutters: where a page splits into two sides, and how to read each stretch.

A *gutter* is an x position, shared by the left edges of several chunks (runs of a row
separated by an em or more), that no chunk crosses over a stretch of rows. Rows whose
chunks cross it (a full-width heading, a name across the top) split the page into
stretches, and each stretch is one of:
- *columns* of running text (both sides wide and filled, like a two-column paper), even
  where their lines share baselines, or two sides that run on independently (AltaCV, a
  sidebar, a contact block beside the name): the left column, then the right one; a
  header band at its top (a Word header table whose right cell does not start where
  the right column does) is read first, its left cell then its right cell;
- a *margin* (a narrow left side whose sparse cells sit beside the first line of longer
  blocks on the right: moderncv / "classic" CVs with section names in the margin);
- a *table*: read across like any row ("2019  Best Paper Award", "Google  2016-2019").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsing.pdf_text import Run

if TYPE_CHECKING:
    from parsing.pdf_layout import Row

GUTTER_CLEARANCE = 3.0  # points between a left chunk's end and the gutter line
MAX_GUTTER_CANDIDATES = 12
MAX_ROWS_FOR_COLUMNS = 2_000  # a page has ~100 rows; past this, skip the column search
BAND_GAP_EM = 2.5  # baseline distance between a header band and the columns below it
LEFT, RIGHT, ALIGNED, APART = 1, 2, 3, 4  # row sides; APART: both, on different baselines


@dataclass(slots=True)
class Region:
    """Consecutive rows read one way; `gutter` is the x where its two sides meet."""

    kind: str  # "plain" (read across), "margin" or "columns"
    rows: list[Row]
    gutter: float = 0.0


def _side(row: Row, gutter: float) -> int:
    """Which sides of the gutter a row has text on (see the constants); -1 if a chunk
    crosses the gutter."""
    sides = 0
    for x0, x1 in row.chunks:
        if x0 >= gutter - 1.5:
            sides |= RIGHT
        elif x1 <= gutter - GUTTER_CLEARANCE:
            sides |= LEFT
        else:
            return -1
    if sides == ALIGNED:
        left, right = split_row(row, gutter)
        if abs(_baseline(left) - _baseline(right)) > 0.15 * row.size:
            return APART  # two columns whose lines merely fell into one row
    return sides


def _baseline(runs: list[Run]) -> float:
    return max(runs, key=lambda run: len(run.text)).y0


def split_row(row: Row, gutter: float) -> tuple[list[Run], list[Run]]:
    left = [r for r in row.runs if r.x0 < gutter - 1.5]
    right = [r for r in row.runs if r.x0 >= gutter - 1.5]
    return left, right


def _stretches(rows: list[Row], gutter: float) -> list[tuple[int, int, list[int]]]:
    """Maximal runs of rows not crossed by the gutter: (first, end, side of each row)."""
    out: list[tuple[int, int, list[int]]] = []
    start = 0
    sides: list[int] = []
    for index, row in enumerate(rows):
        side = _side(row, gutter)
        if side < 0:
            if sides:
                out.append((start, index, sides))
            sides = []
            start = index + 1
            continue
        sides.append(side)
    if sides:
        out.append((start, len(rows), sides))
    return out


def _counts(sides: list[int]) -> tuple[int, int, int]:
    """(rows with left text alone, rows with right text alone, rows read across)."""
    apart = sides.count(APART)
    return sides.count(LEFT) + apart, sides.count(RIGHT) + apart, sides.count(ALIGNED)


def _text_columns(rows: list[Row], sides: list[int], gutter: float) -> bool:
    """Both sides are running text (a two-column paper, a sidebar): each side is wide and
    most of its lines fill it, so rows that share a baseline are still two lines."""
    left = [c for row in rows for c in row.chunks if c[1] <= gutter - GUTTER_CLEARANCE]
    right = [c for row in rows for c in row.chunks if c[0] >= gutter - 1.5]
    if len(left) < 6 or len(right) < 6:
        return False
    left_span = max(c[1] for c in left) - min(c[0] for c in left)
    right_span = max(c[1] for c in right) - min(c[0] for c in right)
    total = max(c[1] for c in right) - min(c[0] for c in left)
    if min(left_span, right_span) < 0.3 * total:
        return False
    return _filled(left, left_span) and _filled(right, right_span)


def _filled(chunks: list[tuple[float, float]], span: float) -> bool:
    widths = sorted(x1 - x0 for x0, x1 in chunks)
    return widths[len(widths) // 2] >= 0.6 * span


def _classify(rows: list[Row], sides: list[int], gutter: float) -> str:
    """ "columns", "margin" or "table" (read across) for a stretch of rows."""
    left_only, right_only, both = _counts(sides)
    left_rows, right_rows = left_only + both, right_only + both
    if left_rows < 1 or right_rows < 1:
        return "table"
    if _text_columns(rows, sides, gutter):
        return "columns"
    if left_only <= 1 and right_only <= 1:
        return "table"
    # Margin cells sit beside a body line (same baseline), the body runs on alone, and
    # the cells are sparse: at most a short stack of them in a row (not a sidebar).
    if (
        both >= 1
        and left_only <= both
        and right_only >= 2
        and left_rows * 5 <= right_rows * 3
        and _longest_left_stack(sides) <= 3
    ):
        return "margin"
    if right_only <= max(1, right_rows // 4) and left_only >= 2:
        return "table"  # notes on the right (dates, places) belong to their rows
    if left_rows < 2 or right_rows < 2:
        return "table"
    return "columns"


def _longest_left_stack(sides: list[int]) -> int:
    longest = current = 0
    for side in sides:
        current = current + 1 if side != RIGHT else 0
        longest = max(longest, current)
    return longest


def find_gutter(rows: list[Row]) -> float | None:
    """The x of the strongest column gutter on a page, or None.

    Candidates are left edges shared by at least three chunks (a column's lines start
    there); each is scored by how many rows it splits into columns or margin and body."""
    if not 4 <= len(rows) <= MAX_ROWS_FOR_COLUMNS:
        return None
    left_margin = min(row.chunks[0][0] for row in rows)
    edges = Counter(
        round(x0 * 2) / 2 for row in rows for x0, _ in row.chunks if x0 > left_margin + 12.0
    )
    best, best_score = None, 0
    for gutter, count in edges.most_common(MAX_GUTTER_CANDIDATES):
        if count < 3:
            break
        score = sum(
            end - start
            for start, end, sides in _stretches(rows, gutter)
            if _classify(rows[start:end], sides, gutter) != "table"
        )
        if score > best_score or (score == best_score and best is not None and gutter < best):
            best, best_score = gutter, score
    return best if best_score >= 4 else None


def _overlap_span(rows: list[Row], sides: list[int]) -> tuple[int, int]:
    """Rows [first, end) where both columns have text, when one column is much shorter
    than the other (a contact block beside the name): the long column's rows above and
    below it are read as ordinary rows. The whole stretch otherwise."""
    left = [i for i, side in enumerate(sides) if side != RIGHT]
    right = [i for i, side in enumerate(sides) if side != LEFT]
    height = rows[0].y - rows[-1].y
    short = min(left, right, key=lambda idx: rows[idx[0]].y - rows[idx[-1]].y)
    if height <= 0 or rows[short[0]].y - rows[short[-1]].y >= 0.5 * height:
        return 0, len(rows)
    return short[0], short[-1] + 1


def _header_band(rows: list[Row], gutter: float) -> int:
    """How many rows at the top of a columns stretch are a header band rather than the
    start of the columns (0 if none): a Word header table whose right cell (contacts,
    right-aligned) sits above a sidebar column would otherwise be read with the sidebar,
    after the whole main column. The band has text on both sides, none of its right-side
    text starts at the gutter where the right column below starts, and a blank strip
    separates it from the columns (baselines `BAND_GAP_EM` or more apart)."""
    first_at_gutter = next(
        (i for i, row in enumerate(rows) if any(abs(x0 - gutter) <= 1.5 for x0, _ in row.chunks)),
        0,
    )
    if first_at_gutter < 2:
        return 0
    # The band ends at the widest blank strip above the right column's first line.
    end = max(range(1, first_at_gutter + 1), key=lambda i: rows[i - 1].y - rows[i].y)
    size = max(rows[end - 1].size, rows[end].size)
    if rows[end - 1].y - rows[end].y < BAND_GAP_EM * size:
        return 0
    sides = {RIGHT if x0 >= gutter - 1.5 else LEFT for row in rows[:end] for x0, _ in row.chunks}
    return end if len(sides) == 2 else 0


def regions(rows: list[Row]) -> list[Region]:
    """The page's rows cut into plain stretches and gutter regions, top to bottom."""
    gutter = find_gutter(rows)
    if gutter is None:
        return [Region("plain", rows)]
    out: list[Region] = []
    position = 0
    for start, end, sides in _stretches(rows, gutter):
        kind = _classify(rows[start:end], sides, gutter)
        if kind == "table":
            continue  # read across, like the rows around them
        if kind == "columns":
            first, stop = _overlap_span(rows[start:end], sides)
            if _classify(rows[start + first : start + stop], sides[first:stop], gutter) == "table":
                continue
            start, end = start + first, start + stop
        if start > position:
            out.append(Region("plain", rows[position:start]))
        band = _header_band(rows[start:end], gutter) if kind == "columns" else 0
        if band:  # a header table above the columns: its cells first, then the columns
            out.append(Region("columns", rows[start : start + band], gutter))
            start += band
        out.append(Region(kind, rows[start:end], gutter))
        position = end
    if position < len(rows):
        out.append(Region("plain", rows[position:]))
    return out
