"""Real sample documents, copied so that every copy has content of its own.

The library never stores the same content twice, so a bench that imports the samples more
than once needs copies that hash differently but parse the same: a PDF gets a comment
after %%EOF, a text file a trailing line of spaces and tabs (blank lines are dropped).
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "samples"
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".txt", ".md")


def sample_sources() -> list[Path]:
    """The shared sample PDFs and texts and the app's own samples, in a stable order."""
    found = [
        *sorted((SHARED / "pdf").glob("*.pdf")),
        *sorted((SHARED / "text").glob("*.txt")),
        *sorted((REPO / "resources" / "samples").glob("*")),
    ]
    return [p for p in found if p.suffix.lower() in DOCUMENT_SUFFIXES]


def _marker(source: Path, tag: int) -> bytes:
    if source.suffix.lower() == ".pdf":
        return f"\n% shortlist bench copy {tag}\n".encode()
    bits = "".join(" " if bit == "0" else "\t" for bit in f"{tag:b}")
    return f"\n\t{bits}\n".encode()


def make_copies(folder: Path, count: int, tag: int = 0, sources: list[Path] | None = None):
    """`count` documents in `folder`, cycling through the samples; copy i of round `tag`
    differs from every other copy of any round. Returns their paths."""
    sources = sources or sample_sources()
    if not sources:
        raise SystemExit("no sample documents found (../shared/samples, resources/samples)")
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"{index:03d}-{source.name}"
        target.write_bytes(source.read_bytes() + _marker(source, tag * 100_000 + index))
        made.append(target)
    return made
