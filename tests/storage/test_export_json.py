"""JSON export re-imported into a fresh library (`python main.py import x.json`): every
candidate comes back with its profile, provenance, review and documents."""

from __future__ import annotations

import json
from pathlib import Path

import main
from storage.export.export import export
from storage.library import Library
from storage.models import Candidate
from tests.storage.conftest import make_result
from tests.storage.test_export_formats import build_library


def _with_history(library: Library, people: dict[str, int], folder: Path) -> None:
    """Edits, a pending change, a pinned choice: what a plain re-parse could not rebuild."""
    ada = people["ada"]
    library.update_field(ada, "skills", ["analysis", "poetry"])
    path = folder / "ada_cv_2.pdf"
    path.write_bytes(b"%PDF-1.4 a newer CV")
    newer = make_result("Ada Lovelace", ("ada@example.org",), path=str(path), skills=["engines"])
    library.add_parse_results([newer])  # joins Ada: her edited skills get a pending diff
    library.update_field(people["grace"], "name", "Grace B. Hopper")
    two = []
    for file_name, name, email in (
        ("cb.pdf", "Charles Babbage", "cb@a.org"),
        ("cb2.pdf", "Chas. Babbage", "cb@b.org"),
    ):
        (folder / file_name).write_bytes(f"%PDF-1.4 {name}".encode())
        result = make_result(name, (email,), path=str(folder / file_name))
        two.append(library.add_parse_results([result]).new_candidates[0].candidate_id)
    library.merge_candidates(two[0], two[1], {"name": "other", "emails": "other"})
    library.flush()
    assert library.candidate(ada).pending and library.candidate(two[0]).fields["name"].pinned


def _by_sha(library: Library, candidate: Candidate) -> dict[int, str]:
    return {d.id: d.sha256 for d in library.documents(candidate.id)}


def _comparable(library: Library, candidate: Candidate) -> dict:
    """Everything about a candidate, with document ids replaced by content hashes."""
    sha = _by_sha(library, candidate)
    fields = {}
    for name, info in candidate.fields.items():
        pending = info.pending
        fields[name] = (
            sha.get(info.source, info.source),
            info.edited,
            info.pinned,
            info.edited_at,
            (sha[pending.document_id], pending.new, pending.stored) if pending else None,
        )
    docs = []
    for doc in library.documents(candidate.id):
        docs.append(
            (
                doc.sha256,
                doc.file_name,
                doc.source_path,
                doc.kind,
                doc.pages,
                doc.source_format,
                doc.warnings,
                doc.imported,
                doc.profile,
                doc.page_starts,
                library.document_text(doc.id),
                doc.stored_path is not None,
            )
        )
    return {
        "profile": candidate.profile,
        "fields": fields,
        "review": candidate.review,
        "documents": docs,
        "created": candidate.created,
        "updated": candidate.updated,
    }


def test_json_round_trip_through_import(library, tmp_path, capsys) -> None:
    people = build_library(library, tmp_path / "docs")
    _with_history(library, people, tmp_path / "docs")
    out = export(library, "json", tmp_path / "all.json", scope="all").path
    data = json.loads(out.read_text("utf-8"))
    assert (data["format"], data["version"], data["anonymised"]) == ("shortlist-export", 1, False)
    assert len(data["candidates"]) == 5 and data["exported"]

    fresh = tmp_path / "fresh"
    assert main.main(["import", str(out), "--library", str(fresh)]) == 0
    assert "added 8 new" in capsys.readouterr().out  # eight documents, five candidates
    with Library.open(fresh) as other:
        before = {
            c.name: _comparable(library, library.candidate(c.id)) for c in library.candidates()
        }
        after = {c.name: _comparable(other, other.candidate(c.id)) for c in other.candidates()}
        assert sorted(after) == sorted(before)
        for name, expected in before.items():
            for key, value in expected.items():
                assert after[name][key] == value, f"{name}: {key} differs"
        # the same export again: everything is already there
    assert main.main(["import", str(out), "--library", str(fresh)]) == 0
    assert "0 new candidates" in capsys.readouterr().out


def test_anonymised_or_damaged_exports_are_refused(library, tmp_path, capsys) -> None:
    build_library(library, tmp_path / "docs")
    anon = export(library, "json", tmp_path / "anon.json", anonymised=True).path
    data = json.loads(anon.read_text("utf-8"))
    assert data["anonymised"] and all("documents" not in c for c in data["candidates"])
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "shortlist-export", "version": 1, "candidates": 3}))
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": "shortlist-export", "version": 99, "candidates": []}))
    fresh = str(tmp_path / "fresh")
    assert main.main(["import", str(anon), str(broken), str(newer), "--library", fresh]) == 1
    out = capsys.readouterr().out
    assert "anonymised export" in out and "no list of candidates" in out and "newer" in out
    with Library.open(fresh) as other:
        assert other.candidates() == []
