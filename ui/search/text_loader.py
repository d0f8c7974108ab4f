"""Reads document text into the list's search a slice at a time, between other events.

Opening a library of 5,000 candidates would otherwise wait ~1.5 s for their documents'
text; meanwhile a free word finds what the profiles say, and once every text is read the
search runs again over everything.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from storage.library import Library

SLICE_S = 0.015  # per tick: well under a frame, so typing and imports stay smooth
INTERVAL_MS = 10


class TextLoader(QObject):
    finished = Signal()

    def __init__(self, model, library: Callable[[], Library], parent=None):
        super().__init__(parent)
        self._model = model
        self._library = library
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self.start)

    def start(self, *_args) -> None:
        if not self._timer.isActive() and self._model.search.texts_pending():
            self._timer.start()

    def busy(self) -> bool:
        return self._timer.isActive()

    def finish_now(self) -> None:
        """Read whatever is left at once (tests; a command-line caller)."""
        while self._model.search.texts_pending():
            self._tick()

    def _tick(self) -> None:
        if self._model.read_texts(self._library(), SLICE_S):
            self._timer.stop()
            self.finished.emit()
