"""Fonts for text extraction: byte codes -> Unicode text, advance widths, bold and icon flags.

The hard part (encodings, /Differences, ToUnicode CMaps, glyph names read from embedded
Type 1 fonts, CID widths) is pypdf's `Font.from_font_resource`, the same code its own
`extract_text` relies on. This module turns its result into lookup tables that make
decoding one string a couple of C-level calls, and caches them per document, since the
same font object is normally shared by every page.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from pypdf.errors import LimitReachedError
from pypdf.generic import DictionaryObject
from pypdf.generic._font import Font

from parsing.pdf_texenc import tex_text

# Font names say "bold" in many ways: Arial-BoldMT, Lato-Bol, NimbusRomNo9L-Medi (URW's
# Times Bold), SourceSansPro-Semibold, CMBX10 / CMSSBX10 / SFBX1095 (TeX bold extended).
_BOLD_NAME = re.compile(
    r"bold|black|heavy|semibold|demibold|demi\b|extrabold|ultrabold|-medi\b|"
    r"-b\b|-bd\b|bd$|-sb\b|[a-z]bx(?:ti|sl)?\d",
    re.IGNORECASE,
)
# Icon fonts: their glyphs are pictures (envelope, phone, GitHub logo), never words.
_ICON_NAME = re.compile(
    r"awesome|academicons|glyphicons|octicons|ionicons|material-?icons|material-?symbols|"
    r"icomoon|entypo|fontello|simple-?icons|devicons?|typicons|lineicons|bootstrap-?icons|"
    r"marvosym|webdings|remixicon|tabler-?icons|nerd-?font",
    re.IGNORECASE,
)
# Wingdings-style fonts draw bullets from ASCII codes ("l" is a black circle, "§" a small
# square): only the codes used as list bullets become "•", the rest are icons.
_BULLET_FONT_NAME = re.compile(r"wingdings", re.IGNORECASE)
_WINGDINGS_BULLETS = frozenset(
    (0x6C, 0x6E, 0x71, 0x75, 0x76, 0x77, 0x9F, 0xA1, 0xA7, 0xA8, 0xD8, 0xE8, 0xFC)
)
_FORCE_BOLD = 1 << 18
# Some writers (Qt's PDF engine among them) map the space glyph to a tab or a newline in
# ToUnicode. Inside a run it is a word space; tabs in our lines mark table cells only.
_WHITESPACE = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\x0b": " ", "\x0c": " "})
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")


@dataclass
class FontInfo:
    """What the interpreter needs to know about one font."""

    name: str
    bold: bool
    icon: bool
    simple: bool  # one byte per code (Type1/TrueType/Type3), so Tw applies to code 32
    size_scale: float  # Type 3 fonts scale glyph space by their /FontMatrix
    width_scale: float
    _byte_text: dict[int, str] | None = None  # simple fonts: byte -> text (str.translate)
    _byte_widths: tuple[float, ...] = ()  # simple fonts: byte -> width in 1/1000 em
    _codec: str = "latin-1"  # composite fonts: bytes -> code characters
    _code_text: dict[int, str] | None = None  # composite fonts: code point -> text
    _code_widths: dict[str, float] | None = None
    _default_width: float = 500.0

    def decode(self, raw: bytes) -> tuple[str, float, int]:
        """Text, total advance width (1/1000 text space units) and glyph count of `raw`."""
        if self._byte_text is not None:
            text = raw.decode("latin-1").translate(self._byte_text).translate(_WHITESPACE)
            widths = self._byte_widths
            return text, sum(map(widths.__getitem__, raw)) * self.width_scale, len(raw)
        codes = _decode_codes(raw, self._codec)
        text = codes.translate(self._code_text) if self._code_text else codes
        text = text.translate(_WHITESPACE)
        assert self._code_widths is not None
        width = sum(map(self._code_widths.get, codes, repeat(self._default_width)))
        return text, width * self.width_scale, len(codes)


def _decode_codes(raw: bytes, codec: str) -> str:
    if codec == "utf-16-be":
        # One character per two-byte code, even where two codes would form a surrogate
        # pair: CIDs are glyph numbers, not UTF-16.
        if len(raw) % 2 == 0:
            codes = raw.decode("utf-16-be", "surrogatepass")
            if len(codes) * 2 == len(raw):
                return codes
        return "".join(chr((raw[i] << 8) | raw[i + 1]) for i in range(0, len(raw) - 1, 2))
    try:
        return raw.decode(codec, "surrogatepass")
    except (UnicodeDecodeError, LookupError):
        return raw.decode(codec if codec != "charmap" else "latin-1", "replace")


def _base_name(font_dict: DictionaryObject) -> str:
    base = font_dict.get("/BaseFont")
    name = str(base) if isinstance(base, str) else ""
    return _SUBSET_PREFIX.sub("", name.lstrip("/"))


def _is_bold(name: str, font: Font) -> bool:
    if _BOLD_NAME.search(name):
        return True
    descriptor = font.font_descriptor
    try:
        if int(descriptor.flags) & _FORCE_BOLD:
            return True
        return float(descriptor.weight) >= 600  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _type3_widths(font_dict: DictionaryObject) -> dict[int, float]:
    """/Widths of a Type 3 font as read, in glyph space: pypdf truncates them to integers,
    which for glyph spaces of ~80 units per em (pdfTeX's bitmap fonts) is 1% per glyph."""
    try:
        first = int(font_dict.get("/FirstChar", 0))
        widths = font_dict["/Widths"].get_object()
        values = [float(w.get_object()) for w in widths[:256]]
    except (KeyError, TypeError, ValueError, AttributeError):
        return {}
    return {first + i: w for i, w in enumerate(values) if 0 <= first + i < 256 and math.isfinite(w)}


def _font_matrix_scale(
    font_dict: DictionaryObject, widths: dict[int, float]
) -> tuple[float, float]:
    """(width scale, size scale) of a Type 3 font relative to the usual 1/1000 glyph space.

    Widths go through the /FontMatrix exactly. The em is another matter: a Type 3 glyph
    space has no fixed units per em (pdfTeX's bitmap fonts have ~80, matplotlib's 1000),
    but producers scale text space so that `Tf` is the size in points, which shows in the
    widths: a typical glyph is about half an em of text space. Only when the median width
    is far from that is text space not an em (a font set at `1 Tf`, drawn in points)."""
    if font_dict.get("/Subtype") != "/Type3":
        return 1.0, 1.0
    try:
        matrix = [float(v) for v in font_dict["/FontMatrix"]]
        width = abs(matrix[0]) * 1000
        aspect = math.hypot(matrix[2], matrix[3]) / abs(matrix[0])
    except (KeyError, TypeError, ValueError, IndexError, ZeroDivisionError):
        return 1.0, 1.0
    if not (0 < width < 1e6 and math.isfinite(aspect) and 0.1 < aspect < 10):
        return 1.0, 1.0
    advances = sorted(w * width / 1000 for w in widths.values() if w > 0)
    size = 1.0
    if advances:
        median = advances[len(advances) // 2]
        if not 0.2 <= median <= 1.5:
            size = min(max(median / 0.5, 1e-3), 1e4)
    return width, size * aspect


def _simple_tables(
    font: Font,
    wingdings: bool,
    exact_widths: dict[int, float],
    tex: dict[int, str] | None,
) -> tuple[dict[int, str], tuple[float, ...]]:
    """Byte -> text (where it is not the byte's Latin-1 character) and byte -> width.
    `exact_widths` (code -> width) win over pypdf's, `tex` (code -> text) over its text."""
    encoding = font.encoding
    assert isinstance(encoding, dict)
    char_map = font.character_map
    widths = font.character_widths
    default = float(widths.get("default", 500) or 500)
    tex = tex or {}
    text: dict[int, str] = {}
    width_list: list[float] = []
    for code in range(256):
        raw_char = chr(code)
        glyph = encoding.get(code, raw_char)
        mapped = char_map.get(glyph, glyph)
        value = mapped if isinstance(mapped, str) else raw_char
        if len(value) > 1 and value.startswith("/"):
            value = ""  # a glyph name pypdf could not map ("/a23"): no text to be had
        if wingdings:
            value = "•" if code in _WINGDINGS_BULLETS else ""
        value = tex.get(code, value)
        if value != raw_char:
            text[code] = value
        width = exact_widths.get(code)
        if width is None:
            width = widths.get(raw_char, default)
        width_list.append(float(width) if isinstance(width, (int, float)) else default)
    return text, tuple(width_list)


def _composite_tables(font: Font) -> tuple[dict[int, str], dict[str, float], float]:
    text = {
        ord(key): value
        for key, value in font.character_map.items()
        if isinstance(key, str) and len(key) == 1 and isinstance(value, str)
    }
    widths = {
        key: float(value)
        for key, value in font.character_widths.items()
        if isinstance(key, str) and len(key) == 1 and isinstance(value, (int, float))
    }
    default = font.character_widths.get("default", 1000)
    return text, widths, float(default) if isinstance(default, (int, float)) else 1000.0


def build_font(font_dict: DictionaryObject) -> FontInfo:
    """A FontInfo for a font resource dictionary; pypdf errors propagate to the caller."""
    font = Font.from_font_resource(font_dict)
    name = _base_name(font_dict) or font.name
    exact_widths = _type3_widths(font_dict) if font_dict.get("/Subtype") == "/Type3" else {}
    width_scale, size_scale = _font_matrix_scale(font_dict, exact_widths)
    info = FontInfo(
        name=name,
        bold=_is_bold(name, font),
        icon=bool(_ICON_NAME.search(name)),
        simple=isinstance(font.encoding, dict),
        size_scale=size_scale,
        width_scale=width_scale,
    )
    if isinstance(font.encoding, dict):
        wingdings = bool(_BULLET_FONT_NAME.search(name))
        info._byte_text, info._byte_widths = _simple_tables(
            font, wingdings, exact_widths, tex_text(font_dict)
        )
    else:
        info._codec = font.encoding
        info._code_text, info._code_widths, info._default_width = _composite_tables(font)
    return info


def fallback_font() -> FontInfo:
    """For a `Tf` naming a font the page does not have: Latin-1, average widths."""
    return FontInfo(
        name="(missing)",
        bold=False,
        icon=False,
        simple=True,
        size_scale=1.0,
        width_scale=1.0,
        _byte_text={},
        _byte_widths=(500.0,) * 256,
    )


class FontCache:
    """FontInfo per font object, shared by all pages of one document."""

    def __init__(self) -> None:
        self._fonts: dict[Any, FontInfo] = {}
        self._keep: list[Any] = []  # keeps id()-keyed objects alive

    def get(self, reference: Any) -> FontInfo:
        key = _object_key(reference)
        info = self._fonts.get(key)
        if info is None:
            font_dict = reference.get_object()
            info = fallback_font()
            if isinstance(font_dict, DictionaryObject):
                try:
                    info = build_font(font_dict)
                except LimitReachedError:
                    raise  # a decompression bomb in a CMap: the whole file is refused
                except Exception:
                    pass  # any other broken font costs its own text (Latin-1 at worst)
            self._fonts[key] = info
            self._keep.append(reference)
        return info


def _object_key(reference: Any) -> Any:
    idnum = getattr(reference, "idnum", None)
    if idnum is not None:
        return ("ref", idnum, getattr(reference, "generation", 0))
    return ("obj", id(reference))
