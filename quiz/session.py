"""Study logic with no UI: which card comes next, and what answering it does.

Queue order, as in Anki: learning cards due now, then reviews due today, then new cards
within the deck's daily limit; when nothing else is left, learning cards due within the
learn-ahead window. Every answer is committed before the next card is chosen.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from quiz.errors import QuizError
from quiz.scheduler import Scheduler, SchedulerOptions, day_end, day_start, utc_now
from quiz.store import Store, schedule_state, to_db_time

if TYPE_CHECKING:
    from quiz.answers import Check

LEARN_AHEAD = timedelta(minutes=20)
LEARNING_COUNT_CAP = 9999


@dataclass(frozen=True)
class StudyCard:
    id: str
    deck: str
    kind: str
    prompt: str
    answer: str
    answer_type: str
    choices: tuple[str, ...]
    fact: str
    source: dict
    queue: str
    state: dict

    @classmethod
    def from_row(cls, row: dict) -> StudyCard:
        return cls(
            id=row["id"],
            deck=row["deck"],
            kind=row["kind"],
            prompt=row["prompt"],
            answer=row["answer"],
            answer_type=row["answer_type"],
            choices=tuple(json.loads(row["choices"])),
            fact=row["fact"],
            source=json.loads(row["source"]),
            queue=row["queue"],
            state=schedule_state(row),
        )


@dataclass(frozen=True)
class Counts:
    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


def scheduler_for(options: dict, fuzz: bool = True) -> Scheduler:
    """The FSRS scheduler a deck's stored options describe."""
    return Scheduler(
        SchedulerOptions(
            desired_retention=options["desired_retention"],
            learning_steps=tuple(timedelta(seconds=s) for s in json.loads(options["learning_steps"])),
            relearning_steps=tuple(timedelta(seconds=s) for s in json.loads(options["relearning_steps"])),
            maximum_interval_days=options["maximum_interval"],
            fuzz=fuzz,
            parameters=tuple(json.loads(options["fsrs_parameters"])) if options.get("fsrs_parameters") else None,
        )
    )


@dataclass(frozen=True)
class Answered:
    """What one answer did, kept so it can be undone."""

    review_id: int
    card: StudyCard
    rating: int
    leeched: bool


class Session:
    """One study sitting over one deck or all of them.

    `extra_new` and `review_ahead` are Anki's custom study: more new cards than the daily
    limit today, and reviews that fall due within the next days.
    """

    def __init__(
        self,
        store: Store,
        deck: str | None = None,
        clock: Callable[[], datetime] = utc_now,
        scheduler: Scheduler | None = None,
        extra_new: int = 0,
        review_ahead: timedelta = timedelta(0),
    ):
        self.store = store
        self.clock = clock
        names = store.deck_names()
        if deck is not None and deck not in names:
            known = ", ".join(names) or "none"
            raise QuizError(f"no deck named {deck!r} (decks: {known})")
        self.decks = [deck] if deck else names
        self.extra_new = extra_new
        self.review_ahead = review_ahead
        self._options = {name: store.deck_options(name) for name in self.decks}
        self._schedulers = {name: scheduler or scheduler_for(self._options[name]) for name in self.decks}
        self.answered = 0
        self.again = 0
        self.history: list[Answered] = []
        self.started = clock()
        self._open_day(self.started)

    @property
    def elapsed(self) -> timedelta:
        return self.clock() - self.started

    def _open_day(self, now: datetime) -> None:
        """Read today's remaining daily allowances once, then keep them up to date in memory."""
        self._day_start = day_start(now)
        self._day_end = day_end(now)
        since = to_db_time(self._day_start)
        done = {
            (row["deck"], row["was_new"]): row["n"]
            for row in self.store.query(
                "SELECT cards.deck AS deck, json_extract(state_before, '$.queue') = 'new' AS was_new,"
                " count(*) AS n FROM live_reviews AS reviews JOIN cards ON cards.id = reviews.card_id"
                " WHERE reviewed_at >= ? GROUP BY 1, 2",
                [since],
            )
        }
        self._new_left: dict[str, int] = {}
        self._reviews_left: dict[str, int] = {}
        for name in self.decks:
            options = self._options[name]
            self._new_left[name] = max(options["new_per_day"] + self.extra_new - done.get((name, 1), 0), 0)
            self._reviews_left[name] = max(options["reviews_per_day"] - done.get((name, 0), 0), 0)

    def _where(self, decks: list[str]) -> tuple[str, list]:
        marks = ", ".join("?" * len(decks))
        now = to_db_time(self.clock())
        return (
            f"retired_at IS NULL AND suspended = 0 AND deck IN ({marks})"
            " AND (buried_until IS NULL OR buried_until <= ?)",
            [*decks, now],
        )

    def _first(self, condition: str, params: list, decks: list[str], order: str) -> dict | None:
        if not decks:
            return None
        where, base = self._where(decks)
        rows = list(
            self.store.query(
                f"SELECT * FROM cards WHERE {where} AND {condition} ORDER BY {order} LIMIT 1",
                base + params,
            )
        )
        return rows[0] if rows else None

    def next_card(self) -> StudyCard | None:
        now = self.clock()
        if now >= self._day_end:
            self._open_day(now)
        stamp = to_db_time(now)
        row = (
            self._first("queue IN ('learning', 'relearning') AND due <= ?", [stamp], self.decks, "due")
            or self._first(
                "queue = 'review' AND due < ?",
                [to_db_time(self._day_end + self.review_ahead)],
                [d for d in self.decks if self._reviews_left[d] > 0],
                "due",
            )
            or self._first("queue = 'new'", [], [d for d in self.decks if self._new_left[d] > 0], "deck, position")
            or self._first(
                "queue IN ('learning', 'relearning') AND due <= ?",
                [to_db_time(now + LEARN_AHEAD)],
                self.decks,
                "due",
            )
        )
        return StudyCard.from_row(row) if row else None

    def counts(self) -> Counts:
        """Cards left today: new (within limits), learning due today, reviews due today.

        Each count stops at the deck's remaining daily allowance, so the cost stays bounded
        by the limits, not by the size of the collection.
        """
        new = learning = review = 0
        end = to_db_time(self._day_end + self.review_ahead)
        for deck in self.decks:
            where, base = self._where([deck])
            new += self._bounded_count(f"{where} AND queue = 'new'", base, self._new_left[deck])
            review += self._bounded_count(
                f"{where} AND queue = 'review' AND due < ?", [*base, end], self._reviews_left[deck]
            )
            learning += self._bounded_count(
                f"{where} AND queue IN ('learning', 'relearning') AND due < ?",
                [*base, to_db_time(self._day_end)],
                LEARNING_COUNT_CAP,
            )
        return Counts(new=new, learning=learning, review=review)

    def _bounded_count(self, where: str, params: list, limit: int) -> int:
        if limit <= 0:
            return 0
        return self.store.conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM cards WHERE {where} LIMIT ?)", [*params, limit]
        ).fetchone()[0]

    def preview(self, card: StudyCard) -> dict[int, timedelta]:
        return self._schedulers[card.deck].preview(card.state, self.clock(), seed=card.id)

    def check(self, card: StudyCard, typed: str) -> Check:
        """A typed answer against the card's: the verdict suggests a grade the learner may change."""
        from quiz.answers import (
            check_answer,  # rapidfuzz and text2num load on the first typed answer
        )

        return check_answer(typed, card.answer)

    def answer(self, card: StudyCard, rating: int, duration_ms: int | None = None) -> dict:
        """Grade the card; the review is committed before this returns."""
        if rating not in (1, 2, 3, 4):
            raise QuizError(f"rating must be 1-4, not {rating!r}")
        now = self.clock()
        after = self._schedulers[card.deck].review(card.state, rating, now, seed=card.id)
        threshold = self._options[card.deck]["leech_threshold"]
        leeched = after["lapses"] > card.state["lapses"] and after["lapses"] >= threshold
        review_id = self.store.record_review(
            card.id,
            rating,
            now,
            duration_ms,
            card.state,
            after,
            bury_siblings_until=self._day_end,
            leeched=leeched,
        )
        self._count(card, +1)
        self.answered += 1
        self.again += rating == 1
        self.history.append(Answered(review_id, card, rating, leeched))
        return after

    def _count(self, card: StudyCard, direction: int) -> None:
        if card.queue == "new":
            self._new_left[card.deck] = max(self._new_left[card.deck] - direction, 0)
        elif card.queue == "review":
            self._reviews_left[card.deck] = max(self._reviews_left[card.deck] - direction, 0)

    def undo(self) -> StudyCard | None:
        """Take back this session's last answer; returns the card, to be asked again."""
        if not self.history:
            return None
        last = self.history.pop()
        self.store.undo_review(last.review_id, self.clock())
        self._count(last.card, -1)
        self.answered -= 1
        self.again -= last.rating == 1
        return StudyCard.from_row(self.store.card(last.card.id))

    def bury(self, card: StudyCard) -> None:
        """Hide the card until tomorrow's study day."""
        self.store.bury(card.id, self._day_end)

    def suspend(self, card: StudyCard) -> None:
        """Hide the card until it is unsuspended."""
        self.store.set_suspended(card.id, True)
