"""Schema versions: the v1 fixture (a library as this code writes it) opens, upgrades run in
order after a backup, and a newer library is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from storage import migrations
from storage.backups import list_backups
from storage.errors import LibraryVersionError
from storage.library import Library

FIXTURE = Path(__file__).parent / "fixtures" / "library-v1.json"


@pytest.fixture
def v1_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "v1"
    folder.mkdir()
    shutil.copy(FIXTURE, folder / "library.json")
    return folder


def test_v1_fixture_opens_with_everything(v1_dir: Path) -> None:
    with Library.open(v1_dir) as lib:
        assert lib.upgraded_from == []
        ada = lib.candidate(1)
        assert ada.name == "Ada Lovelace" and len(ada.document_ids) == 3
        assert [v.text for v in ada.profile.skills] == ["Python", "Mathematics"]
        assert [v.text for v in ada.fields["skills"].pending.new] == ["Poetry"]
        assert ada.review.status == "shortlisted" and ada.review.scores["research"].value == 5
        assert [d.id for d in lib.unassigned_documents()] == [4]
        assert lib.document_text(1) == ""  # the fixture carries no text files: shown empty
        assert {c.name for c in lib.candidates()} == {"Ada Lovelace", "Alan Turing"}
        # new ids continue after the fixture's
        new = lib.add_parse_results([]).added
        assert new == 0


def test_upgrade_runs_steps_in_order_after_a_backup(v1_dir: Path, monkeypatch) -> None:
    def to_v2(data: dict) -> None:
        for rec in data["reviews"].values():
            rec["notes"] = rec["notes"] + " (v2)"

    def to_v3(data: dict) -> None:
        for rec in data["reviews"].values():
            rec["notes"] = rec["notes"] + " (v3)"
        data["reviews"] = dict(data["reviews"])

    monkeypatch.setattr(migrations, "MIGRATIONS", [(3, to_v3), (2, to_v2)])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    original = FIXTURE.read_bytes()
    with Library.open(v1_dir) as lib:
        assert lib.upgraded_from == [2, 3]
        assert lib.candidate(1).review.notes == "Yes. (v2) (v3)"
    saved = orjson.loads((v1_dir / "library.json").read_bytes())
    assert saved["meta"]["1"]["schema_version"] == 3
    backups = list_backups(v1_dir / "backups")
    before = [b for b in backups if b.name.endswith("before-upgrade.json")]
    assert len(before) == 1 and before[0].path.read_bytes() == original


def test_newer_library_is_refused_untouched(v1_dir: Path) -> None:
    data = orjson.loads(FIXTURE.read_bytes())
    data["meta"]["1"]["schema_version"] = migrations.SCHEMA_VERSION + 1
    payload = orjson.dumps(data)
    (v1_dir / "library.json").write_bytes(payload)
    with pytest.raises(LibraryVersionError, match="newer Shortlist"):
        Library.open(v1_dir)
    assert (v1_dir / "library.json").read_bytes() == payload
    # and the refusal released the lock
    with pytest.raises(LibraryVersionError):
        Library.open(v1_dir)


def test_structure_check() -> None:
    assert migrations.check_structure(migrations.new_library_data()) is None
    assert migrations.check_structure([]) is not None
    assert migrations.check_structure({"meta": {"1": {}}}) is not None
    assert migrations.check_structure({**migrations.new_library_data(), "x": []}) is not None
