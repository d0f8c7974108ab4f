"""`import`, `list` and `show`: the library from the command line."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from storage.errors import LibraryError, LibraryWriteError
from storage.files import hash_file
from storage.library import Library
from storage.models import ImportItem, ImportSummary
from storage.views import candidate_json, candidate_text, summary_json, summary_table

BATCH_SIZE = 25
BATCH_SECONDS = 1.0


def add_commands(sub: argparse._SubParsersAction, add_library_option: Callable) -> None:
    imp = sub.add_parser("import", help="add documents (files or folders) to the library")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--workers", type=int, default=None, help="parser processes")
    imp.add_argument("--timeout", type=float, default=30.0, help="seconds per file")
    add_library_option(imp)
    imp.set_defaults(run=run_import)
    lst = sub.add_parser("list", help="list the candidates in the library")
    lst.add_argument("--json", action="store_true", help="print JSON")
    add_library_option(lst)
    lst.set_defaults(run=run_list)
    show = sub.add_parser("show", help="show one candidate")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="print JSON")
    add_library_option(show)
    show.set_defaults(run=run_show)


def _open(args: argparse.Namespace) -> Library | None:
    try:
        return Library.open(getattr(args, "library", None))
    except LibraryError as exc:
        print(f"shortlist: {exc}", file=sys.stderr)
        return None


# --------------------------------------------------------------------------- list / show


def run_list(args: argparse.Namespace) -> int:
    library = _open(args)
    if library is None:
        return 2
    with library:
        rows, loose = library.candidates(), library.unassigned_documents()
        if args.json:
            data = {"candidates": [summary_json(r) for r in rows]}
            data["unassigned_documents"] = [{"id": d.id, "file": d.file_name} for d in loose]
            _print_json(data)
        else:
            print(summary_table(rows, loose))
    return 0


def run_show(args: argparse.Namespace) -> int:
    library = _open(args)
    if library is None:
        return 2
    with library:
        try:
            candidate = library.candidate(args.id)
        except LibraryError as exc:
            print(f"shortlist: {exc}", file=sys.stderr)
            return 1
        documents = library.documents(args.id)
        if args.json:
            _print_json(candidate_json(candidate, documents))
        else:
            print(candidate_text(candidate, documents))
    return 0


def _print_json(data: Any) -> None:
    sys.stdout.write(orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n")


# --------------------------------------------------------------------------- import


def collect_files(paths: Iterable[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named and files inside folders (recursive, accepted types only); missing ones fail."""
    from parsing.registry import is_accepted

    found: list[Path] = []
    failed: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and is_accepted(p)))
        elif path.is_file():
            found.append(path)
        else:
            failed.append((raw, "no such file or folder"))
    return list(dict.fromkeys(found)), failed


def _parse_many(paths: list[str], workers: int | None, timeout: float) -> Iterator[Any]:
    from parsing.pool import parse_many

    return parse_many(paths, workers=workers, timeout=timeout)


class _Progress:
    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.tty = sys.stderr.isatty()

    def step(self, path: str) -> None:
        self.done += 1
        line = f"[{self.done:>{len(str(self.total))}}/{self.total}] {Path(path).name}"
        if self.tty:
            sys.stderr.write(f"\r\033[K{line[:100]}")
        elif self.done == self.total or self.done % 25 == 0:
            sys.stderr.write(f"{line}\n")
        sys.stderr.flush()

    def end(self) -> None:
        if self.tty and self.total:
            sys.stderr.write("\n")


def run_import(args: argparse.Namespace) -> int:
    library = _open(args)
    if library is None:
        return 2
    summary = ImportSummary()
    try:
        with library:
            try:
                _import(library, args, summary)
            except LibraryError:
                # A save failed (disk full, read-only): leave on disk exactly what the summary
                # counts, not a batch that a retry while closing might still write.
                library.close(discard_unsaved=True)
                raise
    except LibraryError as exc:
        print(f"shortlist: {exc}", file=sys.stderr)
        print_summary(summary)
        return 2
    print_summary(summary)
    return 1 if summary.failed else 0


def _import(library: Library, args: argparse.Namespace, summary: ImportSummary) -> None:
    from storage.export.json_import import import_exports, is_export

    exports = [p for p in args.paths if is_export(p)]  # JSON exports: records, not documents
    files, summary.failed = collect_files(p for p in args.paths if p not in exports)
    summary.extend(import_exports(library, exports))
    to_parse: dict[str, str] = {}  # path -> sha256, hashed once
    first_of: dict[str, str] = {}  # sha256 -> the path parsed for it
    same_twice: list[tuple[str, str]] = []
    for path in files:
        try:
            sha = hash_file(path)
        except OSError as exc:
            summary.failed.append((str(path), f"cannot read the file: {exc.strerror}"))
            continue
        existing = library.find_document(sha)
        if existing is not None:
            summary.duplicates.append((str(path), existing))
        elif sha in first_of:
            same_twice.append((str(path), sha))
        else:
            to_parse[str(path)] = sha
            first_of[sha] = str(path)
    progress = _Progress(len(to_parse))
    batch: list[ImportItem] = []
    counted: set[str] = set()  # paths the summary has an outcome for
    began = time.monotonic()
    try:
        for outcome in _parse_many(list(to_parse), args.workers, args.timeout):
            progress.step(outcome.path)
            if outcome.result is None:
                reason = outcome.error or outcome.error_code or "failed"
                summary.failed.append((outcome.path, reason))
                counted.add(outcome.path)
            else:
                batch.append(ImportItem(outcome.result, to_parse[outcome.path], outcome.path))
            if len(batch) >= BATCH_SIZE or (batch and time.monotonic() - began >= BATCH_SECONDS):
                _store(library, batch, summary)
                counted.update(str(item.source_path) for item in batch)
                batch, began = [], time.monotonic()
        _store(library, batch, summary)
    except LibraryWriteError as exc:  # the rest is not imported, and the summary says why
        progress.end()
        why = f"not imported: {exc}"
        summary.failed.extend((path, why) for path in to_parse if path not in counted)
        summary.failed.extend((path, why) for path, _ in same_twice)
        raise
    progress.end()
    _same_twice(library, same_twice, first_of, summary)


def _same_twice(
    library: Library,
    copies: list[tuple[str, str]],
    first_of: dict[str, str],
    summary: ImportSummary,
) -> None:
    """The same content twice in one import: the first copy counts. When it failed, so does
    every copy, for the same reason (not "duplicate" of a document that does not exist)."""
    why = dict(summary.failed)
    for path, sha in copies:
        existing = library.find_document(sha)
        if existing is not None:
            summary.duplicates.append((path, existing))
        else:
            first = first_of[sha]
            reason = why.get(first, "not imported")
            summary.failed.append((path, f"{reason} (same content as {Path(first).name})"))


def _store(library: Library, batch: list[ImportItem], summary: ImportSummary) -> None:
    if batch:
        stored = library.add_parse_results(batch)
        library.flush()  # acknowledged: only now does the summary count them
        summary.extend(stored)


def print_summary(summary: ImportSummary) -> None:
    loose = f", {len(summary.unassigned)} unassigned" if summary.unassigned else ""
    print(
        f"added {len(summary.new_candidates)} new candidates, "
        f"attached {len(summary.attached)} to existing candidates{loose}, "
        f"{len(summary.duplicates)} duplicates, {len(summary.failed)} failed"
    )
    for path, reason in summary.failed:
        print(f"  {path}: {reason}")
