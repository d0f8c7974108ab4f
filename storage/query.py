"""The search language of the candidate list: text in, a tree of conditions out.

    neural "graph networks"        words and quoted phrases, anywhere (profile, documents)
    name:chen  edu:"peking university"  venue:neurips  tag:nlp  status:maybe  kind:statement
    score>=4  pubs>3  firstauthor>=1  year>=2023   (also score:>=4, year:2024, rank<=3)
    is:shortlisted  has:email      flags
    -tag:rejected  NOT x           negation
    a OR b, a | b                  alternatives; AND (or nothing) joins; (…) groups

Case and accents never matter ("muller" finds "Müller"). `parse(text)` returns the tree or
raises `QuerySyntaxError` (message + character position), never another exception.
`storage.search_index` turns the tree into a test of a prepared row (`matches`) and
evaluates it over every candidate at once.

Grammar (OR binds loosest, then juxtaposition, then negation):
    query := or ; or := and ("OR" and)* ; and := unary+ ; unary := ("-"|"NOT") unary | atom
    atom  := "(" or ")" | term
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from parsing.fields.venues import load_venues
from storage.models import STATUSES

# ---------------------------------------------------------------------------- folding

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _strip_marks(match: re.Match[str]) -> str:
    decomposed = unicodedata.normalize("NFKD", match.group())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case without accents ("Müller" -> "muller"); same result as
    `storage.queries.fold`, but only the non-ASCII runs go through the per-character loop
    (a 10 KB CV is mostly ASCII)."""
    low = text.casefold()
    return low if low.isascii() else _NON_ASCII.sub(_strip_marks, low)


def normalise(text: str) -> str:
    """Folded, with every run of white space one space: how haystacks and needles meet."""
    return " ".join(fold(text).split())


# ---------------------------------------------------------------------------- the tree


@dataclass(frozen=True)
class Everything:
    """The empty query."""


@dataclass(frozen=True)
class Match:
    field: str  # "text" for free words and phrases; see STRING_FIELDS
    needle: str  # normalised


@dataclass(frozen=True)
class Compare:
    field: str  # see NUMBER_FIELDS
    op: str  # one of OPS
    number: float


@dataclass(frozen=True)
class Flag:
    name: str  # "is:shortlisted", "has:email", …


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Everything | Match | Compare | Flag | Not | And | Or
Leaf = Match | Compare | Flag


class QuerySyntaxError(ValueError):
    def __init__(self, message: str, position: int, end: int | None = None):
        super().__init__(message)
        self.message = message
        self.position = position
        self.end = position + 1 if end is None else end


# ---------------------------------------------------------------------------- fields

# Substring fields: the needle anywhere in the row's attribute.
STRING_FIELDS = {
    "text": "text",
    "name": "name",
    "email": "emails",
    "venue": "venues",
    "edu": "edu",
    "interest": "interests",
    "skill": "skills",
    "note": "notes",
    "file": "files",
}
# Fields with a fixed set of values (tag: any of the reviewer's tags, whole; * is a wildcard).
CHOICE_FIELDS = ("tag", "status", "kind", "area")
NUMBER_FIELDS = ("score", "pubs", "firstauthor", "year", "rank")
IS_VALUES = tuple(dict.fromkeys(("shortlisted", "unassigned", "scored", "ranked", *STATUSES)))
HAS_VALUES = (
    "email",
    "phone",
    "links",
    "publications",
    "education",
    "statement",
    "cv",
    "tags",
    "notes",
    "score",
)
KINDS = ("cv", "statement", "other")
ALIASES = {
    "school": "edu",
    "institution": "edu",
    "university": "edu",
    "interests": "interest",
    "skills": "skill",
    "notes": "note",
    "tags": "tag",
    "emails": "email",
    "publications": "pubs",
    "pub": "pubs",
    "first": "firstauthor",
    "fa": "firstauthor",
    "years": "year",
    "venues": "venue",
    "kinds": "kind",
    "field": "area",
}
FIELDS = (*STRING_FIELDS, *CHOICE_FIELDS, *NUMBER_FIELDS, "is", "has")
MAX_DEPTH = 40
OPS = (">=", "<=", "!=", ">", "<", "=")
_OP_AT_START = re.compile(r"(>=|<=|!=|>|<|=)")
_FIELD_WORD = re.compile(r"([A-Za-z][A-Za-z_-]*):(.*)", re.DOTALL)
_COMPARISON = re.compile(r"([A-Za-z][A-Za-z_-]*)(>=|<=|!=|>|<|=)(.*)", re.DOTALL)
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def field_name(word: str, position: int) -> str:
    """The canonical name of field `word` (any case, aliases too), or a helpful error."""
    low = word.casefold()
    low = ALIASES.get(low, low)
    if low in FIELDS:
        return low
    known = [*FIELDS, *ALIASES]
    close = difflib.get_close_matches(low, known, n=1, cutoff=0.6)
    hint = f"did you mean {ALIASES.get(close[0], close[0])}:?" if close else _field_list()
    raise QuerySyntaxError(f"unknown field '{word}:' — {hint}", position, position + len(word))


def _field_list() -> str:
    return "fields are " + ", ".join(f"{f}:" for f in FIELDS if f != "text")


# ---------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class Token:
    kind: str  # "word" | "phrase" | "(" | ")" | "or" | "and" | "not"
    text: str
    start: int
    end: int
    value: str = ""  # a field word's quoted value (edu:"peking university")


_BREAKS = frozenset(' \t\r\n\f\v()"')


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            tokens.append(Token(c, c, i, i + 1))
            i += 1
        elif c == '"':
            end = _closing_quote(text, i)
            tokens.append(Token("phrase", text[i + 1 : end], i, end + 1))
            i = end + 1
        else:
            i = _word(text, i, tokens)
    return tokens


def _closing_quote(text: str, start: int) -> int:
    end = text.find('"', start + 1)
    if end < 0:
        raise QuerySyntaxError("unclosed quote", start, len(text))
    return end


def _word(text: str, start: int, tokens: list[Token]) -> int:
    if text[start] == "-" and (start + 1 == len(text) or text[start + 1] in _BREAKS - {"(", '"'}):
        raise QuerySyntaxError("expected a search term after '-'", start)
    if text[start] == "-":
        tokens.append(Token("not", "-", start, start + 1))
        return start + 1
    end = start
    while end < len(text) and text[end] not in _BREAKS:
        end += 1
    word = text[start:end]
    if word.endswith(":") and end < len(text) and text[end] == '"':
        close = _closing_quote(text, end)
        tokens.append(Token("word", word, start, close + 1, text[end + 1 : close]))
        return close + 1
    kind = {"OR": "or", "|": "or", "AND": "and", "&&": "and", "NOT": "not"}.get(word, "word")
    tokens.append(Token(kind, word, start, end))
    return end


# ---------------------------------------------------------------------------- parser


def parse(text: str) -> Node:
    """The query's tree; raises QuerySyntaxError with a message and a position."""
    return _Parser(tokenize(text), len(text)).query()


class _Parser:
    def __init__(self, tokens: list[Token], length: int):
        self.tokens = tokens
        self.i = 0
        self.length = length
        self.depth = 0

    def deeper(self, token: Token) -> None:
        # Python's own recursion limit must never be what stops a query.
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QuerySyntaxError("too many nested '(' or '-'", token.start, token.end)

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def query(self) -> Node:
        if not self.tokens:
            return Everything()
        node = self.disjunction()
        token = self.peek()
        if token is not None:  # only a stray ")" stops a disjunction early
            raise QuerySyntaxError("unexpected ')': no '(' to close", token.start, token.end)
        return node

    def disjunction(self) -> Node:
        children = [self.conjunction()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            if self._at_end_of_group():
                raise QuerySyntaxError("OR needs a search term after it", token.start, token.end)
            children.append(self.conjunction())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def conjunction(self) -> Node:
        children: list[Node] = []
        while (token := self.peek()) is not None and token.kind not in ("or", ")"):
            if token.kind == "and":
                self.take()
                if not children or self._at_end_of_group():
                    raise QuerySyntaxError("AND needs a search term on each side", token.start)
                continue
            children.append(self.unary())
        if not children:
            token = self.peek()
            if token is None:
                raise QuerySyntaxError("expected a search term", self.length)
            if token.kind == ")":
                raise QuerySyntaxError("unexpected ')': no '(' to close", token.start)
            raise QuerySyntaxError("OR needs a search term before it", token.start, token.end)
        return children[0] if len(children) == 1 else And(tuple(children))

    def _at_end_of_group(self) -> bool:
        token = self.peek()
        return token is None or token.kind in (")", "or", "and")

    def unary(self) -> Node:
        token = self.peek()
        if token is not None and token.kind == "not":
            self.take()
            if self._at_end_of_group():
                raise QuerySyntaxError(f"expected a search term after '{token.text}'", token.start)
            self.deeper(token)
            node = Not(self.unary())
            self.depth -= 1
            return node
        return self.atom()

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "(":
            if (inner := self.peek()) is not None and inner.kind == ")":
                raise QuerySyntaxError("empty parentheses", token.start, inner.end)
            self.deeper(token)
            node = self.disjunction()
            close = self.peek()
            if close is None or close.kind != ")":
                raise QuerySyntaxError("unclosed '('", token.start)
            self.take()
            self.depth -= 1
            return node
        if token.kind == "phrase":
            return _phrase("text", token.text, token.start, token.end)
        return term(token)


def _phrase(field: str, raw: str, start: int, end: int) -> Node:
    needle = normalise(raw)
    if not needle:
        raise QuerySyntaxError("empty quotes", start, end)
    return Match(field, needle)


def term(token: Token) -> Node:
    """One word: a free word, field:value, a comparison or #tag."""
    word = token.text
    if word.startswith("#") and len(word) > 1:
        return _choice("tag", word[1:], token.start)
    field_word = _FIELD_WORD.fullmatch(word)
    if field_word and not field_word.group(2).startswith("//"):  # http://… is text
        name = field_name(field_word.group(1), token.start)
        return _field_term(name, token, field_word.group(2))
    comparison = _COMPARISON.fullmatch(word)
    if comparison:
        name = field_name(comparison.group(1), token.start)
        op, rest = comparison.group(2), comparison.group(3)
        return _comparison(name, op, rest, token)
    needle = normalise(word)
    return Match("text", needle) if needle else Everything()


def _field_term(name: str, token: Token, value: str) -> Node:
    label = f"{token.text.split(':', 1)[0]}:"
    if token.value:
        return _phrase_field(name, token)
    if not value:
        raise QuerySyntaxError(f"expected a value after {label}", token.start, token.end)
    if name in NUMBER_FIELDS:
        op_match = _OP_AT_START.match(value)
        op = op_match.group(1) if op_match else "="
        return _comparison(name, op, value[len(op) if op_match else 0 :], token)
    if name in STRING_FIELDS:
        return Match(name, normalise(value))
    return _choice(name, value, token.start)


def _phrase_field(name: str, token: Token) -> Node:
    if name in NUMBER_FIELDS or name in ("is", "has"):
        raise QuerySyntaxError(f"{name}: takes no quoted value", token.start, token.end)
    if name in STRING_FIELDS:
        return _phrase(name, token.value, token.start, token.end)
    return _choice(name, token.value, token.start)


def _comparison(name: str, op: str, rest: str, token: Token) -> Node:
    if name not in NUMBER_FIELDS:
        numeric = ", ".join(NUMBER_FIELDS)
        raise QuerySyntaxError(
            f"{name} cannot be compared with {op}: only {numeric} can", token.start, token.end
        )
    if not _NUMBER.fullmatch(rest):
        raise QuerySyntaxError(f"expected a number after {name}{op}", token.start, token.end)
    return Compare(name, op, float(rest))


def _choice(name: str, value: str, position: int) -> Node:
    needle = normalise(value)
    if name == "tag":
        if not needle:
            raise QuerySyntaxError("expected a tag after tag:", position)
        return Match("tag", needle)
    if name == "is":
        chosen = _one_of(needle, IS_VALUES, "is:", position)
        # is:shortlisted is the star (the shortlist), not the status of the same name.
        if chosen in STATUSES and chosen != "shortlisted":
            return Match("status", chosen)
        return Flag(f"is:{chosen}")
    if name == "has":
        return Flag(f"has:{_one_of(needle, HAS_VALUES, 'has:', position)}")
    values = {"status": (*STATUSES, "unassigned"), "kind": KINDS, "area": areas()}[name]
    return Match(name, _one_of(needle, values, f"{name}:", position))


@cache
def areas() -> tuple[str, ...]:
    """The fields of resources/venues.json ("ml", "nlp", …), folded."""
    return tuple(dict.fromkeys(fold(area) for _, area in load_venues().values()))


def _one_of(value: str, allowed: tuple[str, ...], label: str, position: int) -> str:
    """`value`, or the one allowed value it starts ("status:rev" is reviewing)."""
    if value in allowed:
        return value
    starting = [a for a in allowed if value and a.startswith(value)]
    if len(starting) == 1:
        return starting[0]
    choices = ", ".join(allowed)
    raise QuerySyntaxError(f"unknown value '{label}{value}' — one of {choices}", position)
