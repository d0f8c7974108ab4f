"""The Pool dock: two small histograms (total scores, publication counts) drawn with
QPainter, the selected candidate's bar in the accent colour with a marker under it.

QtCharts is not part of PySide6-Essentials, and two bar charts do not need it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from storage.queries import ListRow
from ui.profile.style import accent, hairline, muted
from ui.views.pool_data import Histogram, publication_histogram, score_histogram

PAD = 8
TITLE_H = 18
LABEL_H = 14
MARK_H = 6


class PoolChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("poolChart")
        self.setMinimumSize(220, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.histograms: list[Histogram] = []
        self._bars: list[tuple[QRectF, Histogram, int]] = []  # for tooltips

    def sizeHint(self) -> QSize:
        return QSize(300, 260)

    def set_pool(self, rows: Sequence[ListRow], selected: int | None) -> None:
        self.histograms = [score_histogram(rows, selected), publication_histogram(rows, selected)]
        self.update()

    # ------------------------------------------------------------------ drawing

    def _areas(self) -> list[QRect]:
        """One area per histogram: side by side when wide, stacked when tall."""
        r = self.rect().adjusted(PAD, PAD, -PAD, -PAD)
        n = max(len(self.histograms), 1)
        if r.width() > r.height() * 2.4:
            w = (r.width() - PAD * (n - 1)) // n
            return [QRect(r.x() + i * (w + PAD), r.y(), w, r.height()) for i in range(n)]
        h = (r.height() - PAD * (n - 1)) // n
        return [QRect(r.x(), r.y() + i * (h + PAD), r.width(), h) for i in range(n)]

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._bars = []
        for histogram, area in zip(self.histograms, self._areas(), strict=False):
            self._draw(painter, histogram, area)
        painter.end()

    def _draw(self, painter: QPainter, histogram: Histogram, area: QRect) -> None:
        palette = self.palette()
        text, quiet = palette.color(QPalette.ColorRole.WindowText), QColor(muted(palette))
        painter.setPen(text)
        head = f"{histogram.title} · {histogram.total} candidates"
        if histogram.left_out:
            head += f" · {histogram.left_out} {histogram.left_out_reason}"
        elided = self.fontMetrics().elidedText(head, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(QRect(area.x(), area.y(), area.width(), TITLE_H), 0, elided)
        plot = QRectF(area.adjusted(0, TITLE_H, 0, -(LABEL_H + MARK_H)))
        n, peak = len(histogram.counts), max(max(histogram.counts, default=0), 1)
        slot = plot.width() / max(n, 1)
        widest = max((self.fontMetrics().horizontalAdvance(t) for t in histogram.labels), default=0)
        every = 1 if widest + 6 <= slot else 2  # labels never overlap: every other one
        painter.setPen(QColor(hairline(palette)))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for i, count in enumerate(histogram.counts):
            height = plot.height() * count / peak
            bar = QRectF(plot.x() + i * slot + 2, plot.bottom() - height, slot - 4, height)
            marked = i == histogram.marked
            colour = QColor(accent(palette)) if marked else quiet
            painter.fillRect(bar, colour)
            self._bars.append(
                (QRectF(plot.x() + i * slot, plot.y(), slot, plot.height()), histogram, i)
            )
            if marked:
                self._marker(painter, bar.center().x(), plot.bottom() + 1, colour)
            if i % every == 0:
                painter.setPen(quiet)
                label = QRectF(
                    plot.x() + i * slot - slot / 2, plot.bottom() + MARK_H, slot * 2, LABEL_H
                )
                painter.drawText(label, Qt.AlignmentFlag.AlignCenter, histogram.labels[i])

    def _marker(self, painter: QPainter, x: float, y: float, colour: QColor) -> None:
        triangle = QPolygonF(
            [QPointF(x, y), QPointF(x - 4, y + MARK_H), QPointF(x + 4, y + MARK_H)]
        )
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(triangle)

    # ------------------------------------------------------------------ tooltips

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = next((b for b in self._bars if b[0].contains(QPointF(event.pos()))), None)
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), hit[1].describe(hit[2]), self)
            return True
        return super().event(event)
