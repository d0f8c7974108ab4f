"""One real import, shared by the module: the shared sample PDFs and texts plus two hostile
files are dropped on the window and parsed by real worker processes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from storage.queries import CANDIDATE, UNASSIGNED
from tests.ui.conftest import close_window, drop_files, labels, open_window, wait_for_import
from ui.models.columns import Col
from ui.models.report_model import FAILED


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    html = folder / "page-saved-as.pdf"
    html.write_text("<!doctype html><html><body>Not a CV</body></html>")
    truncated = folder / "truncated-cv.pdf"
    data = (samples_dir / "pdf" / "14_hyndman-cv-3page.pdf").read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    return {"html": html, "truncated": truncated}


@pytest.fixture(scope="module")
def imported(
    qapp, tmp_path_factory: pytest.TempPathFactory, samples_dir: Path, hostile: dict[str, Path]
):
    window = open_window(tmp_path_factory.mktemp("library"))
    documents = sorted((samples_dir / "pdf").glob("*.pdf"))
    documents += sorted((samples_dir / "text").glob("*.txt"))
    began = time.monotonic()
    accepted = drop_files(window, [*documents, *hostile.values()])
    drop_seconds = time.monotonic() - began
    assert window.imports.service.is_busy()
    wait_for_import(window)
    yield window, accepted, drop_seconds, documents
    close_window(window)


def test_the_drop_is_accepted_and_returns_at_once(imported) -> None:
    _window, accepted, drop_seconds, _docs = imported
    assert accepted == (True, True)
    assert drop_seconds < 0.5  # the parsing happens after the drop handler returned


def test_each_labelled_cv_is_a_candidate_under_its_name(imported, samples_dir) -> None:
    window = imported[0]
    rows = [r for r in window.model.all_rows() if not r.is_unassigned]
    for stem, label in labels(samples_dir).items():
        if label["kind"] != "cv":
            continue
        emails = {e.lower() for e in label["emails"]}
        if label["name"] is None:  # the CV with no name is listed under its email
            matches = [r for r in rows if r.email.lower() in emails]
            assert [r.name for r in matches] == [""], f"{stem}: {emails} in {rows}"
        else:
            matches = [r for r in rows if r.name == label["name"]]
            assert len(matches) == 1, f"{stem}: {label['name']} in {[r.name for r in rows]}"


def test_unnamed_cv_shows_its_email_in_the_name_column(imported, samples_dir) -> None:
    window = imported[0]
    label = labels(samples_dir)["001_e51807f830c556be"]
    email = label["emails"][0].lower()
    position = next(
        i
        for i in range(window.model.rowCount())
        if window.model.get(window.model.key_at(i)).email.lower() == email
    )
    shown = window.model.index(position, Col.NAME).data()
    assert shown.lower() == email


def test_named_statement_is_its_own_candidate(imported, samples_dir) -> None:
    window = imported[0]
    label = labels(samples_dir)["003_8faa7dee4e3edcec"]
    rows = [r for r in window.model.all_rows() if r.name == label["name"]]
    assert len(rows) == 1 and rows[0].key[0] == CANDIDATE
    assert rows[0].statements == 1 and rows[0].cvs == 0


def test_unnamed_statement_waits_unassigned(imported) -> None:
    window = imported[0]
    loose = [r for r in window.model.all_rows() if r.is_unassigned]
    assert [r.file_names for r in loose] == [("002_24c953879f26d9dd.txt",)]
    assert loose[0].key[0] == UNASSIGNED


def test_hostile_files_are_reported_with_reasons_and_the_rest_imported(imported, hostile) -> None:
    window, _accepted, _seconds, documents = imported
    dialog = window.imports.report_dialog()
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.model.row_at(i) for i in range(dialog.model.rowCount())]
    failed = {r.path: r.detail for r in rows if r.outcome == FAILED}
    assert set(failed) == {str(p) for p in hostile.values()}
    assert "HTML" in failed[str(hostile["html"])]
    assert "corrupt" in failed[str(hostile["truncated"])].lower()
    report = window.imports.service.last_report
    assert report.summary.added == len(documents)


def test_failed_row_reveals_the_file_in_the_browser(imported, hostile) -> None:
    window = imported[0]
    dialog = window.imports.report_dialog()
    position = next(
        i
        for i in range(dialog.model.rowCount())
        if dialog.model.row_at(i).path == str(hostile["html"])
    )
    dialog.table.doubleClicked.emit(dialog.model.index(position, 0))
    assert window.browser.root() == str(hostile["html"].parent)


def test_file_browser_marks_imported_files(imported, samples_dir, hostile) -> None:
    window = imported[0]
    assert window.browser.model.is_known(str(samples_dir / "pdf" / "04_ashton-altacv.pdf"))
    assert not window.browser.model.is_known(str(hostile["html"]))


def test_j_and_k_move_the_selection(imported) -> None:
    window = imported[0]
    report = window.imports.report_dialog()
    if report is not None:
        report.close()  # shortcuts belong to the active window: the report was on top
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window)
    window.candidate_list.select_row(0)
    window.candidate_list.table.setFocus()
    QTest.keyClick(window.candidate_list.table, Qt.Key.Key_J)
    assert window.candidate_list.table.currentIndex().row() == 1
    QTest.keyClick(window.candidate_list.table, Qt.Key.Key_J)
    QTest.keyClick(window.candidate_list.table, Qt.Key.Key_K)
    assert window.candidate_list.table.currentIndex().row() == 1


def test_search_filters_in_the_model(imported, samples_dir) -> None:
    window = imported[0]
    name = labels(samples_dir)["14_hyndman-cv-3page"]["name"]
    window.candidate_list.search.setText(name.split()[-1].lower())
    QTest.qWait(250)  # the search waits for a pause in typing
    assert window.model.rowCount() == 1
    assert window.model.get(window.model.key_at(0)).name == name
    window.candidate_list.search.clear()
    QTest.qWait(250)
    assert window.model.rowCount() == window.model.total()


def test_dropping_the_same_files_again_finds_duplicates(imported) -> None:
    window, _accepted, _seconds, documents = imported
    before = window.model.total()
    drop_files(window.candidate_list.search, documents[:2])  # a child widget, not the window
    wait_for_import(window)
    summary = window.imports.service.last_report.summary
    assert len(summary.duplicates) == 2 and summary.added == 0
    assert window.model.total() == before
