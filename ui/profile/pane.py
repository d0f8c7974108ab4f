"""ProfilePane: the selected candidate's profile (to read and to correct) beside the original.

    pane = ProfilePane(library, undo_stack)
    pane.show_candidate(candidate_id)   # or None
    pane.show_document(document_id)     # an unassigned document, read-only
    pane.candidateChanged               # after any edit, undo or redo of a candidate
    pane.commit_edits()                 # before closing: apply, and list what cannot be
    pane.set_blind(identities)          # blind review: the person masked everywhere (or None)

Every change becomes one command on the window's undo stack (ui.commands); the pane
re-reads the library whenever the stack moves, so undo from a menu shows at once.
An edit that cannot be saved yet (invalid) is kept per candidate while the reviewer looks
at another one, and comes back with its message.
"""

from __future__ import annotations

import weakref
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from parsing.models import Profile
from storage.blind import blind_profile, masker
from storage.errors import LibraryError, UnknownIdError
from storage.library import Library
from storage.models import Candidate, Document
from ui import commands
from ui.profile.document_view import DocumentView
from ui.profile.edit_panel import EditPanel
from ui.profile.evidence import source_document
from ui.profile.profile_items import document_labels, evidence_of, heading, items
from ui.profile.readable import ReadableView
from ui.profile.style import pane_qss
from ui.profile.summary_html import Marks

SPLITTER_NAME = "profileSplitter"
MIN_SIDE_WIDTH = 320  # narrower, the forms' rows and the PDF toolbar start to clip
SIDE_BY_SIDE_WIDTH = 900  # below this a dock is too narrow for two columns: stack them
NOTHING_SHOWN = "Select a candidate to see their profile."
BLIND_NOTE = "Blind review is on: the profile is read-only, so a masked value is never saved."


class ProfilePane(QWidget):
    candidateChanged = Signal(int)

    def __init__(self, library: Library, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("profilePane")
        self._library = library
        # Held weakly: the window owns the stack. Were the pane's last reference the one to
        # free it, the stack's destructor would signal into the half-destroyed pane.
        self._stack = weakref.ref(undo_stack)
        self._candidate: Candidate | None = None
        self._document: Document | None = None  # an unassigned document shown alone
        self._documents: list[Document] = []
        self._drafts: dict[int, dict[str, Any]] = {}
        self._blind: Any = None  # identity_of_candidate(id) / identity_of_document(doc)
        self._changed = _notifier(self)
        self._build()
        # A declared slot, not a lambda: Qt drops the connection when the pane dies (the
        # window builds a new pane per library while the undo stack lives on).
        undo_stack.indexChanged.connect(self._stack_moved)
        self._restyle()
        self.show_candidate(None)

    def _build(self) -> None:
        self.readable = ReadableView(self)
        self.readable.itemActivated.connect(self._item_activated)
        self.edit = EditPanel(self)
        self.edit.applyRequested.connect(self._apply)
        self.edit.revertRequested.connect(self._revert)
        self.edit.acceptRequested.connect(self._accept)
        self.edit.keepRequested.connect(self._keep)
        self.edit.focusedItem.connect(self._item_focused)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.readable, "Profile")
        self.tabs.addTab(self.edit, "Edit")
        self.documents = DocumentView(self._library, self)
        self.documents.relinked.connect(self._relinked)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName(SPLITTER_NAME)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.documents)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.tabs.setMinimumWidth(MIN_SIDE_WIDTH)
        self.documents.setMinimumWidth(MIN_SIDE_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # ------------------------------------------------------------------ showing

    def show_candidate(self, candidate_id: int | None) -> None:
        if candidate_id is not None and self._candidate and self._candidate.id == candidate_id:
            # The list re-selecting the same row (after its refresh) must not rebuild the
            # forms under the reviewer's cursor.
            self.refresh()
            return
        self._keep_drafts()
        self._document = None
        candidate = self._read(candidate_id)
        self._candidate = candidate
        if candidate is None:
            self._show_empty()
            return
        self._documents = self._library.documents(candidate.id)
        labels = document_labels(self._documents)
        identity = self._blind.identity_of_candidate(candidate.id) if self._blind else None
        profile = blind_profile(candidate.profile, identity) if identity else candidate.profile
        self.readable.show_profile(profile, _marks(candidate))
        drafts = None if identity else self._drafts.pop(candidate.id, None)
        self.edit.load(profile, candidate.fields, labels, identity is None, drafts)
        if identity:
            self.edit.show_message(BLIND_NOTE)
        self.tabs.setTabEnabled(1, True)
        self.documents.set_masker(masker(identity) if identity else None)
        self.documents.set_documents(self._documents, labels)

    def show_document(self, document_id: int | None) -> None:
        if document_id is not None and self._document and self._document.id == document_id:
            return
        self._keep_drafts()
        self._candidate = None
        try:
            doc = self._library.document(document_id) if document_id is not None else None
        except UnknownIdError:
            doc = None
        self._document = doc
        if doc is None:
            self._show_empty()
            return
        self._documents = [doc]
        labels = document_labels(self._documents)
        identity = self._blind.identity_of_document(doc) if self._blind else None
        profile = blind_profile(doc.profile, identity) if identity else doc.profile
        self.readable.show_profile(profile)
        self.edit.load(profile, {}, labels, False)
        self.documents.set_masker(masker(identity) if identity else None)
        self.documents.set_documents(self._documents, labels)

    def _show_empty(self) -> None:
        self._documents = []
        self.readable.show_placeholder(NOTHING_SHOWN)
        self.edit.load(Profile(), {}, {}, False)
        self.tabs.setCurrentIndex(0)
        self.tabs.setTabEnabled(1, False)
        self.documents.set_documents([], {})

    def _read(self, candidate_id: int | None) -> Candidate | None:
        if candidate_id is None:
            return None
        try:
            return self._library.candidate(candidate_id)
        except UnknownIdError:
            return None

    @Slot(int)
    def _stack_moved(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the library's current state of the candidate (after any command)."""
        if self._candidate is None:
            return
        candidate = self._read(self._candidate.id)
        if candidate is None:  # merged away or deleted by another command
            self.show_candidate(None)
            return
        self._candidate = candidate
        documents = self._library.documents(candidate.id)
        labels = document_labels(documents)
        identity = self._blind.identity_of_candidate(candidate.id) if self._blind else None
        profile = blind_profile(candidate.profile, identity) if identity else candidate.profile
        self.readable.show_profile(profile, _marks(candidate), keep_scroll=True)
        self.edit.refresh(profile, candidate.fields, labels)
        if [d.id for d in documents] != [d.id for d in self._documents]:
            self.documents.set_documents(documents, labels)
        self._documents = documents

    def commit_edits(self) -> list[str]:
        """For the window, before it closes the library or quits: apply what the forms hold
        and say what cannot be saved (invalid values, here or kept for other candidates)."""
        # Blind review shows masked values in read-only forms: there is nothing to apply.
        shows_own = self._candidate is not None and self._blind is None
        problems = self.edit.commit_all() if shows_own else []
        others = len([c for c in self._drafts if not self._candidate or c != self._candidate.id])
        if others:
            problems.append(f"{others} other candidate(s) have edits that are not valid yet")
        return problems

    def set_blind(self, identities: Any) -> None:
        """Blind review on: `identities` gives an `Identity` per candidate id
        (`identity_of_candidate`) and per unassigned document (`identity_of_document`);
        None turns it off. What is shown is shown again, masked or not."""
        self._keep_drafts()
        self._blind = identities
        candidate, document = self._candidate, self._document
        self._candidate = self._document = None
        if candidate is not None:
            self.show_candidate(candidate.id)
        elif document is not None:
            self.show_document(document.id)

    def _keep_drafts(self) -> None:
        if self._candidate is None or self._blind is not None:
            return
        drafts = self.edit.take_drafts()
        if drafts:
            self._drafts[self._candidate.id] = drafts

    # ------------------------------------------------------------------ changing

    def _apply(self, field: str, value: Any) -> None:
        if self._candidate is not None and self._blind is None:
            cid = self._candidate.id
            self._push(commands.edit_field(self._library, cid, field, value, self._changed))

    def _revert(self, field: str) -> None:
        if self._candidate is not None:
            cid = self._candidate.id
            self._push(commands.revert_field(self._library, cid, field, self._changed))

    def _accept(self, field: str) -> None:
        if self._candidate is not None:
            cid = self._candidate.id
            self._push(commands.accept_diff(self._library, cid, field, self._changed))

    def _keep(self, field: str) -> None:
        if self._candidate is None:
            return
        cid = self._candidate.id
        self._push(
            commands.LibraryCommand(
                self._library,
                f"Keep my {heading(field).lower()}",
                lambda lib: lib.reject_diff(cid, field),
                commands.Touched(candidates={cid}),
                self._changed,
            )
        )

    def _push(self, command: commands.LibraryCommand) -> None:
        self.edit.show_message("")
        try:
            stack = self._stack()
            if stack is None:
                raise LibraryError("the window's undo stack is gone")
            stack.push(command)
        except (LibraryError, ValueError) as exc:
            self.edit.show_message(f"Not saved: {exc}")
            self.refresh()

    def _relinked(self, _document_id: int) -> None:
        if self._candidate is not None:  # the list may mark candidates with missing files
            self.candidateChanged.emit(self._candidate.id)

    def _emit_changed(self, touched: commands.Touched) -> None:
        for cid in sorted(touched.candidates):
            self.candidateChanged.emit(cid)

    # ------------------------------------------------------------------ evidence

    def _profile(self) -> Profile | None:
        if self._candidate is not None:
            return self._candidate.profile
        return self._document.profile if self._document is not None else None

    def _item_activated(self, field: str, index: int) -> None:
        profile = self._profile()
        values = items(profile, field) if profile is not None else []
        if 0 <= index < len(values):
            self.show_evidence(field, values[index])

    def _item_focused(self, field: str, item: Any) -> None:
        if item is not None:
            self.show_evidence(field, item)

    def show_evidence(self, field: str, item: Any) -> str:
        """Show where `item` (a value of `field`) came from; returns DocumentView's answer."""
        evidence = evidence_of(item)
        if evidence is None or not self._documents:
            return ""
        source = self._field_source(field)
        doc_id = source_document(field, evidence, source, self._documents)
        return self.documents.show_evidence(doc_id, evidence) if doc_id is not None else ""

    def _field_source(self, field: str) -> Any:
        if self._candidate is not None:
            info = self._candidate.fields.get(field)
            return info.source if info else None
        return self._document.id if self._document is not None else None

    # ------------------------------------------------------------------ look

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # In a narrow dock two columns leave a postage-stamp PDF; one above the other each
        # gets the full width. The reviewer's split within an orientation is kept.
        wanted = (
            Qt.Orientation.Horizontal
            if self.width() >= SIDE_BY_SIDE_WIDTH
            else Qt.Orientation.Vertical
        )
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            self.splitter.setSizes([45, 55] if wanted == Qt.Orientation.Vertical else [1, 1])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            QTimer.singleShot(0, self, self._restyle)  # after the re-polish cascade

    def _restyle(self) -> None:
        qss = pane_qss(self.palette())
        if self.styleSheet() != qss:
            self.setStyleSheet(qss)


def _notifier(pane: ProfilePane) -> commands.OnChange:
    """The commands' callback. They outlive the pane on the window's undo stack (a new
    pane per library), so they hold it weakly and stay quiet once it is gone."""
    ref = weakref.ref(pane)

    def notify(touched: commands.Touched) -> None:
        target = ref()
        if target is not None and shiboken6.isValid(target):
            target._emit_changed(touched)

    return notify


def _marks(candidate: Candidate) -> Marks:
    edited = frozenset(f for f, info in candidate.fields.items() if info.edited)
    return Marks(edited=edited, pending=frozenset(candidate.pending))
