"""Choose the candidate an unassigned document belongs to: type a few letters, pick one.

It reuses the candidate table model (and its search) with only the columns that tell
people apart: name, email, institution.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.queries import ListRow
from ui.models.candidate_table import CandidateTableModel
from ui.models.columns import Col
from ui.views.row_table import setup_row_table

_SHOWN = (Col.NAME, Col.EMAIL, Col.INSTITUTION)


class AssignDialog(QDialog):
    def __init__(self, document_name: str, rows: list[ListRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Assign to Candidate")
        self.resize(620, 420)
        self.model = CandidateTableModel(self)
        self.model.set_rows(r for r in rows if not r.is_unassigned)
        self.search = QLineEdit(self)
        self.table = QTableView(self)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._build(document_name)

    def _build(self, document_name: str) -> None:
        intro = QLabel(f"Whose document is {document_name}?", self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.search.setPlaceholderText("Type part of a name, email or institution")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        table = self.table
        setup_row_table(table, self.model)
        for col in Col:
            table.setColumnHidden(col, col not in _SHOWN)
        table.horizontalHeader().setSectionResizeMode(
            Col.INSTITUTION, QHeaderView.ResizeMode.Stretch
        )
        table.doubleClicked.connect(lambda _index: self.accept())
        self._buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Assign")
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._update_ok())
        layout = QVBoxLayout(self)
        for widget in (intro, self.search, table, self._buttons):
            layout.addWidget(widget)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.model.set_filter(text)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen() is not None)

    def chosen(self) -> int | None:
        """The chosen candidate's id."""
        index = self.table.currentIndex()
        key = self.model.key_at(index.row()) if index.isValid() else None
        return key[1] if key else None
