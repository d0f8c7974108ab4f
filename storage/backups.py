"""Rolling backups of the library file: the last ten, plus the newest of each of the last
seven days.

A backup is a full copy (not a hard link: whatever damages the file in place would damage
a link too) of the file that is about to be replaced, made by the writer thread just
before the rename, so it is always a complete, fsynced file that was once current.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from storage.atomic_storage import atomic_write_bytes

KEEP_RECENT = 10
KEEP_DAYS = 7
INTERVAL_S = 5 * 60  # "every few minutes of work"
_PREFIX = "library-"
_STAMP = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime

    @property
    def name(self) -> str:
        return self.path.name


def take_backup(db: Path, backups_dir: Path, label: str = "") -> Path | None:
    """Keep the current library file as a backup (None when there is no file yet)."""
    if not db.exists():
        return None
    backups_dir.mkdir(exist_ok=True)
    suffix = f"-{label}" if label else ""
    target = backups_dir / f"{_PREFIX}{datetime.now().strftime(_STAMP)}{suffix}.json"
    atomic_write_bytes(target, db.read_bytes(), what="the backup")
    prune(backups_dir)
    return target


def list_backups(backups_dir: Path) -> list[Backup]:
    """Newest first."""
    found = []
    for path in backups_dir.glob(f"{_PREFIX}*.json"):
        stamp = path.stem[len(_PREFIX) :][: len("YYYYmmdd-HHMMSS-ffffff")]
        with contextlib.suppress(ValueError):
            found.append(Backup(path, datetime.strptime(stamp, _STAMP)))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def is_good(path: Path) -> bool:
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return False
    from storage.migrations import check_structure  # late: migrations imports nothing of ours

    return check_structure(data) is None


def good_backups(backups_dir: Path) -> list[Path]:
    return [b.path for b in list_backups(backups_dir) if is_good(b.path)]


def prune(backups_dir: Path, now: datetime | None = None) -> list[Path]:
    """Drop backups outside the policy; returns what was removed."""
    backups = list_backups(backups_dir)
    keep = {b.path for b in backups[:KEEP_RECENT]}
    today = (now or datetime.now()).date()
    newest_per_day: dict[object, Path] = {}
    for b in backups:
        if (today - b.taken.date()).days < KEEP_DAYS:
            newest_per_day.setdefault(b.taken.date(), b.path)
    keep.update(newest_per_day.values())
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def restore(backup: Path, db: Path, backups_dir: Path) -> None:
    """Put a backup back as the library file (the current file, if any, is kept as a backup)."""
    payload = backup.read_bytes()
    orjson.loads(payload)  # refuse to restore garbage over anything
    atomic_write_bytes(db, payload, lambda: take_backup(db, backups_dir, "before-restore"))


class BackupPolicy:
    """Decides when a save should keep the file it replaces."""

    def __init__(self, interval_s: float = INTERVAL_S):
        self.interval_s = interval_s
        self._last: float | None = None  # none yet this session: the first save takes one

    def due(self) -> bool:
        return self._last is None or time.monotonic() - self._last >= self.interval_s

    def taken(self) -> None:
        self._last = time.monotonic()
