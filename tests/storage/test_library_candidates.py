"""Candidates from documents: provenance, diffs, reviews, merge/split/assign, delete."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.errors import LibraryError, UnknownIdError
from storage.library import Library
from storage.models import REVIEWER, ImportItem, Score
from tests.storage.conftest import make_result

CV = dict(
    name="Ada Lovelace",
    emails=("ada@example.org",),
    skills=["Python"],
    education=[{"institution": "University of London", "degree": "PhD"}],
)


def _one(library: Library, **kw) -> int:
    summary = library.add_parse_results([make_result(**{**CV, **kw})])
    return (summary.new_candidates or summary.attached)[0].candidate_id


def test_new_cv_makes_a_candidate_with_provenance(library: Library) -> None:
    cid = _one(library)
    cand = library.candidate(cid)
    doc_id = cand.document_ids[0]
    assert cand.name == "Ada Lovelace"
    assert cand.fields["name"].source == doc_id and not cand.fields["name"].edited
    assert cand.profile.education[0].institution == "University of London"
    assert cand.review.status == "new"
    doc = library.document(doc_id)
    assert doc.kind == "cv" and doc.candidate_id == cid and doc.pages == 1
    assert library.document_text(doc_id).startswith("cv of Ada")


def test_statement_fills_what_the_cv_lacks(library: Library) -> None:
    cid = _one(library)
    statement = make_result(
        "Ada Lovelace",
        kind="statement",
        research_interests=["analytical engines"],
        skills=["Rhetoric"],
    )
    summary = library.add_parse_results([statement])
    assert [d.candidate_id for d in summary.attached] == [cid]
    cand = library.candidate(cid)
    st_id = summary.attached[0].document_id
    assert [v.text for v in cand.profile.research_interests] == ["analytical engines"]
    assert cand.fields["research_interests"].source == st_id
    assert [v.text for v in cand.profile.skills] == ["Python"]  # the CV's wins
    assert cand.fields["skills"].source == cand.document_ids[0]


def test_edit_is_never_overwritten_and_a_newer_cv_offers_a_diff(library: Library) -> None:
    cid = _one(library)
    library.update_field(cid, "skills", ["Python", "Mathematics"])
    newer = make_result(**{**CV, "skills": ["Python", "Poetry"], "phones": ["+44 1"]}, text="v2")
    library.add_parse_results([newer])
    cand = library.candidate(cid)
    assert [v.text for v in cand.profile.skills] == ["Python", "Mathematics"]
    info = cand.fields["skills"]
    assert info.source == REVIEWER and info.edited
    assert [v.text for v in info.pending.stored] == ["Python", "Mathematics"]
    assert [v.text for v in info.pending.new] == ["Python", "Poetry"]
    assert [v.text for v in cand.profile.phones] == ["+44 1"]  # unedited fields follow
    library.accept_diff(cid, "skills")
    cand = library.candidate(cid)
    assert [v.text for v in cand.profile.skills] == ["Python", "Poetry"]
    assert cand.fields["skills"].pending is None and cand.fields["skills"].pinned


def test_reject_diff_keeps_the_edit(library: Library) -> None:
    cid = _one(library)
    library.update_field(cid, "name", "Augusta Ada King")
    library.add_parse_results([make_result(**{**CV, "name": "A. Lovelace"}, text="v2")])
    assert library.candidate(cid).fields["name"].pending is not None
    library.reject_diff(cid, "name")
    cand = library.candidate(cid)
    assert cand.name == "Augusta Ada King" and cand.fields["name"].pending is None
    with pytest.raises(LibraryError):
        library.accept_diff(cid, "name")


def test_reparse_updates_unedited_and_diffs_edited(library: Library) -> None:
    cid = _one(library)
    doc_id = library.candidate(cid).document_ids[0]
    library.update_field(cid, "emails", ["ada@lovelace.net"])
    reparsed = make_result(**{**CV, "skills": ["Python", "Fortran"], "emails": ("a@b.org",)})
    library.replace_parse_result(doc_id, reparsed)
    cand = library.candidate(cid)
    assert [v.text for v in cand.profile.skills] == ["Python", "Fortran"]
    assert [v.text for v in cand.profile.emails] == ["ada@lovelace.net"]
    assert [v.text for v in cand.fields["emails"].pending.new] == ["a@b.org"]


def test_revert_field_follows_the_documents_again(library: Library) -> None:
    cid = _one(library)
    library.update_field(cid, "name", "Someone Else")
    library.revert_field(cid, "name")
    assert library.candidate(cid).name == "Ada Lovelace"


def test_update_field_rejects_unknown_fields_and_undo_restores(library: Library) -> None:
    cid = _one(library)
    with pytest.raises(ValueError):
        library.update_field(cid, "favourite_colour", "blue")
    token = library.update_field(cid, "name", "Changed")
    library.undo(token)
    cand = library.candidate(cid)
    assert cand.name == "Ada Lovelace" and not cand.fields["name"].edited


def test_review_record(library: Library) -> None:
    cid = _one(library)
    library.set_review(
        cid,
        status="maybe",
        scores={"research": 4, "fit": Score(2, blind=True)},
        tags=["nlp", "nlp", " theory "],
        notes="Strong thesis.",
        shortlisted=True,
        rank=3,
    )
    review = library.candidate(cid).review
    assert review.status == "maybe" and review.rank == 3 and review.shortlisted
    assert review.scores["fit"] == Score(2, blind=True) and review.scores["research"].value == 4
    assert review.tags == ("nlp", "theory") and review.updated
    for bad in ({"status": "hired"}, {"scores": {"x": 6}}, {"scores": {"x": True}}, {"rank": "1"}):
        with pytest.raises(ValueError):
            library.set_review(cid, **bad)
    assert library.candidate(cid).review.status == "maybe"
    summary = library.candidates()[0]
    assert (summary.status, summary.shortlisted, summary.tags) == ("maybe", True, ("nlp", "theory"))


def test_duplicate_file_is_reported(library: Library, tmp_path: Path) -> None:
    cv = tmp_path / "ada.txt"
    cv.write_text("Ada's CV")
    first = library.add_parse_results([make_result(**CV, path=str(cv))])
    again = library.add_parse_results(
        [make_result(**CV, path=str(cv)), make_result(**CV, path=str(cv))]
    )
    doc_id = first.new_candidates[0].document_id
    assert again.duplicates == [(str(cv), doc_id), (str(cv), doc_id)] and again.added == 0
    doc = library.document(doc_id)
    assert doc.stored_path.read_bytes() == b"Ada's CV" and doc.file_name == "ada.txt"
    assert cv.read_text() == "Ada's CV"  # the reviewer's own file stays where it was
    assert library.find_document(doc.sha256) == doc_id


def test_unassigned_statement_then_assigned(library: Library) -> None:
    cid = _one(library)
    summary = library.add_parse_results([make_result(None, kind="statement", text="anon")])
    doc_id = summary.unassigned[0].document_id
    assert [d.id for d in library.unassigned_documents()] == [doc_id]
    token = library.assign_document(doc_id, cid)
    assert doc_id in library.candidate(cid).document_ids
    assert library.unassigned_documents() == []
    library.undo(token)
    assert [d.id for d in library.unassigned_documents()] == [doc_id]


def test_merge_with_choices_and_undo(library: Library) -> None:
    a = _one(library)
    b = _one(library, name="Ada King", emails=("king@example.org",), skills=["Logic"], text="b")
    library.set_review(a, notes="first", tags=["x"])
    library.set_review(b, notes="second", tags=["y"], shortlisted=True)
    conflicts = library.merge_conflicts(a, b)
    assert set(conflicts) >= {"name", "emails", "skills"}
    result = library.merge_candidates(a, b, {"skills": "other"})
    merged = library.candidate(a)
    assert merged.name == "Ada Lovelace" and [v.text for v in merged.profile.skills] == ["Logic"]
    assert len(merged.document_ids) == 2
    assert merged.review.notes == "first\n\nsecond" and merged.review.tags == ("x", "y")
    assert merged.review.shortlisted
    with pytest.raises(UnknownIdError):
        library.candidate(b)
    library.undo(result.undo)
    assert library.candidate(b).name == "Ada King" and library.candidate(b).review.notes == "second"
    assert len(library.candidate(a).document_ids) == 1
    assert library.document(library.candidate(b).document_ids[0]).candidate_id == b


def test_split_and_undo(library: Library) -> None:
    cid = _one(library)
    st = (
        library.add_parse_results(
            [make_result("Ada Lovelace", kind="statement", research_interests=["engines"])]
        )
        .attached[0]
        .document_id
    )
    result = library.split_document(st)
    assert result.from_candidate_id == cid
    assert library.candidate(cid).profile.research_interests == ()
    new = library.candidate(result.new_candidate_id)
    assert new.document_ids == (st,) and new.name == "Ada Lovelace"
    library.undo(result.undo)
    assert st in library.candidate(cid).document_ids
    with pytest.raises(UnknownIdError):
        library.candidate(result.new_candidate_id)
    # ids are never handed out twice
    again = library.split_document(st)
    assert again.new_candidate_id > result.new_candidate_id


def test_delete_candidate_removes_documents_text_and_files(library: Library, tmp_path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text("a CV")
    cid = (
        library.add_parse_results([make_result(**CV, path=str(cv))]).new_candidates[0].candidate_id
    )
    doc = library.document(library.candidate(cid).document_ids[0])
    text_file = library.paths.text_file(doc.sha256)
    assert library.document_text(doc.id).startswith("cv of Ada")  # before it is saved, too
    library.flush()
    assert text_file.exists() and doc.stored_path.exists()
    assert text_file.read_text(encoding="utf-8").startswith("cv of Ada")
    library.delete_candidate(cid)
    assert not text_file.exists() and not doc.stored_path.exists()
    assert library.candidates() == [] and library.documents() == []
    with pytest.raises(UnknownIdError):
        library.document(doc.id)
    assert cv.exists()
    # and the same file can come in again
    assert library.add_parse_results([make_result(**CV, path=str(cv))]).added == 1


def test_returned_objects_cannot_change_the_library(library: Library) -> None:
    cid = _one(library)
    cand = library.candidate(cid)
    with pytest.raises(AttributeError):
        cand.profile.name.text = "x"  # type: ignore[misc]
    assert library.candidate(cid).name == "Ada Lovelace"


def test_import_item_with_precomputed_hash(library: Library) -> None:
    item = ImportItem(make_result(**CV), sha256="ab" * 32, source_path="/gone/cv.pdf")
    doc_id = library.add_parse_results([item]).new_candidates[0].document_id
    doc = library.document(doc_id)
    assert doc.sha256 == "ab" * 32 and doc.stored_path is None and doc.file_name == "cv.pdf"
