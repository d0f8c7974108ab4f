"""Helpers for driving the real main window offscreen.

`open_window(library_dir)` builds the window exactly as `python main.py --library DIR`
does (same argument parser, same `ui.app.build_window`), with the settings file redirected
to a temporary folder so no test touches the reviewer's own settings.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

import main as cli
from parsing.models import ParseResult, profile_from_dict
from storage.library import Library
from ui.app import build_window, settings_store
from ui.main_window import MainWindow
from ui.settings import Settings

IMPORT_TIMEOUT_S = 120


@pytest.fixture(scope="session", autouse=True)
def scratch_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


def open_window(library_dir: Path, *extra: str) -> MainWindow:
    args = cli.build_parser().parse_args(["--library", str(library_dir), *extra])
    window = build_window(args, Settings(settings_store()), interactive=False)
    assert window is not None, "the window did not open"
    window.show()
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.deleteLater()
    QApplication.processEvents()


def wait_for(condition: Callable[[], bool], timeout_s: float = IMPORT_TIMEOUT_S) -> None:
    """Process events until `condition()` holds (usable outside a function-scoped qtbot)."""
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout_s} s")
        QTest.qWait(20)


def wait_for_import(window: MainWindow, timeout_s: float = IMPORT_TIMEOUT_S) -> None:
    wait_for(lambda: not window.imports.service.is_busy(), timeout_s)


def drop_files(widget: QWidget, paths: list[str | Path]) -> tuple[bool, bool]:
    """A file-manager drop, synthesised (tech-risks §5.4: QDrag cannot be driven)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(widget.rect().center())
    args = (
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(*args)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def labels(samples: Path) -> dict[str, dict]:
    """{document stem: label} from the shared samples."""
    return {p.stem: json.loads(p.read_text()) for p in sorted((samples / "labels").glob("*.json"))}


def make_result(name: str | None, emails: tuple[str, ...] = (), kind: str = "cv", **fields):
    data = {"kind": kind, "name": name, "emails": list(emails), **fields}
    text = f"{name} {' '.join(emails)} {kind}"
    return ParseResult(path="", kind=kind, profile=profile_from_dict(data), text=text, pages=1)


def seeded_library(folder: Path, results: list[ParseResult]) -> Path:
    """A library holding hand-made parse results (no parser, no worker processes)."""
    with Library.open(folder) as library:
        library.add_parse_results(results)
    return folder


@pytest.fixture
def window_factory() -> Iterator[Callable[..., MainWindow]]:
    opened: list[MainWindow] = []

    def make(library_dir: Path, *extra: str) -> MainWindow:
        window = open_window(library_dir, *extra)
        opened.append(window)
        return window

    yield make
    for window in opened:
        if window.isVisible():
            close_window(window)


# The sample library the review, compare, pool and blind tests share.
from tests.ui.review_support import not_blind, sample_library, sample_template  # noqa: E402, F401
