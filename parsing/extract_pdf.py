"""PDF -> `ExtractedText`: reading-ordered lines with font facts, page starts and links.

    extract_pdf(path) -> ExtractedText      raises a ParseError subclass, never anything else

How: pypdf opens the file, decrypts it (empty password) and supplies fonts
(`pdf_fonts`); our own bounded content-stream reader (`pdf_content`) and interpreter
(`pdf_text`) turn each page into positioned runs; `pdf_layout` groups them into lines
and columns in reading order; `textnorm` cleans each line; `pdf_repeats` drops page
numbers and running headers/footers; end-of-line hyphenation is undone within a block;
`pdf_links` reads the link annotations and the text they cover.

What comes out:
- `text`: the lines joined by "\\n"; a blank line between blocks (a column, a run of
  full-width lines) and between pages.
- `lines`: one `Line` per visual line (a margin label and its body line are two lines).
  Within a line, a tab stands where a gap of 1.5 em or more separates two cells of a
  row ("Software Engineer<TAB>Oct 2016 - Present"); words are separated by one space.
  `start`/`end` index `text`; `page` is 0-based; `size` is the line's dominant font size
  in points and `bold` whether most of its characters are bold; `x`/`y` are the left end
  and baseline of the line in points from the top-left corner of the page (y grows
  downwards); `heading` is set only for section labels found in a left margin column.
- `page_starts`: offset in `text` where each page's text starts (a page without text
  starts where the next one does).
- `links`: URI link annotations (`mailto:` and `tel:` included as written) with the page
  and the text under them (an address TeX broke over two lines is joined as the target
  spells it; a line-break hyphen inside an address is dropped from the text too when
  the target has none).
- `warnings`: pages without text when others have some; pages skipped as unreadable;
  pages where much of the text could not be decoded (a font without a Unicode map).
Page numbers and running headers/footers are removed (one copy of a running header is
kept, see `pdf_repeats`).
Bullets: a bullet glyph at the start of a line becomes "• "; icons are dropped (see
`textnorm`).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from itertools import pairwise
from pathlib import Path

from pypdf import PageObject, PdfReader, apply_configuration
from pypdf.errors import (
    DependencyError,
    EmptyFileError,
    FileNotDecryptedError,
    LimitReachedError,
    PdfReadError,
    PyPdfError,
)
from pypdf.generic import DictionaryObject

from parsing.models import (
    CorruptError,
    EmptyDocumentError,
    EncryptedError,
    ExtractedText,
    Line,
    LinkTarget,
    NoTextLayerError,
    ParseError,
    TooLargeError,
)
from parsing.pdf_content import TooManyOperations
from parsing.pdf_fonts import FontCache
from parsing.pdf_layout import LineDraft, layout_page
from parsing.pdf_links import page_links
from parsing.pdf_repeats import remove_furniture
from parsing.pdf_text import Frame, PageInterpreter, upright
from parsing.registry import MAX_BYTES
from parsing.textnorm import clean_line, join_hyphenated, strip_surrogates

NO_TEXT = "no text layer: a scanned image?"
MAX_PAGES = 500
LARGE_WITHOUT_EOF = 4_000_000  # bytes; a smaller file without %%EOF is left to pypdf's repair
# Tighter than pypdf's defaults (75 MB per stream): a CV's streams are kilobytes, so a
# stream that inflates past this is a decompression bomb.
_LIMITS = {
    "zlib_maximum_output_length": 50_000_000,
    "lzw_maximum_output_length": 50_000_000,
    "run_length_maximum_output_length": 50_000_000,
    "array_based_stream_maximum_output_length": 50_000_000,
    "stream_decoding_work_maximum_length": 100_000_000,
}
_PAGE_ERRORS = (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError)
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")

Blocks = list[list[LineDraft]]


def extract_pdf(path: Path) -> ExtractedText:
    """Extract the text of the PDF at `path`; every failure is a `ParseError` subclass."""
    try:
        with apply_configuration(**_LIMITS), _quiet_pypdf():
            return _extract(Path(path))
    except ParseError:
        raise
    except LimitReachedError as exc:
        raise TooLargeError(
            f"too large to read safely: past pypdf's safety limits, e.g. a decompression "
            f"bomb ({_one_line(exc)})"
        ) from exc
    except FileNotDecryptedError as exc:
        raise EncryptedError("encrypted: needs a password") from exc
    except DependencyError as exc:
        raise EncryptedError(f"encrypted: cannot decrypt ({_one_line(exc)})") from exc
    except EmptyFileError as exc:
        raise EmptyDocumentError("empty file") from exc
    except PyPdfError as exc:
        raise CorruptError(f"corrupt PDF: {_one_line(exc)}") from exc
    except RecursionError as exc:
        raise CorruptError("corrupt PDF: objects nested too deeply") from exc
    except MemoryError as exc:
        raise TooLargeError("too large: ran out of memory reading it") from exc
    except OSError as exc:
        raise ParseError(f"cannot read the file: {exc.strerror or exc}") from exc
    except Exception as exc:  # the last net: a reason instead of a crash
        raise CorruptError(f"corrupt PDF: {type(exc).__name__}: {_one_line(exc)}") from exc


def _one_line(exc: BaseException) -> str:
    text = strip_surrogates(" ".join(str(exc).split())) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "..."


_PYPDF_LOGGER = logging.getLogger("pypdf")
_quiet_lock = threading.Lock()
_quiet_depth = 0
_saved_level = logging.NOTSET


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Mute pypdf's logger while we extract. It reports damage it worked around ("EOF
    marker not found") on stderr, which is noise on a user's terminal: what matters
    reaches the caller as our ParseError or our warnings. Counted, for threads."""
    global _quiet_depth, _saved_level
    with _quiet_lock:
        if _quiet_depth == 0:
            _saved_level = _PYPDF_LOGGER.level
            _PYPDF_LOGGER.setLevel(logging.CRITICAL + 1)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                _PYPDF_LOGGER.setLevel(_saved_level)


def _open(path: Path) -> PdfReader:
    data = _read(path)
    reader = PdfReader(BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except NotImplementedError as exc:  # certificate (public-key) security, for one
            raise EncryptedError(f"encrypted: unsupported scheme ({_one_line(exc)})") from exc
        if not opened:
            raise EncryptedError("encrypted: needs a password")
    return reader


def _read(path: Path) -> bytes:
    """The file's bytes up to its last %%EOF: pypdf looks for that marker by reading
    backwards a line at a time, which takes seconds over megabytes of trailing junk."""
    limit = MAX_BYTES["pdf"]
    if path.stat().st_size > limit:
        raise TooLargeError(f"file too large: over {limit / 1e6:.0f} MB")
    data = path.read_bytes()
    if not data:
        raise EmptyDocumentError("empty file")
    end = data.rfind(b"%%EOF")
    if end < 0 and len(data) > LARGE_WITHOUT_EOF:
        raise CorruptError("corrupt PDF: no end-of-file marker (truncated?)")
    if end >= 0 and len(data) - end > 1024:
        data = data[: end + 5]
    return data


def _extract(path: Path) -> ExtractedText:
    reader = _open(path)
    count = len(reader.pages)
    if count == 0:
        raise EmptyDocumentError("empty PDF: it has no pages")
    if count > MAX_PAGES:
        raise TooLargeError(f"too many pages: {count} (limit {MAX_PAGES})")
    fonts = FontCache()
    pages: list[Blocks] = []
    heights: list[float] = []
    links: list[LinkTarget] = []
    warnings: list[str] = []
    skipped: set[int] = set()
    for index, page in enumerate(reader.pages):
        try:
            blocks, height, page_link_list = _page(page, index, fonts)
        except TooManyOperations as exc:
            raise TooLargeError(
                f"page {index + 1} has too many drawing operations ({exc.what})"
            ) from exc
        except _PAGE_ERRORS as exc:
            if isinstance(exc, LimitReachedError | FileNotDecryptedError):
                raise
            warnings.append(f"page {index + 1}: unreadable, skipped ({_one_line(exc)})")
            skipped.add(index)
            blocks, height, page_link_list = [], 0.0, []
        pages.append(blocks)
        heights.append(height)
        links.extend(page_link_list)
    if len(skipped) == count:
        raise CorruptError(f"corrupt PDF: no page could be read ({warnings[0]})")
    remove_furniture(pages, heights)
    _dehyphenate(pages, [link.url for link in links])
    return _assemble(pages, links, warnings, skipped)


def _page(page: PageObject, index: int, fonts: FontCache) -> tuple[Blocks, float, list[LinkTarget]]:
    content = _content_bytes(page)
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject):
        resources = None
    runs = PageInterpreter(fonts).run_page(content, resources) if content else []
    crop = page.cropbox
    box = (float(crop[0]), float(crop[1]), float(crop[2]), float(crop[3]))
    runs, frame = upright(runs, box)
    blocks = [_finish_block(block, frame) for block in layout_page(runs)]
    blocks = [block for block in blocks if block]
    return blocks, frame.top - _bottom(box, frame), page_links(page, runs, frame, index)


def _bottom(box: tuple[float, float, float, float], frame: Frame) -> float:
    corners = [frame.point(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
    return min(y for _, y in corners)


def _content_bytes(page: PageObject) -> bytes:
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if contents is None:
        return b""
    if isinstance(contents, list):
        parts = [item.get_object() for item in contents]
        return b"\n".join(part.get_data() for part in parts if hasattr(part, "get_data"))
    return contents.get_data() if hasattr(contents, "get_data") else b""


def _finish_block(block: list[LineDraft], frame: Frame) -> list[LineDraft]:
    """Clean each line's text and turn its position into points from the top-left."""
    out: list[LineDraft] = []
    for line in block:
        text = clean_line(line.text)
        if not text:
            continue
        line.text = text
        line.x = round(line.x - frame.left, 1)
        line.y = round(frame.top - line.y, 1)
        out.append(line)
    return out


def _dehyphenate(pages: list[Blocks], urls: list[str]) -> None:
    vocabulary = {
        word.lower()
        for blocks in pages
        for block in blocks
        for line in block
        for word in _WORDS.findall(line.text)
    }
    for blocks in pages:
        for block in blocks:
            for upper, lower in pairwise(block):
                joined = join_hyphenated(upper.text, lower.text, vocabulary, urls)
                if joined is not None:
                    upper.text, lower.text = joined
            block[:] = [line for line in block if line.text]


def _assemble(
    pages: list[Blocks],
    links: list[LinkTarget],
    warnings: list[str],
    skipped: set[int],
) -> ExtractedText:
    count = len(pages)
    chunks: list[str] = []
    lines: list[Line] = []
    page_starts: list[int] = []
    offset = 0
    empty_pages: list[int] = []
    for index, blocks in enumerate(pages):
        if not blocks:
            empty_pages.append(index)
        for block_number, block in enumerate(blocks):
            if chunks:
                chunks.append("\n\n")
                offset += 2
            if block_number == 0:
                page_starts.append(offset)
            for line_number, draft in enumerate(block):
                if line_number:
                    chunks.append("\n")
                    offset += 1
                end = offset + len(draft.text)
                lines.append(_line(draft, index, offset, end))
                chunks.append(draft.text)
                offset = end
        while len(page_starts) <= index:
            page_starts.append(-1)
    text = "".join(chunks)
    if not any(ch.isalnum() for ch in text):
        raise NoTextLayerError(f"{NO_TEXT} ({count} page{'s' if count != 1 else ''}, no text)")
    warnings = warnings + [f"page {i + 1}: no text" for i in empty_pages if i not in skipped]
    warnings += _undecoded(lines)
    return ExtractedText(
        text=text,
        lines=tuple(lines),
        page_starts=_fill_starts(page_starts, len(text)),
        links=tuple(links),
        warnings=tuple(warnings),
        pages=count,
        source_format="pdf",
    )


def _undecoded(lines: list[Line]) -> list[str]:
    """Pages where a good share of characters are U+FFFD: fonts without a Unicode map."""
    bad: dict[int, int] = {}
    total: dict[int, int] = {}
    for line in lines:
        bad[line.page] = bad.get(line.page, 0) + line.text.count("\ufffd")
        total[line.page] = total.get(line.page, 0) + len(line.text)
    return [
        f"page {page + 1}: part of the text could not be decoded (a font without a Unicode map)"
        for page in sorted(bad)
        if bad[page] * 10 > total[page]
    ]


def _line(draft: LineDraft, page: int, start: int, end: int) -> Line:
    return Line(
        text=draft.text,
        page=page,
        start=start,
        end=end,
        size=round(draft.size, 1),
        bold=draft.bold,
        x=draft.x,
        y=draft.y,
        heading=draft.heading,
    )


def _fill_starts(starts: list[int], length: int) -> tuple[int, ...]:
    """A page without text starts where the next page with text does (or at the end)."""
    filled = list(starts)
    following = length
    for index in range(len(filled) - 1, -1, -1):
        if filled[index] < 0:
            filled[index] = following
        else:
            following = filled[index]
    return tuple(filled)
