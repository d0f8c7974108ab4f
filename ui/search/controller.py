"""The list's search at work: the query's feedback under the search box, document text
read into the search after opening, and the saved searches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ui.search.saved_controller import SavedSearches
from ui.search.search_feedback import SearchFeedback
from ui.search.text_loader import TextLoader
from ui.views.saved_searches import SavedSearchesView

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class SearchController(QObject):
    def __init__(self, window: MainWindow, view: SavedSearchesView):
        super().__init__(window)
        listing = window.candidate_list
        self.feedback = SearchFeedback(listing.search, listing.layout(), 1, self)
        window.model.searchChanged.connect(self.feedback.show_error)
        self.texts = TextLoader(window.model, lambda: window.library, self)
        self.saved = SavedSearches(window, view)

    def library_opened(self) -> None:
        self.saved.reload()
        self.texts.start()
