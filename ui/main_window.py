"""The main window: layout and wiring, nothing else.

    ┌ toolbar ───────────────────────────────────────────────────────────┐
    │ Folders (dock) │ search + candidate list │ Profile + document (dock) │
    └ status bar: library · counts · import progress [Cancel] · saved ───┘

The parts do the work: `ListController` (rows and row commands), `ImportService`
(imports), `ProfileDock` (the profile pane), `LibrarySwitcher` (open / new / recent).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStackedWidget

from storage.errors import LibraryError
from storage.library import Library
from ui import settings as S
from ui.actions import Act, build_actions
from ui.bulk_actions import BulkActions
from ui.dnd import DropCatcher
from ui.import_flow import ImportFlow
from ui.library_switcher import LibrarySwitcher
from ui.list_controller import ListController
from ui.menus import THEME_ACTIONS, build_menus, build_toolbar
from ui.models.candidate_table import CandidateTableModel
from ui.profile_dock import ProfileDock
from ui.ranking import Ranking
from ui.review.wiring import ReviewWiring
from ui.save_warning import SaveWarning
from ui.search.controller import SearchController
from ui.settings import Settings
from ui.theme import apply_theme
from ui.views.candidate_list import CandidateList
from ui.views.empty_state import EmptyState
from ui.views.file_browser import FileBrowser
from ui.views.saved_searches import SavedSearchesView
from ui.views.status_bar import StatusBar
from ui.window_actions import WindowActions

SAVE_POLL_MS = 1000


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, library: Library):
        super().__init__()
        self.settings = settings
        self.library = library
        self.setWindowTitle("Shortlist")
        self._default_size()
        self._closed = False
        self.undo_stack = QUndoStack(self)
        self.actions = build_actions(self)
        self._build_central()
        self._build_docks()
        self.status = StatusBar(self.actions[Act.CANCEL_IMPORT], self)
        self.setStatusBar(self.status)
        self.list_controller = ListController(library, self.candidate_list, self.undo_stack, self)
        self.review = ReviewWiring(self)  # the Review and Pool docks, triage keys, blind review
        self.imports = ImportFlow(self, library)
        self.switcher = LibrarySwitcher(self)
        recent = build_menus(self, self.actions, self._dock_toggles())
        self.switcher.set_recent_menu(recent)
        build_toolbar(self, self.actions)
        self.window_actions = WindowActions(self)
        self.search_controller = SearchController(self, self.searches_view)  # + saved searches
        self.bulk = BulkActions(self)  # on every selected row
        self.ranking = Ranking(self)  # reordering the shortlist
        self.drops = DropCatcher(self)
        self._wire()
        self._restore_state()
        self._start_library()

    # ------------------------------------------------------------------ layout

    def _default_size(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1680, screen.width() * 9 // 10), min(1000, screen.height() * 9 // 10))

    def _build_central(self) -> None:
        self.model = CandidateTableModel(self)
        self.candidate_list = CandidateList(self.model, self)
        self.empty_state = EmptyState(
            self.actions[Act.IMPORT_FILES], self.actions[Act.OPEN_SAMPLES], self
        )
        self.central = QStackedWidget(self)
        self.central.addWidget(self.candidate_list)
        self.central.addWidget(self.empty_state)
        self.setCentralWidget(self.central)

    def _build_docks(self) -> None:
        self.browser = FileBrowser(self.settings.get(S.BROWSER_ROOT), self)
        self.browser_dock = self._dock("Folders", "foldersDock", self.browser)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.browser_dock)
        self.searches_view = SavedSearchesView(self)
        self.searches_dock = self._dock("Searches", "searchesDock", self.searches_view)
        self._place_searches_dock()
        self.profile_dock_widget = self._dock("Profile", "profileDock", None)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.profile_dock_widget)
        self.profile = ProfileDock(self.profile_dock_widget, self)
        self._dock_sizes_pending = True

    def _default_dock_sizes(self) -> None:
        # Only takes effect once the window has its size, hence from showEvent.
        docks = [self.review.dock, self.profile_dock_widget]
        width = self.width()
        sizes = [max(360, width * 22 // 100), max(520, width * 34 // 100)]
        self.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)
        self.review.size_docks()

    def _dock(self, title: str, name: str, widget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() keys docks by object name
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        if widget is not None:
            dock.setWidget(widget)
        return dock

    def _place_searches_dock(self) -> None:
        """Saved searches at the top of the left side, above the Folders."""
        self.searches_dock.setFloating(False)
        self.searches_dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.searches_dock)
        self.splitDockWidget(self.searches_dock, self.browser_dock, Qt.Orientation.Vertical)

    def _dock_toggles(self):
        docks = [self.browser_dock.toggleViewAction(), self.profile_dock_widget.toggleViewAction()]
        return [self.searches_dock.toggleViewAction(), *docks, *self.review.dock_toggles()]

    # ------------------------------------------------------------------ wiring

    def _wire(self) -> None:
        lc = self.list_controller
        lc.rowsChanged.connect(self._rows_changed)
        lc.selectionChanged.connect(self._selection_changed)
        self.profile.candidateChanged.connect(lambda cid: lc.refresh([("candidate", cid)]))
        self.browser.rootChanged.connect(lambda root: self.settings.set(S.BROWSER_ROOT, root))
        self.browser.importRequested.connect(self.imports.start)
        self.drops.pathsDropped.connect(self.imports.start_dropped)
        self.candidate_list.set_row_actions(
            [
                self.actions[Act.TOGGLE_SHORTLIST],
                self.actions[Act.ASSIGN_DOCUMENT],
                self.actions[Act.MAKE_OWN_CANDIDATE],
                None,
                *self.bulk.actions(),
                None,
                *(self.actions[a] for a in (Act.RANK_UP, Act.RANK_DOWN, Act.RANK_TIE)),
            ]
        )
        self.save_warning = SaveWarning(self)  # a read-only folder or a full disk
        self._save_timer = QTimer(self, interval=SAVE_POLL_MS)
        self._save_timer.timeout.connect(self._show_save_status)
        self._save_timer.start()

    def _start_library(self) -> None:
        """Everything that depends on which library is open; again after a switch."""
        self.profile.attach(self.library, self.undo_stack)
        self.profile.restore_splitter(self.settings.get(S.PROFILE_SPLITTER))
        self.drops.watch_tree(self)
        self.list_controller.reload()
        self.search_controller.library_opened()
        self.browser.set_known(self.imports.known_paths())
        self.status.show_library(self.library.path.name, str(self.library.path))
        self.setWindowTitle(f"{self.library.path.name} — Shortlist")
        self.review.attach(self.library)
        self._selection_changed(None)
        self.candidate_list.select_row(max(self.model.candidate_row(0), 0))
        if self.model.rowCount():
            # J/K and the arrows work at once. Not on an empty list: a focused view selects
            # the first row that arrives, and showing it would hold up the import.
            self.candidate_list.table.setFocus()

    def use_library(self, library: Library) -> None:
        """Switch to another library; the caller has closed the previous one."""
        self.library = library
        self.undo_stack.clear()
        self.list_controller.library = library
        self.imports.use_library(library)
        self.settings.remember_library(str(library.path))
        self._start_library()

    # ------------------------------------------------------------------ reactions

    def _rows_changed(self) -> None:
        rows = self.model.all_rows()
        self.status.show_counts(rows)
        self.central.setCurrentWidget(self.candidate_list if rows else self.empty_state)

    def _selection_changed(self, key) -> None:
        self.profile.show_row(key)
        self.window_actions.update_for(key)
        # The pane builds its fields as it shows a candidate: keep file drops on them
        # importing (a text field would otherwise take the dropped path as text).
        QTimer.singleShot(0, self, lambda: self.drops.watch_tree(self.profile_dock_widget))

    def _show_save_status(self) -> None:
        status = self.library.save_status()
        self.status.show_saved(status.saved, status.error)
        self.save_warning.update(status)

    def set_theme(self, choice: str) -> None:
        from PySide6.QtWidgets import QApplication

        apply_theme(QApplication.instance(), choice)  # type: ignore[arg-type]
        self.settings.set(S.THEME, choice)
        self.actions[THEME_ACTIONS.get(choice, Act.THEME_SYSTEM)].setChecked(True)

    # ------------------------------------------------------------------ state

    def _restore_state(self) -> None:
        geometry = self.settings.get(S.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        docks = self.settings.get(S.DOCK_STATE)
        if not docks.isEmpty():
            self._dock_sizes_pending = not self.restoreState(docks)
        columns = self.settings.get(S.COLUMNS)
        if not columns.isEmpty():
            self.candidate_list.table.horizontalHeader().restoreState(columns)

    def save_state(self) -> None:
        self.settings.set(S.GEOMETRY, self.saveGeometry())
        self.settings.set(S.DOCK_STATE, self.saveState())
        header = self.candidate_list.table.horizontalHeader()
        self.settings.set(S.COLUMNS, header.saveState())
        self.settings.set(S.PROFILE_SPLITTER, self.profile.splitter_state())
        self.settings.sync()

    def reset_layout(self) -> None:
        self.settings.set(S.DOCK_STATE, QByteArray())
        for dock in (self.browser_dock, self.profile_dock_widget):
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.browser_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.profile_dock_widget)
        self._place_searches_dock()
        self.review.place_docks()
        self.candidate_list.reset_columns()
        self._default_dock_sizes()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dock_sizes_pending:
            self._dock_sizes_pending = False
            self._default_dock_sizes()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        self.save_state()
        self.imports.close()
        if not self._close_library():
            event.ignore()  # the reviewer chose to keep the window and the unsaved changes
            return
        self._closed = True
        self._save_timer.stop()
        self.list_controller.detach()
        event.accept()

    def _close_library(self) -> bool:
        self.review.flush()  # notes still being typed
        problems = self.profile.commit_edits()
        if problems and not self.switcher.confirm_drop_invalid_edits(problems):
            return False
        try:
            self.library.close()
        except LibraryError as error:
            if not self.switcher.confirm_quit_unsaved(error):
                return False
            self.library.close(discard_unsaved=True)
        return True
