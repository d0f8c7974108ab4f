"""The Pool dock: histograms of total scores and publication counts, the selected
candidate's bin marked, following the selection and every score change."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from storage.queries import ListRow
from tests.ui.review_support import candidate_id, row_of
from ui.actions import Act
from ui.views.pool_data import publication_bin, publication_histogram, score_bin, score_histogram


def _row(cid: int, score: float | None, pubs: int, cvs: int = 1) -> ListRow:
    return ListRow(
        ("candidate", cid), "", "", "new", False, score, cvs, 0, "", "", pubs, 0, (), "", ()
    )


def test_bins_and_the_marked_candidate() -> None:
    rows = [_row(1, 1.0, 0), _row(2, 3.2, 3), _row(3, 5.0, 25), _row(4, None, 4, cvs=0)]
    scores = score_histogram(rows, selected=2)
    assert scores.counts == (1, 0, 0, 0, 1, 0, 0, 1) and scores.marked == 4
    assert scores.left_out == 1 and "3.0–3.5: 1 candidate" in scores.describe(4)
    pubs = publication_histogram(rows, selected=3)
    assert pubs.counts == (1, 0, 0, 1, 0, 0, 1) and pubs.marked == 6 and pubs.left_out == 1
    assert publication_histogram(rows, selected=4).marked is None  # no CV: not in the chart
    assert [score_bin(v) for v in (1.0, 1.49, 1.5, 4.99, 5.0)] == [0, 0, 1, 7, 7]
    assert [publication_bin(n) for n in (0, 1, 2, 4, 9, 19, 20)] == [0, 1, 2, 3, 4, 5, 6]


def test_the_chart_marks_the_selected_candidate_and_follows_scores(sample_library, window_factory):
    window = window_factory(sample_library)
    chart = window.review.pool
    hyndman = candidate_id(window, "Rob J Hyndman")
    window.candidate_list.select_row(row_of(window, "Rob J Hyndman"))
    scores, pubs = chart.histograms
    assert scores.marked is None and scores.total == 0  # nobody scored yet
    assert pubs.marked == publication_bin(window.model.get(("candidate", hyndman)).publications)

    window.actions[Act.SCORE_4].trigger()
    QApplication.processEvents()
    assert chart.histograms[0].marked == score_bin(4.0) and chart.histograms[0].total == 1
    window.undo_stack.undo()
    assert chart.histograms[0].marked is None

    window.candidate_list.select_row(row_of(window, "Chris Ashton"))
    assert chart.histograms[1].marked == publication_bin(
        window.model.get(("candidate", candidate_id(window, "Chris Ashton"))).publications
    )
    chart.grab()  # paints without error
