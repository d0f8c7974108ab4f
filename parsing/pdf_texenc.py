"""Text of TeX bitmap (Type 3) fonts, whose glyphs are named by code alone.

pdfTeX and dvipdfmx embed a font they only have as a Metafont bitmap (PK) as a Type 3
font whose /Differences name each glyph `/a<code>` (`/a28` is code 28) and which has no
ToUnicode map. That happens to every pdflatex document with `\\usepackage[T1]{fontenc}`
on a system without the cm-super fonts. The name says nothing about the character, so
pypdf reads `/a28` as chr(28); the meaning is the code's place in the TeX font encoding:
T1 (Cork) for text fonts, TS1 for the companion symbols (the itemize bullet is TS1 code
136), OT1 for old Computer Modern. Which one a font uses is guessed from its codes.

    tex_text(font_dict) -> {code: text} | None    None: not such a font
"""

from __future__ import annotations

import re
from typing import Any

from pypdf.generic import ArrayObject, DictionaryObject

_CODE_NAME = re.compile(r"/a(\d{1,3})")

# Codes 0x00-0x20 of T1: TeX's spacing accents (composed later by textnorm), quotes,
# dashes, the compound-word mark, dotless i/j and the f-ligatures.
_T1_LOW = (
    "`", "´", "ˆ", "˜", "¨", "˝", "˚", "ˇ", "˘", "¯", "˙", "¸", "˛", "‚", "‹", "›",
    "“", "”", "„", "«", "»", "–", "—", "", "", "ı", "ȷ", "ff", "fi", "fl", "ffi", "ffl",
    " ",
)  # fmt: skip
_T1_HIGH = (  # 0x80-0xBF: Latin Extended-A letters, then ¡ ¿ £
    "ĂĄĆČĎĚĘĞĹĽŁŃŇŊŐŔŘŚŠŞŤŢŰŮŸŹŽŻĲİđ§ăąćčďěęğĺľłńňŋőŕřśšşťţűůÿźžżĳ¡¿£"
)
_T1 = {code: text for code, text in enumerate(_T1_LOW)}
_T1.update({0x27: "’", 0x60: "‘", 0x7F: "-"})
_T1.update({0x80 + i: char for i, char in enumerate(_T1_HIGH)})
_T1.update({0xD7: "Œ", 0xDF: "SS", 0xF7: "œ", 0xFF: "ß"})  # the rest of 0xC0+ is Latin-1

_OT1_LOW = (
    "Γ", "Δ", "Θ", "Λ", "Ξ", "Π", "Σ", "Υ", "Φ", "Ψ", "Ω", "ff", "fi", "fl", "ffi", "ffl",
    "ı", "ȷ", "`", "´", "ˇ", "˘", "¯", "˚", "¸", "ß", "æ", "œ", "ø", "Æ", "Œ", "Ø",
    " ",
)  # fmt: skip
_OT1 = {code: text for code, text in enumerate(_OT1_LOW)}
_OT1.update({0x22: "”", 0x27: "’", 0x3C: "¡", 0x3E: "¿", 0x5C: "“", 0x5E: "ˆ", 0x5F: "˙"})
_OT1.update({0x60: "‘", 0x7B: "–", 0x7C: "—", 0x7D: "˝", 0x7E: "˜", 0x7F: "¨"})

# TS1 (textcomp): only what can stand in running text; anything else is no text.
_TS1 = {
    0x0D: ",", 0x12: "„", 0x15: "–", 0x16: "—", 0x18: "←", 0x19: "→", 0x24: "$",
    0x27: "'", 0x2A: "∗", 0x2C: ",", 0x2D: "-", 0x2E: ".", 0x2F: "⁄", 0x3C: "〈",
    0x3D: "−", 0x3E: "〉", 0x57: "Ω", 0x5B: "⟦", 0x5D: "⟧", 0x5E: "↑", 0x5F: "↓",
    0x60: "`", 0x6E: "♪", 0x7E: "~", 0x7F: "-", 0x84: "†", 0x85: "‡", 0x86: "‖",
    0x87: "‰", 0x88: "•", 0x89: "℃", 0x8A: "$", 0x8B: "¢", 0x8C: "ƒ", 0x8D: "₡",
    0x8E: "₩", 0x8F: "₦", 0x91: "₱", 0x92: "₤", 0x93: "℞", 0x94: "‽", 0x96: "₫",
    0x97: "™", 0x98: "‱", 0x99: "¶", 0x9A: "฿", 0x9B: "№", 0x9D: "℮", 0x9E: "◦",
    0x9F: "℠", 0xB8: "※", 0xBB: "√", 0xBF: "€", 0xD6: "×", 0xF6: "÷",
}  # fmt: skip
_TS1.update({0x30 + digit: str(digit) for digit in range(10)})  # old-style figures
_TS1.update({code: chr(code) for code in range(0xA2, 0xBF) if code not in _TS1})
for _code in (0xA8, 0xAB, 0xAF, 0xB4):  # TeX accents and the copyleft sign: no text
    _TS1[_code] = ""

_LETTERS = frozenset((*range(0x41, 0x5B), *range(0x61, 0x7B)))
# Codes a T1 text font uses all the time and an OT1 one never means that way: dashes and
# ligatures (T1), versus OT1's ligatures at 0x0B-0x0F and dashes at 0x7B-0x7C.
_T1_SIGNS = frozenset((0x15, 0x16, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F))
_OT1_SIGNS = frozenset((0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x7B, 0x7C))


def _code_names(font_dict: DictionaryObject) -> set[int] | None:
    """The codes of a Type 3 font whose every glyph is named `/a<its own code>`."""
    if font_dict.get("/Subtype") != "/Type3" or "/ToUnicode" in font_dict:
        return None
    encoding: Any = font_dict.get("/Encoding")
    encoding = encoding.get_object() if encoding is not None else None
    if not isinstance(encoding, DictionaryObject):
        return None
    differences = encoding.get("/Differences")
    differences = differences.get_object() if differences is not None else None
    if not isinstance(differences, ArrayObject):
        return None
    codes: set[int] = set()
    code = 0
    for item in differences:
        if isinstance(item, int):
            code = int(item)
            continue
        name = str(item)
        if name != "/.notdef":
            match = _CODE_NAME.fullmatch(name)
            if match is None or int(match.group(1)) != code:
                return None
            codes.add(code)
        code += 1
    return codes or None


def _table(codes: set[int]) -> dict[int, str]:
    high = any(code >= 0x80 for code in codes)
    if high and not codes & _LETTERS:
        return _TS1  # symbols only (bullets, daggers): the textcomp companion font
    if high or codes & _T1_SIGNS or not codes & _OT1_SIGNS:
        return _T1
    return _OT1


def tex_text(font_dict: DictionaryObject) -> dict[int, str] | None:
    """{code: text} for the codes of a TeX bitmap font (see the module docstring) whose
    text is not chr(code); None for any other font."""
    codes = _code_names(font_dict)
    if codes is None:
        return None
    table = _table(codes)
    if table is _TS1:
        return {code: table.get(code, "") for code in codes}
    return {code: table[code] for code in codes if code in table}
