"""Shared pieces for sections made of entries (education, experience, awards, projects)."""

from __future__ import annotations

import re

from parsing.models import Evidence, Line

BULLET = re.compile(
    r"^\s*(?:[•◦▪▫∙·●○■□➤►▶→‣⁃\-–—*+✓✔☐]|\d{1,2}[.)](?!\d)|\(\d{1,2}\)|[a-z][.)])\s+"
)
_INSTITUTION = re.compile(
    r"(?i)\b(?:universit(?:y|ies|é|e|ät|at|à|a|eit|dad)|universidad|universidade|"
    r"college|institut(?:e|o)?|school|"
    r"academy|académie|akademie|polytechnic|politecnico|polytechnique|hochschule|"
    r"conservatory|seminary|gymnasium|lycée|lycee|escuela|école|ecole|facult(?:y|é)|"
    r"society|ETH|EPFL|MIT|KAIST|UCLA|NYU|CMU|UCL|KTH|LMU|KIT|TUM|TU|RWTH|UIUC|USC|UCSD|"
    r"NUS|NTU|HKUST|CUHK|IISc|IIT|IIIT|INRIA|CNRS|Sorbonne|Polytechnique)\b|"
    r"大学|学院|学校|中学|研究所|研究院"
)
_ORGANIZATION = re.compile(
    r"(?i)\b(?:inc|ltd|llc|gmbh|corp|corporation|company|co\.|group|labs?|laborator(?:y|ies)|"
    r"laboratoire|laboratorio|labor|institut|instituto|istituto|gruppe|grupo|équipe|"
    r"centre|center|foundation|institute|university|service|agency|ministry|bank|hospital|"
    r"technologies|systems|solutions|studio|consulting|partners|ag|sa|plc|"
    r"google|microsoft|meta|amazon|apple|tencent|alibaba|baidu|bytedance|nvidia|ibm|intel|"
    r"deepmind|openai|huawei)\b|公司|集团|实验室|研究院|阿里|腾讯|字节|百度|华为"
)
ROLE = re.compile(
    r"(?i)\b(?:intern(?:ship)?|engineer|developer|scientist|researcher|research(?:er)? assistant|"
    r"assistant|associate|professor|lecturer|instructor|teacher|tutor|fellow|postdoc(?:toral)?|"
    r"consultant|analyst|manager|director|head|lead|founder|co-founder|cofounder|officer|"
    r"designer|architect|specialist|coordinator|editor|programmer|administrator|advisor|"
    r"visiting|student researcher|technician|chair|ceo|cto|president|owner|volunteer|"
    r"trainee|apprentice|contractor|freelancer|staff|member of technical staff|leader|"
    r"employee|economist|statistician|physician|clinician|lawyer|attorney|accountant|"
    r"pharmacist|journalist|librarian|curator|mathematician|physicist|chemist|biologist|"
    r"epidemiologist|psychologist|therapist|nurse|resident|principal investigator|"
    r"maître de conférences|enseignant(?:e)?|chercheuse|ingénieure|doctorante|"
    r"chargée? d['’]\w+|chargée? de \w+|attachée?|vacataire|moniteur|monitrice|allocataire|"
    r"post-?doctorant(?:e)?|professeure?|doktorand(?:in)?|mitarbeiterin|entwickler(?:in)?|"
    r"praktikantin|werkstudentin|forscher(?:in)?|investigadora|ingeniera|becaria|"
    r"profesora?|desarrolladora|"
    r"stagiaire|ingénieur|chercheur|doctorant|praktikant|werkstudent|mitarbeiter|"
    r"wissenschaftlicher|investigador|becario|ingeniero|desarrollador)\b|"
    r"实习|工程师|研究员|助理|研发|经理|主管|教授|讲师|博士后|开发"
)
_PROSE_START = re.compile(r"(?i)^(?:i|my|we|our|this|the|in|during|since|here|as)\b")


def _starts_with_date(text: str) -> bool:
    from parsing.fields.dates import find_date_ranges

    found = find_date_ranges(text[:40])
    if not found or found[0].span_start > 8:
        return False
    return not re.search(r"\b(?:I|we|my|our)\b", text[found[0].span_end :])


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def is_bullet(line: Line) -> bool:
    return bool(BULLET.match(line.text))


def bulleted_headers(lines: list[Line]) -> bool:
    """Do top-level bullets mark entries ('• Google  Mountain View') rather than details?

    They do when every plain header line sits indented under them, as in templates that
    bullet each employer and indent the role and dates beneath.
    """
    bullets = [ln for ln in lines if is_bullet(ln)]
    plain = [ln for ln in lines if not is_bullet(ln) and not is_prose(ln.text.strip())]
    if not bullets:
        return False
    if not plain or (_dated(bullets) and not _dated(plain)):
        return True  # "* 2015-2017: Deputy Head, Institute X": each bullet is an entry
    bullet_x = [ln.x for ln in bullets if ln.x is not None]
    plain_x = [ln.x for ln in plain if ln.x is not None]
    return bool(bullet_x and plain_x) and min(plain_x) > min(bullet_x) + 3


def _dated(lines: list[Line]) -> int:
    from parsing.fields.dates import find_date_ranges

    return sum(1 for ln in lines if find_date_ranges(strip_bullet(ln.text)))


def is_detail(line: Line, headers_bulleted: bool, bullet_indent: float | None) -> bool:
    """A description line of the current entry, not one of its header lines."""
    text = strip_bullet(line.text)
    if is_prose(text):
        return True
    if not is_bullet(line):
        return False
    if headers_bulleted and line.x is not None and bullet_indent is not None:
        return line.x > bullet_indent + 3
    return not headers_bulleted


_OPEN_RANGE_END = re.compile(r"[-–—~]\s*$")
_CLOSING_START = re.compile(r"^\s*[-–—~]\s*\S")


def merge_split_ranges(lines: list[Line]) -> list[Line]:
    """Re-join a date range broken over two lines ('06/2023 –' / '09/2023 Scalable ...')."""
    from parsing.fields.dates import find_dates

    out: list[Line] = []
    for line in lines:
        if out and _continues_range(out[-1].text, line.text, find_dates):
            prev = out[-1]
            out[-1] = Line(
                f"{prev.text.rstrip()} {line.text.strip()}", prev.page, prev.start, line.end,
                prev.size, prev.bold, prev.x, prev.y, prev.heading,
            )  # fmt: skip
        else:
            out.append(line)
    return out


def _continues_range(previous: str, text: str, find_dates) -> bool:
    before = find_dates(previous)
    if not before or before[-1].value == "present":
        return False
    if _OPEN_RANGE_END.search(previous) and previous.rstrip()[-1] in "-–—~":
        after = find_dates(text[:30])
        return bool(after) and after[0].start <= 2
    if previous[before[-1].end :].strip() == "" and _CLOSING_START.match(text):
        after = find_dates(text[:30])
        return bool(after) and after[0].start <= 4
    return False


def detail_mask(lines: list[Line]) -> list[bool]:
    """For each line: is it description (a bullet, prose, or a bullet's wrapped tail)?"""
    bulleted, indent = bulleted_headers(lines), bullet_indent(lines)
    mask: list[bool] = []
    for index, line in enumerate(lines):
        detail = is_detail(line, bulleted, indent)
        if not detail and index and mask[-1] and wraps(lines[index - 1], line):
            detail = True
        mask.append(detail)
    return mask


def wraps(previous: Line, line: Line) -> bool:
    """`line` continues the wrapped text of `previous` (a hanging indent or a lower-case start)."""
    if is_bullet(line):
        return False
    text = line.text.strip()
    if text[:1].islower() or (text.startswith("(") and len(text.split()) <= 3):
        return True
    if previous.x is None or line.x is None or previous.page != line.page:
        return False
    ends_sentence = previous.text.rstrip().endswith((".", "。", "!", "?"))
    return line.x > previous.x + 2 and not (ends_sentence and line.x <= previous.x + 12)


def bullet_indent(lines: list[Line]) -> float | None:
    xs = [ln.x for ln in lines if ln.x is not None and is_bullet(ln)]
    return min(xs) if xs else None


def is_prose(text: str) -> bool:
    """A sentence of description rather than an entry's header line."""
    words = text.split()
    if len(words) < 25 and _starts_with_date(text):
        return False  # "since 2017: Head of Clinical Research, University Hospital X"
    if len(words) >= 16:
        return True
    if _PROSE_START.match(text) and len(words) >= 6:
        return True
    if not text.rstrip().endswith("."):
        return False
    # A full sentence; a header ends with a full stop too but names a role or is a list.
    if len(words) >= 10:
        return True
    named = has_institution(text) or has_organization(text) or ROLE.search(" ".join(words[:4]))
    return len(words) >= 7 and text.count(",") < 2 and not named


def has_institution(text: str) -> bool:
    return bool(_INSTITUTION.search(text))


def has_organization(text: str) -> bool:
    return bool(_ORGANIZATION.search(text))


def has_role(text: str) -> bool:
    return bool(ROLE.search(text))


def evidence_of(lines: list[Line]) -> Evidence | None:
    if not lines:
        return None
    return Evidence(lines[0].page, lines[0].start, lines[-1].end)


def columns(text: str) -> list[str]:
    """Cells of a line laid out in columns (tabs or wide gaps)."""
    return [c.strip() for c in re.split(r"\t+|\s{3,}", text) if c.strip()]


def clean_value(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().strip(" ,;:|·•–—-\t")
    if re.search(r"[^\W\d]{4,}\.$", text):  # a sentence's full stop, not "Inc." or "Ltd."
        text = text[:-1]
    return text


US_STATES = set(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split()
)
COUNTRIES = frozenset(
    (
        "usa",
        "us",
        "u.s.",
        "u.s.a.",
        "united states",
        "america",
        "uk",
        "u.k.",
        "united kingdom",
        "england",
        "scotland",
        "wales",
        "china",
        "p.r. china",
        "prc",
        "india",
        "japan",
        "korea",
        "south korea",
        "germany",
        "france",
        "spain",
        "italy",
        "canada",
        "australia",
        "netherlands",
        "switzerland",
        "sweden",
        "norway",
        "denmark",
        "finland",
        "belgium",
        "austria",
        "ireland",
        "singapore",
        "hong kong",
        "taiwan",
        "israel",
        "brazil",
        "mexico",
        "russia",
        "portugal",
        "poland",
        "greece",
        "turkey",
        "iran",
        "pakistan",
        "bangladesh",
        "vietnam",
        "thailand",
        "malaysia",
        "indonesia",
        "egypt",
        "nigeria",
        "kenya",
        "chile",
        "argentina",
        "colombia",
        "new zealand",
        "saudi arabia",
        "uae",
    )
)


def is_location(part: str) -> bool:
    """'CA', 'India', 'Remote', 'Atlanta, GA': a place, not part of a name."""
    part = part.strip(" .()")
    if not part:
        return True
    if len(part) == 2 and part.upper() in US_STATES:
        return True
    low = part.casefold()
    if low in ("remote", "online", "hybrid") or low in COUNTRIES:
        return True
    words = low.split()
    return len(words) <= 3 and words[-1].upper() in US_STATES and part.split()[-1].isupper()


def trim_place(name: str, keep_one: bool = True) -> str:
    """Drop trailing ', City, ST' / ', Country' parts; keep one short qualifier if asked.

    The part right before a state or country is the city, so it goes too:
    "University of X, Storrs, CT" -> "University of X".
    """
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if not parts:
        return ""
    place_at = next((i for i, p in enumerate(parts) if i > 0 and is_location(p)), len(parts))
    if 2 <= place_at < len(parts):
        place_at -= 1
    kept = [parts[0]]
    for part in parts[1:place_at]:
        if part in kept or not keep_one or len(kept) > 1 or len(part.split()) > 3:
            break
        kept.append(part)
    return ", ".join(kept)
