"""Opening, locking, saving, backups, damage and recovery, full disk and read-only."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from storage import atomic_storage, backups
from storage.errors import (
    LibraryDamagedError,
    LibraryLockedError,
    LibraryWriteError,
    NotALibraryError,
)
from storage.library import Library
from storage.paths import ENV_VAR, default_library_dir
from tests.storage.conftest import make_result, running_as_root

ROOT = Path(__file__).resolve().parents[2]


def _person(i: int) -> str:
    """Distinct made-up names (digits are not part of a name, so 'Person 1' would not do)."""
    letters = "abcdefghij"
    return f"Ann {''.join(letters[int(c)] for c in str(i))}son"


def _on_disk(lib_dir: Path) -> dict:
    return orjson.loads((lib_dir / "library.json").read_bytes())


def _names_on_disk(lib_dir: Path) -> set[str]:
    docs = _on_disk(lib_dir)["documents"].values()
    return {d["profile"]["name"]["text"] for d in docs if d["profile"]["name"]}


def test_new_library_layout_and_reopen(lib_dir: Path) -> None:
    with Library.open(lib_dir) as lib:
        lib.add_parse_results([make_result("Ada Lovelace", ("ada@x.org",))])
    assert {p.name for p in lib_dir.iterdir()} >= {"library.json", "text", "files", "backups"}
    with Library.open(lib_dir) as lib:
        assert [c.name for c in lib.candidates()] == ["Ada Lovelace"]
        assert _on_disk(lib_dir)["meta"]["1"]["schema_version"] == 1


def test_default_location_is_the_platform_data_folder(monkeypatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert default_library_dir().parts[-2:] == ("Shortlist", "library")
    monkeypatch.setenv(ENV_VAR, "/somewhere/else")
    assert default_library_dir() == Path("/somewhere/else")


def test_folder_with_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "thesis.pdf").write_bytes(b"%PDF")
    with pytest.raises(NotALibraryError, match="choose an empty folder"):
        Library.open(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis.pdf"]


def test_flush_makes_a_change_durable(library: Library, lib_dir: Path) -> None:
    library.add_parse_results([make_result("Ada Lovelace")])
    library.flush()
    assert _names_on_disk(lib_dir) == {"Ada Lovelace"}
    assert library.save_status().saved


def test_an_edit_reaches_the_disk_within_a_second_without_flush(library, lib_dir) -> None:
    cid = library.add_parse_results([make_result("Ada Lovelace")]).new_candidates[0].candidate_id
    library.flush()
    began = time.monotonic()
    library.update_field(cid, "name", "Ada King")
    while time.monotonic() - began < 1.0:
        fields = _on_disk(lib_dir)["candidates"][str(cid)]["fields"]
        if fields["name"].get("value", {}).get("text") == "Ada King":
            break
        time.sleep(0.02)
    else:
        pytest.fail("the edit was not on disk after 1 s")


def test_an_import_batch_is_one_save_not_one_per_file(library, monkeypatch) -> None:
    saves = []
    storage = library._storage
    real = storage.save
    monkeypatch.setattr(storage, "save", lambda payload: saves.append(1) or real(payload))
    library.add_parse_results([make_result(_person(i), text=str(i)) for i in range(300)])
    library.flush()
    assert len(saves) <= 2 and len(library.candidates()) == 300


def test_second_open_is_refused_with_pid_and_host(library: Library, lib_dir: Path) -> None:
    with pytest.raises(LibraryLockedError) as err:
        Library.open(lib_dir)
    assert f"pid {os.getpid()}" in str(err.value) and socket.gethostname() in str(err.value)


def test_lock_held_by_another_process_and_stale_lock(lib_dir: Path) -> None:
    Library.open(lib_dir).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from storage.library import Library; "
            f"lib = Library.open({str(lib_dir)!r}); print('ok', flush=True); sys.stdin.read()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(LibraryLockedError, match=f"pid {holder.pid}"):
            Library.open(lib_dir)
    finally:
        holder.kill()  # dies holding the lock: its lock file now names a dead pid
        holder.wait()
    assert json.loads((lib_dir / "library.lock").read_text())["pid"] == holder.pid
    Library.open(lib_dir).close()  # the stale lock is taken over


def _damage(lib_dir: Path, payload: bytes) -> None:
    (lib_dir / "library.json").write_bytes(payload)


@pytest.mark.parametrize("payload", [b'{"meta": {"1": {"schema_v', b"", b"[1, 2]", b"\x00" * 64])
def test_damaged_file_is_kept_aside_and_backups_offered(lib_dir: Path, payload: bytes) -> None:
    with Library.open(lib_dir) as lib:
        lib.add_parse_results([make_result("Ada Lovelace")])
        lib.flush()
        lib.update_field(1, "name", "Ada King")  # second save: keeps the first as a backup
    _damage(lib_dir, payload)
    with pytest.raises(LibraryDamagedError) as err:
        Library.open(lib_dir)
    damaged = err.value
    assert damaged.moved_to.read_bytes() == payload and damaged.backups
    assert "damaged" in str(damaged) and damaged.backups[0].name in str(damaged)
    # never an empty library over it: opening again still refuses
    with pytest.raises(LibraryDamagedError):
        Library.open(lib_dir)
    assert not (lib_dir / "library.json").exists()
    Library.restore_backup(lib_dir, damaged.backups[0])
    with Library.open(lib_dir) as lib:
        assert [c.name for c in lib.candidates()] == ["Ada King"]  # closing kept a backup


def test_damaged_without_backups_says_what_to_do(lib_dir: Path) -> None:
    Library.open(lib_dir).close()
    for old in (lib_dir / "backups").iterdir():
        old.unlink()
    _damage(lib_dir, b"{{{")
    with pytest.raises(LibraryDamagedError, match="No good backup"):
        Library.open(lib_dir)
    with pytest.raises(LibraryDamagedError):
        Library.open(lib_dir)


def test_backup_policy_keeps_ten_and_one_a_day(tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    now = datetime(2026, 3, 20, 12, 0, 0)
    stamps = [now - timedelta(minutes=i) for i in range(15)]
    stamps += [now - timedelta(days=d, hours=h) for d in range(1, 12) for h in (1, 2)]
    for stamp in stamps:
        (tmp_path / f"library-{stamp.strftime('%Y%m%d-%H%M%S-%f')}.json").write_text("{}")
    backups.prune(tmp_path, now=now)
    kept = backups.list_backups(tmp_path)
    assert len(kept) == 10 + 6  # the last ten (today) plus the newest of each of 6 earlier days
    assert kept[0].taken == now and kept[-1].taken == now - timedelta(days=6, hours=1)


def _fail_writes(monkeypatch, code: int) -> None:
    def write(fd, data):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic_storage.os, "write", write)


def test_full_disk_keeps_last_good_file_and_the_edit(library, lib_dir, monkeypatch) -> None:
    cid = library.add_parse_results([make_result("Ada Lovelace")]).new_candidates[0].candidate_id
    library.flush()
    good = (lib_dir / "library.json").read_bytes()
    _fail_writes(monkeypatch, errno.ENOSPC)
    library.update_field(cid, "name", "Ada King")
    with pytest.raises(LibraryWriteError, match="the disk is full"):
        library.flush()
    status = library.save_status()
    assert not status.saved and "disk is full" in status.error
    assert (lib_dir / "library.json").read_bytes() == good
    assert library.candidate(cid).name == "Ada King"  # still in memory
    monkeypatch.undo()  # space freed
    library.flush()
    assert _names_on_disk(lib_dir) == {"Ada Lovelace"}
    assert (
        _on_disk(lib_dir)["candidates"][str(cid)]["fields"]["name"]["value"]["text"] == "Ada King"
    )


def test_close_refuses_to_drop_unsaved_changes(lib_dir, monkeypatch) -> None:
    lib = Library.open(lib_dir)
    lib.add_parse_results([make_result("Ada Lovelace")])
    _fail_writes(monkeypatch, errno.ENOSPC)
    with pytest.raises(LibraryWriteError):
        lib.close()
    monkeypatch.undo()
    lib.close()
    with Library.open(lib_dir) as again:
        assert len(again.candidates()) == 1


def test_read_only_library(lib_dir: Path, monkeypatch) -> None:
    with Library.open(lib_dir) as lib:
        lib.add_parse_results([make_result("Ada Lovelace")])
    good = (lib_dir / "library.json").read_bytes()
    lib = Library.open(lib_dir)
    if running_as_root():  # root ignores 0o555; refuse the way a read-only folder would
        monkeypatch.setattr(
            atomic_storage.tempfile,
            "mkstemp",
            lambda **kw: (_ for _ in ()).throw(PermissionError(errno.EROFS, "Read-only")),
        )
    else:
        lib_dir.chmod(0o555)
    try:
        lib.update_field(1, "name", "Ada King")
        with pytest.raises(LibraryWriteError, match="read-only"):
            lib.flush()
        assert (lib_dir / "library.json").read_bytes() == good
    finally:
        lib_dir.chmod(0o755)
        lib.close(discard_unsaved=True)


def test_opening_a_read_only_folder_says_so(lib_dir: Path, monkeypatch) -> None:
    Library.open(lib_dir).close()
    monkeypatch.setattr("storage.opening.os.access", lambda path, mode: False)
    with pytest.raises(LibraryWriteError, match="read-only"):
        Library.open(lib_dir)


def test_storage_never_imports_qt() -> None:
    code = (
        "import sys, storage.library, storage.cli, storage.identity, storage.backups; "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_unexpected_error_while_saving_is_reported_not_hung(tmp_path: Path, monkeypatch) -> None:
    """A bug in serialisation must surface from flush(), not kill the writer thread."""
    library = Library.open(tmp_path / "lib")
    library.add_parse_results([make_result("Jane Roe", ("jane@example.org",))])
    library.flush(timeout=10)
    candidate_id = library.candidates()[0].id

    def broken() -> bytes:
        raise TypeError("boom")

    monkeypatch.setattr(library._storage, "serialise", broken)
    library.set_review(candidate_id, notes="kept in memory")
    with pytest.raises(LibraryWriteError, match="TypeError: boom"):
        library.flush(timeout=10)
    monkeypatch.undo()
    library.flush(timeout=10)
    library.close()
    reopened = Library.open(tmp_path / "lib")
    assert reopened.candidate(candidate_id).review.notes == "kept in memory"
    reopened.close()
