"""Identity: name normalisation and matching, on the sample labels and on name variants."""

from __future__ import annotations

import json

import pytest

from parsing.models import ParseResult, profile_from_dict
from storage.identity import IdentityIndex, initials_match, name_key, strong_match
from storage.library import Library
from tests.storage.conftest import LABELS, make_result


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Rob J Hyndman", "Hyndman, Rob J"),
        ("Hetong Wang", "HETONG WANG"),
        ("José García-López", "Jose Garcia Lopez"),
        ("丁鼎 Eric Ding", "Eric Ding"),
        ("Alexandra (Alli) Nilles", "Alexandra Nilles"),
        ("Haixin Yu", "Yu Haixin"),
        ("于海鑫", "于海鑫 Haixin Yu"),
        ("Dr. Miles D. Williams, PhD", "Miles D. Williams"),
    ],
)
def test_same_name(a: str, b: str) -> None:
    assert strong_match(name_key(a), name_key(b))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("R. J. Hyndman", "Rob J Hyndman", True),
        ("RJ Hyndman", "Rob J Hyndman", True),
        ("Aditya Mishra", "Aditya K. Mishra", True),
        ("J. Smith", "John Smith", False),  # one initial is not enough
        ("J. Smith", "J. K. Smith", False),
        ("Rob K Hyndman", "Rob J Hyndman", False),
        ("Robert Smith", "Roberta Smith", False),
        ("Anna Smith", "Anna Smyth", False),
    ],
)
def test_initials(a: str, b: str, same: bool) -> None:
    assert initials_match(name_key(a), name_key(b)) is same
    assert not strong_match(name_key(a), name_key(b))


def test_no_name() -> None:
    assert name_key(None) is None and name_key("  ") is None and name_key("(—)") is None


def test_index_rules() -> None:
    index = IdentityIndex()
    index.set(1, ["John Smith"], ["john@a.org"])
    index.set(2, ["Jane Smith"], [])
    index.set(3, ["Wei Zhang"], ["wei@x.cn"])
    assert index.match(None, ["JOHN@A.ORG"]).candidate_id == 1  # email, case-insensitive
    assert index.match("J. Smith", []).candidate_id is None  # never "every Smith"
    assert index.match("John Smith", ["other@b.org"]).candidate_id is None  # emails conflict
    assert index.match("Wei Zhang", ["wei2@y.cn"]).candidate_id is None
    assert index.match("Zhang Wei", []).candidate_id == 3
    index.set(4, ["Wei Zhang"], [])
    assert index.match("Wei Zhang", []).ambiguous == (3, 4)
    index.remove(4)
    assert index.match("Wei Zhang", []).candidate_id == 3


def _label_results() -> list[ParseResult]:
    if not LABELS.is_dir():
        pytest.skip(f"sample labels not found at {LABELS}")
    out = []
    for path in sorted(LABELS.glob("*.json")):
        profile = profile_from_dict(json.loads(path.read_text(encoding="utf-8")))
        out.append(ParseResult(str(path), profile.kind, profile, f"text {path.name}", 1))
    return out


def test_samples_are_all_different_people(library: Library) -> None:
    results = _label_results()
    summary = library.add_parse_results(results)
    assert summary.attached == [] and summary.duplicates == []
    nameless = [r for r in results if not r.profile.name and not r.profile.emails]
    assert len(summary.unassigned) == len(nameless) == 1  # the anonymous statement waits
    assert len(summary.new_candidates) == len(results) - 1


@pytest.mark.parametrize(
    ("variant", "emails", "kind"),
    [
        ("Hyndman, Rob J", (), "statement"),
        ("R. J. Hyndman", (), "cv"),
        ("Rob Hyndman", (), "statement"),
        (None, ("rob.hyndman@MONASH.edu",), "statement"),
        ("WILLIAMS, MILES D.", (), "cv"),
        ("Miles Williams", (), "cv"),
        ("Chenmien Tan", ("chenmien.tan@ed.ac.uk",), "cv"),
        ("Aditya Mishra", (), "statement"),
        ("于海鑫 Haixin Yu", (), "statement"),
        ("Sourabh  Bajaj", (), "statement"),
    ],
)
def test_sample_variants_join_their_candidate(library: Library, variant, emails, kind) -> None:
    library.add_parse_results(_label_results())
    before = {c.id: c.name for c in library.candidates()}
    summary = library.add_parse_results([make_result(variant, emails, kind=kind, text="v")])
    assert len(summary.attached) == 1, summary
    cid = summary.attached[0].candidate_id
    assert len(library.candidates()) == len(before)
    wanted = (variant or "Hyndman").replace(",", "").split()[-1].casefold()
    haystack = f"{before[cid]} {library.candidate(cid).profile.emails}".casefold()
    assert wanted.strip(".") in haystack or "于海鑫" in haystack


@pytest.mark.parametrize(
    ("name", "emails"),
    [("J. Williams", ()), ("Rob Hyndman", ("rob@elsewhere.org",)), ("Chris Ashby", ())],
)
def test_sample_near_misses_do_not_join(library: Library, name, emails) -> None:
    library.add_parse_results(_label_results())
    summary = library.add_parse_results([make_result(name, emails, text="near miss")])
    assert summary.attached == []


def test_cv_and_statement_in_one_batch_join(library: Library) -> None:
    summary = library.add_parse_results(
        [
            make_result("Eric Ding", ("eric@d.org",), text="cv"),
            make_result("丁鼎 Eric Ding", kind="statement", text="st"),
        ]
    )
    assert len(summary.new_candidates) == 1 and len(summary.attached) == 1
    assert summary.attached[0].candidate_id == summary.new_candidates[0].candidate_id
