"""Opening a library folder: create, upgrade, or refuse, and never start over a damaged one."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from typing import Any

import orjson

from storage.atomic_storage import AtomicJSONStorage, describe_write_failure
from storage.backups import good_backups, list_backups, take_backup
from storage.errors import LibraryDamagedError, LibraryError, LibraryWriteError, NotALibraryError
from storage.migrations import check_structure, needs_upgrade, new_library_data, upgrade
from storage.paths import LibraryPaths


def check_folder(paths: LibraryPaths) -> None:
    """Refuse folders that are not (and cannot become) a library, before touching anything."""
    root = paths.root
    if root.exists() and not root.is_dir():
        raise NotALibraryError(f"{root} is a file, not a library folder")
    if not root.exists() or paths.db.exists():
        return
    damaged = sorted(root.glob(f"{paths.db.name}.damaged-*"))
    if list_backups(paths.backups_dir) or damaged:
        # No file but backups or a damaged one set aside: starting empty would bury them.
        reason = f"it was set aside as {damaged[-1].name}" if damaged else "the file is missing"
        raise LibraryDamagedError(reason, None, good_backups(paths.backups_dir))
    strangers = sorted(set(os.listdir(root)) - paths.ours() - {d.name for d in damaged})
    if strangers:
        raise NotALibraryError(
            f"{root} holds other files ({', '.join(strangers[:3])}…) and no library; "
            "choose an empty folder for a new library"
        )


def make_folders(paths: LibraryPaths) -> None:
    try:
        for folder in (paths.root, paths.text_dir, paths.files_dir, paths.backups_dir):
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryWriteError(describe_write_failure(exc, "the library folder")) from exc
    if not os.access(paths.root, os.W_OK):
        raise LibraryWriteError(
            f"the library folder {paths.root} is read-only: Shortlist cannot save there"
        )


def remove_stale_temp_files(paths: LibraryPaths) -> None:
    """Temp files of a save, a backup or a document copy that was killed half-way (only ever
    called with the lock held, so no save of ours is writing them)."""
    folders = [paths.root, paths.text_dir, paths.backups_dir]
    if paths.files_dir.is_dir():
        folders += [p for p in paths.files_dir.iterdir() if p.is_dir()]  # files/ab/
    for folder in folders:
        for tmp in folder.glob(".*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()


def load_or_create(storage: AtomicJSONStorage, paths: LibraryPaths) -> list[int]:
    """Fill the storage's memory state; returns the schema versions an upgrade applied."""
    data = _load_checked(storage, paths)
    if data is None:
        storage.write(new_library_data())
        storage.save(storage.serialise())
        return []
    if not needs_upgrade(data):
        return []
    take_backup(paths.db, paths.backups_dir, "before-upgrade")
    applied = upgrade(data)
    storage.write(data)
    storage.save(storage.serialise())
    return applied


def _load_checked(storage: AtomicJSONStorage, paths: LibraryPaths) -> dict[str, Any] | None:
    try:
        data = storage.load()
    except orjson.JSONDecodeError as exc:
        raise _damaged(paths, f"it is not valid JSON ({exc})") from None
    except OSError as exc:
        raise LibraryError(f"cannot read the library file {paths.db}: {exc.strerror}") from exc
    if data is None:
        return None
    reason = check_structure(data)
    if reason:
        raise _damaged(paths, reason)
    return data


def _damaged(paths: LibraryPaths, reason: str) -> LibraryDamagedError:
    """Move the damaged file aside (it is confirmed damaged) and offer the good backups."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = paths.db.with_name(f"{paths.db.name}.damaged-{stamp}")
    try:
        os.replace(paths.db, aside)
    except OSError:
        aside = None
    return LibraryDamagedError(reason, aside, good_backups(paths.backups_dir))
