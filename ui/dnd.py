"""Dropped files and folders from the file manager: QMimeData in, paths out, nothing else.

The drop must return at once (a drop of 3,000 files included), so this module neither
opens nor walks anything: folders are passed on as they are and expanded by the import
service on a worker thread. Files whose suffix the parser does not accept are left out.

`DropCatcher` is an event filter installed on the main window and on every child that
accepts drops itself (text fields, the document view...), so a file dropped anywhere in
the window imports instead of, say, pasting its path into the search box.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from parsing.registry import is_accepted


def paths_from_mime(mime: QMimeData | None) -> list[str]:
    """Local folders and accepted files named by the drag, in the order given."""
    if mime is None or not mime.hasUrls():
        return []
    paths: list[str] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = url.toLocalFile()
        if os.path.isdir(path) or is_accepted(path):
            paths.append(path)
    return list(dict.fromkeys(paths))


def may_hold_documents(mime: QMimeData | None) -> bool:
    """Cheap test for drag-enter/move: a local URL that looks like a document or folder
    (no disk access: a drag hovers over the window many times a second)."""
    if mime is None or not mime.hasUrls():
        return False
    for url in mime.urls():
        if url.isLocalFile():
            name = url.fileName()
            if is_accepted(name) or "." not in name or url.path().endswith("/"):
                return True
    return False


_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


class DropCatcher(QObject):
    """Accepts file drags on the widgets it watches and emits the dropped paths."""

    pathsDropped = Signal(list)

    def watch_tree(self, root: QWidget) -> None:
        """Watch `root` and each descendant that would otherwise take a drop itself."""
        root.setAcceptDrops(True)
        root.installEventFilter(self)
        for child in root.findChildren(QWidget):
            if child.acceptDrops():
                child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _DRAG_EVENTS:
            return False
        assert isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent)
        if not may_hold_documents(event.mimeData()):
            return False  # not ours: a text drag into a field still works
        event.setDropAction(event.proposedAction())
        event.accept()
        if event.type() == QEvent.Type.Drop:
            self.pathsDropped.emit(paths_from_mime(event.mimeData()))
        return True
