"""A new reviewer's first minutes: the empty state, then the bundled sample candidates."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from tests.ui.conftest import wait_for, wait_for_import
from ui.import_flow import SAMPLES_DIR


def test_an_empty_library_shows_where_to_drop_files(tmp_path, window_factory) -> None:
    window = window_factory(tmp_path / "empty")
    assert window.central.currentWidget() is window.empty_state
    assert window.empty_state.isVisible()
    buttons = {b.objectName(): b for b in window.empty_state.findChildren(QPushButton)}
    assert set(buttons) == {"importButton", "samplesButton"}
    assert "Drop CVs here" in window.empty_state.findChild(object, "emptyTitle").text()
    assert window.status.counts_label.text() == "0 candidates"


def test_sample_candidates_import_through_the_normal_path(tmp_path, window_factory) -> None:
    window = window_factory(tmp_path / "empty")
    samples = window.empty_state.findChild(QPushButton, "samplesButton")
    samples.click()
    assert window.imports.service.is_busy()
    wait_for_import(window)
    assert window.central.currentWidget() is window.candidate_list
    summary = window.imports.service.last_report.summary
    assert not summary.failed
    documents = [p for p in SAMPLES_DIR.iterdir() if p.suffix in (".pdf", ".txt", ".md")]
    assert summary.added == len(documents)
    rows = window.model.all_rows()
    okafor = [r for r in rows if r.name.startswith("Amara")]
    assert len(okafor) == 1, "her research statement joins her CV"
    assert (okafor[0].cvs, okafor[0].statements) == (1, 1)
    assert sum(r.is_unassigned for r in rows) == 1  # the unsigned personal statement
    wait_for(lambda: window.candidate_list.current_key() is not None, 5)  # one is shown
