"""Line-level text clean-up shared by the extractors.

What `clean_line` does, in order:
- drops control characters, zero-width characters, byte-order marks, U+FFFE and lone
  surrogates (which no UTF-8 writer accepts);
- turns every kind of space (no-break, thin, ideographic ...) into a plain space;
- expands Latin ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ -> fi fl ff ffi ffl st st). Full NFKC is *not*
  applied: it would rewrite CJK full-width punctuation ("，" -> ","), which must stay;
- a soft hyphen (U+00AD) becomes "-": when a PDF draws one it is a visible hyphen (TeX's
  T1 fonts map their hyphen glyph to U+00AD);
- in a URL-like token, a tilde drawn as TeX's accent "˜" (U+02DC, from `\\~{}`) or as
  the math "∼" (U+223C, from `$\\sim$`) after "/" (or "=", ":" ...) becomes "~"
  ("cs.x.edu/˜jane" -> "cs.x.edu/~jane"); elsewhere "˜" is an accent as below;
- composes accents drawn as separate glyphs (pdfTeX: "M¨uller" -> "Müller", "´ı" -> "í")
  and applies NFC;
- icons go: Private Use Area characters (Font Awesome and friends), emoji and pictographs
  are dropped, except the Symbol/Wingdings bullet codes (U+F0B7, U+F0A7 ...) which are
  bullets;
- **bullet convention**: any run of bullet glyphs at the start of a line ("•", "∙", "◦",
  "▪", "➤", "", "⋄" ...) becomes exactly "• " (U+2022 and one space); a line holding
  nothing but bullets becomes empty. Bullet-like glyphs inside a line are left alone
  (they separate items: "Python • Go");
- runs of white space collapse to one space; the line is stripped. A tab is kept: it
  separates the cells of a row (the PDF extractor puts one where a wide gap was).

`join_hyphenated` undoes end-of-line hyphenation between two lines of one paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000\t\x0b\x0c\r\n"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff\u034f"
_INVISIBLE += "".join(chr(c) for c in range(0xFE00, 0xFE10))  # variation selectors
_CONTROL = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)))
_LIGATURES = {
    "ﬀ": "ff",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ﬅ": "st",
    "ﬆ": "st",
}
_TABLE: dict[int, str | None] = {ord(c): " " for c in _SPACES}
_TABLE.update({ord(c): None for c in _INVISIBLE + _CONTROL})
# Lone surrogates (a ToUnicode map can produce them) cannot be written as UTF-8 at all.
_TABLE.update(dict.fromkeys(range(0xD800, 0xE000)))
_TABLE.update({ord(k): v for k, v in _LIGATURES.items()})
_TABLE[0x00AD] = "-"

# Spacing accents that TeX draws as their own glyph, and the combining mark each stands for.
_ACCENTS = {
    "¨": "\u0308",
    "´": "\u0301",
    "`": "\u0300",
    "ˆ": "\u0302",
    "˜": "\u0303",
    "¯": "\u0304",
    "˘": "\u0306",
    "˙": "\u0307",
    "˚": "\u030a",
    "˝": "\u030b",
    "ˇ": "\u030c",
    "¸": "\u0327",
    "˛": "\u0328",
}
# A grave accent is also a backtick, so it only composes with a vowel.
_ACCENT_BEFORE = re.compile(r"([¨´ˆ˜¯˘˙˚˝ˇ¸˛])([A-Za-zıȷ])|(`)([AEIOUaeiou])")
_ACCENT_AFTER = re.compile(r"([A-Za-z])([¸˛])")
_DOTLESS = {"ı": "i", "ȷ": "j"}

BULLET = "•"
_BULLETS = "•∙◦▪▫■□●○◆◇►▶▸▹◁◀◂◃➤➢➣➔➜➙➛➝➞➟➠➡❖✓✔✗✘‣⁃⦁⦿⦾⁌⁍◘◙❑❒❍⬥⬦⬧⬩⯀⇒→⋄◊♦∗⋆·"
_LEADING_BULLETS = re.compile(r"^\s*(?:[" + re.escape(_BULLETS) + r"]\s*)+")  # spaces first too
# Symbol and Wingdings bullets as Word writes them: U+F000 + the font's code.
_PUA_BULLETS = frozenset(
    0xF000 + c for c in (0xB7, 0xA7, 0x6C, 0x6E, 0x71, 0x75, 0x76, 0x77, 0x9F, 0xA1, 0xA8, 0xD8)
) | frozenset((0xF0E8, 0xF0FC))
_KEPT_SYMBOLS = frozenset("★☆")
_ICONS = re.compile(
    "[\ue000-\uf8ff\U000f0000-\U0010ffff\U0001f000-\U0001faff\u2600-\u26ff\u2700-\u27bf"
    "\u2300-\u23ff\u2b00-\u2bff]"
)
_WHITESPACE = re.compile(r"\s+")


def _icon(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if code in _PUA_BULLETS:
        return BULLET
    if char in _BULLETS or char in _KEPT_SYMBOLS:
        return char
    return ""


def _compose(base: str, mark: str) -> str | None:
    composed = unicodedata.normalize("NFC", _DOTLESS.get(base, base) + mark)
    return composed if len(composed) == 1 else None


def _accent_before(match: re.Match[str]) -> str:
    accent, letter = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    return _compose(letter, _ACCENTS[accent]) or match.group(0)


def _accent_after(match: re.Match[str]) -> str:
    return _compose(match.group(1), _ACCENTS[match.group(2)]) or match.group(0)


def compose_accents(text: str) -> str:
    if any(a in text for a in _ACCENTS):
        text = _ACCENT_BEFORE.sub(_accent_before, text)
        text = _ACCENT_AFTER.sub(_accent_after, text)
    return unicodedata.normalize("NFC", text)


_TILDES = "\u02dc\u223c\u02f7\uff5e"  # ˜ ∼ ˷ ～
_TILDE_TOKEN = re.compile(r"\S*[" + _TILDES + r"]\S*")
# A web address: a scheme, "www.", or a dotted host followed by a path.
_URL_LIKE = re.compile(r"^(?:[a-z][a-z+.-]*:|www\.|[\w-]+(?:\.[\w-]+)+/)", re.IGNORECASE)
_URL_TILDE = re.compile(r"(?:(?<=[/=:._-])|^)[" + _TILDES + r"]")


def _url_tilde(match: re.Match[str]) -> str:
    token = match.group(0)
    return _URL_TILDE.sub("~", token) if _URL_LIKE.match(token) else token


def url_tildes(text: str) -> str:
    """TeX's tildes in web addresses made "~" (see the module docstring)."""
    return _TILDE_TOKEN.sub(_url_tilde, text) if any(t in text for t in _TILDES) else text


def clean_line(text: str) -> str:
    """One visual line, cleaned as the module docstring says (no newlines in the result).

    Tabs separate the cells of a row and are kept (one tab between non-empty cells)."""
    if "\t" in text:
        cells = (_clean_cell(cell) for cell in text.split("\t"))
        text = "\t".join(cell for cell in cells if cell)
        return "" if text == BULLET else text
    return _clean_cell(text)


def _clean_cell(text: str) -> str:
    text = text.translate(_TABLE)
    if not text.isascii():
        text = url_tildes(text)  # before the accents: "/˜nora" is not "/ñora"
        text = compose_accents(text)
        text = _ICONS.sub(_icon, text)
        text = _LEADING_BULLETS.sub(_bullet_prefix, text)
    text = _WHITESPACE.sub(" ", text).strip()
    return "" if text == BULLET else text


def _bullet_prefix(match: re.Match[str]) -> str:
    return BULLET + " "


def strip_surrogates(text: str) -> str:
    """`text` without lone surrogates, so that it can always be encoded as UTF-8."""
    return text.translate(_SURROGATES) if not text.isascii() else text


_SURROGATES = dict.fromkeys(range(0xD800, 0xE000))


def is_cjk(char: str) -> bool:
    """Han, kana, Hangul and CJK punctuation: scripts written without spaces between words."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


# ----------------------------------------------------------------------- hyphenation

# Words that keep their hyphen when split after it ("self-\ndriving" is "self-driving").
_KEEP_HYPHEN_PREFIXES = frozenset(
    "self non co cross well semi anti state high low real full part long short open ex e "
    "x multi inter intra post pre quasi sub super ultra".split()
)
_HYPHENS = "-\u2010"
_TRAILING_WORD = re.compile(r"(\S*?)([^\W\d_]+)[-\u2010]$")
_LEADING_WORD = re.compile(r"^([^\W\d_][^\s]*)\s*(.*)$", re.S)
_LETTERS = re.compile(r"[^\W\d_]+")


def join_hyphenated(
    upper: str,
    lower: str,
    vocabulary: set[str] | frozenset[str] = frozenset(),
    urls: Sequence[str] = (),
) -> tuple[str, str] | None:
    """If `upper` ends in a word broken by a hyphen that `lower` finishes, move the rest of
    the word up: ("... De-", "pendabot PRs") -> ("... Dependabot", "PRs").

    The hyphen is kept for URLs, after prefixes like "self-" and where the document itself
    writes the hyphenated form (`vocabulary`: lower-case words seen in the document). A
    link target decides for an address it spells (`urls`, see `link_hyphen`): TeX breaks
    "luciafernan-" / "dez.github.io" where the target is luciafernandez.github.io.
    None when the lines should stay as they are.
    """
    if not upper or upper[-1] not in _HYPHENS or not lower or not lower[0].isalpha():
        return None
    tail = _TRAILING_WORD.search(upper)
    head = _LEADING_WORD.match(lower)
    if tail is None or head is None:
        return None
    before, prefix = tail.group(1), tail.group(2)
    fragment, rest = head.group(1), head.group(2)
    if is_cjk(prefix[-1]) or is_cjk(fragment[0]):
        return None
    if fragment[0].isupper():
        # TeX never breaks a word before a capital: this hyphen is written, joining a
        # capitalised part ("Raghunathan-" / "Okoye", "Baden-" / "Württemberg"). Not
        # before a number, where the hyphen may be a range ("Jan-" / "Dec 2020").
        return None if rest[:1].isdigit() else (upper + fragment, rest)
    keep = link_hyphen(upper.rsplit(None, 1)[-1], fragment, urls) if urls else None
    if keep is None:
        keep = _keeps_hyphen(before, prefix, fragment, vocabulary)
    return (upper if keep else upper[:-1]) + fragment, rest


_TOKEN_EDGES = "([<\"'“‘"
_TOKEN_ENDS = ".,;:!?)]>\"'”’"


def link_hyphen(left: str, right: str, urls: Sequence[str]) -> bool | None:
    """Whether the hyphen ending `left` belongs in the address `left` + `right` make, as
    a link target spells it: True (kept), False (a line-break hyphen), None (no target
    spells the address either way, or it is no address)."""
    left = left.lstrip(_TOKEN_EDGES)
    right = right.rstrip(_TOKEN_ENDS)
    if not left or left[-1] not in _HYPHENS:
        return None
    joined = (left[:-1] + right).lower()
    if len(joined) < 4 or not any(c in joined for c in "./@"):
        return None
    hyphenated = (left[:-1] + "-" + right).lower()
    targets = [url.lower() for url in urls]
    if any(hyphenated in url for url in targets):
        return True
    if any(joined in url for url in targets):
        return False
    return None


def _keeps_hyphen(
    before: str, prefix: str, fragment: str, vocabulary: set[str] | frozenset
) -> bool:
    if any(c in before + fragment.rstrip(".,;:!?)]") for c in "/.@:") or before.endswith(
        tuple(_HYPHENS)
    ):
        return True  # a URL, a path, or a compound that already has hyphens
    word = prefix.lower()
    match = _LETTERS.match(fragment)
    end = match.group(0).lower() if match else fragment.lower()
    if f"{word}-{end}" in vocabulary and f"{word}{end}" not in vocabulary:
        return True
    if f"{word}{end}" in vocabulary:
        return False
    return word in _KEEP_HYPHEN_PREFIXES
