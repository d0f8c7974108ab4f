"""Actions on every selected candidate at once: set the status, add or remove a tag, put on
or take off the shortlist. Each is one undoable command over all of them
(`ui.commands.bulk_review`), saved like any other change.

They are in the Candidate menu and the list's right-click menu; selecting several rows
takes Ctrl/Shift-click or Ctrl+A. Unassigned documents in the selection are left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu

from storage.models import STATUSES
from storage.queries import CANDIDATE
from ui import commands
from ui.actions import Act
from ui.models.columns import STATUS_LABELS

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class BulkActions(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._w = window
        table = window.candidate_list.table
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._status_menu = QMenu("Set &Status", window)
        for status in STATUSES:
            action = self._status_menu.addAction(STATUS_LABELS[status])
            action.triggered.connect(lambda _=False, s=status: self.set_status(s))
        window.actions[Act.BULK_STATUS].setMenu(self._status_menu)
        self._on(Act.BULK_ADD_TAG, self.add_tag)
        self._on(Act.BULK_REMOVE_TAG, self.remove_tag)
        self._on(Act.BULK_SHORTLIST, lambda: self.shortlist(True))
        self._on(Act.BULK_UNSHORTLIST, lambda: self.shortlist(False))
        table.selectionModel().selectionChanged.connect(lambda *_: self.update_enabled())
        window.list_controller.rowsChanged.connect(self.update_enabled)  # tags may differ
        self.update_enabled()

    def _on(self, act: Act, slot) -> None:
        self._w.actions[act].triggered.connect(lambda _checked=False: slot())

    def actions(self) -> list[QAction]:
        """For the list's right-click menu."""
        acts = (Act.BULK_STATUS, Act.BULK_ADD_TAG, Act.BULK_REMOVE_TAG)
        return [self._w.actions[a] for a in (*acts, Act.BULK_SHORTLIST, Act.BULK_UNSHORTLIST)]

    # ------------------------------------------------------------------ selection

    def selected(self) -> list[int]:
        """The selected candidates' ids, in the list's order."""
        model = self._w.model
        rows = sorted(i.row() for i in self._w.candidate_list.table.selectionModel().selectedRows())
        keys = [model.key_at(r) for r in rows]
        return [k[1] for k in keys if k is not None and k[0] == CANDIDATE]

    def update_enabled(self) -> None:
        count = len(self.selected())
        for act in (Act.BULK_STATUS, Act.BULK_ADD_TAG, Act.BULK_SHORTLIST, Act.BULK_UNSHORTLIST):
            self._w.actions[act].setEnabled(count > 0)
        self._w.actions[Act.BULK_REMOVE_TAG].setEnabled(bool(self._tags_in_selection()))

    def _tags_in_selection(self) -> list[str]:
        rows = [self._w.model.get((CANDIDATE, cid)) for cid in self.selected()]
        return sorted({t for r in rows if r for t in r.tags}, key=str.casefold)

    # ------------------------------------------------------------------ actions

    def set_status(self, status: str) -> bool:
        ids = self.selected()
        text = f"Set status {STATUS_LABELS[status]} ({len(ids)})"
        return self._push(commands.bulk_review(self._w.library, ids, text, status=status))

    def shortlist(self, on: bool) -> bool:
        ids = self.selected()
        text = f"{'Shortlist' if on else 'Take off shortlist'} ({len(ids)})"
        # Off the shortlist, a rank means nothing: back on, a candidate starts unranked.
        changes = {"shortlisted": True} if on else {"shortlisted": False, "rank": None}
        return self._push(commands.bulk_review(self._w.library, ids, text, **changes))

    def add_tag(self, tag: str | None = None) -> bool:
        if tag is None:
            tag = self._ask_tag(
                "Add Tag", "Tag for the selected candidates:", self._all_tags(), True
            )
        if not tag or not tag.strip():
            return False
        return self._push(commands.bulk_tag(self._w.library, self.selected(), tag.strip(), True))

    def remove_tag(self, tag: str | None = None) -> bool:
        if tag is None:
            tag = self._ask_tag("Remove Tag", "Tag to take off:", self._tags_in_selection(), False)
        if not tag:
            return False
        return self._push(commands.bulk_tag(self._w.library, self.selected(), tag, False))

    def _push(self, command) -> bool:
        return command is not None and self._w.list_controller.push(command)

    def _all_tags(self) -> list[str]:
        return sorted({t for r in self._w.model.all_rows() for t in r.tags}, key=str.casefold)

    def _ask_tag(self, title: str, label: str, choices: list[str], new: bool) -> str | None:
        tag, ok = QInputDialog.getItem(self._w, title, label, choices, 0, new)
        return tag if ok else None
