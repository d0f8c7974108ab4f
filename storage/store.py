"""The tables in memory, their indexes, and the one way to change them: a `Batch`.

A batch collects new versions of records, applies them with one table rebuild per table
(not one per record) and returns what they were before, which is all an undo needs.
Records are never changed in place: a change puts a new dict. That keeps the "before"
references valid without deep copies.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from storage.errors import UnknownIdError
from storage.identity import IdentityIndex
from storage.models import UndoToken
from storage.records import Raw, field_raw

TABLES = ("meta", "candidates", "documents", "reviews")


class RecordTable(Table):
    """TinyDB table with id-keyed batch writes (TinyDB's own update() rebuilds per call)."""

    def raw(self, doc_id: int) -> Raw | None:
        return self._read_table().get(str(doc_id))

    def raw_items(self) -> Iterator[tuple[int, Raw]]:
        for key, rec in self._read_table().items():
            yield int(key), rec

    def apply(self, changes: Mapping[int, Raw | None]) -> None:
        def updater(table: dict[int, Any]) -> None:
            for doc_id, rec in changes.items():
                if rec is None:
                    table.pop(doc_id, None)
                else:
                    table[doc_id] = rec

        self._update_table(updater)


class LibraryDB(TinyDB):
    table_class = RecordTable


class DocView(Mapping[int, Raw]):
    """The documents table as {id: record}, with a batch's pending versions on top."""

    def __init__(self, table: RecordTable, overlay: Mapping[int, Raw | None] | None = None):
        self._table = table
        self._overlay = overlay or {}

    def __getitem__(self, doc_id: int) -> Raw:
        rec = self._overlay[doc_id] if doc_id in self._overlay else self._table.raw(doc_id)
        if rec is None:
            raise KeyError(doc_id)
        return rec

    def __iter__(self) -> Iterator[int]:
        seen = set(self._overlay)
        yield from (d for d, rec in self._overlay.items() if rec is not None)
        yield from (d for d, _ in self._table.raw_items() if d not in seen)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Store:
    def __init__(self, db: LibraryDB):
        self.db = db
        self.tables: dict[str, RecordTable] = {name: db.table(name) for name in TABLES}
        self.identity = IdentityIndex()
        self.by_sha: dict[str, int] = {}
        for doc_id, rec in self.tables["documents"].raw_items():
            self.by_sha[rec["sha256"]] = doc_id
        docs = self.docs()
        for cid, rec in self.tables["candidates"].raw_items():
            self._index_candidate(cid, rec, docs)

    def docs(self) -> DocView:
        return DocView(self.tables["documents"])

    def raw(self, table: str, record_id: int) -> Raw | None:
        return self.tables[table].raw(record_id)

    def batch(self, label: str = "") -> Batch:
        return Batch(self, label)

    def apply(self, changes: Mapping[str, Mapping[int, Raw | None]]) -> None:
        doc_changes = changes.get("documents", {})
        touched = set(changes.get("candidates", {}))
        for doc_id, rec in doc_changes.items():
            old = self.raw("documents", doc_id)
            for version in (old, rec):
                if version is not None and version.get("candidate") is not None:
                    touched.add(version["candidate"])
            if old is not None:
                self.by_sha.pop(old["sha256"], None)
        for name in TABLES:
            if changes.get(name):
                self.tables[name].apply(changes[name])
        for doc_id, rec in doc_changes.items():
            if rec is not None:
                self.by_sha[rec["sha256"]] = doc_id
        docs = self.docs()
        for cid in touched:
            rec = self.raw("candidates", cid)
            if rec is None:
                self.identity.remove(cid)
            else:
                self._index_candidate(cid, rec, docs)

    def _index_candidate(self, cid: int, rec: Raw, docs: Mapping[int, Raw]) -> None:
        names = [_text(field_raw(rec["fields"].get("name"), docs, "name"))]
        emails = [_text(v) for v in field_raw(rec["fields"].get("emails"), docs, "emails") or ()]
        for doc_id in rec["documents"]:
            doc = docs.get(doc_id)
            if doc:
                names.append(_text(doc["profile"].get("name")))
                emails.extend(_text(v) for v in doc["profile"].get("emails") or ())
        self.identity.set(cid, [n for n in names if n], [e for e in emails if e])


def _text(value: Any) -> str | None:
    return value.get("text") if isinstance(value, dict) else value


class Batch:
    """Changes to several tables that land together (and undo together)."""

    def __init__(self, store: Store, label: str):
        self.store = store
        self.label = label
        self.changes: dict[str, dict[int, Raw | None]] = {name: {} for name in TABLES}
        self.before: dict[str, dict[int, Raw | None]] = {name: {} for name in TABLES}

    def get(self, table: str, record_id: int) -> Raw | None:
        pending = self.changes[table]
        return pending[record_id] if record_id in pending else self.store.raw(table, record_id)

    def need(self, table: str, record_id: int) -> Raw:
        rec = self.get(table, record_id)
        if rec is None:
            what = "candidate" if table in ("candidates", "reviews") else "document"
            raise UnknownIdError(f"no {what} with id {record_id}")
        return rec

    def put(self, table: str, record_id: int, rec: Raw | None) -> None:
        if record_id not in self.before[table]:
            self.before[table][record_id] = self.store.raw(table, record_id)
        self.changes[table][record_id] = rec

    def docs(self) -> DocView:
        return DocView(self.store.tables["documents"], self.changes["documents"])

    def reindex(self, cid: int) -> None:
        """Index a candidate as this batch has it, so later items of the batch can match it."""
        rec = self.get("candidates", cid)
        if rec is None:
            self.store.identity.remove(cid)
        else:
            self.store._index_candidate(cid, rec, self.docs())

    def abandon(self) -> None:
        """The batch failed half-way: index the candidates it touched as they are stored."""
        for cid in self.changes["candidates"]:
            rec = self.store.raw("candidates", cid)
            if rec is None:
                self.store.identity.remove(cid)
            else:
                self.store._index_candidate(cid, rec, self.store.docs())

    def new_id(self, kind: str) -> int:
        meta = dict(self.need("meta", 1))
        key = f"next_{kind}_id"
        value = meta[key]
        meta[key] = value + 1
        self.put("meta", 1, meta)
        return value

    def commit(self) -> UndoToken:
        self.store.apply(self.changes)
        # Ids are never handed out twice, even after an undo: the meta record is not undone.
        before = {t: dict(recs) for t, recs in self.before.items() if t != "meta" and recs}
        return UndoToken(before=before, label=self.label)
