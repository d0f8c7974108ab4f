"""Every text a person can see in a window: labels, fields, editors, item views (visible
rows and columns, with tooltips), tab bars, dock titles, the window title, tooltips."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _item_view(view: QAbstractItemView, where: str) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    rect = view.viewport().rect()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if not view.visualRect(index).intersects(rect):
                continue
            for role in ROLES:
                value = index.data(role)
                if isinstance(value, str) and value:
                    yield f"{where}[{row},{column}]", value


def _own_texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QLineEdit):
        yield widget.text()
        yield widget.placeholderText()
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
    elif isinstance(widget, QComboBox):
        yield widget.currentText()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    elif isinstance(widget, QDockWidget):
        yield widget.windowTitle()
    yield widget.toolTip()


def visible_texts(root: QWidget, skip: QWidget | None = None) -> Iterator[tuple[str, str]]:
    """(where, text) of everything visible in `root`, leaving out `skip` and its children."""
    yield "window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or (skip is not None and skip.isAncestorOf(widget)):
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        for text in _own_texts(widget):
            if text:
                yield where, text
        if isinstance(widget, QAbstractItemView):
            yield from _item_view(widget, where)
