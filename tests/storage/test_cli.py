"""`import`, `list`, `show` through main.py's parser (a fake parser pool, and one real run)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import main
from storage import cli
from tests.storage.conftest import make_result

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TEXT = ROOT.parent / "shared" / "samples" / "text"


def _fake_pool(monkeypatch, people: dict[str, tuple]) -> list[list[str]]:
    """Parse by file name: people[name] = (person, emails, kind); anything else fails."""
    calls: list[list[str]] = []

    def parse_many(paths, workers, timeout):
        calls.append(list(paths))
        for path in paths:
            spec = people.get(Path(path).name)
            if spec is None:
                yield SimpleNamespace(
                    path=path,
                    result=None,
                    error_code="corrupt",
                    error="not a PDF: it is an image",
                    seconds=0.0,
                )
            else:
                result = make_result(spec[0], spec[1], kind=spec[2], path=path)
                yield SimpleNamespace(
                    path=path, result=result, error_code=None, error=None, seconds=0.1
                )

    monkeypatch.setattr(cli, "_parse_many", parse_many)
    return calls


def _run(*argv: str) -> int:
    return main.main(list(argv))


def test_import_list_show(tmp_path: Path, monkeypatch, capsys) -> None:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    for name in ("ada_cv.pdf", "ada_statement.pdf", "alan.docx", "broken.pdf", "anon.txt"):
        (docs / name).write_text(f"content of {name}")
    (docs / "sub" / "ada_copy.pdf").write_text("content of ada_cv.pdf")  # same bytes
    (docs / "sub" / "skip.xyz").write_text("not a document type")
    calls = _fake_pool(
        monkeypatch,
        {
            "ada_cv.pdf": ("Ada Lovelace", ("ada@x.org",), "cv"),
            "ada_statement.pdf": ("Lovelace, Ada", (), "statement"),
            "alan.docx": ("Alan Turing", (), "cv"),
            "anon.txt": (None, (), "statement"),
        },
    )
    lib = tmp_path / "lib"
    assert _run("import", str(docs), "--library", str(lib)) == 1  # one failed
    out = capsys.readouterr().out
    assert (
        "added 2 new candidates, attached 1 to existing candidates, 1 unassigned, "
        "1 duplicates, 1 failed" in out
    )
    assert f"  {docs / 'broken.pdf'}: not a PDF: it is an image" in out
    assert len(calls[0]) == 5  # the copy was never parsed, nor the .xyz

    assert _run("--library", str(lib), "import", str(docs / "ada_cv.pdf")) == 0
    assert "0 new candidates, attached 0 to existing candidates, 1 duplicates, 0 failed" in (
        capsys.readouterr().out
    )

    assert _run("list", "--json", "--library", str(lib)) == 0
    listed = json.loads(capsys.readouterr().out)
    names = {c["name"]: c for c in listed["candidates"]}
    assert set(names) == {"Ada Lovelace", "Alan Turing"}
    assert len(names["Ada Lovelace"]["document_ids"]) == 2
    assert [d["file"] for d in listed["unassigned_documents"]] == ["anon.txt"]

    assert _run("list", "--library", str(lib)) == 0
    table = capsys.readouterr().out
    assert "Ada Lovelace" in table and "1 unassigned documents" in table

    ada = names["Ada Lovelace"]["id"]
    assert _run("show", str(ada), "--json", "--library", str(lib)) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["profile"]["name"] == "Ada Lovelace" and len(shown["documents"]) == 2
    assert shown["provenance"]["name"]["source"] in [d["id"] for d in shown["documents"]]
    assert _run("show", str(ada), "--library", str(lib)) == 0
    assert capsys.readouterr().out.startswith(f"#{ada} Ada Lovelace")
    assert _run("show", "999", "--library", str(lib)) == 1
    assert "no candidate with id 999" in capsys.readouterr().err


def test_locked_library_is_reported(tmp_path: Path, capsys) -> None:
    from storage.library import Library

    with Library.open(tmp_path / "lib"):
        assert _run("list", "--library", str(tmp_path / "lib")) == 2
    assert "already open in another Shortlist" in capsys.readouterr().err


@pytest.mark.skipif(not SAMPLE_TEXT.is_dir(), reason="shared samples not present")
def test_real_import_of_the_sample_texts(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    run = subprocess.run(
        [sys.executable, "main.py", "import", str(SAMPLE_TEXT), "--library", str(lib)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 duplicates, 0 failed" in run.stdout
    listed = subprocess.run(
        [sys.executable, "main.py", "list", "--json", "--library", str(lib)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    data = json.loads(listed.stdout)
    assert len(data["candidates"]) + len(data["unassigned_documents"]) == 5
