"""The rubric through the real window: the default shows in the review panel, weights
change the list's total, an edit in Preferences is one undoable command that the library
keeps."""

from __future__ import annotations

import pytest

from storage.rubric import default_rubric, rubric_of
from tests.ui.review_support import candidate_id
from ui.actions import Act
from ui.dialogs.preferences import PreferencesDialog
from ui.plain import tooltip


def _edit_in_preferences(window, monkeypatch, edit) -> None:
    def accept(dialog: PreferencesDialog) -> bool:
        edit(dialog.rubric)
        return True

    monkeypatch.setattr(PreferencesDialog, "exec", accept)
    window.actions[Act.PREFERENCES].trigger()


def test_default_rubric_in_the_panel_with_anchors(sample_library, window_factory) -> None:
    window = window_factory(sample_library)
    window.candidate_list.select_row(window.model.candidate_row(0))
    rows = window.review.panel.criteria.rows
    assert [r.criterion for r in rows] == list(default_rubric().criteria)
    assert rows[0].property("focused") and not rows[1].property("focused")
    assert rows[0].buttons[3].toolTip() == tooltip(f"4: {default_rubric().criteria[0].anchors[3]}")
    assert default_rubric().criteria[0].anchors[4] in window.review.panel.criteria.guide.text()


def test_weights_edited_in_preferences_change_the_total_and_persist(
    sample_library, window_factory, monkeypatch
) -> None:
    window = window_factory(sample_library)
    cid = candidate_id(window, "Rob J Hyndman")
    window.library.set_review(cid, scores={"research_fit": 5, "education": 1})
    window.list_controller.reload()
    assert window.model.get(("candidate", cid)).score == 4.0  # weights 3 and 1

    def edit(editor) -> None:
        editor.list.setCurrentRow(0)  # research fit: weight 1 instead of 3
        editor.form.weight.setValue(1.0)
        editor.add()
        editor.form.label.setText("Teaching")
        editor.form.label.textEdited.emit("Teaching")
        editor.move(-1)  # above statement quality

    _edit_in_preferences(window, monkeypatch, edit)
    rubric = rubric_of(window.library)
    assert rubric.keys()[-2:] == ["new_criterion", "statement"]
    assert rubric.label("new_criterion") == "Teaching"
    assert window.model.get(("candidate", cid)).score == 3.0  # 5 and 1, equal weights
    assert [r.criterion.label for r in window.review.panel.criteria.rows][-2] == "Teaching"

    window.actions[Act.UNDO].trigger()
    assert rubric_of(window.library) == default_rubric()
    assert window.model.get(("candidate", cid)).score == 4.0
    window.actions[Act.REDO].trigger()
    window.close()

    again = window_factory(sample_library)
    assert rubric_of(again.library) == rubric
    assert again.model.get(("candidate", cid)).score == 3.0


@pytest.mark.parametrize("clicks", [0, 1])
def test_removing_a_criterion_keeps_its_scores(
    sample_library, window_factory, monkeypatch, clicks
) -> None:
    window = window_factory(sample_library)
    cid = candidate_id(window, "Chris Ashton")
    window.library.set_review(cid, scores={"statement": 2})

    def edit(editor) -> None:
        editor.list.setCurrentRow(len(editor.value().criteria) - 1)
        editor.remove()
        for _ in range(clicks):
            editor.reset()  # "Default" puts it back: nothing changes

    _edit_in_preferences(window, monkeypatch, edit)
    assert window.library.candidate(cid).review.scores["statement"].value == 2
    assert (rubric_of(window.library).criterion("statement") is not None) == bool(clicks)
    assert window.undo_stack.count() == (0 if clicks else 1)
