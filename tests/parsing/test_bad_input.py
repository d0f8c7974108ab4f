"""Bad documents end to end: `parse_file` in the worker pool, and `main.py parse` on them.

Each file must end with its own error code and a reason a person can act on, well inside
the pool's time limit, and the command line must say so in exactly one line on stderr.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from parsing.pool import ParseOutcome, parse_many
from tests import pdf_factory

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 20.0  # the per-file limit the import uses (tech-risks R-PDF5)
BUDGET = 10.0  # every bad file here must be refused well before that
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00"


def _zip_named_pdf(folder: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("cv.txt", "Jane Doe\n")
    return pdf_factory.write(folder / "archive.pdf", out.getvalue())


def _scanned_pdf(folder: Path) -> Path:
    """A page that is one inline grey image, the way a scanner writes it: no text at all."""
    pixels = random.Random(3).randbytes(32 * 32)
    image = b"q 500 0 0 700 50 50 cm BI /W 32 /H 32 /CS /G /BPC 8 ID " + pixels + b" EI Q\n"
    return pdf_factory.write(folder / "scanned.pdf", pdf_factory.pdf_bytes([image]))


def _surrogate_font_pdf(folder: Path) -> Path:
    """A CID font whose ToUnicode maps code 0x41 to a lone high surrogate."""
    builder = pdf_factory.PdfBuilder()
    catalog, tree = builder.reserve(), builder.reserve()
    cmap = builder.stream(
        b"begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"2 beginbfchar <0041> <D800> <0042> <0042> endbfchar endcmap"
    )
    cid = builder.add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /DW 1000 >>")
    font = builder.add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, cmap)
    )
    content = builder.stream(b"BT /F1 12 Tf 72 700 Td <00410042> Tj ET")
    page = builder.add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (tree, font, content)
    )
    builder.set(tree, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    builder.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    return pdf_factory.write(folder / "surrogate.pdf", builder.to_bytes(catalog))


# name -> (make the file, expected error code, text the reason must contain)
CASES: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    "encrypted": (
        lambda d: pdf_factory.encrypted_pdf(d, "AES-256", "secret", name="encrypted.pdf"),
        "encrypted",
        "encrypted: needs a password",
    ),
    "truncated": (pdf_factory.truncated_pdf, "corrupt", "corrupt PDF"),
    "noise": (pdf_factory.not_a_pdf, "corrupt", "corrupt PDF"),
    "empty": (pdf_factory.empty_file, "empty", "empty file (0 bytes)"),
    "no-text-layer": (pdf_factory.blank_pages_pdf, "no-text", "no text layer: a scanned image?"),
    "scanned-image": (_scanned_pdf, "no-text", "no text layer: a scanned image?"),
    "bomb-300mb": (pdf_factory.flate_bomb_pdf, "too-large", "too large"),
    "million-operators": (
        pdf_factory.many_operators_pdf,
        "too-large",
        "too many drawing operations",
    ),
    "html-as-pdf": (
        lambda d: pdf_factory.write(d / "page.pdf", b"<!DOCTYPE html><html><body>CV</body></html>"),
        "unsupported",
        "not a PDF: the file is an HTML page",
    ),
    "png-as-pdf": (
        lambda d: pdf_factory.write(d / "photo.pdf", PNG),
        "unsupported",
        "not a PDF: the file is an image",
    ),
    "zip-as-pdf": (_zip_named_pdf, "unsupported", "not a PDF: the file is a ZIP archive"),
    "random-docx": (
        lambda d: pdf_factory.write(d / "cv.docx", random.Random(5).randbytes(20_000)),
        "unsupported",
        "not a DOCX",
    ),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    made = {}
    for name, (make, _code, _reason) in CASES.items():
        made[name] = make(tmp_path_factory.mktemp(name))
    made["surrogate"] = _surrogate_font_pdf(tmp_path_factory.mktemp("surrogate"))
    return made


@pytest.fixture(scope="module")
def outcomes(files: dict[str, Path]) -> dict[str, ParseOutcome]:
    by_path = {str(path): name for name, path in files.items()}
    return {by_path[o.path]: o for o in parse_many(list(by_path), workers=2, timeout=TIMEOUT)}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_file_is_refused_with_its_reason(name: str, outcomes: dict[str, ParseOutcome]) -> None:
    _make, code, reason = CASES[name]
    outcome = outcomes[name]
    assert outcome.result is None
    assert (outcome.error_code, reason in (outcome.error or "")) == (code, True), outcome.error
    assert outcome.seconds < BUDGET, f"{name} took {outcome.seconds:.1f} s"


def test_parsed_text_can_always_be_stored(outcomes: dict[str, ParseOutcome]) -> None:
    # A lone surrogate in the text once made orjson and UTF-8 writes fail (import hung).
    outcome = outcomes["surrogate"]
    assert outcome.result is not None, outcome.error
    outcome.result.text.encode("utf-8")
    orjson.dumps(outcome.result.to_dict())


def _cli(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "parse", str(path), "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )


# "truncated" also checks that pypdf's own log lines ("EOF marker not found") stay off stderr.
CLI_CASES = ["encrypted", "no-text-layer", "truncated"]


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_says_why_in_one_line(name: str, files: dict[str, Path]) -> None:
    run = _cli(files[name])
    assert run.returncode != 0
    assert run.stdout == ""
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert files[name].name in lines[0] and CASES[name][2] in lines[0]
