"""Dates and date ranges in the many forms CVs write them.

Values follow the schema: "YYYY-MM" when the month is known, "YYYY" when only the year
is, "present" for an open end. A season is the year alone ("Fall 2011" -> "2011").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {}
_MONTH_NAMES = {
    1: "jan january janv janvier januar enero ene gennaio",
    2: "feb february fév fev févr fevr février fevrier februar febrero febbraio",
    3: "mar march mars märz maerz mär marzo",
    4: "apr april avr avril abr abril aprile",
    5: "may mai mayo maggio",
    6: "jun june juin juni junio giugno",
    7: "jul july juil juillet juli julio luglio",
    8: "aug august août aout agosto ago",
    9: "sep sept september septembre septiembre setiembre settembre set",
    10: "oct october octobre okt oktober octubre ottobre",
    11: "nov november novembre noviembre",
    12: "dec december déc dec décembre decembre dez dezember dic diciembre dicembre",
}
for _number, _names in _MONTH_NAMES.items():
    for _name in _names.split():
        MONTHS[_name] = _number

SEASONS = (
    "spring summer fall autumn winter printemps été ete automne hiver frühjahr fruehjahr "
    "frühling sommer herbst primavera verano otoño otono invierno"
).split()
PRESENT_WORDS = (
    "present now current currently ongoing today date aujourd'hui auj présent actuel heute "
    "jetzt actualidad hoy presente actual actualmente oggi 至今 现在 今 目前"
).split()

_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_SEASON_ALT = "|".join(sorted(SEASONS, key=len, reverse=True))
_PRESENT_ALT = "|".join(sorted((re.escape(p) for p in PRESENT_WORDS), key=len, reverse=True))
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_YEAR2 = r"(?:'|’)\d\d"

# One date "point". Order matters: the most specific forms first.
_POINT = re.compile(
    rf"""
    (?P<cjk>(?P<cy>{_YEAR})\s*年\s*(?:(?P<cm>1[0-2]|0?[1-9])\s*月)?)
  | (?P<iso>(?P<iy>{_YEAR})\s*[-./]\s*(?P<im>1[0-2]|0?[1-9])
        (?:\s*[-./]\s*(?:3[01]|[12]\d|0?[1-9]))?(?!\d))
  | (?P<num>(?<![\d.])(?P<nm>1[0-2]|0?[1-9])\s*[/.]\s*(?P<ny>{_YEAR}))
  | (?P<dmy>(?<![\d.])(?:3[01]|[12]\d|0?[1-9])\s*[/.]\s*(?P<dm>1[0-2]|0?[1-9])
        \s*[/.]\s*(?P<dy>{_YEAR}))
  | (?P<named>(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th|er)?\.?\s+)?
        (?P<mname>{_MONTH_ALT})\.?,?\s*(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+)?
        (?P<my>{_YEAR}|{_YEAR2})(?!\d))
  | (?P<season>(?P<sname>{_SEASON_ALT})(?:\s+(?:semester|term|quarter))?\s*,?\s*(?P<sy>{_YEAR}))
  | (?P<year>(?<![\d.,/])(?P<yy>{_YEAR})(?![\d]|\.\d|/\d))
  | (?P<present>(?<![A-Za-z])(?:{_PRESENT_ALT})(?![A-Za-z])\.?)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_RANGE_SEP = re.compile(
    r"^\s*(?:[-–—~‐‑−]+|to|till|until|through|thru|bis|à|au|a|al|hasta|and|&|至|到|-)\s*$",
    re.IGNORECASE,
)
_OPEN_END = re.compile(r"^(?:\s*[-–—~‐‑−]+\s*(?:$|[,;)\]|\t]|\s{2,})|[-–—‐‑−](?=\s*[^\W\d]))")
_SINCE = re.compile(r"(?:since|from|seit|depuis|desde|dal)\s*$|自\s*$", re.IGNORECASE)
_EXPECTED = re.compile(
    r"(?:expected|exp\.|anticipated|prévu|prevu|voraussichtlich|previsto|prevista|预计)\s*:?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DatePoint:
    value: str
    start: int
    end: int
    kind: str = "date"  # "date" | "year" | "season" | "present"


@dataclass(frozen=True)
class DateRange:
    start: str | None
    end: str | None
    span_start: int
    span_end: int
    single: bool = False


def _year_of(text: str) -> int:
    text = text.strip("'’")
    value = int(text)
    return value + (2000 if value < 50 else 1900) if value < 100 else value


def _point_value(m: re.Match[str]) -> tuple[str, str]:
    if m.group("present"):
        return "present", "present"
    if m.group("cjk"):
        month = m.group("cm")
        return _ym(m.group("cy"), month), "date" if month else "year"
    if m.group("iso"):
        return _ym(m.group("iy"), m.group("im")), "date"
    if m.group("num"):
        return _ym(m.group("ny"), m.group("nm")), "date"
    if m.group("dmy"):
        return _ym(m.group("dy"), m.group("dm")), "date"
    if m.group("named"):
        month = MONTHS[m.group("mname").lower().rstrip(".")]
        return _ym(str(_year_of(m.group("my"))), str(month)), "date"
    if m.group("season"):
        return m.group("sy"), "season"
    return m.group("yy"), "year"


def _ym(year: str, month: str | None) -> str:
    return f"{int(year):04d}-{int(month):02d}" if month else f"{int(year):04d}"


def find_dates(text: str) -> list[DatePoint]:
    """Every date point in `text`, left to right."""
    points = []
    for m in _POINT.finditer(text):
        value, kind = _point_value(m)
        if kind == "present" and not _present_is_date(text, m.start(), m.end()):
            continue
        points.append(DatePoint(value, m.start(), m.end(), kind))
    return points


def _present_is_date(text: str, start: int, end: int) -> bool:
    """'present' is a date only next to a range dash, not in 'I present my work'."""
    before = text[max(0, start - 4) : start]
    after = text[end : end + 3]
    word = text[start:end].lower()
    if word in ("至今", "现在", "目前", "今"):
        return True
    return bool(re.search(r"[-–—~‐‑−]\s*$|\bto\s*$|\bbis\s*$|\bà\s*$|\ba\s*$", before)) or (
        word in ("present", "now", "ongoing", "heute") and not re.match(r"\s*[a-z]", after)
    )


def find_date_range(text: str) -> DateRange | None:
    """The first date range (or single date) in `text`."""
    ranges = find_date_ranges(text)
    return ranges[0] if ranges else None


def find_date_ranges(text: str) -> list[DateRange]:
    points = find_dates(text)
    out: list[DateRange] = []
    i = 0
    while i < len(points):
        first = points[i]
        if first.value == "present":
            i += 1
            continue
        if i + 1 < len(points) and _RANGE_SEP.match(text[first.end : points[i + 1].start]):
            second = points[i + 1]
            out.append(DateRange(first.value, second.value, first.start, second.end))
            i += 2
            continue
        out.append(_month_span(text, first) or _single_or_open(text, first))
        i += 1
    return out


_BARE_MONTH_BEFORE = re.compile(rf"(?i)\b({_MONTH_ALT})\.?\s*[-–—/]\s*$")


def _month_span(text: str, point: DatePoint) -> DateRange | None:
    """'Apr–Jun 1987', 'avril-juin 1987': a month range sharing the year written after it."""
    if point.kind != "date":
        return None
    before = _BARE_MONTH_BEFORE.search(text[: point.start])
    if not before:
        return None
    month = MONTHS[before.group(1).lower().rstrip(".")]
    start = f"{point.value[:4]}-{month:02d}"
    return DateRange(start, point.value, before.start(), point.end)


def _single_or_open(text: str, point: DatePoint) -> DateRange:
    tail = text[point.end :]
    since = _SINCE.search(text[: point.start])
    if _OPEN_END.match(tail) or since:
        end_at = point.end + (len(tail) - len(tail.lstrip(" -–—~‐‑−")))
        begin = since.start() if since else point.start
        return DateRange(point.value, "present", begin, end_at)
    if _EXPECTED.search(text[: point.start]):
        return DateRange(None, point.value, point.start, point.end, single=True)
    return DateRange(point.value, point.value, point.start, point.end, single=True)


def parse_date(text: str) -> str | None:
    """A single date's schema value, or None."""
    points = find_dates(text)
    return points[0].value if points else None


def year_of(value: str | None) -> int | None:
    if not value or value == "present":
        return None
    return int(value[:4])


def strip_dates(text: str) -> str:
    """`text` with its date ranges and the punctuation around them removed."""
    ranges = find_date_ranges(text)
    for r in reversed(ranges):
        text = text[: r.span_start] + " " + text[r.span_end :]
    text = re.sub(r"\(\s*\)|\[\s*\]", " ", text)
    text = re.sub(r"(?i)\b(?:since|expected|exp\.)\s*$", "", text.strip())
    text = re.sub(r"\s+[-–—|,;:·•]\s*$|^\s*[-–—|,;:·•]\s+", "", text.strip())
    return re.sub(r"\s{2,}", " ", text).strip(" ,;:|·–—-\t")
