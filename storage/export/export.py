"""One entry point for every export: `export(library, fmt, output, ...)`.

Output is written to a temporary file beside the target and renamed over it at the end,
so a failed export never leaves half a file, and an existing file is only replaced when
the caller says so (`force`: the window asks first, the command line needs --force).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from storage.export.anonymise import anonymise
from storage.export.csv_export import write_csv
from storage.export.json_export import export_json, write_json
from storage.export.markdown_export import markdown_text, write_markdown
from storage.export.packet import write_packet
from storage.export.report_html import report_html
from storage.export.rows import Column, resolve_columns
from storage.export.selection import Entry, Scope, select
from storage.export.xlsx_export import write_xlsx
from storage.library import Library
from storage.scoring import Rubric, criteria_of, library_rubric

FORMATS: dict[str, str] = {
    "csv": "CSV (spreadsheet, UTF-8)",
    "xlsx": "Excel workbook",
    "json": "JSON (full records, re-importable)",
    "md": "Markdown summary",
    "pdf": "PDF report",
    "zip": "Packet: PDF report and original documents (zip)",
}
SUFFIXES = {fmt: f".{fmt}" for fmt in FORMATS}

RenderPdf = Callable[..., Any]  # (html, output, *, title=..., footer=...) -> Any


class ExportError(Exception):
    """An export that cannot be made, with a reason a person can act on."""


class OutputExistsError(ExportError):
    pass


@dataclass
class ExportResult:
    path: Path
    format: str
    candidates: int
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Job:
    library: Library
    entries: list[Entry]
    columns: list[Column]
    criteria: list[str]
    scope: str
    anonymised: bool
    rubric: Rubric | None
    render_pdf: RenderPdf | None
    title: str


def export(
    library: Library,
    fmt: str,
    output: str | Path,
    scope: Scope = "shortlist",
    ids: Iterable[int] | None = None,
    columns: Sequence[str] | None = None,
    anonymised: bool = False,
    force: bool = False,
    render_pdf: RenderPdf | None = None,
    title: str = "Shortlist",
) -> ExportResult:
    """Write the chosen candidates as `fmt` to `output`. Raises ExportError (and
    OutputExistsError without `force`), UnknownIdError for a selection id not in the library,
    ValueError for an unknown column."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    output = Path(output)
    _check_output(output, force)
    if fmt in ("pdf", "zip") and render_pdf is None:
        raise ExportError("the PDF report needs a renderer (the window or main.py gives one)")
    rubric = library_rubric(library)
    entries = select(library, scope, ids, rubric)
    if anonymised:
        entries = [anonymise(e) for e in entries]
    criteria = criteria_of([e.candidate.review.scores for e in entries], rubric)
    job = Job(
        library,
        entries,
        resolve_columns(columns, criteria, anonymised),
        criteria,
        scope,
        anonymised,
        rubric,
        render_pdf,
        title,
    )
    with _replacing(output) as tmp:
        warnings = WRITERS[fmt](job, tmp)
    return ExportResult(output, fmt, len(entries), warnings)


def _check_output(output: Path, force: bool) -> None:
    if output.is_dir():
        raise ExportError(f"{output} is a folder: choose a file name")
    if not output.parent.is_dir():
        raise ExportError(f"the folder {output.parent} does not exist")
    if output.exists() and not force:
        raise OutputExistsError(f"{output} already exists (replace it with --force)")


@contextlib.contextmanager
def _replacing(output: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix=f".{output.stem[:40]}-", suffix=".tmp", dir=output.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, output)
    except OSError as exc:
        raise ExportError(f"cannot write {output}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


# --------------------------------------------------------------------------- the writers


def _csv(job: Job, path: Path) -> list[str]:
    write_csv(job.entries, job.columns, path)
    return []


def _xlsx(job: Job, path: Path) -> list[str]:
    write_xlsx(job.entries, job.columns, path)
    return []


def _json(job: Job, path: Path) -> list[str]:
    text_of = job.library.document_text
    write_json(export_json(job.entries, text_of, job.scope, job.anonymised, job.rubric), path)
    return []


def _md(job: Job, path: Path) -> list[str]:
    write_markdown(markdown_text(job.entries, job.criteria, job.title), path)
    return []


def scoring_note(rubric: Rubric | None) -> str:
    if rubric:
        return "Score: mean of the criterion scores weighted by the rubric, 1 (weak) to 5."
    return "Score: mean of the criterion scores, 1 (weak) to 5 (excellent)."


def _pdf(job: Job, path: Path) -> list[str]:
    html = report_html(
        job.entries, job.criteria, job.title, scoring_note(job.rubric), job.anonymised
    )
    footer = f"{job.title} · {date.today().isoformat()} · confidential: for the committee"
    assert job.render_pdf is not None
    job.render_pdf(html, path, title=job.title, footer=footer)
    return []


def _zip(job: Job, path: Path) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="shortlist-") as folder:
        report = Path(folder) / "report.pdf"
        _pdf(job, report)
        return write_packet(job.entries, report, path)


WRITERS: dict[str, Callable[[Job, Path], list[str]]] = {
    "csv": _csv,
    "xlsx": _xlsx,
    "json": _json,
    "md": _md,
    "pdf": _pdf,
    "zip": _zip,
}
