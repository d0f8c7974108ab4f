"""The candidate list's search state, for the table model: the search index, the query in
force and the rows it lets through; and the rank labels of the shortlist ("=2" for a tie).

No Qt here: the model asks `accepts(key)` per row and relays `error` to the search box.
A query with a syntax error changes nothing: the last good result stays on screen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from storage.library import Library
from storage.queries import ListRow, RowKey
from storage.query import Everything, Node, QuerySyntaxError, parse
from storage.search_index import SearchIndex, matches
from storage.search_rows import SearchRow, fill_texts, list_search_row, with_texts_of


class ListSearch:
    def __init__(self) -> None:
        self.index = SearchIndex()
        self.node: Node = Everything()
        self.error: QuerySyntaxError | None = None
        self.private = False  # blind review: a search must not tell who is who
        self._hits: set[RowKey] | None = None  # None: every row

    # ------------------------------------------------------------------ rows

    def put(self, rows: Iterable[ListRow], search_rows: Iterable[SearchRow] | None) -> None:
        """Rows of the list and their search rows (None: made from the list rows alone)."""
        if search_rows is None:
            search_rows = [list_search_row(r) for r in rows]
        prepared = [with_texts_of(r, self.index.get(r.key)) for r in search_rows]
        self.index.put(prepared)
        if self._hits is None:
            return
        for row in prepared:  # only the changed rows are tested: imports stay cheap
            if matches(self.node, row, self.private):
                self._hits.add(row.key)
            else:
                self._hits.discard(row.key)

    def remove(self, keys: Iterable[RowKey]) -> None:
        keys = list(keys)
        self.index.remove(keys)
        if self._hits is not None:
            self._hits.difference_update(keys)

    def clear(self) -> None:
        self.index.clear()
        self._hits = None if isinstance(self.node, Everything) else set()

    def read_texts(self, library: Library, seconds: float) -> bool:
        """Read some document text (see `fill_texts`); True when none is left. The rows'
        hits are brought up to date at the end (`refresh`)."""
        done = fill_texts(self.index, library, seconds)
        if done:
            self.refresh()
        return done

    def texts_pending(self) -> bool:
        return bool(self.index.without_texts())

    # ------------------------------------------------------------------ query

    def set_text(self, text: str) -> bool:
        """Search for `text`; True when the rows shown change (not on an error, which is
        kept in `error`, nor when the query means the same as before)."""
        try:
            node = parse(text)
        except QuerySyntaxError as error:
            self.error = error
            return False
        self.error = None
        if node == self.node:
            return False
        self.node = node
        self.refresh()
        return True

    def refresh(self) -> None:
        everything = isinstance(self.node, Everything)
        self._hits = None if everything else set(self.index.select(self.node, self.private))

    def accepts(self, key: RowKey) -> bool:
        return self._hits is None or key in self._hits

    @property
    def hits(self) -> set[RowKey] | None:
        """The keys the query lets through (None: all); read only."""
        return self._hits

    @property
    def active(self) -> bool:
        return not isinstance(self.node, Everything)


def rank_labels(rows: Mapping[RowKey, ListRow]) -> dict[RowKey, str]:
    """The Rank column of the shortlisted rows: "2", or "=2" where two or more share it."""
    ranked = {k: r.rank for k, r in rows.items() if r.shortlisted and r.rank is not None}
    shared = Counter(ranked.values())
    return {k: f"={rank}" if shared[rank] > 1 else str(rank) for k, rank in ranked.items()}
