"""The PDF report on paper: HTML from storage/export/report_html.py laid out by
QTextDocument and written by QPdfWriter. A4, generous margins, and a footer with the page
number on every page (QTextDocument.print_ would add its own, fixed, footer instead).

Works with only a QGuiApplication: the command line has none, so one is made on the
offscreen platform (no display needed, and the reviewer never has to set QT_QPA_PLATFORM).
Glyphs missing from the main font (Chinese, Japanese, Korean names) come from whatever
fallback font the system has: install a CJK font (Noto Sans CJK) or they print as boxes.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

RESOLUTION = 96  # CSS pixels are device pixels: at 96 dpi a "px" is what HTML means by one
MARGINS_MM = QMarginsF(18, 16, 18, 12)  # left, top, right, bottom
FOOTER_MM = 9.0
FOOTER_COLOR = QColor("#5f6b76")

_own_app: QGuiApplication | None = None  # kept alive for the rest of a CLI run


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen one when there is none (CLI)."""
    global _own_app
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # an explicit choice wins
        _own_app = QGuiApplication(["shortlist"])
        app = _own_app
    return app  # type: ignore[return-value]


def _mm(mm: float) -> float:
    return mm / 25.4 * RESOLUTION


def _writer(output: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(output))
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Shortlist")
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )
    writer.setPageLayout(layout)
    return writer


def _document(html: str, writer: QPdfWriter, width: float, height: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # point sizes in the writer's resolution
    doc.setDefaultFont(QFont(["Noto Sans", "DejaVu Sans", "Arial", "sans-serif"], 10))
    doc.setDocumentMargin(0)
    doc.setUseDesignMetrics(True)  # unhinted widths: even letter spacing at any resolution
    doc.setHtml(html)
    doc.setPageSize(QSizeF(width, height))
    return doc


def render_pdf(html: str, output: str | Path, *, title: str = "Shortlist", footer: str = "") -> int:
    """Write `html` as an A4 PDF at `output`; returns the number of pages."""
    ensure_gui_app()
    writer = _writer(Path(output), title)
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    body_height = page.height() - _mm(FOOTER_MM)
    doc = _document(html, writer, page.width(), body_height)
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF report to {output}")
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            _draw_page(painter, doc, index, page.width(), body_height)
            _draw_footer(painter, index + 1, pages, page.width(), page.height(), footer)
    finally:
        painter.end()
    return pages


def _draw_page(painter: QPainter, doc: QTextDocument, index: int, width: float, height: float):
    painter.save()
    painter.translate(0, -index * height)
    doc.drawContents(painter, QRectF(0, index * height, width, height))
    painter.restore()


def _draw_footer(
    painter: QPainter, number: int, pages: int, width: float, height: float, text: str
) -> None:
    painter.save()
    font = QFont(["Noto Sans", "DejaVu Sans", "Arial", "sans-serif"])
    font.setPointSizeF(7.5)
    painter.setFont(font)
    painter.setPen(FOOTER_COLOR)
    band = QRectF(0, height - _mm(FOOTER_MM) * 0.6, width, _mm(FOOTER_MM) * 0.6)
    painter.drawLine(band.topLeft(), band.topRight())
    align = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(band, align | Qt.AlignmentFlag.AlignLeft, text)
    painter.drawText(band, align | Qt.AlignmentFlag.AlignRight, f"Page {number} of {pages}")
    painter.restore()
