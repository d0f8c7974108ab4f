"""The original beside the profile: a chooser of the candidate's documents over a viewer.

PDFs are shown as PDFs; TXT, Markdown and DOCX as the text the parser read, which is what
evidence offsets point into. A PDF whose file is missing or unreadable falls back to its
text too, under a banner that offers to locate the file again.

In blind review (`set_masker`) every document is shown as its text with the person masked
(a PDF page would show the name, the photo and the contacts), and file names, which
often carry the name, are not shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from parsing.models import Evidence
from parsing.registry import FILE_DIALOG_FILTER
from storage.errors import LibraryError
from storage.library import Library
from storage.models import Document
from storage.relink import original_missing, relink_document
from ui.profile.evidence import search_snippets, span_text
from ui.profile.missing_banner import MissingBanner
from ui.profile.pdf_view import PdfViewer
from ui.profile.style import SPACING, ElidedLabel, label
from ui.profile.text_view import TextViewer


class DocumentView(QWidget):
    relinked = Signal(int)  # a document's original was found again

    def __init__(self, library: Library, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentView")
        self._library = library
        self._documents: list[Document] = []
        self._texts: dict[int, str] = {}
        self._current: int | None = None
        self._labels: dict[int, str] = {}
        self._mask: Callable[[str], str] | None = None
        self.chooser = QTabBar(self)
        self.chooser.setDocumentMode(True)
        self.chooser.setDrawBase(False)
        self.chooser.setExpanding(False)
        self.chooser.currentChanged.connect(self._chosen)
        self._file = ElidedLabel("muted", self)
        self._file.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.banner = MissingBanner(self)
        self.banner.locateClicked.connect(self.locate)
        self.pdf = PdfViewer(self)
        self.text = TextViewer(self)
        self._empty = label("No document to show", "muted", self)
        self._stack = QStackedWidget(self)
        for widget in (self.pdf, self.text, self._empty):
            self._stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.setContentsMargins(SPACING, SPACING // 2, SPACING * 2, 0)
        top.addWidget(self.chooser)
        top.addWidget(self._file, 1)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self._stack, 1)
        self.set_documents([], {})

    # ------------------------------------------------------------------ choosing

    def set_documents(self, documents: Sequence[Document], labels: dict[int, str]) -> None:
        keep = self._current if any(d.id == self._current for d in documents) else None
        self._documents = list(documents)
        self._labels = dict(labels)
        self._texts = {}
        self.chooser.blockSignals(True)
        while self.chooser.count():
            self.chooser.removeTab(0)
        for doc in self._documents:
            index = self.chooser.addTab(labels.get(doc.id, doc.file_name))
            self.chooser.setTabToolTip(index, f"{self._file_name(doc)} · {_pages(doc)}")
        self.chooser.blockSignals(False)
        self._current = None
        if self._documents:
            self.show_document(keep if keep is not None else self._documents[0].id)
        else:
            self._show_nothing()

    def _show_nothing(self) -> None:
        self.pdf.clear()
        self.banner.setVisible(False)
        self._file.set_full_text("")
        self._stack.setCurrentWidget(self._empty)

    def current_document_id(self) -> int | None:
        return self._current

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self._documents):
            self.show_document(self._documents[index].id, force=True)

    def show_document(self, document_id: int, force: bool = False) -> None:
        if document_id == self._current and not force:
            return
        doc = next((d for d in self._documents if d.id == document_id), None)
        if doc is None:
            return
        self._current = document_id
        self.chooser.blockSignals(True)
        self.chooser.setCurrentIndex(self._documents.index(doc))
        self.chooser.blockSignals(False)
        self._file.set_full_text(f"{self._file_name(doc)} · {_pages(doc)}")
        self._open(doc)

    def set_masker(self, mask: Callable[[str], str] | None) -> None:
        """Blind review on (a function that masks the person in a text) or off (None).
        Takes effect at the next `set_documents`."""
        self._mask = mask

    def _file_name(self, doc: Document) -> str:
        return self._labels.get(doc.id, doc.kind) if self._mask else doc.file_name

    def _open(self, doc: Document) -> None:
        self.banner.setVisible(False)
        if self._mask is not None:
            self.pdf.clear()
            self.text.show_text(self._text(doc.id))
            self._stack.setCurrentWidget(self.text)
            return
        missing = original_missing(self._library, doc.id)
        if missing:
            where = str(doc.stored_path) if doc.stored_path else "the library's files folder"
            self.banner.show_missing(doc.file_name, where)
        if doc.source_format == "pdf" and not missing:
            if self.pdf.load(doc.stored_path):
                self._stack.setCurrentWidget(self.pdf)
                return
            self.banner.show_unreadable(doc.file_name)
        self.pdf.clear()
        self.text.show_text(self._text(doc.id))
        self._stack.setCurrentWidget(self.text)

    def _text(self, document_id: int) -> str:
        if document_id not in self._texts:
            text = self._library.document_text(document_id)
            self._texts[document_id] = self._mask(text) if self._mask else text
        return self._texts[document_id]

    # ------------------------------------------------------------------ evidence

    def show_evidence(self, document_id: int, evidence: Evidence) -> str:
        """Bring the evidence into view. Returns how: "pdf" (found and highlighted),
        "page" (PDF page only), "text" (span selected) or "" (nothing to show)."""
        self.show_document(document_id)
        if self._current != document_id:
            return ""
        if self._stack.currentWidget() is self.pdf:
            snippets = search_snippets(span_text(self._text(document_id), evidence))
            return "pdf" if self.pdf.show_evidence(evidence.page, snippets) else "page"
        if self._mask is not None:
            return self._show_masked_evidence(document_id, evidence)
        self.text.select_span(evidence.start, evidence.end)
        return "text"

    def _show_masked_evidence(self, document_id: int, evidence: Evidence) -> str:
        # Masking moves every offset: find the masked span's first line instead.
        span = self._mask(span_text(self._library.document_text(document_id), evidence))
        found = next((s for s in search_snippets(span) if s in self._text(document_id)), None)
        if found is None:
            return ""
        start = self._text(document_id).index(found)
        self.text.select_span(start, start + len(found))
        return "text"

    # ------------------------------------------------------------------ re-linking

    def locate(self) -> None:
        doc = next((d for d in self._documents if d.id == self._current), None)
        if doc is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, f"Locate {doc.file_name}", doc.source_path or "", FILE_DIALOG_FILTER
        )
        if not path:
            return
        try:
            relink_document(self._library, doc.id, path)
        except (LibraryError, OSError) as exc:
            self.banner.show_problem(str(exc))
            return
        self._documents = [self._library.document(d.id) for d in self._documents]
        self.show_document(doc.id, force=True)
        self.relinked.emit(doc.id)


def _pages(doc: Document) -> str:
    return f"{doc.pages} page{'s' if doc.pages != 1 else ''}"
