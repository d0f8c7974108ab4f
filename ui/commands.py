"""Undoable changes to the library: one `LibraryCommand` per user action, on a QUndoStack.

Every mutation of `storage.library.Library` returns an `UndoToken` (or a result holding
one); `LibraryCommand` runs it in `redo()` (the first time and again after an undo) and
hands the token to `library.undo()` in `undo()`. The library saves by itself within a
second, so pushing a command is all it takes: no Save button.

Use:

    from ui.commands import LibraryCommand, Touched

    stack.push(LibraryCommand(
        library,
        "Edit name",
        lambda lib: lib.update_field(candidate_id, "name", "Ada Lovelace"),
        touched=Touched(candidates={candidate_id}),
        on_change=refresh,          # called after redo() and undo() with `touched`
    ))

`mutate(library)` must return an `UndoToken`, or an object with an `undo` attribute holding
one (`MergeResult`, `SplitResult`). If it raises (a `LibraryError` or `ValueError` with a
message for the reviewer), the command marks itself obsolete, so Qt drops it from the
stack (it never holds a change that did not happen), and `QUndoStack.push` re-raises; the
original exception, with the message meant for the reviewer, is `command.error`.

Builders below cover the common mutations (`edit_field`, `revert_field`, `accept_diff`,
`set_review`, `assign_document`, `merge_candidates`, `split_document`), library-wide
settings (`set_rubric`, `set_tag_colours`) through `SettingCommand`, and review changes
to several candidates as one step (`bulk_review`, `bulk_tag`, `set_ranks`) through
`BulkReviewCommand`.

`on_change` receives a `Touched`: which candidate and document rows to refresh. The main
window refreshes the candidate list by itself for every `LibraryCommand` done or undone on
its stack (it reads `command.touched`), so `on_change` is only needed for the pusher's own
views (e.g. the profile pane re-showing the candidate after an undo).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand

from storage.library import Library
from storage.library_settings import set_setting
from storage.models import UndoToken
from storage.rubric import RUBRIC_KEY, Rubric, rubric_from_dict
from storage.tag_colours import TAG_COLOURS_KEY


@dataclass(frozen=True)
class Touched:
    """The records a change may have altered, so views refresh only those rows."""

    candidates: frozenset[int] | set[int] = field(default_factory=frozenset)
    documents: frozenset[int] | set[int] = field(default_factory=frozenset)


Mutation = Callable[[Library], Any]
OnChange = Callable[[Touched], None]


def _token_of(result: Any) -> UndoToken:
    if isinstance(result, UndoToken):
        return result
    token = getattr(result, "undo", None)
    if isinstance(token, UndoToken):
        return token
    raise TypeError(f"a library mutation must return an UndoToken, got {type(result).__name__}")


class LibraryCommand(QUndoCommand):
    """One reviewer change, done by `mutate(library)` and undone with its token."""

    def __init__(
        self,
        library: Library,
        text: str,
        mutate: Mutation,
        touched: Touched | None = None,
        on_change: OnChange | None = None,
        after: Callable[[Any], Touched] | None = None,
    ):
        super().__init__(text)
        self._library = library
        self._mutate = mutate
        self._touched = touched or Touched()
        self._on_change = on_change
        self._after = after  # widens `touched` from the result (e.g. a split's new candidate)
        self._token: UndoToken | None = None
        self.result: Any = None
        self.error: Exception | None = None

    @property
    def touched(self) -> Touched:
        return self._touched

    def redo(self) -> None:
        try:
            self.result = self._mutate(self._library)
            self._token = _token_of(self.result)
        except Exception as exc:
            self.error = exc
            self.setObsolete(True)  # Qt then deletes it instead of keeping it on the stack
            raise
        if self._after is not None:
            extra = self._after(self.result)
            self._touched = Touched(
                frozenset(self._touched.candidates) | frozenset(extra.candidates),
                frozenset(self._touched.documents) | frozenset(extra.documents),
            )
        self._notify()

    def undo(self) -> None:
        if self._token is not None:
            self._library.undo(self._token)
            self._token = None
        self._notify()

    def _notify(self) -> None:
        if self._on_change is not None:
            self._on_change(self._touched)


# --------------------------------------------------------------------------- builders


def edit_field(
    library: Library, candidate_id: int, field_name: str, value: Any, on_change: OnChange | None
) -> LibraryCommand:
    label = field_name.replace("_", " ")
    return LibraryCommand(
        library,
        f"Edit {label}",
        lambda lib: lib.update_field(candidate_id, field_name, value),
        Touched(candidates={candidate_id}),
        on_change,
    )


def revert_field(
    library: Library, candidate_id: int, field_name: str, on_change: OnChange | None
) -> LibraryCommand:
    return LibraryCommand(
        library,
        f"Revert {field_name.replace('_', ' ')}",
        lambda lib: lib.revert_field(candidate_id, field_name),
        Touched(candidates={candidate_id}),
        on_change,
    )


def accept_diff(
    library: Library, candidate_id: int, field_name: str, on_change: OnChange | None
) -> LibraryCommand:
    return LibraryCommand(
        library,
        f"Accept new {field_name.replace('_', ' ')}",
        lambda lib: lib.accept_diff(candidate_id, field_name),
        Touched(candidates={candidate_id}),
        on_change,
    )


def set_review(
    library: Library, candidate_id: int, text: str, on_change: OnChange | None, **changes: Any
) -> LibraryCommand:
    return LibraryCommand(
        library,
        text,
        lambda lib: lib.set_review(candidate_id, **changes),
        Touched(candidates={candidate_id}),
        on_change,
    )


def assign_document(
    library: Library,
    document_id: int,
    candidate_id: int | None,
    was: int | None,
    on_change: OnChange | None,
) -> LibraryCommand:
    """Move a document to `candidate_id` (None: unassigned); `was` is its current candidate."""
    cands = {c for c in (candidate_id, was) if c is not None}
    return LibraryCommand(
        library,
        "Assign document" if candidate_id is not None else "Unassign document",
        lambda lib: lib.assign_document(document_id, candidate_id),
        Touched(candidates=cands, documents={document_id}),
        on_change,
    )


def merge_candidates(
    library: Library, keep_id: int, other_id: int, on_change: OnChange | None
) -> LibraryCommand:
    return LibraryCommand(
        library,
        "Merge candidates",
        lambda lib: lib.merge_candidates(keep_id, other_id),
        Touched(candidates={keep_id, other_id}),
        on_change,
    )


def split_document(
    library: Library, document_id: int, was: int | None, on_change: OnChange | None
) -> LibraryCommand:
    return LibraryCommand(
        library,
        "Make own candidate",
        lambda lib: lib.split_document(document_id),
        Touched(candidates={was} if was is not None else set(), documents={document_id}),
        on_change,
        after=lambda result: Touched(candidates={result.new_candidate_id}),
    )


class SettingCommand(LibraryCommand):
    """A library-wide setting (the rubric, the tag colours). Settings are not in undo
    tokens (storage/library_settings.py), so undo sets the value it replaced back."""

    def __init__(
        self,
        library: Library,
        text: str,
        key: str,
        value: Any,
        touched: Touched | None = None,
        on_change: OnChange | None = None,
    ):
        super().__init__(library, text, lambda lib: None, touched, on_change)
        self._key = key
        self._value = value
        self._previous: Any = None

    def redo(self) -> None:
        try:
            self._previous = set_setting(self._library, self._key, self._value)
        except Exception as exc:
            self.error = exc
            self.setObsolete(True)
            raise
        self._notify()

    def undo(self) -> None:
        set_setting(self._library, self._key, self._previous)
        self._notify()


def set_rubric(
    library: Library, rubric: Rubric | None, candidate_ids: Iterable[int] = ()
) -> SettingCommand:
    """Make `rubric` the library's (None: the default). Every candidate's total may change,
    so `candidate_ids` (all of them) are the rows to refresh."""
    value = rubric_from_dict(rubric.to_dict()).to_dict() if rubric is not None else None
    touched = Touched(candidates=frozenset(candidate_ids))
    return SettingCommand(library, "Edit rubric", RUBRIC_KEY, value, touched)


def set_tag_colours(library: Library, colours: dict[str, str]) -> SettingCommand:
    return SettingCommand(library, "Tag colour", TAG_COLOURS_KEY, dict(colours))


class BulkReviewCommand(LibraryCommand):
    """One undo step for review changes to several candidates (a bulk action, a new order
    of the shortlist). Each change is its own library change with its own token; undo
    hands the tokens back in reverse order. If one fails, those done are undone first."""

    def __init__(
        self,
        library: Library,
        text: str,
        changes: Sequence[tuple[int, Mapping[str, Any]]],
        on_change: OnChange | None = None,
    ):
        touched = Touched(candidates=frozenset(cid for cid, _ in changes))
        super().__init__(library, text, lambda lib: None, touched, on_change)
        self.changes = [(cid, dict(change)) for cid, change in changes]
        self._tokens: list[UndoToken] = []

    def redo(self) -> None:
        try:
            for cid, change in self.changes:
                self._tokens.append(self._library.set_review(cid, **change))
        except Exception as exc:
            self._give_back()
            self.error = exc
            self.setObsolete(True)
            raise
        self._notify()

    def undo(self) -> None:
        self._give_back()
        self._notify()

    def _give_back(self) -> None:
        for token in reversed(self._tokens):
            self._library.undo(token)
        self._tokens = []


def bulk_review(
    library: Library, candidate_ids: Iterable[int], text: str, **changes: Any
) -> BulkReviewCommand | None:
    """The same review change (status=, shortlisted=, …) for every candidate; None when
    there is no candidate."""
    ids = list(dict.fromkeys(candidate_ids))
    return BulkReviewCommand(library, text, [(cid, changes) for cid in ids]) if ids else None


def bulk_tag(
    library: Library, candidate_ids: Iterable[int], tag: str, add: bool
) -> BulkReviewCommand | None:
    """Add `tag` to (or take it off) every candidate; None when nobody changes. Tags are
    compared without case: "NLP" is not added next to "nlp"."""
    wanted = tag.casefold()
    changes = []
    for cid in dict.fromkeys(candidate_ids):
        tags = library.candidate(cid).review.tags
        has = any(t.casefold() == wanted for t in tags)
        if add and not has:
            changes.append((cid, {"tags": [*tags, tag]}))
        elif not add and has:
            changes.append((cid, {"tags": [t for t in tags if t.casefold() != wanted]}))
    if not changes:
        return None
    text = f"{'Add' if add else 'Remove'} tag {tag} ({len(changes)})"
    return BulkReviewCommand(library, text, changes)


def set_ranks(library: Library, ranks: Mapping[int, int | None], text: str) -> BulkReviewCommand:
    """New ranks on the shortlist (only those that change), as one undo step."""
    return BulkReviewCommand(library, text, [(cid, {"rank": r}) for cid, r in ranks.items()])
