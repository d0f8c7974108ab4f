"""The original PDF, with page navigation, zoom, and evidence found again on its page.

Evidence is a span of the parser's text, not a place on the page, so it is searched for:
the snippet is found in pdfium's text of the evidence page (ignoring white space and case,
see evidence.py), pdfium's own wording of it goes to the search model, and the view
highlights that result and scrolls to it. If nothing matches, the view goes to the page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from ui.profile.evidence import locate
from ui.profile.style import SPACING, label

ZOOM_STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
CONTEXT_PX = 48  # room left above a found line, so its heading stays in view


class PdfViewer(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.search = QPdfSearchModel(self)
        self.search.setDocument(self.document)
        self.view.setSearchModel(self.search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._toolbar())
        layout.addWidget(self.view, 1)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.view.viewport().installEventFilter(self)

    # ------------------------------------------------------------------ toolbar

    def _toolbar(self) -> QWidget:
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        row.setSpacing(SPACING // 2)
        self._prev = _tool(
            bar, "‹", "Previous page", lambda: self.go_to_page(self.current_page() - 1)
        )
        self._page = QLineEdit(bar)
        self._page.setAccessibleName("Page number")
        self._page.setValidator(QIntValidator(1, 99999, self._page))
        self._page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._page.setFixedWidth(self._page.fontMetrics().horizontalAdvance("0000") + 16)
        self._page.editingFinished.connect(self._typed_page)
        self._pages = label("of 0", "muted", bar)
        self._next = _tool(bar, "›", "Next page", lambda: self.go_to_page(self.current_page() + 1))
        self._zoom = QLabel(bar)
        self._zoom.setMinimumWidth(self._zoom.fontMetrics().horizontalAdvance("400%") + 8)
        self._zoom.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._fit = _tool(bar, "Fit", "Fit the page to the width", self.fit_width)
        self._fit.setCheckable(True)
        for widget in (self._prev, self._page, self._pages, self._next):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(_tool(bar, "−", "Zoom out", lambda: self.zoom_by(-1)))
        row.addWidget(self._zoom)
        row.addWidget(_tool(bar, "+", "Zoom in", lambda: self.zoom_by(1)))
        row.addWidget(self._fit)
        return bar

    # ------------------------------------------------------------------ document

    def load(self, path: Path) -> bool:
        """Show the PDF at `path`; False when pdfium cannot open it."""
        self.search.setSearchString("")
        status = self.document.load(str(path))
        ok = status == QPdfDocument.Error.None_ and self.document.pageCount() > 0
        count = self.document.pageCount() if ok else 0
        self._pages.setText(f"of {count}")
        self.fit_width()
        if ok:
            self.view.pageNavigator().jump(0, QPointF(), 0)
        self._show_page(0)
        return ok

    def clear(self) -> None:
        self.search.setSearchString("")
        self.document.close()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int, y: float | None = None) -> None:
        count = self.document.pageCount()
        if count == 0:
            return
        page = max(0, min(page, count - 1))
        self.view.pageNavigator().jump(page, QPointF(0, y or 0), 0)
        self._scroll_to(page, y or 0.0)
        self._show_page(page)

    def _scroll_to(self, page: int, y: float) -> None:
        # QPdfView scrolls only to a page's top, and only when the page changes; the
        # layout (margins, spacing, one scale for all pages) is rebuilt here to reach `y`.
        bar = self.view.verticalScrollBar()
        heights = [
            self.document.pagePointSize(p).height() for p in range(self.document.pageCount())
        ]
        margins, spacing = self.view.documentMargins(), self.view.pageSpacing()
        content = bar.maximum() + self.view.viewport().height() - margins.top() - margins.bottom()
        content -= spacing * (len(heights) - 1)
        if bar.maximum() == 0 or content <= 0 or sum(heights) <= 0:
            return
        scale = content / sum(heights)
        top = margins.top() + sum(h * scale + spacing for h in heights[:page])
        bar.setValue(round(max(top, top + y * scale - CONTEXT_PX)))

    def _typed_page(self) -> None:
        if self._page.text().isdigit():
            self.go_to_page(int(self._page.text()) - 1)

    def _show_page(self, page: int) -> None:
        count = self.document.pageCount()
        self._page.setText(str(page + 1) if count else "")
        self._prev.setEnabled(page > 0)
        self._next.setEnabled(page < count - 1)

    # ------------------------------------------------------------------ zoom

    def effective_zoom(self) -> float:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.document.pageCount() == 0:
            return self.view.zoomFactor()
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        points = self.document.pagePointSize(self.current_page()).width()
        return width / (points * self.logicalDpiX() / 72) if points else 1.0

    def zoom_by(self, steps: int) -> None:
        now = self.effective_zoom()
        bigger = [z for z in ZOOM_STEPS if z > now + 0.01]
        smaller = [z for z in ZOOM_STEPS if z < now - 0.01]
        target = (
            (bigger[0] if bigger else ZOOM_STEPS[-1])
            if steps > 0
            else (smaller[-1] if smaller else ZOOM_STEPS[0])
        )
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(target)
        self._fit.setChecked(False)
        self._show_zoom()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._fit.setChecked(True)
        self._show_zoom()

    def _show_zoom(self) -> None:
        self._zoom.setText(f"{round(self.effective_zoom() * 100)}%")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # "Fit width" changes the zoom whenever the viewport is resized.
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._show_zoom()
        return False

    # ------------------------------------------------------------------ evidence

    def show_evidence(self, page: int, snippets: list[str]) -> bool:
        """Highlight the first snippet found on `page` and scroll to it; else go to the page.
        True when something was found and highlighted."""
        if not 0 <= page < self.document.pageCount():
            return False
        found = self._find(page, snippets)
        if found is None:
            self.search.setSearchString("")
            self.go_to_page(page)
            return False
        index, y = found
        self.view.setCurrentSearchResultIndex(index)
        self.go_to_page(page, y)
        return True

    def _find(self, page: int, snippets: list[str]) -> tuple[int, float] | None:
        text = self.document.getAllText(page).text()
        for snippet in snippets:
            span = locate(text, snippet)
            if span is None:
                continue
            needle = text[span[0] : span[1]].splitlines()[0].strip()
            if needle:
                self.search.setSearchString(needle)
                nth = text[: span[0]].lower().count(needle.lower())
                result = self._result_on_page(page, nth)
                if result is not None:
                    return result
        return None

    def _result_on_page(self, page: int, nth: int) -> tuple[int, float] | None:
        for earlier in range(page + 1):
            self.search.resultsOnPage(earlier)  # fills the model up to `page`, in order
        hits = [
            (i, self.search.resultAtIndex(i))
            for i in range(self.search.rowCount(QModelIndex()))
            if self.search.resultAtIndex(i).page() == page
        ]
        if not hits:
            return None
        index, link = hits[min(nth, len(hits) - 1)]
        return index, link.location().y()


def _tool(parent: QWidget, text: str, tip: str, slot) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button
