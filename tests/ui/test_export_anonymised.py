"""Anonymised exports of a library built from the shared samples name nobody: no sample
candidate's name or email in any file of any format (every XML part of the workbook, the
PDF text and metadata, every entry of the packet)."""

from __future__ import annotations

import json
import unicodedata
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

import main
from storage.export.export import FORMATS, export
from storage.library import Library
from ui.report_pdf import render_pdf


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + " " + " ".join(page.extract_text() or "" for page in reader.pages)


def _zip_texts(data: bytes) -> list[str]:
    texts = []
    with zipfile.ZipFile(BytesIO(data)) as zf:
        for name in zf.namelist():
            texts.append(name)
            body = zf.read(name)
            texts.append(
                _pdf_text(body) if name.endswith(".pdf") else body.decode("utf-8", "replace")
            )
    return texts


def file_texts(path: Path) -> list[str]:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return [_pdf_text(data)]
    if path.suffix in (".zip", ".xlsx"):  # a workbook is a zip of XML parts
        return _zip_texts(data)
    return [data.decode("utf-8-sig")]


def sample_people(samples_dir: Path) -> tuple[set[str], set[str]]:
    names, emails = set(), set()
    for label in (samples_dir / "labels").glob("*.json"):
        data = json.loads(label.read_text("utf-8"))
        if data.get("name"):
            names.add(data["name"])
        emails.update(data.get("emails") or ())
    return names, emails


@pytest.fixture(scope="module")
def sample_library(tmp_path_factory, samples_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("anon") / "library"
    paths = [str(samples_dir / "pdf"), str(samples_dir / "text")]
    assert main.main(["import", *paths, "--library", str(folder)]) == 0
    with Library.open(folder) as library:
        for row in library.candidates():
            cand = library.candidate(row.id)
            contact = ", ".join(e.text for e in cand.profile.emails)
            notes = f"Called {cand.name} ({contact}); {cand.name or ''} seems keen."
            scores = {"research": 1 + row.id % 5, "fit": 1 + (row.id * 3) % 5}
            library.set_review(row.id, shortlisted=True, scores=scores, notes=notes)
    return folder


def test_anonymised_exports_name_nobody(qapp, sample_library, samples_dir, tmp_path) -> None:
    names, emails = sample_people(samples_dir)
    assert len(names) >= 8 and len(emails) >= 8
    with Library.open(sample_library) as library:
        names |= {c.name for c in library.candidates() if c.name}
        count = len(library.candidates())
        outputs = [
            export(
                library,
                fmt,
                tmp_path / f"anon.{fmt}",
                scope="all",
                anonymised=True,
                render_pdf=render_pdf,
            )
            for fmt in FORMATS
        ]
        named = export(library, "csv", tmp_path / "named.csv", scope="all").path
    assert all(o.candidates == count for o in outputs)
    # the check itself works: the plain export does name them
    plain = _norm(named.read_text("utf-8-sig"))
    assert sum(_norm(n) in plain for n in names) >= len(names) - 2
    for result in outputs:
        text = _norm(" ".join(file_texts(result.path)))
        assert "candidate 1" in text, f"{result.path.name}: no alias"
        leaks = [n for n in names | emails if _norm(n) in text]
        assert not leaks, f"{result.path.name} names {leaks}"
    with zipfile.ZipFile(tmp_path / "anon.zip") as zf:
        assert zf.namelist() == ["00_Report.pdf"]  # no originals in an anonymised packet
