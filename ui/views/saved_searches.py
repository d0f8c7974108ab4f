"""The "Searches" side list: the built-in views of the list, then the reviewer's own
searches, with buttons to save the current search, rename and delete one.

A view only: it shows `SavedSearch`es and says what the reviewer chose or asked for; the
controller (`ui/search/saved_controller.py`) does the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from storage.saved_searches import SavedSearch
from ui.icons import icon

_SEARCH = Qt.ItemDataRole.UserRole + 1


class SavedSearchesView(QWidget):
    chosen = Signal(object)  # SavedSearch
    saveRequested = Signal()
    renameRequested = Signal(object)  # SavedSearch
    deleteRequested = Signal(object)  # SavedSearch

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.list = QListView(self)
        self.list.setObjectName("savedSearches")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(self.fontMetrics().height() * 7)  # the built-ins, at least
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.save_button = self._button("Save…", "Save the current search under a name")
        self.save_button.setIcon(icon("search"))
        self.save_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.save_button.clicked.connect(lambda: self.saveRequested.emit())
        self.rename_button = self._button("Rename…", "Rename the chosen search")
        self.rename_button.clicked.connect(lambda: self._ask(self.renameRequested))
        self.delete_button = self._button("Delete", "Delete the chosen search")
        self.delete_button.clicked.connect(lambda: self._ask(self.deleteRequested))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 0, 4, 4)
        for button in (self.save_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        return button

    def show_searches(self, searches: list[SavedSearch], current: str | None = None) -> None:
        """Fill the list (built-ins first, a heading, then the reviewer's), marking `current`."""
        self.model.clear()
        for search in searches:
            if not search.builtin and not self._has_own():
                self.model.appendRow(_heading("My searches"))
            item = QStandardItem(search.name)
            item.setData(search, _SEARCH)
            item.setToolTip(search.query or "every candidate and document")
            self.model.appendRow(item)
        self.select(current)

    def _has_own(self) -> bool:
        return any(not s.builtin for s in self.searches())

    def searches(self) -> list[SavedSearch]:
        found = (self.model.item(i).data(_SEARCH) for i in range(self.model.rowCount()))
        return [s for s in found if s is not None]

    def current(self) -> SavedSearch | None:
        index = self.list.currentIndex()
        return index.data(_SEARCH) if index.isValid() else None

    def select(self, name: str | None) -> None:
        """Mark the search shown (None: none of them, e.g. after typing another query)."""
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        self.list.setCurrentIndex(QModelIndex())
        selection.clearSelection()
        for i in range(self.model.rowCount()):
            search = self.model.item(i).data(_SEARCH)
            if search is not None and search.name == name:
                self.list.setCurrentIndex(self.model.index(i, 0))
        selection.blockSignals(False)
        self._update_buttons()

    def _activated(self, index: QModelIndex) -> None:
        search = index.data(_SEARCH)
        if search is not None:
            self.chosen.emit(search)

    def _update_buttons(self) -> None:
        own = (search := self.current()) is not None and not search.builtin
        self.rename_button.setEnabled(own)
        self.delete_button.setEnabled(own)

    def _ask(self, signal) -> None:
        search = self.current()
        if search is not None and not search.builtin:
            signal.emit(search)

    def _menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        search = index.data(_SEARCH) if index.isValid() else None
        menu = QMenu(self)
        menu.addAction("Save the Current Search…", self.saveRequested.emit)
        if search is not None and not search.builtin:
            menu.addAction("Rename…", lambda: self.renameRequested.emit(search))
            menu.addAction("Delete", lambda: self.deleteRequested.emit(search))
        menu.exec(self.list.viewport().mapToGlobal(pos))


def _heading(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item
