"""Which candidate a document belongs to: email first, then the name under normalisation.

Conservative on purpose: a false merge mixes two people's records, a missed one costs the
reviewer one merge. So a name only joins a candidate when no email contradicts it and only
one candidate fits; initials ("R. J. Hyndman" ~ "Rob J Hyndman") only when the first names
are compatible and the surname is the same.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\"[^\"]*\"|“[^”]*”|'[^']*'(?=\s)")
_SPLIT = re.compile(r"[\s\-‐‑–—.·_/]+")
_TITLES = frozenset(
    [
        "dr",
        "prof",
        "professor",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "sir",
        "phd",
        "md",
        "msc",
        "bsc",
        "ba",
        "ma",
        "mba",
        "jr",
        "sr",
        "ii",
        "iii",
        "iv",
    ]
)


@dataclass(frozen=True)
class NameKey:
    tokens: tuple[str, ...]  # Latin part, ascii-folded, in "first ... last" order
    other: str  # the non-Latin part (e.g. 丁鼎), spaces removed

    @property
    def surname(self) -> str | None:
        return self.tokens[-1] if len(self.tokens) >= 2 else None


def _fold(text: str) -> str:
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _is_latin(token: str) -> bool:
    if token.isascii():
        return any(c.isalpha() for c in token)
    letters = [c for c in _fold(token) if c.isalpha()]
    return bool(letters) and all("a" <= c <= "z" for c in letters)


def _reorder_comma(name: str) -> str:
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(parts) and _fold(parts[1]).strip(". ") not in _TITLES:
        return f"{parts[1]} {parts[0]}"  # "Hyndman, Rob J" -> "Rob J Hyndman"
    return parts[0] if parts else name


def _latin_tokens(raw_tokens: list[str], mixed_case: bool) -> tuple[str, ...]:
    out: list[str] = []
    for token in raw_tokens:
        # "RJ Hyndman": a short all-capital token beside normal words is a run of initials.
        if mixed_case and 2 <= len(token) <= 3 and token.isupper() and token.isalpha():
            out.extend(c.casefold() for c in token)
            continue
        folded = "".join(c for c in _fold(token) if c.isalnum())
        if folded and folded not in _TITLES:
            out.append(folded)
    return tuple(out)


@functools.lru_cache(maxsize=1 << 16)  # the same names come back (candidate + its documents)
def name_key(name: str | None) -> NameKey | None:
    if not name or not name.strip():
        return None
    text = unicodedata.normalize("NFKC", name)
    text = _reorder_comma(_BRACKETS.sub(" ", text))
    raw = [t for t in _SPLIT.split(text) if t]
    latin = [t for t in raw if _is_latin(t)]
    other = "".join(_fold(t) for t in raw if not _is_latin(t) and any(c.isalpha() for c in t))
    mixed_case = any(t != t.upper() for t in latin)
    key = NameKey(_latin_tokens(latin, mixed_case), other)
    return key if key.tokens or key.other else None


def _compatible_token(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def strong_match(a: NameKey, b: NameKey) -> bool:
    """Same name: same words (in either order), or the same non-Latin name."""
    if a.other and a.other == b.other and len(a.other) >= 2:
        return True
    if len(a.tokens) < 2 or len(b.tokens) < 2:
        return False
    return a.tokens == b.tokens or sorted(a.tokens) == sorted(b.tokens)


def initials_match(a: NameKey, b: NameKey) -> bool:
    """Same surname, given names that agree where both are given (initials allowed), and
    enough of them: the same full first name, or two given names ("R. J." ~ "Rob J")."""
    if a.surname is None or a.surname != b.surname:
        return False
    pairs = list(zip(a.tokens[:-1], b.tokens[:-1], strict=False))
    if not all(_compatible_token(x, y) for x, y in pairs):
        return False
    same_first = pairs[0][0] == pairs[0][1] and len(pairs[0][0]) > 1
    return same_first or len(pairs) >= 2


def normalise_email(email: str) -> str:
    return email.strip().strip("<>.,;").casefold()


@dataclass(frozen=True)
class Match:
    candidate_id: int | None
    reason: str | None = None  # "email" | "name" | "initials"
    ambiguous: tuple[int, ...] = ()  # several fit: nobody is chosen


class IdentityIndex:
    """Names and emails of every candidate (from its documents and the reviewer's edits)."""

    def __init__(self) -> None:
        self._emails: dict[int, set[str]] = {}
        self._names: dict[int, list[NameKey]] = {}
        self._by_email: dict[str, set[int]] = defaultdict(set)
        self._by_word: dict[str, set[int]] = defaultdict(set)  # to compare against few, not all

    def set(self, candidate_id: int, names: Iterable[str | None], emails: Iterable[str]) -> None:
        self.remove(candidate_id)
        keys = [k for k in (name_key(n) for n in names) if k]
        found = {normalise_email(e) for e in emails if e and "@" in e}
        self._names[candidate_id] = list(dict.fromkeys(keys))
        self._emails[candidate_id] = found
        for email in found:
            self._by_email[email].add(candidate_id)
        for word in _words(keys):
            self._by_word[word].add(candidate_id)

    def remove(self, candidate_id: int) -> None:
        for email in self._emails.pop(candidate_id, set()):
            self._by_email[email].discard(candidate_id)
        for word in _words(self._names.pop(candidate_id, [])):
            self._by_word[word].discard(candidate_id)

    def match(self, name: str | None, emails: Iterable[str]) -> Match:
        found = {normalise_email(e) for e in emails if e and "@" in e}
        by_email = set().union(*(self._by_email.get(e, set()) for e in found)) if found else set()
        if len(by_email) == 1:
            return Match(next(iter(by_email)), "email")
        key = name_key(name)
        if key is None:
            return Match(None, ambiguous=tuple(sorted(by_email)))
        pool = by_email or set().union(*(self._by_word.get(w, set()) for w in _words([key])))
        fits = [c for c in pool if not self._conflicts(c, found)]
        for reason, test in (("name", strong_match), ("initials", initials_match)):
            hits = sorted(c for c in fits if any(test(key, k) for k in self._names.get(c, ())))
            if len(hits) == 1:
                return Match(hits[0], reason)
            if hits:
                return Match(None, ambiguous=tuple(hits))
        return Match(None)

    def _conflicts(self, candidate_id: int, emails: set[str]) -> bool:
        """Both sides have emails and share none: two people with one name."""
        theirs = self._emails.get(candidate_id, set())
        return bool(emails and theirs and not emails & theirs)


def _words(keys: Iterable[NameKey]) -> set[str]:
    words: set[str] = set()
    for key in keys:
        words.update(t for t in key.tokens if len(t) > 1)
        if key.other:
            words.add(key.other)
    return words
