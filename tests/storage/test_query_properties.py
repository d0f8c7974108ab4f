"""Properties of the search language: any text parses or raises QuerySyntaxError; the
index agrees with the one-row reference, also while a query is typed character by character
(its remembered hits are reused); the fast folding equals the plain one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storage import queries
from storage.query import QuerySyntaxError, fold, parse
from storage.search_index import SearchIndex, matches
from storage.search_rows import SearchRow

FRAGMENTS = [
    "a",
    "an",
    "ana",
    "né",
    "NEURAL",
    "x",
    " ",
    " ",
    " ",
    '"',
    "(",
    ")",
    "-",
    "OR",
    "AND",
    "NOT",
    "|",
    ":",
    "#",
    "*",
    ">=",
    "<",
    "=",
    "3",
    "2.5",
    "name:",
    "tag:",
    "status:",
    "is:",
    "has:",
    "score",
    "pubs",
    "year",
    "venue:",
    "edu:",
    "kind:",
    "area:",
    "nmae:",
    "http://",
    "new",
    "maybe",
    "shortlisted",
    "email",
    "cv",
    "nlp",
]


@settings(max_examples=1500, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(FRAGMENTS), max_size=14)))
def test_any_text_parses_or_raises_a_query_syntax_error(text) -> None:
    query = text if isinstance(text, str) else "".join(text)
    try:
        parse(query)
    except QuerySyntaxError as error:
        assert error.message and 0 <= error.position <= len(query)


WORDS = ["ana", "anna", "bob", "né", "ne", "neural net", "net", "nlp", ""]


@st.composite
def rows(draw) -> list[SearchRow]:
    made = []
    for i in range(draw(st.integers(0, 12))):
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=5)))
        made.append(
            SearchRow(
                key=("candidate", i),
                name=draw(st.sampled_from(WORDS)),
                emails="",
                profile=text,
                text=text,
                words=" ".join(dict.fromkeys(text.split())),
                tags=tuple(draw(st.lists(st.sampled_from(["nlp", "ml", "nlp-x"]), max_size=2))),
                status=draw(st.sampled_from(["new", "maybe", "rejected"])),
                flags=frozenset(draw(st.sets(st.sampled_from(["is:shortlisted", "has:email"])))),
                score=draw(st.one_of(st.none(), st.sampled_from([1.0, 2.5, 4.0]))),
                pubs=draw(st.integers(0, 4)),
                firstauthor=draw(st.integers(0, 2)),
                rank=None,
                years=tuple(draw(st.lists(st.integers(2019, 2024), max_size=3))),
                venues="",
                areas=frozenset(),
                edu=draw(st.sampled_from(WORDS)),
                kinds=frozenset(["cv"]),
                interests="",
                skills="",
                notes="",
                files="",
            )
        )
    return made


QUERY_PARTS = [
    "ana",
    "an",
    "ne",
    "net",
    '"neural net"',
    '"al ne"',
    "name:an",
    "edu:ne",
    "tag:nlp",
    "tag:nlp*",
    "status:new",
    "is:shortlisted",
    "has:email",
    "score>=2.5",
    "score<3",
    "pubs>=2",
    "firstauthor=1",
    "year>=2022",
    "-",
    "OR",
    "(",
    ")",
    " ",
]


@settings(max_examples=400, deadline=None)
@given(rows(), st.lists(st.sampled_from(QUERY_PARTS), min_size=1, max_size=8), st.booleans())
def test_the_index_agrees_with_the_reference_while_typing(made, parts, private) -> None:
    index = SearchIndex()
    index.put(made)
    typed = " ".join(parts)
    for end in range(1, len(typed) + 1):  # every prefix, on the same index: hits are reused
        try:
            node = parse(typed[:end])
        except QuerySyntaxError:
            continue
        expected = {row.key for row in made if matches(node, row, private)}
        assert set(index.select(node, private)) == expected, typed[:end]


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_fast_fold_equals_the_plain_fold(text: str) -> None:
    assert fold(text) == queries.fold(text)
