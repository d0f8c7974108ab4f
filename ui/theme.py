"""Light, dark, or the system's choice, applied with qdarktheme.

Never `qdarktheme.setup_theme("auto")`: on Linux it starts a `gsettings monitor` process that
outlives the app and holds the parent's stderr open (tech-risks R-TH1). Following the system
goes through Qt's own `styleHints().colorScheme()` instead.
"""

from __future__ import annotations

import qdarktheme
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

THEMES: tuple[str, ...] = ("system", "light", "dark")
THEME_LABELS = {"system": "Follow the system", "light": "Light", "dark": "Dark"}

_CHOICE = "shortlist_theme_choice"
_APPLIED = "shortlist_theme"
_FOLLOWING = "shortlist_theme_following"

# qdarktheme's defaults are close; these make the list read like a table, not a form.
_EXTRA_QSS = """
QTableView { gridline-color: transparent; }
QTableView::item { padding: 0 6px; }
QHeaderView::section { padding: 4px 6px; }
QStatusBar QLabel { padding: 0 6px; }
"""


def resolve(choice: str, scheme: Qt.ColorScheme) -> str:
    """'light' or 'dark'. An unknown system scheme (offscreen, old desktops) means light."""
    if choice in ("light", "dark"):
        return choice
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, choice: str) -> str:
    """Apply `choice` (light | dark | system) and keep following the system if asked to.
    Returns the theme applied."""
    app.setProperty(_CHOICE, choice if choice in THEMES else "system")
    if not app.property(_FOLLOWING):
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _follow(app))
        app.setProperty(_FOLLOWING, True)
    return _setup(app)


def applied_theme(app: QApplication) -> str:
    return app.property(_APPLIED) or "light"


def _follow(app: QApplication) -> None:
    if app.property(_CHOICE) == "system":
        _setup(app)


def _setup(app: QApplication) -> str:
    theme = resolve(app.property(_CHOICE), app.styleHints().colorScheme())
    if app.property(_APPLIED) != theme:
        qdarktheme.setup_theme(theme, additional_qss=_EXTRA_QSS)
        # setup_theme leaves most palette roles light (its style sheet paints the widgets);
        # the full palette lets palette readers (tinted icons, the profile pane) match.
        app.setPalette(qdarktheme.load_palette(theme))
        app.setProperty(_APPLIED, theme)
    return theme
