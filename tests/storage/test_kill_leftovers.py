"""What a kill leaves half-written is swept by the next open, wherever it was being written.

A SIGKILL during a backup leaves `backups/.library-….json-XXXX.tmp`; during a document
copy, `files/ab/.copy-XXXX.tmp` (found by bench/kill_import.py). Neither breaks an open,
but each can be megabytes and nothing else would ever remove them.
"""

from __future__ import annotations

from pathlib import Path

from storage.backups import list_backups
from storage.library import Library
from tests.storage.conftest import make_result


def test_open_sweeps_temp_files_of_killed_saves_backups_and_copies(lib_dir: Path) -> None:
    source = lib_dir.parent / "cv.txt"
    source.write_text("Ada Lovelace\nada@example.org\n")
    with Library.open(lib_dir) as library:
        library.add_parse_results(
            [make_result("Ada Lovelace", ("ada@example.org",), path=str(source))]
        )
    shard = next(p for p in (lib_dir / "files").iterdir() if p.is_dir())
    kept = {p for p in lib_dir.rglob("*") if p.is_file() and p.name != "library.lock"}
    leftovers = [
        lib_dir / ".library.json-abc.tmp",
        lib_dir / "text" / ".0123.txt-abc.tmp",
        lib_dir / "backups" / ".library-20260101-000000-000000.json-abc.tmp",
        shard / ".copy-abc.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b"half a file")
    with Library.open(lib_dir):
        pass
    assert [p for p in leftovers if p.exists()] == []
    assert kept <= {p for p in lib_dir.rglob("*") if p.is_file()}  # nothing real removed
    assert list_backups(lib_dir / "backups")
