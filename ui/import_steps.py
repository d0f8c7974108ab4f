"""The slow steps of an import, kept away from the GUI thread.

`scan_and_hash` expands folders and hashes files (the reviewer's disk may be slow, and
300 PDFs are tens of MB); `store_files` copies a parsed document into the library and
writes its text, each with an fsync (~15 ms per file measured, too long for a GUI tick).
Both run on pool threads and neither touches the `Library` object: the GUI thread owns
it, and `add_parse_results` finds the files already in place. `parse_below_the_window`
is the parser the worker processes run, at a lower CPU priority than the window.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from parsing.models import ParseResult
from parsing.registry import is_accepted
from storage.files import hash_file, store_original, store_text
from storage.models import ImportItem
from storage.paths import LibraryPaths

CHUNK_FILES = 16
WORKER_NICENESS = 10
CHUNK_SECONDS = 0.1


@dataclass(frozen=True)
class Hashed:
    path: str
    sha256: str | None
    error: str | None = None


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and is_accepted(name):
                yield Path(root) / name


def expand(paths: Iterable[str]) -> Iterator[Path]:
    """Files as given (the parser judges them) and accepted files inside folders."""
    for raw in paths:
        path = Path(raw).absolute()
        yield from _walk(path) if path.is_dir() else (path,)


def _hash_one(path: Path) -> Hashed:
    try:
        return Hashed(str(path), hash_file(path))
    except FileNotFoundError:
        return Hashed(str(path), None, "no such file")
    except OSError as exc:
        return Hashed(str(path), None, f"cannot read the file: {exc.strerror or exc}")


def scan_and_hash(
    paths: list[str], cancelled: threading.Event, report: Callable[[list[Hashed]], None]
) -> int:
    """Report hashed files in chunks (so parsing starts early); returns how many."""
    chunk: list[Hashed] = []
    last = time.monotonic()
    count = 0
    for path in expand(paths):
        if cancelled.is_set():
            break
        chunk.append(_hash_one(path))
        count += 1
        if len(chunk) >= CHUNK_FILES or time.monotonic() - last >= CHUNK_SECONDS:
            report(chunk)
            chunk, last = [], time.monotonic()
    if chunk:
        report(chunk)
    return count


def store_files(paths: LibraryPaths, item: ImportItem) -> ImportItem:
    """Copy the original and write the text; raises LibraryWriteError (disk full...)."""
    assert item.sha256 is not None
    store_text(paths, item.sha256, item.result.text)
    source = Path(item.source_path or item.result.path)
    if source.is_file():
        store_original(paths, source, item.sha256)
    return item


_lowered = False


def parse_below_the_window(path: str) -> ParseResult:
    """`parsing.pipeline.parse_file`, in a worker that yields the CPU to the window.

    With as many parser processes as cores, the GUI thread otherwise queues for a CPU and
    the window stutters (gaps of 50-100 ms measured on 2 cores); a niced worker loses
    nothing when the machine is otherwise idle."""
    global _lowered
    if not _lowered:
        _lowered = True
        # Windows has no nice(); a refusal is harmless.
        with contextlib.suppress(AttributeError, OSError):
            os.nice(WORKER_NICENESS)
    from parsing.pipeline import parse_file

    return parse_file(path)
