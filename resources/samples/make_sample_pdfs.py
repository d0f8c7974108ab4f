"""Write the sample PDFs in this folder (run once; the PDFs are committed).

    .venv/bin/python resources/samples/make_sample_pdfs.py

The people are fictional, made for Shortlist's "Open Sample Candidates". The PDFs are
written by hand (PDF 1.4, the standard Helvetica fonts, one text run per line with real
spaces), like the output of a plain word processor, so that every reader, Shortlist's
parser included, gets the words back. Entries use three tags: <b>, <i> and <br>.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

Section = tuple[str, list[str]]

OKAFOR_HEAD = (
    "Amara N. Okafor",
    "Postdoctoral Research Fellow, Computational Neuroscience",
    "amara.okafor@example.ac.uk · amaraokafor.github.io · github.com/aokafor-lab · "
    "+44 131 496 0731",
)

OKAFOR: list[Section] = [
    (
        "Research Interests",
        [
            "Neural population dynamics during decision making",
            "Recurrent network models of working memory",
            "Closed-loop neurotechnology",
        ],
    ),
    (
        "Education",
        [
            "<b>University of Edinburgh</b>, UK<br>PhD in Neuroinformatics and Computational "
            "Neuroscience<br>Sep 2018 – Jul 2022<br>Thesis: Low-dimensional dynamics of "
            "parietal delay activity",
            "<b>University College London</b>, UK<br>MSc in Computational Statistics and "
            "Machine Learning<br>Sep 2017 – Sep 2018<br>Distinction",
            "<b>University of Lagos</b>, Nigeria<br>BSc in Physics<br>Sep 2012 – Jul 2016"
            "<br>First Class Honours",
        ],
    ),
    (
        "Experience",
        [
            "<b>Gatsby Computational Neuroscience Unit, UCL</b><br>Postdoctoral Research "
            "Fellow<br>Sep 2022 – present<br>Latent-state models for closed-loop stimulation.",
            "<b>Allen Institute for Neural Dynamics</b>, Seattle<br>Visiting Researcher"
            "<br>Jun 2021 – Sep 2021",
            "<b>University of Edinburgh</b><br>Teaching Assistant, Computational Cognitive "
            "Neuroscience<br>Jan 2019 – Apr 2021",
        ],
    ),
    (
        "Publications",
        [
            "Amara N. Okafor, Daniel Whitfield, Rosa Lindqvist. Low-rank recurrent dynamics "
            "explain parietal delay activity across animals. <i>Neuron</i>, 2024.",
            "Amara N. Okafor, Rosa Lindqvist. Inferring latent decision variables from "
            "sparse spiking data. <i>NeurIPS</i>, 2023.",
            "Tobias Renner, Amara N. Okafor, Priya Natarajan. Closed-loop perturbation of "
            "population trajectories in mouse posterior parietal cortex. <i>Nature "
            "Neuroscience</i>, 2023.",
            "Amara N. Okafor, Daniel Whitfield. A benchmark for latent dynamical systems "
            "models of neural data. <i>ICLR</i>, 2023.",
            "Hannah Berg, Amara N. Okafor, Rosa Lindqvist. Working memory as a line "
            "attractor: evidence from chronic recordings. <i>eLife</i>, 2022.",
            "Amara N. Okafor, Rosa Lindqvist. Delay activity is low dimensional in rat "
            "parietal cortex. <i>Journal of Neuroscience</i>, 2022.",
            "Samuel Osei, Amara N. Okafor. Spike sorting drift correction with optimal "
            "transport. <i>Journal of Neural Engineering</i>, 2021.",
            "Amara N. Okafor, Rosa Lindqvist, Daniel Whitfield. Switching linear dynamical "
            "systems for trial-to-trial variability. <i>Cosyne</i>, 2021.",
            "Liam Fraser, Amara N. Okafor. Teaching neural data analysis with notebooks. "
            "<i>Neuroinformatics</i>, 2020.",
            "Amara N. Okafor. Population codes for accumulated evidence. <i>Bernstein "
            "Conference</i>, 2020.",
        ],
    ),
    (
        "Awards",
        [
            "Sir Henry Wellcome Postdoctoral Fellowship, 2022",
            "Best Thesis Prize, School of Informatics, University of Edinburgh, 2022",
            "Google PhD Fellowship in Computational Neuroscience, 2020",
            "Commonwealth Scholarship, 2017",
        ],
    ),
    (
        "Invited Talks",
        [
            "Latent dynamics for closed-loop experiments. Cosyne Workshops, Lisbon, 2024.",
            "Low-rank models of delay activity. Champalimaud Research Seminar, 2023.",
            "Decision variables in parietal cortex. SfN Nanosymposium, Chicago, 2022.",
        ],
    ),
    (
        "Teaching and Mentoring",
        [
            "Co-supervised two MSc theses on latent variable models (2023, 2024).",
            "Lecturer, Neuromatch Academy computational neuroscience summer school, 2021–2023.",
        ],
    ),
    (
        "Skills",
        ["Python, JAX, PyTorch, MATLAB, Kilosort, Neuropixels, Slurm, Git"],
    ),
    (
        "References",
        [
            "Prof. Rosa Lindqvist, University of Edinburgh (doctoral supervisor)",
            "Dr. Daniel Whitfield, Gatsby Computational Neuroscience Unit",
        ],
    ),
]

ERIKSEN_HEAD = (
    "Jonas Eriksen",
    "Research Intern applicant, Natural Language Processing",
    "jonas.eriksen@example.dk · github.com/jeriksen-nlp · +45 20 12 34 56",
)

ERIKSEN: list[Section] = [
    (
        "Research Interests",
        ["Low-resource machine translation", "Evaluation of language models"],
    ),
    (
        "Education",
        [
            "<b>University of Copenhagen</b>, Denmark<br>MSc in Computer Science"
            "<br>Sep 2023 – present",
            "<b>Aarhus University</b>, Denmark<br>BSc in Cognitive Science<br>Sep 2020 – Jun 2023",
        ],
    ),
    (
        "Experience",
        [
            "<b>CoAStaL NLP group, University of Copenhagen</b><br>Student Researcher"
            "<br>Feb 2024 – present",
        ],
    ),
    (
        "Publications",
        [
            "Jonas Eriksen, Sofie Dahl. Faroese–Danish translation with 10,000 sentence "
            "pairs. <i>NoDaLiDa</i>, 2025.",
        ],
    ),
    ("Skills", ["Python, PyTorch, Hugging Face Transformers, SLURM"]),
]

PAGE_W, PAGE_H, MARGIN = 595.0, 842.0, 56.0
FONTS = {"regular": "F1", "bold": "F2", "italic": "F3"}
# Helvetica's average advance is about half an em; good enough to wrap lines.
_EM = {"regular": 0.50, "bold": 0.54, "italic": 0.50}
_STYLE = {  # size, leading, space before
    "h1": (22.0, 26.0, 0.0),
    "role": (11.5, 16.0, 2.0),
    "contact": (9.0, 13.0, 4.0),
    "note": (8.0, 12.0, 2.0),
    "h2": (11.5, 16.0, 14.0),
    "entry": (10.0, 13.0, 5.0),
}

Run = tuple[str, str]  # font style, text


def _runs(markup: str) -> list[Run]:
    runs: list[Run] = []
    for part in re.split(r"(<b>.*?</b>|<i>.*?</i>)", markup):
        if part.startswith("<b>"):
            runs.append(("bold", part[3:-4]))
        elif part.startswith("<i>"):
            runs.append(("italic", part[3:-4]))
        elif part:
            runs.append(("regular", part))
    return runs


def _wrap(runs: list[Run], size: float, width: float) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    used = 0.0
    for style, text in runs:
        for word in re.findall(r"\S+\s*", text):
            advance = len(word) * size * _EM[style]
            if used + advance > width and used > 0:
                lines.append([])
                used = 0.0
            lines[-1].append((style, word))
            used += advance
    return lines


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


class Pages:
    """Lays text out top to bottom and starts a new page when one is full."""

    def __init__(self) -> None:
        self.pages: list[list[bytes]] = [[]]
        self.y = PAGE_H - MARGIN

    def add(self, kind: str, markup: str) -> None:
        size, leading, before = _STYLE[kind]
        self.y -= before
        for line_markup in markup.split("<br>"):
            base = "bold" if kind in ("h1", "h2") else "regular"
            runs = [(base if s == "regular" else s, t) for s, t in _runs(line_markup)]
            for line in _wrap(runs, size, PAGE_W - 2 * MARGIN):
                self._line(line, size, leading)
        if kind == "h2":
            rule_y = self.y + 3
            rule = f"0.5 G 0.6 w {MARGIN} {rule_y:.1f} m {PAGE_W - MARGIN} {rule_y:.1f} l S"
            self.pages[-1].append(rule.encode())

    def _line(self, runs: list[Run], size: float, leading: float) -> None:
        if self.y - leading < MARGIN:
            self.pages.append([])
            self.y = PAGE_H - MARGIN
        self.y -= leading
        ops = [f"BT {MARGIN} {self.y:.1f} Td".encode()]
        for style, text in runs:
            ops.append(f"/{FONTS[style]} {size} Tf (".encode() + _escape(text) + b") Tj")
        ops.append(b"ET")
        self.pages[-1].append(b" ".join(ops))


def cv_pages(head: tuple[str, str, str], sections: list[Section]) -> Pages:
    name, role, contact = head
    pages = Pages()
    pages.add("h1", name)
    pages.add("role", role)
    pages.add("contact", contact)
    pages.add("note", "Fictional sample candidate made for Shortlist.")
    for title, entries in sections:
        pages.add("h2", title.upper())
        for entry in entries:
            pages.add("entry", entry)
    return pages


def pdf_bytes(pages: Pages, title: str) -> bytes:
    fonts = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Helvetica-Oblique"}
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font_ids = {}
    for key, base in fonts.items():
        font = f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>"
        objects.append(font.encode())
        font_ids[key] = len(objects)
    resources = " ".join(f"/{k} {v} 0 R" for k, v in font_ids.items())
    kids = []
    for content in pages.pages:
        stream = b"\n".join(content)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W:g} {PAGE_H:g}] "
            f"/Resources << /Font << {resources} >> >> /Contents {len(objects)} 0 R >>".encode()
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    objects.append(b"<< /Title (" + _escape(title) + b") /Producer (Shortlist samples) >>")
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def main() -> int:
    for target, head, sections in (
        ("amara-okafor-cv.pdf", OKAFOR_HEAD, OKAFOR),
        ("jonas-eriksen-cv.pdf", ERIKSEN_HEAD, ERIKSEN),
    ):
        (HERE / target).write_bytes(pdf_bytes(cv_pages(head, sections), f"CV of {head[0]}"))
    print("wrote", ", ".join(p.name for p in sorted(HERE.glob("*.pdf"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
