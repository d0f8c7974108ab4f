"""The candidate list: a search box over a sortable table with choosable columns.

Typing filters after a short pause (150 ms), so a fast typist triggers one filter, not
five. Right-click the header to show or hide columns; right-click a row for what can be
done with it (the window puts its actions in that menu).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.queries import RowKey
from ui.icons import icon
from ui.models.candidate_table import CandidateTableModel
from ui.models.columns import COLUMNS, Col

SEARCH_DELAY_MS = 150


class CandidateList(QWidget):
    currentChanged = Signal(object)  # RowKey | None
    activated = Signal(object)  # RowKey (double-click / Enter)

    def __init__(self, model: CandidateTableModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit(self)
        self.table = QTableView(self)
        self._count = QLabel(self)
        self._row_actions: list[QAction | None] = []
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_search)
        self._build_search()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setContentsMargins(6, 6, 6, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self._count)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self._update_count)

    def _build_search(self) -> None:
        self.search.setPlaceholderText("Search names, schools, tags, files…")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.installEventFilter(self)
        self._count.setTextFormat(Qt.TextFormat.PlainText)
        self._count.setObjectName("resultCount")

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setSortingEnabled(True)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._row_menu)
        table.doubleClicked.connect(
            lambda index: self.activated.emit(self.model.key_at(index.row()))
        )
        table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.currentChanged.emit(self.model.key_at(current.row()))
        )
        self._setup_header(table.horizontalHeader())

    def _setup_header(self, header: QHeaderView) -> None:
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.reset_columns()

    def reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for col, column in COLUMNS.items():
            header.moveSection(header.visualIndex(col), col)
            header.resizeSection(col, column.width)
            header.setSectionHidden(col, not column.visible)
        header.setSectionResizeMode(Col.SHORTLISTED, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Col.INSTITUTION, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(Col.NAME, Qt.SortOrder.AscendingOrder)

    # ------------------------------------------------------------------ search

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _apply_search(self) -> None:
        self.model.set_filter(self.search.text())
        if self.current_key() is None and self.model.rowCount():
            self.select_row(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down/Enter in the search box go to the list, Esc clears: no mouse needed.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._apply_search()
                self.table.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return False

    def _update_count(self, *_args) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self._count.setText(f"{shown} of {total}" if shown != total else "")

    # ------------------------------------------------------------------ selection

    def current_key(self) -> RowKey | None:
        index = self.table.currentIndex()
        return self.model.key_at(index.row()) if index.isValid() else None

    def select_row(self, position: int) -> None:
        if not 0 <= position < self.model.rowCount():
            return
        index = self.model.index(position, Col.NAME)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_key(self, key: RowKey) -> bool:
        position = self.model.row_of(key)
        if position < 0 and self.search.text():
            self.search.clear()
            self._apply_search()
            position = self.model.row_of(key)
        self.select_row(position)
        return position >= 0

    def step(self, delta: int) -> None:
        """Next (+1) or previous (-1) row; from nothing selected, the first."""
        index = self.table.currentIndex()
        self.select_row(index.row() + delta if index.isValid() else 0)

    # ------------------------------------------------------------------ menus

    def set_row_actions(self, actions: list[QAction | None]) -> None:
        """What the row menu offers (None: a separator); the window keeps them enabled."""
        self._row_actions = actions

    def _row_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row()):
            self.select_row(index.row())  # a click inside a selection keeps it (bulk actions)
        menu = QMenu(self)
        for action in self._row_actions:
            if action is None:
                menu.addSeparator()
            elif action.isEnabled():
                menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for col, column in COLUMNS.items():
            if col == Col.NAME:
                continue  # a list without names helps nobody
            title = column.tip if col == Col.SHORTLISTED else column.title
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(col))
            action.toggled.connect(lambda on, c=col: header.setSectionHidden(c, not on))
        menu.addSeparator()
        menu.addAction("Reset Columns", self.reset_columns)
        menu.exec(header.mapToGlobal(pos))
