"""Hooks a bench installs in a child `python main.py import` before running it.

- `acks`: prints `importing` once the library is open and `ack SHA256` for each file of
  a batch once the batch is stored and `Library.flush()` has returned. That is what
  "acknowledged" means for an import: the summary counts a file only then.
- `frequent_backups`: a backup before every save, between `backup-start` and `backup-end`.
- `write_budget`: the library's writes (atomic writes of library.json, texts and backups;
  document copies) fail with ENOSPC, as on a full disk, once `budget` bytes are written;
  a write that crosses the budget writes what fits first, as a real disk would.

Only ever called in a child process made for the purpose: they patch module globals.
"""

from __future__ import annotations

import errno
import os
from typing import Any


def say(line: str) -> None:
    print(line, flush=True)


def acks(batch_size: int = 4, batch_seconds: float = 0.2) -> None:
    """Small batches: an import then has many acknowledged moments to be stopped between."""
    from storage import cli

    cli.BATCH_SIZE, cli.BATCH_SECONDS = batch_size, batch_seconds
    real_store, real_import = cli._store, cli._import

    def store(library: Any, batch: list[Any], summary: Any) -> None:
        real_store(library, batch, summary)  # add_parse_results, then flush(): on disk now
        for item in batch:
            say(f"ack {item.sha256}")

    def start(library: Any, args: Any, summary: Any) -> None:
        say("importing")
        real_import(library, args, summary)

    cli._store, cli._import = store, start


def frequent_backups() -> None:
    from storage import library as library_module
    from storage.backups import BackupPolicy

    real_take = library_module.take_backup

    def take(db: Any, backups_dir: Any, label: str = "") -> Any:
        say("backup-start")
        try:
            return real_take(db, backups_dir, label)
        finally:
            say("backup-end")

    library_module.BackupPolicy = lambda: BackupPolicy(interval_s=0.0)
    library_module.take_backup = take


def write_budget(budget: int) -> None:
    import shutil

    from storage import atomic_storage

    left = [budget]

    def allowance(size: int) -> int:
        granted = min(size, left[0])
        left[0] -= granted
        return granted

    def full() -> OSError:
        return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_write_all = atomic_storage._write_all

    def write_all(fd: int, payload: bytes) -> None:
        granted = allowance(len(payload))
        real_write_all(fd, payload[:granted])
        if granted < len(payload):
            raise full()

    def copyfileobj(source: Any, target: Any, length: int = 0) -> None:
        while chunk := source.read(1 << 16):
            granted = allowance(len(chunk))
            target.write(chunk[:granted])
            if granted < len(chunk):
                raise full()

    atomic_storage._write_all = write_all
    shutil.copyfileobj = copyfileobj  # storage.files copies documents with it


def run_import(library: str, folder: str, *, workers: int = 2) -> int:
    import main as shortlist

    return shortlist.main(["import", folder, "--library", library, "--workers", str(workers)])
