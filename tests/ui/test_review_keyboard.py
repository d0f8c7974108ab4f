"""Keyboard triage through the real window: 1–5 score the focused criterion and move on,
Tab / Shift+Tab move between criteria, S shortlists, R rejects, T adds a tag, N opens the
notes, J/K move on; every step is one command that undo takes back; notes and tag colours
survive reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from storage.library import Library
from storage.models import Score
from storage.tag_colours import tag_colours
from tests.ui.conftest import make_result, seeded_library
from tests.ui.review_support import activate
from ui.review.notes import SAVE_PAUSE_MS


def _start(window):
    activate(window)
    window.candidate_list.select_row(window.model.candidate_row(0))
    table = window.candidate_list.table
    table.setFocus()
    QApplication.processEvents()
    return table, window.list_controller.current_candidate()


def _keys(widget, text: str) -> None:
    for ch in text:
        QTest.keyClick(widget, ch)


def test_scoring_moving_and_deciding_by_keyboard_with_undo(sample_library, window_factory):
    window = window_factory(sample_library)
    table, cid = _start(window)
    panel, keys = window.review.panel, window.review.controller.rubric().keys()
    assert panel.criteria.focused_key() == keys[0]
    review = lambda: window.library.candidate(cid).review  # noqa: E731

    QTest.keyClick(table, Qt.Key.Key_4)  # research fit 4, focus moves to the second
    assert review().scores == {keys[0]: Score(4)} and review().status == "reviewing"
    assert panel.criteria.focused_key() == keys[1]
    QTest.keyClick(table, Qt.Key.Key_Tab)  # skip the second
    assert panel.criteria.focused_key() == keys[2] and table.hasFocus()
    QTest.keyClick(table, Qt.Key.Key_5)
    QTest.keyClick(table, Qt.Key.Key_Backtab)
    QTest.keyClick(table, Qt.Key.Key_Backtab)
    QTest.keyClick(table, Qt.Key.Key_2)  # back on the second
    assert {k: s.value for k, s in review().scores.items()} == {keys[0]: 4, keys[1]: 2, keys[2]: 5}
    assert window.model.get(("candidate", cid)).score is not None  # the list shows the total

    _keys(table, "s")
    _keys(table, "r")
    assert review().shortlisted and review().status == "rejected"
    depth = window.undo_stack.count()
    for _ in range(depth):
        window.undo_stack.undo()
    assert review().scores == {} and review().status == "new" and not review().shortlisted
    assert depth == 5  # three scores, the star, the status: one command each

    window.undo_stack.redo()  # the first score again
    _keys(table, "j")
    assert window.list_controller.current_candidate() != cid
    assert panel.criteria.focused_key() == keys[0]  # a new candidate starts at the top
    _keys(table, "k")
    assert window.list_controller.current_candidate() == cid
    assert panel.criteria.focused_key() == keys[1]  # back: at the first one not scored


def test_tag_by_keyboard_with_completion_and_colour(sample_library, window_factory):
    window = window_factory(sample_library)
    table, cid = _start(window)
    entry = window.review.panel.tags.entry
    _keys(table, "t")
    assert entry.hasFocus()
    _keys(entry, "strong theory")
    QTest.keyClick(entry, Qt.Key.Key_Return)
    assert window.library.candidate(cid).review.tags == ("strong theory",)
    assert table.hasFocus()  # back to the list for the next key
    colour = tag_colours(window.library)["strong theory"]
    chips = window.review.panel.tags.chips
    assert [(c.tag, c.colour) for c in chips] == [("strong theory", colour)]

    _keys(table, "j")  # the next candidate: completion offers the tag
    _keys(table, "t")
    assert "strong theory" in entry.completer().model().stringList()
    QTest.keyClick(entry, Qt.Key.Key_Escape)
    assert table.hasFocus()
    window.close()

    again = window_factory(sample_library)
    assert tag_colours(again.library) == {"strong theory": colour}
    assert again.library.candidate(cid).review.tags == ("strong theory",)


def test_notes_are_one_command_per_pause_and_survive_reopening(sample_library, window_factory):
    window = window_factory(sample_library)
    table, cid = _start(window)
    notes = window.review.panel.notes
    _keys(table, "n")
    assert notes.hasFocus()
    _keys(notes, "Ask about *the* 2021 paper")
    assert window.undo_stack.count() == 0  # nothing per keystroke
    QTest.qWait(SAVE_PAUSE_MS + 300)
    assert window.undo_stack.count() == 1
    assert window.library.candidate(cid).review.notes == "Ask about *the* 2021 paper"

    _keys(notes, ". Then decide")  # typed, and the window closes before the pause ends
    window.close()
    again = window_factory(sample_library)
    assert again.library.candidate(cid).review.notes == "Ask about *the* 2021 paper. Then decide"


def test_notes_typed_go_to_their_candidate_when_the_list_moves_on(sample_library, window_factory):
    window = window_factory(sample_library)
    _table, cid = _start(window)
    notes = window.review.panel.notes
    notes.setFocus()
    _keys(notes, "first")
    window.candidate_list.step(1)  # before the pause: saved for the first candidate
    assert window.library.candidate(cid).review.notes == "first"
    assert notes.toPlainText() == ""
    window.undo_stack.undo()
    assert window.library.candidate(cid).review.notes == ""


def test_notes_typed_before_switching_libraries_stay_in_their_library(
    sample_library, tmp_path, window_factory
) -> None:
    other = seeded_library(tmp_path / "round-2", [make_result("Alan Turing", ("t@x.org",))])
    window = window_factory(sample_library)
    _table, cid = _start(window)
    notes = window.review.panel.notes
    notes.setFocus()
    _keys(notes, "kept")
    window.switcher.open_folder(str(other))  # no pause, no focus change: switched at once
    turing = window.list_controller.current_candidate()
    assert window.review.panel.notes.toPlainText() == ""
    assert window.library.candidate(turing).review.notes == ""
    window.close()
    with Library.open(sample_library) as first:
        assert first.candidate(cid).review.notes == "kept"
