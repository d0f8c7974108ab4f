"""Start the window: check the platform, create the application, open the library, show.

`build_window` is what both `run_app` and the UI tests use, so the tests drive the window
exactly as a reviewer gets it.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from storage.errors import LibraryError
from storage.library import Library
from ui import settings as S
from ui.dialogs.library_problems import open_library
from ui.icons import icon
from ui.main_window import MainWindow
from ui.platform_check import platform_problem
from ui.settings import Settings
from ui.theme import apply_theme

SCREENSHOT_SIZE = (1680, 1000)
SETTLE_MS = 700  # lets the profile pane load and paint the document before the grab


def settings_store() -> QSettings:
    """The reviewer's settings file (tests point QSettings' user path elsewhere)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Shortlist", "Shortlist"
    )


def _scratch_store() -> QSettings:
    folder = tempfile.mkdtemp(prefix="shortlist-screenshot-")
    return QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Shortlist")
    app.setOrganizationName("Shortlist")
    app.setWindowIcon(icon("library"))
    return app  # type: ignore[return-value]


def library_path(args: argparse.Namespace, settings: Settings) -> str | None:
    """--library, else the last library used, else the default (None)."""
    return getattr(args, "library", None) or settings.get(S.LIBRARY_DIR) or None


def build_window(
    args: argparse.Namespace, settings: Settings, interactive: bool = True
) -> MainWindow | None:
    """Theme, library and window; None (after saying why) when no library can be opened."""
    app = make_application()
    apply_theme(app, getattr(args, "theme", None) or settings.get(S.THEME))
    path = library_path(args, settings)
    library = open_library(None, path) if interactive else _open_quietly(path)
    if library is None:
        return None
    settings.remember_library(str(library.path))
    window = MainWindow(settings, library)
    # What exists now lives as long as the window: keeping it out of the collector's scans
    # shortens every later collection (measured up to 50 ms during a large import).
    gc.freeze()
    return window


def _open_quietly(path: str | None) -> Library | None:
    try:
        return Library.open(path)
    except LibraryError as error:
        print(f"shortlist: {error}", file=sys.stderr)
        return None


def run_app(args: argparse.Namespace) -> int:
    screenshot = getattr(args, "screenshot", None)
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    problem = platform_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    # A screenshot neither reads nor changes the reviewer's window layout.
    store = _scratch_store() if screenshot else settings_store()
    window = build_window(args, Settings(store), interactive=not screenshot)
    if window is None:
        return 2
    if screenshot:
        return save_screenshot(window, Path(screenshot), getattr(args, "select", 1))
    window.show()
    return QApplication.instance().exec()  # type: ignore[union-attr]


def save_screenshot(window: MainWindow, target: Path, select: int) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    position = window.model.candidate_row(max(select, 1) - 1)  # candidates, 1-based
    window.candidate_list.select_row(position if position >= 0 else 0)
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()
    target.parent.mkdir(parents=True, exist_ok=True)
    saved = window.grab().save(str(target), "PNG")
    window.close()
    if not saved:
        print(f"shortlist: could not write {target}", file=sys.stderr)
        return 1
    print(f"saved {target}")
    return 0
