"""File > Export…: the dialog's choices reach the export; replacing a file needs a yes."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from storage.library import Library
from tests.storage.test_export_formats import build_library
from ui.dialogs.export_dialog import ExportDialog


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "library")
    yield lib
    lib.close(discard_unsaved=True)


def _dialog(qtbot, library: Library, selected: list[int], answers: dict) -> ExportDialog:
    dialog = ExportDialog(library, selected)
    qtbot.addWidget(dialog)
    dialog.confirm_replace = lambda path: answers.setdefault("replace", False)
    dialog.report_success = lambda result: answers.setdefault("done", result)
    dialog.report_error = lambda message: answers.setdefault("error", message)
    return dialog


def _pick(dialog: ExportDialog, fmt: str, scope: str, path: Path) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    next(b for b in dialog.scope.buttons() if b.property("scope") == scope).setChecked(True)
    dialog.output.setText(str(path))


def test_selection_with_chosen_columns(qtbot, library, tmp_path) -> None:
    people = build_library(library, tmp_path / "docs")
    answers: dict = {}
    dialog = _dialog(qtbot, library, [people["grace"]], answers)
    _pick(dialog, "csv", "selection", tmp_path / "out.txt")
    for i in range(dialog.columns.count()):
        item = dialog.columns.item(i)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("name", "score")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    dialog.export_now()
    assert answers["done"].candidates == 1 and "error" not in answers
    with open(tmp_path / "out.txt", encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh)) == [["Name", "Score"], ["Grace Hopper", "5.0"]]


def test_format_change_follows_suffix_and_replace_needs_consent(qtbot, library, tmp_path):
    build_library(library, tmp_path / "docs")
    answers: dict = {}
    dialog = _dialog(qtbot, library, [], answers)
    assert not next(
        b for b in dialog.scope.buttons() if b.property("scope") == "selection"
    ).isEnabled()
    dialog.output.setText(str(tmp_path / "report.csv"))
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    assert dialog.output.text() == str(tmp_path / "report.pdf")
    assert not dialog.columns.isEnabled()
    (tmp_path / "report.pdf").write_text("keep")
    dialog.export_now()  # the reviewer says no
    assert (tmp_path / "report.pdf").read_text() == "keep" and "done" not in answers
    answers["replace"] = True
    dialog.anonymised.setChecked(True)
    dialog.export_now()
    assert answers["done"].candidates == 3
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
