"""A document's copy deleted from the library folder outside the app, seen in the real window:
the candidate stays, the viewer says the file is missing, and Locate… brings the PDF back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton

from storage.queries import CANDIDATE
from tests.ui.conftest import drop_files, wait_for, wait_for_import

CV = "14_hyndman-cv-3page.pdf"
OTHER = "04_ashton-altacv.pdf"


@pytest.fixture
def window(qapp, tmp_path: Path, samples_dir: Path, window_factory):
    window = window_factory(tmp_path / "lib")
    drop_files(window, [samples_dir / "pdf" / CV, samples_dir / "pdf" / OTHER])
    wait_for_import(window, 60)
    if window.imports.report_dialog() is not None:
        window.imports.report_dialog().close()
    return window


def _candidate_of(window, file_name: str) -> int:
    docs = [d for d in window.library.documents() if Path(d.source_path).name == file_name]
    return docs[0].candidate_id


def test_a_deleted_copy_is_said_and_located_again(window, samples_dir, monkeypatch) -> None:
    cv = _candidate_of(window, CV)
    window.candidate_list.select_key((CANDIDATE, _candidate_of(window, OTHER)))
    stored = window.library.documents(cv)[0].stored_path
    stored.unlink()  # the reviewer's file manager, in the library's files folder

    window.candidate_list.select_key((CANDIDATE, cv))
    documents = window.profile.pane.documents
    banner = documents.banner
    wait_for(lambda: not banner.isHidden(), 5)
    assert "The original file is missing" in banner.message and CV in banner.message
    assert window.model.get((CANDIDATE, cv)) is not None  # the candidate stays
    assert documents.pdf.isHidden() and not documents.text.isHidden()  # its text instead
    locate = next(b for b in banner.findChildren(QPushButton) if b.text() == "Locate…")
    assert not locate.isHidden()

    original = str(samples_dir / "pdf" / CV)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (original, ""))
    locate.click()
    assert stored.is_file()
    assert banner.isHidden()
    assert not documents.pdf.isHidden()  # the PDF again
