"""Reading order for one page: positioned runs in, blocks of lines out.

1. Runs are grouped into *rows* by baseline (superscripts join their row) and each row
   is cut into *chunks* where a horizontal gap of an em or more separates its runs.
2. A vertical *gutter* is looked for: an x position, shared by the left edges of several
   chunks, that no chunk crosses over a stretch of rows. Rows whose chunks cross it
   (a full-width heading, a name across the top) split the page into *regions*.
3. Each region with a gutter is one of:
   - *columns* of running text (both sides wide and filled, like a two-column paper),
     even where their lines share baselines: the left column, then the right one;
   - a *table* (most rows have text on both sides, or one side never stands alone):
     rows are read across, like any row ("2019  Best Paper Award", "Google  2016-2019");
   - a *margin* (a narrow left side whose cells sit beside the first line of longer
     blocks on the right: moderncv / "classic" CVs with section names in the margin):
     each margin cell becomes its own line right before the body line it sits beside,
     flagged `heading` when it looks like a label (words, no digits) and labels are
     sparse; cells that hold dates or numbers are read across instead;
   - *columns* (both sides run on by themselves: AltaCV, sidebar CVs): the left column
     is one block, then the right column.
4. Within a line, runs are joined left to right with a space wherever the gap between
   them is at least 0.15 em (never between two CJK characters), and with a tab where it
   is 1.5 em or more: such gaps separate the cells of a row ("Google<TAB>2016-2019").

Coordinates here have y pointing up (PDF); `LineDraft.y` is converted to "points from
the top of the page" by the caller.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from parsing.pdf_text import Run
from parsing.textnorm import is_cjk

SPACE_EM = 0.15  # a gap between runs this wide is a space
CHUNK_GAP_EM = 1.0  # a gap this wide splits a row into chunks (a column gutter candidate)
TAB_EM = 1.5  # a gap this wide separates cells of a row: joined with a tab, not a space
ROW_TOLERANCE_EM = 0.45  # baselines this close (in ems of the larger font) share a row
GUTTER_CLEARANCE = 3.0  # points between a left chunk's end and the gutter line
MAX_GUTTER_CANDIDATES = 12
MAX_ROWS_FOR_COLUMNS = 2_000  # a page has ~100 rows; past this, skip the column search

_LABEL = re.compile(r"^[^\W\d_][^\d]{0,40}$")


@dataclass(slots=True)
class LineDraft:
    """One output line before clean-up: text, font facts and position (y up)."""

    text: str
    size: float
    bold: bool
    x: float
    y: float
    heading: bool = False


@dataclass(slots=True)
class _Row:
    y: float
    size: float
    runs: list[Run] = field(default_factory=list)
    chunks: list[tuple[float, float]] = field(default_factory=list)


# ----------------------------------------------------------------------- rows and lines


def group_rows(runs: list[Run]) -> list[_Row]:
    """Runs grouped by baseline, top row first; each row's runs sorted left to right."""
    rows: list[_Row] = []
    current: _Row | None = None
    for run in sorted(runs, key=lambda r: (-r.y0, r.x0)):
        if current is not None and current.y - run.y0 <= ROW_TOLERANCE_EM * max(
            run.size, current.size
        ):
            current.runs.append(run)
            current.size = max(current.size, run.size)
            continue
        current = _Row(run.y0, run.size, [run])
        rows.append(current)
    for row in rows:
        row.runs.sort(key=lambda r: r.x0)
        row.chunks = _chunks(row.runs)
    return rows


def _chunks(runs: list[Run]) -> list[tuple[float, float]]:
    chunks: list[tuple[float, float]] = []
    start, end = runs[0].x0, runs[0].x1
    for run in runs[1:]:
        if run.x0 - end >= CHUNK_GAP_EM * run.size:
            chunks.append((start, end))
            start = run.x0
        end = max(end, run.x1)
    chunks.append((start, end))
    return chunks


def make_line(runs: list[Run]) -> LineDraft:
    """Runs of one line (sorted by x) -> text with spaces from gaps, and font facts."""
    parts: list[str] = []
    previous: Run | None = None
    edge = runs[0].x1  # right end of the text so far (a run may start inside an earlier one)
    sizes: Counter[float] = Counter()
    bold_chars = 0
    baselines: Counter[float] = Counter()
    for run in _collapse_letter_spacing(runs):
        if previous is not None:
            if run.text == previous.text and abs(run.x0 - previous.x0) < 0.2 * run.size:
                continue  # the same text drawn twice (fake bold, shadow): keep it once
            parts.append(_separator(previous, run, run.x0 - edge))
        parts.append(run.text)
        weight = len(run.text)
        sizes[round(run.size, 1)] += weight
        baselines[round(run.y0, 1)] += weight
        if run.bold:
            bold_chars += weight
        previous = run
        edge = max(edge, run.x1)
    total = sum(sizes.values()) or 1
    return LineDraft(
        text="".join(parts),
        size=sizes.most_common(1)[0][0] if sizes else 0.0,
        bold=bold_chars * 2 > total,
        x=runs[0].x0,
        y=baselines.most_common(1)[0][0] if baselines else runs[0].y0,
    )


def _separator(previous: Run, run: Run, gap: float) -> str:
    """ "", " " or a tab between two runs of a line, from the gap between them."""
    if previous.text[-1:].isspace() or run.text[:1].isspace():
        return ""
    if gap >= TAB_EM * run.size:
        return "\t"  # cells of a row: "Google<TAB>Mountain View, CA"
    if gap < SPACE_EM * 0.5 * (previous.size + run.size):
        return ""
    return "" if is_cjk(previous.text[-1]) and is_cjk(run.text[0]) else " "


def _collapse_letter_spacing(runs: list[Run]) -> list[Run]:
    """Letter-spaced text ("S K I L L S") comes as one-letter runs with even gaps: merge
    those whose gap is no wider than the narrowest one plus a little."""
    if len(runs) < 4 or sum(len(r.text) == 1 for r in runs) < 4:
        return runs
    merged: list[Run] = [runs[0]]
    index = 1
    while index < len(runs):
        group_end = index
        while group_end < len(runs) and len(runs[group_end].text) == 1:
            group_end += 1
        if group_end - index >= 3 and len(runs[index - 1].text) == 1:
            gaps = [runs[i].x0 - runs[i - 1].x1 for i in range(index, group_end)]
            limit = min(gaps) + 0.12 * runs[index].size
            for i in range(index, group_end):
                if runs[i].x0 - runs[i - 1].x1 <= limit:
                    merged[-1] = _joined(merged[-1], runs[i])
                else:
                    merged.append(runs[i])
            index = group_end
            continue
        merged.append(runs[index])
        index += 1
    return merged


def _joined(left: Run, right: Run) -> Run:
    return Run(
        left.x0, left.y0, right.x1, right.y1, left.size, 0, left.bold, left.text + right.text
    )


# ----------------------------------------------------------------------- gutters


@dataclass(slots=True)
class _Region:
    kind: str  # "plain", "table", "margin", "columns"
    rows: list[_Row]
    gutter: float = 0.0


LEFT, RIGHT, ALIGNED, APART = 1, 2, 3, 4  # row sides; APART: both, on different baselines


def _side(row: _Row, gutter: float) -> int:
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
        left, right = _split(row, gutter)
        if abs(_baseline(left) - _baseline(right)) > 0.15 * row.size:
            return APART  # two columns whose lines merely fell into one row
    return sides


def _baseline(runs: list[Run]) -> float:
    return max(runs, key=lambda run: len(run.text)).y0


def _split(row: _Row, gutter: float) -> tuple[list[Run], list[Run]]:
    left = [r for r in row.runs if r.x0 < gutter - 1.5]
    right = [r for r in row.runs if r.x0 >= gutter - 1.5]
    return left, right


def _stretches(rows: list[_Row], gutter: float) -> list[tuple[int, int, list[int]]]:
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


def _text_columns(rows: list[_Row], sides: list[int], gutter: float) -> bool:
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


def _classify(rows: list[_Row], sides: list[int], gutter: float) -> str:
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


def find_gutter(rows: list[_Row]) -> float | None:
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


def _overlap_span(rows: list[_Row], sides: list[int]) -> tuple[int, int]:
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


def regions(rows: list[_Row]) -> list[_Region]:
    """The page's rows cut into plain stretches and gutter regions, top to bottom."""
    gutter = find_gutter(rows)
    if gutter is None:
        return [_Region("plain", rows)]
    out: list[_Region] = []
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
            out.append(_Region("plain", rows[position:start]))
        out.append(_Region(kind, rows[start:end], gutter))
        position = end
    if position < len(rows):
        out.append(_Region("plain", rows[position:]))
    return out


# ----------------------------------------------------------------------- blocks


def layout_page(runs: list[Run]) -> list[list[LineDraft]]:
    """Blocks of lines in reading order for one page's upright runs."""
    if not runs:
        return []
    blocks: list[list[LineDraft]] = []
    for region in regions(group_rows(runs)):
        if region.kind == "columns":
            blocks.extend(_column_blocks(region))
        elif region.kind == "margin":
            blocks.append(_margin_block(region))
        else:
            blocks.append([make_line(row.runs) for row in region.rows])
    return [block for block in blocks if block]


def _column_blocks(region: _Region) -> list[list[LineDraft]]:
    left_lines: list[LineDraft] = []
    right_lines: list[LineDraft] = []
    for row in region.rows:
        left, right = _split(row, region.gutter)
        if left:
            left_lines.append(make_line(left))
        if right:
            right_lines.append(make_line(right))
    return [left_lines, right_lines]


def _margin_block(region: _Region) -> list[LineDraft]:
    """Margin cells as lines before the body line beside them (see the module docstring)."""
    split_rows = [_split(row, region.gutter) for row in region.rows]
    cells = [(index, make_line(left)) for index, (left, _) in enumerate(split_rows) if left]
    right_rows = sum(1 for _, right in split_rows if right)
    labels, folded = _labels(cells, sparse=len(cells) * 2 <= right_rows)
    out: list[LineDraft] = []
    for index, (row, (left, right)) in enumerate(zip(region.rows, split_rows, strict=True)):
        if index in labels:
            out.append(labels[index])
        elif left and index not in folded:
            out.append(make_line(row.runs))  # a date or number in the margin: read across
            continue
        if right:
            out.append(make_line(right))
    return out


def _labels(
    cells: list[tuple[int, LineDraft]], sparse: bool
) -> tuple[dict[int, LineDraft], set[int]]:
    """Margin cells that are labels, keyed by row, with stacked cells ("Contact" /
    "Information") joined into the first; and the rows whose cells were joined so."""
    if not cells or not all(_LABEL.match(line.text.strip()) for _, line in cells):
        return {}, set()
    labels: dict[int, LineDraft] = {}
    folded: set[int] = set()
    first: LineDraft | None = None
    last_index, last_y, last_size = -10, 0.0, 0.0
    for index, line in cells:
        stacked = 0 < last_y - line.y <= 1.6 * max(last_size, line.size)
        if first is not None and index == last_index + 1 and stacked:
            first.text = f"{first.text} {line.text}"
            folded.add(index)
        else:
            line.heading = sparse
            labels[index] = first = line
        last_index, last_y, last_size = index, line.y, line.size
    return labels, folded
