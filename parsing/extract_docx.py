"""DOCX into lines: paragraphs and table cells in document order, headings and links kept."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parsing.extract_text import LineBuilder, normalize_chars, strip_markup
from parsing.models import CorruptError, ExtractedText, LinkTarget, TooLargeError

# A real CV's document.xml is well under a few MB; a zip bomb inflates to gigabytes.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptError(f"corrupt DOCX: {exc}") from exc
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > 20_000_000 and unpacked / packed > MAX_RATIO):
        raise TooLargeError(
            f"DOCX unpacks to {unpacked / 1e6:.0f} MB (a zip bomb?): refused to open it"
        )


def _is_list_item(paragraph: Any) -> bool:
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    return "list" in style or numbered


def _paragraph_facts(paragraph: Any) -> tuple[bool, bool, float | None]:
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    heading = style.startswith(("heading", "title"))
    runs = [r for r in paragraph.runs if r.text.strip()]
    bold = bool(runs) and all(r.bold for r in runs)
    sizes = [r.font.size.pt for r in runs if r.font.size is not None]
    return heading, bold, (max(sizes) if sizes else None)


def _iter_blocks(document: Any) -> Iterator[Any]:
    """Body paragraphs and table-cell paragraphs, in the order they appear."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def _links_of(paragraph: Any) -> list[LinkTarget]:
    found = []
    for link in getattr(paragraph, "hyperlinks", []):
        url = getattr(link, "url", "") or ""
        if url and not url.startswith("#"):
            found.append(LinkTarget(url=url, anchor=link.text or ""))
    return found


def extract_docx(path: Path) -> ExtractedText:
    _check_zip(Path(path))
    try:
        import docx

        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many types for broken packages
        raise CorruptError(f"corrupt DOCX: {type(exc).__name__}: {exc}") from exc
    links: list[LinkTarget] = []
    built = LineBuilder()
    for paragraph in _iter_blocks(document):
        links.extend(_links_of(paragraph))
        bullet = "• " if _is_list_item(paragraph) else ""
        heading, bold, size = _paragraph_facts(paragraph)
        for raw in paragraph.text.split("\n"):
            text = normalize_chars(strip_markup(raw)).strip()
            if text:
                text = text if text.startswith("•") else bullet + text
                built.add(text, size=size, bold=bold, heading=heading)
    return built.result(links, "docx", "empty document: the DOCX has no text")
