"""What each window action does, and when it is enabled. Connected once, here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from storage.queries import CANDIDATE, UNASSIGNED, RowKey
from ui import settings as S
from ui.actions import Act
from ui.dialogs.preferences import Preferences, PreferencesDialog
from ui.dialogs.shortcuts import ShortcutSheet
from ui.menus import THEME_ACTIONS

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ABOUT = (
    "Shortlist screens candidates for research positions, offline.\n\n"
    "Drop CVs and statements on the window; every change you make is saved as you go "
    "and can be undone."
)


class WindowActions(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._w = window
        self._connect_files()
        self._connect_editing()
        self._connect_view()
        self._bind_undo()

    def _on(self, act: Act, slot) -> None:
        self._w.actions[act].triggered.connect(lambda _checked=False: slot())

    def _connect_files(self) -> None:
        w = self._w
        self._on(Act.IMPORT_FILES, w.imports.choose_files)
        self._on(Act.IMPORT_FOLDER, w.imports.choose_folder)
        self._on(Act.OPEN_SAMPLES, w.imports.open_samples)
        self._on(Act.CANCEL_IMPORT, w.imports.cancel)
        self._on(Act.SHOW_IMPORT_REPORT, w.imports.show_report)
        self._on(Act.EXPORT, self.export)
        self._on(Act.OPEN_LIBRARY, w.switcher.choose_and_open)
        self._on(Act.NEW_LIBRARY, w.switcher.choose_and_create)
        self._on(Act.QUIT, w.close)

    def _connect_editing(self) -> None:
        w, lc = self._w, self._w.list_controller
        self._on(Act.FIND, w.candidate_list.focus_search)
        self._on(Act.NEXT_CANDIDATE, lambda: w.candidate_list.step(1))
        self._on(Act.PREVIOUS_CANDIDATE, lambda: w.candidate_list.step(-1))
        self._on(Act.TOGGLE_SHORTLIST, lc.toggle_shortlist)
        self._on(Act.ASSIGN_DOCUMENT, lambda: lc.assign_current(w))
        self._on(Act.MAKE_OWN_CANDIDATE, lc.make_own_candidate)
        self._on(Act.PREFERENCES, self.preferences)

    def _connect_view(self) -> None:
        w = self._w
        for theme, act in THEME_ACTIONS.items():
            self._on(act, lambda t=theme: w.set_theme(t))
        w.actions[THEME_ACTIONS.get(w.settings.get(S.THEME), Act.THEME_SYSTEM)].setChecked(True)
        self._on(Act.RESET_LAYOUT, w.reset_layout)
        self._on(Act.SHORTCUTS, lambda: ShortcutSheet(w).exec())
        self._on(Act.ABOUT, self._about)

    def _bind_undo(self) -> None:
        stack, undo, redo = self._w.undo_stack, self._w.actions[Act.UNDO], self._w.actions[Act.REDO]
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: undo.setText(f"&Undo {text}".strip()))
        stack.redoTextChanged.connect(lambda text: redo.setText(f"&Redo {text}".strip()))
        undo.setEnabled(False)
        redo.setEnabled(False)

    # ------------------------------------------------------------------ state

    def update_for(self, key: RowKey | None) -> None:
        """Enable what makes sense for the selected row."""
        actions = self._w.actions
        is_candidate = key is not None and key[0] == CANDIDATE
        actions[Act.TOGGLE_SHORTLIST].setEnabled(is_candidate)
        for act in (Act.ASSIGN_DOCUMENT, Act.MAKE_OWN_CANDIDATE):
            actions[act].setEnabled(key is not None and key[0] == UNASSIGNED)
        row = self._w.model.get(key) if key else None
        shortlisted = row is not None and row.shortlisted
        actions[Act.TOGGLE_SHORTLIST].setText(
            "Take Off &Shortlist" if shortlisted else "&Shortlist"
        )

    # ------------------------------------------------------------------ dialogs

    def preferences(self) -> None:
        w, settings = self._w, self._w.settings
        current = Preferences(
            str(w.library.path),
            settings.get(S.THEME),
            settings.get(S.WORKERS),
            settings.get(S.TIME_LIMIT_S),
            w.review.controller.rubric(),
        )
        dialog = PreferencesDialog(current, w)
        if not dialog.exec():
            return
        chosen = dialog.value()
        settings.set(S.WORKERS, chosen.workers)
        settings.set(S.TIME_LIMIT_S, chosen.time_limit_s)
        w.imports.service.set_pool_options(chosen.workers, chosen.time_limit_s)
        if chosen.theme != current.theme:
            w.set_theme(chosen.theme)
        if chosen.rubric is not None and chosen.rubric != current.rubric:
            w.review.controller.set_rubric(chosen.rubric)  # one undoable command
        if chosen.library_dir and chosen.library_dir != current.library_dir:
            w.switcher.open_folder(chosen.library_dir)

    def export(self) -> None:
        # Imported here: the export formats pull in spreadsheet and PDF code that start-up
        # does not need.
        from ui.dialogs.export_dialog import ExportDialog

        current = self._w.list_controller.current_candidate()
        dialog = ExportDialog(self._w.library, [current] if current is not None else [], self._w)
        if self._w.review.blind.enabled:
            dialog.anonymised.setChecked(True)  # blind review exports blind unless unticked
        dialog.exec()

    def _about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "About Shortlist", ABOUT)
        box.setParent(self._w, box.windowFlags())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


def app() -> QApplication:
    return QApplication.instance()  # type: ignore[return-value]
