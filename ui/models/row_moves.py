"""Dragging rows of the candidate table to reorder them (the ranked shortlist).

A mixin for the table model: while `rows_movable` is on, rows can be dragged and dropped
between rows. A drop only reports what moved where to `drop_handler(keys, before)` (the
ranking makes it an undoable command, and the rows move when the ranks change): the model
itself never moves a row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt

from storage.queries import RowKey

MIME = "application/x-shortlist-rows"
DropHandler = Callable[[list[RowKey], RowKey | None], bool]
_Index = QModelIndex | QPersistentModelIndex
_MOVABLE = Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled


class RowMoves:
    rows_movable = False
    drop_handler: DropHandler | None = None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)  # type: ignore[misc]
        return flags | _MOVABLE if self.rows_movable else flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes})
        keys = [self.key_at(r) for r in rows]  # type: ignore[attr-defined]
        data = QMimeData()
        data.setData(MIME, json.dumps([list(k) for k in keys if k is not None]).encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.rows_movable and data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent) -> bool:
        if not (self.rows_movable and data.hasFormat(MIME) and self.drop_handler):
            return False
        keys = [(str(kind), int(rid)) for kind, rid in json.loads(bytes(data.data(MIME)))]
        if row < 0 and parent.isValid():
            row = parent.row()  # dropped onto a row: before it
        before = self.key_at(row) if row >= 0 else None  # type: ignore[attr-defined]
        self.drop_handler(keys, before)
        # False: the view must not remove the dragged rows itself; new ranks move them.
        return False
