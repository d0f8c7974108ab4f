"""Reading order for one page: positioned runs in, blocks of lines out.

1. Runs are grouped into *rows* by baseline (superscripts join their row; lines that
   overlap across, pulled into one row by a large font beside them, are split again)
   and each row is cut into *chunks* where a gap of an em or more separates its runs.
2. `pdf_columns` looks for a column gutter and sorts the rows into stretches read as
   columns (the left column is one block, then the right one), as a margin beside a body,
   or across (everything else).
3. In a margin stretch, each margin cell becomes its own line right before the body line
   it sits beside, flagged `heading` when all cells look like labels (words, no digits)
   and they are sparse; stacked cells ("Contact" / "Information") are one label. Cells
   holding dates or numbers are read across instead ("2010-2014<TAB>PhD in Physics").
4. Within a line, runs are joined left to right with a space wherever the gap between
   them is at least 0.15 em (never between two CJK characters), and with a tab where it
   is 1.5 em or more: such gaps separate the cells of a row ("Google<TAB>2016-2019").
   An accent drawn raised over a capital goes before that letter.

Coordinates here have y pointing up (PDF); `LineDraft.y` is converted to "points from
the top of the page" by the caller.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from parsing.pdf_columns import Region, regions, split_row
from parsing.pdf_text import Run
from parsing.textnorm import is_cjk

SPACE_EM = 0.15  # a gap between runs this wide is a space
CHUNK_GAP_EM = 1.0  # a gap this wide splits a row into chunks (a column gutter candidate)
TAB_EM = 1.5  # a gap this wide separates cells of a row: joined with a tab, not a space
ROW_TOLERANCE_EM = 0.45  # baselines this close (in ems of the larger font) share a row
STACKED_EM = 0.6  # runs overlapping across this far apart (smaller font) are two lines
CELL_GAP_EM = 0.5  # a gap this wide before a shared left edge: a cell column beside a body
WRAP_PITCH_EM = 1.5  # a cell's wrapped line is at most this far below its first line
_SPACING_ACCENTS = frozenset("¨´`ˆ˜¯˘˙˚˝ˇ")  # drawn apart by TeX, composed by textnorm
_OPEN_RANGE = re.compile(r"\d\s*[-–—]\s*$")  # "06/2023–", "Sept. 2018 –"

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
class Row:
    """Runs sharing a baseline, left to right, and their chunks (x0, x1)."""

    y: float
    size: float
    runs: list[Run] = field(default_factory=list)
    chunks: list[tuple[float, float]] = field(default_factory=list)


# ----------------------------------------------------------------------- rows and lines


def group_rows(runs: list[Run]) -> list[Row]:
    """Runs grouped by baseline, top row first; each row's runs sorted left to right."""
    rows: list[Row] = []
    for row in _group(runs, max):
        rows.extend(_group(row.runs, min) if _stacked(row.runs) else (row,))
    for row in rows:
        row.runs.sort(key=lambda r: r.x0)
        row.chunks = _chunks(row.runs)
    return rows


def _group(runs: list[Run], pick: Callable[[float, float], float]) -> list[Row]:
    """Runs whose baselines are within `ROW_TOLERANCE_EM` of the row's first one, in ems
    of the larger font (`max`: a superscript joins its line) or the smaller (`min`)."""
    rows: list[Row] = []
    current: Row | None = None
    for run in sorted(runs, key=lambda r: (-r.y0, r.x0)):
        if current is not None and current.y - run.y0 <= ROW_TOLERANCE_EM * pick(
            run.size, current.size
        ):
            current.runs.append(run)
            current.size = pick(current.size, run.size)
            continue
        current = Row(run.y0, run.size, [run])
        rows.append(current)
    return rows


def _stacked(runs: list[Run]) -> bool:
    """Whether a row holds lines stacked one above the other: runs that overlap across
    and whose baselines are most of a line apart. A name in a large font pulls the small
    lines beside it (moderncv's right-aligned e-mail and homepage) into its row; read
    across, they would run into each other ("a@b.chc.github.io"). A raised accent or a
    superscript is much closer to its baseline."""
    if len(runs) < 2:
        return False
    ordered = sorted(runs, key=lambda r: r.x0)
    widest = ordered[0]  # the run reaching furthest right so far
    for run in ordered[1:]:
        if run.x0 < widest.x1 - 1.0 and abs(run.y0 - widest.y0) >= STACKED_EM * min(
            run.size, widest.size
        ):
            return True
        if run.x1 > widest.x1:
            widest = run
    return False


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
    runs = _place_raised_accents(runs)
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


def _place_raised_accents(runs: list[Run]) -> list[Run]:
    """pdfTeX's OT1 fonts have no accented capitals: the accent is its own glyph, raised
    and centred over the letter ("¨" over "Olund"). Sorted by x it lands after the
    letter ("Olund¨"); put it before the letter it sits over, where textnorm composes
    the two ("Ölund")."""
    accents = [run for run in runs if len(run.text) == 1 and run.text in _SPACING_ACCENTS]
    if not accents:
        return runs
    out = [run for run in runs if all(run is not accent for accent in accents)]
    for accent in accents:
        centre = (accent.x0 + accent.x1) / 2
        for index, base in enumerate(out):
            if base.x0 <= centre <= base.x1 and accent.y0 - base.y0 > 0.1 * base.size:
                out[index] = _with_accent(base, accent.text, centre)
                break
        else:
            out.append(accent)  # over nothing: left where it is
    out.sort(key=lambda run: run.x0)
    return out


def _with_accent(base: Run, accent: str, centre: float) -> Run:
    step = (base.x1 - base.x0) / len(base.text)
    at = min(int((centre - base.x0) / step), len(base.text) - 1) if step > 0 else 0
    text = base.text[:at] + accent + base.text[at:]
    return Run(base.x0, base.y0, base.x1, base.y1, base.size, base.orient, base.bold, text)


def _separator(previous: Run, run: Run, gap: float) -> str:
    """ "", " " or a tab between two runs of a line, from the gap between them."""
    if gap >= TAB_EM * run.size:
        return "\t"  # cells of a row: "Google<TAB>Mountain View, CA", trailing space or not
    if previous.text[-1:].isspace() or run.text[:1].isspace():
        return ""
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


# ----------------------------------------------------------------------- blocks


# ----------------------------------------------------------------------- wrapped cells


def fold_wrapped_cells(rows: list[Row]) -> list[Row]:
    """A date column too narrow for its range wraps it: moderncv's "06/2023–" over
    "09/2023", a table cell's "Sept. 2018 –" over "présent". Read across, the second
    half lands at the start of the next body line ("09/2023 Scalable inference ...").
    Where a page has a body edge (see `_body_edge`), a cell left of it that ends in a
    dash takes the short cell on the line right below it, and that line keeps its body."""
    edge = _body_edge(rows)
    if edge is None:
        return rows
    out: list[Row] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        below = rows[index + 1] if index + 1 < len(rows) else None
        if below is not None and _folds(row, below, edge):
            body = _fold(row, below, edge)
            if body:
                out.append(row)
                below.runs, below.chunks = body, _chunks(body)
                row = below
            index += 1
        out.append(row)
        index += 1
    return out


def _body_edge(rows: list[Row]) -> float | None:
    """The x where a body column starts beside a column of cells (dates, labels): the
    left edge most often found after a gap of half an em within a row, if 3 rows have it."""
    edges: Counter[int] = Counter()
    for row in rows:
        for left, right in zip(row.runs, row.runs[1:], strict=False):
            if right.x0 - left.x1 >= CELL_GAP_EM * right.size:
                edges[round(right.x0)] += 1
    if not edges:
        return None
    edge, count = edges.most_common(1)[0]
    return float(edge) if count >= 3 else None


def _cell(row: Row, edge: float) -> list[Run]:
    """The runs of `row` left of the body edge (with a gap before it), or [] if any
    run straddles the edge."""
    cell = [run for run in row.runs if run.x0 < edge - 1.5]
    if any(run.x1 > edge - CELL_GAP_EM * run.size for run in cell):
        return []
    return cell


def _folds(row: Row, below: Row, edge: float) -> bool:
    """Whether `row`'s cell is an open date range ("2018 –") and `below`'s cell, on the
    very next line, its end: a date or one word ("present", "heute")."""
    cell = _cell(row, edge)
    if not cell or not _OPEN_RANGE.search(make_line(cell).text):
        return False
    if row.y - below.y > WRAP_PITCH_EM * row.size:
        return False  # the next entry, not the rest of this cell
    rest = _cell(below, edge)
    text = make_line(rest).text.strip() if rest else ""
    if not text or len(text) > 25 or len(text.split()) > 3:
        return False
    return any(char.isdigit() for char in text) or text.isalpha()


def _fold(row: Row, below: Row, edge: float) -> list[Run]:
    """Move the cell of `below` into the cell of `row`; returns what `below` keeps."""
    upper, lower = _cell(row, edge), _cell(below, edge)
    first, second = make_line(upper).text, make_line(lower).text
    joiner = "" if first[-2:-1].isdigit() else " "  # "06/2023–09/2023", "2018 – présent"
    merged = Run(
        upper[0].x0,
        upper[0].y0,
        max(run.x1 for run in upper),
        upper[0].y1,
        upper[0].size,
        0,
        upper[0].bold,
        first + joiner + second,
    )
    row.runs = [merged] + [run for run in row.runs if run not in upper]
    row.chunks = _chunks(row.runs)
    return [run for run in below.runs if run not in lower]


def layout_page(runs: list[Run]) -> list[list[LineDraft]]:
    """Blocks of lines in reading order for one page's upright runs."""
    if not runs:
        return []
    blocks: list[list[LineDraft]] = []
    for region in regions(fold_wrapped_cells(group_rows(runs))):
        if region.kind == "columns":
            blocks.extend(_column_blocks(region))
        elif region.kind == "margin":
            blocks.append(_margin_block(region))
        else:
            blocks.append([make_line(row.runs) for row in region.rows])
    return [block for block in blocks if block]


def _column_blocks(region: Region) -> list[list[LineDraft]]:
    left_lines: list[LineDraft] = []
    right_lines: list[LineDraft] = []
    for row in region.rows:
        left, right = split_row(row, region.gutter)
        if left:
            left_lines.append(make_line(left))
        if right:
            right_lines.append(make_line(right))
    return [left_lines, right_lines]


def _margin_block(region: Region) -> list[LineDraft]:
    """Margin cells as lines before the body line beside them (see the module docstring)."""
    split_rows = [split_row(row, region.gutter) for row in region.rows]
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
