"""The reviewer's folders, showing only documents the parser accepts, with the ones already
in the library marked (a check icon, bold name, a tooltip).

Marking goes by path: the library remembers where each document was imported from, and
hashing every file in a folder just to draw a tree would be far too slow.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QDir, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileSystemModel

from parsing.registry import ACCEPTED_SUFFIXES
from ui.icons import icon
from ui.plain import tooltip

_Index = QModelIndex | QPersistentModelIndex


class LibraryFileModel(QFileSystemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setNameFilters([f"*{suffix}" for suffix in ACCEPTED_SUFFIXES])
        self.setNameFilterDisables(False)  # hide other files rather than grey them out
        self.setFilter(QDir.Filter.AllDirs | QDir.Filter.Files | QDir.Filter.NoDotAndDotDot)
        self.setReadOnly(True)
        self._known: set[str] = set()
        self._check = icon("in-library")
        self._bold = QFont()
        self._bold.setBold(True)

    def set_known(self, paths: set[str]) -> None:
        """Replace the marked set (the view repaints its viewport afterwards)."""
        self._known = {os.path.normpath(p) for p in paths}

    def add_known(self, paths: list[str]) -> None:
        for path in paths:
            normal = os.path.normpath(path)
            self._known.add(normal)
            index = self.index(normal)
            if index.isValid():
                self.dataChanged.emit(index, index)

    def is_known(self, path: str) -> bool:
        return os.path.normpath(path) in self._known

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.column() == 0 and role in _MARK_ROLES and self.is_known(self.filePath(index)):
            if role == Qt.ItemDataRole.DecorationRole:
                return self._check
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return tooltip(f"{self.filePath(index)}\nAlready in the library")
        return super().data(index, role)


_MARK_ROLES = (
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ToolTipRole,
)
