"""The profile pane: reading, editing (one undo step per change), evidence, missing files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog

from parsing.models import Education, Evidence, ParseResult, Profile, Publication, Value
from storage.library import Library
from ui.profile.pane import ProfilePane
from ui.profile.profile_items import LOW_CONFIDENCE_TIP

TEXT = (
    "Ada Lovelace\n"
    "ada@example.org\n"
    "Education\n"
    "University of London, BSc Mathematics 2010-2013\n"
    "King's College, MSc Logic 1844-2015\n"
    "Publications\n"
    "Notes on the Analytical Engine. Scientific Memoirs, 2016.\n"
)
HYNDMAN = Path(__file__).resolve().parents[3] / "shared/samples/pdf/14_hyndman-cv-3page.pdf"


def span(text: str, needle: str, page: int = 0) -> Evidence:
    start = text.index(needle)
    return Evidence(page, start, start + len(needle))


def ada_result(path: Path, name: str = "Ada Lovelace") -> ParseResult:
    profile = Profile(
        kind="cv",
        name=Value(name, span(TEXT, "Ada Lovelace"), 0.9),
        emails=(Value("ada@example.org", span(TEXT, "ada@example.org"), 0.5),),
        education=(
            Education(
                "University of London",
                "BSc",
                "Mathematics",
                "2010",
                "2013",
                evidence=span(TEXT, "University of London, BSc Mathematics 2010-2013"),
            ),
            # An odd parse (a start year out of range), which an edit nearby must not trip on.
            Education(
                "King's College",
                "MSc",
                "Logic",
                "1844",
                "2015",
                evidence=span(TEXT, "King's College, MSc Logic 1844-2015"),
            ),
        ),
        publications=(
            Publication(
                "Notes on the Analytical Engine",
                ("Ada Lovelace",),
                "Scientific Memoirs",
                2016,
                evidence=span(TEXT, "Notes on the Analytical Engine"),
            ),
        ),
    )
    path.write_text(TEXT, encoding="utf-8")
    return ParseResult(str(path), "cv", profile, TEXT, 1, source_format="txt")


def grace_result(path: Path) -> ParseResult:
    text = "Grace Hopper\ngrace@example.org\n"
    path.write_text(text, encoding="utf-8")
    profile = Profile(kind="cv", name=Value("Grace Hopper"), emails=(Value("grace@example.org"),))
    return ParseResult(str(path), "cv", profile, text, 1, source_format="txt")


@pytest.fixture
def lib_dir(tmp_path: Path) -> Path:
    return tmp_path / "library"


@pytest.fixture
def library(lib_dir: Path) -> Iterator[Library]:
    lib = Library.open(lib_dir, delay_s=0.0)
    yield lib
    lib.close(discard_unsaved=True)


@pytest.fixture
def ids(library: Library, tmp_path: Path) -> tuple[int, int]:
    summary = library.add_parse_results(
        [ada_result(tmp_path / "ada.txt"), grace_result(tmp_path / "grace.txt")]
    )
    ada, grace = (d.candidate_id for d in summary.new_candidates)
    return ada, grace


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def pane(qtbot, library: Library, stack: QUndoStack) -> ProfilePane:
    widget = ProfilePane(library, stack)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def rows(pane: ProfilePane, field: str):
    return pane.edit.rows[field].editor._list.rows()


def shiboken_valid(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def shown(widget) -> bool:
    """Not hidden by the pane (the tab holding it may be in the background)."""
    return not widget.isHidden()


def commit(line, text: str) -> None:
    line.setText(text)
    line.editingFinished.emit()


# ---------------------------------------------------------------------- showing


def test_showing_a_candidate_fills_the_readable_view_and_the_forms(pane, ids):
    pane.show_candidate(ids[0])
    text = pane.readable.toPlainText()
    assert "Ada Lovelace" in text and "University of London" in text
    assert "Notes on the Analytical Engine" in text
    assert pane.edit.rows["name"].editor._input.text() == "Ada Lovelace"
    cards = rows(pane, "education")
    assert [c.inputs["institution"].text() for c in cards] == [
        "University of London",
        "King's College",
    ]
    assert pane.splitter.objectName() == "profileSplitter"


def test_html_in_a_value_is_shown_literally(pane, library, tmp_path):
    summary = library.add_parse_results(
        [ada_result(tmp_path / "evil.txt", name="<b>x</b><img src=/etc/passwd>")]
    )
    pane.show_candidate(summary.new_candidates[0].candidate_id)
    assert "<b>x</b><img src=/etc/passwd>" in pane.readable.toPlainText()
    assert "<img" not in pane.readable.toHtml()


# ---------------------------------------------------------------------- editing


def test_an_edit_is_one_undo_command_marked_edited_and_persisted(
    qtbot, pane, ids, library, stack, lib_dir
):
    pane.show_candidate(ids[0])
    with qtbot.waitSignal(pane.candidateChanged) as changed:
        commit(pane.edit.rows["name"].editor._input, "Augusta Ada King")
    assert changed.args == [ids[0]]
    assert stack.count() == 1
    cand = library.candidate(ids[0])
    assert cand.name == "Augusta Ada King" and cand.fields["name"].edited
    assert shown(pane.edit.rows["name"]._edited)
    assert "Augusta Ada King" in pane.readable.toPlainText()

    stack.undo()
    assert library.candidate(ids[0]).name == "Ada Lovelace"
    assert pane.edit.rows["name"].editor._input.text() == "Ada Lovelace"
    stack.redo()
    library.close()
    with Library.open(lib_dir) as reopened:
        assert reopened.candidate(ids[0]).name == "Augusta Ada King"
        assert reopened.candidate(ids[0]).fields["name"].edited


def test_applying_does_not_rebuild_the_form_being_typed_in(pane, ids):
    pane.show_candidate(ids[0])
    card = rows(pane, "education")[0]
    commit(card.inputs["institution"], "University College London")
    assert rows(pane, "education")[0] is card  # focus and cursor stay where they were


def test_an_invalid_email_or_date_is_shown_and_not_saved(pane, ids, library, stack):
    pane.show_candidate(ids[0])
    email = rows(pane, "emails")[0].inputs["text"]
    commit(email, "ada at example")
    problem = pane.edit.rows["emails"]._problem
    assert shown(problem) and "email" in problem.text()
    assert email.property("invalid") is True
    end = rows(pane, "education")[0].inputs["end"]
    commit(end, "sometime")
    assert "YYYY" in pane.edit.rows["education"]._problem.text()
    commit(end, "2009")  # before its start
    assert "before the start" in pane.edit.rows["education"]._problem.text()
    assert stack.count() == 0
    assert library.candidate(ids[0]).profile.emails[0].text == "ada@example.org"


def test_a_written_out_date_is_stored_in_schema_form(pane, ids, library):
    pane.show_candidate(ids[0])
    commit(rows(pane, "education")[0].inputs["end"], "Sep 2013")
    assert library.candidate(ids[0]).profile.education[0].end == "2013-09"
    # The parser's odd start year of the other degree does not block an edit next to it.
    commit(rows(pane, "education")[1].inputs["field"], "Logic and Mathematics")
    assert library.candidate(ids[0]).profile.education[1].start == "1844"


def test_revert_to_parsed(pane, ids, library, stack):
    pane.show_candidate(ids[0])
    commit(pane.edit.rows["name"].editor._input, "Someone Else")
    revert = pane.edit.rows["name"]._revert
    assert shown(revert)
    revert.click()
    assert stack.count() == 2
    cand = library.candidate(ids[0])
    assert cand.name == "Ada Lovelace" and not cand.fields["name"].edited
    assert pane.edit.rows["name"].editor._input.text() == "Ada Lovelace"
    assert revert.isHidden()


def test_reorder_add_and_remove_entries_each_one_command(qtbot, pane, ids, library, stack):
    pane.show_candidate(ids[0])
    rows(pane, "education")[0].moveRequested.emit(1)
    assert [e.institution for e in library.candidate(ids[0]).profile.education] == [
        "King's College",
        "University of London",
    ]
    pane.edit.rows["education"].editor._list.add_row()
    assert stack.count() == 1  # an empty new entry records nothing yet
    commit(rows(pane, "education")[2].inputs["institution"], "Cambridge")
    assert stack.count() == 2
    assert len(library.candidate(ids[0]).profile.education) == 3
    rows(pane, "education")[0].removeRequested.emit()
    assert stack.count() == 3
    assert [e.institution for e in library.candidate(ids[0]).profile.education] == [
        "University of London",
        "Cambridge",
    ]
    stack.undo()
    assert len(library.candidate(ids[0]).profile.education) == 3
    assert len(rows(pane, "education")) == 3


def test_the_list_reselecting_the_candidate_keeps_the_forms(pane, ids):
    pane.show_candidate(ids[0])
    card = rows(pane, "education")[0]
    commit(card.inputs["institution"], "UCL")
    pane.show_candidate(ids[0])  # the list refreshed its row and selected it again
    assert rows(pane, "education")[0] is card


def test_a_closed_pane_leaves_the_shared_undo_stack_working(qtbot, library, stack, ids):
    first = ProfilePane(library, stack)
    first.show_candidate(ids[0])
    commit(first.edit.rows["name"].editor._input, "Ada")
    first.deleteLater()
    qtbot.waitUntil(lambda: not shiboken_valid(first))
    stack.undo()  # the window keeps its stack when it builds a new pane
    assert library.candidate(ids[0]).name == "Ada Lovelace"


def test_an_invalid_edit_survives_looking_at_another_candidate(pane, ids, stack):
    pane.show_candidate(ids[0])
    commit(rows(pane, "emails")[0].inputs["text"], "ada at example")
    pane.show_candidate(ids[1])
    assert rows(pane, "emails")[0].inputs["text"].text() == "grace@example.org"
    pane.show_candidate(ids[0])
    assert rows(pane, "emails")[0].inputs["text"].text() == "ada at example"
    assert shown(pane.edit.rows["emails"]._problem)
    assert stack.count() == 0


def test_commit_edits_applies_what_it_can_and_names_the_rest(pane, ids, library, stack):
    pane.show_candidate(ids[0])
    pane.edit.rows["name"].editor._input.setText("Ada King")  # typed, focus never left
    rows(pane, "emails")[0].inputs["text"].setText("not an email")
    problems = pane.commit_edits()
    assert library.candidate(ids[0]).name == "Ada King" and stack.count() == 1
    assert len(problems) == 1 and "email" in problems[0]


def test_a_pending_reparse_offers_accept_and_keep_mine(pane, ids, library, tmp_path, stack):
    pane.show_candidate(ids[0])
    commit(pane.edit.rows["name"].editor._input, "A. Lovelace")
    doc_id = library.candidate(ids[0]).document_ids[0]
    newer = ada_result(tmp_path / "ada2.txt", name="Ada King")
    library.replace_parse_result(doc_id, newer)
    pane.refresh()
    bar = pane.edit.rows["name"]._pending
    assert shown(bar) and "Ada King" in bar._value.text()
    bar.keepClicked.emit()
    assert not library.candidate(ids[0]).pending
    assert library.candidate(ids[0]).name == "A. Lovelace"
    stack.undo()
    pane.edit.rows["name"]._pending.acceptClicked.emit()
    assert library.candidate(ids[0]).name == "Ada King"


def test_an_unassigned_document_is_shown_read_only(pane, library, tmp_path):
    result = ada_result(tmp_path / "anon.txt", name="")
    result = ParseResult(result.path, "cv", Profile(kind="cv"), TEXT, 1, source_format="txt")
    summary = library.add_parse_results([result])
    pane.show_document(summary.unassigned[0].document_id)
    assert not pane.tabs.isTabEnabled(1)
    assert pane.documents.text.toPlainText().startswith("Ada Lovelace")


# ---------------------------------------------------------------------- flags and evidence


def test_low_confidence_values_are_flagged(pane, ids):
    pane.show_candidate(ids[0])
    row = rows(pane, "emails")[0]
    assert row._flag.text() == "●" and row._flag.toolTip() == LOW_CONFIDENCE_TIP
    assert rows(pane, "education")[0]._flag.isHidden()
    assert any(LOW_CONFIDENCE_TIP in tip for tip in pane.readable._tips.values())
    assert "1 to check" in pane.edit._count.text()
    pane.edit.next_flagged()
    assert pane.edit._scroll.widget().focusWidget() is row.inputs["text"]


def test_a_checked_value_loses_its_flag(pane, ids, library):
    pane.show_candidate(ids[0])
    commit(rows(pane, "emails")[0].inputs["text"], "ada@lovelace.org")
    assert library.candidate(ids[0]).profile.emails[0].confidence == 1.0
    assert rows(pane, "emails")[0]._flag.text() == ""


def test_evidence_selects_the_span_in_a_text_document(pane, ids):
    pane.show_candidate(ids[0])
    pane.readable.itemActivated.emit("education", 1)
    cursor = pane.documents.text.textCursor()
    assert cursor.selectedText() == "King's College, MSc Logic 1844-2015"
    rows(pane, "publications")[0].inputs["title"].setFocus()
    rows(pane, "publications")[0].focused.emit()
    assert pane.documents.text.textCursor().selectedText() == "Notes on the Analytical Engine"


@pytest.fixture(scope="module")
def hyndman() -> ParseResult:
    if not HYNDMAN.is_file():
        pytest.skip("shared samples not beside the repository")
    from parsing.pipeline import parse_file

    return parse_file(HYNDMAN)


@pytest.fixture
def pdf_candidate(library: Library, hyndman: ParseResult) -> int:
    summary = library.add_parse_results([hyndman])
    return summary.new_candidates[0].candidate_id


def test_evidence_moves_the_pdf_view_to_its_page_and_highlights(pane, library, pdf_candidate):
    pane.show_candidate(pdf_candidate)
    profile = library.candidate(pdf_candidate).profile
    pub = next(p for p in profile.publications if p.evidence and p.evidence.page == 2)
    assert pane.documents.pdf.current_page() == 0
    assert pane.show_evidence("publications", pub) == "pdf"
    assert pane.documents.pdf.current_page() == 2
    assert pane.documents.pdf.view.currentSearchResultIndex() >= 0


def test_evidence_not_found_in_the_pdf_falls_back_to_its_page(pane, library, pdf_candidate):
    pane.show_candidate(pdf_candidate)
    text = library.document_text(library.candidate(pdf_candidate).document_ids[0])
    email = span(text, "Rob.Hyndman@monash.edu", page=1)  # but it is on page 0
    nowhere = Value("Rob.Hyndman@monash.edu", email)
    assert pane.show_evidence("emails", nowhere) == "page"
    assert pane.documents.pdf.current_page() == 1


def test_a_missing_original_is_said_and_can_be_located(
    pane, library, pdf_candidate, monkeypatch, tmp_path
):
    doc = library.documents(pdf_candidate)[0]
    doc.stored_path.unlink()
    pane.show_candidate(pdf_candidate)
    banner = pane.documents.banner
    assert shown(banner) and "missing" in banner.message
    assert pane.documents._stack.currentWidget() is pane.documents.text

    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4 not the same")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    pane.documents.locate()
    assert "not the same file" in banner.message

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(HYNDMAN), ""))
    pane.documents.locate()
    assert doc.stored_path.is_file()
    assert banner.isHidden()
    assert pane.documents._stack.currentWidget() is pane.documents.pdf
