"""One app per library: a lock file naming the pid and host that hold it.

On POSIX the file is also `flock`ed, so the kernel frees it when the holder dies (even by
SIGKILL) and a stale file is simply taken over. Without flock (Windows) a lock naming a
dead pid on this host is taken over; anything else is refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from pathlib import Path

from storage.atomic_storage import describe_write_failure
from storage.errors import LibraryLockedError, LibraryWriteError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _read_holder(path: Path) -> dict[str, object]:
    try:
        return json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def _describe(holder: dict[str, object], path: Path) -> str:
    pid, host = holder.get("pid", "?"), holder.get("host", "?")
    return (
        f"The library {path.parent} is already open in another Shortlist "
        f"(pid {pid} on host {host}). Close it there first."
    )


class LibraryLock:
    def __init__(self, path: Path):
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise LibraryWriteError(describe_write_failure(exc, "the lock file")) from exc
        try:
            self._take(fd)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _take(self, fd: int) -> None:
        holder = _read_holder(self.path)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise LibraryLockedError(_describe(holder, self.path)) from None
        elif holder and not self._stale(holder):
            raise LibraryLockedError(_describe(holder, self.path))
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)

    @staticmethod
    def _stale(holder: dict[str, object]) -> bool:
        same_host = holder.get("host") == socket.gethostname()
        pid = holder.get("pid")
        return same_host and isinstance(pid, int) and not _pid_alive(pid)

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
        # The file stays (empty = free): unlinking it would let two openers lock two inodes.
        os.close(self._fd)  # closing drops the flock
        self._fd = None
