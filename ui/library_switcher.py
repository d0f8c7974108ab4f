"""File > Open Library…, New Library…, Open Recent: one library per hiring round.

The chosen library is opened before the current one is closed, so when it cannot be
opened (damaged, locked, not a library) nothing changes and the window keeps working.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from storage.errors import LibraryError
from ui import settings as S
from ui.dialogs.library_problems import open_library

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LibrarySwitcher(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._w = window
        self._recent: QMenu | None = None

    def set_recent_menu(self, menu: QMenu) -> None:
        self._recent = menu
        menu.aboutToShow.connect(self._fill_recent)

    def _fill_recent(self) -> None:
        assert self._recent is not None
        self._recent.clear()
        current = str(self._w.library.path)
        for path in self._w.settings.get(S.RECENT_LIBRARIES):
            if path == current:
                continue
            # "&" would mark a shortcut letter in a menu: doubled, it is shown as it is.
            label = f"{Path(path).name}  —  {path}".replace("&", "&&")
            action = self._recent.addAction(label)
            action.setEnabled(os.path.isdir(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_folder(p))
        if self._recent.isEmpty():
            self._recent.addAction("No other libraries yet").setEnabled(False)

    def choose_and_open(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._w, "Open Library (a Shortlist library folder)", str(self._w.library.path.parent)
        )
        if folder:
            self.open_folder(folder)

    def choose_and_create(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._w,
            "New Library (choose or create an empty folder)",
            str(self._w.library.path.parent),
        )
        if not folder:
            return
        if any(Path(folder).iterdir()) and not (Path(folder) / "library.json").exists():
            self._tell(
                "Choose an empty folder",
                f"{folder} holds other files. A new library needs an empty folder.",
            )
            return
        self.open_folder(folder)

    def open_folder(self, folder: str) -> None:
        w = self._w
        if os.path.abspath(folder) == os.path.abspath(w.library.path):
            return
        if w.imports.service.is_busy() and not self._confirm_cancel_import():
            return
        library = open_library(w, folder)
        if library is None:
            return
        w.imports.service.cancel()
        w.review.flush()  # notes still being typed belong to the library being closed
        problems = w.profile.commit_edits()
        if problems and not self.confirm_drop_invalid_edits(problems):
            library.close()
            return
        try:
            w.library.close()
        except LibraryError as error:
            library.close()
            self._tell(
                "Cannot switch libraries", f"The current library could not be saved: {error}"
            )
            return
        w.use_library(library)

    def _confirm_cancel_import(self) -> bool:
        answer = QMessageBox.question(
            self._w, "Import running", "An import is running. Stop it and switch libraries?"
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_drop_invalid_edits(self, problems: list[str]) -> bool:
        """Edits the forms hold that are not valid (an email that is not one): drop them?"""
        box = QMessageBox(QMessageBox.Icon.Warning, "Edits not valid", "\n".join(problems[:10]))
        box.setParent(self._w, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("These edits cannot be saved as they are. Leave them out?")
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        return box.exec() == QMessageBox.StandardButton.Discard

    def confirm_quit_unsaved(self, error: Exception) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "Changes not saved", str(error))
        box.setParent(self._w, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("Quit anyway and lose the changes since the last save?")
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        return box.exec() == QMessageBox.StandardButton.Discard

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text)
        box.setParent(self._w, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
