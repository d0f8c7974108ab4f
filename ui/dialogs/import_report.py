"""After an import: what was added, attached, left unassigned, skipped, and what failed.

Double-click a row: an added document opens its candidate (or the unassigned row); a
failed or duplicate file is shown in the file browser. "Copy Path" puts the file's path on
the clipboard, for a failure the reviewer wants to look at elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.import_service import ImportReport
from ui.models.report_model import ReportModel, ReportRow
from ui.views.row_table import setup_row_table


def headline(report: ImportReport) -> str:
    s = report.summary
    parts = [f"{len(s.new_candidates)} new candidates"]
    if s.attached:
        parts.append(f"{len(s.attached)} joined an existing candidate")
    if s.unassigned:
        parts.append(f"{len(s.unassigned)} unassigned")
    if s.duplicates:
        parts.append(f"{len(s.duplicates)} already in the library")
    if s.failed:
        parts.append(f"{len(s.failed)} failed")
    line = ", ".join(parts)
    if report.cancelled:
        line += f" — cancelled, {report.not_done} not imported"
    return f"{line} ({report.seconds:.1f} s)."


class ImportReportDialog(QDialog):
    openRow = Signal(object)  # RowKey
    revealFile = Signal(str)

    def __init__(self, report: ImportReport, rows: list[ReportRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import Report")
        self.resize(760, 420)
        self.model = ReportModel(rows, self)
        self.table = QTableView(self)
        self._build(headline(report))

    def _build(self, text: str) -> None:
        summary = QLabel(text, self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        table = self.table
        setup_row_table(table, self.model)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.resizeSection(0, 90)
        header.resizeSection(1, 260)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(self._follow)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton("Copy Path", self)
        copy.clicked.connect(self._copy_path)
        reveal = QPushButton("Show in File Browser", self)
        reveal.clicked.connect(lambda: self._follow(table.currentIndex(), reveal_only=True))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(reveal, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (copy, reveal):
            button.setAutoDefault(False)  # Enter closes the report, it does not copy
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)

    def _current(self, index: QModelIndex | None = None) -> ReportRow | None:
        index = index if index is not None and index.isValid() else self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _follow(self, index: QModelIndex, reveal_only: bool = False) -> None:
        row = self._current(index)
        if row is None:
            return
        if row.key is not None and not reveal_only:
            self.openRow.emit(row.key)
        else:
            self.revealFile.emit(row.path)

    def _copy_path(self) -> None:
        row = self._current()
        if row is not None:
            QGuiApplication.clipboard().setText(row.path)
