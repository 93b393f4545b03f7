import sqlite3
from pathlib import Path

import pytest

from quiz.deck import Deck
from quiz.errors import QuizError
from quiz.store import MIGRATIONS, NEW_STATE, Store, migrations
from tests.conftest import make_card


def test_new_database_uses_wal_foreign_keys_and_strict_tables(tmp_path: Path):
    store = Store(tmp_path / "p.db")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    schema = store.db.execute("SELECT sql FROM sqlite_master WHERE name = 'reviews'").fetchone()[0]
    assert "STRICT" in schema
    assert [m.name for m in migrations().applied(store.db)] == [step.__name__ for step in MIGRATIONS]


def test_review_log_refuses_update_and_delete(tmp_path: Path, clock):
    store = Store(tmp_path / "p.db")
    card = make_card("Alpha beta gamma delta.", "gamma")
    store.sync_deck(Deck("d", "D", [card]), clock())
    state = dict(NEW_STATE)
    after = dict(state, queue="learning", reps=1)
    store.record_review(card.id, 3, clock(), 1000, state, after)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE reviews SET rating = 1")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM reviews")
    assert store.review_count() == 1


def test_sync_retires_instead_of_deleting_and_restores(tmp_path: Path, clock):
    store = Store(tmp_path / "p.db")
    keep = make_card("Alpha beta gamma delta.", "gamma")
    drop = make_card("One two three four.", "three")
    store.sync_deck(Deck("d", "D", [keep, drop]), clock())
    report = store.sync_deck(Deck("d", "D", [keep]), clock())
    assert report.retired == [drop.id]
    assert [row["id"] for row in store.active_cards("d")] == [keep.id]
    assert store.card(drop.id)["retired_at"] is not None
    report = store.sync_deck(Deck("d", "D", [keep, drop]), clock())
    assert report.restored == [drop.id]
    assert store.card(drop.id)["retired_at"] is None


def test_sync_reports_changed_content(tmp_path: Path, clock):
    store = Store(tmp_path / "p.db")
    card = make_card("Alpha beta gamma delta.", "gamma")
    store.sync_deck(Deck("d", "D", [card]), clock())
    edited = card._replace(prompt="Alpha beta [...] delta!")
    report = store.sync_deck(Deck("d", "D", [edited]), clock())
    assert report.changed == [card.id]
    assert store.card(card.id)["prompt"] == "Alpha beta [...] delta!"


def test_not_a_database_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(QuizError, match="junk.db: not usable quiz database|junk.db: not a usable quiz database"):
        Store(path)
    assert path.read_bytes() == b"this is not sqlite at all" * 100


def test_foreign_sqlite_database_is_refused(tmp_path: Path):
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(QuizError, match="not a quiz progress database"):
        Store(path)


def test_newer_schema_is_refused(tmp_path: Path):
    path = tmp_path / "p.db"
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('quiz', 'm999_future', 'x')"
    )
    connection.commit()
    connection.close()
    with pytest.raises(QuizError, match="newer quiz"):
        Store(path)


def test_a_deck_folder_named_another_way_is_not_resynced(tmp_path: Path, monkeypatch, clock):
    from quiz.collection import open_collection, stale_deck_files
    from tests.conftest import write_deck

    decks = tmp_path / "decks"
    decks.mkdir()
    write_deck(decks, "d", [make_card("Alpha beta gamma delta.", "gamma")])
    open_collection(tmp_path / "p.db", decks, clock()).close()
    monkeypatch.chdir(tmp_path)
    store = Store(tmp_path / "p.db")
    try:
        assert stale_deck_files(store, Path("decks")) == []
        assert stale_deck_files(store, Path("./decks/../decks")) == []
        (decks / "d.toml").write_text((decks / "d.toml").read_text() + "\n")
        assert stale_deck_files(store, Path("decks")) == [Path("decks/d.toml")]
    finally:
        store.close()
