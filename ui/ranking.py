"""Ranking the shortlist in the list: Move Up / Move Down (Alt+Up / Alt+Down), Tie with
Above (Alt+=), and dragging rows, while the list shows the shortlist in rank order (the
"Shortlisted" search, sorted by the Rank column).

Every reordering is one undoable command that sets the ranks it changed
(`ui.commands.set_ranks`); the orderings themselves are in `ui.rank_order`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView

from storage.queries import CANDIDATE, RowKey
from storage.query import Flag
from ui import commands
from ui.actions import Act
from ui.models.columns import Col
from ui.rank_order import Groups, changed_ranks, drop, groups_of, move, ranks_of, tie_with_above

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SHORTLIST = Flag("is:shortlisted")
_Drag = QAbstractItemView.DragDropMode


class Ranking(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._w = window
        self.model = window.model
        self.table = window.candidate_list.table
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropOverwriteMode(False)
        self.model.drop_handler = self.drop
        actions = window.actions
        actions[Act.RANK_UP].triggered.connect(lambda: self.move_current(-1))
        actions[Act.RANK_DOWN].triggered.connect(lambda: self.move_current(1))
        actions[Act.RANK_TIE].triggered.connect(self.tie_current)
        for signal in (self.model.layoutChanged, self.model.modelReset):
            signal.connect(self.update_mode)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_mode())
        self.update_mode()

    # ------------------------------------------------------------------ mode

    def active(self) -> bool:
        """The list shows exactly the shortlist, best first: its order is the ranking."""
        sort_column, order = self.model.sort_state()
        return (
            self.model.search.node == SHORTLIST
            and sort_column == Col.RANK
            and order == Qt.SortOrder.AscendingOrder
        )

    def show_shortlist(self) -> None:
        """Rank order, the Rank column shown first: what the "Shortlisted" search opens."""
        header = self.table.horizontalHeader()
        header.setSectionHidden(Col.RANK, False)
        header.moveSection(header.visualIndex(Col.RANK), 0)  # a wide list hides its far end
        self.table.sortByColumn(Col.RANK, Qt.SortOrder.AscendingOrder)
        self.table.horizontalScrollBar().setValue(0)

    def update_mode(self) -> None:
        on = self.active()
        self.model.rows_movable = on
        self.table.setDragEnabled(on)
        self.table.setAcceptDrops(on)
        self.table.setDragDropMode(_Drag.InternalMove if on else _Drag.NoDragDrop)
        current = self._w.candidate_list.current_key()
        position = self.model.row_of(current) if current else -1
        actions = self._w.actions
        actions[Act.RANK_UP].setEnabled(on and position > 0)
        actions[Act.RANK_DOWN].setEnabled(on and 0 <= position < self.model.rowCount() - 1)
        actions[Act.RANK_TIE].setEnabled(on and position > 0)

    # ------------------------------------------------------------------ reorderings

    def move_current(self, step: int) -> None:
        key = self._current()
        if key is not None:
            self._apply(move(self._groups(), key, step), "Move up" if step < 0 else "Move down")

    def tie_current(self) -> None:
        key = self._current()
        position = self.model.row_of(key) if key else -1
        if key is not None and position > 0:
            above = self.model.key_at(position - 1)
            self._apply(tie_with_above(self._groups(), key, above), "Tie with above")

    def drop(self, keys: list[RowKey], before: RowKey | None) -> bool:
        """Rows dragged before `before` (None: to the end); False if nothing could move."""
        if not self.active():
            return False
        shown = [k for k in keys if self.model.row_of(k) >= 0]
        return self._apply(drop(self._groups(), shown, before), "Reorder shortlist")

    def _current(self) -> RowKey | None:
        key = self._w.candidate_list.current_key()
        return key if self.active() and key and key[0] == CANDIDATE else None

    def _groups(self) -> Groups:
        keys = [self.model.key_at(i) for i in range(self.model.rowCount())]
        return groups_of([(k, self.model.get(k).rank) for k in keys])

    def _apply(self, groups: Groups, text: str) -> bool:
        old = {k: self.model.get(k).rank for group in groups for k in group}
        ranks = changed_ranks(old, ranks_of(groups))
        if not ranks:
            return False
        changes = {key[1]: rank for key, rank in ranks.items()}
        return self._w.list_controller.push(commands.set_ranks(self._w.library, changes, text))
