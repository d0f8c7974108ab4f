"""Blind review in the window: on or off, and who each candidate is, to be masked.

The masking itself is `storage/blind.py`; this keeps the state (View > Blind Review),
builds each candidate's `Identity` once (every name spelling of their documents, their
link handles, the export's alias) and hands the list a row view that shows the alias.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from PySide6.QtCore import QObject, Signal

from storage.aliases import alias_for, alias_from_id
from storage.blind import Identity, identity_of, masker
from storage.errors import UnknownIdError
from storage.library import Library
from storage.models import Document
from storage.queries import ListRow

HIDDEN_FILE = "(file name hidden)"


def document_alias(document_id: int) -> str:
    return f"Unassigned document {document_id}"


@lru_cache(maxsize=4096)
def _row_masker(name: str, alias: str):
    # The list masks with the row's own name only: a full identity per row would read
    # every document of every candidate whenever blind review is switched on.
    return masker(Identity((name,) if name else (), alias))


def blind_row(row: ListRow) -> ListRow:
    """A list row as blind review shows it: the alias, no email, no file names."""
    if row.is_unassigned:
        alias = document_alias(row.record_id)
        return dataclasses.replace(row, name="", email="", file_names=(alias,))
    alias = alias_from_id(row.record_id)
    hidden = dataclasses.replace(
        row, name=alias, email="", file_names=tuple(HIDDEN_FILE for _ in row.file_names)
    )
    if not _mentions(row.name, (row.degree, row.institution, *row.tags)):
        return hidden  # the usual case, and ~100x cheaper than building a masker
    mask = _row_masker(row.name, alias)
    return dataclasses.replace(
        hidden,
        degree=mask(row.degree),
        institution=mask(row.institution),
        tags=tuple(mask(t) for t in row.tags),
    )


def _mentions(name: str, texts: tuple[str, ...]) -> bool:
    words = [w for w in re.split(r"[\s,.\-]+", name.casefold()) if len(w) >= 2]
    haystack = " ".join(texts).casefold()
    return any(w in haystack for w in words) or any(c in haystack for c in ("@", "/", "www"))


class BlindMode(QObject):
    toggled = Signal(bool)

    def __init__(self, library: Library, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.enabled = False
        self._identities: dict[int, Identity] = {}

    def set_library(self, library: Library) -> None:
        self.library = library
        self.forget()

    def set_enabled(self, on: bool) -> None:
        if on != self.enabled:
            self.enabled = on
            self.toggled.emit(on)

    def forget(self) -> None:
        """Names may have changed (an edit, an undo, a merge): build identities again."""
        self._identities.clear()

    def alias(self, candidate_id: int) -> str:
        return alias_for(self.library, candidate_id)

    def identity_of_candidate(self, candidate_id: int) -> Identity:
        found = self._identities.get(candidate_id)
        if found is None:
            found = self._identities[candidate_id] = self._build(candidate_id)
        return found

    def _build(self, candidate_id: int) -> Identity:
        try:
            candidate = self.library.candidate(candidate_id)
            documents = self.library.documents(candidate_id)
        except UnknownIdError:
            return Identity((), self.alias(candidate_id))
        profiles = [candidate.profile, *(d.profile for d in documents)]
        return identity_of(profiles, self.alias(candidate_id))

    def identity_of_document(self, document: Document) -> Identity:
        return identity_of([document.profile], document_alias(document.id))

    def mask(self, candidate_id: int, text: str) -> str:
        return masker(self.identity_of_candidate(candidate_id))(text) if self.enabled else text
