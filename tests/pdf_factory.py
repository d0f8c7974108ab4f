"""Small PDFs written from scratch, for extraction tests and hostile-file tests.

Every `*_pdf(directory, ...)` function writes one file into `directory` and returns its
path. The files are built byte by byte (no PDF library involved except for encryption,
which uses pypdf's writer), so each test controls exactly which operators a page draws.

Fonts available to page content (resource names):
- /F1 Helvetica, /F3 Helvetica-Bold: standard fonts with WinAnsi encoding;
- /F2 "LMRoman10-Regular": a font with *no space glyph* (widths start at code 33), the
  way LuaTeX/XeTeX CV templates are set, so word gaps exist only as `TJ` offsets;
- /F4 Times-Roman with codes 1, 2, 3 remapped to the ligatures fi, fl, ff;
- /F5 a CID font (Identity-H, ToUnicode CMap): codes 1..8 are 教育经历工作项目 and
  codes 0x41..0x5A are A..Z, all 1000 units wide;
- with `pdf_bytes(..., type3=True)` also /T3 and /T3S, Type 3 fonts the way pdfTeX embeds
  bitmap fonts (T1 text and the TS1 symbol companion, see `_type3_font`).
Use `text_ops` to place lines of text, or write raw operators.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 612, 792
CJK_CHARS = "教育经历工作项目"

_FONTS = {
    "F1": b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "F2": (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /LMRoman10-Regular /FirstChar 33 "
        b"/LastChar 126 /Widths [" + b" ".join([b"500"] * 94) + b"] "
        b"/Encoding /WinAnsiEncoding >>"
    ),
    "F3": b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    "F4": (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding "
        b"/BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl /ff] >> >>"
    ),
}


def _cjk_cmap() -> bytes:
    entries = [f"<{i + 1:04X}> <{ord(c):04X}>" for i, c in enumerate(CJK_CHARS)]
    entries += [f"<{c:04X}> <{c:04X}>" for c in range(0x41, 0x5B)]
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(entries)} beginbfchar\n" + "\n".join(entries) + "\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")


class PdfBuilder:
    """Numbered objects in, a PDF file (with a correct xref table) out."""

    def __init__(self) -> None:
        self.objects: list[bytes] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def reserve(self) -> int:
        return self.add(b"null")

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def stream(self, data: bytes, compress: bool = False, extra: bytes = b"") -> int:
        if compress:
            data = zlib.compress(data, 9)
            extra += b" /Filter /FlateDecode"
        head = b"<< /Length %d%s >>\nstream\n" % (len(data), extra)
        return self.add(head + data + b"\nendstream")

    def to_bytes(self, root: int, info: int | None = None) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        trailer = b"/Size %d /Root %d 0 R" % (len(self.objects) + 1, root)
        if info:
            trailer += b" /Info %d 0 R" % info
        out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def _font_resources(builder: PdfBuilder) -> bytes:
    refs = [b"/%s %d 0 R" % (name.encode(), builder.add(body)) for name, body in _FONTS.items()]
    cmap = builder.stream(_cjk_cmap())
    descriptor = builder.add(
        b"<< /Type /FontDescriptor /FontName /SourceHanSerif-Regular /Flags 4 "
        b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 700 /StemV 80 >>"
    )
    cid_font = builder.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SourceHanSerif-Regular "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor %d 0 R /DW 1000 /CIDToGIDMap /Identity >>" % descriptor
    )
    refs.append(
        b"/F5 %d 0 R"
        % builder.add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SourceHanSerif-Regular "
            b"/Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>"
            % (cid_font, cmap)
        )
    )
    return b"<< " + b" ".join(refs) + b" >>"


# pdfTeX's bitmap fonts: a glyph space of 1/100 em here (FontMatrix 0.01), every glyph
# half an em wide. T1 codes: 0x15 en dash, 0x1B ff, 0x1C fi, 0x21-0x7E ASCII.
T3_MATRIX = 0.01
T3_TEXT_CODES = (0x15, 0x1B, 0x1C, *range(0x21, 0x7F))
T3_BULLET = 0x88  # TS1: the itemize bullet


def _type3_font(builder: PdfBuilder, codes: Sequence[int], width: float) -> int:
    """A Type 3 font as pdfTeX writes a PK font: no name, no ToUnicode, glyphs named
    /a<code>, /Widths in glyph space, each glyph a filled box."""
    procs = b" ".join(
        b"/a%d %d 0 R"
        % (code, builder.stream(b"%g 0 0 0 %g 70 d1 0 0 %g 70 re f" % ((width,) * 3)))
        for code in codes
    )
    first, last = min(codes), max(codes)
    widths = b" ".join(b"%g" % (width if code in codes else 0) for code in range(first, last + 1))
    differences = b" ".join(b"%d /a%d" % (code, code) for code in codes)
    return builder.add(
        b"<< /Type /Font /Subtype /Type3 /FontMatrix [%g 0 0 %g 0 0] /FontBBox [0 0 %g 70] "
        b"/Resources << /ProcSet [/PDF /ImageB] >> /FirstChar %d /LastChar %d /Widths [%s] "
        b"/Encoding << /Type /Encoding /Differences [%s] >> /CharProcs << %s >> >>"
        % (T3_MATRIX, T3_MATRIX, width, first, last, widths, differences, procs)
    )


def _type3_resources(builder: PdfBuilder) -> bytes:
    text = _type3_font(builder, T3_TEXT_CODES, 0.5 / T3_MATRIX)
    symbols = _type3_font(builder, (T3_BULLET,), 0.5 / T3_MATRIX)
    return b" /T3 %d 0 R /T3S %d 0 R" % (text, symbols)


def pdf_bytes(
    pages: Sequence[bytes],
    *,
    links: Sequence[Sequence[tuple[tuple[float, float, float, float], str]]] = (),
    compress: bool = False,
    xobjects: bytes = b"",
    type3: bool = False,
) -> bytes:
    """A PDF whose page i draws `pages[i]` (raw content-stream bytes).

    `links[i]` lists (rect, uri) link annotations for page i; `xobjects` is the body of
    an /XObject resource dictionary shared by all pages (for form and image tests);
    `type3` adds the fonts /T3 and /T3S."""
    builder = PdfBuilder()
    catalog = builder.reserve()
    tree = builder.reserve()
    fonts = _font_resources(builder)
    if type3:
        fonts = fonts[:-2] + _type3_resources(builder) + b" >>"
    resources = b"<< /Font " + fonts + (b" /XObject " + xobjects if xobjects else b"") + b" >>"
    kids = []
    for index, content in enumerate(pages):
        stream = builder.stream(content, compress)
        annots = b""
        page_links = links[index] if index < len(links) else ()
        if page_links:
            refs = [_link(builder, rect, uri) for rect, uri in page_links]
            annots = b" /Annots [" + b" ".join(b"%d 0 R" % r for r in refs) + b"]"
        kids.append(
            builder.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %s "
                b"/Contents %d 0 R%s >>"
                % (tree, PAGE_WIDTH, PAGE_HEIGHT, resources, stream, annots)
            )
        )
    kid_refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    builder.set(tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids)))
    builder.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    return builder.to_bytes(catalog)


def _link(builder: PdfBuilder, rect: tuple[float, float, float, float], uri: str) -> int:
    coords = b" ".join(b"%g" % v for v in rect)
    return builder.add(
        b"<< /Type /Annot /Subtype /Link /Rect [%s] /Border [0 0 0] "
        b"/A << /Type /Action /S /URI /URI (%s) >> >>" % (coords, uri.encode("latin-1"))
    )


def pdf_string(text: str) -> bytes:
    """A literal string operand for WinAnsi-encoded fonts (F1-F4)."""
    raw = text.encode("cp1252")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def text_ops(
    lines: Iterable[tuple[float, float, str]], font: str = "F1", size: float = 10
) -> bytes:
    """Operators drawing each (x, y, text) with `Tj` (y up from the page bottom)."""
    out = [b"BT /%s %g Tf" % (font.encode(), size)]
    for x, y, text in lines:
        out.append(b"1 0 0 1 %g %g Tm %s Tj" % (x, y, pdf_string(text)))
    out.append(b"ET")
    return b"\n".join(out) + b"\n"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- content


def tj_kerned_pdf(directory: Path, name: str = "tj_kerned.pdf") -> Path:
    """LuaTeX-style words: a font without a space glyph, word gaps as TJ offsets (-333,
    -250, -180) and kerns (-40, 30) inside words. pypdf's own extract_text glues these."""
    content = (
        b"BT /F2 10 Tf 72 700 Td "
        b"[(infrastructure)-333(operations,)-250(and)-333(se)-40(cu)30(rity)]TJ "
        b"0 -14 Td [(Dev)-15(Ops)-180(Engineer)]TJ ET\n"
    )
    return write(directory / name, pdf_bytes([content]))


def type3_sidebar_pdf(directory: Path, name: str = "type3_sidebar.pdf") -> Path:
    """pdflatex with T1 fonts and no cm-super: a name, a sidebar and a main column all in
    Type 3 fonts (glyph space 1/100 em). Words are separated only by TJ offsets, sidebar
    bullets are TS1 code 136, "five" starts with the T1 fi ligature (code 28) and the
    date range has a T1 en dash (code 21); the two columns' baselines interleave."""
    ops = [b"BT /T3 17 Tf 40 740 Td [(Jane)-333(Q.)-333(Example)]TJ ET"]
    side = [b"[(SKILLS)]", None, None, None, b"[(LANGUAGES)]", b"[(English)]", b"[(French)]"]
    for i, item in enumerate(side):
        y = 680 - 15 * i
        if item is None:
            item = (b"[(Python)]", b"[(Rust)]", b"[(Causal)-333(inference)]")[i - 1]
            ops.append(b"BT /T3S 9 Tf 40 %d Td [(\\210)]TJ /T3 9 Tf 9.6 0 Td %sTJ ET" % (y, item))
        else:
            ops.append(b"BT /T3 9 Tf 40 %d Td %sTJ ET" % (y, item))
    main = [
        b"[(PROFILE)]",
        b"[(Applied)-333(economist)-333(with)-333(\\034ve)-333(years)]",
        b"[(of)-333(experience)-333(estimating)-333(the)-333(e\\033ects)]",
        b"[(of)-333(labor)-333(market)-333(policies.)]",
        b"[(EXPERIENCE)]",
        b"[(Senior)-333(Economist)-3000(Jan)-333(2022)-333(\\025)-333(present)]",
        b"[(Wayfair,)-333(Boston,)-333(MA)]",
        b"[(Research)-333(Assistant)-3000(Summer)-333(2016)]",
    ]
    for i, item in enumerate(main):
        ops.append(b"BT /T3 10 Tf 220 %d Td %sTJ ET" % (686 - 12 * i, item))
    return write(directory / name, pdf_bytes([b"\n".join(ops) + b"\n"], type3=True))


def header_band_pdf(directory: Path, name: str = "header_band.pdf") -> Path:
    """A Word/LibreOffice CV: a header table (name over two lines and a title in the left
    cell, contacts right-aligned in the right cell) above a main column and a sidebar
    whose left edge is not where any contact line starts; an education table row whose
    first cell ends in a space."""
    header = [(51, 729, "Aisha Rahman"), (51, 700, "Chowdhury")]
    contacts = [
        "aisha@example.org",
        "+44 7700 900456",
        "linkedin.com/in/aisha",
        "github.com/aishrc",
    ]
    right = [(550 - 5.2 * len(text), 740 - 22 * i, text) for i, text in enumerate(contacts)]
    main = ["PROFESSIONAL EXPERIENCE", "Senior Research Engineer", "Wayve Technologies, London"]
    main += ["Research Engineer", "Toshiba Europe, Cambridge", "EDUCATION"]
    side = ["TECHNICAL SKILLS", "C++", "Python", "CUDA", "ROS 2", "PyTorch", "OpenCV"]
    content = (
        text_ops(header, "F3", 22)
        + text_ops([(51, 671, "Senior Research Engineer")])
        + text_ops(right)
        + text_ops([(51, 600 - 23 * i, text) for i, text in enumerate(main)])
        + text_ops([(306, 600 - 13 * i, text) for i, text in enumerate(side)])
        + text_ops([(56, 450, "MEng in Electrical and "), (227, 450, "2011 - 2015")])
        + text_ops([(56, 437, "Imperial College London")])
    )
    return write(directory / name, pdf_bytes([content]))


def right_aligned_contacts_pdf(directory: Path, name: str = "right_aligned.pdf") -> Path:
    """moderncv classic: the name in a 34 pt font on the left, and right-aligned 10 pt
    contact lines on the right; the e-mail and homepage lines both fall within the name's
    baseline tolerance, and they overlap across."""
    right = ["jane.example@inf.ethz.ch", "jexample.github.io", "+41 79 555 01 23"]
    lines = [(532 - 5 * len(text), 730 - 12 * i, text) for i, text in enumerate(right)]
    content = text_ops([(58, 726.8, "Jane Example")], "F3", 34) + text_ops(lines)
    return write(directory / name, pdf_bytes([content]))


def tex_links_pdf(directory: Path, name: str = "tex_links.pdf") -> Path:
    """Link text as pdfTeX sets it: an address broken over two lines by a hyphen that is
    not in the target (one annotation per line), one whose hyphen is, and a homepage
    whose `\\~{}` is drawn as U+02DC (WinAnsi 0x98)."""
    lines = [
        (72, 700, "Web: luciafernan-"),
        (72, 686, "dez.github.io and more"),
        (72, 660, "Site: marcus-"),
        (72, 646, "okonkwo.com today"),
        (72, 620, "homes.cs.example.edu/\u02dcjane"),
    ]
    links = [
        ((98.2, 696, 160, 710), "https://luciafernandez.github.io"),
        ((70, 682, 135, 696), "https://luciafernandez.github.io"),
        ((98, 656, 160, 670), "https://marcus-okonkwo.com"),
        ((70, 642, 127, 656), "https://marcus-okonkwo.com"),
        ((70, 616, 200, 630), "https://homes.cs.example.edu/~jane"),
    ]
    return write(directory / name, pdf_bytes([text_ops(lines)], links=[links]))


def wrapped_dates_pdf(directory: Path, name: str = "wrapped_dates.pdf") -> Path:
    """moderncv: dates right-aligned in a narrow column left of the body edge (x=131),
    two of them too long for it and wrapped ("06/2023–" over "09/2023", "Sept. 2018 –"
    over "present"); the next entry is further down; a "-" list whose dashes end cells."""
    lines = [
        (131, 700, "Experience"),
        (80, 680, "06/2023–"),
        (131, 680, "Research Intern, Google DeepMind, London"),
        (84, 666.5, "09/2023"),
        (131, 666.5, "Scalable inference for point processes."),
        (73, 649, "2019–2020"),
        (131, 649, "Research Assistant, KTH, Stockholm"),
        (66, 631, "Sept. 2018 –"),
        (131, 631, "Engineer, ICAR, Lyon"),
        (88, 617.5, "present"),
        (131, 617.5, "Corpus tools for spoken French."),
        (120, 590, "-"),
        (131, 590, "Biometrika"),
        (120, 578, "-"),
        (131, 578, "Metrika"),
    ]
    return write(directory / name, pdf_bytes([text_ops(lines)]))


def two_column_pdf(directory: Path, name: str = "two_column.pdf") -> Path:
    """A full-width name line, then a wide left column and a narrow right sidebar whose
    baselines do not line up; the content stream draws the sidebar first."""
    left = [(50, 680 - 14 * i, f"Left column line {i + 1} about experience") for i in range(12)]
    right = [(400, 676 - 17 * i, f"Sidebar item {i + 1}") for i in range(9)]
    content = (
        text_ops([(50, 740, "Jane Q. Example, Research Software Engineer")], "F3", 16)
        + text_ops(right)
        + text_ops(left)
    )
    return write(directory / name, pdf_bytes([content]))


def aligned_sidebar_pdf(directory: Path, name: str = "aligned_sidebar.pdf") -> Path:
    """A narrow left sidebar of short items (contact, skills) whose lines share baselines
    with a longer main column on the right."""
    side = ["Contact", "jane@example.org", "+44 1234 567", "Skills", "Python", "Rust", "Go"]
    side += ["Languages", "English", "German"]
    main = [f"Main column sentence {i} describing experience at length" for i in range(16)]
    lines = [(40, 700 - 14 * i, t) for i, t in enumerate(side)]
    lines += [(220, 700 - 14 * i, t) for i, t in enumerate(main)]
    return write(directory / name, pdf_bytes([text_ops(lines)]))


def two_column_paper_pdf(directory: Path, name: str = "two_column_paper.pdf") -> Path:
    """Two columns of running text whose lines share baselines (a paper-style statement):
    rows must not be read across."""
    left = [
        (50, 700 - 12 * i, f"left column sentence {i:02d} runs on to the gutter") for i in range(20)
    ]
    right = [
        (320, 700 - 12 * i, f"right column sentence {i:02d} runs on to the edge") for i in range(20)
    ]
    return write(directory / name, pdf_bytes([text_ops(left + right)]))


def margin_label_pdf(directory: Path, name: str = "margin_labels.pdf") -> Path:
    """Section labels in a left margin column beside the first line of each section."""
    lines = [
        (150, 740, "Jane Q. Example"),
        (50, 700, "Education"),
        (150, 700, "University of Somewhere, PhD in Physics, 2015"),
        (150, 686, "Thesis on something rather long and wrapped over lines"),
        (150, 672, "and a second line of that thesis description"),
        (50, 640, "Publications"),
        (150, 640, "Example, J. (2020) A paper about things. Journal of Stuff."),
        (150, 626, "Example, J. (2019) Another paper. Proceedings of Things."),
        (150, 612, "Example, J. (2018) A third paper. Letters on Matters."),
        (50, 580, "Awards"),
        (150, 580, "Best Paper Award, 2019"),
        (150, 566, "Travel grant, 2018"),
    ]
    return write(directory / name, pdf_bytes([text_ops(lines)]))


def link_pdf(directory: Path, name: str = "links.pdf") -> Path:
    """Three links: anchor text "GitHub", an e-mail address, and an icon-only link over
    empty space; plus a `tel:` link."""
    content = text_ops(
        [(72, 700, "Code: GitHub and more"), (72, 680, "jane@example.org"), (72, 660, "+1 555")]
    )
    links = [
        # Helvetica 10 pt: "Code: " is 29.5 pt wide, "GitHub" 31.1 pt.
        ((101, 696, 133, 710), "https://github.com/janeexample"),
        ((70, 676, 160, 690), "mailto:jane@example.org"),
        ((300, 696, 312, 708), "https://www.linkedin.com/in/janeexample"),
        ((70, 656, 110, 670), "tel:+1555"),
    ]
    return write(directory / name, pdf_bytes([content], links=[links]))


def header_footer_pdf(directory: Path, pages: int = 3, name: str = "header_footer.pdf") -> Path:
    """Each page: a running header, body text, and a "Page N of M" footer."""
    contents = []
    for number in range(1, pages + 1):
        lines = [(72, 760, f"Jane Q. Example - Curriculum Vitae {number}")]
        words = ("alpha", "beta", "gamma", "delta", "epsilon")
        lines += [
            (72, 700 - 14 * i, f"{words[i]} body text of page {words[number % 5]}")
            for i in range(5)
        ]
        lines.append((280, 40, f"Page {number} of {pages}"))
        contents.append(text_ops(lines))
    return write(directory / name, pdf_bytes(contents))


def typography_pdf(directory: Path, name: str = "typography.pdf") -> Path:
    """Ligatures (/F4 codes 1-3), a soft hyphen, a pdfTeX-style separate diaeresis
    ("M¨uller"), a hyphenated line break, a Symbol-font bullet from the Private Use Area
    drawn as text, and a Font-Awesome-like PUA icon."""
    content = (
        b"BT /F4 10 Tf 72 700 Td (ef\\001cient \\002ow and o\\003ice) Tj ET\n"
        + text_ops(
            [
                (72, 680, "well\xadknown M\xa8uller"),
                (72, 660, "a long information-"),
                (72, 646, "al sentence that wraps"),
            ]
        )
        + b"BT /F5 10 Tf 72 620 Td <F0B7> Tj /F1 10 Tf 12 0 Td (Bullet item) Tj ET\n"
    )
    return write(directory / name, pdf_bytes([content]))


def letter_spaced_pdf(directory: Path, name: str = "letter_spaced.pdf") -> Path:
    """A heading letter-spaced with TJ offsets (0.3 em between letters, 0.9 em between
    words), above an ordinary line."""
    content = (
        b"BT /F2 12 Tf 72 700 Td [(S)-300(K)-300(I)-300(L)-300(L)-300(S)-900(A)-300(N)-300(D)"
        b"-900(T)-300(O)-300(O)-300(L)-300(S)]TJ 0 -16 Td [(Python,)-333(Rust)]TJ ET\n"
    )
    return write(directory / name, pdf_bytes([content]))


def rotated_pdf(directory: Path, name: str = "rotated.pdf") -> Path:
    """Three lines set sideways (text running up the page, first line leftmost) and a
    small upright stamp that is not part of the text."""
    lines = b"".join(
        b"BT /F1 10 Tf 0 1 -1 0 %d 100 Tm (Sideways line %d of the page) Tj ET\n" % (x, n)
        for n, x in enumerate((100, 114, 128), start=1)
    )
    return write(directory / name, pdf_bytes([lines + text_ops([(400, 40, "stamp")], size=6)]))


def cjk_pdf(directory: Path, name: str = "cjk.pdf") -> Path:
    """CJK heading codes drawn with inter-character TJ offsets wider than a word gap,
    then "ABC" in the same CID font."""
    content = (
        b"BT /F5 14 Tf 72 700 Td [<0001>-300<0002>-300<0003><0004>]TJ "
        b"0 -20 Td [<0005><0006>-400<0007><0008>]TJ 0 -20 Td <004100420043> Tj ET\n"
    )
    return write(directory / name, pdf_bytes([content]))


def form_xobject_pdf(directory: Path, name: str = "form.pdf") -> Path:
    """Text drawn inside a form XObject (moved by its /Matrix), and a form that paints
    itself (a loop the extractor must not follow forever)."""
    builder = PdfBuilder()
    catalog = builder.reserve()
    tree = builder.reserve()
    fonts = _font_resources(builder)
    form_number = len(builder.objects) + 1
    resources = b"<< /Font %s /XObject << /Form %d 0 R /Loop %d 0 R >> >>" % (
        fonts,
        form_number,
        form_number,
    )
    inner = b"BT /F1 12 Tf 0 0 Td (Text inside a form) Tj ET /Loop Do"
    builder.add(
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 50] /Matrix [1 0 0 1 72 600] "
        b"/Resources %s /Length %d >>\nstream\n" % (resources, len(inner)) + inner + b"\nendstream"
    )
    stream = builder.stream(text_ops([(72, 700, "Page text")]) + b"/Form Do\n")
    page = builder.add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s "
        b"/Contents %d 0 R >>" % (tree, resources, stream)
    )
    builder.set(tree, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    builder.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    return write(directory / name, builder.to_bytes(catalog))


def simple_cv_pdf(directory: Path, name: str = "simple_cv.pdf", pages: int = 1) -> Path:
    """A plain, valid one-column CV (the base for truncation and encryption tests)."""
    contents = []
    for number in range(pages):
        lines = [(72, 740, "Jane Q. Example")] if number == 0 else []
        lines += [
            (72, 700 - 14 * i, f"Experience line {i} on page {number + 1}") for i in range(20)
        ]
        contents.append(text_ops(lines))
    return write(directory / name, pdf_bytes(contents, compress=True))


# --------------------------------------------------------------------------- bad input


def encrypted_pdf(
    directory: Path,
    algorithm: str = "AES-256",
    user_password: str = "",
    name: str | None = None,
) -> Path:
    """`simple_cv_pdf` encrypted with pypdf's writer: algorithm "RC4-128", "AES-128" or
    "AES-256"; an empty user password opens without asking (permissions-only PDFs)."""
    from pypdf import PdfReader, PdfWriter

    source = simple_cv_pdf(directory, name="plain_for_encryption.pdf")
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password, owner_password="owner-secret", algorithm=algorithm)
    tag = algorithm.lower().replace("-", "")
    path = directory / (name or f"encrypted_{tag}_{'pw' if user_password else 'nopw'}.pdf")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def truncated_pdf(directory: Path, keep: float = 0.5, name: str = "truncated.pdf") -> Path:
    """The first `keep` share of a valid PDF's bytes."""
    data = simple_cv_pdf(directory, name="whole.pdf", pages=3).read_bytes()
    return write(directory / name, data[: int(len(data) * keep)])


def zero_page_pdf(directory: Path, name: str = "zero_pages.pdf") -> Path:
    """A well-formed PDF whose page tree is empty."""
    builder = PdfBuilder()
    catalog = builder.reserve()
    tree = builder.add(b"<< /Type /Pages /Kids [] /Count 0 >>")
    builder.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    return write(directory / name, builder.to_bytes(catalog))


def blank_pages_pdf(directory: Path, pages: int = 2, name: str = "blank.pdf") -> Path:
    """Pages that draw only a rectangle: no text layer (like a scan, without the image)."""
    return write(directory / name, pdf_bytes([b"0 0 1 rg 72 72 200 100 re f\n"] * pages))


def flate_bomb_pdf(directory: Path, megabytes: int = 300, name: str = "bomb.pdf") -> Path:
    """One page whose content stream inflates to `megabytes` MB of zeros (~0.3 MB file)."""
    compressor = zlib.compressobj(9)
    chunk = b"0" * (1 << 20)
    packed = b"".join(compressor.compress(chunk) for _ in range(megabytes)) + compressor.flush()
    builder = PdfBuilder()
    catalog = builder.reserve()
    tree = builder.reserve()
    fonts = _font_resources(builder)
    stream = builder.add(
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    )
    page = builder.add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font %s >> "
        b"/Contents %d 0 R >>" % (tree, fonts, stream)
    )
    builder.set(tree, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    builder.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    return write(directory / name, builder.to_bytes(catalog))


def many_operators_pdf(
    directory: Path, count: int = 2_000_000, name: str = "many_operators.pdf"
) -> Path:
    """One page with `count` `Tj` operators (a ~20 KB file that decodes to ~14 MB)."""
    content = b"BT /F1 1 Tf 72 700 Td\n" + b"(a) Tj\n" * count + b"ET\n"
    return write(directory / name, pdf_bytes([content], compress=True))


def nested_arrays_pdf(directory: Path, depth: int = 100_000, name: str = "nested.pdf") -> Path:
    """A page whose /Annots is an array nested `depth` levels deep."""
    nested = b"[" * depth + b"]" * depth
    builder = PdfBuilder()
    catalog = builder.reserve()
    tree = builder.reserve()
    stream = builder.stream(text_ops([(72, 700, "Hello")]))
    fonts = _font_resources(builder)
    page = builder.add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font %s >> "
        b"/Contents %d 0 R /Annots %s >>" % (tree, fonts, stream, nested)
    )
    builder.set(tree, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % page)
    builder.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    return write(directory / name, builder.to_bytes(catalog))


def page_tree_loop_pdf(directory: Path, name: str = "page_loop.pdf") -> Path:
    """A page tree whose /Kids contains the tree itself."""
    builder = PdfBuilder()
    catalog = builder.reserve()
    tree = builder.reserve()
    builder.set(tree, b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % tree)
    builder.set(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
    return write(directory / name, builder.to_bytes(catalog))


def not_a_pdf(directory: Path, name: str = "random.pdf") -> Path:
    """Bytes that start like a PDF and then are noise."""
    noise = bytes((i * 7919 + 13) % 251 for i in range(4096))
    return write(directory / name, b"%PDF-1.4\n" + noise)


def empty_file(directory: Path, name: str = "empty.pdf") -> Path:
    return write(directory / name, b"")
