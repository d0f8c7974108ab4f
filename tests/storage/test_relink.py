"""A document deleted or moved outside the app: the candidate stays, `show` says the
original is missing, and `storage.relink` brings the library's copy back by its hash.

The reviewer's own file is never needed after the import (the library keeps a copy), so
moving it changes nothing; losing the library's copy is what `relink` is for.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import main
from parsing.pipeline import parse_file
from storage.files import hash_file
from storage.library import Library
from storage.models import ImportItem
from storage.relink import RelinkMismatchError, original_missing, relink_document
from storage.views import MISSING

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "lukas-brandt-cv.txt"


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path, int, int]:
    """A library with the sample CV imported from the reviewer's folder, and a note on it.
    Returns (library folder, the reviewer's file, candidate id, document id)."""
    source = tmp_path / "inbox" / "cv.txt"
    source.parent.mkdir()
    shutil.copyfile(SAMPLE, source)
    folder = tmp_path / "lib"
    with Library.open(folder) as library:
        item = ImportItem(parse_file(source), hash_file(source), str(source))
        placed = library.add_parse_results([item]).new_candidates[0]
        library.set_review(placed.candidate_id, notes="keep this note")
    return folder, source, placed.candidate_id, placed.document_id


def _show(folder: Path, cid: int, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    capsys.readouterr()
    assert main.main(["show", str(cid), *extra, "--library", str(folder)]) == 0
    return capsys.readouterr().out


def test_moving_the_reviewers_own_file_changes_nothing(imported, tmp_path, capsys) -> None:
    folder, source, cid, did = imported
    source.rename(tmp_path / "elsewhere.txt")
    with Library.open(folder) as library:
        assert not original_missing(library, did)
    assert MISSING not in _show(folder, cid, capsys)


def test_deleted_copy_keeps_the_candidate_and_show_says_it_is_missing(imported, capsys) -> None:
    folder, _source, cid, did = imported
    with Library.open(folder) as library:
        copy = library.document(did).stored_path
        text = library.document_text(did)
    assert copy is not None
    copy.unlink()
    with Library.open(folder) as library:
        candidate = library.candidate(cid)
        assert candidate.profile.name and candidate.profile.name.text == "Lukas Brandt"
        assert candidate.review.notes == "keep this note"
        assert library.document_text(did) == text  # the text lives apart from the copy
        assert original_missing(library, did)
    assert MISSING in _show(folder, cid, capsys)
    shown = json.loads(_show(folder, cid, capsys, "--json"))
    assert [d["original_missing"] for d in shown["documents"]] == [True]


def test_relink_by_hash_refuses_other_content_and_restores_the_copy(imported, tmp_path, capsys):
    folder, source, cid, did = imported
    with Library.open(folder) as library:
        copy = library.document(did).stored_path
    assert copy is not None
    moved = tmp_path / "backup-drive" / "renamed.txt"
    moved.parent.mkdir()
    copy.rename(moved)  # moved out of the library folder behind the app's back
    other = tmp_path / "other.txt"
    other.write_text(SAMPLE.read_text(encoding="utf-8") + "\nchanged\n", encoding="utf-8")
    with Library.open(folder) as library:
        with pytest.raises(RelinkMismatchError):
            relink_document(library, did, other)
        assert original_missing(library, did)
        restored = relink_document(library, did, moved)
        assert restored.is_file() and hash_file(restored) == hash_file(source)
        assert not original_missing(library, did)
    with Library.open(folder) as library:  # the re-link is saved, the review untouched
        assert not original_missing(library, did)
        assert library.candidate(cid).review.notes == "keep this note"
    assert MISSING not in _show(folder, cid, capsys)
    assert moved.is_file()  # the reviewer's file is copied, never taken
