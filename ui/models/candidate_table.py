"""The candidate list as a table model over plain `ListRow`s, filtered and sorted in Python.

No QSortFilterProxyModel: over a Python model it costs 0.1–0.5 s per keystroke at 5,000
rows (tech-risks §3.4). Here the search (`ui/models/list_search.py`: the query language
over search rows prepared once per change) picks the keys to show, and sorting uses each
column's key on the rows themselves (a few ms at 5,000).
Rows are keyed by `RowKey` ((kind, id)), so updates find their row without a scan.

A row view (`set_row_view`) changes how rows are shown: blind review swaps each name for
an alias. Texts, search, sorting and `get`/`all_rows` all see the shown rows, so nothing
that reads the model (a dialog, the pool chart) can show what the view hides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from storage.library import Library
from storage.queries import CANDIDATE, ListRow, RowKey
from storage.search_rows import SearchRow
from ui.icons import icon
from ui.models.columns import COLUMNS, Col, display_name
from ui.models.list_search import ListSearch, rank_labels
from ui.models.row_moves import RowMoves
from ui.models.row_order import RowOrder
from ui.plain import tooltip

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex

# data() runs a few thousand times per repaint (visible cells × the roles a delegate asks
# for), so it compares plain ints and reads texts computed once per row.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_KEY = int(KEY_ROLE)
_ALIGNMENTS = tuple(int(c.align | Qt.AlignmentFlag.AlignVCenter) for c in COLUMNS.values())
_NAME, _STAR, _RANK = int(Col.NAME), int(Col.SHORTLISTED), int(Col.RANK)

RowView = Callable[[ListRow], ListRow]


class CandidateTableModel(RowMoves, QAbstractTableModel):
    searchChanged = Signal(object)  # the query's QuerySyntaxError, or None when it reads

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: dict[RowKey, ListRow] = {}  # as shown (through the row view)
        self._raw: dict[RowKey, ListRow] = {}
        self._view: RowView | None = None
        self._texts: dict[RowKey, tuple[str, ...]] = {}
        self.search = ListSearch()
        self._ranked: set[RowKey] = set()  # rows whose Rank cell says something
        self._visible: list[RowKey] = []
        self._sort_col = Col.NAME
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order = RowOrder()  # every row, sorted: a keystroke only filters it
        self._star = icon("star")
        self._loose = icon("unassigned")
        self._italic = QFont()
        self._italic.setItalic(True)

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = COLUMNS[Col(section)]
        if role == _DISPLAY:
            return column.title
        if role == _TOOLTIP:
            return column.tip or column.title
        if role == _ALIGN:
            return _ALIGNMENTS[section]
        return None

    def data(self, index: _Index, role: int = _DISPLAY):
        key = self._visible[index.row()]
        if role == _DISPLAY:
            return self._texts[key][index.column()]
        if role == _ALIGN:
            return _ALIGNMENTS[index.column()]
        if role in (_DECORATION, _FONT, _FOREGROUND, _TOOLTIP, _KEY):
            return self._extra(self._rows[key], index.column(), role)
        return None

    def _extra(self, row: ListRow, column: int, role: int):
        if role == _DECORATION:
            if column == _STAR and row.shortlisted:
                return self._star
            return self._loose if column == _NAME and row.is_unassigned else None
        if role == _FONT:
            return self._italic if column == _NAME and not row.name else None
        if role == _FOREGROUND:
            # Rejected candidates and unclaimed documents recede; the rest reads normally.
            if not (row.is_unassigned or row.status == "rejected"):
                return None
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == _TOOLTIP:
            tip = _tooltip(row, column)
            return tooltip(tip) if tip else None
        return row.key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_col, self._sort_order = Col(column), order
        self._order.set_sort(Col(column), order == Qt.SortOrder.DescendingOrder)
        self._relayout(lambda: self._sort_keys(self._visible))

    def sort_state(self) -> tuple[Col, Qt.SortOrder]:
        return self._sort_col, self._sort_order

    # ------------------------------------------------------------------ rows

    def set_rows(
        self, rows: Iterable[ListRow], search_rows: Iterable[SearchRow] | None = None
    ) -> None:
        """All rows, and what the search looks at in each (None: what the rows show)."""
        self.beginResetModel()
        self._raw = {r.key: r for r in rows}
        self.search.clear()
        self.search.put(self._raw.values(), search_rows)
        self._rows = {k: self._shown(r) for k, r in self._raw.items()}
        self._texts = {k: _texts(r) for k, r in self._rows.items()}
        self._label_ranks()
        self._order.forget()
        self._visible = self._filtered()
        self.endResetModel()

    def upsert(
        self, rows: Iterable[ListRow], search_rows: Iterable[SearchRow] | None = None
    ) -> None:
        """Add new rows and update known ones, keeping the order and the selection."""
        rows = list(rows)
        self.search.put(rows, search_rows)
        self._order.forget(r.key for r in rows)
        added: list[RowKey] = []
        changed = False
        for raw in rows:
            row = self._shown(raw)
            known = row.key in self._rows
            self._raw[row.key] = raw
            self._rows[row.key] = row
            self._texts[row.key] = _texts(row)
            if not known and self._matches(row.key):
                added.append(row.key)
            elif known:
                changed = self._row_changed(row.key) or changed
        self._label_ranks()
        if added:
            first = len(self._visible)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._visible.extend(added)
            self.endInsertRows()
        if added or changed:
            self._relayout(lambda: self._sort_keys(self._visible))

    def remove(self, keys: Iterable[RowKey]) -> None:
        keys = list(keys)
        self.search.remove(keys)
        self._order.forget(keys)
        for key in keys:
            self._rows.pop(key, None)
            self._raw.pop(key, None)
            self._texts.pop(key, None)
            if key in self._visible:
                position = self._visible.index(key)
                self.beginRemoveRows(QModelIndex(), position, position)
                del self._visible[position]
                self.endRemoveRows()

    def _row_changed(self, key: RowKey) -> bool:
        """Repaint a shown row; True if it is shown (its place may have changed too). A row
        that no longer matches the search stays until the search changes: less jumpy."""
        position = self.row_of(key)
        if position < 0:
            return False
        last = self.columnCount() - 1
        self.dataChanged.emit(self.index(position, 0), self.index(position, last))
        return True

    def set_row_view(self, view: RowView | None) -> None:
        """Show every row through `view` (None: as they are); order and selection stay."""
        self._view = view
        self._rows = {k: self._shown(r) for k, r in self._raw.items()}
        self._texts = {k: _texts(r) for k, r in self._rows.items()}
        self._label_ranks()
        self.search.private = view is not None
        self.search.refresh()
        self._order.forget()
        self._relayout(self._filtered)  # always: every name may read differently now

    def _shown(self, row: ListRow) -> ListRow:
        return self._view(row) if self._view is not None else row

    # ------------------------------------------------------------------ search

    def set_filter(self, text: str) -> None:
        """Show the rows the query `text` finds (storage/query.py). A query with an error
        keeps the rows shown; `searchChanged` carries the error (or None) either way."""
        changed = self.search.set_text(text)
        self.searchChanged.emit(self.search.error)
        if changed:
            self._refilter()

    def read_texts(self, library: Library, seconds: float) -> bool:
        """Read documents' text into the search for about `seconds`; True when all is read
        (the search then runs again, over the text too)."""
        done = self.search.read_texts(library, seconds)
        if done and self.search.active:
            self._refilter()
        return done

    def _refilter(self) -> None:
        shown = self._filtered()
        if shown != self._visible:  # typing on often keeps the rows: then nothing repaints
            self._relayout(lambda: shown)

    def _filtered(self) -> list[RowKey]:
        order, hits = self._order.all(self._rows), self.search.hits
        return list(order) if hits is None else [k for k in order if k in hits]

    def _matches(self, key: RowKey) -> bool:
        return self.search.accepts(key)

    def _label_ranks(self) -> None:
        """The Rank cells: "2", and "=2" for a rank two rows share (see rank_labels)."""
        labels = rank_labels(self._rows)
        for key in self._ranked | labels.keys():
            if key in self._texts:
                texts = self._texts[key]
                self._texts[key] = (*texts[:_RANK], labels.get(key, ""), *texts[_RANK + 1 :])
        self._ranked = set(labels)

    # ------------------------------------------------------------------ lookups

    def key_at(self, position: int) -> RowKey | None:
        return self._visible[position] if 0 <= position < len(self._visible) else None

    def row_of(self, key: RowKey) -> int:
        try:
            return self._visible.index(key)
        except ValueError:
            return -1

    def candidate_row(self, nth: int) -> int:
        """Position of the nth (0-based) candidate row, unassigned documents skipped; -1."""
        positions = [i for i, key in enumerate(self._visible) if key[0] == CANDIDATE]
        return positions[nth] if 0 <= nth < len(positions) else -1

    def get(self, key: RowKey) -> ListRow | None:
        return self._rows.get(key)

    def all_rows(self) -> list[ListRow]:
        return list(self._rows.values())

    def total(self) -> int:
        return len(self._rows)

    def display_name(self, key: RowKey) -> str:
        row = self._rows.get(key)
        return display_name(row) if row else ""

    # ------------------------------------------------------------------ ordering

    def _sort_keys(self, keys: list[RowKey]) -> list[RowKey]:
        return self._order.among(keys, self._rows)

    def _relayout(self, new_order) -> None:
        """Replace the visible rows, keeping selections and the current row on their keys."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = [self.key_at(i.row()) for i in before]
        self._visible = new_order()
        wanted = set(keys)  # a few (selection, current row): not a map of 50,000 rows
        positions = {k: i for i, k in enumerate(self._visible) if k in wanted} if wanted else {}
        after = [
            self.index(positions[k], i.column()) if k in positions else QModelIndex()
            for i, k in zip(before, keys, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()


def _texts(row: ListRow) -> tuple[str, ...]:
    return tuple(column.text(row) for column in COLUMNS.values())


def _tooltip(row: ListRow, column: int) -> str | None:
    if column == _NAME:
        if row.is_unassigned:
            return "Nobody claimed this document yet: right-click to assign it"
        return row.email if row.name else "No name found in the documents"
    if column == Col.DOCUMENTS:
        return "\n".join(row.file_names)
    return None
