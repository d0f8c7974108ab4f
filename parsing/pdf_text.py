"""Run a page's content stream and collect positioned text runs.

A run is a piece of text drawn in one go with one font: usually a word or a few words.
Runs are cut where a `TJ` array moves the pen right by a word gap (LuaTeX and XeTeX
put no space glyphs in CVs: "infrastructure" -333 "operations"), so the layout step can
rebuild words from positions alone, and spaces never depend on the content-stream order.

Coordinates are PDF user space (points, y up); `orient` is the text direction in
quarter turns (0 = left to right, the only one most pages have).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from pypdf.errors import PdfReadError
from pypdf.generic import DictionaryObject, StreamObject

from parsing.pdf_content import MAX_OPERATORS, TooManyOperations, iter_operations
from parsing.pdf_fonts import FontCache, FontInfo, fallback_font

# A TJ offset moving the pen right by at least this much of an em is a word gap, not a
# kern: kerns stay under about 0.12 em, interword spaces are 0.2-0.5 em.
TJ_GAP_EM = 0.15
MAX_FORM_DEPTH = 12
MAX_FORM_CALLS = 5_000
MAX_RUNS = 200_000

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_NO_FONT = fallback_font()


@dataclass(slots=True)
class Run:
    """Text drawn in one go: start and end of its baseline, size in points, font facts."""

    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    orient: int
    bold: bool
    text: str


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """m x n for PDF's row-vector matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    na, nb, nc, nd, ne, nf = n
    return (
        a * na + b * nc,
        a * nb + b * nd,
        c * na + d * nc,
        c * nb + d * nd,
        e * na + f * nc + ne,
        e * nb + f * nd + nf,
    )


def _orientation(a: float, b: float) -> int:
    if abs(b) <= abs(a) * 0.05:
        return 0 if a > 0 else 2
    if abs(a) <= abs(b) * 0.05:
        return 1 if b > 0 else 3
    return -1  # slanted text: never part of reading order


def _matrix(operands: list[Any]) -> Matrix | None:
    if len(operands) < 6:
        return None
    try:
        values = tuple(float(v) for v in operands[-6:])  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in values):
        return None
    return values  # type: ignore[return-value]


def _name(token: Any) -> str:
    """A name token as pypdf keys dictionaries: str, with #xx escapes resolved."""
    if not isinstance(token, bytes):
        raise TypeError("not a name")
    if b"#" in token:
        token = _NAME_ESCAPE.sub(lambda m: bytes((int(m.group(1), 16),)), token)
    return token.decode("utf-8", "replace")


def _number(operands: list[Any], index: int, default: float) -> float:
    try:
        value = operands[index]
    except IndexError:
        return default
    return value if isinstance(value, float) and math.isfinite(value) else default


class _TextState:
    """The graphics and text state saved by q/Q (text state is part of the graphics state)."""

    __slots__ = ("ctm", "font", "font_size", "leading", "rise", "scale", "spacing", "word_spacing")

    def __init__(self) -> None:
        self.ctm: Matrix = _IDENTITY
        self.font: FontInfo = _NO_FONT
        self.font_size = 0.0
        self.spacing = 0.0  # Tc
        self.word_spacing = 0.0  # Tw
        self.scale = 1.0  # Tz / 100
        self.leading = 0.0  # TL
        self.rise = 0.0  # Ts

    def copy(self) -> _TextState:
        other = _TextState.__new__(_TextState)  # skips __init__: q is a frequent operator
        other.ctm = self.ctm
        other.font = self.font
        other.font_size = self.font_size
        other.spacing = self.spacing
        other.word_spacing = self.word_spacing
        other.scale = self.scale
        other.leading = self.leading
        other.rise = self.rise
        return other


class PageInterpreter:
    """Interprets one page (and the form XObjects it paints) into `runs`."""

    def __init__(self, fonts: FontCache):
        self.fonts = fonts
        self.runs: list[Run] = []
        self.operators = 0
        self.form_calls = 0

    # ---------------------------------------------------------------- entry points

    def run_page(self, content: bytes, resources: DictionaryObject | None) -> list[Run]:
        self._interpret(content, resources, _TextState(), depth=0, seen=set())
        return self.runs

    # ---------------------------------------------------------------- fonts and forms

    def _font(self, resources: DictionaryObject | None, name: Any) -> FontInfo:
        try:
            fonts = resources["/Font"].get_object()  # type: ignore[index]
            return self.fonts.get(fonts.raw_get(_name(name)))
        except (KeyError, TypeError, AttributeError, PdfReadError):
            return _NO_FONT  # a font the page does not have: Latin-1 at worst

    def _form(
        self,
        resources: DictionaryObject | None,
        name: Any,
        state: _TextState,
        depth: int,
        seen: set,
    ) -> None:
        if depth >= MAX_FORM_DEPTH or self.form_calls >= MAX_FORM_CALLS:
            return
        try:
            xobject = resources["/XObject"].get_object()[_name(name)]  # type: ignore[index]
            form = xobject.get_object()
        except (KeyError, TypeError, AttributeError, PdfReadError):
            return
        if not isinstance(form, StreamObject) or form.get("/Subtype") != "/Form":
            return
        key = id(form)
        if key in seen:  # a form that paints itself
            return
        self.form_calls += 1
        inner = state.copy()
        matrix = _matrix(list(form.get("/Matrix", ())))
        if matrix is not None:
            inner.ctm = _mult(matrix, state.ctm)
        form_resources = form.get("/Resources")
        form_resources = form_resources.get_object() if form_resources is not None else resources
        if not isinstance(form_resources, DictionaryObject):
            form_resources = resources
        try:
            data = form.get_data()
        except PdfReadError:
            return  # a broken form hides its own text, not the page's
        seen.add(key)
        try:
            self._interpret(data, form_resources, inner, depth + 1, seen)
        finally:
            seen.discard(key)

    # ---------------------------------------------------------------- the interpreter

    def _interpret(
        self,
        content: bytes,
        resources: DictionaryObject | None,
        state: _TextState,
        depth: int,
        seen: set,
    ) -> None:
        stack: list[_TextState] = []
        tm: Matrix = _IDENTITY
        tlm: Matrix = _IDENTITY
        show = self._show
        for operands, op in iter_operations(content):
            self.operators += 1
            if self.operators > MAX_OPERATORS:
                raise TooManyOperations(f"more than {MAX_OPERATORS:,} operators")
            if op == b"TJ":
                if operands and isinstance(operands[0], list):
                    tm = show(state, tm, operands[0])
            elif op == b"Tj":
                if operands and isinstance(operands[0], bytes):
                    tm = show(state, tm, operands)
            elif op == b"Td" or op == b"TD":
                tx = _number(operands, 0, 0.0)
                ty = _number(operands, 1, 0.0)
                if op == b"TD":
                    state.leading = -ty
                tlm = (tlm[0], tlm[1], tlm[2], tlm[3],
                       tx * tlm[0] + ty * tlm[2] + tlm[4],
                       tx * tlm[1] + ty * tlm[3] + tlm[5])  # fmt: skip
                tm = tlm
            elif op == b"Tf":
                if len(operands) >= 2:
                    state.font = self._font(resources, operands[0])
                    state.font_size = _number(operands, 1, state.font_size)
            elif op == b"Tm":
                matrix = _matrix(operands)
                if matrix is not None:
                    tm = tlm = matrix
            elif op == b"T*" or op == b"'" or op == b'"':
                if op == b'"' and len(operands) >= 3:
                    state.word_spacing = _number(operands, 0, state.word_spacing)
                    state.spacing = _number(operands, 1, state.spacing)
                    operands = operands[2:]
                tl = state.leading
                tlm = (tlm[0], tlm[1], tlm[2], tlm[3],
                       tlm[4] - tl * tlm[2], tlm[5] - tl * tlm[3])  # fmt: skip
                tm = tlm
                if op != b"T*" and operands and isinstance(operands[-1], bytes):
                    tm = show(state, tm, operands[-1:])
            elif op == b"BT":
                tm = tlm = _IDENTITY
            elif op == b"q":
                stack.append(state.copy())
            elif op == b"Q":
                if stack:
                    state = stack.pop()
            elif op == b"cm":
                matrix = _matrix(operands)
                if matrix is not None:
                    state.ctm = _mult(matrix, state.ctm)
            elif op == b"Tc":
                state.spacing = _number(operands, 0, 0.0)
            elif op == b"Tw":
                state.word_spacing = _number(operands, 0, 0.0)
            elif op == b"Tz":
                state.scale = _number(operands, 0, 100.0) / 100.0
            elif op == b"TL":
                state.leading = _number(operands, 0, 0.0)
            elif op == b"Ts":
                state.rise = _number(operands, 0, 0.0)
            elif op == b"Do" and operands:
                self._form(resources, operands[0], state, depth, seen)

    def _show(self, state: _TextState, tm: Matrix, items: list[Any]) -> Matrix:
        """Show the strings of a Tj/TJ operand list; returns the advanced text matrix."""
        font = state.font
        size = state.font_size
        scale = state.scale
        spacing = state.spacing
        word_spacing = state.word_spacing if font.simple else 0.0
        m = _mult(tm, state.ctm)
        a, b, c, d = m[0], m[1], m[2], m[3]
        orient = _orientation(a, b)
        em = abs(size) * math.hypot(c, d) * font.size_scale
        rise = state.rise
        gap = TJ_GAP_EM * 1000.0 * font.size_scale  # in thousandths of text space
        # Pen position along the baseline, in text space units from the start of `tm`.
        pen = 0.0
        start = 0.0
        pieces: list[str] = []
        for item in items:
            if isinstance(item, bytes):
                text, width, count = font.decode(item)
                advance = width / 1000.0 * size + count * spacing
                if word_spacing:
                    advance += item.count(32) * word_spacing
                if not pieces:
                    start = pen
                pieces.append(text)
                pen += advance * scale
            elif isinstance(item, float):
                move = -item / 1000.0 * size * scale
                if pieces and -item >= gap:
                    self._emit(pieces, start, pen, m, rise, em, orient, font)
                    pieces = []
                pen += move
        if pieces:
            self._emit(pieces, start, pen, m, rise, em, orient, font)
        return (tm[0], tm[1], tm[2], tm[3], pen * tm[0] + tm[4], pen * tm[1] + tm[5])

    def _emit(
        self,
        pieces: list[str],
        start: float,
        end: float,
        m: Matrix,
        rise: float,
        em: float,
        orient: int,
        font: FontInfo,
    ) -> None:
        if font.icon or orient < 0:
            return
        text = "".join(pieces)
        if not text:
            return
        if len(self.runs) >= MAX_RUNS:
            raise TooManyOperations(f"more than {MAX_RUNS:,} pieces of text")
        a, b, c, d, e, f = m
        base_x = rise * c + e
        base_y = rise * d + f
        self.runs.append(
            Run(
                start * a + base_x,
                start * b + base_y,
                end * a + base_x,
                end * b + base_y,
                em,
                orient,
                font.bold,
                text,
            )
        )


# ----------------------------------------------------------------------- page frame


@dataclass(frozen=True, slots=True)
class Frame:
    """Turns user space into the page's reading frame: the dominant text direction made
    left-to-right, y still up; `left`/`top` are the page box edges in that frame."""

    orient: int
    left: float
    top: float

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.orient == 0:
            return x, y
        if self.orient == 1:
            return y, -x
        if self.orient == 2:
            return -x, -y
        return -y, x


def upright(runs: list[Run], box: tuple[float, float, float, float]) -> tuple[list[Run], Frame]:
    """Runs of the page's dominant direction, in that direction's frame; others dropped
    (a rotated arXiv stamp or a vertical sidebar caption is not part of the text)."""
    weights = [0, 0, 0, 0]
    for run in runs:
        weights[run.orient] += len(run.text)
    orient = max(range(4), key=weights.__getitem__)
    corners = [(box[0], box[1]), (box[2], box[3]), (box[0], box[3]), (box[2], box[1])]
    probe = Frame(orient, 0.0, 0.0)
    turned = [probe.point(x, y) for x, y in corners]
    frame = Frame(orient, min(x for x, _ in turned), max(y for _, y in turned))
    if orient == 0 and weights[0] == sum(weights):
        return runs, frame
    out: list[Run] = []
    for run in runs:
        if run.orient != orient:
            continue
        x0, y0 = frame.point(run.x0, run.y0)
        x1, y1 = frame.point(run.x1, run.y1)
        out.append(Run(x0, y0, x1, y1, run.size, 0, run.bold, run.text))
    return out, frame
