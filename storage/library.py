"""The library: the one door through which the window and the command line reach the data.

Threading: one thread owns a `Library` (the GUI thread, or the CLI's main thread) and calls
its methods; every change happens in memory at once and a writer thread saves it within
`delay_s` (0.2 s) plus the time of one save. Import workers only parse; their results come
back to the owner, which calls `add_parse_results` once per batch.

Acknowledged: a change is acknowledged when `flush()` has returned after it (or
`save_status().saved` is true). An acknowledged change survives a crash, a kill or a power
cut; an unacknowledged one may be lost by a crash (never half-saved). `flush()` raises
`LibraryWriteError` when the disk is full or read-only; the change then stays in memory
and the file on disk is the last good one.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from parsing.models import ParseResult
from storage import structure
from storage.assemble import conflicts, refresh_fields
from storage.atomic_storage import AtomicJSONStorage
from storage.backups import BackupPolicy, good_backups, restore, take_backup
from storage.errors import LibraryError, UnknownIdError
from storage.files import TextQueue, read_text, remove_document_files
from storage.importer import import_items
from storage.lock import LibraryLock
from storage.migrations import now_iso
from storage.models import (
    REVIEWER,
    Candidate,
    CandidateSummary,
    Document,
    ImportItem,
    ImportSummary,
    MergeResult,
    SplitResult,
    UndoToken,
)
from storage.opening import check_folder, load_or_create, make_folders, remove_stale_temp_files
from storage.paths import LibraryPaths, default_library_dir
from storage.records import (
    Raw,
    apply_review_changes,
    canonical,
    document_from_record,
    field_info,
    field_raw,
    new_review,
    normalise_value,
    profile_of,
    review_from_record,
    typed,
)
from storage.store import LibraryDB, Store
from storage.writer import SaveStatus, Writer


class Library:
    """Open with `Library.open(path)`; use as a context manager or call `close()`."""

    def __init__(self, paths: LibraryPaths, db: LibraryDB, lock: LibraryLock, delay_s: float):
        self.paths = paths
        self._db = db
        self._lock_file = lock
        self._lock = threading.RLock()
        self._store = Store(db)
        self._storage: AtomicJSONStorage = db.storage  # type: ignore[assignment]
        self._backups = BackupPolicy()
        self._opened_generation = self._storage.generation
        self._texts = TextQueue(paths)
        self._writer = Writer(
            self._storage, self._lock, delay_s, before_save=self._backup_hook, texts=self._texts
        )
        self.upgraded_from: list[int] = []

    # ------------------------------------------------------------------ open / close

    @classmethod
    def open(cls, path: str | Path | None = None, *, delay_s: float = 0.2) -> Library:
        """Open (or create, in a missing or empty folder) the library at `path`.

        Raises LibraryLockedError, LibraryDamagedError (file set aside, good backups listed),
        LibraryVersionError, NotALibraryError, LibraryWriteError (read-only, disk full).
        """
        paths = LibraryPaths(Path(path) if path else default_library_dir())
        check_folder(paths)
        make_folders(paths)
        lock = LibraryLock(paths.lock)
        lock.acquire()
        try:
            remove_stale_temp_files(paths)
            db = LibraryDB(paths.db, storage=AtomicJSONStorage, deferred=True)
            applied = load_or_create(db.storage, paths)  # type: ignore[arg-type]
            library = cls(paths, db, lock, delay_s)
        except BaseException:
            lock.release()
            raise
        library.upgraded_from = applied
        return library

    @property
    def path(self) -> Path:
        return self.paths.root

    def close(self, discard_unsaved: bool = False) -> None:
        """Save and release. If saving fails the library stays open (and raises), unless
        `discard_unsaved` (the reviewer chose to quit without saving)."""
        if self._writer is None:
            return
        if not discard_unsaved:
            self.flush()
        self._writer.stop()
        if self._storage.generation > self._opened_generation:
            # The session's final state, so the newest backup is never minutes behind.
            with contextlib.suppress(OSError, LibraryError):
                take_backup(self.paths.db, self.paths.backups_dir)
        self._writer = None  # type: ignore[assignment]
        self._lock_file.release()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def flush(self, timeout: float | None = None) -> None:
        """Block until every change so far is on disk (acknowledged), or raise why not."""
        self._writer.flush(timeout)

    def save_status(self) -> SaveStatus:
        """For a status bar polled by a timer: saved yet, and the last save error if any."""
        return self._writer.status()

    def _backup_hook(self):  # called on the writer thread, just before a save
        if not self._backups.due():
            return None

        def keep_old_file() -> None:
            try:
                take_backup(self.paths.db, self.paths.backups_dir)
            except (OSError, LibraryError):
                return  # a missing backup must not stop the save itself
            self._backups.taken()

        return keep_old_file

    @staticmethod
    def good_backups(path: str | Path) -> list[Path]:
        """Backups that can be opened, newest first."""
        return good_backups(LibraryPaths(Path(path)).backups_dir)

    @staticmethod
    def restore_backup(path: str | Path, backup: str | Path) -> None:
        """Make `backup` the library file of the (closed) library at `path`."""
        paths = LibraryPaths(Path(path))
        lock = LibraryLock(paths.lock)
        lock.acquire()
        try:
            restore(Path(backup), paths.db, paths.backups_dir)
        finally:
            lock.release()

    # ------------------------------------------------------------------ reading

    def candidate(self, candidate_id: int) -> Candidate:
        with self._lock:
            rec = self._need("candidates", candidate_id)
            docs = self._store.docs()
            return Candidate(
                id=candidate_id,
                profile=profile_of(rec, docs),
                fields={f: field_info(s, docs, f) for f, s in rec["fields"].items()},
                document_ids=tuple(rec["documents"]),
                review=review_from_record(self._store.raw("reviews", candidate_id)),
                created=rec["created"],
                updated=rec.get("updated", rec["created"]),
            )

    def candidates(self) -> list[CandidateSummary]:
        """Every candidate, by id: what a list or table shows."""
        with self._lock:
            docs = self._store.docs()
            return [self._summary(cid, rec, docs) for cid, rec in self._table_items("candidates")]

    def _summary(self, cid: int, rec: Raw, docs: Mapping[int, Raw]) -> CandidateSummary:
        name = field_raw(rec["fields"].get("name"), docs, "name")
        emails = field_raw(rec["fields"].get("emails"), docs, "emails") or []
        review = self._store.raw("reviews", cid) or new_review()
        return CandidateSummary(
            id=cid,
            name=name["text"] if name else None,
            emails=tuple(e["text"] for e in emails),
            document_ids=tuple(rec["documents"]),
            kinds=tuple(docs[d]["kind"] for d in rec["documents"] if d in docs),
            status=review["status"],
            shortlisted=review["shortlisted"],
            rank=review["rank"],
            tags=tuple(review["tags"]),
            pending_fields=tuple(f for f, s in rec["fields"].items() if s.get("pending")),
            updated=rec.get("updated", rec["created"]),
        )

    def document(self, document_id: int) -> Document:
        with self._lock:
            rec = self._need("documents", document_id)
            return document_from_record(document_id, rec, self.paths.root)

    def documents(self, candidate_id: int | None = None) -> list[Document]:
        """Every document, or one candidate's."""
        with self._lock:
            if candidate_id is not None:
                ids = self._need("candidates", candidate_id)["documents"]
                return [self.document(d) for d in ids]
            return [
                document_from_record(d, rec, self.paths.root)
                for d, rec in self._table_items("documents")
            ]

    def unassigned_documents(self) -> list[Document]:
        with self._lock:
            return [
                document_from_record(d, rec, self.paths.root)
                for d, rec in self._table_items("documents")
                if rec["candidate"] is None
            ]

    def document_text(self, document_id: int) -> str:
        sha = self.document(document_id).sha256
        with self._lock:
            pending = self._texts.get(sha)
        return pending if pending is not None else read_text(self.paths, sha)

    def parse_result(self, document_id: int) -> ParseResult:
        """The stored parse, text included (for showing evidence in the original)."""
        doc = self.document(document_id)
        return ParseResult(
            path=doc.source_path,
            kind=doc.kind,
            profile=doc.profile,
            text=self.document_text(document_id),
            pages=doc.pages,
            page_starts=doc.page_starts,
            warnings=doc.warnings,
            source_format=doc.source_format,
            seconds=doc.parse_seconds,
        )

    def find_document(self, sha256: str) -> int | None:
        """The id of the document with this content hash (a duplicate), or None."""
        with self._lock:
            return self._store.by_sha.get(sha256)

    def merge_conflicts(self, keep_id: int, other_id: int) -> dict[str, tuple[Any, Any]]:
        """Fields both have with different values: {field: (kept's, other's)}, typed."""
        with self._lock:
            docs = self._store.docs()
            keep, other = self._need("candidates", keep_id), self._need("candidates", other_id)
            found = conflicts(keep, other, docs).items()
            return {f: (typed(f, a), typed(f, b)) for f, (a, b) in found}

    def _need(self, table: str, record_id: int) -> Raw:
        rec = self._store.raw(table, record_id)
        if rec is None:
            what = "candidate" if table == "candidates" else "document"
            raise UnknownIdError(f"no {what} with id {record_id}")
        return rec

    def _table_items(self, table: str) -> list[tuple[int, Raw]]:
        return sorted(self._store.tables[table].raw_items())

    # ------------------------------------------------------------------ changing

    def _change(self, label: str, work) -> Any:
        """Run `work(batch)` and land its changes together; returns (result, undo token)."""
        with self._lock:
            batch = self._store.batch(label)
            try:
                result = work(batch)
            except BaseException:
                batch.abandon()
                raise
            token = batch.commit()
        self._writer.poke()
        return result, token

    def add_parse_results(self, items: Iterable[ImportItem | ParseResult]) -> ImportSummary:
        """Store a batch of parsed documents (one save for the whole batch). Duplicates (same
        sha256) are reported, not stored; each document joins, starts or awaits a candidate."""
        work = lambda b: import_items(b, self.paths, items, self._texts)  # noqa: E731
        summary, _ = self._change("import", work)
        return summary

    def replace_parse_result(self, document_id: int, result: ParseResult) -> UndoToken:
        """A re-parse: unedited fields follow it; edited ones get a pending diff instead."""

        def work(batch):
            doc = batch.need("documents", document_id)
            new = {**doc, "profile": canonical(result.profile.to_dict()), "kind": result.kind}
            new["warnings"] = list(result.warnings)
            batch.put("documents", document_id, new)
            if doc["candidate"] is not None:
                self._refresh(batch, doc["candidate"], [document_id])

        return self._change("re-parse", work)[1]

    def _refresh(self, batch, cid: int, changed: list[int]) -> None:
        cand = batch.need("candidates", cid)
        fields = refresh_fields(cand, batch.docs(), changed)
        batch.put("candidates", cid, {**cand, "fields": fields, "updated": now_iso()})
        batch.reindex(cid)

    def update_field(self, candidate_id: int, field: str, value: Any) -> UndoToken:
        """The reviewer's value for a profile field (typed, plain strings or dicts all do)."""
        raw = normalise_value(field, value)

        def work(batch):
            cand = batch.need("candidates", candidate_id)
            state = {"source": REVIEWER, "value": raw, "edited_at": now_iso()}
            fields = {**cand["fields"], field: state}
            batch.put("candidates", candidate_id, {**cand, "fields": fields, "updated": now_iso()})
            batch.reindex(candidate_id)

        return self._change("edit", work)[1]

    def accept_diff(self, candidate_id: int, field: str) -> UndoToken:
        """Take the pending document value for `field` (it stays, pinned, until decided again)."""

        def work(batch):
            cand = batch.need("candidates", candidate_id)
            pending = (cand["fields"].get(field) or {}).get("pending")
            if pending is None:
                raise LibraryError(f"no pending change for {field!r}")
            fields = {**cand["fields"], field: {"source": pending, "pinned": True}}
            batch.put("candidates", candidate_id, {**cand, "fields": fields, "updated": now_iso()})
            batch.reindex(candidate_id)

        return self._change("accept change", work)[1]

    def reject_diff(self, candidate_id: int, field: str) -> UndoToken:
        """Keep the stored value and drop the pending one."""

        def work(batch):
            cand = batch.need("candidates", candidate_id)
            state = {k: v for k, v in (cand["fields"].get(field) or {}).items() if k != "pending"}
            fields = {**cand["fields"], field: state} if state else cand["fields"]
            batch.put("candidates", candidate_id, {**cand, "fields": fields})

        return self._change("reject change", work)[1]

    def revert_field(self, candidate_id: int, field: str) -> UndoToken:
        """Forget the reviewer's decision: the field follows the documents again."""

        def work(batch):
            cand = batch.need("candidates", candidate_id)
            fields = {f: s for f, s in cand["fields"].items() if f != field}
            batch.put("candidates", candidate_id, {**cand, "fields": fields})
            self._refresh(batch, candidate_id, [])

        return self._change("revert field", work)[1]

    def set_review(self, candidate_id: int, **changes: Any) -> UndoToken:
        """status, scores {criterion: 1..5 | Score}, tags, notes, shortlisted, rank."""

        def work(batch):
            batch.need("candidates", candidate_id)
            rec = batch.get("reviews", candidate_id) or new_review()
            new = apply_review_changes(rec, changes)
            batch.put("reviews", candidate_id, {**new, "updated": now_iso()})

        return self._change("review", work)[1]

    def merge_candidates(
        self, keep_id: int, other_id: int, choices: Mapping[str, str] | None = None
    ) -> MergeResult:
        """Fold `other_id` into `keep_id`; `choices[field]` = "keep" | "other" where they
        conflict (default: the kept one's). Reviews are joined; undo with `undo()`."""
        work = lambda b: structure.merge(b, keep_id, other_id, choices or {})  # noqa: E731
        _, token = self._change("merge", work)
        return MergeResult(keep_id, other_id, token)

    def split_document(self, document_id: int) -> SplitResult:
        """Make a document (assigned or not) a candidate of its own."""
        (was, new), token = self._change("split", lambda b: structure.split(b, document_id))
        return SplitResult(document_id, was, new, token)

    def assign_document(self, document_id: int, candidate_id: int | None) -> UndoToken:
        """Move a document to a candidate (None: back to unassigned)."""
        return self._change("assign", lambda b: structure.assign(b, document_id, candidate_id))[1]

    def undo(self, token: UndoToken) -> None:
        """Put back what a change replaced (call in reverse order of the changes)."""

        def work(batch):
            for table, records in token.before.items():
                for record_id, rec in records.items():
                    batch.put(table, record_id, rec)

        self._change("undo", work)

    def delete_candidate(self, candidate_id: int) -> None:
        """Remove a candidate, its review, its documents and their text and copies. The
        files go only once the records' removal is on disk. Cannot be undone."""
        files, _ = self._change("delete", lambda b: structure.delete_candidate(b, candidate_id))
        self._remove_files(files)

    def delete_document(self, document_id: int) -> None:
        files, _ = self._change("delete", lambda b: [structure.delete_document(b, document_id)])
        self._remove_files(files)

    def _remove_files(self, files: list[tuple[str, str | None]]) -> None:
        self.flush()
        for sha, stored in files:
            with self._lock:
                self._texts.discard(sha)
            remove_document_files(self.paths, sha, stored)
