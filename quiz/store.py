"""The progress database: cards, their scheduling state, and the append-only review log.

SQLite through sqlite-utils. The review log is the source of truth for history; the
scheduling columns on `cards` are a cache that `rebuild_state` can recompute from it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from quiz.deck import Card, Deck
from quiz.errors import QuizError

migrations = Migrations("quiz")

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"


def to_db_time(moment: datetime) -> str:
    """Fixed-width UTC text, so comparing strings compares instants."""
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def from_db_time(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE decks (
            name TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            path TEXT NOT NULL,
            fingerprint TEXT NOT NULL DEFAULT '',
            new_per_day INTEGER NOT NULL DEFAULT 20,
            reviews_per_day INTEGER NOT NULL DEFAULT 200,
            desired_retention REAL NOT NULL DEFAULT 0.9
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE cards (
            id TEXT PRIMARY KEY,
            deck TEXT NOT NULL REFERENCES decks(name),
            kind TEXT NOT NULL,
            prompt TEXT NOT NULL,
            answer TEXT NOT NULL,
            answer_type TEXT NOT NULL DEFAULT '',
            choices TEXT NOT NULL DEFAULT '[]',
            fact TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '{}',
            position INTEGER NOT NULL,
            added_at TEXT NOT NULL,
            retired_at TEXT,
            queue TEXT NOT NULL DEFAULT 'new'
                CHECK (queue IN ('new', 'learning', 'review', 'relearning')),
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT,
            last_review TEXT,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            suspended INTEGER NOT NULL DEFAULT 0,
            buried_until TEXT
        ) STRICT
        """
    )
    db.execute("CREATE INDEX cards_by_deck_due ON cards(deck, queue, due) WHERE retired_at IS NULL")
    db.execute("CREATE INDEX cards_by_fact ON cards(fact)")
    db.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL REFERENCES cards(id),
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            reviewed_at TEXT NOT NULL,
            duration_ms INTEGER,
            state_before TEXT NOT NULL,
            state_after TEXT NOT NULL
        ) STRICT
        """
    )
    db.execute("CREATE INDEX reviews_by_card ON reviews(card_id, id)")
    db.execute("CREATE INDEX reviews_by_time ON reviews(reviewed_at)")
    # The log is append-only: the database itself refuses edits and deletions.
    db.execute(
        """
        CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
        BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END
        """
    )
    db.execute(
        """
        CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
        BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END
        """
    )


SCHEDULE_COLUMNS = ("queue", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses")


@dataclass(frozen=True)
class SyncReport:
    added: list[str]
    changed: list[str]
    retired: list[str]
    restored: list[str]


def _connect(path: Path) -> Database:
    connection = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    db = Database(connection, strict=True)
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA foreign_keys = ON")
    if db.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
        raise QuizError(f"{path}: cannot switch the database to WAL mode")
    # WAL + NORMAL: a commit survives a killed process; only an OS crash can lose the last one.
    db.execute("PRAGMA synchronous = NORMAL")
    return db


class Store:
    """One progress database. All writes go through methods that commit before returning."""

    def __init__(self, path: Path):
        self.path = Path(path)
        if self.path.exists() and self.path.is_dir():
            raise QuizError(f"{self.path}: is a folder, not a database file")
        if not self.path.parent.exists():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise QuizError(f"{self.path}: cannot create its folder: {error.strerror}") from None
        try:
            self.db = _connect(self.path)
            self._check_schema()
            migrations.apply(self.db)
        except sqlite3.DatabaseError as error:
            raise QuizError(f"{self.path}: not a usable quiz database: {error}") from None

    def _check_schema(self) -> None:
        known = {m.name for m in migrations._migrations}
        applied = {m.name for m in migrations.applied(self.db)}
        unknown = applied - known
        if unknown:
            raise QuizError(
                f"{self.path}: database was written by a newer quiz (schema {sorted(unknown)[-1]}); upgrade quiz"
            )
        tables = set(self.db.table_names())
        if tables and "_sqlite_migrations" not in tables:
            raise QuizError(f"{self.path}: is an SQLite database, but not a quiz progress database")

    def close(self) -> None:
        self.db.close()

    # -- decks and cards -------------------------------------------------

    def sync_deck(self, deck: Deck, now: datetime) -> SyncReport:
        """Upsert the deck's cards by id; retire (never delete) the ones it no longer has."""
        stamp = to_db_time(now)
        existing = {
            row["id"]: row
            for row in self.db.query(
                "SELECT id, prompt, answer, kind, choices, source, answer_type, fact, retired_at, position"
                " FROM cards WHERE deck = ?",
                [deck.name],
            )
        }
        added, changed, restored = [], [], []
        rows = []
        for position, card in enumerate(deck.cards):
            content = _card_content(card)
            old = existing.get(card.id)
            if old is None:
                added.append(card.id)
                rows.append({**content, "id": card.id, "deck": deck.name, "position": position, "added_at": stamp})
                continue
            if old["retired_at"] is not None:
                restored.append(card.id)
            elif any(old[key] != value for key, value in content.items()):
                changed.append(card.id)
            elif old["position"] == position:
                continue
            rows.append({**content, "id": card.id, "position": position, "retired_at": None})
        current = {card.id for card in deck.cards}
        retired = [card_id for card_id, row in existing.items() if card_id not in current and row["retired_at"] is None]
        with self.db.atomic():
            self.db["decks"].upsert(
                {"name": deck.name, "title": deck.title, "path": str(deck.path or "")}, pk="name"
            )
            for row in rows:
                if row["id"] in existing:
                    self.db["cards"].update(row["id"], row)
                else:
                    self.db["cards"].insert(row)
            if retired:
                self.db.execute(
                    f"UPDATE cards SET retired_at = ? WHERE id IN ({', '.join('?' * len(retired))})",
                    [stamp, *retired],
                )
        return SyncReport(added=added, changed=changed, retired=retired, restored=restored)

    def deck_fingerprints(self) -> dict[str, str]:
        return {row["path"]: row["fingerprint"] for row in self.db.query("SELECT path, fingerprint FROM decks")}

    def set_fingerprint(self, deck: str, fingerprint: str) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE decks SET fingerprint = ? WHERE name = ?", [fingerprint, deck])

    def deck_names(self) -> list[str]:
        return [row["name"] for row in self.db.query("SELECT name FROM decks ORDER BY name")]

    def deck_options(self, deck: str) -> dict:
        rows = list(self.db.query("SELECT * FROM decks WHERE name = ?", [deck]))
        if not rows:
            raise QuizError(f"no deck named {deck!r}")
        return rows[0]

    def card(self, card_id: str) -> dict:
        rows = list(self.db.query("SELECT * FROM cards WHERE id = ?", [card_id]))
        if not rows:
            raise QuizError(f"no card with id {card_id!r}")
        return rows[0]

    def active_cards(self, deck: str | None = None) -> list[dict]:
        where = "retired_at IS NULL" + (" AND deck = ?" if deck else "")
        return list(
            self.db.query(f"SELECT * FROM cards WHERE {where} ORDER BY deck, position", [deck] if deck else [])
        )

    # -- reviews ---------------------------------------------------------

    def record_review(
        self,
        card_id: str,
        rating: int,
        reviewed_at: datetime,
        duration_ms: int | None,
        before: dict,
        after: dict,
        bury_siblings_until: datetime | None = None,
    ) -> int:
        """Append the review and update the card's cached state in one transaction.

        With `bury_siblings_until`, the other cards of the same fact wait until then, so one
        fact is not asked twice in a row in different words.
        """
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state_before, state_after)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    card_id,
                    rating,
                    to_db_time(reviewed_at),
                    duration_ms,
                    json.dumps(before, sort_keys=True),
                    json.dumps(after, sort_keys=True),
                ],
            )
            assignments = ", ".join(f"{column} = ?" for column in SCHEDULE_COLUMNS)
            self.db.execute(
                f"UPDATE cards SET {assignments} WHERE id = ?",
                [after[column] for column in SCHEDULE_COLUMNS] + [card_id],
            )
            if bury_siblings_until is not None:
                self.db.execute(
                    "UPDATE cards SET buried_until = ? WHERE fact = (SELECT fact FROM cards WHERE id = ?)"
                    " AND id != ? AND queue IN ('new', 'review') AND retired_at IS NULL",
                    [to_db_time(bury_siblings_until), card_id, card_id],
                )
        return cursor.lastrowid

    def review_count(self, deck: str | None = None) -> int:
        if deck:
            sql = "SELECT count(*) FROM reviews JOIN cards ON cards.id = reviews.card_id WHERE cards.deck = ?"
            return self.db.execute(sql, [deck]).fetchone()[0]
        return self.db.execute("SELECT count(*) FROM reviews").fetchone()[0]

    def reviews(self, card_id: str) -> list[dict]:
        return list(self.db.query("SELECT * FROM reviews WHERE card_id = ? ORDER BY id", [card_id]))


def _card_content(card: Card) -> dict:
    return {
        "kind": card.kind,
        "prompt": card.prompt,
        "answer": card.answer,
        "answer_type": card.answer_type,
        "choices": json.dumps(list(card.choices)),
        "fact": card.fact,
        "source": json.dumps(
            {
                "file": card.source.file,
                "text": card.source.text,
                "title": card.source.title,
                "published": card.source.published,
            },
            sort_keys=True,
        ),
    }


def schedule_state(row: dict) -> dict:
    return {column: row[column] for column in SCHEDULE_COLUMNS}
