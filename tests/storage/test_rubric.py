"""The rubric: the shipped default, a library's own copy, and the weighted total."""

from __future__ import annotations

import pytest

from storage.library import Library
from storage.models import Score
from storage.queries import DocumentFacts, all_rows
from storage.rubric import (
    Criterion,
    RubricError,
    default_rubric,
    key_for,
    rubric_from_dict,
    rubric_of,
    set_rubric,
    with_criterion,
)
from storage.scoring import library_rubric, weighted_total
from tests.storage.conftest import make_result


def test_default_rubric_has_the_research_criteria_with_anchors() -> None:
    rubric = default_rubric()
    assert rubric.keys() == [
        "research_fit",
        "publications",
        "technical_depth",
        "education",
        "statement",
    ]
    for criterion in rubric.criteria:
        assert criterion.weight > 0
        assert len(criterion.anchors) == 5 and all(criterion.anchors)
        assert len(set(criterion.anchors)) == 5  # each score says something different


def test_a_new_library_uses_the_default(library: Library) -> None:
    assert rubric_of(library) == default_rubric()
    assert library_rubric(library) == default_rubric().weights()


def test_an_edited_rubric_is_kept_by_the_library_across_reopening(lib_dir) -> None:
    with Library.open(lib_dir) as library:
        edited = with_criterion(default_rubric(), "Teaching (TA)", 0.5)
        assert set_rubric(library, edited) is None  # it used the default before
    with Library.open(lib_dir) as library:
        again = rubric_of(library)
        assert again.keys()[-1] == "teaching_ta" and again.criterion("teaching_ta").weight == 0.5
        assert set_rubric(library, None) == again  # back to the default; undo gets `again`
        assert rubric_of(library) == default_rubric()


def test_weights_change_the_total_shown_in_the_list(library: Library) -> None:
    library.add_parse_results([make_result("Ada Lovelace", ("ada@example.org",))])
    cid = library.candidates()[0].id
    library.set_review(cid, scores={"research_fit": 5, "education": 1})
    default_total = all_rows(library, DocumentFacts())[0].score
    assert default_total == weighted_total(
        {"research_fit": 5, "education": 1}, {"research_fit": 3, "education": 1}
    )
    assert default_total == 4.0
    flipped = rubric_from_dict(default_rubric().to_dict())
    criteria = tuple(
        Criterion(c.key, c.label, 1.0 if c.key == "research_fit" else 3.0, c.description, c.anchors)
        for c in flipped.criteria
    )
    set_rubric(library, flipped.__class__(criteria, flipped.name))
    assert all_rows(library, DocumentFacts())[0].score == 2.0


def test_scores_on_a_removed_criterion_are_kept(library: Library) -> None:
    library.add_parse_results([make_result("Ada Lovelace")])
    cid = library.candidates()[0].id
    library.set_review(cid, scores={"research_fit": 4, "statement": Score(2, blind=True)})
    rubric = default_rubric()
    set_rubric(library, rubric.__class__(rubric.criteria[:-1], rubric.name))  # no statement
    review = library.candidate(cid).review
    assert review.scores["statement"] == Score(2, blind=True)
    assert weighted_total(review.scores, library_rubric(library)) == 4.0


def test_a_setting_change_is_not_undone_by_undoing_other_changes(library: Library) -> None:
    library.add_parse_results([make_result("Ada Lovelace")])
    cid = library.candidates()[0].id
    token = library.set_review(cid, status="maybe")
    set_rubric(library, with_criterion(default_rubric(), "Fit"))
    library.undo(token)
    assert rubric_of(library).keys()[-1] == "fit"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"criteria": [{"label": ""}]}, "no label"),
        ({"criteria": [{"label": "A", "weight": "heavy"}]}, "number"),
        ({"criteria": [{"label": "A", "weight": -1}]}, "between"),
        ({"criteria": [{"label": "A"}, {"label": "A"}]}, "share the key"),
        ({"criteria": "A"}, "list of criteria"),
    ],
)
def test_bad_rubrics_are_refused_with_a_reason(data, message) -> None:
    with pytest.raises(RubricError, match=message):
        rubric_from_dict(data)


def test_keys_are_made_from_labels_and_never_collide() -> None:
    assert key_for("Teaching (TA)") == "teaching_ta"
    assert key_for("Fit", ["fit", "fit_2"]) == "fit_3"
    assert key_for("研究") == "criterion"
