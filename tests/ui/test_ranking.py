"""Ranking the shortlist in the real window: the Shortlisted search shows it in rank order
with the Rank column; Alt+Up / Alt+Down, Tie with Above and a drop reorder it, each one
undo step; a tie reads "=2"."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from storage.library import Library
from tests.ui.conftest import make_result, seeded_library
from ui.actions import Act
from ui.models.columns import Col
from ui.rank_order import drop, groups_of, move, ranks_of, tie_with_above

NAMES = ["Ada Lovelace", "Bo Chen", "Cy Twombly", "Di Xu"]


@pytest.fixture
def window(tmp_path: Path, window_factory):
    results = [make_result(n, (f"{n.split()[0].lower()}@example.org",)) for n in NAMES]
    results.append(make_result("Ed Out", ("ed@example.org",)))  # not on the shortlist
    folder = seeded_library(tmp_path / "library", results)
    with Library.open(folder) as library:
        for summary in library.candidates():
            if summary.name != "Ed Out":
                library.set_review(summary.id, shortlisted=True)
    window = window_factory(folder)
    saved = window.search_controller.saved
    saved.choose(next(s for s in saved.searches() if s.name == "Shortlisted"))
    window.candidate_list.table.setFocus()
    return window


def _order(window) -> list[tuple[str, str]]:
    model = window.model
    rows = [model.get(model.key_at(i)) for i in range(model.rowCount())]
    ranks = [model.index(i, Col.RANK).data() for i in range(model.rowCount())]
    return [(r.name, rank) for r, rank in zip(rows, ranks, strict=True)]


def _select(window, name: str) -> None:
    model = window.model
    row = next(i for i in range(model.rowCount()) if model.get(model.key_at(i)).name == name)
    window.candidate_list.select_row(row)


def _key(window, key: Qt.Key, modifier=Qt.KeyboardModifier.AltModifier) -> None:
    QTest.keyClick(window.candidate_list.table, key, modifier)


def test_the_shortlist_view_shows_ranks_and_reorders_with_alt_arrows(window) -> None:
    header = window.candidate_list.table.horizontalHeader()
    assert not header.isSectionHidden(Col.RANK) and header.visualIndex(Col.RANK) == 0
    assert window.ranking.active()
    assert [n for n, _ in _order(window)] == NAMES  # unranked: by name; Ed is not shortlisted
    _select(window, "Cy Twombly")
    _key(window, Qt.Key.Key_Up)
    assert _order(window) == [
        ("Ada Lovelace", "1"),
        ("Cy Twombly", "2"),
        ("Bo Chen", "3"),
        ("Di Xu", "4"),
    ]
    assert (
        window.list_controller.current_candidate()
        == window.model.get(window.model.key_at(1)).key[1]
    )  # the moved row stays current: Alt+Up again moves it on
    _key(window, Qt.Key.Key_Up)
    assert [n for n, _ in _order(window)][:2] == ["Cy Twombly", "Ada Lovelace"]
    _key(window, Qt.Key.Key_Down)
    _key(window, Qt.Key.Key_Down)
    assert [n for n, _ in _order(window)] == ["Ada Lovelace", "Bo Chen", "Cy Twombly", "Di Xu"]
    window.undo_stack.undo()
    assert [n for n, _ in _order(window)] == ["Ada Lovelace", "Cy Twombly", "Bo Chen", "Di Xu"]


def test_tie_with_above_reads_equal_and_undoes(window) -> None:
    _select(window, "Di Xu")
    _key(window, Qt.Key.Key_Up)  # ranks 1..4: Ada, Bo, Di, Cy
    _select(window, "Di Xu")
    window.actions[Act.RANK_TIE].trigger()
    assert _order(window) == [
        ("Ada Lovelace", "1"),
        ("Bo Chen", "=2"),
        ("Di Xu", "=2"),
        ("Cy Twombly", "3"),
    ]
    _key(window, Qt.Key.Key_Equal)  # Alt+= on a row already tied: nothing to do
    assert window.undo_stack.undoText() == "Tie with above"
    window.undo_stack.undo()
    assert _order(window) == [
        ("Ada Lovelace", "1"),
        ("Bo Chen", "2"),
        ("Di Xu", "3"),
        ("Cy Twombly", "4"),
    ]
    folder = window.library.path
    window.undo_stack.redo()
    window.close()
    with Library.open(folder) as library:
        ranks = {s.name: s.rank for s in library.candidates()}
    assert ranks == {"Ada Lovelace": 1, "Bo Chen": 2, "Di Xu": 2, "Cy Twombly": 3, "Ed Out": None}


def test_dropping_rows_reorders_in_one_step(window) -> None:
    model = window.model
    table = window.candidate_list.table
    assert table.dragEnabled() and model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    dragged = model.mimeData([model.index(2, 0), model.index(3, 1)])  # Cy and Di
    model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert [n for n, _ in _order(window)] == ["Cy Twombly", "Di Xu", "Ada Lovelace", "Bo Chen"]
    dragged = model.mimeData([model.index(0, 0)])  # Cy onto Bo's row: before Bo
    model.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, -1, model.index(3, 0))
    assert [n for n, _ in _order(window)] == ["Di Xu", "Ada Lovelace", "Cy Twombly", "Bo Chen"]
    window.undo_stack.undo()
    assert [n for n, _ in _order(window)] == ["Cy Twombly", "Di Xu", "Ada Lovelace", "Bo Chen"]


def test_reordering_is_off_outside_the_ranked_shortlist(window) -> None:
    window.candidate_list.table.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)
    assert not window.ranking.active()
    assert not window.actions[Act.RANK_UP].isEnabled()
    assert not window.candidate_list.table.dragEnabled()
    saved = window.search_controller.saved
    saved.choose(saved.searches()[0])  # All candidates: the Rank column goes away again
    assert window.candidate_list.table.horizontalHeader().isSectionHidden(Col.RANK)
    assert window.model.rowCount() == 5


def test_taking_a_candidate_off_the_shortlist_drops_its_rank(window) -> None:
    _select(window, "Bo Chen")
    _key(window, Qt.Key.Key_Down)
    window.actions[Act.TOGGLE_SHORTLIST].trigger()
    bo = next(r for r in window.model.all_rows() if r.name == "Bo Chen")
    assert not bo.shortlisted and bo.rank is None


def test_rank_orderings() -> None:
    groups = groups_of([("a", 1), ("b", 2), ("c", 2), ("d", None)])
    assert groups == [["a"], ["b", "c"], ["d"]]
    assert move(groups, "c", -1) == [["a"], ["c"], ["b"], ["d"]]  # out of its tie, above
    assert move(groups, "b", 1) == [["a"], ["c"], ["b"], ["d"]]
    assert move(groups, "a", -1) == groups  # already first
    assert move(groups, "d", -1) == [["a"], ["d"], ["b", "c"]]
    assert tie_with_above(groups, "d", "c") == [["a"], ["b", "c", "d"]]
    assert drop(groups, ["d", "a"], "b") == [["d"], ["a"], ["b", "c"]]
    assert drop(groups, ["a"], None) == [["b", "c"], ["d"], ["a"]]
    assert ranks_of([["a"], ["b", "c"], ["d"]]) == {"a": 1, "b": 2, "c": 2, "d": 3}
