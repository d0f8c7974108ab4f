"""Compare through the real window: 2–4 selected candidates side by side, aligned rows,
the best value of a row marked; one candidate or five are not compared."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

from tests.ui.review_support import candidate_id
from ui.actions import Act


def _select(window, ids: list[int]) -> None:
    table, model = window.candidate_list.table, window.model
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for cid in ids:
        table.selectionModel().select(model.index(model.row_of(("candidate", cid)), 0), flags)
    QApplication.processEvents()


def test_compare_shows_the_selected_candidates_side_by_side(sample_library, window_factory):
    window = window_factory(sample_library)
    hyndman, mishra = (
        candidate_id(window, "Rob J Hyndman"),
        candidate_id(window, "Aditya K. Mishra"),
    )
    chen = candidate_id(window, "Chris Ashton")
    window.library.set_review(hyndman, scores={"research_fit": 5}, tags=["forecasting"])
    window.library.set_review(mishra, scores={"research_fit": 3}, notes="Strong stats")
    _select(window, [hyndman])
    assert not window.actions[Act.COMPARE].isEnabled()
    _select(window, [hyndman, mishra, chen])
    assert window.actions[Act.COMPARE].isEnabled()

    window.actions[Act.COMPARE].trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "compareDialog")
    assert dialog.table.columnCount() == 3
    names = [dialog.cell_text("Candidate", c) for c in range(3)]
    assert sorted(names) == ["Aditya K. Mishra", "Chris Ashton", "Rob J Hyndman"]
    col = names.index("Rob J Hyndman")
    assert dialog.cell_text("Research fit", col) == "5"
    assert dialog.cell_text("Total", col) == "5.00"
    assert col in next(r for r in dialog.rows if r.label == "Research fit").best
    assert int(dialog.cell_text("Listed", col)) >= 30  # Hyndman's long list
    assert int(dialog.cell_text("First author", col)) >= 1
    assert dialog.cell_text("Latest degree", col).startswith("Ph.D")
    assert dialog.cell_text("Tags", col) == "forecasting"
    assert dialog.cell_text("Notes", names.index("Aditya K. Mishra")) == "Strong stats"
    assert "•" in dialog.cell_text("Key publications", col)
    labels = [r.label for r in dialog.rows]
    for row in ("Status", "Institution", "Peer-reviewed", "Top venues", "Awards"):
        assert row in labels
    dialog.close()


def test_only_two_to_four_are_compared(sample_library, window_factory):
    window = window_factory(sample_library)
    ids = [r.key[1] for r in window.model.all_rows() if not r.is_unassigned]
    assert window.review.compare(ids[:1]) is None
    assert window.review.compare(ids[:5]) is None
    dialog = window.review.compare(ids[:4])
    assert dialog is not None and dialog.table.columnCount() == 4
    _select(window, ids[:5])
    assert not window.actions[Act.COMPARE].isEnabled()
    dialog.close()
