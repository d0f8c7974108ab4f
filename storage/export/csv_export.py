"""CSV: UTF-8 with a byte-order mark (without it Excel reads "Müller" and "于海鑫" as
mojibake), one row per candidate, every text cell neutralised against formulas."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from storage.export.rows import Column, header, row_values
from storage.export.safety import safe_cell
from storage.export.selection import Entry


def write_csv(entries: Sequence[Entry], columns: Sequence[Column], path: Path) -> None:
    # newline="" lets the csv module write \r\n itself (RFC 4180), also inside quoted notes.
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([safe_cell(label) for label in header(columns)])
        for entry in entries:
            writer.writerow([_cell(v) for v in row_values(entry, columns)])


def _cell(value: object) -> object:
    return "" if value is None else safe_cell(value)
