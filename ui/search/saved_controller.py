"""The "Searches" list at work: choosing a search puts its query in the search box (the
"Shortlisted" one also sorts by rank, to reorder), and the reviewer saves, renames and
deletes their own (kept in the library, `storage.saved_searches`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from storage.query import QuerySyntaxError
from storage.saved_searches import (
    SavedSearch,
    SavedSearchError,
    all_searches,
    delete_search,
    rename_search,
    save_search,
)
from ui.models.columns import Col
from ui.views.saved_searches import SavedSearchesView

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class SavedSearches(QObject):
    def __init__(self, window: MainWindow, view: SavedSearchesView):
        super().__init__(window)
        self._w = window
        self.view = view
        self._by_rank = False  # the list was put in rank order by a chosen search
        view.chosen.connect(self.choose)
        view.saveRequested.connect(lambda: self.save_current())
        view.renameRequested.connect(lambda search: self.rename(search))
        view.deleteRequested.connect(lambda search: self.delete(search))
        window.candidate_list.search.textChanged.connect(self._typed)

    def reload(self) -> None:
        """The searches of the library now open (after start-up or a switch)."""
        self.view.show_searches(self.searches())
        self._typed(self._w.candidate_list.search.text())

    def searches(self) -> list[SavedSearch]:
        return all_searches(self._w.library)

    # ------------------------------------------------------------------ choose

    def choose(self, search: SavedSearch) -> None:
        box = self._w.candidate_list.search
        box.setText(search.query)
        self._w.model.set_filter(search.query)  # at once, not after the typing pause
        if search.by_rank:
            self._w.ranking.show_shortlist()
        elif self._by_rank:
            self._leave_rank_order()
        self._by_rank = search.by_rank
        self.view.select(search.name)
        if self._w.candidate_list.current_key() is None:
            self._w.candidate_list.select_row(0)

    def _leave_rank_order(self) -> None:
        table = self._w.candidate_list.table
        table.horizontalHeader().setSectionHidden(Col.RANK, True)
        table.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)

    def _typed(self, text: str) -> None:
        """Mark the saved search the box now holds, if any."""
        query = " ".join(text.split())
        same = next((s for s in self.searches() if s.query == query), None)
        self.view.select(same.name if same else None)

    # ------------------------------------------------------------------ save, rename, delete

    def save_current(self, name: str | None = None) -> bool:
        query = self._w.candidate_list.search.text()
        if name is None:
            name = self._ask("Save Search", f"Name for the search “{query.strip()}”:", "")
        if not name:
            return False
        return self._change(lambda: save_search(self._w.library, name, query), name)

    def rename(self, search: SavedSearch, new: str | None = None) -> bool:
        if new is None:
            new = self._ask("Rename Search", "New name:", search.name)
        if not new or new == search.name:
            return False
        return self._change(lambda: rename_search(self._w.library, search.name, new), new)

    def delete(self, search: SavedSearch, confirm: bool = True) -> bool:
        if confirm and not self._confirm(f"Delete the saved search “{search.name}”?"):
            return False
        return self._change(lambda: delete_search(self._w.library, search.name), None)

    def _change(self, work, shown: str | None) -> bool:
        try:
            work()
        except (SavedSearchError, QuerySyntaxError) as error:
            self._warn(str(error))
            return False
        self.view.show_searches(self.searches(), current=shown)
        return True

    # ------------------------------------------------------------------ dialogs

    def _ask(self, title: str, label: str, text: str) -> str | None:
        value, ok = QInputDialog.getText(self._w, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok else None

    def _confirm(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "Saved Searches", question)
        box.setParent(self._w, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.PlainText)  # a search's name is the reviewer's text
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _warn(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Saved Searches", message)
        box.setParent(self._w, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
