"""Text-level pieces of a publication entry: authors, title, venue, year and status."""

from __future__ import annotations

import re

from parsing.fields.venues import VENUE_AT

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_AUTHOR_YEAR = re.compile(
    rf"^(?P<authors>.{{3,400}}?)\s*[(\[]\s*(?P<year>{_YEAR}[a-z]?|in press|forthcoming|n\.\s?d\.|"
    r"submitted|under review|accepted|in preparation)\s*[)\]]\s*[.,:]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# "J. Weißenborn, T. Neumann: Adaptive Partitioning ..." (German and some CS styles)
_AUTHOR_COLON = re.compile(r"^(?P<authors>[^:]{3,300}?):\s+(?P<rest>\S.+)$")
_LEADING_YEAR = re.compile(rf"^\s*\(?({_YEAR})\)?[.:,]?\s+(?=\S)")
_ABBREVIATION = re.compile(
    r"(?i)^(?:proc|int|intl|conf|trans|j|jour|intell|mach|anal|symp|vol|no|pp|al|ed|eds|"
    r"univ|dept|assoc|soc|rev|lett|sci|eng|comput|natl|acad|amer|am|res|stat|math|phys|"
    r"chem|biol|med|econ|mgmt|inf|syst|tech|technol|appl|adv|lect|notes|ser|st|dr|prof)$"
)
_AUTHOR_YEAR_BARE = re.compile(
    rf"^(?P<authors>.{{3,400}}?)[.,]\s*(?P<year>{_YEAR})[a-z]?\.\s+(?P<rest>.+)$"
)
_QUOTED = re.compile(r"[“\"«]\s?(?P<title>[^”\"»]{8,400}?)[,.]?\s?[”\"»]")
_SENTENCE_END = re.compile(r"(?<=[^\s.][.?!])\s+(?=[A-Z0-9(\[“\"]|arXiv|in\s)|(?<=[?!])\s+")
_STATUS = (
    (
        "under review",
        r"under review|under submission|in review|submitted|revise and resubmit|"
        r"r&r|major revision|minor revision",
    ),
    ("in preparation", r"in preparation|in prep\.|working paper|manuscript in|draft"),
    ("preprint", r"\barxiv\b|preprint|biorxiv|medrxiv|ssrn"),
    ("accepted", r"accepted|to appear|forthcoming|in press"),
)
_LINK_WORDS = (
    r"post|blog|code|pdf|paper|link|slides|video|website|project page|project|arxiv|"
    r"poster|demo|github|html"
)
_TRAILING_TAGS = re.compile(
    rf"(?i)\s*[(\[]\s*(?:{_LINK_WORDS})(?:\s*[,|/]\s*(?:{_LINK_WORDS}))*\s*[)\]]"
)
_AUTHOR_SPLIT = re.compile(r",\s*(?:and\s+|&\s*)?|\s+(?:and|et|und|y|e)\s+|\s*&\s*|;")
_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*\.?|(?:[A-Z]\.?-?){1,3}|[a-z]{1,3}|et|al\.?)$"
)
_POSITION = re.compile(
    r"(?i),?\s*\(?(?:co-?)?(?:first|second|third|last|sole|corresponding|equal)[- ]"
    r"(?:author|contribution)\)?.*$"
)
# Where the venue text ends: a sentence boundary, or prose (a capitalised word followed
# by a run of lower-case words) that an abstract or a description starts with.
_VENUE_END = re.compile(
    r"(?<=[^\s.A-Z][a-z)\d])\.\s+(?=[A-Z\[(])|\s+(?=[A-Z][a-z]+(?:\s+[a-z][\w-]*){5})"
)
_PUBLISHER = re.compile(r"^[A-Z][\w .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?:\s*([A-Z].+)$")
_VENUE_LEAD = re.compile(
    r"(?i)^(?:accepted|published|presented|submitted|under review)\s+(?:by|at|to|in|for)\s+"
    r"(?:the\s+)?|"
    r"^(?:to appear|appearing)\s+(?:in|at)\s+|^in:?\s+(?=[A-Z])"
)


def find_status(text: str) -> str | None:
    low = text.casefold()
    for status, pattern in _STATUS:
        if re.search(pattern, low):
            return status
    return None


def find_year(text: str) -> int | None:
    text = re.sub(r"https?://\S+|arXiv:\s*\S+|doi:\s*\S+", " ", text)
    paren = re.search(rf"[(\[]\s*({_YEAR})[a-z]?\s*[)\]]", text)
    if paren:
        return int(paren.group(1))
    years = re.findall(rf"(?<!\d)({_YEAR})(?!\d)", text)
    return int(years[-1]) if years else None


def _name_ok(part: str) -> bool:
    part = re.sub(r"[*†‡∗\d¹²³⁴⁵⁶⁷⁸⁹#]+$", "", part.strip()).strip()
    if not part or re.search(r"\d", part):
        return False
    if part.casefold() in ("et al", "et al.", "others"):
        return True
    tokens = part.replace(",", " ").split()
    if not 1 <= len(tokens) <= 5:
        return False
    lowercase = [
        t
        for t in tokens
        if t[0].islower()
        and t not in ("de", "van", "von", "der", "da", "di", "le", "la", "du", "bin")
    ]
    return not lowercase and all(_NAME_TOKEN.match(t) for t in tokens)


def looks_like_authors(text: str, single_ok: bool = False) -> bool:
    text = text.strip().rstrip(".")
    if not text or len(text) > 600 or re.search(r"[:?!]|\b(?:19|20)\d\d\b", text):
        return False
    parts = [p for p in _AUTHOR_SPLIT.split(text) if p.strip()]
    if len(parts) < 2:
        return single_ok and 2 <= len(text.split()) <= 4 and _name_ok(text)
    return sum(_name_ok(p) for p in parts) >= max(2, int(len(parts) * 0.8))


def split_authors(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    text = re.sub(r"(?<=[a-z])\.$", "", text)
    if not text:
        return []
    parts = [p.strip() for p in _AUTHOR_SPLIT.split(text) if p.strip()]
    merged: list[str] = []
    for part in parts:
        initials = re.fullmatch(r"(?:[A-Z]\.?\s?-?){1,3}", part)
        surname_only = merged and "," not in merged[-1] and not re.match(r"[A-Z]\.?\s", merged[-1])
        if initials and surname_only and len(merged[-1].split()) <= 3:
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return [re.sub(r"[*†‡∗]+$", "", m).strip() for m in merged if m]


def venue_start(text: str) -> int:
    """Where a venue begins in a line that starts with a title, or -1."""
    match = VENUE_AT.search(text)
    return match.start() if match else -1


def strip_leading_year(text: str) -> tuple[str, int | None]:
    """'2021 C. Durand et P. Martin. « … »' -> the entry without its leading year, and it."""
    match = _LEADING_YEAR.match(text)
    if not match or len(text) - match.end() < 20:
        return text, None
    return text[match.end() :], int(match.group(1))


def split_structured(text: str, lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """(title, authors, venue-text) by the first layout the entry fits."""
    for pattern in (_AUTHOR_YEAR, _AUTHOR_YEAR_BARE):
        match = pattern.match(text)
        if match and _authors_part(match.group("authors")):
            title, venue = _title_then_rest(match.group("rest"))
            return title, match.group("authors"), venue
    quoted = _QUOTED.search(text)
    before = text[: quoted.start()].strip(" ,.") if quoted else ""
    if quoted and before and looks_like_authors(before, single_ok=True):
        return quoted.group("title"), before, text[quoted.end() :]
    colon = _AUTHOR_COLON.match(text)
    if colon and _named_authors(colon.group("authors")):
        title, venue = _title_then_rest(colon.group("rest"))
        return title, colon.group("authors"), venue
    if len(lines) >= 2:
        return _by_lines(lines)
    return _single_line(text)


def _named_authors(text: str) -> bool:
    """Authors before a colon: a list of names, or one name with initials ('J. Weiß')."""
    if looks_like_authors(text):
        return True
    return bool(re.search(r"\b[A-Z]\.", text)) and looks_like_authors(text, single_ok=True)


def _authors_part(text: str) -> bool:
    return looks_like_authors(text) or bool(
        re.match(r"^[A-ZÀ-Þ][\w'’-]+,\s*(?:[A-Z]\.?\s?){1,3}\.?$", text.strip())
    )


def _title_then_rest(rest: str) -> tuple[str, str]:
    """Split at the sentence end after which a venue starts ('Who trains? Informal …' stays)."""
    cuts = [m for m in _SENTENCE_END.finditer(rest) if not _after_abbreviation(rest, m.start())]
    for cut in cuts:
        if _venue_like(rest[cut.end() :]):
            return rest[: cut.start()], rest[cut.end() :]
    if not cuts:
        return rest, ""
    first = next((c for c in cuts if rest[c.start() - 1] != "?"), cuts[0])
    return rest[: first.start()], rest[first.end() :]


def _after_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z]+)\.?$", text[: dot + 1].rstrip("."))
    return bool(word and (_ABBREVIATION.match(word.group(1)) or len(word.group(1)) == 1))


def _venue_like(text: str) -> bool:
    head = text[:120]
    return (
        venue_start(head) == 0
        or bool(re.search(r"\d+\s*\(\d+\)|\b(?:19|20)\d\d\b|\bpp?\.\s*\d", head.split(". ")[0]))
        or bool(re.match(r"(?:[A-Z][\w&-]*\s+){0,6}(?:Journal|Review|Letters|Science|Research|"
                         r"Proceedings|Conference|Transactions|Quarterly|Annals|Bulletin)\b", head))
    )  # fmt: skip


def _by_lines(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    title_parts = [lines[0]]
    authors = None
    venue_parts: list[str] = []
    for line in lines[1:]:
        if authors is None and looks_like_authors(line, single_ok=True):
            authors = line
        elif not venue_parts and authors is None and _continues_title(title_parts[-1], line):
            title_parts.append(line)
        else:
            venue_parts.append(line)
    title = " ".join(title_parts)
    cut = venue_start(title)
    if cut > 0:
        venue_parts.insert(0, title[cut:])
        title = title[:cut]
    return title, authors, " ".join(venue_parts)


def _continues_title(previous: str, line: str) -> bool:
    if previous.rstrip().endswith((".", "?", "!")) or venue_start(line) == 0:
        return False
    return bool(line[:1].islower() or previous.rstrip().endswith(("-", ":", ",")))


def _single_line(text: str) -> tuple[str | None, str | None, str | None]:
    cut = venue_start(text)
    if cut > 0:
        return text[:cut], None, text[cut:]
    pieces = _SENTENCE_END.split(text)
    if len(pieces) >= 3 and looks_like_authors(pieces[0]):
        return pieces[1], pieces[0], " ".join(pieces[2:])
    if len(pieces) >= 2:
        return pieces[0], None, " ".join(pieces[1:])
    return text, None, None


def clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip()
    title = _TRAILING_TAGS.sub("", title)
    title = re.sub(r"\s*\[\s*\]|\s*\(\s*\)", "", title)
    title = re.sub(r"(?i)\s*[-–—]\s*\[?\d+\]?$", "", title)
    title = title.strip(" .,;:“”\"'")
    return title


def clean_venue(venue: str, title: str = "") -> str | None:
    text = re.sub(r"\s+", " ", venue).strip()
    text = re.sub(
        r"https?://\S+|\bdoi:\s*\S+|\b(?:dx\.)?doi\.org/\S+|\bURL\b.*$", " ", text, flags=re.I
    )
    text = re.sub(r"(?i)\[\s*citations?:[^\]]*\]|\(\s*citations?:[^)]*\)", " ", text)
    text = _TRAILING_TAGS.sub(" ", text)
    text = re.sub(r"(?i)\b\d+(?:st|nd|rd|th)\s+ed(?:ition)?\.?", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;")
    text = _POSITION.sub("", text)
    text = _cut_venue(text)
    publisher = _PUBLISHER.match(text)
    if publisher:
        text = publisher.group(1)
    text = _VENUE_LEAD.sub("", text)
    text = re.sub(r"(?i)\s*(?:,\s*)?(?:vol\.?|volume)\s*\d+.*$", "", text)
    text = re.sub(
        r"(?i)\s*(?:,\s*)?(?:pp?\.?\s*)?\d+\s*\(\s*\d+\s*\)\s*(?:[,:]\s*(?:pp?\.?\s*)?[\d\-–]+)?.*$",
        "",
        text,
    )
    text = re.sub(r"(?i),\s*(?:pp?\.?\s*)?\d+(?:\s*[-–]\s*\d+)?(?:,\s*p\.?\s*\d+)?\s*$", "", text)
    text = re.sub(r"(?i),\s*\d+,\s*p\.\s*\d+.*$", "", text)
    text = re.sub(r"\s+(?!(?:19|20)\d\d\b)\d{1,4}\s*$", "", text)  # a bare volume number
    text = re.sub(r"(?i)\.\s*(?:under review|submitted|in preparation)\.?$", "", text)
    text = _balance(text.strip(" .,;:"))
    if title and text.casefold() == title.casefold():
        return None
    return text or None


def _cut_venue(text: str) -> str:
    """The venue ends at a sentence end that follows no abbreviation ('Proc. 40th Int. Conf.')."""
    for match in _VENUE_END.finditer(text):
        if match.group(0).startswith(".") and _after_abbreviation(text, match.start()):
            continue
        return text[: match.start()]
    return text


def _balance(text: str) -> str:
    """'Advances in NIPS (NeurIPS' -> close the bracket; an unmatched ')' goes."""
    out: list[str] = []
    depth = 0
    for char in text:
        if char == ")" and depth == 0:
            continue
        depth += (char == "(") - (char == ")")
        out.append(char)
    return ("".join(out) + ")" * depth).strip()
