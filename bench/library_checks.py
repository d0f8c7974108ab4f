"""What the reliability benches check after an import, a kill or a full disk.

One place for "the library is intact": it opens, every document's copy and text are there
and hash right, no content is stored twice, no temporary file of a killed save is left,
and the command line can list it and show every candidate. Used by bench/hostile_import.py,
bench/kill_import.py, bench/disk_full.py and their short versions in the test suite.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SUMMARY = re.compile(
    r"^added (?P<new>\d+) new candidates, attached (?P<attached>\d+) to existing candidates"
    r"(?:, (?P<unassigned>\d+) unassigned)?, (?P<duplicates>\d+) duplicates, "
    r"(?P<failed>\d+) failed$"
)
# A reason that names no cause: the parser raised something it did not expect (a bug), or
# the import had nothing better to say.
GENERIC = re.compile(r"^(?:parser error\b|the parser process crashed|failed$|error$)")


def cli(*args: str, timeout: float = 120.0, env: dict[str, str] | None = None):
    """`python main.py ARGS` from the repository, output captured as text."""
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


@dataclass
class ImportOutput:
    """The summary line of `main.py import` and its per-file failure lines."""

    counts: dict[str, int] | None
    failures: dict[str, str]  # path -> reason

    @property
    def accounted(self) -> int:
        return sum(self.counts.values()) if self.counts else 0


def parse_import_output(stdout: str, paths: list[str] | None = None) -> ImportOutput:
    """`paths` (the files given) let a failure line be split where the path ends, even when
    a reason itself contains ': '."""
    counts: dict[str, int] | None = None
    failures: dict[str, str] = {}
    known = sorted(paths or [], key=len, reverse=True)
    for line in stdout.splitlines():
        match = SUMMARY.match(line)
        if match:
            counts = {k: int(v or 0) for k, v in match.groupdict().items()}
        elif line.startswith("  "):
            body = line[2:]
            path = next((p for p in known if body.startswith(p + ": ")), None)
            if path is None:
                path, _, reason = body.partition(": ")
            else:
                reason = body[len(path) + 2 :]
            failures[path] = reason
    return ImportOutput(counts, failures)


@dataclass
class Audit:
    documents: int = 0
    candidates: int = 0
    shas: dict[str, int] = field(default_factory=dict)  # sha256 -> document id
    sources: dict[str, int] = field(default_factory=dict)  # source path -> document id
    orphan_copies: int = 0  # copies no document refers to (a kill between copy and save)
    temp_files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    open_error: str | None = None


def audit(folder: Path) -> Audit:
    """Open the library and check every document's files; nothing is changed."""
    from storage.errors import LibraryError
    from storage.files import hash_file, read_text
    from storage.library import Library

    report = Audit()
    try:
        library = Library.open(folder)
    except LibraryError as exc:
        report.open_error = f"{type(exc).__name__}: {exc}"
        report.problems.append(f"does not open: {report.open_error}")
        return report
    with library:
        referenced: set[Path] = set()
        for doc in library.documents():
            report.documents += 1
            if doc.sha256 in report.shas:
                report.problems.append(
                    f"doc {doc.id}: same content as doc {report.shas[doc.sha256]}"
                )
            report.shas[doc.sha256] = doc.id
            report.sources[doc.source_path] = doc.id
            if not doc.source_path:  # a result imported without a file (tests, presets)
                pass
            elif doc.stored_path is None or not doc.stored_path.is_file():
                report.problems.append(f"doc {doc.id}: its copy is missing")
            elif hash_file(doc.stored_path) != doc.sha256:
                report.problems.append(f"doc {doc.id}: its copy does not hash to its sha256")
            else:
                referenced.add(doc.stored_path.resolve())
            if not read_text(library.paths, doc.sha256) and doc.pages:
                report.problems.append(f"doc {doc.id}: its text file is missing")
        report.candidates = len(library.candidates())
        copies = {p.resolve() for p in library.paths.files_dir.rglob("*") if p.is_file()}
        report.orphan_copies = len({p for p in copies if not p.name.startswith(".")} - referenced)
    # After a successful open: the open itself should have swept what a killed save left.
    report.temp_files = sorted(str(p.relative_to(folder)) for p in folder.rglob(".*.tmp"))
    return report


def cli_reads(folder: Path, show_each: bool = True) -> list[str]:
    """`list --json`, then `show ID` and `show ID --json` for every candidate: problems."""
    problems: list[str] = []
    listed = cli("list", "--json", "--library", str(folder))
    if listed.returncode != 0:
        return [f"list --json exited {listed.returncode}: {listed.stderr.strip()[:200]}"]
    try:
        ids = [c["id"] for c in json.loads(listed.stdout)["candidates"]]
    except (ValueError, KeyError, TypeError) as exc:
        return [f"list --json printed no candidate list: {exc}"]
    for cid in ids if show_each else ids[:1]:
        for extra in ((), ("--json",)):
            shown = cli("show", str(cid), *extra, "--library", str(folder))
            if shown.returncode != 0:
                problems.append(f"show {cid} {' '.join(extra)} exited {shown.returncode}")
            elif extra:
                try:
                    json.loads(shown.stdout)
                except ValueError as exc:
                    problems.append(f"show {cid} --json is not JSON: {exc}")
    return problems
