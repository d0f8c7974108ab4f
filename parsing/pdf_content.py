"""A fast, bounded reader of PDF content streams: bytes in, (operands, operator) pairs out.

pypdf's own `ContentStream` parser reads byte by byte through a BytesIO and was almost
half of the whole extraction time on our samples; this one tokenises with one compiled
regular expression and is several times faster. It is also bounded: before parsing, a
C-speed estimate (`estimate_operators`, ~2 ms per MB) refuses streams with more than
`MAX_OPERATORS` operators, and while parsing it counts operators and tokens again, so a
hostile page with millions of operators is refused in a few hundredths of a second
instead of being parsed in full (pypdf's own limit trips only after 8-14 s).

Only what text extraction needs is modelled: numbers become floats, names stay bytes
(with the leading slash), literal and hex strings become `bytes`, arrays become lists.
Dictionaries (marked-content properties) are skipped as a single `None` operand, and
inline images are jumped over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Past these, a page is not a CV page but an attack or a plotting accident: refuse it.
MAX_OPERATORS = 300_000
MAX_TOKENS = 1_500_000
MAX_CONTENT_BYTES = 50 * 1024 * 1024


class TooManyOperations(Exception):
    """A content stream is larger than any real CV page would be."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


_WS = rb"[\x00\t\n\x0c\r ]*"
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
# One nesting level of parentheses inside a literal string is common ("(a (b) c) Tj");
# deeper nesting falls to the `open` branch and is scanned by hand.
_STRING = rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)"
_TOKEN = re.compile(
    _WS
    + rb"(?:"
    + rb"([+-]?(?:\d+\.?\d*|\.\d+))(?!"
    + _REGULAR
    + rb")"  # 1 number
    + rb"|("
    + _STRING
    + rb")"  # 2 literal string
    + rb"|(/"
    + _REGULAR
    + rb"*)"  # 3 name
    + rb"|(\[)"  # 4 array start
    + rb"|(\])"  # 5 array end
    + rb"|(<<)"  # 6 dictionary start
    + rb"|(>>)"  # 7 dictionary end
    + rb"|<([0-9A-Fa-f\x00\t\n\x0c\r ]*)>"  # 8 hex string
    + rb"|("
    + _REGULAR
    + rb"+)"  # 9 operator (or keyword such as true/null)
    + rb"|(%[^\r\n]*)"  # 10 comment
    + rb"|(\()"  # 11 a string the pattern above could not close
    + rb"|([\s\S])"  # 12 anything else: skipped
    + rb")",
    re.S,
)
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_END_OF_INLINE_IMAGE = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|$)")
_HEX_JUNK = re.compile(rb"[^0-9A-Fa-f]")
# Letters (and ' ") -> "a", delimiters -> " ", anything else -> "0": b" a" starts a word.
_WORD_STARTS = bytes(
    ord("a")
    if chr(b).isascii() and (chr(b).isalpha() or chr(b) in "'\"")
    else ord(" ")
    if b in b"\x00\t\n\x0c\r ()<>[]{}/%"
    else ord("0")
    for b in range(256)
)


def _unescape_match(match: re.Match[bytes]) -> bytes:
    octal, newline, char = match.groups()
    if octal is not None:
        return bytes((int(octal, 8) & 0xFF,))
    if newline is not None:
        return b""
    return _ESCAPES.get(char, char)


def literal_bytes(token: bytes) -> bytes:
    """The bytes of a literal string token, parentheses included in `token`."""
    body = token[1:-1]
    if b"\\" in body:
        return _ESCAPE.sub(_unescape_match, body)
    return body


def hex_bytes(body: bytes) -> bytes:
    digits = _HEX_JUNK.sub(b"", body)
    if len(digits) % 2:
        digits += b"0"
    return bytes.fromhex(digits.decode("ascii"))


def _balanced_string_end(data: bytes, start: int) -> int:
    """Index just past the `)` closing the string opened at `start` (or the end of data)."""
    depth = 0
    index = start
    size = len(data)
    while index < size:
        byte = data[index]
        if byte == 0x5C:  # backslash: skip the escaped byte
            index += 2
            continue
        if byte == 0x28:
            depth += 1
        elif byte == 0x29:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return size


def _skip_inline_image(data: bytes, pos: int) -> int:
    """Position after the `EI` of an inline image whose `BI` ended at `pos`."""
    image_data = data.find(b"ID", pos)
    if image_data < 0:
        return len(data)
    found = _END_OF_INLINE_IMAGE.search(data, image_data + 3)
    return found.end() if found else len(data)


def estimate_operators(data: bytes) -> int:
    """An upper estimate of the operators in `data`, at C speed: words that follow a
    delimiter (words inside strings count too, which only matters on absurd pages)."""
    return data.translate(_WORD_STARTS).count(b" a")


def check_size(data: bytes) -> None:
    """Refuse, before any parsing, content no CV page has (see the module docstring)."""
    if len(data) > MAX_CONTENT_BYTES:
        raise TooManyOperations(f"{len(data) / 1e6:.0f} MB of content")
    # About 2 ms per MB, so every stream gets it: the exact count in `iter_operations`
    # would take a second or more to reach the cap.
    if estimate_operators(data) > MAX_OPERATORS:
        raise TooManyOperations(f"more than {MAX_OPERATORS:,} operators")


def iter_operations(data: bytes) -> Iterator[tuple[list[object], bytes]]:
    """Yield `(operands, operator)` for every operator of a content stream, in order.

    Raises `TooManyOperations` once the stream has more than `MAX_OPERATORS` operators or
    `MAX_TOKENS` tokens; malformed bytes are skipped, never fatal.
    """
    check_size(data)
    match = _TOKEN.match
    operands: list[object] = []
    stack: list[list[object]] = []  # open arrays
    dict_depth = 0
    operators = 0
    tokens = 0
    pos = 0
    end = len(data)
    while pos < end:
        found = match(data, pos)
        if found is None:  # only trailing whitespace left
            break
        pos = found.end()
        kind = found.lastindex
        tokens += 1
        if kind == 1:
            value: object = float(found.group(1))
        elif kind == 2:
            value = literal_bytes(found.group(2))
        elif kind == 9:
            word = found.group(9)
            if dict_depth or stack:
                # Inside a dictionary or array these are keywords (true, null ...).
                continue
            operators += 1
            if operators > MAX_OPERATORS or tokens > MAX_TOKENS:
                raise TooManyOperations(f"more than {MAX_OPERATORS:,} operators")
            if word == b"BI":
                pos = _skip_inline_image(data, pos)
                operands = []
                continue
            yield operands, word
            operands = []
            continue
        elif kind == 3:
            value = found.group(3)
        elif kind == 4:
            stack.append([])
            continue
        elif kind == 5:
            if not stack:
                continue
            value = stack.pop()
        elif kind == 6:
            dict_depth += 1
            continue
        elif kind == 7:
            if dict_depth:
                dict_depth -= 1
                if not dict_depth:
                    operands.append(None)
            continue
        elif kind == 8:
            value = hex_bytes(found.group(8))
        elif kind == 11:
            stop = _balanced_string_end(data, found.start(11))
            value = literal_bytes(data[found.start(11) : stop])
            pos = stop
        else:  # comments and stray bytes
            continue
        if tokens > MAX_TOKENS:
            raise TooManyOperations(f"more than {MAX_TOKENS:,} tokens")
        if dict_depth:
            continue
        if stack:
            stack[-1].append(value)
        else:
            operands.append(value)
