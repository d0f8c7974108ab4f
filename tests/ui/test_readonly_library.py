"""The library folder becomes read-only while the window is open, then writable again.

Tests run as root, where chmod stops no write: the library's writes are made to fail the
way a read-only folder fails them (EACCES from the atomic write), then allowed again.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from storage import atomic_storage
from storage.library import Library
from tests.ui.conftest import close_window, make_result, seeded_library, wait_for
from ui.actions import Act
from ui.save_warning import unsaved_text

RETRY_WAIT_S = 3.0  # the writer retries a failed save every 2 s


class Writes:
    """A switch over the atomic writes of library.json and the document texts."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, code: int):
        self.blocked = False
        self.refused = 0
        real = atomic_storage._write_all

        def write_all(fd: int, payload: bytes) -> None:
            if self.blocked:
                self.refused += 1
                raise PermissionError(code, "simulated")
            real(fd, payload)

        monkeypatch.setattr(atomic_storage, "_write_all", write_all)


@pytest.fixture
def window(qapp, tmp_path: Path, window_factory):
    folder = seeded_library(tmp_path / "lib", [make_result("Ada Lovelace", ("ada@example.org",))])
    window = window_factory(folder)
    wait_for(lambda: window.model.rowCount() == 1, 5)
    window.candidate_list.select_row(0)
    return window


def _ada(window):
    return window.model.get(window.model.key_at(0))


def test_a_read_only_folder_is_said_the_edit_stays_and_is_saved_later(
    window, monkeypatch, tmp_path
) -> None:
    writes = Writes(monkeypatch, errno.EACCES)
    writes.blocked = True
    window.actions[Act.TOGGLE_SHORTLIST].trigger()  # an undo command, saved in the background
    label = window.status.saved_label
    wait_for(lambda: "read-only" in label.text(), 5)
    assert label.text() == (
        "Not saved: the library folder is read-only: changes are kept in memory, not saved"
    )
    box = window.save_warning.box
    assert box is not None and box.isVisible() and "read-only" in box.text()
    assert _ada(window).shortlisted  # the edit stays visible
    assert window.undo_stack.count() == 1

    box.close()
    refused = writes.refused
    wait_for(lambda: writes.refused > refused, RETRY_WAIT_S)  # it tried again...
    assert window.save_warning.box is None  # ...without warning twice

    writes.blocked = False
    wait_for(lambda: label.text() == "All changes saved", RETRY_WAIT_S + 2)
    assert "Saved again" in window.statusBar().currentMessage()
    candidate_id = window.model.key_at(0)[1]
    close_window(window)
    with Library.open(tmp_path / "lib") as library:
        assert library.candidate(candidate_id).review.shortlisted


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        (errno.EROFS, "the library folder is read-only"),
        (errno.ENOSPC, "the disk is full"),
        (errno.EIO, "cannot save the library: Input/output error"),
    ],
)
def test_each_cause_has_its_own_words(code: int, shown: str) -> None:
    error = atomic_storage.describe_write_failure(OSError(code, os.strerror(code)))
    assert unsaved_text(error) == f"Not saved: {shown}: changes are kept in memory, not saved"
