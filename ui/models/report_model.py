"""Rows of the import report: one per file, what happened to it and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from storage.models import ImportSummary
from storage.queries import CANDIDATE, UNASSIGNED, RowKey
from ui.plain import tooltip

_Index = QModelIndex | QPersistentModelIndex

FAILED = "Failed"
# Mid-tone colours that read on the light and the dark theme alike.
_OUTCOME_COLORS = {FAILED: QColor("#d64545"), "Added": QColor("#2e9d5b")}
OUTCOME_ORDER = (FAILED, "Added", "Attached", "Unassigned", "Duplicate")


@dataclass(frozen=True)
class ReportRow:
    outcome: str
    path: str
    detail: str
    key: RowKey | None  # the row it leads to in the candidate list

    @property
    def file_name(self) -> str:
        return Path(self.path).name


def report_rows(
    summary: ImportSummary,
    name_of: Callable[[RowKey], str],
    owner_of: Callable[[int], RowKey | None],
) -> list[ReportRow]:
    """Failures first (they need the reviewer), then what was added, then duplicates.
    `owner_of(document id)` is the list row a duplicate's earlier copy belongs to."""
    rows = [ReportRow(FAILED, path, reason, None) for path, reason in summary.failed]
    for outcome, docs in (
        ("Added", summary.new_candidates),
        ("Attached", summary.attached),
        ("Unassigned", summary.unassigned),
    ):
        for doc in docs:
            key: RowKey = (
                (CANDIDATE, doc.candidate_id)
                if doc.candidate_id is not None
                else (UNASSIGNED, doc.document_id)
            )
            detail = "nobody matched: assign it from the list" if doc.candidate_id is None else ""
            rows.append(ReportRow(outcome, doc.path, detail or f"→ {name_of(key)}", key))
    for path, doc_id in summary.duplicates:
        owner = owner_of(doc_id)
        detail = f"already in the library → {name_of(owner)}" if owner else "already in the library"
        rows.append(ReportRow("Duplicate", path, detail, owner))
    return rows


class ReportModel(QAbstractTableModel):
    HEADERS = ("Outcome", "File", "Details")

    def __init__(self, rows: list[ReportRow], parent=None):
        super().__init__(parent)
        self._rows = rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.outcome, row.file_name, row.detail)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row.path if index.column() == 1 else row.detail)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return _OUTCOME_COLORS.get(row.outcome)
        return None

    def row_at(self, position: int) -> ReportRow:
        return self._rows[position]
