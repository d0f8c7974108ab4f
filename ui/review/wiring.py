"""The review side of the window: the Review and Pool docks, keyboard triage, blind
review and Compare, wired to the window's list, profile pane and actions.

Keys (declared in ui/actions.py, so menus and the shortcut sheet list them): 1–5 score the
focused criterion and move to the next, R rejects, T opens the tag entry, N the notes,
S and J/K are the list's. Tab / Shift+Tab move between criteria while the list or the
panel has the focus; a text field keeps its keys (it takes them before any shortcut).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QFrame, QScrollArea, QWidget

from storage.library import Library
from storage.queries import CANDIDATE, RowKey
from ui import settings as S
from ui.actions import Act
from ui.review.blind_mode import BlindMode, blind_row
from ui.review.controller import ReviewController
from ui.review.panel import ReviewPanel
from ui.review.style import review_qss
from ui.views.pool_chart import PoolChart

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SCORE_ACTS = (Act.SCORE_1, Act.SCORE_2, Act.SCORE_3, Act.SCORE_4, Act.SCORE_5)
TRIAGE_ACTS = (*SCORE_ACTS, Act.REJECT, Act.ADD_TAG, Act.FOCUS_NOTES)
BLIND_TITLE = " (blind review)"
COMPARE_MIN, COMPARE_MAX = 2, 4


class ReviewWiring(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._w = window
        self.blind = BlindMode(window.library, self)
        self.controller = ReviewController(window.library, window.undo_stack, window)
        self.panel = ReviewPanel(self.controller)
        self.panel.name_for = self._name_for
        self.panel.use_star_action(window.actions[Act.TOGGLE_SHORTLIST])
        self.panel.returnFocus.connect(self._return_focus)
        self.dock = self._dock("Review", "reviewDock", _scrolling(self.panel))
        self.pool = PoolChart()
        self.pool_dock = self._dock("Pool", "poolDock", self.pool)
        self._return_to: QWidget | None = None
        self.place_docks()
        self._connect_actions()
        self._connect_window()
        self._restyle()

    # ------------------------------------------------------------------ building

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        return self._w._dock(title, name, widget)

    def place_docks(self) -> None:
        """The default layout: Review in front of Folders on the left, the Pool under the
        list (the side areas keep the bottom corners, so it spans the list only)."""
        w = self._w
        w.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        w.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        for dock, area in (
            (self.dock, Qt.DockWidgetArea.LeftDockWidgetArea),
            (self.pool_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            dock.setFloating(False)
            dock.show()
            w.addDockWidget(area, dock)
        w.tabifyDockWidget(w.browser_dock, self.dock)
        self.dock.raise_()

    def size_docks(self) -> None:
        """The Pool's default height, once the window has its size: a strip under the list."""
        w, height = self._w, self._w.height()
        # The panel takes most of its column, other docks there give way; the pool a strip.
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        others = [
            d
            for d in w.findChildren(QDockWidget)
            if w.dockWidgetArea(d) == left and d not in (self.dock, w.browser_dock)
        ]
        docks = [*others, self.dock, self.pool_dock]
        sizes = [height * 20 // 100 // max(len(others), 1)] * len(others)
        sizes += [max(480, height * 70 // 100), max(150, height * 17 // 100)]
        # After the horizontal sizes have been laid out, or Qt splits the height evenly.
        QTimer.singleShot(
            0, self._w, lambda: self._w.resizeDocks(docks, sizes, Qt.Orientation.Vertical)
        )

    def dock_toggles(self) -> list:
        return [self.dock.toggleViewAction(), self.pool_dock.toggleViewAction()]

    def _connect_actions(self) -> None:
        acts = self._w.actions
        for value, act in enumerate(SCORE_ACTS, start=1):
            acts[act].triggered.connect(lambda _c=False, v=value: self.panel.score_focused(v))
        acts[Act.REJECT].triggered.connect(lambda: self.controller.set_status("rejected"))
        acts[Act.ADD_TAG].triggered.connect(lambda: self._focus(self.panel.open_tag_entry))
        acts[Act.FOCUS_NOTES].triggered.connect(lambda: self._focus(self.panel.focus_notes))
        acts[Act.COMPARE].triggered.connect(lambda: self.compare())
        blind = acts[Act.BLIND_REVIEW]
        blind.setChecked(self._w.settings.get(S.BLIND_REVIEW))
        blind.toggled.connect(self.set_blind)

    def _connect_window(self) -> None:
        w = self._w
        w.list_controller.selectionChanged.connect(self._selected)
        w.list_controller.rowsChanged.connect(self._rows_changed)
        w.undo_stack.indexChanged.connect(lambda _i: self.blind.forget())
        w.candidate_list.table.installEventFilter(self)
        self.panel.installEventFilter(self)
        selection = w.candidate_list.table.selectionModel()
        selection.selectionChanged.connect(lambda *_a: self._update_compare())

    # ------------------------------------------------------------------ library

    def attach(self, library: Library) -> None:
        """After the window (re)started a library: show it, blind or not."""
        self.panel.notes.forget()  # saved by flush() before the old library closed
        self.controller.library = library
        self.blind.set_library(library)
        self.set_blind(self._w.actions[Act.BLIND_REVIEW].isChecked())

    def flush(self) -> None:
        """Save notes still being typed (before the library closes)."""
        self.panel.flush_notes()

    # ------------------------------------------------------------------ reactions

    def _selected(self, key: RowKey | None) -> None:
        cid = key[1] if key is not None and key[0] == CANDIDATE else None
        self.panel.flush_notes()
        self.controller.show(cid)
        for act in TRIAGE_ACTS:
            self._w.actions[act].setEnabled(cid is not None)
        self._update_pool()
        self._update_compare()

    def _rows_changed(self) -> None:
        self.blind.forget()
        self._update_pool()

    def _update_pool(self) -> None:
        rows = [r for r in self._w.model.all_rows() if not r.is_unassigned]
        self.pool.set_pool(rows, self._w.list_controller.current_candidate())

    def _name_for(self, candidate) -> str:
        if self.blind.enabled:
            return self.blind.alias(candidate.id)
        emails = candidate.profile.emails
        return candidate.name or (emails[0].text if emails else self.blind.alias(candidate.id))

    # ------------------------------------------------------------------ blind review

    def set_blind(self, on: bool) -> None:
        w = self._w
        self._w.settings.set(S.BLIND_REVIEW, on)
        self.blind.set_enabled(on)
        self.controller.blind = on
        w.model.set_row_view(blind_row if on else None)
        pane = w.profile.pane
        if pane is not None and hasattr(pane, "set_blind"):
            pane.set_blind(self.blind if on else None)
        title = w.windowTitle().removesuffix(BLIND_TITLE)
        w.setWindowTitle(title + (BLIND_TITLE if on else ""))
        self.panel.refresh()
        self._update_pool()

    # ------------------------------------------------------------------ compare

    def selected_candidates(self) -> list[int]:
        table = self._w.candidate_list.table
        keys = [self._w.model.key_at(i.row()) for i in table.selectionModel().selectedRows()]
        return [k[1] for k in keys if k is not None and k[0] == CANDIDATE]

    def _update_compare(self) -> None:
        count = len(self.selected_candidates())
        self._w.actions[Act.COMPARE].setEnabled(COMPARE_MIN <= count <= COMPARE_MAX)

    def compare(self, ids: list[int] | None = None):
        from ui.views.compare import CompareDialog  # start-up does not need it

        ids = ids if ids is not None else self.selected_candidates()
        if not COMPARE_MIN <= len(ids) <= COMPARE_MAX:
            return None
        dialog = CompareDialog(self._w.library, ids, self.blind, self._w)
        dialog.show()
        return dialog

    # ------------------------------------------------------------------ keys

    def _focus(self, show) -> None:
        focused = QApplication.focusWidget()
        if focused is not None and not self.panel.isAncestorOf(focused):
            self._return_to = focused
        self.dock.show()
        self.dock.raise_()
        show()

    def _return_focus(self) -> None:
        target = self._return_to or self._w.candidate_list.table
        self._return_to = None
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.PaletteChange and watched is self.panel:
            # Deferred: restyling inside Qt's re-polish cascade recurses (as in ProfilePane).
            QTimer.singleShot(0, self.panel, self._restyle)
        if kind != QEvent.Type.KeyPress or self.controller.candidate_id is None:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() == Qt.Key.Key_Tab and not event.modifiers() & ~_SHIFT:
            self.panel.move_criterion(1)
            return True
        if event.key() == Qt.Key.Key_Backtab:
            self.panel.move_criterion(-1)
            return True
        return False

    def _restyle(self) -> None:
        qss = review_qss(self.panel.palette())
        if self.panel.styleSheet() != qss:
            self.panel.setStyleSheet(qss)


_SHIFT = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def _scrolling(panel: QWidget) -> QScrollArea:
    # A short dock scrolls the panel instead of squeezing the score buttons.
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area
