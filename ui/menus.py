"""Where each action appears: the menu bar and the toolbar. The actions themselves are
declared in `ui/actions.py`; this module only arranges them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from ui.actions import Act

_MENUS: dict[str, Sequence[Act | str | None]] = {
    "&File": (
        Act.IMPORT_FILES,
        Act.IMPORT_FOLDER,
        Act.OPEN_SAMPLES,
        Act.SHOW_IMPORT_REPORT,
        None,
        Act.EXPORT,
        None,
        Act.NEW_LIBRARY,
        Act.OPEN_LIBRARY,
        "recent",
        None,
        Act.QUIT,
    ),
    "&Edit": (Act.UNDO, Act.REDO, None, Act.FIND, None, Act.PREFERENCES),
    "&Candidate": (
        Act.NEXT_CANDIDATE,
        Act.PREVIOUS_CANDIDATE,
        None,
        Act.TOGGLE_SHORTLIST,
        Act.REJECT,
        Act.ADD_TAG,
        Act.FOCUS_NOTES,
        Act.COMPARE,
        None,
        Act.BULK_STATUS,
        Act.BULK_ADD_TAG,
        Act.BULK_REMOVE_TAG,
        Act.BULK_SHORTLIST,
        Act.BULK_UNSHORTLIST,
        None,
        Act.RANK_UP,
        Act.RANK_DOWN,
        Act.RANK_TIE,
        None,
        Act.ASSIGN_DOCUMENT,
        Act.MAKE_OWN_CANDIDATE,
    ),
    "&View": ("docks", None, Act.BLIND_REVIEW, None, "theme", Act.RESET_LAYOUT),
    "&Help": (Act.SHORTCUTS, None, Act.ABOUT),
}

_TOOLBAR = (
    Act.IMPORT_FILES,
    None,
    Act.UNDO,
    Act.REDO,
    None,
    Act.PREVIOUS_CANDIDATE,
    Act.NEXT_CANDIDATE,
    Act.TOGGLE_SHORTLIST,
    None,
    Act.BLIND_REVIEW,
)

_WITH_TEXT = (Act.IMPORT_FILES, Act.TOGGLE_SHORTLIST)  # the rest are known by their icons

THEME_ACTIONS = {"system": Act.THEME_SYSTEM, "light": Act.THEME_LIGHT, "dark": Act.THEME_DARK}


def build_menus(
    window: QMainWindow, actions: dict[Act, QAction], dock_toggles: list[QAction]
) -> QMenu:
    """Fill the menu bar; returns the (empty) recent-libraries menu for the window to fill."""
    recent = QMenu("Open &Recent", window)
    for title, entries in _MENUS.items():
        menu = window.menuBar().addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif entry == "recent":
                menu.addMenu(recent)
            elif entry == "docks":
                menu.addActions(dock_toggles)
            elif entry == "theme":
                menu.addMenu(_theme_menu(window, actions))
            else:
                assert isinstance(entry, Act)
                menu.addAction(actions[entry])
    return recent


def _theme_menu(window: QMainWindow, actions: dict[Act, QAction]) -> QMenu:
    menu = QMenu("&Theme", window)
    group = QActionGroup(window)
    group.setExclusive(True)
    for act in THEME_ACTIONS.values():
        group.addAction(actions[act])
        menu.addAction(actions[act])
    return menu


def build_toolbar(window: QMainWindow, actions: dict[Act, QAction]) -> QToolBar:
    bar = QToolBar("Toolbar", window)
    bar.setObjectName("mainToolbar")  # saveState() needs a name
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for entry in _TOOLBAR:
        if entry is None:
            bar.addSeparator()
            continue
        bar.addAction(actions[entry])
        if entry in _WITH_TEXT:
            button = bar.widgetForAction(actions[entry])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar
