"""The TinyDB storage: atomic replace, orjson, read cache, and failures that keep the file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import orjson
import pytest
from tinydb import TinyDB

from storage import atomic_storage
from storage.atomic_storage import AtomicJSONStorage, atomic_write_bytes
from storage.errors import LibraryWriteError
from tests.storage.conftest import running_as_root


def test_round_trip_through_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert_multiple({"n": i, "name": f"Zoë {i}"} for i in range(100))
    db.close()
    again = TinyDB(path, storage=AtomicJSONStorage)
    assert len(again) == 100
    assert again.get(doc_id=5)["name"] == "Zoë 4"
    assert orjson.loads(path.read_bytes())["_default"]["1"] == {"n": 0, "name": "Zoë 0"}


def test_reads_come_from_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = TinyDB(tmp_path / "db.json", storage=AtomicJSONStorage)
    db.insert({"a": 1})
    calls = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: calls.append(self) or real(self))
    for _ in range(20):
        db.all()
        db.insert({"b": 2})
    assert calls == []


def test_write_goes_through_fsync_and_rename(tmp_path: Path, monkeypatch) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: events.append("fsync") or real_fsync(fd))
    monkeypatch.setattr(os, "replace", lambda a, b: events.append("replace") or real_replace(a, b))
    atomic_write_bytes(tmp_path / "f.json", b"{}")
    assert events == ["fsync", "replace", "fsync"]  # file, rename, then the folder


def _fail_write_after(monkeypatch: pytest.MonkeyPatch, code: int, allowed: int) -> None:
    """os.write writes `allowed` bytes, then fails: a disk that fills up half-way."""
    real = os.write
    left = {"n": allowed}

    def write(fd: int, data) -> int:
        if left["n"] <= 0:
            raise OSError(code, os.strerror(code))
        n = real(fd, bytes(data[: left["n"]]))
        left["n"] -= n
        return n

    monkeypatch.setattr(atomic_storage.os, "write", write)


def test_disk_full_mid_write_keeps_last_good_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "db.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert_multiple({"n": i} for i in range(50))
    good = path.read_bytes()
    _fail_write_after(monkeypatch, errno.ENOSPC, allowed=100)
    with pytest.raises(LibraryWriteError, match=r"the disk is full: .*\(last saved state kept\)"):
        db.insert({"n": "lost"})
    assert path.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["db.json"]  # no temp file left behind
    monkeypatch.undo()
    assert len(TinyDB(path, storage=AtomicJSONStorage)) == 50


def test_read_only_folder_gives_clear_message(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "db.json"
    atomic_write_bytes(path, b'{"a": 1}')
    if running_as_root():  # root writes through 0o555: make the folder refuse like a real one

        def refuse(*args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(atomic_storage.tempfile, "mkstemp", refuse)
    else:
        tmp_path.chmod(0o555)
    try:
        with pytest.raises(LibraryWriteError, match="the library folder is read-only"):
            atomic_write_bytes(path, b'{"a": 2}')
    finally:
        tmp_path.chmod(0o755)
    assert path.read_bytes() == b'{"a": 1}'


def test_unserialisable_data_never_touches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path)
    storage.write({"t": {"1": {"ok": True}}})
    with pytest.raises(TypeError):
        storage.write({"t": {"1": {"bad": object()}}})
    assert orjson.loads(path.read_bytes()) == {"t": {"1": {"ok": True}}}


def test_deferred_storage_only_writes_on_save(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    storage = AtomicJSONStorage(path, deferred=True)
    storage.write({"t": {}})
    assert not path.exists() and storage.generation == 1
    storage.save(storage.serialise())
    assert orjson.loads(path.read_bytes()) == {"t": {}}


def test_library_snapshot_equals_its_memory(library) -> None:
    from tests.storage.conftest import make_result

    for i in range(3):
        library.add_parse_results([make_result(f"Ann Ex{'abc'[i]}son", text=str(i))])
        library.update_field(1, "skills", [f"s{i}"])
        library.set_review(1, notes=f"n{i}")
        library.flush()
    storage = library._storage
    assert orjson.loads(storage.serialise()) == orjson.loads(orjson.dumps(storage.read()))
    assert orjson.loads(storage.path.read_bytes())["reviews"]["1"]["notes"] == "n2"
