"""Compare: 2–4 candidates side by side, one column each, the same facts on each row
(`compare_data.py`). Opened from Candidate > Compare Selected… (Ctrl+Shift+C).

Read-only and non-modal: the reviewer can keep it open while scoring in the main window.
In blind review it shows aliases and masked text, like the rest of the window.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.library import Library
from storage.models import Candidate
from storage.rubric import rubric_of
from ui.profile.style import accent, hairline
from ui.views.compare_data import CompareRow, compare_rows

COLUMN_WIDTH = 280


class CompareDialog(QDialog):
    def __init__(self, library: Library, ids: Sequence[int], blind, parent: QWidget | None = None):
        """`blind`: the window's BlindMode (its `enabled`, `alias`, `mask`)."""
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(f"Compare {len(ids)} candidates")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.candidates: list[Candidate] = [library.candidate(i) for i in ids]
        on = bool(blind and blind.enabled)
        self.rows: list[CompareRow] = compare_rows(
            self.candidates,
            rubric_of(library),
            (lambda c: blind.alias(c.id)) if on else (lambda c: c.name or blind.alias(c.id)),
            blind.mask if on else None,
        )
        self.table = QTableWidget(self)
        self._fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(min(180 + COLUMN_WIDTH * len(ids), 1400), 760)

    def _fill(self) -> None:
        table = self.table
        table.setColumnCount(len(self.candidates))
        table.setRowCount(len(self.rows))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setWordWrap(True)
        table.setShowGrid(False)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.horizontalHeader().hide()  # the "Candidate" row names the columns
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setVerticalHeaderLabels([r.label for r in self.rows])
        table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )
        palette = self.palette()
        bold = QFont(self.font())
        bold.setBold(True)
        for r, row in enumerate(self.rows):
            if row.section:
                self._section(r, row.label, bold, QColor(hairline(palette)))
                continue
            for c, text in enumerate(row.cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if c in row.best or r == 0:
                    item.setFont(bold)
                if c in row.best:
                    item.setForeground(QColor(accent(palette)))
                    item.setToolTip("The best of the candidates compared")
                table.setItem(r, c, item)
        table.resizeRowsToContents()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Row heights follow the wrapped text only once the columns have their width.
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)

    def _section(self, row: int, title: str, font: QFont, tint: QColor) -> None:
        item = QTableWidgetItem(title)
        item.setFont(font)
        item.setBackground(tint)
        self.table.setItem(row, 0, item)
        self.table.setSpan(row, 0, 1, max(len(self.candidates), 1))
        self.table.verticalHeaderItem(row).setText("")

    def cell_text(self, label: str, column: int) -> str:
        """The text of row `label` for the column-th candidate (for tests and checks)."""
        row = next(i for i, r in enumerate(self.rows) if r.label == label)
        item = self.table.item(row, column)
        return item.text() if item else ""
