"""A tree over the reviewer's folders: pick a folder, see its documents, import them.

Double-click a document (or use the context menu) to import it; "Import folder" imports
everything under the folder shown (or the folder right-clicked). Files already in the
library carry a check mark.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDir, QModelIndex, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui.icons import icon
from ui.models.file_model import LibraryFileModel
from ui.plain import tooltip


class FileBrowser(QWidget):
    importRequested = Signal(list)  # paths (files or folders)
    rootChanged = Signal(str)

    def __init__(self, root: str = "", parent=None):
        super().__init__(parent)
        self.model = LibraryFileModel(self)
        self._tree = QTreeView(self)
        self._folder = QLabel(self)
        self._nothing = QLabel("No PDF, Word, text or Markdown files in this folder.", self)
        self._build()
        self.model.directoryLoaded.connect(self._loaded)
        self.set_root(root if root and os.path.isdir(root) else default_folder())

    def _build(self) -> None:
        tree = self._tree
        tree.setModel(self.model)
        for column in (1, 2, 3):  # size, type, date: the name says enough in a side panel
            tree.hideColumn(column)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._menu)
        tree.doubleClicked.connect(self._double_clicked)
        tree.setDragEnabled(False)
        self._folder.setTextFormat(Qt.TextFormat.PlainText)
        self._folder.setMinimumWidth(40)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self._nothing.setTextFormat(Qt.TextFormat.PlainText)
        self._nothing.setWordWrap(True)
        self._nothing.setEnabled(False)  # drawn in the muted colour
        self._nothing.hide()
        layout.addLayout(self._bar())
        layout.addWidget(self._nothing)
        layout.addWidget(tree)

    def _bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(2)
        up = self._button(
            "go-up",
            "Parent folder",
            self._go_up,
            self.style().standardIcon(self.style().StandardPixmap.SP_FileDialogToParent),
        )
        choose = self._button(
            "choose",
            "Choose a folder…",
            self._choose,
            self.style().standardIcon(self.style().StandardPixmap.SP_DirOpenIcon),
        )
        whole = self._button(
            "import-folder",
            "Import every document in this folder",
            lambda: self.importRequested.emit([self.root()]),
            icon("folder-import"),
        )
        bar.addWidget(up)
        bar.addWidget(self._folder, 1)
        bar.addWidget(choose)
        bar.addWidget(whole)
        return bar

    def _button(self, name: str, tip: str, slot, button_icon) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setIcon(button_icon)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ folder

    def root(self) -> str:
        return self.model.rootPath()

    def set_root(self, folder: str) -> None:
        self._nothing.hide()
        self.model.setRootPath(folder)
        self._tree.setRootIndex(self.model.index(folder))
        name = Path(folder).name or folder
        self._folder.setText(name)
        self._folder.setToolTip(tooltip(folder))
        self.rootChanged.emit(folder)

    def _loaded(self, folder: str) -> None:
        if os.path.normpath(folder) == os.path.normpath(self.root()):
            self._nothing.setVisible(self.model.rowCount(self._tree.rootIndex()) == 0)

    def _go_up(self) -> None:
        parent = str(Path(self.root()).parent)
        if parent != self.root():
            self.set_root(parent)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Show folder", self.root())
        if folder:
            self.set_root(folder)

    def set_known(self, paths: set[str]) -> None:
        self.model.set_known(paths)
        self._tree.viewport().update()

    def add_known(self, paths: list[str]) -> None:
        self.model.add_known(paths)

    def reveal(self, path: str) -> None:
        """Show `path` in the tree (moving the root if it lies outside) and select it."""
        folder = str(Path(path).parent)
        if not os.path.normpath(path).startswith(os.path.normpath(self.root()) + os.sep):
            self.set_root(folder)
        index = self.model.index(path)
        if index.isValid():
            self._tree.scrollTo(index)
            self._tree.setCurrentIndex(index)
        self._tree.setFocus()

    # ------------------------------------------------------------------ actions

    def _double_clicked(self, index: QModelIndex) -> None:
        if not self.model.isDir(index):
            self.importRequested.emit([self.model.filePath(index)])

    def _selected_paths(self) -> list[str]:
        rows = self._tree.selectionModel().selectedRows(0)
        return [self.model.filePath(i) for i in rows]

    def _menu(self, pos: QPoint) -> None:
        index = self._tree.indexAt(pos)
        if not index.isValid():
            return
        path = self.model.filePath(index)
        paths = self._selected_paths() or [path]
        menu = QMenu(self)
        what = "Import Folder" if self.model.isDir(index) and len(paths) == 1 else "Import"
        menu.addAction(icon("import"), what, lambda: self.importRequested.emit(paths))
        if self.model.isDir(index):
            menu.addAction("Show This Folder Here", lambda: self.set_root(path))
        menu.addSeparator()
        menu.addAction("Copy Path", lambda: QGuiApplication.clipboard().setText(path))
        folder = path if self.model.isDir(index) else str(Path(path).parent)
        menu.addAction(
            "Open in File Manager", lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder))
        )
        menu.exec(self._tree.viewport().mapToGlobal(pos))


def default_folder() -> str:
    """Where applications usually land: Documents, then Downloads, then home."""
    home = Path(QDir.homePath())
    for name in ("Documents", "Downloads"):
        if (home / name).is_dir():
            return str(home / name)
    return str(home)
