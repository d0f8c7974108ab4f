"""What an export writes must be safe to open: no formulas in cells, no paths in names.

Spreadsheets run a cell that starts with = + - @ (and, through some import paths, a tab or
a carriage return) as a formula: `=HYPERLINK(...)` in a candidate's name could send a
committee member's data away. Such a cell gets a leading apostrophe, the prefix Excel and
LibreOffice themselves use for "this is text" (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Full-width forms too: some input methods produce them and some spreadsheets accept them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
    + ["COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"]
)
_UNSAFE_CHARS = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_DOTS = re.compile(r"\.{2,}")
_SPACES = re.compile(r"\s+")
MAX_NAME_BYTES = 200  # file systems allow 255 bytes; leave room for a suffix


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


_CELL_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_cell(value: Any) -> Any:
    """A cell value spreadsheets will show, never run. Numbers and None pass unchanged.
    Control characters go too: XLSX cannot hold them and CSV readers trip on NUL."""
    if not isinstance(value, str):
        return value
    value = _CELL_CONTROLS.sub("", value)
    return "'" + value if is_formula_like(value) else value


def _drop_controls(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp"))


def _cut(text: str, max_len: int) -> str:
    text = text[:max_len]
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = text[:-1]
    return text


def safe_filename(text: str, max_len: int = 80, fallback: str = "file") -> str:
    """A single file-name component: no separators, no `..`, no control characters, not a
    Windows device name, no trailing dot or space, NFC, at most `max_len` characters."""
    name = _SPACES.sub(" ", unicodedata.normalize("NFC", str(text)))  # tabs, newlines: a space
    name = _UNSAFE_CHARS.sub("_", _drop_controls(name))
    name = _DOTS.sub(".", _SPACES.sub(" ", name)).strip(" .")
    name = _cut(name, max_len).rstrip(" .")
    if not name:
        return fallback
    stem = name.split(".")[0].strip().upper()
    if stem in RESERVED_NAMES:
        name = _cut("_" + name, max_len)
    return name


def safe_suffix(suffix: str) -> str:
    """ ".pdf" from anything: letters and digits only, at most 8 of them."""
    clean = "".join(c for c in suffix.lower() if c.isascii() and c.isalnum())[:8]
    return f".{clean}" if clean else ""


_SCHEMES = re.compile(r"^(https?|mailto):", re.IGNORECASE)
_BARE_HOST = re.compile(r"^(www\.)?[\w-]+(\.[\w-]+)+(/\S*)?$")


def safe_url(text: str) -> str | None:
    """A link target that is only ever a web page or an email: http(s) or mailto.
    "github.com/x" becomes "https://github.com/x"; javascript:, file: and the like: None."""
    url = text.strip()
    if not url or any(c.isspace() for c in url) or '"' in url:
        return None
    if _SCHEMES.match(url):
        return url
    if "@" in url and "/" not in url and ":" not in url:
        return f"mailto:{url}"
    if ":" not in url.split("/")[0] and _BARE_HOST.match(url):
        return f"https://{url}"
    return None
