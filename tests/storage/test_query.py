"""The search language over a real library: every field and operator, folding, document
text, and the error messages a reviewer sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing.models import ParseResult, profile_from_dict
from storage.library import Library
from storage.queries import DocumentFacts
from storage.query import QuerySyntaxError, parse
from storage.search_index import SearchIndex
from storage.search_rows import all_keys, fill_texts, prepare


def _cv(name: str, email: str, text: str = "", kind: str = "cv", **fields) -> ParseResult:
    emails = [email] if email else []
    profile = profile_from_dict({"kind": kind, "name": name, "emails": emails, **fields})
    return ParseResult(path="", kind=kind, profile=profile, text=text or name, pages=1)


def _pub(authors, venue, year, status="published"):
    return {"title": "A paper", "authors": authors, "venue": venue, "year": year, "status": status}


PEOPLE = [
    _cv(
        "Zoë Müller",
        "zoe@example.org",
        "Zoë Müller. I build graph neural networks for protein folding.",
        education=[{"institution": "Peking University", "degree": "PhD"}],
        publications=[
            _pub(["Müller, Z.", "B. Chen"], "NeurIPS 2023", 2023),
            _pub(["Z. Muller"], "ACL 2024", 2024),
            _pub(["B. Chen", "Zoe Muller"], "NeurIPS 2022", 2022),
        ],
        skills=["PyTorch"],
        research_interests=["Protein design"],
    ),
    _cv(
        "Bo Chen",
        "bo@example.org",
        "Bo Chen. Robotics and reinforcement learning; neural control.",
        education=[{"institution": "ETH Zürich", "degree": "MSc"}],
        publications=[_pub(["A. Smith", "Bo Chen"], "ICRA 2021", 2021)],
        skills=["ROS"],
    ),
    _cv("Ada Lovelace", "", "Ada Lovelace. Analytical engines.", kind="cv"),
    _cv("Ada Lovelace", "", "Research statement: I want to study poetical science.", "statement"),
]


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("library")
    with Library.open(folder) as library:
        library.add_parse_results(PEOPLE)
        ids = {s.name: s.id for s in library.candidates()}
        library.set_review(ids["Zoë Müller"], status="maybe", tags=["nlp", "strong"])
        library.set_review(ids["Zoë Müller"], scores={"research": 5}, shortlisted=True, rank=1)
        library.set_review(ids["Bo Chen"], status="rejected", scores={"research": 2})
        library.set_review(ids["Bo Chen"], notes="Ask about the ROS port", tags=["robotics"])
        index = SearchIndex()
        _rows, search_rows, _gone = prepare(library, all_keys(library), DocumentFacts())
        index.put(search_rows)
        assert fill_texts(index, library)
    names = {cid: name for name, cid in ids.items()}

    def find(query: str) -> set[str]:
        return {names[key[1]] for key in index.select(parse(query))}

    return find


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Zoë Müller", "Bo Chen", "Ada Lovelace"}),
        ("neural", {"Zoë Müller", "Bo Chen"}),
        ("NEURAL networks", {"Zoë Müller"}),
        ('"neural networks"', {"Zoë Müller"}),
        ('"networks neural"', set()),
        ("muller", {"Zoë Müller"}),
        ("zurich", {"Bo Chen"}),
        ("poetical", {"Ada Lovelace"}),  # only in the statement's text
        ("name:chen", {"Bo Chen"}),
        ("name:zoe", {"Zoë Müller"}),
        ("email:bo@", {"Bo Chen"}),
        ("tag:nlp", {"Zoë Müller"}),
        ("#robotics", {"Bo Chen"}),
        ("tag:rob*", {"Bo Chen"}),
        ("tag:rob", set()),  # a tag is matched whole
        ("status:maybe", {"Zoë Müller"}),
        ("status:rej", {"Bo Chen"}),
        ("is:new", {"Ada Lovelace"}),
        ("is:shortlisted", {"Zoë Müller"}),
        ("is:scored", {"Zoë Müller", "Bo Chen"}),
        ("is:ranked", {"Zoë Müller"}),
        ("score>=4", {"Zoë Müller"}),
        ("score<4", {"Bo Chen"}),
        ("score:2", {"Bo Chen"}),
        ("score!=2", {"Zoë Müller"}),
        ("pubs>=3", {"Zoë Müller"}),
        ("pubs=1", {"Bo Chen"}),
        ("pubs<1", {"Ada Lovelace"}),
        ("firstauthor>=1", {"Zoë Müller"}),
        ("firstauthor>=2", {"Zoë Müller"}),
        ("firstauthor>2", set()),
        ("year>=2023", {"Zoë Müller"}),
        ("year:2021", {"Bo Chen"}),
        ("year<2022", {"Bo Chen"}),
        ("rank<=1", {"Zoë Müller"}),
        ("venue:neurips", {"Zoë Müller"}),
        ("venue:icra", {"Bo Chen"}),
        ("area:nlp", {"Zoë Müller"}),
        ("area:robotics", {"Bo Chen"}),
        ('edu:"peking university"', {"Zoë Müller"}),
        ("edu:peking", {"Zoë Müller"}),
        ("edu:msc", {"Bo Chen"}),
        ("kind:statement", {"Ada Lovelace"}),
        ("has:statement", {"Ada Lovelace"}),
        ("has:email", {"Zoë Müller", "Bo Chen"}),
        ("-has:email", {"Ada Lovelace"}),
        ("has:publications", {"Zoë Müller", "Bo Chen"}),
        ("has:notes", {"Bo Chen"}),
        ("interest:protein", {"Zoë Müller"}),
        ("skill:ros", {"Bo Chen"}),
        ("note:ros", {"Bo Chen"}),
        ("-neural", {"Ada Lovelace"}),
        ("NOT neural", {"Ada Lovelace"}),
        ("-tag:nlp -is:new", {"Bo Chen"}),
        ("poetical OR tag:nlp", {"Zoë Müller", "Ada Lovelace"}),
        ("poetical | zurich", {"Bo Chen", "Ada Lovelace"}),
        ("neural AND status:maybe", {"Zoë Müller"}),
        ("(status:maybe OR status:rejected) score>=4", {"Zoë Müller"}),
        ("status:maybe OR status:rejected score>=4", {"Zoë Müller"}),
        ("-(tag:nlp OR tag:robotics)", {"Ada Lovelace"}),
        ("Name:CHEN", {"Bo Chen"}),
    ],
)
def test_query(searched, query: str, expected: set[str]) -> None:
    assert searched(query) == expected


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("nmae:chen", "unknown field 'nmae:' — did you mean name:?", 0),
        ("neural stauts:new", "unknown field 'stauts:' — did you mean status:?", 7),
        ('edu:"peking university', "unclosed quote", 4),
        ('a "b c', "unclosed quote", 2),
        ("score>=", "expected a number after score>=", 0),
        ("pubs>=many", "expected a number after pubs>=", 0),
        ("name:", "expected a value after name:", 0),
        ("name>=3", "name cannot be compared with >=", 0),
        ("status:sleeping", "unknown value 'status:sleeping'", 0),
        ("has:car", "unknown value 'has:car'", 0),
        ("kind:poem", "unknown value 'kind:poem'", 0),
        ("(neural", "unclosed '('", 0),
        ("neural)", "unexpected ')'", 6),
        ("()", "empty parentheses", 0),
        ("OR neural", "OR needs a search term before it", 0),
        ("neural OR", "OR needs a search term after it", 7),
        ("neural -", "expected a search term after '-'", 7),
        ('""', "empty quotes", 0),
        ("(" * 60 + "a" + ")" * 60, "too many nested", 40),
    ],
)
def test_errors_say_what_and_where(query: str, message: str, position: int) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse(query)
    assert message in caught.value.message
    assert caught.value.position == position


def test_a_web_address_is_text_not_a_field() -> None:
    node = parse("https://github.com/zoe")
    assert node == parse('"https://github.com/zoe"')


def test_edited_values_are_searched(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        library.add_parse_results([PEOPLE[1]])
        cid = library.candidates()[0].id
        library.update_field(cid, "name", "Bo Chén-Okafor")
        index = SearchIndex()
        index.put(prepare(library, all_keys(library), DocumentFacts())[1])
        assert index.select(parse("name:okafor")) == {("candidate", cid)}
        assert index.select(parse("chen-okafor")) == {("candidate", cid)}
