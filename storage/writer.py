"""The one thread that saves the library file, so that no edit waits for the disk.

The owning thread changes the tables in memory (under `data_lock`); this thread takes a
snapshot under the same lock (orjson, ~30 ms at 5,000 candidates), then writes it with the
lock released (temp file + fsync + rename, the slow part). Changes that arrive while a save
runs are coalesced into the next one. A failed save keeps everything in memory and is tried
again (at once on `flush()`, otherwise every `retry_s`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from storage.atomic_storage import AtomicJSONStorage
from storage.errors import LibraryWriteError
from storage.files import TextQueue


@dataclass(frozen=True)
class SaveStatus:
    saved: bool  # everything changed so far is on disk
    error: str | None  # why the last save failed, when it did
    last_saved: float | None  # time.time() of the last successful save


class Writer:
    def __init__(
        self,
        storage: AtomicJSONStorage,
        data_lock: threading.RLock,
        delay_s: float = 0.2,
        retry_s: float = 2.0,
        before_save: Callable[[], Callable[[], None] | None] | None = None,
        texts: TextQueue | None = None,
    ):
        self._storage = storage
        self._data_lock = data_lock
        self._delay_s = delay_s
        self._retry_s = retry_s
        self._before_save = before_save  # returns the backup hook when a backup is due
        self._texts = texts  # written before the library file that refers to them
        self._cond = threading.Condition()
        self._durable = storage.generation
        self._started = 0  # save attempts begun (numbered from 1)
        self._failed = 0  # the number of the last attempt that failed
        self._urgent = False  # a flush() is waiting: no coalescing delay
        self._error: LibraryWriteError | None = None
        self._last_try = 0.0
        self._last_saved: float | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="library-writer", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ owner side

    def poke(self) -> None:
        """Something changed: save it soon."""
        with self._cond:
            self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> None:
        """Return once every change made before the call is on disk; else raise why not.

        Waits for a save of at least this generation; a save that was already running when
        flush() was called may predate the last change, so only a failure of an attempt
        begun after the call counts as the answer."""
        target = self._generation()
        with self._cond:
            asked_after = self._started
            self._urgent = True
            self._cond.notify_all()
            done = self._cond.wait_for(
                lambda: self._durable >= target or self._failed > asked_after, timeout
            )
            if not done:
                raise LibraryWriteError("saving the library is taking too long")
            if self._durable < target:
                raise self._error or LibraryWriteError("the library could not be saved")

    def status(self) -> SaveStatus:
        with self._cond:
            saved = self._durable >= self._generation()
            message = str(self._error) if self._error and not saved else None
            return SaveStatus(saved, message, self._last_saved)

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join()

    # ------------------------------------------------------------------ writer side

    def _generation(self) -> int:
        return self._storage.generation

    def _due(self) -> bool:
        if self._stopping:
            return True
        if self._durable >= self._generation():
            return False
        if self._urgent:
            return True
        wait = self._retry_s if self._error else self._delay_s
        return time.monotonic() - self._last_try >= wait

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._due():
                    self._cond.wait(timeout=self._delay_s / 2)
                if self._stopping:
                    return
            self._save_once()

    def _save_once(self) -> None:
        with self._cond:
            self._started += 1
            number = self._started
            self._urgent = False
        error = None
        payload, texts, generation = None, {}, self._durable
        try:
            with self._data_lock:
                generation = self._generation()
                payload = self._storage.serialise() if generation > self._durable else None
                texts = self._texts.snapshot() if self._texts and payload is not None else {}
            if payload is not None:
                if self._texts:
                    self._texts.write(texts)
                self._storage.before_replace = self._before_save() if self._before_save else None
                self._storage.save(payload)
        except LibraryWriteError as exc:
            error = exc
        except Exception as exc:  # a bug must not kill the writer and hang every flush()
            error = LibraryWriteError(
                f"the library could not be saved ({type(exc).__name__}: {exc}); "
                "the last saved state is kept"
            )
        finally:
            self._storage.before_replace = None
        if texts and error is None:
            with self._data_lock:
                self._texts.written(texts)  # type: ignore[union-attr]
        with self._cond:
            self._last_try = time.monotonic()
            if error is None:
                self._durable = max(self._durable, generation)
                self._last_saved = time.time() if payload is not None else self._last_saved
                self._error = None
            else:
                self._error, self._failed = error, number
            self._cond.notify_all()
