"""A repeating field's entries: add, remove and reorder rows, and say when it changed.

Every structural change (add, remove, move) and every finished edit inside a row emits
`changed` once; the field row turns that into one undoable command for the whole list.
A row added but left empty is not part of the value, so "Add" alone records nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.profile.forms.rows import ListRow
from ui.profile.style import SPACING


class EntryList(QWidget):
    changed = Signal()
    focusedItem = Signal(object)  # the focused row's loaded item (None for a new row)

    def __init__(
        self, make_row: Callable[[], ListRow], noun: str, card_gap: int, parent=None
    ) -> None:
        super().__init__(parent)
        self._make_row = make_row
        self._rows: list[ListRow] = []
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(card_gap)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(card_gap)
        layout.addLayout(self._rows_box)
        self._add = QPushButton(f"+ Add {noun}", self)
        self._add.setFlat(True)
        self._add.setCursor(Qt.CursorShape.PointingHandCursor)
        self._add.clicked.connect(self.add_row)
        layout.addWidget(self._add, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(SPACING // 4)

    def rows(self) -> list[ListRow]:
        return list(self._rows)

    def load(self, entries: Sequence[tuple[Any, dict[str, str]]]) -> None:
        """Rebuild from (loaded item or None, texts) pairs."""
        for row in self._rows:
            # Hidden at once: until Qt deletes it, a row would still show its old values
            # (another candidate's, or in blind review the very values it hides).
            row.hide()
            row.deleteLater()
        self._rows = []
        for orig, texts in entries:
            self._append(orig, texts)
        self._renumber()

    def _append(self, orig: Any, texts: dict[str, str]) -> ListRow:
        row = self._make_row()
        row.set_orig(orig)
        row.set_texts(texts)
        row.set_read_only(self._read_only)
        row.committed.connect(self.changed)
        row.focused.connect(lambda r=row: self.focusedItem.emit(r.orig))
        row.moveRequested.connect(lambda delta, r=row: self.move(r, delta))
        row.removeRequested.connect(lambda r=row: self.remove(r))
        self._rows.append(row)
        self._rows_box.addWidget(row)
        return row

    def add_row(self) -> None:
        row = self._append(None, {})
        self._renumber()
        # Focus after the layout settles, so the scroll area can bring the new row in view.
        target = row.first_input()
        QTimer.singleShot(0, target, target.setFocus)

    def remove(self, row: ListRow) -> None:
        self._rows.remove(row)
        row.deleteLater()
        self._renumber()
        self.changed.emit()

    def move(self, row: ListRow, delta: int) -> None:
        index = self._rows.index(row)
        target = index + delta
        if not 0 <= target < len(self._rows):
            return
        self._rows.insert(target, self._rows.pop(index))
        self._rows_box.removeWidget(row)
        self._rows_box.insertWidget(target, row)
        self._renumber()
        self.changed.emit()

    def _renumber(self) -> None:
        for index, row in enumerate(self._rows):
            row.set_position(index, len(self._rows))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self._add.setVisible(not read_only)
        for row in self._rows:
            row.set_read_only(read_only)
