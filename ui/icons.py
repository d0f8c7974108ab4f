"""Icons drawn for Shortlist (resources/icons/*.svg), tinted with the current palette.

An SVG that says `currentColor` is painted in the palette's text colour at paint time, so
one file serves the light and the dark theme (the way qdarktheme tints Qt's standard
icons). Coloured icons (the star, the "in library" mark) keep their own colours.

Rendered pixmaps are cached per size, mode and colour: a table repaints its icons on every
scroll and update, and parsing an SVG each time costs the GUI thread a millisecond a go.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"


@cache
def _source(name: str) -> str:
    return (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")


def _color(mode: QIcon.Mode) -> tuple[str, float]:
    """The palette's text colour as #rrggbb and an opacity (a disabled colour is the
    enabled one made translucent, which SVG colours cannot say)."""
    disabled = mode == QIcon.Mode.Disabled
    group = QPalette.ColorGroup.Disabled if disabled else QPalette.ColorGroup.Active
    color = QGuiApplication.palette().color(group, QPalette.ColorRole.Text)
    opacity = color.alphaF()
    return color.name(), round(opacity, 2)


@cache
def _rendered(name: str, width: int, height: int, color: str, opacity: float) -> QPixmap:
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    svg = _source(name).replace("currentColor", color)
    painter = QPainter(pixmap)
    painter.setOpacity(opacity)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, QRectF(0, 0, width, height))
    painter.end()
    return pixmap


class _TintedSvgEngine(QIconEngine):
    def __init__(self, name: str):
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        size = QSize(round(rect.width() * ratio), round(rect.height() * ratio))
        painter.drawPixmap(rect, self.pixmap(size, mode, state))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return _rendered(self._name, size.width(), size.height(), *_color(mode))

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._name)


def icon(name: str) -> QIcon:
    """The icon resources/icons/<name>.svg."""
    return QIcon(_TintedSvgEngine(name))
