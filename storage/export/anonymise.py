"""Anonymised exports: the blind-mode alias instead of the name, and nothing that points
back to the person: no name, emails, phones, links or original documents, and the
candidate's own name masked wherever it appears in text (notes, author lists, titles).

Free text is where blind review usually leaks (a statement signed with the name, a
project URL with the GitHub handle), so emails and web addresses are removed from every
text field too, not only from the contact fields.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any

from parsing.models import Profile, Publication, Value
from storage.export.facts import fold, is_same_person
from storage.export.selection import Entry
from storage.models import Candidate

EMAIL_MASK = "[email removed]"
LINK_MASK = "[link removed]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TLDS = (
    "com|org|net|edu|gov|io|dev|me|ai|co|uk|de|cn|fr|jp|in|info|xyz|codes|app|page|site|"
    "tech|ca|au|nl|ch|se|es|it|ru|kr|tw|hk|sg|br|eu|us|ac|blog|science|research|academy"
)
_URL = re.compile(
    rf"(?:https?://|ftp://|www\.)\S+|\b(?:[\w-]+\.)+(?:{_TLDS})\b(?:/\S*)?", re.IGNORECASE
)
_LATIN = r"[A-Za-z0-9\u00c0-\u024f]"
_TITLES = {"dr", "prof", "mr", "mrs", "ms", "phd", "jr", "sr"}

Mask = Callable[[str], str]


def _name_patterns(names: Iterable[str]) -> list[str]:
    patterns: set[str] = set()
    for name in names:
        for form in {name.strip(), fold(name.strip())}:
            if not form:
                continue
            patterns.add(r"\s+".join(map(re.escape, form.split())))
            patterns.add(re.escape(form.replace(" ", "")))
            words = re.split(r"[\s,.\-]+", form)
            patterns.update(
                re.escape(w) for w in words if len(w) >= 2 and w.casefold() not in _TITLES
            )
    return sorted(patterns, key=len, reverse=True)  # whole names before their words


def masker(names: Iterable[str], alias: str) -> Mask:
    """A function that takes the person out of a text: their name(s) become `alias`."""
    patterns = _name_patterns([n for n in names if n and n.strip()])
    # Word edges are Latin letters only: a Chinese name sits between other characters.
    name_re = (
        re.compile(rf"(?<!{_LATIN})(?:" + "|".join(patterns) + rf")(?!{_LATIN})", re.IGNORECASE)
        if patterns
        else None
    )

    def mask(text: str) -> str:
        text = _URL.sub(LINK_MASK, _EMAIL.sub(EMAIL_MASK, text))
        return name_re.sub(alias, text) if name_re else text

    return mask


def _mask_fields(obj: Any, mask: Mask) -> Any:
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if field.name == "evidence":
            changes["evidence"] = None  # points into a document the export leaves out
        elif isinstance(value, str):
            changes[field.name] = mask(value)
    return dataclasses.replace(obj, **changes)


def _publication(pub: Publication, names: list[str], alias: str, mask: Mask) -> Publication:
    authors = tuple(
        alias if any(is_same_person(n, a) for n in names) else mask(a) for a in pub.authors
    )
    return dataclasses.replace(_mask_fields(pub, mask), authors=authors)


def anonymised_profile(profile: Profile, names: list[str], alias: str) -> Profile:
    mask = masker(names, alias)

    def values(items: tuple[Value, ...]) -> tuple[Value, ...]:
        return tuple(_mask_fields(v, mask) for v in items)

    return dataclasses.replace(
        profile,
        name=Value(alias),
        emails=(),
        phones=(),
        links=(),
        education=tuple(_mask_fields(e, mask) for e in profile.education),
        experience=tuple(_mask_fields(e, mask) for e in profile.experience),
        publications=tuple(_publication(p, names, alias, mask) for p in profile.publications),
        awards=tuple(_mask_fields(a, mask) for a in profile.awards),
        skills=values(profile.skills),
        research_interests=values(profile.research_interests),
        projects=tuple(_mask_fields(p, mask) for p in profile.projects),
    )


def known_names(entry: Entry) -> list[str]:
    """Every spelling of the person's name the library has: the profile's and each
    document's (a statement may be signed "R. J. Hyndman")."""
    names = [entry.candidate.name or ""]
    names += [d.profile.name.text for d in entry.documents if d.profile.name]
    return list(dict.fromkeys(n for n in names if n.strip()))


def anonymise(entry: Entry) -> Entry:
    names, alias = known_names(entry), entry.alias
    mask = masker(names, alias)
    cand: Candidate = entry.candidate
    review = dataclasses.replace(
        cand.review, notes=mask(cand.review.notes), tags=tuple(mask(t) for t in cand.review.tags)
    )
    candidate = dataclasses.replace(
        cand,
        profile=anonymised_profile(cand.profile, names, alias),
        fields={},
        document_ids=(),
        review=review,
    )
    return dataclasses.replace(entry, candidate=candidate, documents=(), anonymised=True)
