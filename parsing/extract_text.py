"""TXT and Markdown into reading-ordered lines, with conversion markup stripped.

Text that reached us through a PDF/Word-to-Markdown converter carries markup (`**bold**`,
`[text](#)`, `<u>…</u>`, `\\diamond`, `#` headings). None of it may reach a value, so it is
removed here, once, and the links it carried are kept as `LinkTarget`s.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from parsing.models import EmptyDocumentError, ExtractedText, Line, LinkTarget

_MD_LINK = re.compile(
    r"!?\[((?:[^\[\]]|\\\[|\\\])*)\]\(\s*<?([^()\s>]*(?:\([^()\s]*\))?[^()\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_CODE = re.compile(r"`+([^`]*)`+")
_HTML_LINK = re.compile(r"<a\s[^>]*href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S)
_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_LATEX_SEPARATOR = re.compile(r"\$?\\(?:diamond|cdot|bullet|quad|qquad|textbar|vert|mid|ast)\b\$?")
_LATEX_OTHER = re.compile(r"\\(?:textbf|textit|emph|underline|href)\{([^{}]*)\}")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_US = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_STRAY_EMPHASIS = re.compile(r"\*{2,}|(?<!\w)_{2,}(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~$&%])")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_=])(\s*\1){2,}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# "**Research Interest.** Recent advances ..." : a bold run-in heading before prose.
_RUN_IN = re.compile(r"^\s*(?:[-*+]\s+)?(\*\*|__)([^*_\n]{2,80}?)\1\s*[:.]?\s+(\S.{30,})$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
# Private-use glyphs (icon fonts), emoji pictographs and zero-width marks carry no text.
_NO_TEXT = re.compile(
    r"[\ue000-\uf8ff\U0001f300-\U0001faff\u2600-\u27bf\u200b-\u200d\u2060\ufeff\ufffe\u00ad]"
)


def normalize_chars(text: str) -> str:
    """Ligatures expanded, icon glyphs and invisible marks dropped, spaces made plain."""
    text = text.translate(_LIGATURES).replace("\u00a0", " ").replace("\u2009", " ")
    return _NO_TEXT.sub("", text)


def decode_bytes(raw: bytes) -> str:
    """Best-effort decoding: BOMs first, then UTF-8, UTF-16 without BOM, then cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = raw[:4000]
    if sample and sample.count(b"\x00") > len(sample) // 4:
        even_nuls = sample[0::2].count(b"\x00")
        codec = "utf-16-be" if even_nuls > len(sample) // 4 else "utf-16-le"
        return raw.decode(codec, errors="replace")
    text = raw.decode("utf-8", errors="replace")
    if text.count("\ufffd") * 50 < len(text):
        return text
    return raw.decode("cp1252", errors="replace")


def strip_markup(line: str, links: list[LinkTarget] | None = None) -> str:
    """One line of converted text without its Markdown/HTML/LaTeX markup."""
    found = links if links is not None else []

    def _md_link(match: re.Match[str]) -> str:
        text, url = match.group(1), match.group(2)
        if url and not url.startswith("#"):
            found.append(LinkTarget(url=url, anchor=_ESCAPE.sub(r"\1", text)))
        return text

    def _html_link(match: re.Match[str]) -> str:
        found.append(LinkTarget(url=match.group(1), anchor=match.group(2)))
        return match.group(2)

    line = _MD_LINK.sub(_md_link, line)
    line = _MD_LINK.sub(_md_link, line)  # a link inside a link's text, e.g. [\[2\]](#)
    line = _REF_LINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _AUTOLINK.sub(lambda m: m.group(1), line)
    line = _HTML_LINK.sub(_html_link, line)
    line = _HTML_TAG.sub("", line)
    line = _LATEX_SEPARATOR.sub(" · ", line)
    line = _LATEX_OTHER.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _ITALIC.sub(r"\1", line)
    line = _ITALIC_US.sub(r"\1", line)
    line = _STRAY_EMPHASIS.sub("", line)
    line = _ESCAPE.sub(r"\1", line)
    line = line.replace("&amp;", "&").replace("&nbsp;", " ").replace("&lt;", "<")
    line = line.replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
    return line


def _split_run_in(raw: str) -> list[tuple[str, bool]]:
    """A bold run-in heading becomes its own (bold) line, so it can act as a heading."""
    match = _RUN_IN.match(raw)
    if not match or len(match.group(2).split()) > 10:
        return [(raw, False)]
    return [(match.group(2).rstrip(" .:："), True), (match.group(3), False)]


def _clean_line(raw: str, links: list[LinkTarget]) -> tuple[str, bool]:
    """(text, is_heading) for one raw line; empty text means 'drop it'."""
    raw = _CONTROL.sub("", raw).rstrip()
    if _RULE.match(raw) or _TABLE_RULE.match(raw):
        return "", False
    heading = _HEADING.match(raw)
    if heading:
        raw = heading.group(2)
    raw = re.sub(r"^\s{0,3}:\s+", "", raw)  # a Pandoc definition-list item
    if raw.lstrip().startswith("|") and raw.rstrip().endswith("|"):
        raw = "\t".join(cell.strip() for cell in raw.strip().strip("|").split("|"))
    text = strip_markup(raw, links)
    text = normalize_chars(text)
    text = re.sub(r"[ \u00a0]{2,}", " ", text).strip(" ")
    if not text.strip(" \t•·-–—*\\"):
        return "", False
    return text, bool(heading)


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_REF_DEFINITION = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+[\"'(].*)?\s*$", re.M)
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")


_FRONT_MATTER_NAME = re.compile(r"^(?:author|name|title)\s*:\s*[\"']?([^\"'\n]+?)[\"']?\s*$", re.M)


def _front_matter_name(front: str) -> str:
    """A page's front matter may be the only place the person's name is written."""
    from parsing.fields.names import looks_like_name

    for match in _FRONT_MATTER_NAME.finditer(front):
        if looks_like_name(match.group(1)):
            return match.group(1).strip() + "\n\n"
    return ""


def _strip_document_markup(text: str, links: list[LinkTarget]) -> str:
    """Markup that spans lines: YAML front matter, template tags, comments, link refs."""
    front = _FRONT_MATTER.match(text)
    if front:
        text = _front_matter_name(front.group(0)) + text[front.end() :]
    text = _TEMPLATE_TAG.sub("", text)
    text = _HTML_COMMENT.sub("", text)
    for match in _REF_DEFINITION.finditer(text):
        if not match.group(2).startswith("#"):
            links.append(LinkTarget(url=match.group(2), anchor=match.group(1)))
    return _REF_DEFINITION.sub("", text)


class LineBuilder:
    """Accumulates cleaned lines into the text, keeping each line's offsets into it."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self._parts: list[str] = []
        self._offset = 0

    def blank(self) -> None:
        """A paragraph break: one empty line in the text, no `Line`."""
        self._parts.append("\n")
        self._offset += 1

    def add(self, text: str, **facts: object) -> None:
        end = self._offset + len(text)
        self.lines.append(Line(text, 0, self._offset, end, **facts))  # type: ignore[arg-type]
        self._parts.append(text + "\n")
        self._offset = end + 1

    def mark_last_heading(self) -> None:
        self.lines[-1] = replace(self.lines[-1], heading=True)

    def result(self, links: list[LinkTarget], source_format: str, empty: str) -> ExtractedText:
        if not self.lines:
            raise EmptyDocumentError(empty)
        return ExtractedText(
            text="".join(self._parts),
            lines=tuple(self.lines),
            page_starts=(0,),
            links=tuple(links),
            pages=1,
            source_format=source_format,
        )


def lines_from_text(text: str, source_format: str = "txt") -> ExtractedText:
    """Build reading-ordered `Line`s and the cleaned full text from raw text."""
    links: list[LinkTarget] = []
    built = LineBuilder()
    blank_pending = False
    text = _strip_document_markup(text, links)
    pieces = (piece for raw in text.splitlines() for piece in _split_run_in(raw))
    for raw, bold in pieces:
        if _SETEXT.match(raw) and built.lines and not blank_pending:
            built.mark_last_heading()  # "Education\n====="
            continue
        cleaned, heading = _clean_line(raw, links)
        if not cleaned:
            blank_pending = bool(built.lines)
            continue
        if blank_pending:
            built.blank()
            blank_pending = False
        built.add(cleaned, bold=bold, heading=heading)
    return built.result(links, source_format, "empty document: no text in the file")


def extract_plain(path: Path) -> ExtractedText:
    raw = Path(path).read_bytes()
    fmt = "md" if Path(path).suffix.lower() in (".md", ".markdown") else "txt"
    return lines_from_text(decode_bytes(raw), fmt)
