"""Blind review through the real window: with it on, no visible text anywhere in the window
names a sample candidate, gives their email or a link; scores given are marked blind; the
choice is remembered; the document is masked text, not the PDF."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from storage.models import Score
from tests.ui.review_support import activate, forbidden, label_of, row_of, sample_labels
from tests.ui.widget_texts import visible_texts
from ui.actions import Act


def _leaks(texts, patterns) -> list[str]:
    return [
        f"{what!r} in {where}: {text[:80]!r}"
        for where, text in texts
        for what, pattern in patterns
        if pattern.search(text)
    ]


def _shown_label(window, labels) -> dict | None:
    cid = window.list_controller.current_candidate()
    if cid is None:
        return None
    candidate = window.library.candidate(cid)
    return label_of(labels, candidate.name, [e.text for e in candidate.profile.emails])


def test_blind_review_hides_every_sample_candidate_everywhere(
    sample_library, samples_dir, window_factory
) -> None:
    window = window_factory(sample_library)
    labels = sample_labels(samples_dir)
    everyone, whole_names = forbidden(labels), forbidden(labels, parts=False)
    window.candidate_list.select_row(window.model.candidate_row(0))
    QApplication.processEvents()
    assert _leaks(visible_texts(window), everyone), "the check must see names when not blind"

    window.actions[Act.BLIND_REVIEW].trigger()
    assert window.actions[Act.BLIND_REVIEW].isChecked()
    pane_dock, problems = window.profile_dock_widget, []
    for position in range(window.model.rowCount()):
        window.candidate_list.select_row(position)
        QApplication.processEvents()
        # Outside the profile pane (list, review panel, pool, bars, title): nobody's name
        # part. In the pane: the shown candidate's parts and everybody's whole names.
        problems += _leaks(visible_texts(window, skip=pane_dock), everyone)
        shown = _shown_label(window, labels)
        own = forbidden([shown]) if shown else []
        problems += _leaks(visible_texts(pane_dock), own + whole_names)
        documents = window.profile.pane.documents
        assert documents._stack.currentWidget() is not documents.pdf
    assert problems == [], "\n".join(problems)
    assert window.windowTitle().endswith("(blind review)")


def test_compare_in_blind_review_shows_aliases_only(
    sample_library, samples_dir, window_factory
) -> None:
    window = window_factory(sample_library)
    window.actions[Act.BLIND_REVIEW].trigger()
    ids = [r.key[1] for r in window.model.all_rows() if not r.is_unassigned][:4]
    dialog = window.review.compare(ids)
    QApplication.processEvents()
    texts = [t for _w, t in visible_texts(dialog)]
    texts += [dialog.table.item(r, c).text() for r, c in _cells(dialog)]
    patterns = forbidden(sample_labels(samples_dir))
    assert [t for t in texts for _w, p in patterns if p.search(t)] == []
    assert dialog.cell_text("Candidate", 0) == f"Candidate {ids[0]}"
    dialog.close()


def _cells(dialog):
    table = dialog.table
    return [
        (r, c)
        for r in range(table.rowCount())
        for c in range(table.columnCount())
        if table.item(r, c) is not None
    ]


def test_scores_given_blind_are_marked_and_the_mode_is_remembered(
    sample_library, window_factory
) -> None:
    window = window_factory(sample_library)
    activate(window)
    window.candidate_list.select_row(window.model.candidate_row(0))
    cid = window.list_controller.current_candidate()
    window.actions[Act.SCORE_4].trigger()  # not blind
    window.actions[Act.BLIND_REVIEW].trigger()
    window.actions[Act.SCORE_2].trigger()  # the second criterion, blind
    scores = window.library.candidate(cid).review.scores
    first, second = window.review.controller.rubric().keys()[:2]
    assert scores[first] == Score(4, blind=False)
    assert scores[second] == Score(2, blind=True)
    assert window.review.panel.criteria.rows[1].blind_mark.isVisibleTo(window.review.panel)
    window.close()

    again = window_factory(sample_library)
    assert again.actions[Act.BLIND_REVIEW].isChecked()
    assert all(r.name.startswith(("Candidate ", "")) for r in again.model.all_rows())
    assert not any(r.email for r in again.model.all_rows())


def test_export_from_blind_review_starts_anonymised(sample_library, window_factory, monkeypatch):
    from ui.dialogs.export_dialog import ExportDialog

    seen: list[bool] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda d: seen.append(d.anonymised.isChecked()))
    window = window_factory(sample_library)
    window.actions[Act.EXPORT].trigger()
    window.actions[Act.BLIND_REVIEW].trigger()
    window.actions[Act.EXPORT].trigger()
    assert seen == [False, True]


def test_blind_forms_are_read_only_and_evidence_lands_in_the_masked_text(
    sample_library, samples_dir, window_factory
) -> None:
    window = window_factory(sample_library)
    labels = sample_labels(samples_dir)
    window.candidate_list.select_row(row_of(window, "Rob J Hyndman"))
    window.actions[Act.BLIND_REVIEW].setChecked(True)
    pane = window.profile.pane
    pane.tabs.setCurrentWidget(pane.edit)
    QApplication.processEvents()
    own = forbidden([label_of(labels, "Rob J Hyndman", [])]) + forbidden(labels, parts=False)
    found = _leaks(visible_texts(window.profile_dock_widget), own)
    assert found == [], "\n".join(found)
    inputs = pane.edit.findChildren(QLineEdit) + pane.edit.findChildren(QPlainTextEdit)
    assert inputs and all(i.isReadOnly() for i in inputs if i.isVisibleTo(pane.edit))

    publication = window.library.candidate(
        window.list_controller.current_candidate()
    ).profile.publications[1]
    assert pane.show_evidence("publications", publication) == "text"
    selected = pane.documents.text.textCursor().selectedText()
    assert selected and "Hyndman" not in selected
