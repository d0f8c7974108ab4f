"""Blind review: a candidate's personal data taken out of any text the window shows.

Blind review leaks through free text far more than through the contact fields (a statement
signed with the name, "Hyndman, R. J." in an author list, "24 years old | Male" under the
header, a GitHub handle in a project link), so this masks, in any text:

- the candidate's own name in every spelling the library holds (full, reversed, "Surname,
  Given", initials before or after the surname, each name part, with and without accents,
  in Latin or CJK script) -> the stable alias ("Candidate 17", see `storage.aliases`);
- emails, web addresses and phone numbers;
- personal details: date and place of birth, age, gender, nationality, marital status,
  religion, photo, in English, Chinese, German, French, Spanish and Italian, whether
  written "Label: value", as a bare value ("Male", "24 years old") or on the next line.

No Qt. The window's blind mode and the anonymised export both take the alias from
`storage.aliases.alias_for`, so a committee and the reviewer speak of the same "Candidate 17".
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from parsing.models import Profile, Publication, Value
from storage.export.anonymise import EMAIL_MASK, LINK_MASK
from storage.export.facts import fold, is_same_person

PERSONAL_MASK = "[personal detail removed]"
PHONE_MASK = "[phone removed]"

Mask = Callable[[str], str]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TLDS = (
    "com|org|net|edu|gov|io|dev|me|ai|co|uk|de|cn|fr|jp|in|info|xyz|codes|app|page|site|"
    "tech|ca|au|nl|ch|se|es|it|ru|kr|tw|hk|sg|br|eu|us|ac|blog|science|research|academy|ly|gl"
)
# A scheme or www., a known top-level domain, or any alphabetic domain with a path
# ("bit.ly/39zKPHR"); a DOI ("10.1145/3292500") starts with digits and is left alone.
_URL = re.compile(
    rf"(?:https?://|ftp://|www\.)\S+|\b(?:[\w-]+\.)+(?:{_TLDS})\b(?:/\S*)?"
    r"|(?<![\w./])(?:[A-Za-z][\w-]*\.)+[A-Za-z]{2,}/\S*",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,}\b")
_PHONE = re.compile(r"(?<![\w/.+-])(?:\+|00)?\(?\d[\d\s().\-/]{6,}\d(?![\w/])")
_DATE = re.compile(r"(?:\d{1,2}[./\-])?(?:19|20)\d\d(?:[./\-]\d{1,2}){0,2}")
_LATIN = r"A-Za-z0-9\u00c0-\u024f"
_TITLES = {"dr", "prof", "mr", "mrs", "ms", "phd", "jr", "sr", "von", "van", "de", "der"}


# --------------------------------------------------------------------------- personal details

_LABELS = (
    # English
    r"date\s+of\s+birth|birth\s*date|birthday|d\.?o\.?b\.?|place\s+of\s+birth|born|age|"
    r"gender|sex|nationality|citizenship|marital\s+status|religion|photo(?:graph)?|"
    # German
    r"geburtsdatum|geburtsort|geboren|alter|geschlecht|staatsangeh[öo]rigkeit|"
    r"nationalit[äa]t|familienstand|konfession|religion|foto|"
    # French
    r"date\s+de\s+naissance|lieu\s+de\s+naissance|n[ée]e?\s+le|[âa]ge|sexe|nationalit[ée]|"
    r"situation\s+(?:familiale|de\s+famille)|[ée]tat\s+civil|"
    # Spanish and Italian
    r"fecha\s+de\s+nacimiento|lugar\s+de\s+nacimiento|edad|sexo|g[ée]nero|nacionalidad|"
    r"estado\s+civil|data\s+di\s+nascita|luogo\s+di\s+nascita|et[àa]|sesso|nazionalit[àa]|"
    r"stato\s+civile"
)
_CJK_LABELS = (
    r"性别|出生日期|出生年月|出生地|生日|年龄|民族|籍贯|国籍|婚姻状况|婚否|政治面貌|照片|户口"
)
_LABEL_START = re.compile(rf"^\W*(?:(?:{_LABELS})\b|(?:{_CJK_LABELS}))", re.IGNORECASE)
_LABEL_COLON = re.compile(rf"(?:\b(?:{_LABELS})|{_CJK_LABELS})\s*[:：]", re.IGNORECASE)
_BORN_IN_PROSE = re.compile(r"\b(?:born|geboren|née|né)\s+(?:in|on|am|à|le|en)\b[^.;\n]*", re.I)
_BARE_VALUE = re.compile(
    r"^\W*(?:male|female|man|woman|non-binary|männlich|weiblich|masculin|féminin|"
    r"masculino|femenino|maschile|femminile|男|女|"
    r"\d{1,2}\s*(?:years?\s+old|y/?o|yrs|jahre(?:\s+alt)?|ans|años|anni|岁|周岁)|"
    r"single|married|ledig|verheiratet|célibataire|marié|mariée|soltero|casado|未婚|已婚)"
    r"\W*$",
    re.IGNORECASE,
)
# Inside running text: an age ("24 years old", "24岁") and a lone 男/女 between spaces.
_INLINE = re.compile(
    r"\b\d{1,2}\s*(?:years?\s+old|jahre\s+alt|ans|años|anni)\b|\d{1,2}\s*周?岁"
    r"|(?<![\u4e00-\u9fff])[男女](?![\u4e00-\u9fff])",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"(\s*(?:\||•|·|;|,\s|\t|\s{3,}|　)\s*)")


_SHORT = 40  # "Sex differences in hiring" as a title is not a personal detail


def _is_personal(segment: str) -> bool:
    if _LABEL_COLON.search(segment) or _BARE_VALUE.match(segment):
        return True
    return bool(_LABEL_START.search(segment)) and len(segment.strip()) <= _SHORT


def _is_label_only(segment: str) -> bool:
    rest = _LABEL_START.sub("", segment)
    return bool(_LABEL_START.search(segment)) and not re.search(r"\w", rest)


def mask_personal_lines(text: str) -> str:
    """Each separated part of a line that gives a personal detail becomes PERSONAL_MASK."""
    out: list[str] = []
    value_below = False
    for line in text.split("\n"):
        if value_below and line.strip() and len(line.strip()) <= _SHORT:
            out.append(PERSONAL_MASK)
            value_below = False
            continue
        line = _INLINE.sub(PERSONAL_MASK, _BORN_IN_PROSE.sub(PERSONAL_MASK, line))
        parts = _SEPARATORS.split(line)
        value_below = False
        for i in range(0, len(parts), 2):  # odd items are the separators
            segment = parts[i]
            if segment.strip() and _is_personal(segment):
                value_below = _is_label_only(segment)
                parts[i] = PERSONAL_MASK
        out.append("".join(parts))
    return "\n".join(out)


def _phone(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = re.sub(r"\D", "", found)
    # Date ranges ("2018.09 - 2022.06"), page ranges and DOIs are number runs, not phones.
    if re.match(r"10\.\d{4,}/", found):
        return found
    tokens = [t for t in re.split(r"[\s\-–]+", found.strip("() ")) if t]
    if all(_DATE.fullmatch(t) for t in tokens):
        return found
    if len(digits) < 9 and not found.startswith("+"):
        return found
    return PHONE_MASK


def mask_contacts(text: str) -> str:
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _URL.sub(LINK_MASK, text)
    text = _HANDLE.sub(LINK_MASK, text)
    return _PHONE.sub(_phone, text)


# --------------------------------------------------------------------------- names


@dataclass(frozen=True)
class Identity:
    """Who is to be hidden, and what to call them instead."""

    names: tuple[str, ...]
    alias: str
    handles: tuple[str, ...] = ()  # user names from their links ("ChrisBAshton")


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,.\-]+", name) if w and w.casefold() not in _TITLES]


def _is_cjk(name: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in name)


def _latin_forms(name: str) -> set[str]:
    """Regexes for the whole-name spellings of a Latin-script name."""
    words = _words(name)
    if not words:
        return set()
    forms = {r"[\s.\-]*".join(map(re.escape, words))}
    if len(words) >= 2:
        surname, given = words[-1], words[:-1]
        forms.add(rf"{re.escape(surname)},?\s+" + r"\s+".join(map(re.escape, given)))
        forms.add(r"[\s.\-]*".join(map(re.escape, [surname, *given])))
    return forms


def _initial_forms(name: str) -> set[str]:
    """'R. J. Hyndman', 'RJ Hyndman', 'Hyndman, R.J.', 'Hyndman RJ' (case-sensitive)."""
    words = _words(name)
    if len(words) < 2:
        return set()
    surname = rf"(?i:{re.escape(words[-1])})"
    initials = r"(?:[A-Z]\.?[\s\-]?){1,3}"
    return {rf"{initials}\s*{surname}", rf"{surname},?\s+{initials}(?![a-z])"}


def _name_regex(names: Sequence[str]) -> re.Pattern[str] | None:
    latin: set[str] = set()
    cjk: set[str] = set()
    initials: set[str] = set()
    for name in names:
        for form in {name.strip(), fold(name.strip())}:
            if _is_cjk(form):
                compact = re.sub(r"\s+", "", form)
                cjk.update({re.escape(compact), r"\s*".join(map(re.escape, compact))})
                if len(compact) >= 3:
                    cjk.add(re.escape(compact[1:]))  # the given name without the surname
                continue
            latin.update(_latin_forms(form))
            initials.update(_initial_forms(form))
            latin.update(re.escape(w) for w in _words(form) if len(w) >= 2)
    if not (latin or cjk or initials):
        return None
    edge_l, edge_r = rf"(?<![{_LATIN}])", rf"(?![{_LATIN}])"
    longest = lambda ps: sorted(ps, key=len, reverse=True)  # noqa: E731  whole names first
    alternatives = [f"{edge_l}(?:{p}){edge_r}" for p in longest(initials)]
    alternatives += [f"{edge_l}(?i:{p}){edge_r}" for p in longest(latin)]
    alternatives += longest(cjk)  # CJK names sit between other characters
    return re.compile("|".join(alternatives))


def masker(identity: Identity) -> Mask:
    """A function that takes the person out of a text (see the module's docstring)."""
    names = _name_regex([n for n in identity.names if n and n.strip()])
    handles = [h for h in identity.handles if len(h) >= 4]
    handle_re = (
        re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, handles))})(?![\w])", re.IGNORECASE)
        if handles
        else None
    )

    def mask(text: str) -> str:
        if not text:
            return text
        text = mask_personal_lines(mask_contacts(text))
        if handle_re:
            text = handle_re.sub(identity.alias, text)
        return names.sub(identity.alias, text) if names else text

    return mask


def handles_of(links: Iterable[str]) -> tuple[str, ...]:
    """The user names in profile links: 'github.com/ChrisBAshton' -> 'ChrisBAshton'."""
    found = []
    for link in links:
        path = re.sub(r"^\w+://", "", link.strip()).rstrip("/").split("?")[0].split("/")
        if len(path) >= 2 and re.fullmatch(r"[\w.\-]{4,}", path[-1]):
            found.append(path[-1])
        host = path[0].split(".")
        if len(host) >= 3 and host[0] not in ("www", "scholar", "blog", "sites"):
            found.append(host[0])  # "milesdwilliams15.github.io"
    return tuple(dict.fromkeys(found))


def identity_of(profiles: Iterable[Profile], alias: str) -> Identity:
    """The identity of whoever `profiles` describe (the candidate's and each document's)."""
    names: list[str] = []
    links: list[str] = []
    for profile in profiles:
        if profile.name and profile.name.text.strip():
            names.append(profile.name.text)
        links.extend(v.text for v in profile.links)
    return Identity(tuple(dict.fromkeys(names)), alias, handles_of(links))


# --------------------------------------------------------------------------- profiles


def _masked(obj: Any, mask: Mask) -> Any:
    changes = {
        f.name: mask(getattr(obj, f.name))
        for f in dataclasses.fields(obj)
        if isinstance(getattr(obj, f.name), str)
    }
    return dataclasses.replace(obj, **changes)


def _publication(pub: Publication, identity: Identity, mask: Mask) -> Publication:
    authors = tuple(
        identity.alias if any(is_same_person(n, a) for n in identity.names) else mask(a)
        for a in pub.authors
    )
    return dataclasses.replace(_masked(pub, mask), authors=authors)


def blind_profile(profile: Profile, identity: Identity) -> Profile:
    """The profile as blind review shows it: the alias for a name, no contacts, and the
    person masked in every other field. Evidence is kept (it points into the text, which
    blind review shows masked too)."""
    mask = masker(identity)
    return dataclasses.replace(
        profile,
        name=Value(identity.alias),
        emails=(),
        phones=(),
        links=(),
        education=tuple(_masked(e, mask) for e in profile.education),
        experience=tuple(_masked(e, mask) for e in profile.experience),
        publications=tuple(_publication(p, identity, mask) for p in profile.publications),
        awards=tuple(_masked(a, mask) for a in profile.awards),
        skills=tuple(_masked(v, mask) for v in profile.skills),
        research_interests=tuple(_masked(v, mask) for v in profile.research_interests),
        projects=tuple(_masked(p, mask) for p in profile.projects),
    )
