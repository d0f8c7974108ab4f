"""Publication insight: authorship position, categories, recognised venues."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.fields.venues import load_venues, recognise
from parsing.models import Publication
from storage.insight import (
    IN_PREPARATION,
    OTHER,
    PEER_REVIEWED,
    PREPRINT,
    UNDER_REVIEW,
    author_position,
    publication_insight,
    recognised_venue,
)

PUBS = (
    Publication("A", ("Hyndman, R. J.", "Athanasopoulos, G."), "NeurIPS 2023", 2023),
    Publication("B", ("G. Athanasopoulos", "Rob J Hyndman"), "Proceedings of ACL 2024", 2024),
    Publication("C", ("R Hyndman",), "Advances in Neural Information Processing Systems", 2022),
    Publication("D", ("X. Li", "Y. Wang", "R. J. Hyndman"), "Under review", None, "under review"),
    Publication("E", ("Hyndman, Rob",), "arXiv preprint arXiv:2401.0001", 2024, "preprint"),
    Publication("F", ("R. Hyndman",), "", None, "in preparation"),
    Publication("G", ("R. Hyndman",), "PhD thesis, Monash University", 2008),
)


def test_counts_positions_categories_and_venues() -> None:
    insight = publication_insight("Rob J Hyndman", PUBS)
    assert insight.total == 7
    assert [p.position for p in insight.papers] == [1, 2, 1, 3, 1, 1, 1]
    assert insight.first_author == 5
    assert [p.category for p in insight.papers] == [
        PEER_REVIEWED,
        PEER_REVIEWED,
        PEER_REVIEWED,
        UNDER_REVIEW,
        PREPRINT,
        IN_PREPARATION,
        OTHER,
    ]
    assert (insight.peer_reviewed, insight.under_review, insight.preprints) == (3, 1, 1)
    assert (insight.in_preparation, insight.other) == (1, 1)
    assert insight.venues == (("NeurIPS", 2), ("ACL", 1))
    assert dict(insight.areas) == {"ML": 2, "NLP": 1}
    assert insight.top_venues() == "NeurIPS×2, ACL"
    assert insight.years == (2023, 2024, 2022, 2024, 2008)


def test_author_position_is_none_for_someone_else_or_no_name() -> None:
    assert author_position("Ada Lovelace", ("C. Babbage", "L. Menabrea")) is None
    assert author_position(None, ("Ada Lovelace",)) is None
    assert author_position("Ada Lovelace", ("C. Babbage", "Lovelace, A.")) == 2


def test_an_empty_list_has_empty_insight() -> None:
    insight = publication_insight("Ada Lovelace", ())
    assert (insight.total, insight.first_author, insight.top_venues()) == (0, 0, "")


_NAMES = sorted(load_venues())


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.builds(
            lambda pre, name, post: f"{pre}{name}{post}",
            st.text(max_size=8),
            st.sampled_from(_NAMES),
            st.text(max_size=8),
        ),
    )
)
def test_the_fast_check_gives_recognises_own_answer(venue: str) -> None:
    assert recognised_venue(venue) == recognise(venue)


_AUTHORS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(
        ["Hyndman, R. J.", "R J Hyndman", "Rob Hyndman*", "于海鑫", "Müller, Zoë", "Li3"]
    ),
)


@settings(max_examples=300, deadline=None)
@given(_AUTHORS, st.lists(_AUTHORS, max_size=4))
def test_the_quick_author_check_never_hides_a_match(name: str, authors: list[str]) -> None:
    from storage.export.facts import is_same_person

    naive = next((i for i, a in enumerate(authors, 1) if is_same_person(name, a)), None)
    assert author_position(name, authors) == (naive if name else None)
