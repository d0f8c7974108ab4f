"""The PDF report and the packet: text read back with pypdf, zip listings, and the
command line without a display."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from storage.export.export import export
from storage.library import Library
from tests.storage.conftest import make_result
from tests.storage.test_export_formats import FORMULA_NAME, build_library
from ui.report_pdf import render_pdf

ROOT = Path(__file__).resolve().parents[2]


def _flat(text: str) -> str:
    """Qt places words one by one (pypdf joins them with tabs) and sets ligatures (ﬁ)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(data: bytes) -> str:
    return _flat(" ".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "library")
    yield lib
    lib.close(discard_unsaved=True)


@pytest.fixture
def people(qapp, library: Library, tmp_path: Path) -> dict[str, int]:
    return build_library(library, tmp_path / "docs")


def test_report_has_cover_ranking_and_a_section_per_candidate(library, people, tmp_path):
    out = export(library, "pdf", tmp_path / "r.pdf", render_pdf=render_pdf, title="Postdoc 2025")
    reader = PdfReader(out.path)
    assert len(reader.pages) >= 4  # cover + one page per candidate
    cover = _flat(reader.pages[0].extract_text())
    assert "Postdoc 2025" in cover and "Page 1 of" in cover
    order = [cover.index(n) for n in ("Ada Lovelace", "Alan Turing", FORMULA_NAME[:9])]
    assert order == sorted(order), "the cover lists the shortlist in rank order"
    assert "Grace Hopper" not in pdf_text(out.path.read_bytes())
    ada = _flat(reader.pages[1].extract_text())
    assert ada.startswith("1. Ada Lovelace") or "1. Ada Lovelace" in ada
    for text in ("Scores by criterion", "research", "Notes on the Analytical Engine", "First pick"):
        assert text in ada
    assert reader.metadata.title == "Postdoc 2025"


def test_values_are_text_never_markup(qapp, library, tmp_path):
    result = make_result("<b>Bold</b> & <i>Co</i>", ("x@example.org",))
    cid = library.add_parse_results([result]).new_candidates[0].candidate_id
    library.set_review(cid, shortlisted=True, notes="<script>alert(1)</script>")
    out = export(library, "pdf", tmp_path / "r.pdf", render_pdf=render_pdf)
    text = pdf_text(out.path.read_bytes())
    assert "<b>Bold</b> & <i>Co</i>" in text and "<script>alert(1)</script>" in text


def test_packet_holds_report_and_originals_named_by_rank(library, people, tmp_path):
    nasty = tmp_path / "docs" / "nasty.pdf"
    nasty.write_bytes(b"%PDF-1.4 nasty")
    weird = make_result("../../etc/passwd CON", ("n@example.org",), path=str(nasty))
    cid = library.add_parse_results([weird]).new_candidates[0].candidate_id
    library.set_review(cid, shortlisted=True, rank=3)
    out = export(library, "zip", tmp_path / "p.zip", render_pdf=render_pdf)
    with zipfile.ZipFile(out.path) as zf:
        names = zf.namelist()
        assert names[0] == "00_Report.pdf"
        assert "Ada Lovelace" in pdf_text(zf.read("00_Report.pdf"))
        assert zf.read("01_Lovelace_Ada_CV.pdf").startswith(b"%PDF-1.4 fake original of Ada")
    assert "02_Turing_Alan_CV.pdf" in names and "02_Turing_Alan_Statement.docx" in names
    for name in names:
        assert "/" not in name and "\\" not in name and ".." not in name and len(name) < 120
    assert "03_CON_etc_passwd_CV.pdf" in names  # rank 3: cleaned, no path, not a device
    assert any(n.startswith("04_") for n in names)  # the formula candidate, unranked


def test_command_line_writes_a_pdf_without_a_display(library, people, tmp_path):
    library.close()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    out = tmp_path / "cli.pdf"
    cmd = [sys.executable, "main.py", "export", "--format", "pdf", "--output", str(out)]
    cmd += ["--library", str(library.path)]
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "wrote 3 candidates" in run.stdout and "Ada Lovelace" in pdf_text(out.read_bytes())
    again = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "--force" in again.stderr
    forced = subprocess.run(
        [*cmd, "--force", "--all"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert forced.returncode == 0 and "Grace Hopper" in pdf_text(out.read_bytes())


def test_chinese_names_print_when_a_cjk_font_is_installed(qapp, library, tmp_path):
    from PySide6.QtGui import QFontDatabase

    if not any("CJK" in family for family in QFontDatabase.families()):
        pytest.skip("no CJK font here (Debian: fonts-noto-cjk); names would print as boxes")
    cid = library.add_parse_results([make_result("于海鑫", ("me@example.cn",))])
    library.set_review(cid.new_candidates[0].candidate_id, shortlisted=True, notes="北京邮电大学")
    out = export(library, "pdf", tmp_path / "r.pdf", render_pdf=render_pdf)
    text = pdf_text(out.path.read_bytes()).replace(" ", "")
    assert "于海鑫" in text and "北京邮电大学" in text
