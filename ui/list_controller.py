"""What the candidate list does with the library: load rows, refresh the ones a change
touched, and the row commands (shortlist, assign a document, make it its own candidate).

Every `LibraryCommand` done or undone on the window's undo stack refreshes the rows it
touched, whoever pushed it (this list, the profile pane, a future dialog): the stack's
index moves over exactly those commands.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from storage.errors import LibraryError
from storage.library import Library
from storage.models import ImportSummary
from storage.queries import CANDIDATE, UNASSIGNED, DocumentFacts, RowKey
from storage.search_rows import all_keys, prepare
from ui import commands
from ui.commands import LibraryCommand, Touched
from ui.dialogs.assign_candidate import AssignDialog
from ui.models.candidate_table import CandidateTableModel
from ui.views.candidate_list import CandidateList


class ListController(QObject):
    rowsChanged = Signal()  # counts may have changed
    selectionChanged = Signal(object)  # RowKey | None

    def __init__(self, library: Library, view: CandidateList, stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.library = library
        self.view = view
        self.model: CandidateTableModel = view.model
        self._stack = stack
        self._index = stack.index()
        self.facts = DocumentFacts()
        stack.indexChanged.connect(self._stack_moved)
        view.currentChanged.connect(self.selectionChanged)

    # ------------------------------------------------------------------ rows

    def reload(self) -> None:
        self.facts.clear()
        rows, search_rows, _gone = prepare(self.library, all_keys(self.library), self.facts)
        self.model.set_rows(rows, search_rows)
        self.rowsChanged.emit()

    def refresh(self, keys: Iterable[RowKey]) -> None:
        fresh, search_rows, gone = prepare(self.library, dict.fromkeys(keys), self.facts)
        self.model.upsert(fresh, search_rows)
        self.model.remove(gone)
        self.rowsChanged.emit()

    def refresh_touched(self, touched: Touched) -> None:
        keys = [(CANDIDATE, c) for c in touched.candidates]
        keys += [(UNASSIGNED, d) for d in touched.documents]
        self.refresh(keys)

    def add_imported(self, summary: ImportSummary) -> None:
        keys: list[RowKey] = [(CANDIDATE, d.candidate_id) for d in summary.new_candidates]
        keys += [(CANDIDATE, d.candidate_id) for d in summary.attached]
        keys += [(UNASSIGNED, d.document_id) for d in summary.unassigned]
        self.refresh(k for k in keys if k[1] is not None)

    def detach(self) -> None:
        """The window is closing: the stack is cleared as it goes, with no rows to refresh."""
        self._stack.indexChanged.disconnect(self._stack_moved)

    def _stack_moved(self, index: int) -> None:
        low, high = sorted((self._index, index))
        self._index = index
        for position in range(low, high):
            command = self._stack.command(position)
            if isinstance(command, LibraryCommand):
                self.refresh_touched(command.touched)

    # ------------------------------------------------------------------ row commands

    def current_candidate(self) -> int | None:
        key = self.view.current_key()
        return key[1] if key and key[0] == CANDIDATE else None

    def current_document(self) -> int | None:
        key = self.view.current_key()
        return key[1] if key and key[0] == UNASSIGNED else None

    def toggle_shortlist(self) -> None:
        cid = self.current_candidate()
        row = self.model.get((CANDIDATE, cid)) if cid is not None else None
        if row is None:
            return
        text = "Take off shortlist" if row.shortlisted else "Shortlist"
        # Off the shortlist a rank means nothing: back on, the candidate starts unranked.
        change = {"shortlisted": False, "rank": None} if row.shortlisted else {"shortlisted": True}
        self._push(commands.set_review(self.library, cid, text, None, **change))

    def assign_current(self, parent: QWidget) -> None:
        doc_id = self.current_document()
        if doc_id is None:
            return
        dialog = AssignDialog(
            self.model.display_name((UNASSIGNED, doc_id)), self.model.all_rows(), parent
        )
        cid = dialog.chosen() if dialog.exec() else None
        if cid is not None and self._push(
            commands.assign_document(self.library, doc_id, cid, None, None)
        ):
            self.view.select_key((CANDIDATE, cid))

    def make_own_candidate(self) -> None:
        doc_id = self.current_document()
        if doc_id is None:
            return
        command = commands.split_document(self.library, doc_id, None, None)
        if self._push(command):
            self.view.select_key((CANDIDATE, command.result.new_candidate_id))

    def push(self, command: LibraryCommand) -> bool:
        """Do `command` on the window's undo stack; a refusal is shown, and False."""
        return self._push(command)

    def _push(self, command: LibraryCommand) -> bool:
        try:
            self._stack.push(command)
        except (LibraryError, ValueError) as error:
            box = QMessageBox(QMessageBox.Icon.Warning, command.text(), str(command.error or error))
            box.setParent(self.view, box.windowFlags())
            box.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote a document
            box.exec()
            return False
        return True
