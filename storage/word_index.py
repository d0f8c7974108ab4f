"""Which rows hold a word that contains a needle, found in the vocabulary, not the rows.

A free word is a substring search ("neur" finds "neural"), which over 5,000 candidates'
documents means scanning ~25 MB per keystroke: 30–40 ms when the needle is rare (it must
be looked for to the end of every row). Here every distinct word points to the rows that
hold it, so a rare needle costs a scan of the vocabulary (a few hundred KB) and the rows of
the few words it hits. A needle found in very many words ("e") is answered by scanning the
rows instead (`holding` returns None), which is fast exactly then: it is found early.

Rows get a new number whenever they change; the numbers of their old versions stay in the
word lists and are skipped (cheaper than finding them), until `clear()`.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable

MAX_WORDS = 2_000  # more matching words than this: scanning the rows is as fast
MAX_POSTINGS = 400_000


class WordIndex:
    def __init__(self) -> None:
        self._postings: dict[str, array] = {}
        self._numbers: dict[Hashable, int] = {}  # live rows only
        self._keys: dict[int, Hashable] = {}
        self._next = 0
        self._words: list[str] = []  # the vocabulary, in the order words arrived
        self._joined = "\n"
        self._joined_words = 0  # how many of `_words` `_joined` holds

    def __contains__(self, key: Hashable) -> bool:
        return key in self._numbers

    def add(self, key: Hashable, words: str) -> None:
        """Index `key` under each (distinct, space-separated) word of `words`."""
        self.remove(key)
        number = self._next
        self._next += 1
        self._numbers[key] = number
        self._keys[number] = key
        postings = self._postings
        for word in words.split():
            rows = postings.get(word)
            if rows is None:
                rows = postings[word] = array("I")
                self._words.append(word)
            rows.append(number)

    def remove(self, key: Hashable) -> None:
        number = self._numbers.pop(key, None)
        if number is not None:
            del self._keys[number]

    def clear(self) -> None:
        self._postings.clear()
        self._numbers.clear()
        self._keys.clear()
        self._words.clear()
        self._joined, self._joined_words = "\n", 0

    def holding(self, needle: str) -> set[Hashable] | None:
        """The rows with a word containing `needle` (no white space in it), or None when
        too many words do (then scan the rows)."""
        words = self._matching_words(needle)
        if words is None or sum(len(self._postings[w]) for w in words) > MAX_POSTINGS:
            return None
        numbers: set[int] = set()
        for word in words:
            numbers.update(self._postings[word])
        keys = self._keys
        return {keys[n] for n in numbers if n in keys}

    def _matching_words(self, needle: str) -> list[str] | None:
        if not needle:
            return None
        text = self._vocabulary()
        found: list[str] = []
        at = text.find(needle)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            found.append(text[start:end])
            if len(found) > MAX_WORDS:
                return None
            at = text.find(needle, end)  # the next word
        return found

    def _vocabulary(self) -> str:
        """Every word on a line of its own (joined again only after new words came)."""
        if self._joined_words != len(self._words):
            self._joined = "\n" + "\n".join(self._words) + "\n"
            self._joined_words = len(self._words)
        return self._joined
