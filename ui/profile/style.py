"""The pane's few visual constants and helpers, derived from the palette so both themes work.

qdarktheme styles the app; the pane adds only what it needs to say something: an amber
mark for values to check, an accent mark for the reviewer's edits, a red border for an
input that will not be saved, and quiet cards around repeating entries.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

SPACING = 8  # the pane's grid: margins and gaps are multiples of it

AMBER_LIGHT, AMBER_DARK = "#b7791f", "#e3a93b"
RED_LIGHT, RED_DARK = "#c53030", "#f07171"
# The theme's highlight is a selection background (pale in light themes), not a text colour.
ACCENT_LIGHT, ACCENT_DARK = "#2b6cb0", "#7fb0ff"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def amber(palette: QPalette) -> str:
    return AMBER_DARK if is_dark(palette) else AMBER_LIGHT


def red(palette: QPalette) -> str:
    return RED_DARK if is_dark(palette) else RED_LIGHT


def mix(a: QColor, b: QColor, t: float) -> str:
    """`a` moved `t` of the way to `b`, as #rrggbb (for muted text and hairlines)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    ).name()


def muted(palette: QPalette) -> str:
    role = QPalette.ColorRole
    return mix(palette.color(role.WindowText), palette.color(role.Window), 0.36)


def hairline(palette: QPalette) -> str:
    role = QPalette.ColorRole
    return mix(palette.color(role.WindowText), palette.color(role.Window), 0.82)


def accent(palette: QPalette) -> str:
    return ACCENT_DARK if is_dark(palette) else ACCENT_LIGHT


def pane_qss(palette: QPalette) -> str:
    """Rules for the forms; set on the edit panel, so they reach only its children."""
    line, tint = (
        hairline(palette),
        mix(palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Base), 0.5),
    )
    return f"""
    QFrame#entryCard {{ border: 1px solid {line}; border-radius: 6px; background: {tint}; }}
    QFrame#entryCard[flagged="true"] {{ border-left: 3px solid {amber(palette)}; }}
    QFrame#pendingBar {{ border: 1px solid {amber(palette)}; border-radius: 6px; }}
    QLineEdit[invalid="true"], QPlainTextEdit[invalid="true"] {{
        border: 1px solid {red(palette)}; }}
    QLabel#problem {{ color: {red(palette)}; }}
    QLabel#muted, QLabel#entryTitle {{ color: {muted(palette)}; }}
    QLabel#fieldTitle {{ font-weight: 600; }}
    QLabel#editedMark {{ color: {accent(palette)}; font-weight: 600; }}
    QLabel#flagMark {{ color: {amber(palette)}; }}
    QFrame#fieldSeparator {{ border: none; border-top: 1px solid {line}; }}
    """


def label(text: str, name: str = "", parent: QWidget | None = None) -> QLabel:
    """A plain-text label (never rich text: values come from untrusted documents)."""
    widget = QLabel(parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setText(text)
    if name:
        widget.setObjectName(name)
    return widget


class ElidedLabel(QLabel):
    """One line of plain text that gives way (with …) instead of widening its parent."""

    def __init__(self, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, self.width()))


def set_invalid(widget: QWidget, invalid: bool) -> None:
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)  # a dynamic property only restyles after a re-polish
    widget.style().polish(widget)
