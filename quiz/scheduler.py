"""FSRS scheduling through the `fsrs` package, and the study-day clock.

fsrs has no "new" state: a card nobody has answered yet sits in the `new` queue here and
becomes an fsrs card at its first review.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import fsrs

from quiz.store import from_db_time, to_db_time

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
ROLLOVER_HOUR = 4

_QUEUE_OF_STATE = {
    fsrs.State.Learning: "learning",
    fsrs.State.Review: "review",
    fsrs.State.Relearning: "relearning",
}
_STATE_OF_QUEUE = {queue: state for state, queue in _QUEUE_OF_STATE.items()}


@dataclass(frozen=True)
class SchedulerOptions:
    desired_retention: float = 0.9
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=1), timedelta(minutes=10))
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval_days: int = 36500
    fuzz: bool = True
    parameters: tuple[float, ...] | None = None


class Scheduler:
    def __init__(self, options: SchedulerOptions | None = None):
        self.options = options or SchedulerOptions()
        kwargs = {}
        if self.options.parameters:
            kwargs["parameters"] = self.options.parameters
        self._fsrs = fsrs.Scheduler(
            desired_retention=self.options.desired_retention,
            learning_steps=self.options.learning_steps,
            relearning_steps=self.options.relearning_steps,
            maximum_interval=self.options.maximum_interval_days,
            enable_fuzzing=self.options.fuzz,
            **kwargs,
        )

    def review(self, state: dict, rating: int, now: datetime, seed: str = "") -> dict:
        """The card's schedule state after answering with `rating` at `now`.

        Fuzz is drawn from a generator seeded by the card and its review count (as Anki
        does), so the interval previewed on a button is the interval answering gives.
        """
        card = _to_fsrs(state, now)
        with _seeded_fuzz(f"{seed}:{state['reps']}"):
            reviewed, _ = self._fsrs.review_card(card, fsrs.Rating(rating), review_datetime=now)
        lapsed = state["queue"] == "review" and rating == 1
        return {
            "queue": _QUEUE_OF_STATE[reviewed.state],
            "step": reviewed.step,
            "stability": reviewed.stability,
            "difficulty": reviewed.difficulty,
            "due": to_db_time(reviewed.due),
            "last_review": to_db_time(reviewed.last_review),
            "reps": state["reps"] + 1,
            "lapses": state["lapses"] + (1 if lapsed else 0),
        }

    def preview(self, state: dict, now: datetime, seed: str = "") -> dict[int, timedelta]:
        """How long until the card is due again, for each grade."""
        return {rating: from_db_time(self.review(state, rating, now, seed)["due"]) - now for rating in RATINGS}


@contextmanager
def _seeded_fuzz(seed: str) -> Iterator[None]:
    """fsrs draws fuzz from the `random` module; seed it for one review, then put it back."""
    saved = random.getstate()
    random.seed(seed)
    try:
        yield
    finally:
        random.setstate(saved)


def _to_fsrs(state: dict, now: datetime) -> fsrs.Card:
    if state["queue"] == "new":
        return fsrs.Card(card_id=0, due=now)
    return fsrs.Card(
        card_id=0,
        state=_STATE_OF_QUEUE[state["queue"]],
        step=state["step"],
        stability=state["stability"],
        difficulty=state["difficulty"],
        due=from_db_time(state["due"]),
        last_review=from_db_time(state["last_review"]) if state["last_review"] else None,
    )


def day_start(now: datetime) -> datetime:
    """When the study day containing `now` began: 04:00 local time, as in Anki."""
    local = now.astimezone()
    start = local.replace(hour=ROLLOVER_HOUR, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    return start.astimezone(UTC)


def day_end(now: datetime) -> datetime:
    local_start = day_start(now).astimezone()
    # Add a calendar day in local time, so a DST change keeps the rollover at 04:00.
    next_start = (local_start.replace(tzinfo=None) + timedelta(days=1)).astimezone()
    return next_start.astimezone(UTC)


def format_interval(delta: timedelta) -> str:
    """Anki-style short interval: 45s, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = max(delta.total_seconds(), 0)
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds / 60:.0f}m"
    if seconds < 86400:
        return f"{seconds / 3600:.0f}h"
    days = seconds / 86400
    if days < 30:
        return f"{days:.0f}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


def utc_now() -> datetime:
    return datetime.now(UTC)
