"""`python main.py parse FILE [--json]`: the contract, the exit codes, the one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCHEMA_KEYS = {
    "kind", "name", "emails", "phones", "links", "education", "experience",
    "publications", "awards", "skills", "research_interests",
}  # fmt: skip


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "parse", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_is_exactly_the_schema_object(tmp_path: Path) -> None:
    doc = tmp_path / "cv.md"
    doc.write_text("# Jane Doe\njane@example.org\n\n## Skills\nPython, Rust\n", encoding="utf-8")
    run = _run(str(doc), "--json")
    assert run.returncode == 0, run.stderr
    profile = json.loads(run.stdout)
    assert set(profile) == SCHEMA_KEYS
    assert profile["name"] == "Jane Doe"
    assert profile["skills"] == ["Python", "Rust"]


def test_summary_for_a_person(tmp_path: Path) -> None:
    doc = tmp_path / "cv.txt"
    doc.write_text("Jane Doe\njane@example.org\n", encoding="utf-8")
    run = _run(str(doc))
    assert run.returncode == 0
    assert "Name: Jane Doe" in run.stdout and "Email: jane@example.org" in run.stdout


def test_unreadable_file_is_one_line_on_stderr(tmp_path: Path) -> None:
    bad = tmp_path / "cv.pdf"
    bad.write_text("<html><body>not a pdf</body></html>", encoding="utf-8")
    run = _run(str(bad), "--json")
    assert run.returncode != 0
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "cv.pdf" in lines[0] and "HTML" in lines[0]


def test_missing_file(tmp_path: Path) -> None:
    run = _run(str(tmp_path / "nope.pdf"))
    assert run.returncode != 0 and "no such file" in run.stderr
