"""Bulk actions in the real window: select rows with Ctrl-click and Ctrl+A, set the status,
add and remove a tag, shortlist; each is one undo step for every selected candidate, and
saved at once. J/K and the profile pane follow the current row."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from storage.library import Library
from storage.queries import CANDIDATE
from tests.ui.conftest import make_result, seeded_library
from ui.actions import Act

NAMES = ["Ada Lovelace", "Bo Chen", "Cy Twombly", "Di Xu"]


@pytest.fixture
def window(tmp_path: Path, window_factory):
    results = [make_result(n, (f"{n.split()[0].lower()}@example.org",)) for n in NAMES]
    results.append(make_result(None, (), kind="statement"))  # an unassigned document
    window = window_factory(seeded_library(tmp_path / "library", results))
    window.candidate_list.table.setFocus()
    return window


def _click(window, name: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    model, table = window.model, window.candidate_list.table
    row = next(i for i in range(model.rowCount()) if model.get(model.key_at(i)).name == name)
    rect = table.visualRect(model.index(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _review(window, name: str):
    row = next(r for r in window.model.all_rows() if r.name == name)
    return row


def _select_three(window) -> list[str]:
    chosen = ["Ada Lovelace", "Cy Twombly", "Di Xu"]
    _click(window, chosen[0])
    for name in chosen[1:]:
        _click(window, name, Qt.KeyboardModifier.ControlModifier)
    assert len(window.bulk.selected()) == 3
    return chosen


def _status_action(window, label: str):
    menu = window.actions[Act.BULK_STATUS].menu()
    return next(a for a in menu.actions() if a.text() == label)


def test_status_tag_and_shortlist_on_three_rows_each_one_undo(window, monkeypatch) -> None:
    chosen = _select_three(window)
    assert window.list_controller.current_candidate() == _review(window, "Di Xu").key[1]
    stack = window.undo_stack
    before = stack.count()

    _status_action(window, "Maybe").trigger()
    assert [_review(window, n).status for n in chosen] == ["maybe"] * 3
    assert _review(window, "Bo Chen").status == "new"

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("strong", True))
    window.actions[Act.BULK_ADD_TAG].trigger()
    assert all(_review(window, n).tags == ("strong",) for n in chosen)

    window.actions[Act.BULK_SHORTLIST].trigger()
    assert all(_review(window, n).shortlisted for n in chosen)
    assert not _review(window, "Bo Chen").shortlisted
    assert stack.count() == before + 3  # one step per bulk action, not one per candidate

    stack.undo()
    assert not any(_review(window, n).shortlisted for n in chosen)
    assert all(_review(window, n).tags == ("strong",) for n in chosen)
    stack.undo()
    assert all(_review(window, n).tags == () for n in chosen)
    stack.redo()
    folder = window.library.path
    window.close()  # saves; there is no Save button
    with Library.open(folder) as library:
        reviews = {s.name: library.candidate(s.id).review for s in library.candidates()}
    assert [reviews[n].tags for n in chosen] == [("strong",)] * 3
    assert [reviews[n].status for n in chosen] == ["maybe"] * 3
    assert reviews["Bo Chen"].tags == () and reviews["Bo Chen"].status == "new"


def test_remove_tag_and_take_off_shortlist_in_bulk(window, monkeypatch) -> None:
    chosen = _select_three(window)
    window.actions[Act.BULK_SHORTLIST].trigger()
    window.bulk.add_tag("nlp")
    window.bulk.add_tag("NLP")  # the same tag: nothing to do, no undo step
    assert all(_review(window, n).tags == ("nlp",) for n in chosen)
    assert window.actions[Act.BULK_REMOVE_TAG].isEnabled()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("nlp", True))
    window.actions[Act.BULK_REMOVE_TAG].trigger()
    assert all(_review(window, n).tags == () for n in chosen)
    window.actions[Act.BULK_UNSHORTLIST].trigger()
    assert not any(_review(window, n).shortlisted for n in chosen)


def test_ctrl_a_selects_all_and_unassigned_documents_are_left_alone(window) -> None:
    _click(window, "Bo Chen")
    QTest.keyClick(window.candidate_list.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.bulk.selected()) == len(NAMES)  # the unassigned row is not a candidate
    assert window.candidate_list.table.selectionModel().selectedRows().__len__() == len(NAMES) + 1
    _status_action(window, "Rejected").trigger()
    assert all(_review(window, n).status == "rejected" for n in NAMES)
    loose = next(r for r in window.model.all_rows() if r.is_unassigned)
    assert loose.status == "unassigned"


def test_j_and_k_follow_the_current_row_and_the_profile_shows_it(window) -> None:
    _select_three(window)
    window.actions[Act.PREVIOUS_CANDIDATE].trigger()
    current = window.list_controller.current_candidate()
    assert current == _review(window, "Cy Twombly").key[1]
    assert len(window.bulk.selected()) == 1  # J/K move a single selection, as before
    assert window.review.controller.candidate_id == current


def _open_row_menu(window, name: str) -> list[str]:
    """Right-click a row; returns what its menu offered (the menu is closed at once)."""
    shown: list[str] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        shown.extend(a.text() for a in menu.actions())
        menu.close()

    table, model = window.candidate_list.table, window.model
    row = model.row_of((CANDIDATE, _review(window, name).key[1]))
    QTimer.singleShot(50, read_and_close)
    window.candidate_list._row_menu(table.visualRect(model.index(row, 1)).center())
    return shown


def test_the_row_menu_keeps_the_selection_and_offers_bulk_actions(window) -> None:
    _select_three(window)
    offered = _open_row_menu(window, "Ada Lovelace")
    assert len(window.bulk.selected()) == 3
    assert "Add Tag to Selected…" in offered and "Set Status of Selected" in offered
    _open_row_menu(window, "Bo Chen")
    assert window.bulk.selected() == [_review(window, "Bo Chen").key[1]]  # outside: just it
