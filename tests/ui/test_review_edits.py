"""Changes through the window's undo stack: saved as made, kept on reopening, undoable;
document text shown as plain text; unassigned documents assigned from the list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from storage.library import Library
from storage.queries import CANDIDATE, UNASSIGNED
from tests.ui.conftest import close_window, make_result, seeded_library
from ui import commands
from ui.actions import Act
from ui.models.columns import Col

HOSTILE_NAME = "<b>x</b>"


def _seed(tmp_path: Path) -> Path:
    return seeded_library(
        tmp_path / "library",
        [
            make_result("Ada Lovelace", ("ada@example.org",)),
            make_result(HOSTILE_NAME, ("img@example.org",)),
            make_result(None, (), kind="statement"),  # nobody: waits unassigned
        ],
    )


def _candidate_id(window, name: str) -> int:
    row = next(r for r in window.model.all_rows() if r.name == name)
    return row.key[1]


def test_an_edit_is_saved_kept_on_reopening_and_undone(tmp_path, window_factory) -> None:
    folder = _seed(tmp_path)
    window = window_factory(folder)
    cid = _candidate_id(window, "Ada Lovelace")
    window.undo_stack.push(
        commands.edit_field(window.library, cid, "name", "Ada King, Countess of Lovelace", None)
    )
    assert window.model.get((CANDIDATE, cid)).name == "Ada King, Countess of Lovelace"
    assert window.actions[Act.UNDO].isEnabled()
    close_window(window)  # saves; there is no Save button

    window = window_factory(folder)
    assert window.model.get((CANDIDATE, cid)).name == "Ada King, Countess of Lovelace"
    window.undo_stack.push(commands.edit_field(window.library, cid, "name", "A. Lovelace", None))
    window.actions[Act.UNDO].trigger()
    assert window.model.get((CANDIDATE, cid)).name == "Ada King, Countess of Lovelace"
    window.actions[Act.REDO].trigger()
    assert window.model.get((CANDIDATE, cid)).name == "A. Lovelace"
    close_window(window)
    with Library.open(folder) as library:
        assert library.candidate(cid).name == "A. Lovelace"


def test_a_failing_change_leaves_no_undo_entry(tmp_path, window_factory) -> None:
    window = window_factory(_seed(tmp_path))
    command = commands.set_review(window.library, 9999, "Shortlist", None, shortlisted=True)
    with pytest.raises(Exception, match="9999"):  # PySide wraps it; the message stays
        window.undo_stack.push(command)
    assert window.undo_stack.count() == 0
    assert "9999" in str(command.error)


def test_shortlist_key_toggles_and_undo_restores(tmp_path, window_factory) -> None:
    window = window_factory(_seed(tmp_path))
    cid = _candidate_id(window, "Ada Lovelace")
    window.candidate_list.select_key((CANDIDATE, cid))
    window.actions[Act.TOGGLE_SHORTLIST].trigger()
    assert window.model.get((CANDIDATE, cid)).shortlisted
    star = window.model.index(window.model.row_of((CANDIDATE, cid)), Col.SHORTLISTED)
    assert star.data(Qt.ItemDataRole.DecorationRole) is not None
    window.undo_stack.undo()
    assert not window.model.get((CANDIDATE, cid)).shortlisted


def test_names_from_documents_are_shown_as_plain_text(tmp_path, window_factory) -> None:
    window = window_factory(_seed(tmp_path))
    position = window.model.row_of((CANDIDATE, _candidate_id(window, HOSTILE_NAME)))
    assert window.model.index(position, Col.NAME).data() == HOSTILE_NAME
    window.candidate_list.select_row(position)
    QTest.qWait(50)
    for label in window.findChildren(QLabel):
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_an_unassigned_document_is_assigned_from_the_list(tmp_path, window_factory) -> None:
    window = window_factory(_seed(tmp_path))
    loose = next(r for r in window.model.all_rows() if r.is_unassigned)
    cid = _candidate_id(window, "Ada Lovelace")
    window.candidate_list.select_key(loose.key)
    assert window.actions[Act.ASSIGN_DOCUMENT].isEnabled()
    assert not window.actions[Act.TOGGLE_SHORTLIST].isEnabled()
    doc_id = loose.key[1]
    window.undo_stack.push(commands.assign_document(window.library, doc_id, cid, None, None))
    assert window.model.get((UNASSIGNED, doc_id)) is None
    assert window.model.get((CANDIDATE, cid)).statements == 1
    window.undo_stack.undo()
    assert window.model.get((UNASSIGNED, doc_id)) is not None
    assert window.model.get((CANDIDATE, cid)).statements == 0


def test_the_assign_dialog_searches_candidates(tmp_path, window_factory) -> None:
    from ui.dialogs.assign_candidate import AssignDialog

    window = window_factory(_seed(tmp_path))
    dialog = AssignDialog("statement.txt", window.model.all_rows(), window)
    assert dialog.model.rowCount() == 2  # candidates only, not the unassigned document
    dialog.search.setText("lovelace")
    assert dialog.model.rowCount() == 1
    assert dialog.chosen() == _candidate_id(window, "Ada Lovelace")


def test_a_field_still_being_typed_is_saved_on_quit(tmp_path, window_factory) -> None:
    """Typing a value and quitting before Enter or leaving the field loses nothing."""
    folder = _seed(tmp_path)
    window = window_factory(folder)
    cid = _candidate_id(window, "Ada Lovelace")
    window.profile.show_row((CANDIDATE, cid))
    name_input = window.profile.pane.edit.rows["name"].editor._input
    name_input.setText("Ada King")  # focus never left the field
    close_window(window)
    with Library.open(folder) as library:
        assert library.candidate(cid).name == "Ada King"
