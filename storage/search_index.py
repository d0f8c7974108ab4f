"""The candidate list's search: a query (storage.query) evaluated over every search row
(storage.search_rows) at once.

Speed (tech-risks §3.4: 30 ms a keystroke at 5,000 candidates): `SearchIndex.select`
evaluates a query as sets of row keys. An AND narrows the rows its later children look at,
cheap conditions first; each leaf's hits over all rows are remembered until the rows
change, so typing "neur" -> "neura" only looks again at the rows that held "neur". A free
word is looked up among the row's distinct words (about half its text); a phrase only in
rows holding each of its words. `matches(query, row)` is the plain one-row reference the
index must agree with (a property test holds them to it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from storage.aliases import alias_from_id
from storage.queries import RowKey
from storage.query import (
    STRING_FIELDS,
    And,
    Compare,
    Everything,
    Flag,
    Leaf,
    Match,
    Node,
    Not,
    Or,
    fold,
)
from storage.search_rows import SearchRow
from storage.word_index import WordIndex


def matches(node: Node, row: Any, private: bool = False) -> bool:
    """Whether one row satisfies the query: the reference `SearchIndex.select` agrees with."""
    if isinstance(node, Everything):
        return True
    if isinstance(node, Not):
        return not matches(node.child, row, private)
    if isinstance(node, And):
        return all(matches(child, row, private) for child in node.children)
    if isinstance(node, Or):
        return any(matches(child, row, private) for child in node.children)
    return leaf_test(node, private)(row)


def leaf_test(leaf: Leaf, private: bool = False) -> Callable[[Any], bool]:
    """One condition as a function of a row. `private` (blind review): a search must not
    tell who is who, so name: looks at the aliases, email: and file: find nobody, and a
    word does not find a row by that row's own name, emails or file names."""
    if private and isinstance(leaf, Match) and leaf.field in _IDENTITY:
        return _private_test(leaf)
    if isinstance(leaf, Flag):
        return lambda row: leaf.name in row.flags
    if isinstance(leaf, Compare):
        return _number_test(leaf)
    needle = leaf.needle
    if leaf.field in STRING_FIELDS:
        attribute = STRING_FIELDS[leaf.field]
        return lambda row: needle in getattr(row, attribute)
    if leaf.field == "tag":
        return _tag_test(needle)
    if leaf.field == "status":
        return lambda row: row.status == needle
    attribute = {"kind": "kinds", "area": "areas"}[leaf.field]
    return lambda row: needle in getattr(row, attribute)


_IDENTITY = ("name", "email", "file", "text")


def _private_test(leaf: Match) -> Callable[[Any], bool]:
    needle = leaf.needle
    if leaf.field == "name":
        return lambda row: row.key[0] == "candidate" and needle in fold(alias_from_id(row.key[1]))
    if leaf.field == "text":
        return lambda row: needle in row.text and not _own(needle, row)
    return lambda row: False


def _own(needle: str, row: Any) -> bool:
    return needle in row.name or needle in row.emails or needle in row.files


def _tag_test(needle: str) -> Callable[[Any], bool]:
    if "*" not in needle:
        return lambda row: needle in row.tags
    pattern = re.compile(".*".join(re.escape(part) for part in needle.split("*")))
    return lambda row: any(pattern.fullmatch(tag) for tag in row.tags)


_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    "!=": lambda a, b: a != b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
    "=": lambda a, b: a == b,
}


def _number_test(leaf: Compare) -> Callable[[Any], bool]:
    compare, number = _COMPARE[leaf.op], leaf.number
    if leaf.field == "year":  # any of the publication years
        return lambda row: any(compare(y, number) for y in row.years)
    # An unscored or unranked row has no value: no comparison holds for it.
    return lambda row: (value := getattr(row, leaf.field)) is not None and compare(value, number)


Keys = set[RowKey] | frozenset[RowKey]
MAX_REMEMBERED = 512


class SearchIndex:
    def __init__(self) -> None:
        self._rows: dict[RowKey, SearchRow] = {}
        self._hits: dict[Leaf, frozenset[RowKey]] = {}  # a leaf's rows, over all rows
        self._unread: set[RowKey] = set()  # rows still without their documents' text
        self._words = WordIndex()  # the rows with their text, by word
        self.private = False  # blind review: see leaf_test

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, key: RowKey) -> SearchRow | None:
        return self._rows.get(key)

    def put(self, rows: Iterable[SearchRow], keep_hits: bool = False) -> None:
        """Add or replace rows. `keep_hits`: only document text arrived, so hits of leaves
        that do not look at text stay valid."""
        for row in rows:
            self._rows[row.key] = row
            if row.texts_read:
                self._unread.discard(row.key)
                self._words.add(row.key, row.words)
            else:
                self._unread.add(row.key)
                self._words.remove(row.key)
        self._forget(text_only=keep_hits)

    def remove(self, keys: Iterable[RowKey]) -> None:
        for key in keys:
            self._rows.pop(key, None)
            self._unread.discard(key)
            self._words.remove(key)
        self._forget()

    def clear(self) -> None:
        self._rows.clear()
        self._hits.clear()
        self._unread.clear()
        self._words.clear()

    def without_texts(self) -> list[RowKey]:
        return list(self._unread)

    def _forget(self, text_only: bool = False) -> None:
        if text_only:
            self._hits = {k: v for k, v in self._hits.items() if not _reads_text(k)}
        else:
            self._hits.clear()

    # ------------------------------------------------------------------ select

    def select(self, node: Node, private: bool = False) -> Keys:
        """The keys of the rows that satisfy `node` (`private`: see leaf_test)."""
        if private != self.private:
            self.private = private
            self._hits.clear()
        return self._eval(node, None)

    def _eval(self, node: Node, within: Keys | None) -> Keys:
        if isinstance(node, Everything):
            return frozenset(self._rows) if within is None else within
        if isinstance(node, Not):
            everything = frozenset(self._rows) if within is None else within
            return everything - self._eval(node.child, within)
        if isinstance(node, And):
            for child in sorted(node.children, key=_cost):
                within = self._eval(child, within)
                if not within:
                    break
            return within if within is not None else frozenset(self._rows)
        if isinstance(node, Or):
            found: set[RowKey] = set()
            for child in node.children:
                found |= self._eval(child, within)
            return found
        return self._leaf(node, within)

    def _leaf(self, leaf: Leaf, within: Keys | None) -> Keys:
        hits = self._hits.get(leaf)
        if hits is None and (within is None or len(within) * 4 >= len(self._rows)):
            # Most rows are asked about anyway: answer for all, and remember it.
            hits = frozenset(self._scan(leaf, self._narrowed(leaf, None)))
            if len(self._hits) >= MAX_REMEMBERED:
                self._hits.pop(next(iter(self._hits)))
            self._hits[leaf] = hits
        if hits is not None:
            return hits if within is None else within & hits
        return set(self._scan(leaf, self._narrowed(leaf, within)))

    def _narrowed(self, leaf: Leaf, within: Keys | None) -> Keys | None:
        """Rows `leaf` can only hold among: a remembered shorter needle of the same field
        ("neur" before "neura"), or each word of a phrase."""
        if not isinstance(leaf, Match) or leaf.field not in STRING_FIELDS:
            return within
        if self.private and leaf.field in _IDENTITY:
            return within  # "an" may hide a row by its name where "ana" must not
        best = within
        for known, hits in self._hits.items():
            if (
                isinstance(known, Match)
                and known.field == leaf.field
                and known.needle in leaf.needle
                and (best is None or len(hits) < len(best))
            ):
                best = hits if within is None else within & hits
        if leaf.field == "text" and " " in leaf.needle:
            for word in leaf.needle.split():
                best = self._leaf(Match("text", word), best)
        return best

    def _scan(self, leaf: Leaf, keys: Keys | None) -> Iterable[RowKey]:
        rows = self._rows
        pairs = rows.items() if keys is None else ((k, rows[k]) for k in keys if k in rows)
        if isinstance(leaf, Match) and leaf.field == "text" and not self.private:
            needle = leaf.needle
            if " " in needle:
                return [k for k, row in pairs if needle in row.text]
            found = self._words.holding(needle)
            if found is None:
                return [k for k, row in pairs if needle in row.words]
            # Rows still waiting for their text are not in the word index: looked at here.
            found |= {k for k in self._unread if needle in rows[k].words}
            return found if keys is None else found & keys
        test = leaf_test(leaf, self.private)
        return [k for k, row in pairs if test(row)]


def _reads_text(leaf: Leaf) -> bool:
    return isinstance(leaf, Match) and leaf.field == "text"


def _cost(node: Node) -> int:
    """Rough order for an AND: numbers and flags, then fields, then text, negations last."""
    if isinstance(node, Match):
        return 2 if node.field == "text" else 1
    if isinstance(node, Not):
        return 3 + _cost(node.child)
    if isinstance(node, And | Or):
        return max((_cost(c) for c in node.children), default=0)
    return 0
