"""Stand-in parse targets for the pool tests.

They must be top-level functions of an importable module: spawn workers unpickle the target
by name. `behave` picks its misbehaviour from the file name, so one pool can be fed a mix of
good and bad files, like a real drop of documents.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from parsing.models import EncryptedError, ParseResult, Profile


def echo(path: str) -> ParseResult:
    """A well-behaved parser: the file's text becomes the result."""
    text = Path(path).read_text(encoding="utf-8")
    return ParseResult(path=path, kind="other", profile=Profile(), text=text, pages=1)


def _sleep(path: str) -> ParseResult:
    time.sleep(10_000)
    return echo(path)


def _spin(path: str) -> ParseResult:
    # Pure-Python busy loop: the GIL is held, as in a runaway pypdf content-stream parse.
    while True:
        pass


def _segfault(path: str) -> ParseResult:
    os.kill(os.getpid(), signal.SIGSEGV)
    time.sleep(10)
    return echo(path)


def _exit(path: str) -> ParseResult:
    os._exit(3)


def _allocate(path: str) -> ParseResult:
    hog = bytearray(4 * 1024**3)  # 4 GB, far over the worker's address-space limit
    return echo(path + str(len(hog)))


def _encrypted(path: str) -> ParseResult:
    raise EncryptedError("encrypted: needs a password")


def _bug(path: str) -> ParseResult:
    raise ValueError("boom\nsecond line")


def _unpicklable(path: str) -> ParseResult:
    result = echo(path)
    return ParseResult(**{**result.__dict__, "warnings": (lambda: None,)})


def _slow(path: str) -> ParseResult:
    time.sleep(0.3)
    return echo(path)


_BEHAVIOURS = {
    "sleep": _sleep,
    "spin": _spin,
    "segv": _segfault,
    "exit": _exit,
    "alloc": _allocate,
    "encrypted": _encrypted,
    "bug": _bug,
    "unpicklable": _unpicklable,
    "slow": _slow,
}


def behave(path: str) -> ParseResult:
    """Dispatch on the file name's first dash-separated word; anything else parses fine."""
    kind = Path(path).name.split("-", 1)[0]
    return _BEHAVIOURS.get(kind, echo)(path)


def _refuse_to_load() -> None:
    raise RuntimeError("this target cannot be loaded in a worker")


class Unloadable:
    """Pickles fine in the parent, fails to unpickle in the worker: a broken install."""

    def __call__(self, path: str) -> ParseResult:
        return echo(path)

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_refuse_to_load, ())
