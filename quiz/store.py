"""The progress database: cards, their scheduling state, and the append-only review log.

SQLite through sqlite-utils for the schema (its migrations) and bulk writes; reads and
single-row writes go straight through the same sqlite3 connection, so studying never needs
sqlite-utils loaded (it costs a tenth of a second at startup). The review log is the source
of truth for history; the scheduling columns on `cards` are a cache that `rebuild_state`
can recompute from it.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.deck import Card, Deck
from quiz.errors import QuizError

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "quiz"
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils records applied migrations

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%f+00:00"


def to_db_time(moment: datetime) -> str:
    """Fixed-width UTC text, so comparing strings compares instants."""
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def from_db_time(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)


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
            desired_retention REAL NOT NULL DEFAULT 0.9,
            learning_steps TEXT NOT NULL DEFAULT '[60, 600]',
            relearning_steps TEXT NOT NULL DEFAULT '[600]',
            maximum_interval INTEGER NOT NULL DEFAULT 36500,
            leech_threshold INTEGER NOT NULL DEFAULT 8,
            fsrs_parameters TEXT
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
            leech INTEGER NOT NULL DEFAULT 0,
            buried_until TEXT,
            relinked_to TEXT REFERENCES cards(id),
            external_id TEXT
        ) STRICT
        """
    )
    db.execute("CREATE INDEX cards_by_deck_due ON cards(deck, queue, due) WHERE retired_at IS NULL")
    db.execute("CREATE INDEX cards_new_order ON cards(deck, queue, position) WHERE retired_at IS NULL")
    db.execute("CREATE INDEX cards_by_fact ON cards(fact)")
    db.execute("CREATE INDEX cards_by_external_id ON cards(external_id) WHERE external_id IS NOT NULL")
    db.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            card_id TEXT NOT NULL REFERENCES cards(id),
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            reviewed_at TEXT NOT NULL,
            duration_ms INTEGER,
            state_before TEXT NOT NULL,
            state_after TEXT NOT NULL,
            buried_siblings TEXT NOT NULL DEFAULT '{}',
            leeched INTEGER NOT NULL DEFAULT 0
        ) STRICT
        """
    )
    # Undo appends here instead of touching the log.
    db.execute(
        """
        CREATE TABLE undos (
            review_id INTEGER PRIMARY KEY REFERENCES reviews(id),
            undone_at TEXT NOT NULL
        ) STRICT
        """
    )
    db.execute("CREATE INDEX reviews_by_card ON reviews(card_id, id)")
    db.execute("CREATE VIEW live_reviews AS SELECT * FROM reviews WHERE id NOT IN (SELECT review_id FROM undos)")
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


MIGRATIONS = (m001_initial,)  # in the order they apply; never reorder or rename one


def migrations() -> Migrations:
    """The schema's migrations as sqlite-utils runs them."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for step in MIGRATIONS:
        steps()(step)
    return steps


def sqlite_utils_database(connection: sqlite3.Connection) -> Database:
    # sqlite-utils imports numpy, when it is installed, only to map numpy scalar types to SQL
    # types; quiz never stores one, and loading numpy costs about 0.1 s. Import it with numpy
    # hidden, then unhide numpy for anything else in the process that needs it.
    hide_numpy = "sqlite_utils" not in sys.modules and "numpy" not in sys.modules
    if hide_numpy:
        sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        from sqlite_utils import Database
    finally:
        if hide_numpy:
            del sys.modules["numpy"]
    # No sqlite-utils plugins: nothing outside quiz may change how its progress file is opened.
    return Database(connection, strict=True, execute_plugins=False)


SCHEDULE_COLUMNS = ("queue", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses")


NEW_STATE = {
    "queue": "new",
    "step": None,
    "stability": None,
    "difficulty": None,
    "due": None,
    "last_review": None,
    "reps": 0,
    "lapses": 0,
}
OPTION_COLUMNS = (
    "new_per_day",
    "reviews_per_day",
    "desired_retention",
    "learning_steps",
    "relearning_steps",
    "maximum_interval",
    "leech_threshold",
    "fsrs_parameters",
)


@dataclass(frozen=True)
class SyncReport:
    added: list[str]
    changed: list[str]
    retired: list[str]
    restored: list[str]
    relinked: dict[str, str]  # new id -> old id


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=5.0, check_same_thread=False)
    connection.execute("PRAGMA busy_timeout = 5000")
    connection.execute("PRAGMA foreign_keys = ON")
    if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
        raise QuizError(f"{path}: cannot switch the database to WAL mode")
    # WAL + NORMAL: a commit survives a killed process; only an OS crash can lose the last one.
    connection.execute("PRAGMA synchronous = NORMAL")
    return connection


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
            self.conn = _connect(self.path)
            if self._check_schema():
                migrations().apply(self.db)
        except sqlite3.DatabaseError as error:
            raise QuizError(f"{self.path}: not a usable quiz database: {error}") from None

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over the same connection, loaded on first use (schema changes, bulk writes)."""
        return sqlite_utils_database(self.conn)

    def _check_schema(self) -> bool:
        """Whether migrations are pending; refuses foreign databases and newer schemas."""
        tables = {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and MIGRATIONS_TABLE not in tables:
            raise QuizError(f"{self.path}: is an SQLite database, but not a quiz progress database")
        applied = set()
        if tables:
            rows = self.conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [MIGRATION_SET])
            applied = {row[0] for row in rows}
        known = {step.__name__ for step in MIGRATIONS}
        unknown = applied - known
        if unknown:
            raise QuizError(
                f"{self.path}: database was written by a newer quiz (schema {sorted(unknown)[-1]}); upgrade quiz"
            )
        return applied != known

    def query(self, sql: str, params: list | tuple = ()) -> Iterator[dict]:
        """Rows as dicts, like sqlite-utils' `query`, straight from the connection."""
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def writing(self) -> Iterator[None]:
        """A write transaction that takes the write lock up front (BEGIN IMMEDIATE).

        A deferred transaction that reads first and writes later fails at once with
        'database is locked' when another process wrote in between; taking the lock first
        makes it wait (busy_timeout) instead.
        """
        if self.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.execute("COMMIT")

    # -- decks and cards -------------------------------------------------

    def sync_deck(self, deck: Deck, now: datetime) -> SyncReport:
        """Upsert the deck's cards by id; retire (never delete) the ones it no longer has.

        A new card that is a slight rewording of a vanished one takes over its schedule
        (see quiz.relink), and the old card points at it.
        """
        stamp = to_db_time(now)
        existing = {
            row["id"]: row
            for row in self.query(
                "SELECT id, prompt, answer, kind, choices, source, answer_type, fact, retired_at, relinked_to,"
                f" position, {', '.join(SCHEDULE_COLUMNS)} FROM cards WHERE deck = ?",
                [deck.name],
            )
        }
        added, changed, restored = [], [], []
        inserts, updates = [], []
        for position, card in enumerate(deck.cards):
            content = _card_content(card)
            old = existing.get(card.id)
            if old is None:
                added.append(card.id)
                inserts.append({**content, "id": card.id, "deck": deck.name, "position": position, "added_at": stamp})
                continue
            if old["retired_at"] is not None:
                restored.append(card.id)
            elif any(old[key] != value for key, value in content.items()):
                changed.append(card.id)
            elif old["position"] == position:
                continue
            updates.append({**content, "id": card.id, "position": position, "retired_at": None})
        current = {card.id for card in deck.cards}
        retired = [card_id for card_id, row in existing.items() if card_id not in current and row["retired_at"] is None]
        vanished = [
            row
            for card_id, row in existing.items()
            if card_id not in current and row["relinked_to"] is None and row["reps"] > 0
        ]
        from quiz.relink import (
            find_relinks,  # rapidfuzz is needed only when cards changed
        )

        relinked = find_relinks(
            [_candidate(row["id"], row["kind"], row["answer"], json.loads(row["source"])) for row in vanished],
            [_candidate(row["id"], row["kind"], row["answer"], json.loads(row["source"])) for row in inserts],
        )
        schedules = {row["id"]: schedule_state(row) for row in vanished}
        for row in inserts:
            row.update(schedules[relinked[row["id"]]] if row["id"] in relinked else NEW_STATE)
        with self.writing():
            self.db["decks"].upsert({"name": deck.name, "title": deck.title, "path": str(deck.path or "")}, pk="name")
            self.db["cards"].insert_all(inserts, batch_size=500)
            for row in updates:
                self.db["cards"].update(row["id"], row)
            if retired:
                self.conn.execute(
                    f"UPDATE cards SET retired_at = ? WHERE id IN ({', '.join('?' * len(retired))})",
                    [stamp, *retired],
                )
            for new_id, old_id in relinked.items():
                self.conn.execute(
                    "UPDATE cards SET relinked_to = ?, retired_at = ? WHERE id = ?", [new_id, stamp, old_id]
                )
        return SyncReport(
            added=[card_id for card_id in added if card_id not in relinked],
            changed=changed,
            retired=[card_id for card_id in retired if card_id not in relinked.values()],
            restored=restored,
            relinked=relinked,
        )

    def deck_fingerprints(self) -> dict[str, str]:
        """The stamp each deck file had when it was last synced, by the file's resolved path."""
        return {row["path"]: row["fingerprint"] for row in self.query("SELECT path, fingerprint FROM decks")}

    def set_fingerprint(self, deck: str, resolved_path: str, fingerprint: str) -> None:
        with self.writing():
            self.conn.execute(
                "UPDATE decks SET path = ?, fingerprint = ? WHERE name = ?", [resolved_path, fingerprint, deck]
            )

    def deck_names(self) -> list[str]:
        return [row["name"] for row in self.query("SELECT name FROM decks ORDER BY name")]

    def deck_options(self, deck: str) -> dict:
        rows = list(self.query("SELECT * FROM decks WHERE name = ?", [deck]))
        if not rows:
            raise QuizError(f"no deck named {deck!r}")
        return rows[0]

    def card(self, card_id: str) -> dict:
        rows = list(self.query("SELECT * FROM cards WHERE id = ?", [card_id]))
        if not rows:
            raise QuizError(f"no card with id {card_id!r}")
        return rows[0]

    def active_cards(self, deck: str | None = None) -> list[dict]:
        where = "retired_at IS NULL" + (" AND deck = ?" if deck else "")
        return list(self.query(f"SELECT * FROM cards WHERE {where} ORDER BY deck, position", [deck] if deck else []))

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
        leeched: bool = False,
    ) -> int:
        """Append the review and update the card's cached state in one transaction.

        With `bury_siblings_until`, the other cards of the same fact wait until then, so one
        fact is not asked twice in a row in different words. `leeched` suspends the card.
        What the siblings were buried until before is kept in the review, for undo.
        """
        with self.writing():
            siblings = {}
            if bury_siblings_until is not None:
                siblings = {
                    row["id"]: row["buried_until"]
                    for row in self.query(
                        "SELECT id, buried_until FROM cards WHERE fact = (SELECT fact FROM cards WHERE id = ?)"
                        " AND id != ? AND queue IN ('new', 'review') AND retired_at IS NULL",
                        [card_id, card_id],
                    )
                }
            review_id = self._append_review(card_id, rating, reviewed_at, duration_ms, before, after, siblings, leeched)
            self._set_schedule(card_id, after)
            if leeched:
                self.conn.execute("UPDATE cards SET suspended = 1, leech = 1 WHERE id = ?", [card_id])
            if siblings:
                marks = ", ".join("?" * len(siblings))
                self.conn.execute(
                    f"UPDATE cards SET buried_until = ? WHERE id IN ({marks})",
                    [to_db_time(bury_siblings_until), *siblings],
                )
        return review_id

    def _append_review(
        self,
        card_id: str,
        rating: int,
        reviewed_at: datetime,
        duration_ms: int | None,
        before: dict,
        after: dict,
        buried_siblings: dict | None = None,
        leeched: bool = False,
    ) -> int:
        cursor = self.conn.execute(
            "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state_before, state_after,"
            " buried_siblings, leeched) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                card_id,
                rating,
                to_db_time(reviewed_at),
                duration_ms,
                json.dumps(before, sort_keys=True),
                json.dumps(after, sort_keys=True),
                json.dumps(buried_siblings or {}, sort_keys=True),
                int(leeched),
            ],
        )
        return cursor.lastrowid

    def _set_schedule(self, card_id: str, state: dict) -> None:
        assignments = ", ".join(f"{column} = ?" for column in SCHEDULE_COLUMNS)
        self.conn.execute(
            f"UPDATE cards SET {assignments} WHERE id = ?", [state[column] for column in SCHEDULE_COLUMNS] + [card_id]
        )

    def undo_review(self, review_id: int, now: datetime) -> dict:
        """Take back one review: the card and its siblings return to exactly where they were.

        The review stays in the log; an entry in `undos` marks it as taken back.
        """
        rows = list(self.query("SELECT * FROM live_reviews WHERE id = ?", [review_id]))
        if not rows:
            raise QuizError(f"review {review_id} does not exist or was already undone")
        review = rows[0]
        later = self.conn.execute(
            "SELECT count(*) FROM live_reviews WHERE card_id = ? AND id > ?", [review["card_id"], review_id]
        ).fetchone()[0]
        if later:
            raise QuizError("only the card's latest answer can be undone")
        with self.writing():
            self.conn.execute("INSERT INTO undos (review_id, undone_at) VALUES (?, ?)", [review_id, to_db_time(now)])
            self._set_schedule(review["card_id"], json.loads(review["state_before"]))
            if review["leeched"]:
                self.conn.execute("UPDATE cards SET suspended = 0, leech = 0 WHERE id = ?", [review["card_id"]])
            for sibling, buried_until in json.loads(review["buried_siblings"]).items():
                self.conn.execute("UPDATE cards SET buried_until = ? WHERE id = ?", [buried_until, sibling])
        return review

    def set_suspended(self, card_id: str, suspended: bool) -> None:
        self.card(card_id)
        with self.writing():
            self.conn.execute(
                "UPDATE cards SET suspended = ?, leech = CASE WHEN ? THEN leech ELSE 0 END WHERE id = ?",
                [int(suspended), int(suspended), card_id],
            )

    def bury(self, card_id: str, until: datetime) -> None:
        with self.writing():
            self.conn.execute("UPDATE cards SET buried_until = ? WHERE id = ?", [to_db_time(until), card_id])

    def set_deck_options(self, deck: str, options: dict) -> dict:
        self.deck_options(deck)
        unknown = set(options) - set(OPTION_COLUMNS)
        if unknown:
            raise QuizError(f"unknown deck option(s): {', '.join(sorted(unknown))}")
        if options:
            with self.writing():
                self.db["decks"].update(deck, options)
        return self.deck_options(deck)

    def set_external_ids(self, mapping: dict[str, str]) -> None:
        """Remember which card an outside id (an Anki card id) stands for, for later history imports."""
        with self.writing():
            self.conn.executemany("UPDATE cards SET external_id = ? WHERE id = ?", list(mapping.items()))

    def cards_by_external_id(self, external_ids: list[str]) -> dict[str, str]:
        found = {}
        for start in range(0, len(external_ids), 500):
            chunk = external_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self.query(f"SELECT id, external_id FROM cards WHERE external_id IN ({marks})", chunk):
                found[row["external_id"]] = row["id"]
        return found

    def import_history(self, reviews: list[tuple[str, int, datetime, int | None]], review_state) -> tuple[int, int]:
        """Append outside reviews (card id, rating, time, duration), replayed through the scheduler.

        `review_state(card_row, state, rating, time)` gives the state after each review. Reviews
        older than a card's latest known review are skipped: history is only ever appended.
        Returns (imported, skipped); all or nothing.
        """
        by_card: dict[str, list] = {}
        for review in sorted(reviews, key=lambda r: (r[0], r[2])):
            by_card.setdefault(review[0], []).append(review)
        imported = skipped = 0
        with self.writing():
            for card_id, items in by_card.items():
                row = self.card(card_id)
                state = schedule_state(row)
                for _, rating, moment, duration in items:
                    if state["last_review"] and to_db_time(moment) <= state["last_review"]:
                        skipped += 1
                        continue
                    after = review_state(row, state, rating, moment)
                    self._append_review(card_id, rating, moment, duration, state, after)
                    state = after
                    imported += 1
                self._set_schedule(card_id, state)
        return imported, skipped

    def rebuild_state(self) -> dict[str, dict]:
        """Each card's schedule as the review log says it is (relinks followed); new cards omitted."""
        latest = {
            row["card_id"]: json.loads(row["state_after"])
            for row in self.query(
                "SELECT card_id, state_after FROM live_reviews WHERE id IN"
                " (SELECT max(id) FROM live_reviews GROUP BY card_id)"
            )
        }
        links = {
            row["relinked_to"]: row["id"]
            for row in self.query("SELECT id, relinked_to FROM cards WHERE relinked_to IS NOT NULL")
        }
        states = {}
        for card_id in [row["id"] for row in self.query("SELECT id FROM cards WHERE relinked_to IS NULL")]:
            current, seen = card_id, set()
            while current not in latest and current in links and current not in seen:
                seen.add(current)
                current = links[current]
            if current in latest:
                states[card_id] = latest[current]
        return states

    def check(self, repair: bool = False) -> dict:
        """Integrity of the file, and cards whose cached schedule differs from what the log says.

        With `repair`, those cards get the schedule the log gives (new cards with no live
        review go back to new). The log itself is never changed.
        """
        integrity = self.conn.execute("PRAGMA integrity_check").fetchone()[0]
        rebuilt = self.rebuild_state()
        drifted = []
        for row in self.query(f"SELECT id, {', '.join(SCHEDULE_COLUMNS)} FROM cards WHERE relinked_to IS NULL"):
            expected = rebuilt.get(row["id"], NEW_STATE)
            if schedule_state(row) != expected:
                drifted.append(row["id"])
        if repair and drifted:
            with self.writing():
                for card_id in drifted:
                    self._set_schedule(card_id, rebuilt.get(card_id, NEW_STATE))
        return {"integrity": integrity, "cards_checked": len(rebuilt), "drifted": drifted, "repaired": repair}

    def review_count(self, deck: str | None = None) -> int:
        if deck:
            sql = "SELECT count(*) FROM live_reviews AS r JOIN cards ON cards.id = r.card_id WHERE cards.deck = ?"
            return self.conn.execute(sql, [deck]).fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM live_reviews").fetchone()[0]

    def reviews(self, card_id: str) -> list[dict]:
        """The card's answers, oldest first, including those of cards it was relinked from."""
        ids = [card_id]
        while True:
            rows = list(self.query("SELECT id FROM cards WHERE relinked_to = ?", [ids[-1]]))
            if not rows or rows[0]["id"] in ids:
                break
            ids.append(rows[0]["id"])
        marks = ", ".join("?" * len(ids))
        return list(self.query(f"SELECT * FROM live_reviews WHERE card_id IN ({marks}) ORDER BY id", ids))


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


def _candidate(card_id: str, kind: str, answer: str, source: dict):
    from quiz.relink import Candidate

    return Candidate(card_id, kind, answer, source.get("file", ""), source.get("text", ""))


def schedule_state(row: dict) -> dict:
    return {column: row[column] for column in SCHEDULE_COLUMNS}
