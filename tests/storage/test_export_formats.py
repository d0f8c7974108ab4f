"""CSV, XLSX and Markdown exports read back; order, scope, columns, overwrite, injection."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from storage.errors import UnknownIdError
from storage.export.export import ExportError, OutputExistsError, export
from storage.export.rows import COLUMNS
from storage.export.safety import FORMULA_STARTS
from storage.library import Library
from storage.models import Score
from tests.storage.conftest import make_result

FORMULA_NAME = '=HYPERLINK("http://x","y")'
FORMULA_NOTES = "+cmd|' /C calc'!A0\n@SUM(1)"


def _add(library: Library, folder: Path, file_name: str, name: str, emails=(), **fields) -> int:
    path = folder / file_name
    path.write_bytes(f"%PDF-1.4 fake original of {name} {file_name}".encode())
    result = make_result(name, emails, kind=fields.pop("kind", "cv"), path=str(path), **fields)
    summary = library.add_parse_results([result])
    return (summary.new_candidates + summary.attached)[0].candidate_id


def build_library(library: Library, folder: Path) -> dict[str, int]:
    """Four candidates: two ranked, one with formulas everywhere, one not shortlisted."""
    folder.mkdir(parents=True, exist_ok=True)
    ada = _add(
        library,
        folder,
        "ada_cv.pdf",
        "Ada Lovelace",
        ("ada@example.org",),
        phones=["+44 20 7946 0000"],
        links=["github.com/ada", "javascript:alert(1)"],
        education=[
            {"degree": "BA", "institution": "Home tutoring", "end": "2015"},
            {"degree": "PhD", "field": "Mathematics", "institution": "London", "end": "2020"},
        ],
        publications=[
            {
                "title": "Notes on the Analytical Engine",
                "authors": ["Ada Lovelace", "C. Babbage"],
                "venue": "Scientific Memoirs",
                "year": 1843,
            },
            {
                "title": "On engines",
                "authors": ["Babbage, C.", "A. Lovelace"],
                "venue": "arXiv",
                "year": 1842,
                "status": "preprint",
            },
        ],
    )
    alan = _add(library, folder, "turing_cv.pdf", "Alan Turing", ("alan@example.org",))
    _add(library, folder, "turing_st.docx", "Alan Turing", ("alan@example.org",), kind="statement")
    evil = _add(
        library,
        folder,
        "evil.pdf",
        FORMULA_NAME,
        ("evil@example.org",),
        publications=[{"title": "=1+1", "authors": ["@x"], "venue": "-y", "year": 2020}],
        skills=["=SUM(A1)"],
    )
    grace = _add(library, folder, "grace.pdf", "Grace Hopper", ("grace@example.org",))
    library.set_review(
        ada,
        shortlisted=True,
        rank=1,
        status="shortlisted",
        scores={"research": 5, "fit": 4},
        tags=["logic"],
        notes="First pick.",
    )
    library.set_review(
        alan, shortlisted=True, rank=2, scores={"research": 4, "fit": Score(4, True)}
    )
    library.set_review(
        evil, shortlisted=True, scores={"research": 2}, notes=FORMULA_NOTES, tags=["-2+3", "@tag"]
    )
    library.set_review(grace, scores={"research": 5, "fit": 5})
    library.flush()
    return {"ada": ada, "alan": alan, "evil": evil, "grace": grace}


@pytest.fixture
def people(library: Library, tmp_path: Path) -> dict[str, int]:
    return build_library(library, tmp_path / "docs")


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 byte-order mark"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_shortlist_in_rank_order_with_bom(library, people, tmp_path) -> None:
    result = export(library, "csv", tmp_path / "s.csv")
    rows = _read_csv(result.path)
    head = rows[0]
    assert head[:5] == ["Rank", "Name", "Status", "Shortlisted", "Score"]
    names = [r[head.index("Name")] for r in rows[1:]]
    assert names == ["Ada Lovelace", "Alan Turing", "'" + FORMULA_NAME]  # no Grace
    ada = dict(zip(head, rows[1], strict=True))
    assert ada["Score"] == "4.5" and ada["research"] == "5" and ada["fit"] == "4"
    assert ada["Emails"] == "ada@example.org" and ada["Phones"] == "'+44 20 7946 0000"
    assert ada["Latest degree"] == "PhD, Mathematics" and ada["Institution"] == "London"
    assert (ada["Publications"], ada["First-author"], ada["Peer-reviewed"]) == ("2", "1", "1")
    assert ada["Documents"] == "ada_cv.pdf" and ada["Tags"] == "logic"
    alan = dict(zip(head, rows[2], strict=True))
    assert alan["Documents"] == "turing_cv.pdf; turing_st.docx"


def test_scope_all_selection_and_columns(library, people, tmp_path) -> None:
    rows = _read_csv(export(library, "csv", tmp_path / "a.csv", scope="all").path)
    assert [r[1] for r in rows[1:]][-1] == "Grace Hopper"  # not shortlisted: after the list
    picked = export(
        library,
        "csv",
        tmp_path / "p.csv",
        scope="selection",
        ids=[people["grace"], people["ada"]],
        columns=["name", "score", "criteria", "id"],
    )
    rows = _read_csv(picked.path)
    assert rows[0] == ["Name", "Score", "fit", "research", "ID"]
    assert rows[1][0] == "Ada Lovelace" and rows[2][0] == "Grace Hopper"
    with pytest.raises(UnknownIdError):
        export(library, "csv", tmp_path / "x.csv", scope="selection", ids=[999])
    with pytest.raises(ValueError, match="unknown column"):
        export(library, "csv", tmp_path / "y.csv", columns=["name", "shoe_size"])


def test_existing_file_is_not_replaced_without_force(library, people, tmp_path) -> None:
    out = tmp_path / "s.csv"
    out.write_text("keep me")
    with pytest.raises(OutputExistsError):
        export(library, "csv", out)
    assert out.read_text() == "keep me"
    export(library, "csv", out, force=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    with pytest.raises(ExportError, match="renderer"):
        export(library, "pdf", tmp_path / "r.pdf")


def test_xlsx_workbook(library, people, tmp_path) -> None:
    book = load_workbook(export(library, "xlsx", tmp_path / "s.xlsx").path)
    sheet = book["Shortlist"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    head = [c.value for c in sheet[1]]
    assert all(c.font.bold for c in sheet[1])
    ada = {h: c for h, c in zip(head, sheet[2], strict=True)}
    assert ada["Name"].value == "Ada Lovelace" and ada["Score"].value == 4.5
    assert ada["Links"].hyperlink.target == "https://github.com/ada"
    assert ada["Emails"].hyperlink.target == "mailto:ada@example.org"
    assert ada["Notes"].alignment.wrap_text
    width = sheet.column_dimensions[ada["Name"].column_letter].width
    assert 10 <= width <= 50
    pubs = book["Publications"]
    assert pubs.freeze_panes == "A2" and pubs.auto_filter.ref
    titles = [r[2] for r in pubs.iter_rows(min_row=2, values_only=True)]
    assert titles[:2] == ["Notes on the Analytical Engine", "On engines"]
    first = next(pubs.iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[1] == "Ada Lovelace" and first[7] == "yes" and first[8] == "yes"


def _formula_like(text: str) -> bool:
    return text.lstrip().startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS)


def test_no_cell_runs_as_a_formula(library, people, tmp_path) -> None:
    every = [c.key for c in COLUMNS]
    csv_rows = _read_csv(export(library, "csv", tmp_path / "s.csv", columns=every).path)
    cells = [c for row in csv_rows for c in row]
    assert "'" + FORMULA_NAME in cells and "'" + FORMULA_NOTES in cells
    assert not [c for c in cells if _formula_like(c)]
    book = load_workbook(export(library, "xlsx", tmp_path / "s.xlsx", columns=every).path)
    seen = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str):
                    seen.append(cell.value)
                    assert not _formula_like(cell.value), f"{sheet.title}!{cell.coordinate}"
    assert {"'" + FORMULA_NAME, "'" + FORMULA_NOTES, "'=1+1", "'-y", "'@x"} <= set(seen)


def test_markdown_summary(library, people, tmp_path) -> None:
    text = export(library, "md", tmp_path / "s.md", title="Postdoc 2025").path.read_text("utf-8")
    assert text.startswith("# Postdoc 2025")
    assert text.index("## 1. Ada Lovelace") < text.index("## 2. Alan Turing")
    assert "| research | 5 |" in text and "> First pick." in text
    assert "*Notes on the Analytical Engine*" in text and "(first author)" in text
    assert "<" not in text.replace("\\<", "")  # nothing a renderer could take for HTML
