"""XLSX with openpyxl: bold frozen header, filters on, widths from the content, clickable
links and emails, wrapped notes, and a second sheet with every publication."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from storage.export.facts import is_first_author, is_peer_reviewed
from storage.export.rows import Column, header, link_targets, row_values
from storage.export.safety import safe_cell, safe_url
from storage.export.selection import Entry

MIN_WIDTH, MAX_WIDTH, LONG_WIDTH = 6, 50, 60
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="37474F")
LINK_FONT = Font(color="0563C1", underline="single")
TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)
PUBLICATION_HEADER = (
    "Rank",
    "Candidate",
    "Title",
    "Authors",
    "Venue",
    "Year",
    "Status",
    "First author",
    "Peer-reviewed",
)


def write_xlsx(entries: Sequence[Entry], columns: Sequence[Column], path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Shortlist"
    _candidates_sheet(sheet, entries, columns)
    _publications_sheet(book.create_sheet("Publications"), entries)
    book.properties.creator = "Shortlist"
    book.properties.title = "Shortlist export"
    book.save(path)


def _header(sheet: Worksheet, labels: Sequence[str]) -> None:
    sheet.append([safe_cell(label) for label in labels])
    for cell in sheet[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    sheet.freeze_panes = "A2"


def _candidates_sheet(sheet: Worksheet, entries: Sequence[Entry], columns: Sequence[Column]):
    _header(sheet, header(columns))
    for entry in entries:
        sheet.append([_cell(v) for v in row_values(entry, columns)])
        row = sheet.max_row
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=row, column=index)
            cell.alignment = WRAP if column.kind == "long" else TOP
            _link(cell, link_targets(entry, column))
    _finish(sheet, [LONG_WIDTH if c.kind == "long" else None for c in columns])


def _link(cell, targets: list[str]) -> None:
    """A cell can hold one hyperlink: the first safe one (only http(s) and mailto)."""
    for text in targets:
        url = safe_url(text)
        if url:
            cell.hyperlink = url
            cell.font = LINK_FONT
            return


def _publications_sheet(sheet: Worksheet, entries: Sequence[Entry]) -> None:
    _header(sheet, PUBLICATION_HEADER)
    for entry in entries:
        name = entry.alias if entry.anonymised else entry.candidate.name
        for pub in entry.candidate.profile.publications:
            values = (
                entry.position,
                entry.display_name,
                pub.title,
                "; ".join(pub.authors),
                pub.venue,
                pub.year,
                pub.status,
                "yes" if is_first_author(name, pub) else "",
                "yes" if is_peer_reviewed(pub) else "",
            )
            sheet.append([_cell(v) for v in values])
            for cell in sheet[sheet.max_row]:
                cell.alignment = TOP
    _finish(sheet, [None, None, LONG_WIDTH, 40, 30, None, None, None, None])


def _finish(sheet: Worksheet, fixed: Sequence[int | None]) -> None:
    """Filters over the whole table, and widths from the content (capped)."""
    if sheet.max_row >= 1 and sheet.max_column >= 1:
        sheet.auto_filter.ref = sheet.dimensions
    for index, column_cells in enumerate(sheet.iter_cols(), start=1):
        width = fixed[index - 1] if index - 1 < len(fixed) else None
        if width is None:
            longest = max((_width(c.value) for c in column_cells), default=MIN_WIDTH)
            width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index)].width = width


def _width(value: object) -> int:
    if value is None:
        return 0
    text = str(value)
    # East Asian characters take two columns in a spreadsheet's default font.
    return max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in line) for line in text.split("\n"))


def _cell(value: object) -> object:
    return None if value in (None, "") else safe_cell(value)
