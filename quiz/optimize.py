"""Fitting FSRS to the learner's own history with fsrs-rs-python (no torch).

Items are day-level, as FSRS trains: each card's reviews in order, the gap between
them in whole study days; one item per review that ends a day gap (a review on the same
day as the one before does not end an item). Items are ordered by the time of their last
review, as fsrs-rs expects: it weights later items more, and a time-series split must cut
on time, not on cards. The fitted parameters are judged honestly, on time-series splits
(fit on the past, score on the future), against the parameters in use scored on all
items; they are applied only when both log loss and RMSE(bins) improve. The fitted
parameters' in-sample score is reported too, for comparison with other tools.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from quiz.errors import QuizError
from quiz.scheduler import ROLLOVER_HOUR
from quiz.store import Store, from_db_time

MIN_ITEMS = 64


@dataclass(frozen=True)
class Fit:
    reviews: int
    items: int
    before: dict
    after: dict
    in_sample: dict
    parameters: list[float]
    applied: bool

    def to_dict(self) -> dict:
        return {
            "before": self.before,
            "after": self.after,
            "in_sample": self.in_sample,
            "reviews": self.reviews,
            "items": self.items,
            "parameters": self.parameters,
            "applied": self.applied,
        }


def training_items(histories: dict[str, list[tuple[datetime, int]]], day_offset: timedelta = timedelta(0)):
    """FSRSItems from each card's (time, rating) history, oldest item first."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    dated = []
    for history in histories.values():
        history = sorted(history)
        reviews = []
        last_day = (history[0][0] + day_offset).date()
        for moment, rating in history:
            day = (moment + day_offset).date()
            gap = (day - last_day).days
            reviews.append(FSRSReview(rating, gap))
            if gap > 0:
                dated.append((moment, FSRSItem(list(reviews))))
            last_day = day
    dated.sort(key=lambda pair: pair[0])
    return [item for _, item in dated if item.long_term_review_cnt() > 0]


def review_histories(store: Store, deck: str | None) -> tuple[dict[str, list[tuple[datetime, int]]], int]:
    """Each card's (time, rating) reviews, undone ones left out, and how many there are."""
    where = "WHERE cards.deck = ?" if deck else ""
    histories: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    count = 0
    for row in store.query(
        "SELECT reviews.card_id AS card, reviewed_at, rating FROM live_reviews AS reviews"
        f" JOIN cards ON cards.id = reviews.card_id {where}",
        [deck] if deck else [],
    ):
        histories[row["card"]].append((from_db_time(row["reviewed_at"]), row["rating"]))
        count += 1
    return histories, count


def _score(evaluation) -> dict:
    return {"log_loss": round(evaluation.log_loss, 4), "rmse_bins": round(evaluation.rmse_bins, 4)}


def default_day_offset() -> timedelta:
    """UTC stamps shifted so a study day runs from 04:00 local time, like the queue's."""
    return datetime.now().astimezone().utcoffset() - timedelta(hours=ROLLOVER_HOUR)


def fit(store: Store, deck: str | None, apply: bool = True, day_offset: timedelta | None = None) -> Fit:
    from fsrs_rs_python import (
        DEFAULT_PARAMETERS,
        FSRS,
        evaluate_with_time_series_splits,
    )

    decks = [deck] if deck else store.deck_names()
    for name in decks:
        store.deck_options(name)
    histories, count = review_histories(store, deck)
    items = training_items(histories, default_day_offset() if day_offset is None else day_offset)
    if len(items) < MIN_ITEMS:
        raise QuizError(f"only {len(items)} day-level reviews to learn from; optimize needs at least {MIN_ITEMS}")
    current = store.deck_options(decks[0]).get("fsrs_parameters") if decks else None
    in_use = json.loads(current) if current else list(DEFAULT_PARAMETERS)
    before = _score(FSRS(in_use).evaluate(items))
    after = _score(evaluate_with_time_series_splits(items))
    fitted = FSRS(in_use).compute_parameters(items)
    in_sample = _score(FSRS(fitted).evaluate(items))
    parameters = [round(p, 4) for p in fitted]
    better = after["log_loss"] < before["log_loss"] and after["rmse_bins"] < before["rmse_bins"]
    if apply and better:
        for name in decks:
            store.set_deck_options(name, {"fsrs_parameters": json.dumps(parameters)})
    return Fit(
        reviews=count,
        items=len(items),
        before=before,
        after=after,
        in_sample=in_sample,
        parameters=parameters,
        applied=apply and better,
    )
